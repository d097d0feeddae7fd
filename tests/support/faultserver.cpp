// SPDX-License-Identifier: GPL-3.0-or-later
#include "faultserver.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#ifdef Q_OS_WIN
#include <winsock2.h>
#else
#include <sys/socket.h>
#endif

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qsizetype MaxHeadBytes = 64 * 1024;

enum class Parse { NeedHead, NeedBody, Complete, Invalid };

QByteArray findHeader(const FaultServer::Headers &headers, QByteArrayView name)
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value.isNull() ? QByteArray("") : value;
    }
    return {};
}

bool hasToken(const QByteArray &list, QByteArrayView token)
{
    const QList<QByteArray> items = list.split(',');
    for (const QByteArray &item : items) {
        if (item.trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

// If-None-Match uses the weak comparison (RFC 9110 13.1.2): W/ prefixes do not count.
bool etagMatches(const QByteArray &ifNoneMatch, const QByteArray &etag)
{
    const auto strong = [](QByteArray tag) { return tag.startsWith("W/") ? tag.mid(2) : tag; };
    const QList<QByteArray> candidates = ifNoneMatch.split(',');
    for (const QByteArray &candidate : candidates) {
        const QByteArray tag = candidate.trimmed();
        if (tag == "*" || strong(tag) == strong(etag))
            return true;
    }
    return false;
}

// A chunked body from `pos`: chunks, the last chunk, trailer fields, the empty line.
Parse parseChunked(const QByteArray &buffer, qsizetype pos, QByteArray *body, qsizetype *consumed)
{
    body->clear();
    for (;;) {
        const qsizetype lineEnd = buffer.indexOf("\r\n", pos);
        if (lineEnd < 0)
            return Parse::NeedBody;
        QByteArray sizeField = buffer.mid(pos, lineEnd - pos);
        if (const qsizetype extension = sizeField.indexOf(';'); extension >= 0)
            sizeField.truncate(extension);
        bool ok = false;
        const qint64 size = sizeField.trimmed().toLongLong(&ok, 16);
        if (!ok || size < 0)
            return Parse::Invalid;
        pos = lineEnd + 2;
        if (size == 0)
            break;
        if (buffer.size() < pos + size + 2)
            return Parse::NeedBody;
        if (QByteArrayView(buffer).sliced(pos + size, 2) != "\r\n")
            return Parse::Invalid;
        body->append(buffer.constData() + pos, size);
        pos += size + 2;
    }
    for (;;) {
        const qsizetype lineEnd = buffer.indexOf("\r\n", pos);
        if (lineEnd < 0)
            return Parse::NeedBody;
        const bool emptyLine = lineEnd == pos;
        pos = lineEnd + 2;
        if (emptyLine)
            break;
    }
    *consumed = pos;
    return Parse::Complete;
}

// Parses the first request in `buffer`. It reads the head again on every call: test requests
// are small, and this keeps the parser free of state between reads. On NeedBody the head is
// already in `request`, so the caller can answer `Expect: 100-continue`.
Parse parseRequest(const QByteArray &buffer, FaultServer::Request *request, qsizetype *consumed)
{
    qsizetype start = 0;
    while (QByteArrayView(buffer).sliced(start).startsWith("\r\n")) // RFC 9112 2.2
        start += 2;
    const qsizetype headEnd = buffer.indexOf("\r\n\r\n", start);
    if (headEnd < 0)
        return buffer.size() - start > MaxHeadBytes ? Parse::Invalid : Parse::NeedHead;

    const QList<QByteArray> lines = buffer.mid(start, headEnd - start).split('\n');
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1."))
        return Parse::Invalid;
    request->method = requestLine.at(0);
    request->target = requestLine.at(1);
    request->version = requestLine.at(2);
    request->headers.clear();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        QByteArray line = lines.at(i);
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.startsWith(' ') || line.startsWith('\t')) { // obsolete line folding
            if (request->headers.isEmpty())
                return Parse::Invalid;
            request->headers.last().second += ' ' + line.trimmed();
            continue;
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return Parse::Invalid;
        request->headers.append({line.left(colon), line.mid(colon + 1).trimmed()});
    }

    const qsizetype bodyStart = headEnd + 4;
    if (hasToken(findHeader(request->headers, "Transfer-Encoding"), "chunked"))
        return parseChunked(buffer, bodyStart, &request->body, consumed);
    qint64 length = 0;
    if (const QByteArray field = findHeader(request->headers, "Content-Length"); !field.isNull()) {
        bool ok = false;
        length = field.toLongLong(&ok);
        if (!ok || length < 0)
            return Parse::Invalid;
    }
    if (buffer.size() - bodyStart < length)
        return Parse::NeedBody;
    request->body = buffer.mid(bodyStart, length);
    *consumed = bodyStart + length;
    return Parse::Complete;
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 100: return "Continue";
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 303: return "See Other";
    case 304: return "Not Modified";
    case 307: return "Temporary Redirect";
    case 308: return "Permanent Redirect";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 409: return "Conflict";
    case 410: return "Gone";
    case 413: return "Content Too Large";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "Status";
    }
}

// SO_LINGER with a zero timeout makes close() send RST instead of FIN.
void resetSocket(QTcpSocket *socket)
{
    linger option{};
    option.l_onoff = 1;
    option.l_linger = 0;
    ::setsockopt(socket->socketDescriptor(), SOL_SOCKET, SO_LINGER, reinterpret_cast<const char *>(&option), sizeof option);
    socket->abort();
}

} // namespace

