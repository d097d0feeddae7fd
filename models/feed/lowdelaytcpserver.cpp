// SPDX-License-Identifier: GPL-3.0-or-later
#include "lowdelaytcpserver.h"

#include <QTcpSocket>

LowDelayTcpServer::LowDelayTcpServer(QObject *parent)
    : QTcpServer(parent)
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
