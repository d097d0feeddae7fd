// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "feederror.h"

#include <QAbstractHttpServer>
#include <QUrl>

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

    // Port 0 picks a free one. On success the router learns the base URL.
    FeedError listen(quint16 port);
    quint16 port() const;
    QUrl baseUrl() const; // http://127.0.0.1:PORT/

protected:
    bool handleRequest(const QHttpServerRequest &request, QHttpServerResponder &responder) override;
    void missingHandler(const QHttpServerRequest &request, QHttpServerResponder &responder) override;

private:
    FeedRouter *m_router;
    QTcpServer *m_tcp = nullptr;
};
