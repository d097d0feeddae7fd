// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

class FeedSettings;
class SecretStore;

// Removes a feed for good: from FeedSettings at once, and both secrets it may have had
// (token, Basic password) from the SecretStore, so no credential outlives its feed.
class FeedRemover final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FeedRemover)

public:
    explicit FeedRemover(FeedSettings *settings, SecretStore *secrets, QObject *parent = nullptr);
    ~FeedRemover() override;

    // False (and no signal) when there is no such feed. Otherwise removed() follows once the
    // keychain has answered for both secrets.
    bool remove(const QString &name);

Q_SIGNALS:
    // `warning` is empty unless a secret could not be deleted (locked keyring and such).
    void removed(const QString &name, const QString &warning);

private:
    FeedSettings *m_settings;
    SecretStore *m_secrets;
};
