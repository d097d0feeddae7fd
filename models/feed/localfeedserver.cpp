// SPDX-License-Identifier: GPL-3.0-or-later
#include "localfeedserver.h"

#include "feedrouter.h"
#include "lowdelaytcpserver.h"

#include <QElapsedTimer>
#include <QHttpHeaders>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QLoggingCategory>
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

FeedError LocalFeedServer::listen(quint16 port)
{
    auto *tcp = new LowDelayTcpServer(this);
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
    m_router->setBaseUrl(baseUrl());
    qCInfo(lcFeedHttp).noquote() << "local feed listening on" << baseUrl().toString();
    return {};
}

quint16 LocalFeedServer::port() const
{
    return m_tcp ? m_tcp->serverPort() : 0;
}

QUrl LocalFeedServer::baseUrl() const
{
    return QUrl(u"http://127.0.0.1:%1/"_s.arg(port()));
}

bool LocalFeedServer::handleRequest(const QHttpServerRequest &request, QHttpServerResponder &responder)
{
    QElapsedTimer timer;
    timer.start();
    const QHttpHeaders &headers = request.headers();
    FeedRequest feedRequest;
    feedRequest.method = toMethod(request.method());
    feedRequest.encodedPath = request.url().path(QUrl::FullyEncoded).toUtf8();
    feedRequest.query = request.query();
    feedRequest.authorization = headers.value(QHttpHeaders::WellKnownHeader::Authorization).toByteArray();
    feedRequest.ifNoneMatch = headers.value(QHttpHeaders::WellKnownHeader::IfNoneMatch).toByteArray();
    feedRequest.ifModifiedSince = headers.value(QHttpHeaders::WellKnownHeader::IfModifiedSince).toByteArray();
    feedRequest.body = request.body();

    // The router may answer later (an upstream is asked first): the responder moves into the
    // callback, and the server thread goes on serving other connections meanwhile.
    auto held = std::make_shared<QHttpServerResponder>(std::move(responder));
    const auto method = request.method();
    m_router->handle(feedRequest, [held, method, path = feedRequest.encodedPath, timer](const FeedResponse &response) {
        QHttpHeaders out;
        if (!response.contentType.isEmpty())
            out.append(QHttpHeaders::WellKnownHeader::ContentType, response.contentType);
        for (const auto &[name, value] : response.headers)
            out.append(name, value);
        const auto status = static_cast<QHttpServerResponder::StatusCode>(response.status);
        if (response.status == 304 || response.body.isEmpty())
            held->write(out, status);
        else
            held->write(response.body, out, status);
        // The access log names method, path and status only: never headers, so never a token.
        qCDebug(lcFeedHttp).noquote() << method << QString::fromUtf8(path) << response.status << response.body.size()
                                      << "bytes" << timer.nsecsElapsed() / 1000 << "us";
    });
    return true;
}

void LocalFeedServer::missingHandler(const QHttpServerRequest &, QHttpServerResponder &responder)
{
    const FeedResponse response = FeedResponse::error(404, u"not found"_s);
    QHttpHeaders out;
    out.append(QHttpHeaders::WellKnownHeader::ContentType, response.contentType);
    responder.write(response.body, out, QHttpServerResponder::StatusCode::NotFound);
}
