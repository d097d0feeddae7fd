// SPDX-License-Identifier: GPL-3.0-or-later
#include "localfeed.h"

#include "feedrouter.h"
#include "feedstore.h"
#include "localfeedserver.h"

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
    // The server refers to the router and the router to the store: stop in that order.
    delete m_server;
    delete m_router;
}

FeedError LocalFeed::start()
{
    if (isRunning())
        return {};
    auto store = std::make_unique<FeedStore>(m_options.dataDir);
    if (const FeedError error = store->open())
        return error;
    auto *router = new FeedRouter(store.get(), m_options, this);
    auto *server = new LocalFeedServer(router, this);
    if (const FeedError error = server->listen(m_options.port)) {
        delete server;
        delete router;
        return error;
    }
    connect(router, &FeedRouter::crateChanged, this, &LocalFeed::crateChanged);
    m_store = std::move(store);
    m_router = router;
    m_server = server;
    return {};
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
