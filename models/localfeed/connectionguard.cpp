// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionguard.h"

#include "guardedconnection.h"
#include "guardedsocket.h"

#include <QLoggingCategory>
#include <QPointer>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTimer>

Q_LOGGING_CATEGORY(lcFeedGuard, "cratedesk.feed.guard", QtInfoMsg)

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 413: return "Content Too Large";
    case 414: return "URI Too Long";
    case 417: return "Expectation Failed";
    case 431: return "Request Header Fields Too Large";
    case 501: return "Not Implemented";
    case 503: return "Service Unavailable";
    case 505: return "HTTP Version Not Supported";
    default: return "Error";
    }
}

} // namespace

struct ConnectionGuard::Http2Watch
{
    QPointer<QTcpSocket> socket;
    ConnectionSlots::SlotPtr slot;
    qint64 unanswered = 0; // bytes received beyond what answered requests account for
    QTimer idle;
};

ConnectionGuard::ConnectionGuard(const ConnectionLimits &limits, Gate gate, std::shared_ptr<ConnectionSlots> slots, QObject *parent)
    : QObject(parent)
    , m_limits(limits)
    , m_gate(std::move(gate))
    , m_slots(slots ? std::move(slots) : std::make_shared<ConnectionSlots>(limits.maxConnections))
{
}

ConnectionGuard::~ConnectionGuard()
{
    m_slots->forgetGuard(this);
    qDeleteAll(m_http2);
}

std::optional<FeedResponse> ConnectionGuard::precheck(const FeedRequest &head) const
{
    return m_gate.precheck ? m_gate.precheck(head) : std::nullopt;
}

qint64 ConnectionGuard::maxBodyBytes(const FeedRequest &head) const
{
    return m_gate.maxBodyBytes ? m_gate.maxBodyBytes(head) : m_limits.maxSmallBodyBytes;
}

std::optional<FeedResponse> ConnectionGuard::answer(const FeedRequest &request) const
{
    return m_gate.answer ? m_gate.answer(request) : std::nullopt;
}

QByteArray ConnectionGuard::closingResponse(const FeedResponse &response)
{
    return ConnectionGuard::response(response, false, true);
}

QByteArray ConnectionGuard::response(const FeedResponse &response, bool toHead, bool close)
{
    const bool notModified = response.status == 304;
    QByteArray out;
    out.reserve(160 + response.headers.size() * 48 + (toHead || notModified ? 0 : response.body.size()));
    out += "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    if (!response.contentType.isEmpty())
        out += "Content-Type: " + response.contentType + "\r\n";
    for (const auto &[name, value] : response.headers)
        out += name + ": " + value + "\r\n";
    if (!notModified)
        out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    if (close)
        out += "Connection: close\r\n";
    out += "\r\n";
    if (!toHead && !notModified)
        out += response.body;
    return out;
}

QTcpSocket *ConnectionGuard::admit(QTcpSocket *socket)
{
    const auto *tls = qobject_cast<QSslSocket *>(socket);
    const bool http2 = tls && tls->sslConfiguration().nextNegotiatedProtocol() == QSslConfiguration::ALPNProtocolHTTP2;
    // Beyond the cap the oldest idle connection (of any serving thread) makes room.
    ConnectionSlots::SlotPtr slot = m_slots->take(this, !http2, m_orders.take(socket->socketDescriptor()));
    if (!slot) {
        refuse(socket);
        return nullptr;
    }
    if (http2)
        return admitHttp2(socket, std::move(slot));
    auto *connection = new GuardedConnection(this, socket, std::move(slot));
    m_connections.append(connection);
    return connection->socketForQt();
}

void ConnectionGuard::evicted(const ConnectionSlots::SlotPtr &slot)
{
    for (GuardedConnection *connection : std::as_const(m_connections)) {
        if (connection->slot() == slot) {
            connection->evict(); // forgets itself
            return;
        }
    }
}

void ConnectionGuard::refuse(QTcpSocket *socket)
{
    qCInfo(lcFeedGuard) << "refused a connection: all" << m_limits.maxConnections << "are busy";
    socket->setParent(this);
    socket->write(closingResponse(FeedResponse::error(503, QStringLiteral("the local feed has too many open connections; try again"))));
    connect(socket, &QAbstractSocket::disconnected, socket, &QObject::deleteLater);
    socket->disconnectFromHost();
    QTimer::singleShot(m_limits.lingerMs, socket, &QObject::deleteLater);
}

void ConnectionGuard::forget(GuardedConnection *connection)
{
    if (m_connections.removeOne(connection))
        m_slots->give(connection->slot());
}

QTcpSocket *ConnectionGuard::admitHttp2(QTcpSocket *socket, ConnectionSlots::SlotPtr slot)
{
    const quint16 port = socket->peerPort();
    auto *watch = new Http2Watch;
    watch->socket = socket;
    watch->slot = std::move(slot);
    watch->idle.setSingleShot(true);
    delete m_http2.value(port);
    m_http2.insert(port, watch);
    FeedRequest publish;
    publish.method = FeedRequest::Method::Put;
    publish.encodedPath = "/api/v1/crates/new";
    const qint64 budget = maxBodyBytes(publish) + m_limits.maxHeaderBytes;
    // Connected before Qt's own handler, so the bytes are counted before Qt takes them.
    connect(socket, &QIODevice::readyRead, this, [this, watch, socket, budget] {
        watch->unanswered += socket->bytesAvailable();
        watch->idle.start(m_limits.idleTimeoutMs);
        if (watch->unanswered > budget) {
            qCInfo(lcFeedGuard) << "closing an HTTP/2 connection that sent more than a publish may weigh";
            socket->abort();
        }
    });
    connect(&watch->idle, &QTimer::timeout, socket, &QAbstractSocket::disconnectFromHost);
    connect(socket, &QObject::destroyed, this, [this, port, watch, slot = watch->slot] {
        m_slots->give(slot);
        if (m_http2.value(port) == watch)
            delete m_http2.take(port);
    });
    watch->idle.start(m_limits.idleTimeoutMs);
    return socket;
}

void ConnectionGuard::noteHttp2Request(quint16 peerPort, qint64 bodyBytes)
{
    if (m_http2.isEmpty())
        return;
    if (Http2Watch *watch = m_http2.value(peerPort)) {
        // A request's headers are a few hundred bytes on the wire at most (HPACK).
        watch->unanswered = qMax<qint64>(0, watch->unanswered - bodyBytes - 512);
        watch->idle.start(m_limits.idleTimeoutMs);
    }
}
