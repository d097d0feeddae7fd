// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectorstore.h"
#include "curation/connectorconfig.h"
#include "cargotypes/registryconfig.h"
#include "cargotypes/registryerror.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

class HttpClient;
class RegistryClient;
class RegistryReply;

// One upstream sparse registry of the local feed, at run time: the caching policy around the
// RegistryClient that talks to it. Index files are cached with their validators and kept
// fresh for `cacheSeconds`, licenses come from the upstream's web API or its crates, and
// .crate files are downloaded once, checked against the index cksum and cached. When the
// upstream cannot be reached, whatever was cached is served and marked stale. Requests for
// the same file share one fetch. Never blocks; every answer comes through a callback.
class UpstreamConnector final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UpstreamConnector)

public:
    struct Index
    {
        enum class State { Found, NotFound, Failed };
        State state = State::NotFound;
        QByteArray body;                  // the upstream's index file as it sent it
        QHash<QString, QString> licenses; // version -> license, where known
        quint64 generation = 0;           // changes whenever body or licenses do
        bool stale = false;               // from the cache: the upstream could not be reached
        QString error;                    // Failed: why
    };
    using IndexCallback = std::function<void(const Index &)>;

    struct Download
    {
        QString path;
        QString license; // from the crate's Cargo.toml
        RegistryError error;
    };
    using DownloadCallback = std::function<void(const Download &)>;
    using TestCallback = std::function<void(const RegistryError &error, const QString &summary)>;

    // `store` may be null (a connection test of settings not saved yet): nothing is cached.
    UpstreamConnector(const ConnectorConfig &config, ConnectorStore *store, HttpClient *http, QObject *parent = nullptr);
    ~UpstreamConnector() override;

    const ConnectorConfig &config() const { return m_config; }

    // The secret arrives asynchronously from the keychain; requests wait for it.
    void setSecret(const QByteArray &secret);
    void setSecretError(const QString &message);
    bool isReady() const { return m_ready; }

    // The largest .crate taken from the upstream (the local feed's maximum crate size).
    void setMaxCrateBytes(qint64 bytes);

    void index(const QString &lowerName, IndexCallback done);
    void crate(const QString &name, const QString &vers, const QString &cksum, DownloadCallback done);
    // config.json, fresh, with the credentials: what "Test connection" reports.
    void testConnection(TestCallback done);


private:
    struct Entry
    {
        std::optional<ConnectorStore::CachedIndex> cached;
        bool loaded = false;
        quint64 generation = 0;
        QDeadlineTimer freshUntil{0};
        QList<IndexCallback> waiting;
        bool fetching = false;
    };
    void whenReady(std::function<void()> next);
    void fetchIndex(const QString &lowerName);
    void indexFetched(const QString &lowerName, RegistryReply *reply);
    void fetchLicenses(const QString &lowerName, ConnectorStore::CachedIndex fresh);
    void licensesFromCrates(const QString &lowerName, ConnectorStore::CachedIndex fresh,
                            std::function<void(ConnectorStore::CachedIndex)> finish);
    void complete(const QString &lowerName, Index result);
    Index fromCache(const Entry &entry, bool stale) const;
    void downloadFinished(const QString &key, const QString &name, const QString &vers, const QString &cksum,
                          RegistryReply *reply, const QString &path);

    ConnectorConfig m_config;
    ConnectorStore *m_store;
    RegistryClient *m_client; // a child: gone with the connector, and its replies with it
    bool m_hasSecret = false;
    QString m_secretError;
    bool m_ready = true;
    QList<std::function<void()>> m_waitingForSecret;
    QHash<QString, Entry> m_entries;
    QHash<QString, QList<DownloadCallback>> m_downloads;
    QDeadlineTimer m_downUntil{0}; // after a network failure, serve the cache without retrying
    quint64 m_generation = 0;
};
