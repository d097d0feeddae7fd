// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionlimits.h"
#include "feederror.h"
#include "feedrequest.h"

#include <QAbstractHttpServer>
#include <QSslConfiguration>

#include <memory>
#include <optional>
#include <unordered_map>

class ConnectionGuard;
class ConnectionSlots;
class FeedRouter;
class QHttpServerResponder;
class QTcpServer;

// The HTTP face of the local feed on one of its serving threads (LocalFeedListener): it serves
// the connections the listener accepts and hands to it, and gives every request to the
// router of its thread, in arrival order per connection. What only the writer's router may do
// (publish, yank, owners, reads an upstream must answer: FeedRouter::isForWriter()) goes to
// the writer's thread, and its answer comes back here to be written.
class LocalFeedServer final : public QAbstractHttpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalFeedServer)

public:
    // `router` lives on this server's thread; `writer` is the router of the writer's thread.
    LocalFeedServer(FeedRouter *router, FeedRouter *writer, QObject *parent = nullptr);
    ~LocalFeedServer() override;

    // Before serve(): what one client may cost the feed (ConnectionGuard); the defaults
    // otherwise. A publish body may weigh what PublishValidator accepts for `maxCrateBytes`.
    // `slots` holds the connection cap for all serving threads together.
    void setConnectionLimits(const ConnectionLimits &limits, qint64 maxCrateBytes, std::shared_ptr<ConnectionSlots> slots);
    // Serves connections of the listening socket `listener` (which another thread accepts
    // from) as they are handed over; with `tls` as https, offering HTTP/2 (ALPN h2, then
    // http/1.1).
    FeedError serve(qintptr listener, const std::optional<QSslConfiguration> &tls = std::nullopt);
    // A connection just accepted on the listening socket as `order` (ConnectionSlots); from
    // any thread.
    void takeConnection(qintptr descriptor, quint64 order);

    // The certificate chain and key of `certificateFile` and `keyFile` (PEM), or an error
    // that names the file and what is wrong with it.
    static FeedError loadTls(const QString &certificateFile, const QString &keyFile, QSslConfiguration *tls);

protected:
    bool handleRequest(const QHttpServerRequest &request, QHttpServerResponder &responder) override;
    void missingHandler(const QHttpServerRequest &request, QHttpServerResponder &responder) override;

private:
    struct Reply;
    void answerFromWriter(quint64 id, const FeedResponse &response);

    FeedRouter *m_router;
    FeedRouter *m_writer;
    QTcpServer *m_tcp = nullptr;
    ConnectionGuard *m_guard = nullptr;
    ConnectionLimits m_limits;
    std::shared_ptr<ConnectionSlots> m_slots;
    qint64 m_maxCrateBytes = 10 * 1024 * 1024;
    bool m_tls = false;
    // Requests the writer's router answers: their responders wait here, on this thread.
    std::shared_ptr<Reply> m_reply;
    quint64 m_lastId = 0;
    std::unordered_map<quint64, std::unique_ptr<QHttpServerResponder>> m_waiting;
};
