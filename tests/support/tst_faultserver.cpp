// SPDX-License-Identifier: GPL-3.0-or-later
// FaultServer seen from QNetworkAccessManager, the client the registry code uses: each fault as
// the client observes it, scripts, keep-alive, the request record, and what QNAM forwards
// across a redirect. Raw sockets check the parser where QNAM cannot reach (header case,
// pipelining, chunked bodies, 100-continue).
//
// Findings about QNAM (Qt 6.8.2) that the registry client must live with:
// - ResetMidBody and TruncatedBody both end as RemoteHostClosedError with the partial body
//   delivered: Qt reads ECONNRESET as end of stream. A GET is not retried mid-body.
// - A transfer timeout (setTransferTimeout) ends as OperationCanceledError, not TimeoutError.
// - A 304 to a hand-made If-None-Match arrives as status 304, NoError, empty body.
// - Redirects under the default NoLessSafeRedirectPolicy carry every raw header, Authorization
//   included, to another port or host. SameOriginRedirectPolicy refuses them instead
//   (InsecureRedirectError). The origin may see the redirecting GET twice (redirect()).
#include "faultserver.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <memory>

#ifdef Q_OS_UNIX
#include <QScopeGuard>
#include <QSocketNotifier>

#include <cerrno>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

using namespace Qt::Literals::StringLiterals;
using Response = FaultServer::Response;

namespace {

struct LaterDeleter
{
    void operator()(QObject *object) const { object->deleteLater(); }
};
using ReplyPtr = std::unique_ptr<QNetworkReply, LaterDeleter>;

struct Outcome
{
    bool finished = false;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorString;
    int status = 0;
    QByteArray body; // every byte the client was given, including before an error
    QList<QPair<QByteArray, QByteArray>> headers;
    qint64 elapsedMs = 0;

    // Qt 6.8 hands response header names over in lower case.
    QByteArray header(QByteArrayView name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
};

} // namespace

class TestFaultServer : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<FaultServer> m_server;

    QNetworkReply *send(const QNetworkRequest &request, const QByteArray &verb, const QByteArray &body)
    {
        return verb == "GET" ? m_nam->get(request) : m_nam->sendCustomRequest(request, verb, body);
    }

    Outcome fetch(const QNetworkRequest &request, const QByteArray &verb = "GET", const QByteArray &body = {})
    {
        QElapsedTimer clock;
        clock.start();
        const ReplyPtr reply(send(request, verb, body));
        return collect(reply.get(), clock);
    }

    static Outcome collect(QNetworkReply *reply, const QElapsedTimer &clock)
    {
        Outcome outcome;
        connect(reply, &QNetworkReply::readyRead, reply, [&outcome, reply] { outcome.body += reply->readAll(); });
        QSignalSpy finished(reply, &QNetworkReply::finished);
        outcome.finished = reply->isFinished() || finished.wait(10000);
        if (reply->isOpen()) // an aborted reply (transfer timeout) is closed
            outcome.body += reply->readAll();
        outcome.error = reply->error();
        outcome.errorString = reply->errorString();
        outcome.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        outcome.headers = reply->rawHeaderPairs();
        outcome.elapsedMs = clock.elapsed();
        return outcome;
    }

    Outcome get(const QString &path) { return fetch(QNetworkRequest(m_server->url(path))); }

    // Writes raw bytes on a new connection and returns everything read until the server closes.
    QByteArray rawExchange(const QByteArray &bytes)
    {
        QTcpSocket socket;
        socket.connectToHost(u"127.0.0.1"_s, m_server->port());
        if (!socket.waitForConnected(5000))
            return {};
        QSignalSpy closed(&socket, &QTcpSocket::disconnected);
        socket.write(bytes);
        closed.wait(5000);
        return socket.readAll();
    }

private Q_SLOTS:
    void init()
    {
        m_nam = std::make_unique<QNetworkAccessManager>();
        m_server = std::make_unique<FaultServer>();
        QVERIFY(m_server->isListening());
        QCOMPARE(m_server->baseUrl(), QUrl(u"http://127.0.0.1:%1"_s.arg(m_server->port())));
    }

    void cleanup()
    {
        m_server.reset();
        m_nam.reset();
    }

