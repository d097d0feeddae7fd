// SPDX-License-Identifier: GPL-3.0-or-later
#include "guardedconnection.h"

#include "connectionguard.h"
#include "guardedsocket.h"

#include <QAbstractSocket>
#include <QSslSocket>

#ifdef Q_OS_WIN
#include <winsock2.h>
#else
#include <sys/socket.h>
#endif

namespace {

constexpr qint64 ReadChunk = 64 * 1024;
// Qt's answer may sit in the client socket's write buffer up to this much before the next
// request is read: a client that asks and never reads cannot pile answers up in the feed.
constexpr qint64 WriteHighWater = 1024 * 1024;

FeedRequest::Method toMethod(const QByteArray &method)
{
    if (method == "GET")
        return FeedRequest::Method::Get;
    if (method == "HEAD")
        return FeedRequest::Method::Head;
    if (method == "PUT")
        return FeedRequest::Method::Put;
    if (method == "DELETE")
        return FeedRequest::Method::Delete;
    return FeedRequest::Method::Other;
}

} // namespace

GuardedConnection::GuardedConnection(ConnectionGuard *guard, QAbstractSocket *client, ConnectionSlots::SlotPtr slot)
    : QObject(guard)
    , m_guard(guard)
    , m_client(client)
    , m_slot(std::move(slot))
{
    client->setParent(this);
    m_tls = qobject_cast<QSslSocket *>(client) != nullptr;
    // The client's socket buffers at most one chunk; the kernel and TCP flow control hold the
    // rest while this connection does not read (a request being answered).
    client->setReadBufferSize(ReadChunk);
    m_qt = new GuardedSocket(this, *client);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &GuardedConnection::onTimeout);
    connect(client, &QIODevice::readyRead, this, &GuardedConnection::pump);
    connect(client, &QAbstractSocket::disconnected, this, &GuardedConnection::teardown);
    connect(client, &QAbstractSocket::errorOccurred, this, &GuardedConnection::teardown);
    auto written = [this] {
        if (m_state == State::Closing && bytesToWrite() == 0)
            shutDownWriting();
        if (m_state == State::Idle && !m_pumpQueued) {
            arm(m_guard->limits().idleTimeoutMs); // the client is reading: not stalled
            if (bytesToWrite() <= WriteHighWater)
                pump();
        }
    };
    connect(client, &QIODevice::bytesWritten, this, written);
    if (auto *tls = qobject_cast<QSslSocket *>(client))
        connect(tls, &QSslSocket::encryptedBytesWritten, this, written);
    arm(m_guard->limits().idleTimeoutMs);
}

GuardedConnection::~GuardedConnection()
{
    if (m_qt)
        m_qt->endOfStream();
}

qint64 GuardedConnection::bytesToWrite() const
{
    qint64 queued = m_client->bytesToWrite();
    if (auto *tls = qobject_cast<QSslSocket *>(m_client))
        queued += tls->encryptedBytesToWrite();
    return queued;
}

void GuardedConnection::arm(int ms)
{
    m_timer.start(ms);
}

void GuardedConnection::pump()
{
    m_pumpQueued = false;
    while (true) {
        if (m_state == State::Closing) {
            m_client->skip(m_client->bytesAvailable()); // a refused request's rest: dropped unread
            return;
        }
        if (m_state == State::Answering || m_state == State::Closed)
            return;
        if (m_state == State::Idle && bytesToWrite() > WriteHighWater)
            return; // resumed from bytesWritten
        if (m_pending.isEmpty()) {
            if (m_client->bytesAvailable() <= 0)
                return;
            m_pending = m_client->read(ReadChunk);
            if (m_pending.isEmpty())
                return;
        }
        switch (m_state) {
        case State::Idle: {
            // RFC 9112 2.2: empty lines before a request line are ignored.
            qsizetype blank = 0;
            while (blank < m_pending.size() && (m_pending.at(blank) == '\r' || m_pending.at(blank) == '\n'))
                ++blank;
            m_pending.remove(0, blank);
            if (m_pending.isEmpty())
                break;
            // A request begins: from now on the connection cap may not close this connection,
            // unless it did so first (on another thread), and then the request is not read.
            if (!m_slot->claim()) {
                lingerAndClose();
                return;
            }
            m_state = State::Head;
            m_head.clear();
            arm(m_guard->limits().headerTimeoutMs);
            [[fallthrough]];
        }
        case State::Head:
            if (!readHead())
                return;
            break;
        case State::Body:
            forwardBody();
            break;
        case State::ChunkedBody:
            forwardChunked();
            break;
        default:
            return;
        }
    }
}