QByteArray FaultServer::Response::header(QByteArrayView name) const
{
    return findHeader(headers, name);
}

FaultServer::Response &FaultServer::Response::withHeader(const QByteArray &name, const QByteArray &value)
{
    headers.append({name, value});
    return *this;
}

FaultServer::Response &FaultServer::Response::withDelay(int ms)
{
    delayMs = ms;
    return *this;
}

FaultServer::Response FaultServer::Response::make(int status, const QByteArray &body, const QByteArray &contentType)
{
    Response response;
    response.status = status;
    response.body = body;
    if (!contentType.isEmpty())
        response.headers.append({"Content-Type", contentType});
    return response;
}

FaultServer::Response FaultServer::Response::ok(const QByteArray &body, const QByteArray &contentType)
{
    return make(200, body, contentType);
}

FaultServer::Response FaultServer::Response::garbageJson()
{
    return ok("{\"name\": \"serde\", \"vers\": [1, 2,, }\n<html>502 from a proxy</html>\xff\xfe");
}

FaultServer::Response FaultServer::Response::retryAfter(int seconds, int status)
{
    return make(status, "{\"errors\":[{\"detail\":\"try again later\"}]}", "application/json")
        .withHeader("Retry-After", QByteArray::number(seconds));
}

FaultServer::Response FaultServer::Response::redirectTo(const QUrl &target, int status)
{
    return make(status, "redirecting\n", "text/plain").withHeader("Location", target.toEncoded());
}

FaultServer::Response FaultServer::Response::delayed(int ms, const Response &response)
{
    Response late = response;
    late.fault = Fault::Delay;
    late.delayMs = ms;
    return late;
}

FaultServer::Response FaultServer::Response::resetMidBody(const QByteArray &body, qsizetype bytesSent)
{
    Response response = ok(body, "application/octet-stream");
    response.fault = Fault::ResetMidBody;
    response.faultAfterBytes = bytesSent;
    return response;
}

FaultServer::Response FaultServer::Response::truncatedBody(const QByteArray &body, qsizetype bytesSent)
{
    Response response = resetMidBody(body, bytesSent);
    response.fault = Fault::TruncatedBody;
    return response;
}

FaultServer::Response FaultServer::Response::stallBody(const QByteArray &body, qsizetype bytesSent)
{
    Response response = resetMidBody(body, bytesSent);
    response.fault = Fault::StallBody;
    return response;
}

QByteArray FaultServer::Request::header(QByteArrayView name) const
{
    return findHeader(headers, name);
}

bool FaultServer::Request::hasHeader(QByteArrayView name) const
{
    return !findHeader(headers, name).isNull();
}

