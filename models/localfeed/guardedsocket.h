// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QSslSocket>

class GuardedConnection;

// The socket Qt HttpServer is handed instead of the client's: it has no descriptor of its own
// and holds only the bytes that ConnectionGuard has checked and passed on (one request at a
// time); what Qt writes goes straight to the client's socket. It is a QSslSocket (never
// encrypted itself) because QAbstractHttpServer takes only QSslSockets from a QSslServer, so
// the same class serves plain and https connections.
class GuardedSocket final : public QSslSocket
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuardedSocket)

public:
    GuardedSocket(GuardedConnection *connection, const QAbstractSocket &client);
    ~GuardedSocket() override;

    // From the connection: checked request bytes for Qt to read, and the client being gone.
    void deliver(QByteArrayView bytes);
    void endOfStream();

    qint64 bytesAvailable() const override;
    qint64 bytesToWrite() const override;
    bool canReadLine() const override;
    void close() override;
    void disconnectFromHost() override;
    bool waitForReadyRead(int) override { return false; }
    bool waitForBytesWritten(int) override { return false; }
    bool waitForDisconnected(int) override { return false; }

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 skipData(qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 size) override;

private:
    QPointer<GuardedConnection> m_connection;
    QByteArray m_inbox;
    qsizetype m_readAt = 0;
};