    void unconfiguredPathIs404()
    {
        const Outcome outcome = get(u"/nowhere"_s);
        QVERIFY(outcome.finished);
        QCOMPARE(outcome.status, 404);
        QCOMPARE(outcome.error, QNetworkReply::ContentNotFoundError);
        QVERIFY(outcome.body.contains("/nowhere"));
        QCOMPARE(m_server->requestCount(u"/nowhere"_s), 1);
    }

    void scriptRepeatsItsLastResponse()
    {
        m_server->setRoute(u"/config.json"_s, {Response::make(503), Response::make(503), Response::ok("{\"dl\":\"x\"}")});
        QList<int> statuses;
        for (int i = 0; i < 4; ++i)
            statuses.append(get(u"/config.json"_s).status);
        QCOMPARE(statuses, (QList<int>{503, 503, 200, 200}));
        QCOMPARE(get(u"/config.json"_s).body, "{\"dl\":\"x\"}");
        QCOMPARE(m_server->requestCount(u"/config.json"_s), 5);

        m_server->setRoute(u"/config.json"_s, {Response::make(500)}); // a new script starts over
        QCOMPARE(get(u"/config.json"_s).status, 500);
    }

    void routesByMethodAndQuery()
    {
        m_server->setRoute(u"/api/v1/crates/new"_s, {Response::make(405)});
        m_server->setRoute("PUT", u"/api/v1/crates/new"_s, {Response::ok("{}")});
        m_server->setRoute(u"/api/v1/crates"_s, {Response::ok("any query")});
        m_server->setRoute(u"/api/v1/crates?q=serde"_s, {Response::ok("exactly serde")});

        QCOMPARE(fetch(QNetworkRequest(m_server->url(u"/api/v1/crates/new"_s)), "PUT", "crate").status, 200);
        QCOMPARE(get(u"/api/v1/crates/new"_s).status, 405);
        QCOMPARE(get(u"/api/v1/crates?q=tokio&per_page=5"_s).body, "any query");
        QCOMPARE(get(u"/api/v1/crates?q=serde"_s).body, "exactly serde");
        QCOMPARE(m_server->requestCount(u"/api/v1/crates"_s), 2);
        QCOMPARE(m_server->requestCount(u"/api/v1/crates?q=serde"_s), 1);
    }

    void recordsEveryRequest()
    {
        m_server->setRoute(u"/api/v1/crates/new"_s, {Response::ok("{}")});
        QNetworkRequest request(m_server->url(u"/api/v1/crates/new?dry=1"_s));
        request.setRawHeader("Authorization", "cio-token");
        request.setRawHeader("X-Trace", "abc");
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/octet-stream"_s);
        const QDateTime before = QDateTime::currentDateTimeUtc();
        QCOMPARE(fetch(request, "PUT", QByteArray(3000, 'c')).status, 200);

        const QList<FaultServer::Request> requests = m_server->requests();
        QCOMPARE(requests.size(), 1);
        const FaultServer::Request &seen = requests.first();
        QCOMPARE(seen.method, "PUT");
        QCOMPARE(seen.target, "/api/v1/crates/new?dry=1");
        QCOMPARE(seen.path(), u"/api/v1/crates/new"_s);
        QCOMPARE(seen.version, "HTTP/1.1");
        QCOMPARE(seen.header("authorization"), "cio-token");
        QCOMPARE(seen.header("AUTHORIZATION"), "cio-token");
        QCOMPARE(seen.header("x-trace"), "abc");
        QVERIFY(!seen.hasHeader("Cookie"));
        QVERIFY(seen.header("Cookie").isNull());
        QCOMPARE(seen.body, QByteArray(3000, 'c'));
        QCOMPARE(seen.connection, 1);
        QVERIFY(seen.arrivedAt >= before.addMSecs(-1) && seen.arrivedAt <= QDateTime::currentDateTimeUtc());

        m_server->clearRequests();
        QVERIFY(m_server->requests().isEmpty());
    }