QString FaultServer::Request::path() const
{
    const qsizetype query = target.indexOf('?');
    return QString::fromLatin1(query < 0 ? target : target.left(query));
}

FaultServer::FaultServer(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
{
    m_clock.start();
    connect(m_server, &QTcpServer::newConnection, this, &FaultServer::acceptConnections);
    m_server->listen(QHostAddress::LocalHost, 0);
}

FaultServer::~FaultServer()
{
    // Close the sockets while this object is whole: their signals reach this object's slots.
    const QList<QTcpSocket *> sockets = m_connections.keys();
    m_connections.clear();
    for (QTcpSocket *socket : sockets) {
        socket->disconnect(this);
        delete socket;
    }
}

bool FaultServer::isListening() const { return m_server->isListening(); }
quint16 FaultServer::port() const { return m_server->serverPort(); }

QUrl FaultServer::baseUrl() const
{
    return QUrl(u"http://127.0.0.1:%1"_s.arg(port()));
}

QUrl FaultServer::url(const QString &path) const
{
    return QUrl(baseUrl().toString() + path);
}

void FaultServer::setRoute(const QString &path, const QList<Response> &responses)
{
    setRoute({}, path, responses);
}

void FaultServer::setRoute(const QByteArray &method, const QString &path, const QList<Response> &responses)
{
    Route &route = m_routes[{method, path}];
    route.script = responses;
    route.next = 0;
}

void FaultServer::setETag(const QString &path, const QByteArray &etag, const QByteArray &method)
{
    m_routes[{method, path}].etag = etag;
}

void FaultServer::clearRoutes() { m_routes.clear(); }
QList<FaultServer::Request> FaultServer::requests() const { return m_requests; }
int FaultServer::connectionsAccepted() const { return m_connectionsAccepted; }
void FaultServer::clearRequests() { m_requests.clear(); }

QList<FaultServer::Request> FaultServer::requests(const QString &path) const
{
    QList<Request> matching;
    for (const Request &request : m_requests) {
        if (request.path() == path || QString::fromLatin1(request.target) == path)
            matching.append(request);
    }
    return matching;
}

int FaultServer::requestCount(const QString &path) const
{
    return int(requests(path).size());
}

void FaultServer::acceptConnections()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        m_connections.insert(socket, Connection{++m_connectionsAccepted, {}, false, false, false});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { processInput(socket); });
        // Queued: abort() and disconnectFromHost() emit it from inside writeResponse().
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] { dropConnection(socket); }, Qt::QueuedConnection);
    }
}

void FaultServer::dropConnection(QTcpSocket *socket)
{
    if (m_connections.remove(socket)) {
        socket->disconnect(this);
        socket->deleteLater();
    }
}

void FaultServer::processInput(QTcpSocket *socket)
{
    for (;;) {
        const auto it = m_connections.find(socket);
        if (it == m_connections.end())
            return;
        Connection &connection = *it;
        if (socket->isOpen())
            connection.buffer += socket->readAll();
        if (connection.busy || connection.done)
            return;

        Request request;
        qsizetype consumed = 0;
        const Parse result = parseRequest(connection.buffer, &request, &consumed);
        if (result == Parse::Invalid) {
            writeResponse(socket, request, Response::make(400, "malformed request\n", "text/plain"), true);
            return;
        }
        if (result == Parse::NeedBody && !connection.sentContinue
            && request.header("Expect").compare("100-continue", Qt::CaseInsensitive) == 0) {
            connection.sentContinue = true;
            socket->write("HTTP/1.1 100 Continue\r\n\r\n");
        }
        if (result != Parse::Complete)
            return;

        connection.buffer.remove(0, consumed);
        connection.sentContinue = false;
        request.arrivedAt = QDateTime::currentDateTimeUtc();
        request.arrivedMs = m_clock.elapsed();
        request.connection = connection.id;
        m_requests.append(request);

        // Upgrade (h2c) is ignored on purpose: an HTTP/1.1-only server must not answer 101.
        const bool close = hasToken(request.header("Connection"), "close")
            || (request.version == "HTTP/1.0" && !hasToken(request.header("Connection"), "keep-alive"));
        const Response response = nextResponse(request);
        if (response.delayMs > 0) {
            connection.busy = true;
            QTimer::singleShot(response.delayMs, Qt::PreciseTimer, socket, [this, socket, request, response, close] {
                if (const auto found = m_connections.find(socket); found != m_connections.end()) {
                    found->busy = false;
                    writeResponse(socket, request, response, close);
                    processInput(socket); // requests that were pipelined behind this one
                }
            });
        } else {
            writeResponse(socket, request, response, close);
        }
        Q_EMIT requestReceived(request);
    }
}

