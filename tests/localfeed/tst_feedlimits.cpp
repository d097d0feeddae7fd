// SPDX-License-Identifier: GPL-3.0-or-later
// The local feed against abusive clients on raw sockets: every limit of ConnectionGuard
// attacked on a real LocalFeed on 127.0.0.1, and after each attack the feed still answers
// another connection. "Before the body" is shown by sending the head only: an answer that
// comes then cannot have waited for the body.
#include "localfeed/feedstore.h"
#include "localfeed/localfeed.h"
#include "localfeed/publishvalidator.h"
#include "testcrate.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qint64 MaxCrate = 1024;
const QByteArray GiB = "1073741824";

// One raw client connection; waits process events (the feed runs on this thread).
class RawClient
{
public:
    explicit RawClient(quint16 port, bool tls = false)
        : m_socket(tls ? new QSslSocket : new QTcpSocket)
    {
        if (tls) {
            auto *ssl = static_cast<QSslSocket *>(m_socket.get());
            ssl->setPeerVerifyMode(QSslSocket::VerifyNone);
            QSslConfiguration configuration = ssl->sslConfiguration();
            configuration.setAllowedNextProtocols({QByteArrayLiteral("http/1.1")});
            ssl->setSslConfiguration(configuration);
            ssl->connectToHostEncrypted(u"127.0.0.1"_s, port);
            m_connected = QTest::qWaitFor([ssl] { return ssl->isEncrypted(); }, 5000);
        } else {
            m_socket->connectToHost(QHostAddress::LocalHost, port);
            m_connected = QTest::qWaitFor([this] { return m_socket->state() == QAbstractSocket::ConnectedState; }, 5000);
        }
    }

    bool isConnected() const { return m_connected; }
    void send(const QByteArray &bytes) { m_socket->write(bytes); }
    bool isClosed() const { return m_socket->state() == QAbstractSocket::UnconnectedState; }
    bool waitClosed(int ms = 3000)
    {
        return QTest::qWaitFor([this] { return isClosed(); }, ms);
    }

    // The head of the next response alone (what a HEAD request gets); empty when none came.
    QByteArray headOnly(int ms = 3000)
    {
        QByteArray head;
        (void)QTest::qWaitFor([&] {
            m_buffer += m_socket->readAll();
            const qsizetype end = m_buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return isClosed();
            head = m_buffer.left(end + 4);
            m_buffer.remove(0, end + 4);
            return true;
        }, ms);
        return head;
    }

    // The next complete response (status line, headers, Content-Length body); status 0 when
    // none came within `ms`.
    struct Response
    {
        int status = 0;
        QByteArray head;
        QByteArray body;
    };
    Response response(int ms = 3000)
    {
        Response result;
        (void)QTest::qWaitFor([&] {
            m_buffer += m_socket->readAll();
            const qsizetype end = m_buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return isClosed();
            const QByteArray head = m_buffer.left(end + 2).toLower();
            const qsizetype at = head.indexOf("\r\ncontent-length:");
            const qint64 length = at < 0 ? 0 : head.mid(at + 17, head.indexOf('\r', at + 2) - at - 17).trimmed().toLongLong();
            if (m_buffer.size() < end + 4 + length)
                return isClosed();
            result.status = m_buffer.mid(9, 3).toInt();
            result.head = m_buffer.left(end + 4);
            result.body = m_buffer.mid(end + 4, length);
            m_buffer.remove(0, end + 4 + length);
            return true;
        }, ms);
        return result;
    }

private:
    std::unique_ptr<QTcpSocket> m_socket;
    QByteArray m_buffer;
    bool m_connected = false;
};

} // namespace

class TestFeedLimits : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalFeed> m_feed;
    QByteArray m_token;
    bool m_tls = false;

    void startFeed(const ConnectionLimits &limits = {}, bool tls = false, qint64 maxCrate = MaxCrate)
    {
        m_feed.reset();
        m_dir = std::make_unique<QTemporaryDir>();
        FeedServerOptions options;
        options.dataDir = m_dir->path();
        options.port = 0;
        options.maxCrateBytes = maxCrate;
        options.limits = limits;
        if (tls) {
            const QString fixtures = TestSupport::sourceDir() + u"/tests/fixtures/tls/"_s;
            options.tlsCertificateFile = fixtures + u"localhost-cert.pem"_s;
            options.tlsKeyFile = fixtures + u"localhost-key.pem"_s;
        }
        m_tls = tls;
        m_feed = std::make_unique<LocalFeed>(options);
        const FeedError error = m_feed->start();
        QVERIFY2(!error, qPrintable(error.detail));
        QString token;
        QVERIFY(!m_feed->store()->createToken(u"alice"_s, &token));
        m_token = token.toLatin1();
    }

    quint16 port() const { return quint16(m_feed->indexUrl().port()); }
    QByteArray host() const { return "Host: 127.0.0.1:" + QByteArray::number(port()) + "\r\n"; }
    QByteArray getConfig() const { return "GET /config.json HTTP/1.1\r\n" + host() + "\r\n"; }

    // Whatever happened to other connections, a new one is served.
    void verifyFeedAnswers()
    {
        RawClient client(port(), m_tls);
        QVERIFY(client.isConnected());
        client.send(getConfig());
        const auto response = client.response();
        QCOMPARE(response.status, 200);
        QVERIFY2(response.body.contains("\"dl\""), response.body.constData());
    }

    QByteArray expand(QByteArray head) const
    {
        head.replace("HOST\r\n", host());
        head.replace("TOKEN", m_token);
        head.replace("MAXPUBLISH+1", QByteArray::number(PublishValidator::maxBodyBytes(MaxCrate) + 1));
        return head;
    }

