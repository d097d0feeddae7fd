// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTcpServer>

class ConnectionGuard;

// A QTcpServer whose sockets send without Nagle's delay. Qt HttpServer writes the headers
// and a larger body in separate sends; with Nagle on, the body then waits for the client's
// delayed ACK, about 25-40 ms for every index file over ~4 KB (measured with wrk and curl).
// With a ConnectionGuard, every connection passes through it before Qt HttpServer takes it.
class LowDelayTcpServer final : public QTcpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LowDelayTcpServer)

public:
    explicit LowDelayTcpServer(QObject *parent = nullptr);
    explicit LowDelayTcpServer(ConnectionGuard *guard, QObject *parent = nullptr);
    ~LowDelayTcpServer() override;

    QTcpSocket *nextPendingConnection() override;
    // A connection accepted elsewhere (LocalFeedListener), served as if accepted here.
    void takeConnection(qintptr socketDescriptor) { incomingConnection(socketDescriptor); }

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    ConnectionGuard *m_guard = nullptr;
};
