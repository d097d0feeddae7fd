// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QUrl>

class QTcpServer;
class QTcpSocket;

// An HTTP/1.1 server on 127.0.0.1 port 0 that misbehaves on purpose, for tests of the registry
// client. Plain QTcpServer rather than QtHttpServer: the faults (a reset in the middle of a
// body, a short body, a stall) need control of every byte and of how the socket ends.
//
// Routes are keyed by exact path, optionally by method. Each route holds a script of
// responses used in order, the last one repeating. Every request is recorded as it arrived.
class FaultServer : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FaultServer)

public:
    // Names and values exactly as on the wire, in order.
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    enum class Fault {
        None,
        ResetMidBody, // full Content-Length, part of the body, then RST (SO_LINGER 0 + abort)
        TruncatedBody, // full Content-Length, part of the body, then a clean close (FIN)
        Delay, // the response is written after delayMs, by a QTimer
        StallBody, // full Content-Length, part of the body, then silence; the socket stays open
    };
    Q_ENUM(Fault)

    struct Response
    {
        int status = 200;
        Headers headers;
        QByteArray body;
        Fault fault = Fault::None;
        int delayMs = 0; // honoured with any fault; Fault::Delay only names the intent
        qsizetype faultAfterBytes = -1; // body bytes sent before a fault; -1 means half

        QByteArray header(QByteArrayView name) const; // first value, case-insensitive; null if absent
        Response &withHeader(const QByteArray &name, const QByteArray &value);
        Response &withDelay(int ms);

        static Response make(int status, const QByteArray &body = {}, const QByteArray &contentType = {});
        static Response ok(const QByteArray &body, const QByteArray &contentType = "application/json");
        static Response garbageJson(); // 200, Content-Type JSON, a body no JSON parser accepts
        static Response retryAfter(int seconds, int status = 503);
        static Response redirectTo(const QUrl &target, int status = 302);
        static Response delayed(int ms, const Response &response);
        static Response resetMidBody(const QByteArray &body, qsizetype bytesSent = -1);
        static Response truncatedBody(const QByteArray &body, qsizetype bytesSent = -1);
        static Response stallBody(const QByteArray &body, qsizetype bytesSent = -1);
    };

    struct Request
    {
        QByteArray method;
        QByteArray target; // the raw request target, e.g. "/api/v1/crates?q=serde"
        QByteArray version; // "HTTP/1.1"
        Headers headers;
        QByteArray body; // de-chunked when it came chunked
        QDateTime arrivedAt; // wall clock (UTC) when the request was complete
        qint64 arrivedMs = 0; // monotonic milliseconds since the server started, for intervals
        int connection = 0; // 1-based number of the TCP connection it came on

        QByteArray header(QByteArrayView name) const; // first value, case-insensitive; null if absent
        bool hasHeader(QByteArrayView name) const;
        QString path() const; // the target without its query
    };

    explicit FaultServer(QObject *parent = nullptr);
    ~FaultServer() override;

    bool isListening() const;
    quint16 port() const;
    QUrl baseUrl() const; // http://127.0.0.1:PORT
    QUrl url(const QString &path) const; // path is raw: "/index/3/s/serde", "/api?q=a%20b"

    // `path` matches the whole raw target or, when it has no '?', the target without its query.
    // A method-specific route wins over an any-method one. Replaces the script and restarts it.
    void setRoute(const QString &path, const QList<Response> &responses);
    void setRoute(const QByteArray &method, const QString &path, const QList<Response> &responses);
    // Conditional requests: an If-None-Match that matches `etag` (as on the wire, quotes
    // included; weak comparison; "*" too) gets 304 without consuming the script. 2xx answers
    // of the route carry `ETag: etag` unless the script sets one.
    void setETag(const QString &path, const QByteArray &etag, const QByteArray &method = {});
    void clearRoutes();

    QList<Request> requests() const;
    QList<Request> requests(const QString &path) const;
    int requestCount(const QString &path) const;
    int connectionsAccepted() const;
    void clearRequests();

Q_SIGNALS:
    void requestReceived(const FaultServer::Request &request);

private:
    struct Route
    {
        QList<Response> script;
        qsizetype next = 0;
        QByteArray etag;
    };
    struct Connection
    {
        int id = 0;
        QByteArray buffer;
        bool busy = false; // a delayed response is pending
        bool done = false; // closing, reset or stalled: read nothing more
        bool sentContinue = false;
    };
    using RouteKey = QPair<QByteArray, QString>;

    void acceptConnections();
    void dropConnection(QTcpSocket *socket);
    void processInput(QTcpSocket *socket);
    Response nextResponse(const Request &request);
    void writeResponse(QTcpSocket *socket, const Request &request, const Response &response, bool close);
    void resetWhenWritten(QTcpSocket *socket);

    QTcpServer *m_server;
    QElapsedTimer m_clock;
    QHash<RouteKey, Route> m_routes;
    QHash<QTcpSocket *, Connection> m_connections;
    QList<Request> m_requests;
    int m_connectionsAccepted = 0;
};
