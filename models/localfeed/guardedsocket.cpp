// SPDX-License-Identifier: GPL-3.0-or-later
#include "guardedsocket.h"

#include "guardedconnection.h"

GuardedSocket::GuardedSocket(GuardedConnection *connection, const QAbstractSocket &client)
    : m_connection(connection)
{
    setPeerAddress(client.peerAddress());
    setPeerPort(client.peerPort());
    setLocalAddress(client.localAddress());
    setLocalPort(client.localPort());
    setSocketState(QAbstractSocket::ConnectedState);
    QIODevice::open(QIODevice::ReadWrite);
}

GuardedSocket::~GuardedSocket()
{
    // Qt HttpServer is done with the connection: the client's socket closes too. Unconnected
    // first, so that QAbstractSocket's destructor does not abort a socket engine we never had.
    if (m_connection)
        m_connection->qtClosed();
    setSocketState(QAbstractSocket::UnconnectedState);
}

void GuardedSocket::deliver(QByteArrayView bytes)
{
    if (bytes.isEmpty() || state() != QAbstractSocket::ConnectedState)
        return;
    if (m_readAt > 0 && m_readAt == m_inbox.size()) {
        m_inbox.clear();
        m_readAt = 0;
    }
    m_inbox.append(bytes);
    Q_EMIT readyRead();
}

void GuardedSocket::endOfStream()
{
    m_connection.clear();
    if (state() == QAbstractSocket::UnconnectedState)
        return;
    setSocketState(QAbstractSocket::UnconnectedState);
    Q_EMIT stateChanged(QAbstractSocket::UnconnectedState);
    Q_EMIT readChannelFinished();
    Q_EMIT disconnected();
}

qint64 GuardedSocket::bytesAvailable() const
{
    return m_inbox.size() - m_readAt + QIODevice::bytesAvailable();
}

qint64 GuardedSocket::bytesToWrite() const
{
    return m_connection ? m_connection->bytesToWrite() : 0;
}

bool GuardedSocket::canReadLine() const
{
    return QIODevice::canReadLine() || QByteArrayView(m_inbox).sliced(m_readAt).contains('\n');
}

void GuardedSocket::close()
{
    disconnectFromHost();
    QIODevice::close();
}

void GuardedSocket::disconnectFromHost()
{
    // Qt HttpServer gives up on the connection (a request it cannot parse).
    if (m_connection)
        m_connection->qtClosed();
    endOfStream();
}

qint64 GuardedSocket::readData(char *data, qint64 maxSize)
{
    const qint64 available = m_inbox.size() - m_readAt;
    if (available == 0)
        return state() == QAbstractSocket::ConnectedState ? 0 : -1;
    const qint64 n = qMin(available, maxSize);
    memcpy(data, m_inbox.constData() + m_readAt, size_t(n));
    m_readAt += n;
    if (m_readAt == m_inbox.size()) {
        m_inbox.clear();
        m_readAt = 0;
    }
    return n;
}

qint64 GuardedSocket::skipData(qint64 maxSize)
{
    const qint64 n = qMin<qint64>(m_inbox.size() - m_readAt, maxSize);
    m_readAt += n;
    return n;
}

qint64 GuardedSocket::writeData(const char *data, qint64 size)
{
    // Once the client is gone an answer has nowhere to go; Qt need not hear about it.
    if (m_connection)
        m_connection->writeFromQt(QByteArrayView(data, size));
    return size;
}
