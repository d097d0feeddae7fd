// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "feederror.h"
#include "feedserveroptions.h"

#include <QObject>
#include <QSslConfiguration>
#include <QUrl>

#include <memory>
#include <optional>

class ConnectorHub;
class ConnectorStore;
class FeedStore;
class FeedRouter;
class HttpClient;
class LocalFeedListener;
class QNetworkAccessManager;
class SecretStore;
class TokenUsageRecorder;

// The embedded local feed: storage, routing and the loopback HTTP server in one object, as
// `cratedesk serve` and the desktop app both run it.
class LocalFeed final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalFeed)

public:
    explicit LocalFeed(const FeedServerOptions &options, QObject *parent = nullptr);
    ~LocalFeed() override;

    // Opens the data folder (migrating it) and starts listening.
    FeedError start();
    bool isRunning() const;

    const FeedServerOptions &options() const { return m_options; }
    QUrl indexUrl() const;       // http://127.0.0.1:PORT/
    QString cargoIndexUrl() const; // sparse+http://127.0.0.1:PORT/
    FeedStore *store() const { return m_store.get(); }

    // Before start(): the network manager for upstream requests (the feed makes its own when
    // none is given) and the keychain that holds the connectors' secrets.
    void setNetworkAccessManager(QNetworkAccessManager *nam);
    void setSecretStore(SecretStore *secrets);
    // The connectors (upstreams) of this feed; valid once started.
    ConnectorStore *connectorStore() const { return m_connectorStore.get(); }
    ConnectorHub *connectorHub() const { return m_hub; }
    // Applies connector changes made through connectorStore() (or another process).
    void reloadConnectors();
    // Whether reading needs a token too (FeedServerOptions::authRequired), also while serving.
    void setAuthRequired(bool required);
    // Moves a running feed to another port of 127.0.0.1: it listens there first and closes
    // the old port only then, so a port that cannot be had leaves the feed where it was.
    // Before start() it only sets the port start() listens on.
    FeedError changePort(quint16 port);

Q_SIGNALS:
    void crateChanged(const QString &name);
    void upstreamChanged(const QString &connector, const QString &lowerName, const QStringList &versions);

private:
    FeedServerOptions m_options;
    std::unique_ptr<FeedStore> m_store;
    std::unique_ptr<ConnectorStore> m_connectorStore;
    QNetworkAccessManager *m_nam = nullptr;
    HttpClient *m_http = nullptr;
    SecretStore *m_secrets = nullptr;
    ConnectorHub *m_hub = nullptr;
    FeedRouter *m_router = nullptr;
    TokenUsageRecorder *m_tokenUsage = nullptr;
    LocalFeedListener *m_listener = nullptr;
    // What start() gave the listener, for the one changePort() makes.
    QByteArray m_ownershipSecret;
    std::optional<QSslConfiguration> m_tls;
};
