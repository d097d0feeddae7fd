// SPDX-License-Identifier: GPL-3.0-or-later
#include "guardedsslserver.h"

#include "connectionguard.h"

GuardedSslServer::GuardedSslServer(ConnectionGuard *guard, QObject *parent)
    : QSslServer(parent)
    , m_guard(guard)
{
}

GuardedSslServer::~GuardedSslServer() = default;

QTcpSocket *GuardedSslServer::nextPendingConnection()
{
    // Qt HttpServer drains this in a loop until it returns null: skip refused connections.
    while (QTcpSocket *socket = QSslServer::nextPendingConnection()) {
        if (QTcpSocket *admitted = m_guard->admit(socket))
            return admitted;
    }
    return nullptr;
}
