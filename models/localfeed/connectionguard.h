// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionlimits.h"
#include "connectionslots.h"
#include "feedrequest.h"

#include <QHash>
#include <QList>
#include <QObject>

#include <functional>
#include <memory>
#include <optional>

class GuardedConnection;
class QTcpSocket;

// The local feed's own layer between the listening socket and Qt HttpServer, which in 6.8
// reads a whole request (headers unbounded, body into memory, inside a QIODevice transaction,
// so twice) before the feed sees any of it, and has no timeouts or connection cap.
//
// Why this shape: Qt takes each connection from QTcpServer::nextPendingConnection(), a
// virtual. LowDelayTcpServer and GuardedSslServer override it and hand every new connection to
// admit(), which gives Qt a GuardedSocket instead of the client's socket (GuardedConnection):
// Qt can then only ever read bytes the guard has checked, one request at a time, and every
// request of a kept-alive connection is checked alike. Watching the client's socket beside
// Qt (peek() on readyRead) cannot bound Qt's buffers, since Qt reads whatever has arrived;
// a loopback proxy would cost a second socket per connection and a copy through the kernel.
//
// HTTP/2 (offered over TLS) is framed and compressed: those connections go to Qt directly,
// under the connection cap and idle timeout, and are closed once they have sent more than a
// publish may weigh beyond what the requests answered on them took (noteHttp2Request()).
class ConnectionGuard final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionGuard)

public:
    struct Gate
    {
        // A response to send instead of reading the body (a missing or wrong token), or none.
        std::function<std::optional<FeedResponse>(const FeedRequest &head)> precheck;
        // The largest body this request may have.
        std::function<qint64(const FeedRequest &head)> maxBodyBytes;
        // The whole answer to a bodiless GET or HEAD, when this thread gives it at once (index
        // files, config.json, downloads); none: Qt HttpServer serves the request.
        std::function<std::optional<FeedResponse>(const FeedRequest &request)> answer;
    };

    // The guards of the feed's serving threads share `slots`, so that the connection cap holds
    // for the feed as a whole; without, this guard has slots of its own.
    ConnectionGuard(const ConnectionLimits &limits, Gate gate, std::shared_ptr<ConnectionSlots> slots = {},
                    QObject *parent = nullptr);
    ~ConnectionGuard() override;

    // The connection on `descriptor`, to be admitted soon, was accepted as `order`
    // (ConnectionSlots::nextOrder()): its age when the cap needs room.
    void expect(qintptr descriptor, quint64 order) { m_orders.insert(descriptor, order); }
    // The socket Qt HttpServer gets for `socket`, just accepted; null when the connection cap
    // refuses it (it is then answered 503 and closed).
    QTcpSocket *admit(QTcpSocket *socket);
    // An HTTP/2 request arrived on the connection from `peerPort` (see above).
    void noteHttp2Request(quint16 peerPort, qint64 bodyBytes);

    const ConnectionLimits &limits() const { return m_limits; }
    // Open connections of the feed, on every thread.
    int connectionCount() const { return m_slots->count(); }
    std::optional<FeedResponse> precheck(const FeedRequest &head) const;
    qint64 maxBodyBytes(const FeedRequest &head) const;
    std::optional<FeedResponse> answer(const FeedRequest &request) const;

    // An HTTP/1.1 answer that closes the connection.
    static QByteArray closingResponse(const FeedResponse &response);
    // An HTTP/1.1 answer on a connection kept open (or closed after, when `close`): to a HEAD
    // request without the body, which Content-Length still measures; no body for a 304.
    static QByteArray response(const FeedResponse &response, bool toHead, bool close);

    // From ConnectionSlots, on this guard's thread: the connection of `slot` made room for a
    // newcomer and closes.
    void evicted(const ConnectionSlots::SlotPtr &slot);

private:
    friend class GuardedConnection;
    struct Http2Watch;

    void forget(GuardedConnection *connection);
    QTcpSocket *admitHttp2(QTcpSocket *socket, ConnectionSlots::SlotPtr slot);
    void refuse(QTcpSocket *socket);

    ConnectionLimits m_limits;
    Gate m_gate;
    std::shared_ptr<ConnectionSlots> m_slots;
    QHash<qintptr, quint64> m_orders; // by descriptor, until admitted (see expect())
    QList<GuardedConnection *> m_connections; // oldest first
    QHash<quint16, Http2Watch *> m_http2;     // by the client's port
};