private Q_SLOTS:
    // Each head is sent alone, never a byte of body: the answer must come anyway, at once,
    // and the connection must close.
    void refusesOnTheHead_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("tls");
        const QByteArray publish = "PUT /api/v1/crates/new HTTP/1.1\r\nHOST\r\n";
        for (const bool tls : {false, true}) {
            const char *suffix = tls ? " (https)" : "";
            QTest::addRow("1 GiB publish without a token%s", suffix) << QByteArray(publish + "Content-Length: " + GiB + "\r\n\r\n") << 401 << tls;
            QTest::addRow("oversize header block%s", suffix)
                << QByteArray("GET /config.json HTTP/1.1\r\nHOST\r\nX-Filler: " + QByteArray(70 * 1024, 'a') + "\r\n\r\n") << 431 << tls;
        }
        QTest::newRow("1 GiB publish with a wrong token")
            << QByteArray(publish + "Authorization: not-a-token\r\nContent-Length: " + GiB + "\r\n\r\n") << 403 << false;
        QTest::newRow("authenticated publish over the limit")
            << QByteArray(publish + "Authorization: TOKEN\r\nContent-Length: MAXPUBLISH+1\r\n\r\n") << 413 << false;
        QTest::newRow("authenticated 1 GiB publish") << QByteArray(publish + "Authorization: TOKEN\r\nContent-Length: " + GiB + "\r\n\r\n") << 413 << false;
        QTest::newRow("owners body over the small cap")
            << QByteArray("PUT /api/v1/crates/foo/owners HTTP/1.1\r\nHOST\r\nAuthorization: TOKEN\r\nContent-Length: 1048576\r\n\r\n") << 413 << false;
        QTest::newRow("lying Content-Length on a GET") << QByteArray("GET /config.json HTTP/1.1\r\nHOST\r\nContent-Length: " + GiB + "\r\n\r\n") << 413 << false;
        QTest::newRow("unauthenticated chunked publish")
            << QByteArray(publish + "Transfer-Encoding: chunked\r\n\r\n") << 401 << false;
        QTest::newRow("request line too long") << QByteArray("GET /" + QByteArray(9000, 'a') + " HTTP/1.1\r\nHOST\r\n\r\n") << 414 << false;
        QTest::newRow("request line without end") << QByteArray("GET /" + QByteArray(70 * 1024, 'a')) << 414 << false;
        QTest::newRow("too many header fields") << QByteArray("GET /config.json HTTP/1.1\r\nHOST\r\n" + QByteArray("X-A: b\r\n").repeated(200) + "\r\n") << 431 << false;
        QTest::newRow("Content-Length twice") << QByteArray("PUT /api/v1/crates/new HTTP/1.1\r\nHOST\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n") << 400 << false;
        QTest::newRow("Content-Length beside chunked")
            << QByteArray("PUT /api/v1/crates/new HTTP/1.1\r\nHOST\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n") << 400 << false;
        QTest::newRow("unknown transfer coding") << QByteArray("PUT /api/v1/crates/new HTTP/1.1\r\nHOST\r\nTransfer-Encoding: gzip\r\n\r\n") << 501 << false;
        QTest::newRow("folded header") << QByteArray("GET /config.json HTTP/1.1\r\nHOST\r\nX-A: b\r\n c\r\n\r\n") << 400 << false;
    }

    void refusesOnTheHead()
    {
        QFETCH(QByteArray, head);
        QFETCH(int, status);
        QFETCH(bool, tls);
        startFeed({}, tls);
        RawClient client(port(), tls);
        QVERIFY(client.isConnected());
        client.send(expand(head));
        const auto response = client.response();
        QCOMPARE(response.status, status);
        QVERIFY(response.head.contains("Connection: close"));
        QVERIFY(client.waitClosed());
        verifyFeedAnswers();
    }

    // Chunked bodies are decoded as they stream and refused the moment they pass the cap.
    void capsChunkedBodies_data()
    {
        QTest::addColumn<QByteArray>("chunks");
        QTest::addColumn<int>("status");
        const QByteArray chunk = "4000\r\n" + QByteArray(0x4000, 'x') + "\r\n";
        QTest::newRow("80 KiB of 16 KiB chunks, never ending") << chunk.repeated(5) << 413;
        QTest::newRow("one chunk announcing 1 GiB") << QByteArray("40000000\r\n") << 413;
        QTest::newRow("a size line that never ends") << QByteArray(8192, 'f') << 400;
        QTest::newRow("small and complete") << QByteArray("5\r\n{\"use\r\n4\r\nrs\":\r\n3\r\n[]}\r\n0\r\n\r\n") << 0;
    }

    void capsChunkedBodies()
    {
        QFETCH(QByteArray, chunks);
        QFETCH(int, status);
        startFeed();
        RawClient client(port());
        QVERIFY(client.isConnected());
        client.send(expand("PUT /api/v1/crates/foo/owners HTTP/1.1\r\nHOST\r\nAuthorization: TOKEN\r\nTransfer-Encoding: chunked\r\n\r\n"));
        client.send(chunks);
        const auto response = client.response();
        if (status) {
            QCOMPARE(response.status, status);
            QVERIFY(client.waitClosed());
        } else {
            // Decoded and handed on: the router answers about the crate, not about the framing.
            QVERIFY2(response.status == 404 || response.status == 200, response.head.constData());
            QVERIFY(!client.isClosed());
        }
        verifyFeedAnswers();
    }

    // Requests that arrive too slowly get 408 and the connection closes; so does an idle
    // kept-alive connection (without an answer).
    void timesOutSlowClients_data()
    {
        QTest::addColumn<QByteArray>("sent");
        QTest::addColumn<int>("status");
        QTest::newRow("slow headers") << QByteArray("GET /config.json HTTP/1.1\r\nHOST\r\nX-Slow: 1\r\n") << 408;
        QTest::newRow("slow body") << QByteArray("PUT /api/v1/crates/foo/owners HTTP/1.1\r\nHOST\r\nAuthorization: TOKEN\r\nContent-Length: 100\r\n\r\n{\"users\"") << 408;
        QTest::newRow("idle after an answer") << QByteArray("GET /config.json HTTP/1.1\r\nHOST\r\n\r\n") << 200;
        QTest::newRow("idle from the start") << QByteArray() << 0;
    }

    void timesOutSlowClients()
    {
        QFETCH(QByteArray, sent);
        QFETCH(int, status);
        ConnectionLimits limits;
        limits.headerTimeoutMs = 300;
        limits.idleTimeoutMs = 300;
        startFeed(limits);
        QElapsedTimer timer;
        timer.start();
        RawClient client(port());
        QVERIFY(client.isConnected());
        client.send(expand(sent));
        if (status)
            QCOMPARE(client.response().status, status);
        QVERIFY(client.waitClosed(2000));
        QVERIFY2(timer.elapsed() < 1500, qPrintable(u"closed after %1 ms"_s.arg(timer.elapsed())));
        verifyFeedAnswers();
    }

    // Keep-alive keeps working, and every later request on the connection passes the same
    // checks as the first one.
    void checksEveryRequestOfAKeptAliveConnection_data()
    {
        QTest::addColumn<QByteArray>("second");
        QTest::addColumn<int>("status");
        QTest::newRow("another GET") << QByteArray("GET /config.json HTTP/1.1\r\nHOST\r\n\r\n") << 200;
        QTest::newRow("1 GiB publish without a token") << QByteArray("PUT /api/v1/crates/new HTTP/1.1\r\nHOST\r\nContent-Length: " + GiB + "\r\n\r\n") << 401;
        QTest::newRow("oversize header block") << QByteArray("GET /config.json HTTP/1.1\r\nHOST\r\nX-Filler: " + QByteArray(70 * 1024, 'a') + "\r\n\r\n") << 431;
        QTest::newRow("publish over the limit") << QByteArray("PUT /api/v1/crates/new HTTP/1.1\r\nHOST\r\nAuthorization: TOKEN\r\nContent-Length: MAXPUBLISH+1\r\n\r\n") << 413;
    }

    void checksEveryRequestOfAKeptAliveConnection()
    {
        QFETCH(QByteArray, second);
        QFETCH(int, status);
        startFeed();
        RawClient client(port());
        QVERIFY(client.isConnected());
        client.send(getConfig());
        QCOMPARE(client.response().status, 200);
        QVERIFY(!client.isClosed());
        client.send(expand(second));
        QCOMPARE(client.response().status, status);
        if (status == 200) {
            // Pipelined: both answered, in order, on the same connection.
            client.send(getConfig() + getConfig());
            QCOMPARE(client.response().status, 200);
            QCOMPARE(client.response().status, 200);
            QVERIFY(!client.isClosed());
        } else {
            QVERIFY(client.waitClosed());
        }
        verifyFeedAnswers();
    }

    // Reads the feed answers on the spot (GuardedConnection::answerHere) keep HTTP's framing on
    // a kept-alive connection: a HEAD's Content-Length is the GET's with no body after it, a
    // 304 has no body, and "Connection: close" or HTTP/1.0 close after the answer. A byte too
    // many or too few would garble the next answer on the connection.
    void readsAnsweredOnTheSpotKeepHttpFraming()
    {
        startFeed({}, false, 64 * 1024);
        RawClient client(port());
        QVERIFY(client.isConnected());
        const QByteArray publish = TestCrate(u"framed"_s, u"1.0.0"_s).publishBody();
        client.send("PUT /api/v1/crates/new HTTP/1.1\r\n" + host() + "Authorization: " + m_token + "\r\nContent-Length: "
                    + QByteArray::number(publish.size()) + "\r\n\r\n" + publish);
        QCOMPARE(client.response().status, 200);

        const QByteArray get = "GET /fr/am/framed HTTP/1.1\r\n" + host() + "\r\n";
        client.send(get);
        const RawClient::Response file = client.response();
        QCOMPARE(file.status, 200);
        QVERIFY(file.body.contains("\"vers\":\"1.0.0\""));
        const QByteArray lower = file.head.toLower();
        const qsizetype etagAt = lower.indexOf("\r\netag: ");
        QVERIFY2(etagAt >= 0, file.head.constData());
        const QByteArray etag = file.head.mid(etagAt + 8, file.head.indexOf('\r', etagAt + 2) - etagAt - 8);

        client.send("HEAD /fr/am/framed HTTP/1.1\r\n" + host() + "\r\n");
        const QByteArray head = client.headOnly().toLower();
        QVERIFY2(head.startsWith("http/1.1 200"), head.constData());
        QVERIFY2(head.contains(QByteArray("\r\ncontent-length: " + QByteArray::number(file.body.size()) + "\r\n")), head.constData());

        client.send("GET /fr/am/framed HTTP/1.1\r\n" + host() + "If-None-Match: " + etag + "\r\n\r\n" + getConfig());
        QCOMPARE(client.response().status, 304);
        QCOMPARE(client.response().status, 200); // right after the 304: nothing left between

        client.send("GET /config.json HTTP/1.1\r\n" + host() + "Connection: close\r\n\r\n");
        QCOMPARE(client.response().status, 200);
        QVERIFY(client.waitClosed());

        RawClient old(port());
        old.send("GET /config.json HTTP/1.0\r\n" + host() + "\r\n");
        QCOMPARE(old.response().status, 200);
        QVERIFY(old.waitClosed());
        verifyFeedAnswers();
    }

    // Beyond the cap the oldest idle connection makes room; when none is idle, the newcomer
    // is refused, and the feed serves again as soon as connections go.
    void capsOpenConnections()
    {
        ConnectionLimits limits;
        limits.maxConnections = 3;
        limits.headerTimeoutMs = 500;
        startFeed(limits);
        std::vector<std::unique_ptr<RawClient>> idle;
        for (int i = 0; i < 3; ++i) {
            idle.push_back(std::make_unique<RawClient>(port()));
            QVERIFY(idle.back()->isConnected());
        }
        RawClient newcomer(port());
        QVERIFY(newcomer.isConnected());
        newcomer.send(getConfig());
        QCOMPARE(newcomer.response().status, 200);
        QVERIFY(idle.front()->waitClosed()); // the oldest idle one
        QVERIFY(!idle.back()->isClosed());

        // Now every connection is busy in the middle of a request head. A whole request goes
        // with it, so that its answer shows the feed has read the partial one too.
        idle.clear();
        std::vector<std::unique_ptr<RawClient>> busy;
        for (int i = 0; i < 3; ++i) {
            busy.push_back(std::make_unique<RawClient>(port()));
            QVERIFY(busy.back()->isConnected());
            busy.back()->send(getConfig() + "GET /config.json HTTP/1.1\r\n");
            QCOMPARE(busy.back()->response().status, 200);
        }
        RawClient refused(port());
        QVERIFY(refused.isConnected());
        QCOMPARE(refused.response().status, 503);
        QVERIFY(refused.waitClosed());
        // The busy ones time out, and the feed serves new connections again.
        for (const auto &client : busy)
            QVERIFY(client->waitClosed());
        verifyFeedAnswers();
    }
};

QTEST_GUILESS_MAIN(TestFeedLimits)
#include "tst_feedlimits.moc"
