// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectorsaver.h"

#include "connectorstore.h"
#include "feederror.h"
#include "secrets/secretstore.h"

using namespace Qt::Literals::StringLiterals;

ConnectorSaver::ConnectorSaver(ConnectorStore *store, SecretStore *secrets)
    : m_store(store)
    , m_secrets(secrets)
{
}

void ConnectorSaver::add(const ConnectorConfig &config, const QByteArray &secret, QObject *context, Done done) const
{
    if (const QString invalid = config.validationError(); !invalid.isEmpty())
        return done({invalid, {}});
    if (m_store->connector(config.name))
        return done({tr("the local feed already has a connector named %1; remove it first").arg(config.name), {}});
    if (config.auth != ConnectorConfig::Auth::None && secret.isEmpty())
        return done({tr("the connector %1 needs a secret, and none was given").arg(config.name), {}});
    if (const FeedError error = m_store->saveConnector(config))
        return done({error.detail, {}});
    if (config.auth == ConnectorConfig::Auth::None)
        return done({});
    ConnectorStore *store = m_store;
    m_secrets->writeSecret(ConnectorConfig::secretKey(m_store->dataDir(), config.name), secret, context,
                           [store, name = config.name, done](const SecretStore::Result &result) {
                               if (result.ok())
                                   return done({});
                               // Never a connector without its secret.
                               const FeedError undone = store->removeConnector(name);
                               Q_UNUSED(undone)
                               done({tr("its secret could not be kept in the keychain: %1").arg(result.message), {}});
                           });
}

void ConnectorSaver::update(const ConnectorConfig &config, const QByteArray &secret, QObject *context, Done done) const
{
    if (const QString invalid = config.validationError(); !invalid.isEmpty())
        return done({invalid, {}});
    const auto before = m_store->connector(config.name);
    if (!before)
        return done({tr("the local feed has no connector named %1").arg(config.name), {}});
    if (config.auth != ConnectorConfig::Auth::None && secret.isEmpty() && config.auth != before->auth)
        return done({tr("the connector %1 authenticates another way now and needs its new secret").arg(config.name), {}});
    const QString key = ConnectorConfig::secretKey(m_store->dataDir(), config.name);
    ConnectorStore *store = m_store;
    if (config.auth == ConnectorConfig::Auth::None) {
        if (const FeedError error = store->saveConnector(config))
            return done({error.detail, {}});
        if (before->auth == ConnectorConfig::Auth::None)
            return done({});
        return m_secrets->deleteSecret(key, context, [done](const SecretStore::Result &result) {
            if (!result.ok() && result.error != SecretStore::Error::NotFound)
                return done({{}, tr("the connector needs no secret now, but its old one stays in the keychain: %1").arg(result.message)});
            done({});
        });
    }
    if (secret.isEmpty()) {
        const FeedError error = store->saveConnector(config);
        return done({error ? error.detail : QString(), {}});
    }
    m_secrets->writeSecret(key, secret, context, [store, config, done](const SecretStore::Result &result) {
        if (!result.ok())
            return done({tr("the new secret could not be kept in the keychain, so nothing changed: %1").arg(result.message), {}});
        const FeedError error = store->saveConnector(config);
        done({error ? error.detail : QString(), {}});
    });
}

void ConnectorSaver::remove(const QString &name, QObject *context, Done done) const
{
    const auto config = m_store->connector(name);
    if (!config)
        return done({tr("the local feed has no connector named %1").arg(name), {}});
    if (const FeedError error = m_store->removeConnector(name))
        return done({error.detail, {}});
    if (config->auth == ConnectorConfig::Auth::None)
        return done({});
    m_secrets->deleteSecret(ConnectorConfig::secretKey(m_store->dataDir(), name), context, [done](const SecretStore::Result &result) {
        if (!result.ok() && result.error != SecretStore::Error::NotFound)
            return done({{}, tr("the connector is removed, but its secret stays in the keychain: %1").arg(result.message)});
        done({});
    });
}
