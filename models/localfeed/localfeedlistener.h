// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "feederror.h"
#include "feedserveroptions.h"

#include <QObject>
#include <QSslConfiguration>
#include <QUrl>

#include <memory>
#include <optional>
#include <vector>

class ConnectionSlots;
class FeedRouter;
class FeedStore;
class QTcpServer;
class TokenUsageRecorder;

// The local feed's listening socket on 127.0.0.1 and its serving threads. It accepts on the
// thread it lives on, the writer's (LocalFeed's), and hands each connection to the next
// serving thread in turn. A serving thread has a LocalFeedServer, a FeedRouter and a FeedStore
// reader (its own read-only SQLite connection) of its own and answers reads there, as many
// at once as there are threads; publishes, yanks, owner changes and reads an upstream must
// answer still go, one at a time, to the writer's router and store (FeedRouter::isForWriter()).
// What a client may cost (ConnectionGuard) holds per connection on every thread, and the
// connection cap for the feed as a whole (ConnectionSlots).
class LocalFeedListener final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalFeedListener)

public:
    // `store` and `writer` live on this object's thread and outlive it.
    LocalFeedListener(FeedStore *store, FeedRouter *writer, QObject *parent = nullptr);
    // Stops accepting, then stops every serving thread (waiting for each).
    ~LocalFeedListener() override;

    // What the serving threads' routers are given besides the options.
    struct Setup
    {
        FeedServerOptions options;
        QByteArray ownershipSecret;
        TokenUsageRecorder *tokenUsage = nullptr; // lives here; takes uses from any thread
    };
    // Listens (port 0 picks a free one), tells the writer's router the base URL, and starts
    // the serving threads. With `tls` the feed speaks https and offers HTTP/2 (ALPN h2, then
    // http/1.1).
    FeedError listen(const Setup &setup, const std::optional<QSslConfiguration> &tls = std::nullopt);
    quint16 port() const;
    QUrl baseUrl() const; // http://127.0.0.1:PORT/ or https://127.0.0.1:PORT/
    QTcpServer *acceptor() const;
    int threadCount() const { return int(m_workers.size()); }

    // Passed on to every serving thread's router at once (see FeedRouter).
    void setAuthRequired(bool required);
    void setUpstreamsActive(bool active);

    // How many serving threads `requested` means: 0 is one per core.
    static int threadsFor(int requested);

private:
    struct Worker;
    class Acceptor;

    FeedError startWorker(Worker &worker, const Setup &setup, const std::optional<QSslConfiguration> &tls, qintptr listener);
    void stopWorker(Worker &worker);
    void handOver(qintptr descriptor);

    FeedStore *m_store;
    FeedRouter *m_writer;
    Acceptor *m_acceptor = nullptr;
    bool m_tls = false;
    std::shared_ptr<ConnectionSlots> m_slots;
    std::vector<std::unique_ptr<Worker>> m_workers;
    size_t m_next = 0;
};
