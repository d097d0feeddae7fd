// SPDX-License-Identifier: GPL-3.0-or-later
#include "localfeedserver.h"

#include "connectionguard.h"
#include "feedrouter.h"
#include "guardedsslserver.h"
#include "lowdelaytcpserver.h"
#include "publishvalidator.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHttpHeaders>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QLoggingCategory>
#include <QMutex>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>

#include <memory>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <unistd.h>
#endif

using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcFeedHttp, "cratedesk.feed.http", QtInfoMsg)

namespace {

FeedRequest::Method toMethod(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return FeedRequest::Method::Get;
    case QHttpServerRequest::Method::Head:
        return FeedRequest::Method::Head;
    case QHttpServerRequest::Method::Put:
        return FeedRequest::Method::Put;
    case QHttpServerRequest::Method::Delete:
        return FeedRequest::Method::Delete;
    default:
        return FeedRequest::Method::Other;
    }
}

// Qt HttpServer takes connections only from a listening QTcpServer. This one holds a copy of
// the feed's listening socket and never accepts from it itself (another thread does, and hands
// connections over): at most 0 pending connections makes Qt's accept loop stop before accept(),
// even once taking a handed connection has turned read notifications on again.
bool shareListener(QTcpServer *server, qintptr listener)
{
#ifdef Q_OS_UNIX
    const int copy = ::fcntl(int(listener), F_DUPFD_CLOEXEC, 0);
    if (copy < 0)
        return false;
    if (!server->setSocketDescriptor(copy)) {
        ::close(copy);
        return false;
    }
#else
    // No descriptor to share: a port of its own that nobody is told of, never accepted from.
    Q_UNUSED(listener);
    if (!server->listen(QHostAddress::LocalHost, 0))
        return false;
#endif
    server->setMaxPendingConnections(0);
    server->pauseAccepting();
    return true;
}

QByteArrayView methodName(FeedRequest::Method method)
{
    switch (method) {
    case FeedRequest::Method::Get: return "GET";
    case FeedRequest::Method::Head: return "HEAD";
    case FeedRequest::Method::Put: return "PUT";
    case FeedRequest::Method::Delete: return "DELETE";
    case FeedRequest::Method::Other: break;
    }
    return "other";
}

// The access log names method, path and status only: never headers, so never a token.
void logAnswer(QByteArrayView method, const QByteArray &path, const FeedResponse &response, const QElapsedTimer &timer)
{
    qCDebug(lcFeedHttp).noquote() << method << QString::fromUtf8(path) << response.status << response.body.size() << "bytes"
                                  << timer.nsecsElapsed() / 1000 << "us";
}

void writeResponse(QHttpServerResponder &out, const FeedResponse &response)
{
    QHttpHeaders fields;
    if (!response.contentType.isEmpty())
        fields.append(QHttpHeaders::WellKnownHeader::ContentType, response.contentType);
    for (const auto &[name, value] : response.headers)
        fields.append(name, value);
    const auto status = static_cast<QHttpServerResponder::StatusCode>(response.status);
    if (response.status == 304 || response.body.isEmpty())
        out.write(fields, status);
    else
        out.write(response.body, fields, status);
}

} // namespace

// The way back from the writer's thread to this server: answers are posted to it while it
// exists, never after (the server clears it when it goes away, under the same lock).
struct LocalFeedServer::Reply
{
    QMutex mutex;
    LocalFeedServer *server = nullptr;

    void post(quint64 id, const FeedResponse &response)
    {
        QMutexLocker lock(&mutex);
        if (LocalFeedServer *target = server)
            QMetaObject::invokeMethod(target, [target, id, response] { target->answerFromWriter(id, response); }, Qt::QueuedConnection);
    }
};

