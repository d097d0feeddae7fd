// SPDX-License-Identifier: GPL-3.0-or-later
#include "feedsessions.h"

#include "registryclient.h"

using namespace Qt::Literals::StringLiterals;

FeedSessions::FeedSessions(HttpClient *http, IndexCache *cache, SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_http(http)
    , m_cache(cache)
    , m_secrets(secrets)
{
}

FeedSessions::~FeedSessions() = default;

RegistryClient *FeedSessions::client(const Feed &feed)
{
    auto it = m_clients.find(feed.name);
    if (it != m_clients.end() && it->second->feed() == feed)
        return it->second.get();
    if (it != m_clients.end())
        retire(std::move(it->second), tr("the settings of the feed %1 changed").arg(feed.name));
    auto client = std::make_unique<RegistryClient>(feed, m_http, m_cache, m_secrets);
    RegistryClient *raw = client.get();
    if (const auto secret = m_credentials.find(feed.name); secret != m_credentials.end())
        raw->setCredential(secret->second);
    m_clients.insert_or_assign(feed.name, std::move(client));
    return raw;
}

void FeedSessions::forget(const QString &feedName, const QString &reason)
{
    auto it = m_clients.find(feedName);
    if (it == m_clients.end())
        return;
    std::unique_ptr<RegistryClient> client = std::move(it->second);
    m_clients.erase(it);
    retire(std::move(client), reason.isEmpty() ? tr("the feed %1 was edited or removed").arg(feedName) : reason);
}

void FeedSessions::retire(std::unique_ptr<RegistryClient> client, const QString &reason)
{
    client->retire(reason);
    client.release()->deleteLater();
}

void FeedSessions::setCredential(const QString &feedName, const QByteArray &secret)
{
    m_credentials.insert_or_assign(feedName, secret);
    forget(feedName);
}
