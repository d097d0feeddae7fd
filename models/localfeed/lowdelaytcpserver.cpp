// SPDX-License-Identifier: GPL-3.0-or-later
#include "lowdelaytcpserver.h"

#include "connectionguard.h"

#include <QTcpSocket>

LowDelayTcpServer::LowDelayTcpServer(QObject *parent)
    : QTcpServer(parent)
{
}

LowDelayTcpServer::LowDelayTcpServer(ConnectionGuard *guard, QObject *parent)
    : QTcpServer(parent)
    , m_guard(guard)
{
}

LowDelayTcpServer::~LowDelayTcpServer() = default;

void LowDelayTcpServer::incomingConnection(qintptr socketDescriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        delete socket;
        return;
    }
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    addPendingConnection(socket);
}

QTcpSocket *LowDelayTcpServer::nextPendingConnection()
{
    // Qt HttpServer drains this in a loop until it returns null: skip refused connections.
    while (QTcpSocket *socket = QTcpServer::nextPendingConnection()) {
        if (!m_guard)
            return socket;
        if (QTcpSocket *admitted = m_guard->admit(socket))
            return admitted;
    }
    return nullptr;
}
