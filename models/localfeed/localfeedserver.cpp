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
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>

#include <memory>

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

} // namespace

LocalFeedServer::LocalFeedServer(FeedRouter *router, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_router(router)
{
}

LocalFeedServer::~LocalFeedServer() = default;

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

void LocalFeedServer::setConnectionLimits(const ConnectionLimits &limits, qint64 maxCrateBytes)
{
    m_limits = limits;
    m_maxCrateBytes = maxCrateBytes;
}

FeedError LocalFeedServer::listen(quint16 port, const std::optional<QSslConfiguration> &tls)
{
    // Every connection passes the guard before Qt HttpServer reads from it (see
    // ConnectionGuard): sizes, timeouts and the token of a write are checked on the head.
    ConnectionGuard::Gate gate;
    gate.precheck = [router = m_router](const FeedRequest &head) { return router->precheck(head); };
    gate.maxBodyBytes = [maxCrate = m_maxCrateBytes, small = m_limits.maxSmallBodyBytes](const FeedRequest &head) {
        const bool publish = head.method == FeedRequest::Method::Put && head.encodedPath == "/api/v1/crates/new";
        return publish ? PublishValidator::maxBodyBytes(maxCrate) : small;
    };
    delete m_guard;
    m_guard = new ConnectionGuard(m_limits, std::move(gate), this);
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
    // Loopback only: the local feed is for this machine, never for the network.
    if (!tcp->listen(QHostAddress::LocalHost, port)) {
        const QString reason = tcp->errorString();
        delete tcp;
        return FeedError::internal(u"cannot listen on 127.0.0.1:%1: %2"_s.arg(port).arg(reason));
    }
    if (!bind(tcp)) {
        delete tcp;
        return FeedError::internal(u"cannot serve on 127.0.0.1:%1"_s.arg(port));
    }
    m_tcp = tcp;
    m_tls = tls.has_value();
    m_router->setBaseUrl(baseUrl());
    qCInfo(lcFeedHttp).noquote() << "local feed listening on" << baseUrl().toString() << (m_tls ? "(TLS, HTTP/2 offered)" : "");
    return {};
}

quint16 LocalFeedServer::port() const
{
    return m_tcp ? m_tcp->serverPort() : 0;
}

QUrl LocalFeedServer::baseUrl() const
{
    return QUrl(u"%1://127.0.0.1:%2/"_s.arg(m_tls ? u"https"_s : u"http"_s).arg(port()));
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

    const auto method = request.method();
    auto respond = [method, path = feedRequest.encodedPath, timer](QHttpServerResponder &out, const FeedResponse &response) {
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
        // The access log names method, path and status only: never headers, so never a token.
        qCDebug(lcFeedHttp).noquote() << method << QString::fromUtf8(path) << response.status << response.body.size()
                                      << "bytes" << timer.nsecsElapsed() / 1000 << "us";
    };
    // Answering on the spot keeps the responder where Qt HttpServer made it. With the
    // responder moved out of this call on every request, the feed served a fifth to a sixth
    // of the index GETs per second (bench-localfeed.sh), so it moves only when an upstream
    // may have to be asked.
    if (!m_router->mayAnswerLater()) {
        respond(responder, m_router->handle(feedRequest));
        return true;
    }
    // The router may answer later: the responder moves into the callback, and the server
    // thread goes on serving other connections meanwhile.
    auto held = std::make_shared<QHttpServerResponder>(std::move(responder));
    m_router->handle(feedRequest, [held, respond](const FeedResponse &response) { respond(*held, response); });
    return true;
}

void LocalFeedServer::missingHandler(const QHttpServerRequest &, QHttpServerResponder &responder)
{
    const FeedResponse response = FeedResponse::error(404, u"not found"_s);
    QHttpHeaders out;
    out.append(QHttpHeaders::WellKnownHeader::ContentType, response.contentType);
    responder.write(response.body, out, QHttpServerResponder::StatusCode::NotFound);
}
