// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "secretstore.h"

// SecretStore over QtKeychain: the Secret Service (GNOME Keyring, KWallet, KeePassXC) on
// Linux, the Keychain on macOS, the Credential Manager on Windows. No insecure fallback:
// when no keychain runs, calls fail with NoBackend instead of writing a plain file.
class KeychainSecretStore final : public SecretStore
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeychainSecretStore)

public:
    // `service` groups our entries in the keychain; tests pass their own to stay apart.
    explicit KeychainSecretStore(const QString &service = QStringLiteral("CrateDesk"), QObject *parent = nullptr);
    ~KeychainSecretStore() override;

    QString service() const { return m_service; }

    void readSecret(const QString &key, QObject *context, Callback done) override;
    void writeSecret(const QString &key, const QByteArray &secret, QObject *context, Callback done) override;
    void deleteSecret(const QString &key, QObject *context, Callback done) override;

private:
    QString m_service;
};
