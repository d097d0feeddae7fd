// SPDX-License-Identifier: GPL-3.0-or-later
#include "hostileh2server.h"

#include "testsupport.h"

#include <KCompressionDevice>

#include <QBuffer>
#include <QFile>
#include <QHttpHeaders>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTimer>

#include <sys/socket.h>

using namespace Qt::Literals::StringLiterals;

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get: return "GET";
    case QHttpServerRequest::Method::Put: return "PUT";
    case QHttpServerRequest::Method::Delete: return "DELETE";
    case QHttpServerRequest::Method::Post: return "POST";
    case QHttpServerRequest::Method::Head: return "HEAD";
    case QHttpServerRequest::Method::Options: return "OPTIONS";
    case QHttpServerRequest::Method::Patch: return "PATCH";
    default: return "UNKNOWN";
    }
}

bool isCut(FaultServer::Fault fault)
{
    return fault == FaultServer::Fault::ResetMidBody || fault == FaultServer::Fault::TruncatedBody
        || fault == FaultServer::Fault::StallBody;
}

// The payload of an HTTP/1.1 chunked body; HTTP/2 carries it in DATA frames instead.
QByteArray unchunk(const QByteArray &framed)
{
    QByteArray body;
    qsizetype pos = 0;
    while (pos < framed.size()) {
        const qsizetype lineEnd = framed.indexOf("\r\n", pos);
        if (lineEnd < 0)
            break;
        QByteArray sizeField = framed.mid(pos, lineEnd - pos);
        if (const qsizetype extension = sizeField.indexOf(';'); extension >= 0)
            sizeField.truncate(extension);
        const qint64 size = sizeField.trimmed().toLongLong(nullptr, 16);
        if (size <= 0)
            break;
        body += framed.mid(lineEnd + 2, size);
        pos = lineEnd + 2 + size + 2;
    }
    return body;
}

// SO_LINGER with a zero timeout makes the close send RST instead of FIN.
void resetSocket(QSslSocket *socket)
{
    linger option{};
    option.l_onoff = 1;
    option.l_linger = 0;
    ::setsockopt(int(socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &option, sizeof option);
    socket->abort();
}

} // namespace

