// SPDX-License-Identifier: GPL-3.0-or-later
#include "localfeed.h"

#include "acceptthrottle.h"
#include "connectorhub.h"
#include "connectorstore.h"
#include "feedownership.h"
#include "feedrouter.h"
#include "net/httpclient.h"
#include "feedstore.h"
#include "localfeedlistener.h"
#include "localfeedserver.h"
#include "tokenusagerecorder.h"

#include <QNetworkAccessManager>

using namespace Qt::Literals::StringLiterals;

LocalFeed::LocalFeed(const FeedServerOptions &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
{
    if (m_options.dataDir.isEmpty())
        m_options.dataDir = FeedServerOptions::defaultDataDir();
}

LocalFeed::~LocalFeed()
{
    // Upstream requests still running answer their cargo requests first (with an error),
    // then the serving threads, which refer to the router, which refers to the store.
    delete m_hub;
    if (m_router)
        m_router->setConnectorHub(nullptr);
    delete m_listener;
    delete m_router;
    delete m_tokenUsage; // writes the last uses still pending, before the store closes
    delete m_http;
}

void LocalFeed::setNetworkAccessManager(QNetworkAccessManager *nam)
{
    m_nam = nam;
}

void LocalFeed::setSecretStore(SecretStore *secrets)
{
    m_secrets = secrets;
}

void LocalFeed::reloadConnectors()
{
    if (!m_hub)
        return;
    m_hub->reload();
    m_listener->setUpstreamsActive(!m_hub->isEmpty());
}

FeedError LocalFeed::start()
{
    if (isRunning())
        return {};
    auto store = std::make_unique<FeedStore>(m_options.dataDir);
    if (const FeedError error = store->open())
        return error;
    auto connectorStore = std::make_unique<ConnectorStore>(store.get());
    if (!m_nam)
        m_nam = new QNetworkAccessManager(this); // the feed is a composition unit of its own
    if (!m_http) {
        m_http = new HttpClient(m_nam);
        m_http->setRetryBaseDelay(200);
    }
    std::optional<QSslConfiguration> tls;
    if (!m_options.tlsCertificateFile.isEmpty() || !m_options.tlsKeyFile.isEmpty()) {
        if (m_options.tlsCertificateFile.isEmpty() || m_options.tlsKeyFile.isEmpty())
            return FeedError::internal(u"https needs both a certificate and a key file"_s);
        tls.emplace();
        if (const FeedError error = LocalFeedServer::loadTls(m_options.tlsCertificateFile, m_options.tlsKeyFile, &*tls))
            return error;
    }
    QByteArray ownershipSecret;
    if (const FeedError error = FeedOwnership::ensureSecret(store->dataDir(), &ownershipSecret))
        return error;
    auto *router = new FeedRouter(store.get(), m_options, this);
    router->setOwnershipSecret(ownershipSecret);
    // Made before the serving threads, which note token uses in it; it writes them through
    // the writer's store, on this thread.
    auto *tokenUsage = new TokenUsageRecorder(store.get(), this);
    router->setTokenUsage(tokenUsage);
    auto *listener = new LocalFeedListener(store.get(), router, this);
    if (const FeedError error = listener->listen({m_options, ownershipSecret, tokenUsage}, tls)) {
        delete listener;
        delete tokenUsage;
        delete router;
        return error;
    }
    new AcceptThrottle(listener->acceptor());
    connect(router, &FeedRouter::crateChanged, this, &LocalFeed::crateChanged);
    m_store = std::move(store);
    m_connectorStore = std::move(connectorStore);
    m_router = router;
    m_tokenUsage = tokenUsage;
    m_listener = listener;
    m_ownershipSecret = ownershipSecret;
    m_tls = tls;
    m_hub = new ConnectorHub(m_connectorStore.get(), m_http, m_secrets);
    m_hub->setMaxCrateBytes(m_options.maxCrateBytes);
    router->setConnectorHub(m_hub);
    connect(m_hub, &ConnectorHub::upstreamChanged, this, &LocalFeed::upstreamChanged);
    reloadConnectors();
    return {};
}

void LocalFeed::setAuthRequired(bool required)
{
    m_options.authRequired = required;
    if (m_router)
        m_router->setAuthRequired(required);
    if (m_listener)
        m_listener->setAuthRequired(required);
}

FeedError LocalFeed::changePort(quint16 port)
{
    if (!m_listener) {
        m_options.port = port;
        return {};
    }
    if (port == m_listener->port())
        return {};
    FeedServerOptions options = m_options;
    options.port = port;
    auto *listener = new LocalFeedListener(m_store.get(), m_router, this);
    if (const FeedError error = listener->listen({options, m_ownershipSecret, m_tokenUsage}, m_tls)) {
        delete listener;
        // listen() tells the router its URL before the serving threads start, and one of
        // them may have failed after that.
        m_router->setBaseUrl(m_listener->baseUrl());
        return error;
    }
    new AcceptThrottle(listener->acceptor());
    // The old port closes only now; its serving threads answer what they hold first.
    delete m_listener;
    m_listener = listener;
    m_options.port = port;
    m_listener->setUpstreamsActive(m_hub && !m_hub->isEmpty());
    return {};
}

bool LocalFeed::isRunning() const
{
    return m_listener != nullptr;
}

QUrl LocalFeed::indexUrl() const
{
    return m_listener ? m_listener->baseUrl() : QUrl();
}

QString LocalFeed::cargoIndexUrl() const
{
    return m_listener ? u"sparse+"_s + indexUrl().toString() : QString();
}