bool GuardedConnection::readHead()
{
    const ConnectionLimits &limits = m_guard->limits();
    const qsizetype searchFrom = qMax<qsizetype>(0, m_head.size() - 3);
    const qsizetype take = qMin<qsizetype>(m_pending.size(), limits.maxHeaderBytes + 4 - m_head.size());
    m_head.append(QByteArrayView(m_pending).first(take));
    m_pending.remove(0, take);

    qsizetype end = -1;
    for (qsizetype at = m_head.indexOf('\n', searchFrom); at >= 0; at = m_head.indexOf('\n', at + 1)) {
        if (at + 1 < m_head.size() && m_head.at(at + 1) == '\n') {
            end = at + 2;
            break;
        }
        if (at + 2 < m_head.size() && m_head.at(at + 1) == '\r' && m_head.at(at + 2) == '\n') {
            end = at + 3;
            break;
        }
    }
    const qsizetype firstLine = m_head.indexOf('\n');
    if ((firstLine < 0 ? m_head.size() : firstLine) > limits.maxRequestLineBytes + 1) {
        refuse(414, "the request line is longer than the feed accepts");
        return false;
    }
    if (end < 0) {
        if (m_head.size() > limits.maxHeaderBytes) {
            refuse(431, "the request's header fields are larger than the feed accepts");
            return false;
        }
        return true; // more to come
    }
    m_pending.prepend(QByteArrayView(m_head).sliced(end));
    m_head.truncate(end);
    startRequest();
    return m_state != State::Closing && m_state != State::Closed;
}

void GuardedConnection::startRequest()
{
    const ConnectionLimits &limits = m_guard->limits();
    m_request = RequestHead::parse(m_head, limits);
    m_head.clear();
    if (m_request.errorStatus)
        return refuse(m_request.errorStatus, m_request.errorDetail);

    FeedRequest head;
    head.method = toMethod(m_request.method);
    head.encodedPath = m_request.path();
    head.authorization = m_request.authorization;
    // The token first, so that a client without one learns nothing from the size check.
    if (auto denied = m_guard->precheck(head))
        return refuse(*denied);
    const qint64 cap = m_guard->maxBodyBytes(head);
    if (!m_request.chunked && m_request.contentLength > cap)
        return refuse(413, "the request body of " + QByteArray::number(m_request.contentLength)
                               + " bytes is larger than the " + QByteArray::number(cap) + " bytes this request may have");
    if (answerHere(head))
        return;
    const qint64 bodyBytes = m_request.chunked ? cap : m_request.contentLength;
    if (m_request.expectContinue && (m_request.chunked || bodyBytes > 0))
        m_client->write("HTTP/1.1 100 Continue\r\n\r\n");
    // The whole body gets at least 1 MiB per header timeout: slow enough for any real
    // client on this machine, too fast to hold a connection with a trickle.
    const qint64 bodyMs = qint64(limits.headerTimeoutMs) * (1 + bodyBytes / (1024 * 1024));
    arm(int(qMin<qint64>(bodyMs, std::numeric_limits<int>::max())));
    if (m_request.chunked) {
        m_chunked = ChunkedDecoder(cap, limits.maxHeaderBytes);
        m_state = State::ChunkedBody;
        return;
    }
    if (!m_qt)
        return teardown();
    // Qt may answer inside deliver(): the state says first what its writes are.
    m_bodyLeft = m_request.contentLength;
    m_state = State::Body;
    if (m_bodyLeft == 0)
        requestForwarded();
    m_qt->deliver(m_request.serialized(m_request.contentLength));
}