HostileH2Server::HostileH2Server(Protocols protocols, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_protocols(protocols)
{
    m_clock.start();
    QFile keyPem(keyFile());
    if (!keyPem.open(QIODevice::ReadOnly))
        qFatal("HostileH2Server: cannot read %s", qPrintable(keyFile()));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificateChain(QSslCertificate::fromPath(certificateFile()));
    tls.setPrivateKey(QSslKey(keyPem.readAll(), QSsl::Ec));
    tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    tls.setAllowedNextProtocols(protocols == Protocols::Http2AndHttp1
                                    ? QList<QByteArray>{QSslConfiguration::ALPNProtocolHTTP2, "http/1.1"_ba}
                                    : QList<QByteArray>{"http/1.1"_ba});
    m_tcp = new QSslServer(this);
    m_tcp->setSslConfiguration(tls);
    connect(m_tcp, &QSslServer::startedEncryptionHandshake, this, [this](QSslSocket *socket) {
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        m_sockets.insert(socket->peerPort(), socket);
        m_connectionIds.insert(socket->peerPort(), ++m_connectionsAccepted);
    });
    if (!m_tcp->listen(QHostAddress::LocalHost, 0) || !bind(m_tcp))
        qWarning("HostileH2Server: cannot listen: %s", qPrintable(m_tcp->errorString()));
}

// Responders first: they point into the protocol handlers that QObject deletes afterwards.
HostileH2Server::~HostileH2Server()
{
    m_unfinished.clear();
}

QString HostileH2Server::certificateFile()
{
    return TestSupport::sourceDir() + u"/tests/fixtures/tls/localhost-cert.pem"_s;
}

QString HostileH2Server::keyFile()
{
    return TestSupport::sourceDir() + u"/tests/fixtures/tls/localhost-key.pem"_s;
}

void HostileH2Server::trustCertificate()
{
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.addCaCertificates(certificateFile());
    QSslConfiguration::setDefaultConfiguration(tls);
}

bool HostileH2Server::isListening() const { return m_tcp->isListening(); }
quint16 HostileH2Server::port() const { return m_tcp->serverPort(); }

QUrl HostileH2Server::baseUrl() const
{
    return QUrl(u"https://127.0.0.1:%1"_s.arg(port()));
}

QUrl HostileH2Server::url(const QString &path) const
{
    return QUrl(baseUrl().toString() + path);
}

void HostileH2Server::setRoute(const QString &path, const QList<FaultServer::Response> &responses)
{
    m_routes.insert(path, Route{responses, 0});
}

void HostileH2Server::clearRoutes() { m_routes.clear(); }

QList<FaultServer::Request> HostileH2Server::requests(const QString &path) const
{
    QList<FaultServer::Request> matching;
    for (const FaultServer::Request &request : m_requests) {
        if (request.path() == path || QString::fromLatin1(request.target) == path)
            matching.append(request);
    }
    return matching;
}

bool HostileH2Server::handleRequest(const QHttpServerRequest &request, QHttpServerResponder &responder)
{
    FaultServer::Request recorded;
    recorded.method = methodName(request.method());
    const QUrl url = request.url();
    recorded.target = url.path(QUrl::FullyEncoded).toUtf8();
    if (url.hasQuery())
        recorded.target += '?' + url.query(QUrl::FullyEncoded).toUtf8();
    recorded.version = request.sslConfiguration().nextNegotiatedProtocol() == QSslConfiguration::ALPNProtocolHTTP2
        ? "HTTP/2"_ba : "HTTP/1.1"_ba;
    const QHttpHeaders &headers = request.headers();
    for (qsizetype i = 0; i < headers.size(); ++i)
        recorded.headers.append({headers.nameAt(i).toString().toLatin1(), headers.valueAt(i).toByteArray()});
    recorded.body = request.body();
    recorded.arrivedAt = QDateTime::currentDateTimeUtc();
    recorded.arrivedMs = m_clock.elapsed();
    recorded.connection = m_connectionIds.value(request.remotePort());
    m_requests.append(recorded);

    const FaultServer::Response response = nextResponse(recorded);
    auto held = std::make_shared<QHttpServerResponder>(std::move(responder));
    const quint16 peerPort = request.remotePort();
    if (response.delayMs > 0)
        QTimer::singleShot(response.delayMs, this, [this, held, peerPort, response] { respond(held, peerPort, response); });
    else
        respond(held, peerPort, response);
    return true;
}

void HostileH2Server::missingHandler(const QHttpServerRequest &, QHttpServerResponder &responder)
{
    responder.write("no route\n", "text/plain", QHttpServerResponder::StatusCode::NotFound);
}

FaultServer::Response HostileH2Server::nextResponse(const FaultServer::Request &request)
{
    auto route = m_routes.find(QString::fromLatin1(request.target));
    if (route == m_routes.end())
        route = m_routes.find(request.path());
    if (route == m_routes.end() || route->script.isEmpty())
        return FaultServer::Response::make(404, "no route for " + request.target + '\n', "text/plain");
    const FaultServer::Response response = route->script.at(qMin(route->next, route->script.size() - 1));
    if (route->next < route->script.size())
        ++route->next;
    return response;
}

void HostileH2Server::respond(const std::shared_ptr<QHttpServerResponder> &responder, quint16 peerPort,
                              const FaultServer::Response &response)
{
    QHttpHeaders headers;
    bool chunked = false;
    bool hasLength = false;
    for (const auto &[name, value] : response.headers) {
        if (name.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0) {
            chunked = value.contains("chunked");
            continue;
        }
        if (name.compare("Connection", Qt::CaseInsensitive) == 0)
            continue; // connection-specific: a malformed HTTP/2 answer
        const bool length = name.compare("Content-Length", Qt::CaseInsensitive) == 0;
        if (length && m_protocols == Protocols::Http1Only)
            continue; // Qt HttpServer frames these bodies chunked itself
        hasLength = hasLength || length;
        headers.append(QLatin1StringView(name), QLatin1StringView(value));
    }
    const QByteArray body = chunked ? unchunk(response.body) : response.body;
    const bool bodyless = response.status < 200 || response.status == 204 || response.status == 304;
    if (!hasLength && !chunked && !bodyless && m_protocols == Protocols::Http2AndHttp1)
        headers.append(QHttpHeaders::WellKnownHeader::ContentLength, QLatin1StringView(QByteArray::number(body.size())));
    const auto status = static_cast<QHttpServerResponder::StatusCode>(response.status);

    if (!isCut(response.fault)) {
        // The headers as given, whatever Content-Length they claim, then the body and its end.
        responder->writeBeginChunked(headers, status);
        responder->writeEndChunked(body);
        return;
    }
    const qsizetype sent = response.faultAfterBytes < 0 ? body.size() / 2 : qMin(response.faultAfterBytes, body.size());
    responder->writeBeginChunked(headers, status);
    responder->writeChunk(body.left(sent));
    m_unfinished.append(responder);
    endConnection(peerPort, response.fault);
}

// The part of the body must leave the socket before the cut, or the client sees none of it.
void HostileH2Server::endConnection(quint16 peerPort, FaultServer::Fault fault)
{
    QSslSocket *socket = m_sockets.value(peerPort);
    if (!socket || fault == FaultServer::Fault::StallBody)
        return;
    auto cutWhenWritten = [socket, fault] {
        if (socket->state() != QAbstractSocket::ConnectedState || socket->bytesToWrite() > 0 || socket->encryptedBytesToWrite() > 0)
            return false;
        if (fault == FaultServer::Fault::ResetMidBody)
            resetSocket(socket);
        else
            socket->disconnectFromHost();
        return true;
    };
    socket->flush();
    if (!cutWhenWritten())
        connect(socket, &QSslSocket::encryptedBytesWritten, socket, cutWhenWritten);
}

namespace HostileBody {

QByteArray gzip(const QByteArray &data)
{
    QBuffer buffer;
    {
        KCompressionDevice device(&buffer, false, KCompressionDevice::GZip);
        if (!device.open(QIODevice::WriteOnly) || device.write(data) != data.size())
            qFatal("HostileBody::gzip: %s", qPrintable(device.errorString()));
        device.close();
    }
    return buffer.data();
}

QByteArray chunked(const QByteArray &data, qsizetype chunkSize)
{
    QByteArray framed;
    framed.reserve(data.size() + data.size() / chunkSize * 12 + 16);
    for (qsizetype pos = 0; pos < data.size(); pos += chunkSize) {
        const QByteArrayView chunk = QByteArrayView(data).sliced(pos, qMin(chunkSize, data.size() - pos));
        framed += QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n";
    }
    return framed + "0\r\n\r\n";
}

} // namespace HostileBody