FaultServer::Response FaultServer::nextResponse(const Request &request)
{
    const QString target = QString::fromLatin1(request.target);
    const QString path = request.path();
    Route *route = nullptr;
    for (const RouteKey &key : {RouteKey{request.method, target}, RouteKey{request.method, path},
                                RouteKey{{}, target}, RouteKey{{}, path}}) {
        if (const auto it = m_routes.find(key); it != m_routes.end()) {
            route = &*it;
            break;
        }
    }
    if (!route || (route->script.isEmpty() && route->etag.isEmpty()))
        return Response::make(404, "no route for " + request.target + '\n', "text/plain");

    if (!route->etag.isEmpty() && request.hasHeader("If-None-Match")
        && etagMatches(request.header("If-None-Match"), route->etag)) {
        return Response::make(304).withHeader("ETag", route->etag);
    }
    if (route->script.isEmpty())
        return Response::make(404, "no route for " + request.target + '\n', "text/plain");
    Response response = route->script.at(qMin(route->next, route->script.size() - 1));
    if (route->next < route->script.size())
        ++route->next;
    if (!route->etag.isEmpty() && response.status / 100 == 2 && response.header("ETag").isNull())
        response.headers.append({"ETag", route->etag});
    return response;
}

void FaultServer::writeResponse(QTcpSocket *socket, const Request &request, const Response &response, bool close)
{
    if (socket->state() != QAbstractSocket::ConnectedState) // the client left during a delay
        return;
    Connection &connection = m_connections[socket];
    const bool bodyless = response.status < 200 || response.status == 204 || response.status == 304;
    const bool closeAfter = close || hasToken(response.header("Connection"), "close");

    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    for (const auto &[name, value] : response.headers)
        head += name + ": " + value + "\r\n";
    if (!bodyless && response.header("Content-Length").isNull() && response.header("Transfer-Encoding").isNull())
        head += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    if (closeAfter && response.header("Connection").isNull())
        head += "Connection: close\r\n";
    head += "\r\n";

    const QByteArray body = bodyless || request.method == "HEAD" ? QByteArray() : response.body;
    qsizetype bodyBytes = body.size();
    if (response.fault == Fault::ResetMidBody || response.fault == Fault::TruncatedBody || response.fault == Fault::StallBody)
        bodyBytes = response.faultAfterBytes < 0 ? body.size() / 2 : qMin(response.faultAfterBytes, body.size());
    socket->write(head + body.left(bodyBytes));

    switch (response.fault) {
    case Fault::ResetMidBody:
        connection.done = true;
        resetWhenWritten(socket);
        break;
    case Fault::TruncatedBody:
        connection.done = true;
        socket->disconnectFromHost(); // FIN once the write buffer is out
        break;
    case Fault::StallBody:
        connection.done = true; // neither more bytes nor a close: the client has to time out
        break;
    case Fault::None:
    case Fault::Delay:
        if (closeAfter) {
            connection.done = true;
            socket->disconnectFromHost();
        }
        break;
    }
}

// The partial body must leave Qt's write buffer before the reset, or the client sees none of it.
void FaultServer::resetWhenWritten(QTcpSocket *socket)
{
    socket->flush();
    if (socket->bytesToWrite() == 0) {
        resetSocket(socket);
        return;
    }
    connect(socket, &QTcpSocket::bytesWritten, this, [socket] {
        if (socket->bytesToWrite() == 0 && socket->state() == QAbstractSocket::ConnectedState)
            resetSocket(socket);
    });
}
