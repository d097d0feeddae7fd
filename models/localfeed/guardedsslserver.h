// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSslServer>

class ConnectionGuard;

// The https listener of the local feed: QSslServer (handshake, ALPN) whose connections pass
// through a ConnectionGuard before Qt HttpServer takes them; see LowDelayTcpServer for http.
class GuardedSslServer final : public QSslServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuardedSslServer)

public:
    explicit GuardedSslServer(ConnectionGuard *guard, QObject *parent = nullptr);
    ~GuardedSslServer() override;

    QTcpSocket *nextPendingConnection() override;
    // A connection accepted elsewhere (LocalFeedListener): the handshake starts here.
    void takeConnection(qintptr socketDescriptor) { incomingConnection(socketDescriptor); }

private:
    ConnectionGuard *m_guard;
};