// A bodiless GET or HEAD that the feed answers on this thread (an index file, config.json, a
// download) is answered here, from the head this guard parsed and checked: Qt HttpServer would
// only parse the same bytes again into the same FeedRequest, and its answer back again to find
// where it ends. That double work was most of the cost of an index GET. Everything else (a
// body, the writer's requests, HTTP/2) still goes through Qt.
bool GuardedConnection::answerHere(FeedRequest request)
{
    const bool head = request.method == FeedRequest::Method::Head;
    if (m_request.chunked || m_request.contentLength != 0 || (!head && request.method != FeedRequest::Method::Get))
        return false;
    request.query = QUrlQuery(QString::fromUtf8(m_request.query()));
    request.host = m_request.field("host");
    request.origin = m_request.field("origin");
    request.ifNoneMatch = m_request.field("if-none-match");
    request.ifModifiedSince = m_request.field("if-modified-since");
    std::optional<FeedResponse> response = m_guard->answer(request);
    if (!response)
        return false;
    if (m_request.http10 && !m_request.closeAfter) // an HTTP/1.0 client keeps the connection only when told
        response->addHeader("Connection", "keep-alive");
    requestForwarded();
    sendAnswer(ConnectionGuard::response(*response, head, m_request.closeAfter));
    responseFinished(NextRead::InRunningPump);
    return true;
}

// Straight to the kernel when nothing of Qt's waits before it. Written through Qt, every answer
// turned the socket's write notifier on and then off again, and glib wakes its loop for each
// (two eventfd writes, two reads and one more poll per request: more system calls than the
// request and the answer themselves). What the kernel does not take at once, and all of TLS,
// goes through Qt, which also sees any error of the connection.
void GuardedConnection::sendAnswer(const QByteArray &bytes)
{
    qsizetype sent = 0;
    const qintptr fd = m_client->socketDescriptor();
    if (!m_tls && fd >= 0 && m_client->bytesToWrite() == 0) {
#ifdef Q_OS_WIN
        const auto n = ::send(SOCKET(fd), bytes.constData(), int(qMin<qsizetype>(bytes.size(), INT_MAX)), 0);
#elif defined(MSG_NOSIGNAL)
        const auto n = ::send(int(fd), bytes.constData(), size_t(bytes.size()), MSG_DONTWAIT | MSG_NOSIGNAL);
#else
        const auto n = ::send(int(fd), bytes.constData(), size_t(bytes.size()), MSG_DONTWAIT);
#endif
        if (n > 0)
            sent = n;
    }
    if (sent < bytes.size())
        m_client->write(bytes.constData() + sent, bytes.size() - sent);
}

void GuardedConnection::forwardBody()
{
    const qint64 n = qMin<qint64>(m_bodyLeft, m_pending.size());
    if (!m_qt)
        return teardown();
    const QByteArray bytes = m_pending.left(n);
    m_pending.remove(0, n);
    m_bodyLeft -= n;
    if (m_bodyLeft == 0)
        requestForwarded();
    m_qt->deliver(bytes);
}

void GuardedConnection::forwardChunked()
{
    qsizetype consumed = 0;
    const ChunkedDecoder::Status status = m_chunked.feed(m_pending, &consumed);
    m_pending.remove(0, consumed);
    if (status == ChunkedDecoder::Status::TooLarge)
        return refuse(413, "the chunked request body is larger than this request may have");
    if (status == ChunkedDecoder::Status::Malformed)
        return refuse(400, "the chunked request body is malformed");
    if (status != ChunkedDecoder::Status::Done)
        return;
    if (!m_qt)
        return teardown();
    const QByteArray body = m_chunked.takeBody();
    requestForwarded();
    m_qt->deliver(QByteArray(m_request.serialized(body.size()) + body));
}

void GuardedConnection::requestForwarded()
{
    m_state = State::Answering;
    m_timer.stop(); // the feed answers; an upstream it asks has timeouts of its own
    m_responseHead.clear();
    m_responseBodyLeft = -1;
}

void GuardedConnection::writeFromQt(QByteArrayView bytes)
{
    if (m_state == State::Closed)
        return;
    m_client->write(bytes.constData(), bytes.size());
    if (m_state == State::Answering && trackResponse(bytes))
        responseFinished();
}

