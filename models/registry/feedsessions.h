// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "feed.h"

#include <QString>
#include <QObject>

#include <memory>
#include <unordered_map>

class HttpClient;
class IndexCache;
class RegistryClient;
class SecretStore;

// One RegistryClient per feed for the life of the window, so that each feed's config.json,
// credentials and parsed index files are fetched once. Editing or removing a feed drops its
// client; the next use makes a new one with the new settings.
class FeedSessions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FeedSessions)

public:
    FeedSessions(HttpClient *http, IndexCache *cache, SecretStore *secrets, QObject *parent = nullptr);
    ~FeedSessions() override;

    RegistryClient *client(const Feed &feed);
    // A secret known to the app itself rather than the keychain (the embedded feed's token).
    void setCredential(const QString &feedName, const QByteArray &secret);
    void forget(const QString &feedName);
    HttpClient *http() const { return m_http; }
    SecretStore *secrets() const { return m_secrets; }

private:
    HttpClient *m_http;
    IndexCache *m_cache;
    SecretStore *m_secrets;
    std::unordered_map<QString, std::unique_ptr<RegistryClient>> m_clients;
    std::unordered_map<QString, QByteArray> m_credentials;
};
