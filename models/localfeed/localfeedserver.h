// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionlimits.h"
#include "feederror.h"

#include <QAbstractHttpServer>
#include <QSslConfiguration>
#include <QUrl>

#include <optional>

class ConnectionGuard;
class FeedRouter;
class QTcpServer;

// The HTTP face of the local feed: listens on 127.0.0.1 only and hands every request to
// the FeedRouter. Requests are answered on this thread, in arrival order.
class LocalFeedServer final : public QAbstractHttpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalFeedServer)

public:
    explicit LocalFeedServer(FeedRouter *router, QObject *parent = nullptr);
    ~LocalFeedServer() override;

    // Port 0 picks a free one. On success the router learns the base URL. With `tls` the feed
    // speaks https and offers HTTP/2 (ALPN h2, then http/1.1).
    // Before listen(): what one client may cost the feed (ConnectionGuard); the defaults
    // otherwise. A publish body may weigh what PublishValidator accepts for `maxCrateBytes`.
    void setConnectionLimits(const ConnectionLimits &limits, qint64 maxCrateBytes);
    FeedError listen(quint16 port, const std::optional<QSslConfiguration> &tls = std::nullopt);
    quint16 port() const;
    QUrl baseUrl() const; // http://127.0.0.1:PORT/ or https://127.0.0.1:PORT/

    // The certificate chain and key of `certificateFile` and `keyFile` (PEM), or an error
    // that names the file and what is wrong with it.
    static FeedError loadTls(const QString &certificateFile, const QString &keyFile, QSslConfiguration *tls);

protected:
    bool handleRequest(const QHttpServerRequest &request, QHttpServerResponder &responder) override;
    void missingHandler(const QHttpServerRequest &request, QHttpServerResponder &responder) override;

private:
    FeedRouter *m_router;
    QTcpServer *m_tcp = nullptr;
    ConnectionGuard *m_guard = nullptr;
    ConnectionLimits m_limits;
    qint64 m_maxCrateBytes = 10 * 1024 * 1024;
    bool m_tls = false;
};