    void resetMidBody()
    {
        const QByteArray body(64 * 1024, 'r');
        m_server->setRoute(u"/dl/big/1.0.0"_s, {Response::resetMidBody(body, 20000)});
        const Outcome outcome = get(u"/dl/big/1.0.0"_s);
        QVERIFY(outcome.finished);
        // The fault itself: the whole length announced, part of it sent, then the connection
        // gone. Qt's own verdict on it varies: mostly RemoteHostClosedError, but under load
        // now and then NoError (13 runs in 100), which is why HttpClient checks the length.
        QCOMPARE(outcome.header("Content-Length"), QByteArray::number(body.size()));
        QVERIFY2(outcome.error == QNetworkReply::RemoteHostClosedError || outcome.error == QNetworkReply::NoError,
                 qPrintable(outcome.errorString));
        QCOMPARE(outcome.status, 200);
        QCOMPARE(outcome.body.size(), 20000);
        QCOMPARE(m_server->requestCount(u"/dl/big/1.0.0"_s), 1); // QNAM does not retry a GET mid-body
    }

    void truncatedBody()
    {
        m_server->setRoute(u"/index/3/s/serde"_s, {Response::truncatedBody(QByteArray(1000, 't'), 100)});
        const Outcome outcome = get(u"/index/3/s/serde"_s);
        QVERIFY(outcome.finished);
        QCOMPARE(outcome.error, QNetworkReply::RemoteHostClosedError);
        QCOMPARE(outcome.status, 200);
        QCOMPARE(outcome.body, QByteArray(100, 't'));
    }

#ifdef Q_OS_UNIX
    void wireShowsResetOrClose_data()
    {
        QTest::addColumn<bool>("reset");
        QTest::newRow("ResetMidBody") << true;
        QTest::newRow("TruncatedBody") << false;
    }

    // QNAM cannot tell the two apart (above), so look at the wire with a plain socket:
    // ResetMidBody must end in RST (ECONNRESET), TruncatedBody in FIN (recv() == 0).
    void wireShowsResetOrClose()
    {
        QFETCH(bool, reset);
        const QByteArray body(4000, 'w');
        m_server->setRoute(u"/f"_s, {reset ? Response::resetMidBody(body, 1000) : Response::truncatedBody(body, 1000)});

        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        QVERIFY(fd >= 0);
        const auto closeFd = qScopeGuard([fd] { ::close(fd); });
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(m_server->port());
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        QCOMPARE(::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address), 0);
        const QByteArray request = "GET /f HTTP/1.1\r\nHost: x\r\n\r\n";
        QCOMPARE(qsizetype(::send(fd, request.constData(), request.size(), 0)), request.size());
        QCOMPARE(::fcntl(fd, F_SETFL, O_NONBLOCK), 0);

        QByteArray received;
        bool ended = false;
        int endError = -1;
        QSocketNotifier notifier(fd, QSocketNotifier::Read);
        connect(&notifier, &QSocketNotifier::activated, this, [&] {
            char chunk[8192];
            for (;;) {
                const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
                if (n > 0) {
                    received.append(chunk, n);
                    continue;
                }
                if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
                    return;
                ended = true;
                endError = n == 0 ? 0 : errno;
                notifier.setEnabled(false);
                return;
            }
        });
        QTRY_VERIFY(ended);
        QCOMPARE(endError, reset ? ECONNRESET : 0);
        QVERIFY(received.contains("\r\nContent-Length: 4000\r\n"));
        QVERIFY(received.endsWith(QByteArray(QByteArray("\r\n\r\n") + QByteArray(1000, 'w'))));
    }