LocalFeedServer::LocalFeedServer(FeedRouter *router, FeedRouter *writer, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_router(router)
    , m_writer(writer)
    , m_reply(std::make_shared<Reply>())
{
    m_reply->server = this;
}

LocalFeedServer::~LocalFeedServer()
{
    QMutexLocker lock(&m_reply->mutex);
    m_reply->server = nullptr;
}

FeedError LocalFeedServer::loadTls(const QString &certificateFile, const QString &keyFile, QSslConfiguration *tls)
{
    if (!QSslSocket::supportsSsl())
        return FeedError::internal(u"cannot serve https: this Qt has no TLS backend (%1)"_s.arg(QSslSocket::activeBackend()));
    const QList<QSslCertificate> chain = QSslCertificate::fromPath(certificateFile, QSsl::Pem);
    if (chain.isEmpty())
        return FeedError::internal(u"the TLS certificate %1 cannot be read or holds no PEM certificate"_s.arg(certificateFile));
    QFile file(keyFile);
    if (!file.open(QIODevice::ReadOnly))
        return FeedError::internal(u"the TLS key %1 cannot be read: %2"_s.arg(keyFile, file.errorString()));
    const QByteArray pem = file.readAll();
    QSslKey key;
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Ec, QSsl::Rsa, QSsl::Dsa}) {
        key = QSslKey(pem, algorithm, QSsl::Pem);
        if (!key.isNull())
            break;
    }
    if (key.isNull())
        return FeedError::internal(u"the TLS key %1 is not an unencrypted PEM private key (EC, RSA or DSA)"_s.arg(keyFile));
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(key);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // clients authenticate with tokens
    configuration.setAllowedNextProtocols({QSslConfiguration::ALPNProtocolHTTP2, QByteArrayLiteral("http/1.1")});
    *tls = configuration;
    return {};
}

void LocalFeedServer::setConnectionLimits(const ConnectionLimits &limits, qint64 maxCrateBytes, std::shared_ptr<ConnectionSlots> slots)
{
    m_limits = limits;
    m_maxCrateBytes = maxCrateBytes;
    m_slots = std::move(slots);
}

FeedError LocalFeedServer::serve(qintptr listener, const std::optional<QSslConfiguration> &tls)
{
    // Every connection passes the guard before Qt HttpServer reads from it (see
    // ConnectionGuard): sizes, timeouts and the token of a write are checked on the head.
    ConnectionGuard::Gate gate;
    gate.precheck = [router = m_router](const FeedRequest &head) { return router->precheck(head); };
    gate.maxBodyBytes = [maxCrate = m_maxCrateBytes, small = m_limits.maxSmallBodyBytes](const FeedRequest &head) {
        const bool publish = head.method == FeedRequest::Method::Put && head.encodedPath == "/api/v1/crates/new";
        return publish ? PublishValidator::maxBodyBytes(maxCrate) : small;
    };
    // What this thread answers at once, the guard answers itself (GuardedConnection::answerHere).
    gate.answer = [router = m_router, writer = m_writer](const FeedRequest &request) -> std::optional<FeedResponse> {
        if (writer && router->isForWriter(request))
            return std::nullopt;
        QElapsedTimer timer;
        timer.start();
        // Asked as a GET: the router empties a HEAD's body for Qt, but the guard leaves the body
        // out itself and still says its length, as HTTP wants.
        FeedRequest asGet = request;
        asGet.method = FeedRequest::Method::Get;
        FeedResponse response = router->handle(asGet);
        logAnswer(methodName(request.method), request.encodedPath, response, timer);
        return response;
    };
    delete m_guard;
    m_guard = new ConnectionGuard(m_limits, std::move(gate), m_slots, this);
    QTcpServer *tcp = nullptr;
    if (tls) {
        auto *ssl = new GuardedSslServer(m_guard, this);
        ssl->setHandshakeTimeout(m_limits.headerTimeoutMs); // a handshake may not trickle either
        ssl->setSslConfiguration(*tls);
        // As LowDelayTcpServer does for plain connections: small answers go out at once.
        connect(ssl, &QSslServer::startedEncryptionHandshake, ssl, [](QSslSocket *socket) {
            socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        });
        connect(ssl, &QSslServer::errorOccurred, ssl, [](QSslSocket *, QAbstractSocket::SocketError error) {
            qCDebug(lcFeedHttp) << "TLS connection failed:" << error;
        });
        tcp = ssl;
    } else {
        tcp = new LowDelayTcpServer(m_guard, this);
    }
    if (!shareListener(tcp, listener) || !bind(tcp)) {
        const QString reason = tcp->errorString();
        delete tcp;
        return FeedError::internal(tr("cannot serve on a thread of its own: %1").arg(reason));
    }
    m_tcp = tcp;
    m_tls = tls.has_value();
    return {};
}

