// SPDX-License-Identifier: GPL-3.0-or-later
#include "localfeed.h"

#include "acceptthrottle.h"
#include "connectorhub.h"
#include "connectorstore.h"
#include "feedownership.h"
#include "feedrouter.h"
#include "net/httpclient.h"
#include "feedstore.h"
#include "localfeedserver.h"
#include "tokenusagerecorder.h"

#include <QNetworkAccessManager>
#include <QTcpServer>

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
    // then the server, which refers to the router, which refers to the store.
    delete m_hub;
    if (m_router)
        m_router->setConnectorHub(nullptr);
    delete m_server;
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
    if (m_hub)
        m_hub->reload();
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
    auto *server = new LocalFeedServer(router, this);
    server->setConnectionLimits(m_options.limits, m_options.maxCrateBytes);
    if (const FeedError error = server->listen(m_options.port, tls)) {
        delete server;
        delete router;
        return error;
    }
    for (QTcpServer *tcp : server->servers())
        new AcceptThrottle(tcp);
    connect(router, &FeedRouter::crateChanged, this, &LocalFeed::crateChanged);
    m_store = std::move(store);
    m_connectorStore = std::move(connectorStore);
    m_router = router;
    m_tokenUsage = new TokenUsageRecorder(m_store.get(), this);
    router->setTokenUsage(m_tokenUsage);
    m_hub = new ConnectorHub(m_connectorStore.get(), m_http, m_secrets);
    m_hub->setMaxCrateBytes(m_options.maxCrateBytes);
    router->setConnectorHub(m_hub);
    connect(m_hub, &ConnectorHub::upstreamChanged, this, &LocalFeed::upstreamChanged);
    m_hub->reload();
    m_server = server;
    return {};
}

void LocalFeed::setAuthRequired(bool required)
{
    m_options.authRequired = required;
    if (m_router)
        m_router->setAuthRequired(required);
}

bool LocalFeed::isRunning() const
{
    return m_server != nullptr;
}

QUrl LocalFeed::indexUrl() const
{
    return m_server ? m_server->baseUrl() : QUrl();
}

QString LocalFeed::cargoIndexUrl() const
{
    return m_server ? u"sparse+"_s + indexUrl().toString() : QString();
}
