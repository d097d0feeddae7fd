// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cargotypes/feed.h"

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

    // The feed's client; a feed whose settings changed gets a new one, and the old one retires.
    RegistryClient *client(const Feed &feed);
    // A secret known to the app itself rather than the keychain (the embedded feed's token).
    void setCredential(const QString &feedName, const QByteArray &secret);
    // The feed was edited or removed: its client retires (RegistryClient::retire) with
    // `reason`, and is deleted once the event loop is back.
    void forget(const QString &feedName, const QString &reason = {});
    HttpClient *http() const { return m_http; }
    SecretStore *secrets() const { return m_secrets; }

private:
    void retire(std::unique_ptr<RegistryClient> client, const QString &reason);

    HttpClient *m_http;
    IndexCache *m_cache;
    SecretStore *m_secrets;
    std::unordered_map<QString, std::unique_ptr<RegistryClient>> m_clients;
    std::unordered_map<QString, QByteArray> m_credentials;
};
