// SPDX-License-Identifier: GPL-3.0-or-later
#include "localfeedlistener.h"

#include "connectionslots.h"
#include "feedrouter.h"
#include "feedstore.h"
#include "localfeedserver.h"

#include <QLoggingCategory>
#include <QTcpServer>
#include <QThread>

using namespace Qt::Literals::StringLiterals;

Q_DECLARE_LOGGING_CATEGORY(lcFeedHttp)

// Accepts, and gives each descriptor away at once: no socket object is made on this thread.
class LocalFeedListener::Acceptor final : public QTcpServer
{
public:
    explicit Acceptor(LocalFeedListener *listener)
        : QTcpServer(listener)
        , m_listener(listener)
    {
    }

protected:
    void incomingConnection(qintptr descriptor) override { m_listener->handOver(descriptor); }

private:
    LocalFeedListener *m_listener;
};

struct LocalFeedListener::Worker
{
    QThread thread;
    QObject *context = nullptr; // lives on `thread`, for calls to run there
    std::unique_ptr<FeedStore> store;
    FeedRouter *router = nullptr;
    LocalFeedServer *server = nullptr;
};

LocalFeedListener::LocalFeedListener(FeedStore *store, FeedRouter *writer, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_writer(writer)
{
}

LocalFeedListener::~LocalFeedListener()
{
    // No new connections first; a serving thread then takes what was handed to it before it
    // stops (calls to a thread run in order).
    delete m_acceptor;
    m_acceptor = nullptr;
    for (const auto &worker : m_workers)
        stopWorker(*worker);
}

int LocalFeedListener::threadsFor(int requested)
{
    return requested > 0 ? requested : qMax(1, QThread::idealThreadCount());
}

FeedError LocalFeedListener::listen(const Setup &setup, const std::optional<QSslConfiguration> &tls)
{
    auto *acceptor = new Acceptor(this);
    // Loopback only: the local feed is for this machine, never for the network.
    if (!acceptor->listen(QHostAddress::LocalHost, setup.options.port)) {
        const QString reason = acceptor->errorString();
        delete acceptor;
        return FeedError::internal(tr("cannot listen on 127.0.0.1:%1: %2").arg(QString::number(setup.options.port), reason));
    }
    m_acceptor = acceptor;
    m_tls = tls.has_value();
    m_writer->setBaseUrl(baseUrl());
    m_slots = std::make_shared<ConnectionSlots>(setup.options.limits.maxConnections);
    const int threads = threadsFor(setup.options.serveThreads);
    for (int i = 0; i < threads; ++i) {
        m_workers.push_back(std::make_unique<Worker>());
        if (const FeedError error = startWorker(*m_workers.back(), setup, tls, acceptor->socketDescriptor())) {
            delete m_acceptor;
            m_acceptor = nullptr;
            for (const auto &worker : m_workers)
                stopWorker(*worker);
            m_workers.clear();
            return error;
        }
    }
    qCInfo(lcFeedHttp).noquote() << "local feed listening on" << baseUrl().toString() << "with" << threads << "serving threads"
                                 << (m_tls ? "(TLS, HTTP/2 offered)" : "");
    return {};
}

FeedError LocalFeedListener::startWorker(Worker &worker, const Setup &setup, const std::optional<QSslConfiguration> &tls, qintptr listener)
{
    worker.thread.setObjectName(u"cratedesk-feed-serve"_s);
    worker.context = new QObject;
    worker.context->moveToThread(&worker.thread);
    connect(&worker.thread, &QThread::finished, worker.context, &QObject::deleteLater);
    worker.store = m_store->reader();
    worker.thread.start();
    FeedError error;
    const QUrl base = baseUrl();
    // Everything of the thread is made on it: its SQLite connection may only be used there.
    QMetaObject::invokeMethod(worker.context, [&] {
        if ((error = worker.store->open(FeedStore::OpenMode::Read)))
            return;
        worker.router = new FeedRouter(worker.store.get(), setup.options);
        worker.router->setBaseUrl(base);
        worker.router->setOwnershipSecret(setup.ownershipSecret);
        worker.router->setTokenUsage(setup.tokenUsage);
        worker.server = new LocalFeedServer(worker.router, m_writer);
        worker.server->setConnectionLimits(setup.options.limits, setup.options.maxCrateBytes, m_slots);
        error = worker.server->serve(listener, tls);
    }, Qt::BlockingQueuedConnection);
    return error;
}

void LocalFeedListener::stopWorker(Worker &worker)
{
    if (!worker.thread.isRunning())
        return;
    QMetaObject::invokeMethod(worker.context, [&worker] {
        delete worker.server; // its connections first: they refer to the router
        worker.server = nullptr;
        delete worker.router;
        worker.router = nullptr;
        worker.store.reset(); // closes its connection on the thread that opened it
    }, Qt::BlockingQueuedConnection);
    worker.thread.quit();
    worker.thread.wait();
}

void LocalFeedListener::handOver(qintptr descriptor)
{
    // In turn: the long-lived (kept-alive) connections of a client like cargo or wrk, opened
    // together, are spread evenly over the threads.
    LocalFeedServer *server = m_workers.at(m_next)->server;
    m_next = (m_next + 1) % m_workers.size();
    server->takeConnection(descriptor, m_slots->nextOrder());
}

quint16 LocalFeedListener::port() const
{
    return m_acceptor ? m_acceptor->serverPort() : 0;
}

QUrl LocalFeedListener::baseUrl() const
{
    return QUrl(u"%1://127.0.0.1:%2/"_s.arg(m_tls ? u"https"_s : u"http"_s).arg(port()));
}

QTcpServer *LocalFeedListener::acceptor() const
{
    return m_acceptor;
}

void LocalFeedListener::setAuthRequired(bool required)
{
    for (const auto &worker : m_workers) {
        if (worker->router)
            worker->router->setAuthRequired(required);
    }
}

void LocalFeedListener::setUpstreamsActive(bool active)
{
    for (const auto &worker : m_workers) {
        if (worker->router)
            worker->router->setUpstreamsActive(active);
    }
}
