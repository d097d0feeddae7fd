// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

// Where secrets (tokens, Basic passwords) live. The only path a secret may take to storage:
// never QSettings, never a file of ours, never a log line.
class SecretStore : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretStore)

public:
    enum class Error {
        None,
        NotFound,       // no secret under this key
        AccessDenied,   // the user refused, or the keyring is locked
        NoBackend,      // no Secret Service / keychain is running
        Other,
    };
    Q_ENUM(Error)

    struct Result
    {
        QString key;
        QByteArray secret; // empty unless a read succeeded
        Error error = Error::None;
        QString message; // for the user; never contains the secret

        bool ok() const { return error == Error::None; }
    };
    using Callback = std::function<void(const Result &)>;

    explicit SecretStore(QObject *parent = nullptr);
    ~SecretStore() override;

    // Each call completes asynchronously, exactly once. `context` bounds the callback's
    // lifetime: when it is destroyed first, the callback is dropped.
    virtual void readSecret(const QString &key, QObject *context, Callback done) = 0;
    virtual void writeSecret(const QString &key, const QByteArray &secret, QObject *context, Callback done) = 0;
    virtual void deleteSecret(const QString &key, QObject *context, Callback done) = 0;
};