void LocalFeedServer::takeConnection(qintptr descriptor, quint64 order)
{
    QMetaObject::invokeMethod(this, [this, descriptor, order] {
        m_guard->expect(descriptor, order);
        if (auto *ssl = qobject_cast<GuardedSslServer *>(m_tcp))
            ssl->takeConnection(descriptor);
        else
            static_cast<LowDelayTcpServer *>(m_tcp)->takeConnection(descriptor);
    }, Qt::QueuedConnection);
}

bool LocalFeedServer::handleRequest(const QHttpServerRequest &request, QHttpServerResponder &responder)
{
    QElapsedTimer timer;
    timer.start();
    const QHttpHeaders &headers = request.headers();
    if (m_tls)
        m_guard->noteHttp2Request(request.remotePort(), request.body().size());
    FeedRequest feedRequest;
    feedRequest.method = toMethod(request.method());
    feedRequest.encodedPath = request.url().path(QUrl::FullyEncoded).toUtf8();
    feedRequest.query = request.query();
    feedRequest.authorization = headers.value(QHttpHeaders::WellKnownHeader::Authorization).toByteArray();
    feedRequest.ifNoneMatch = headers.value(QHttpHeaders::WellKnownHeader::IfNoneMatch).toByteArray();
    // HTTP/2 (offered only with TLS) names the host in :authority, which Qt keeps in the URL only.
    feedRequest.host = headers.contains(QHttpHeaders::WellKnownHeader::Host) || !m_tls ? headers.value(QHttpHeaders::WellKnownHeader::Host).toByteArray() : request.url().authority().toUtf8();
    feedRequest.origin = headers.value(QHttpHeaders::WellKnownHeader::Origin).toByteArray();
    feedRequest.ifModifiedSince = headers.value(QHttpHeaders::WellKnownHeader::IfModifiedSince).toByteArray();
    feedRequest.body = request.body();

    auto log = [method = methodName(feedRequest.method), path = feedRequest.encodedPath, timer](const FeedResponse &response) {
        logAnswer(method, path, response, timer);
    };
    // Answering on the spot keeps the responder where Qt HttpServer made it. With the
    // responder moved out of this call on every request, the feed served a fifth to a sixth
    // of the index GETs per second (bench-localfeed.sh), so it moves only when the writer's
    // thread must answer.
    if (!m_writer || !m_router->isForWriter(feedRequest)) {
        const FeedResponse response = m_router->handle(feedRequest);
        writeResponse(responder, response);
        log(response);
        return true;
    }
    // The writer's thread answers, maybe later (an upstream): the responder waits here, and
    // this thread goes on serving other connections meanwhile.
    const quint64 id = ++m_lastId;
    m_waiting.emplace(id, std::make_unique<QHttpServerResponder>(std::move(responder)));
    FeedRouter::Responder done = [reply = m_reply, id, log](const FeedResponse &response) {
        log(response);
        reply->post(id, response);
    };
    QMetaObject::invokeMethod(m_writer, [writer = m_writer, feedRequest, done] { writer->handle(feedRequest, done); },
                              Qt::QueuedConnection);
    return true;
}

void LocalFeedServer::answerFromWriter(quint64 id, const FeedResponse &response)
{
    const auto it = m_waiting.find(id);
    if (it == m_waiting.end())
        return;
    const std::unique_ptr<QHttpServerResponder> responder = std::move(it->second);
    m_waiting.erase(it);
    writeResponse(*responder, response);
}

void LocalFeedServer::missingHandler(const QHttpServerRequest &, QHttpServerResponder &responder)
{
    const FeedResponse response = FeedResponse::error(404, u"not found"_s);
    QHttpHeaders out;
    out.append(QHttpHeaders::WellKnownHeader::ContentType, response.contentType);
    responder.write(response.body, out, QHttpServerResponder::StatusCode::NotFound);
}