bool GuardedConnection::trackResponse(QByteArrayView bytes)
{
    qsizetype at = 0;
    while (at < bytes.size() && !m_responseUnframed) {
        if (m_responseBodyLeft > 0) {
            const qint64 take = qMin<qint64>(m_responseBodyLeft, bytes.size() - at);
            at += take;
            m_responseBodyLeft -= take;
            if (m_responseBodyLeft == 0) {
                m_responseBodyLeft = -1;
                return true;
            }
            continue;
        }
        m_responseHead.append(bytes.sliced(at));
        const qsizetype end = m_responseHead.indexOf("\r\n\r\n");
        if (end < 0) {
            m_responseUnframed = m_responseHead.size() > 64 * 1024;
            return false;
        }
        at = bytes.size() - (m_responseHead.size() - end - 4);
        const QByteArray head = m_responseHead.left(end + 2).toLower();
        m_responseHead.clear();
        const int status = head.mid(9, 3).toInt();
        if (status >= 100 && status < 200)
            continue; // an interim answer; the final one follows
        if (status == 204 || status == 304 || m_request.method == "HEAD")
            return true;
        const qsizetype length = head.indexOf("\r\ncontent-length:");
        if (length < 0) {
            m_responseUnframed = true; // never written by this feed; the connection then closes
            arm(m_guard->limits().idleTimeoutMs);
            return false;
        }
        m_responseBodyLeft = head.mid(length + 17, head.indexOf('\r', length + 2) - length - 17).trimmed().toLongLong();
        if (m_responseBodyLeft <= 0) {
            m_responseBodyLeft = -1;
            return true;
        }
    }
    return false;
}

void GuardedConnection::responseFinished(NextRead next)
{
    if (m_request.closeAfter)
        return lingerAndClose();
    m_state = State::Idle;
    if (m_pending.isEmpty())
        m_slot->release(); // a pipelined request already read keeps it busy
    arm(m_guard->limits().idleTimeoutMs);
    if (next == NextRead::InRunningPump)
        return;
    // Not from inside Qt's write: the next request is read once Qt has finished this one.
    if (!m_pumpQueued) {
        m_pumpQueued = true;
        QMetaObject::invokeMethod(this, &GuardedConnection::pump, Qt::QueuedConnection);
    }
}

void GuardedConnection::refuse(int status, const QByteArray &detail)
{
    refuse(FeedResponse::error(status, QString::fromLatin1(detail)));
}

void GuardedConnection::refuse(const FeedResponse &response)
{
    if (m_state == State::Closing || m_state == State::Closed)
        return;
    m_client->write(ConnectionGuard::closingResponse(response));
    lingerAndClose();
}

void GuardedConnection::lingerAndClose()
{
    if (m_state == State::Closing || m_state == State::Closed)
        return;
    m_state = State::Closing;
    m_pending.clear();
    m_head.clear();
    m_chunked = ChunkedDecoder();
    m_guard->forget(this);
    if (m_qt)
        m_qt->endOfStream(); // Qt drops a request it got part of
    // Closing with unread request bytes would make the kernel reset the connection, and the
    // client could lose the answer: the writing side closes first, what still comes is read
    // and dropped for a moment, then the socket closes.
    arm(m_guard->limits().lingerMs);
    if (bytesToWrite() == 0)
        shutDownWriting();
    pump();
}

void GuardedConnection::shutDownWriting()
{
    if (qobject_cast<QSslSocket *>(m_client) || m_client->socketDescriptor() < 0)
        return; // TLS has its own close; the linger timer ends it
#ifdef Q_OS_WIN
    ::shutdown(SOCKET(m_client->socketDescriptor()), SD_SEND);
#else
    ::shutdown(int(m_client->socketDescriptor()), SHUT_WR);
#endif
}

void GuardedConnection::evict()
{
    lingerAndClose();
}

void GuardedConnection::qtClosed()
{
    m_qt = nullptr;
    lingerAndClose();
}

void GuardedConnection::onTimeout()
{
    switch (m_state) {
    case State::Head:
    case State::Body:
    case State::ChunkedBody:
        return refuse(408, "the request did not arrive in time");
    case State::Idle:
    case State::Answering: // only armed for an answer without framing
        return lingerAndClose();
    case State::Closing:
    case State::Closed:
        return teardown();
    }
}

void GuardedConnection::teardown()
{
    if (m_state == State::Closed)
        return;
    m_state = State::Closed;
    m_timer.stop();
    m_guard->forget(this);
    if (m_qt)
        m_qt->endOfStream();
    m_qt = nullptr;
    m_client->abort();
    deleteLater();
}