#endif

    void stallBodyNeedsATransferTimeout()
    {
        m_server->setRoute(u"/index/3/s/slow"_s, {Response::stallBody(QByteArray(1000, 's'), 10)});
        QNetworkRequest request(m_server->url(u"/index/3/s/slow"_s));
        request.setTransferTimeout(300);
        const Outcome outcome = fetch(request);
        QVERIFY(outcome.finished);
        QCOMPARE(outcome.error, QNetworkReply::OperationCanceledError); // how QNAM reports the timeout
        QCOMPARE(outcome.status, 200);
        QCOMPARE(outcome.body, QByteArray(10, 's'));
        // QNAM's transfer timer is coarse (may fire up to 5% early).
        QVERIFY2(outcome.elapsedMs >= 250, QByteArray::number(outcome.elapsedMs).constData());
    }

    void delayHoldsOnlyItsOwnConnection()
    {
        m_server->setRoute(u"/slow"_s, {Response::delayed(500, Response::ok("late"))});
        m_server->setRoute(u"/fast"_s, {Response::ok("early")});
        QElapsedTimer clock;
        clock.start();
        const ReplyPtr slow(m_nam->get(QNetworkRequest(m_server->url(u"/slow"_s))));
        QTRY_COMPARE(m_server->requestCount(u"/slow"_s), 1);
        const Outcome fast = get(u"/fast"_s);
        QCOMPARE(fast.body, "early");
        QVERIFY(!slow->isFinished());
        const Outcome late = collect(slow.get(), clock);
        QCOMPARE(late.body, "late");
        QVERIFY2(late.elapsedMs >= 500, QByteArray::number(late.elapsedMs).constData());
        QCOMPARE(m_server->connectionsAccepted(), 2);
    }

    void delayedBeyondTransferTimeout()
    {
        m_server->setRoute(u"/slow"_s, {Response::ok("late").withDelay(2000)});
        QNetworkRequest request(m_server->url(u"/slow"_s));
        request.setTransferTimeout(200);
        const Outcome outcome = fetch(request);
        QCOMPARE(outcome.error, QNetworkReply::OperationCanceledError);
        QVERIFY(outcome.elapsedMs < 2000);
    }

    void retryAfterIsRecordedForSpacingChecks()
    {
        m_server->setRoute(u"/index/config.json"_s, {Response::retryAfter(1, 429), Response::ok("{}")});
        const Outcome first = get(u"/index/config.json"_s);
        QCOMPARE(first.status, 429);
        QCOMPARE(first.error, QNetworkReply::UnknownContentError);
        QCOMPARE(first.header("Retry-After"), "1");

        // A client that honours Retry-After; the test below is what the registry tests will assert.
        Outcome second;
        QTimer::singleShot(1000, Qt::PreciseTimer, this, [&] { second = get(u"/index/config.json"_s); });
        QTRY_VERIFY_WITH_TIMEOUT(second.finished, 5000);
        QCOMPARE(second.status, 200);
        const QList<FaultServer::Request> requests = m_server->requests(u"/index/config.json"_s);
        QCOMPARE(requests.size(), 2);
        QVERIFY(requests.at(1).arrivedMs - requests.at(0).arrivedMs >= 1000);
        QVERIFY(requests.at(0).arrivedAt.msecsTo(requests.at(1).arrivedAt) >= 990);
    }

    void garbageJson()
    {
        m_server->setRoute(u"/api/v1/crates"_s, {Response::garbageJson()});
        const Outcome outcome = get(u"/api/v1/crates?q=x"_s);
        QCOMPARE(outcome.status, 200);
        QCOMPARE(outcome.error, QNetworkReply::NoError);
        QJsonParseError error;
        QJsonDocument::fromJson(outcome.body, &error);
        QVERIFY(error.error != QJsonParseError::NoError);
    }

    void keepAliveAndConnectionClose()
    {
        m_server->setRoute(u"/a"_s, {Response::ok("a")});
        for (int i = 0; i < 3; ++i)
            QCOMPARE(get(u"/a"_s).body, "a");
        QCOMPARE(m_server->connectionsAccepted(), 1);
        for (const FaultServer::Request &request : m_server->requests())
            QCOMPARE(request.connection, 1);

        QNetworkRequest closing(m_server->url(u"/a"_s));
        closing.setRawHeader("Connection", "close");
        const Outcome closed = fetch(closing);
        QCOMPARE(closed.body, "a");
        QCOMPARE(closed.header("Connection"), "close");
        QCOMPARE(get(u"/a"_s).body, "a");
        QCOMPARE(m_server->connectionsAccepted(), 2);
        QCOMPARE(m_server->requests().constLast().connection, 2);

        // A script can close the connection itself.
        m_server->setRoute(u"/b"_s, {Response::ok("b").withHeader("Connection", "close")});
        QCOMPARE(get(u"/b"_s).body, "b");
        QCOMPARE(get(u"/a"_s).body, "a");
        QCOMPARE(m_server->connectionsAccepted(), 3);
    }

    void conditionalRequests()
    {
        m_server->setRoute(u"/index/3/s/serde"_s, {Response::ok("{\"name\":\"serde\"}\n", "text/plain")});
        m_server->setETag(u"/index/3/s/serde"_s, "\"d44e11a4\"");

        const Outcome fresh = get(u"/index/3/s/serde"_s);
        QCOMPARE(fresh.status, 200);
        QCOMPARE(fresh.header("ETag"), "\"d44e11a4\"");

        QNetworkRequest revalidate(m_server->url(u"/index/3/s/serde"_s));
        revalidate.setRawHeader("If-None-Match", "\"d44e11a4\"");
        const Outcome cached = fetch(revalidate);
        QCOMPARE(cached.status, 304);
        QCOMPARE(cached.error, QNetworkReply::NoError); // QNAM without a cache hands 304 through
        QVERIFY(cached.body.isEmpty());

        revalidate.setRawHeader("If-None-Match", "W/\"d44e11a4\"");
        QCOMPARE(fetch(revalidate).status, 304);
        revalidate.setRawHeader("If-None-Match", "\"stale\"");
        QCOMPARE(fetch(revalidate).status, 200);
    }

    void redirect_data()
    {
        QTest::addColumn<QString>("targetHost");
        QTest::addColumn<bool>("sameServer");
        QTest::addColumn<QNetworkRequest::RedirectPolicy>("policy");
        QTest::addColumn<QNetworkReply::NetworkError>("error");
        QTest::addColumn<bool>("authorizationForwarded");

        // Measured with Qt 6.8.2: under the default policy QNAM copies every raw header of the
        // original request, Authorization included, to the redirect target whatever its origin.
        // Only the redirect policy keeps a token at home.
        const auto followAll = QNetworkRequest::NoLessSafeRedirectPolicy; // QNAM's default in Qt 6
        const auto sameOrigin = QNetworkRequest::SameOriginRedirectPolicy;
        QTest::newRow("same origin") << u"127.0.0.1"_s << true << followAll << QNetworkReply::NoError << true;
        QTest::newRow("other port") << u"127.0.0.1"_s << false << followAll << QNetworkReply::NoError << true;
        QTest::newRow("other host") << u"localhost"_s << false << followAll << QNetworkReply::NoError << true;
        QTest::newRow("same origin, SameOriginRedirectPolicy")
            << u"127.0.0.1"_s << true << sameOrigin << QNetworkReply::NoError << true;
        QTest::newRow("other port, SameOriginRedirectPolicy")
            << u"127.0.0.1"_s << false << sameOrigin << QNetworkReply::InsecureRedirectError << false;
    }

    void redirect()
    {
        QFETCH(QString, targetHost);
        QFETCH(bool, sameServer);
        QFETCH(QNetworkRequest::RedirectPolicy, policy);
        QFETCH(QNetworkReply::NetworkError, error);
        QFETCH(bool, authorizationForwarded);

        FaultServer other;
        QVERIFY(other.isListening());
        FaultServer &target = sameServer ? *m_server : other;
        target.setRoute(u"/landing"_s, {Response::ok("landed")});
        QUrl landing = target.url(u"/landing"_s);
        landing.setHost(targetHost);
        m_server->setRoute(u"/dl/serde/1.0.0"_s, {Response::redirectTo(landing)});

        QNetworkRequest request(m_server->url(u"/dl/serde/1.0.0"_s));
        if (policy != QNetworkRequest::NoLessSafeRedirectPolicy)
            request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, policy);
        request.setRawHeader("Authorization", "secret-token");
        request.setRawHeader("X-Trace", "abc");
        const Outcome outcome = fetch(request);
        QVERIFY(outcome.finished);
        QCOMPARE(outcome.error, error);

        // QNAM 6.8.2 sometimes (a third of runs here) sends the redirecting GET a second time
        // on the same keep-alive connection before it follows the Location; the server records
        // both. Count requests at the target, not at the origin of a redirect.
        const QList<FaultServer::Request> origin = m_server->requests(u"/dl/serde/1.0.0"_s);
        QVERIFY2(origin.size() == 1 || origin.size() == 2, QByteArray::number(origin.size()).constData());
        for (const FaultServer::Request &seen : origin)
            QCOMPARE(seen.header("Authorization"), "secret-token");

        const QList<FaultServer::Request> landed = target.requests(u"/landing"_s);
        if (error != QNetworkReply::NoError) {
            QVERIFY(landed.isEmpty());
            return;
        }
        QCOMPARE(outcome.status, 200);
        QCOMPARE(outcome.body, "landed");
        QCOMPARE(landed.size(), 1);
        QCOMPARE(landed.first().header("Authorization").isNull(), !authorizationForwarded);
        QCOMPARE(landed.first().header("X-Trace"), "abc");
    }

    // Below, raw bytes: what QNAM never sends but a parser must take.

    void rawHeadersKeptAsSent()
    {
        m_server->setRoute(u"/index/config.json"_s, {Response::ok("{}")});
        const QByteArray reply = rawExchange("GET /index/config.json HTTP/1.1\r\n"
                                             "Host: 127.0.0.1\r\n"
                                             "cargo-protocol: version=1\r\n"
                                             "X-MiXeD:   spaced value  \r\n"
                                             "Connection: Upgrade, HTTP2-Settings, close\r\n"
                                             "Upgrade: h2c\r\n"
                                             "HTTP2-Settings: AAMAAABkAAQAAQAAAAIAAAAA\r\n"
                                             "\r\n");
        QVERIFY2(reply.startsWith("HTTP/1.1 200 OK\r\n"), reply.constData()); // never 101
        QVERIFY(reply.endsWith("\r\n\r\n{}"));
        const FaultServer::Request seen = m_server->requests().constFirst();
        QCOMPARE(seen.headers.at(1), qMakePair(QByteArray("cargo-protocol"), QByteArray("version=1")));
        QCOMPARE(seen.headers.at(2), qMakePair(QByteArray("X-MiXeD"), QByteArray("spaced value")));
        QCOMPARE(seen.header("x-mixed"), "spaced value");
    }

    void pipelinedRequestsOnOneConnection()
    {
        m_server->setRoute(u"/a"_s, {Response::delayed(100, Response::ok("first"))});
        m_server->setRoute(u"/b"_s, {Response::ok("second")});
        const QByteArray reply = rawExchange("GET /a HTTP/1.1\r\nHost: x\r\n\r\n"
                                             "GET /b HTTP/1.1\r\nHost: x\r\n\r\n"
                                             "GET /missing HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        // In order, even though the first one waited.
        const qsizetype first = reply.indexOf("first");
        const qsizetype second = reply.indexOf("second");
        const qsizetype missing = reply.indexOf("404 Not Found");
        QVERIFY2(first > 0 && second > first && missing > second, reply.constData());
        QCOMPARE(m_server->requests().size(), 3);
        QCOMPARE(m_server->connectionsAccepted(), 1);
    }

    void chunkedRequestBody()
    {
        m_server->setRoute("POST", u"/upload"_s, {Response::make(201)});
        const QByteArray reply = rawExchange("POST /upload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                                             "Connection: close\r\n\r\n"
                                             "5;ext=1\r\nhello\r\n7\r\n, world\r\n0\r\nX-Trailer: 1\r\n\r\n");
        QVERIFY2(reply.startsWith("HTTP/1.1 201 Created\r\n"), reply.constData());
        QCOMPARE(m_server->requests().constFirst().body, "hello, world");
    }

    void expectContinue()
    {
        m_server->setRoute(u"/api/v1/crates/new"_s, {Response::ok("{}")});
        QTcpSocket socket;
        socket.connectToHost(u"127.0.0.1"_s, m_server->port());
        QVERIFY(socket.waitForConnected(5000));
        QByteArray received;
        connect(&socket, &QTcpSocket::readyRead, this, [&] { received += socket.readAll(); });
        socket.write("PUT /api/v1/crates/new HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
                     "Content-Length: 5\r\nConnection: close\r\n\r\n");
        QTRY_COMPARE(received, "HTTP/1.1 100 Continue\r\n\r\n");
        QCOMPARE(m_server->requests().size(), 0);
        QSignalSpy closed(&socket, &QTcpSocket::disconnected);
        socket.write("crate");
        QVERIFY(closed.wait(5000));
        received += socket.readAll();
        QVERIFY(received.contains("HTTP/1.1 200 OK\r\n"));
        QCOMPARE(m_server->requests().constFirst().body, "crate");
    }

    void malformedRequestIs400()
    {
        const QByteArray reply = rawExchange("NONSENSE\r\n\r\n");
        QVERIFY2(reply.startsWith("HTTP/1.1 400 Bad Request\r\n"), reply.constData());
    }

    void requestReceivedSignal()
    {
        QSignalSpy received(m_server.get(), &FaultServer::requestReceived);
        get(u"/x"_s);
        QCOMPARE(received.size(), 1);
        QCOMPARE(received.first().first().value<FaultServer::Request>().target, "/x");
    }
};

QTEST_GUILESS_MAIN(TestFaultServer)
#include "tst_faultserver.moc"
