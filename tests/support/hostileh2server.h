// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "faultserver.h"

#include <QAbstractHttpServer>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QUrl>

#include <memory>

class QHttpServerResponder;
class QSslServer;
class QSslSocket;

// An https server on 127.0.0.1 port 0 that misbehaves on purpose, as FaultServer does, but over
// TLS and HTTP/2 (ALPN h2, then http/1.1), as registries on the network speak. Built on Qt
// HttpServer, which frames HTTP/2 for us; the faults act on what it lets a test control: the
// headers as given (so a Content-Length may lie or be left out), the body in DATA frames,
// and the TCP connection under them (cut with RST or FIN after part of a body, or left silent).
//
// Scripts and recorded requests are FaultServer's types, so one test row runs on both servers.
// FaultServer::Response is read the HTTP/2 way:
// - no Content-Length in the script: one is sent with the body's size, unless the script says
//   "Transfer-Encoding: chunked", whose framed body is unframed and sent with no length;
// - Fault::ResetMidBody / TruncatedBody / StallBody: the headers, faultAfterBytes of the body
//   (-1: half), then the connection is reset, closed, or left open with nothing more;
// - delayMs: the answer is written that much later.
// With Protocols::Http1Only (ALPN http/1.1 only) Qt HttpServer frames every body chunked and a
// script's Content-Length is dropped: that mode is for https that is not HTTP/2, not for faults.
// Clients trust the certificate through certificateFile() (see trustCertificate()).
class HostileH2Server final : public QAbstractHttpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostileH2Server)

public:
    enum class Protocols { Http2AndHttp1, Http1Only };

    explicit HostileH2Server(Protocols protocols = Protocols::Http2AndHttp1, QObject *parent = nullptr);
    ~HostileH2Server() override;

    // The test certificate for 127.0.0.1 and its key (tests/fixtures/tls).
    static QString certificateFile();
    static QString keyFile();
    // Adds the test certificate to the default TLS configuration's CAs, as a company CA would be.
    static void trustCertificate();

    bool isListening() const;
    quint16 port() const;
    QUrl baseUrl() const; // https://127.0.0.1:PORT
    QUrl url(const QString &path) const;

    // Exact path (or the whole raw target); the script is used in order, its last answer repeating.
    void setRoute(const QString &path, const QList<FaultServer::Response> &responses);
    void clearRoutes();

    // Each request as it arrived; version is "HTTP/2" or "HTTP/1.1" as ALPN chose.
    QList<FaultServer::Request> requests() const { return m_requests; }
    QList<FaultServer::Request> requests(const QString &path) const;
    int requestCount(const QString &path) const { return int(requests(path).size()); }
    int connectionsAccepted() const { return m_connectionsAccepted; }

protected:
    bool handleRequest(const QHttpServerRequest &request, QHttpServerResponder &responder) override;
    void missingHandler(const QHttpServerRequest &request, QHttpServerResponder &responder) override;

private:
    struct Route
    {
        QList<FaultServer::Response> script;
        qsizetype next = 0;
    };

    FaultServer::Response nextResponse(const FaultServer::Request &request);
    void respond(const std::shared_ptr<QHttpServerResponder> &responder, quint16 peerPort, const FaultServer::Response &response);
    void endConnection(quint16 peerPort, FaultServer::Fault fault);

    Protocols m_protocols;
    QSslServer *m_tcp = nullptr;
    QElapsedTimer m_clock;
    QHash<QString, Route> m_routes;
    QList<FaultServer::Request> m_requests;
    // By the client's port: the connection a request came on, to cut it and to number it.
    QHash<quint16, QPointer<QSslSocket>> m_sockets;
    QHash<quint16, int> m_connectionIds;
    int m_connectionsAccepted = 0;
    // Answers left unfinished on purpose (a stall, a cut) stay alive until the server goes:
    // a responder dropped early would end its stream cleanly and hide the fault.
    QList<std::shared_ptr<QHttpServerResponder>> m_unfinished;
};

// Bodies a hostile server sends.
namespace HostileBody {
// `data` in gzip framing (RFC 1952), as a server sends it under Content-Encoding: gzip.
QByteArray gzip(const QByteArray &data);
// `data` in HTTP/1.1 chunked framing, in chunks of `chunkSize` bytes, with the last chunk.
QByteArray chunked(const QByteArray &data, qsizetype chunkSize = 16384);
} // namespace HostileBody
