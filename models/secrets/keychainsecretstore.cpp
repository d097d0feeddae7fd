// SPDX-License-Identifier: GPL-3.0-or-later
#include "keychainsecretstore.h"

#include <qt6keychain/keychain.h>

#include <QCoreApplication>
#include <QLoggingCategory>

using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcSecrets, "cratedesk.secrets")

namespace {

SecretStore::Error toError(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::NoError:
        return SecretStore::Error::None;
    case QKeychain::EntryNotFound:
        return SecretStore::Error::NotFound;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return SecretStore::Error::AccessDenied;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return SecretStore::Error::NoBackend;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        break;
    }
    return SecretStore::Error::Other;
}

QString describe(SecretStore::Error error, const QString &key, const QString &backendText)
{
    switch (error) {
    case SecretStore::Error::None:
        return {};
    case SecretStore::Error::NotFound:
        return QCoreApplication::translate("KeychainSecretStore", "No secret is stored for %1.").arg(key);
    case SecretStore::Error::AccessDenied:
        return QCoreApplication::translate("KeychainSecretStore", "The keychain refused access to %1 (%2). Unlock the keyring and try again.").arg(key, backendText);
    case SecretStore::Error::NoBackend:
        return QCoreApplication::translate("KeychainSecretStore", "No keychain is available (%1). Start a Secret Service such as GNOME Keyring or KWallet.").arg(backendText);
    case SecretStore::Error::Other:
        break;
    }
    return QCoreApplication::translate("KeychainSecretStore", "The keychain failed for %1: %2").arg(key, backendText);
}

// Runs a QtKeychain job and reports through the SecretStore callback contract.
template<typename Job, typename Finish>
void runJob(Job *job, const QString &key, QObject *context, SecretStore::Callback done, Finish finish)
{
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    const bool hadContext = context != nullptr;
    QPointer<QObject> guard(context);
    QObject::connect(job, &QKeychain::Job::finished, job, [job, key, hadContext, guard, done = std::move(done), finish](QKeychain::Job *) {
        if (hadContext && !guard)
            return;
        SecretStore::Result result;
        result.key = key;
        result.error = toError(job->error());
        if (result.ok())
            finish(job, result);
        else {
            result.message = describe(result.error, key, job->errorString());
            qCDebug(lcSecrets) << "keychain job failed for" << key << result.error;
        }
        done(result);
    });
    job->start();
}

} // namespace

KeychainSecretStore::KeychainSecretStore(const QString &service, QObject *parent)
    : SecretStore(parent)
    , m_service(service)
{
}

KeychainSecretStore::~KeychainSecretStore() = default;

void KeychainSecretStore::readSecret(const QString &key, QObject *context, Callback done)
{
    runJob(new QKeychain::ReadPasswordJob(m_service, this), key, context, std::move(done),
           [](QKeychain::ReadPasswordJob *job, SecretStore::Result &result) { result.secret = job->binaryData(); });
}

void KeychainSecretStore::writeSecret(const QString &key, const QByteArray &secret, QObject *context, Callback done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setBinaryData(secret);
    runJob(job, key, context, std::move(done), [](QKeychain::WritePasswordJob *, SecretStore::Result &) {});
}

void KeychainSecretStore::deleteSecret(const QString &key, QObject *context, Callback done)
{
    runJob(new QKeychain::DeletePasswordJob(m_service, this), key, context, std::move(done),
           [](QKeychain::DeletePasswordJob *, SecretStore::Result &) {});
}
