// SPDX-License-Identifier: GPL-3.0-or-later
// The local feed is reachable by every program and, through the browser, by every web page:
// a request must name the feed by a loopback address with its port (DNS rebinding names the
// attacker's host), and a browser's request from another origin is refused. Raw requests
// over a socket, because no HTTP client lets a test send a wrong or missing Host.
#include "localfeed/feedownership.h"
#include "localfeed/feedstore.h"
#include "localfeed/localfeed.h"
#include "localtestfeed.h"
#include "testcrate.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

struct RawReply
{
    int status = 0;
    QByteArray body;
    QString detail() const
    {
        return QJsonDocument::fromJson(body).object().value(u"errors"_s).toArray().at(0).toObject().value(u"detail"_s).toString();
    }
};

// Sends `head` (request line and header lines, without the blank line) and `body`, and reads
// the answer until the server closes the connection (Connection: close is added).
RawReply sendRaw(quint16 port, const QByteArray &head, const QByteArray &body = {})
{
    QTcpSocket socket;
    socket.connectToHost(u"127.0.0.1"_s, port);
    RawReply reply;
    if (!socket.waitForConnected(10000))
        return reply;
    QByteArray request = head + "\r\nConnection: close\r\n";
    if (!body.isEmpty())
        request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    socket.write(request + "\r\n" + body);
    QByteArray response;
    // Waiting on the socket spins the event loop, so the feed in this thread answers.
    // The answer is complete at Content-Length, whether or not the server closes at once.
    const auto complete = [&response] {
        const qsizetype end = response.indexOf("\r\n\r\n");
        const qsizetype at = response.toLower().indexOf("\r\ncontent-length:");
        if (end < 0 || at < 0 || at > end)
            return false;
        const qsizetype lineEnd = response.indexOf("\r\n", at + 2);
        return response.size() >= end + 4 + response.mid(at + 17, lineEnd - at - 17).trimmed().toLongLong();
    };
    while (!complete() && QTest::qWaitFor([&] { return socket.bytesAvailable() > 0 || socket.state() != QAbstractSocket::ConnectedState; }, 10000)) {
        response += socket.readAll();
        if (socket.state() != QAbstractSocket::ConnectedState)
            break;
    }
    response += socket.readAll();
    const qsizetype headerEnd = response.indexOf("\r\n\r\n");
    reply.status = response.left(response.indexOf("\r\n")).split(' ').value(1).toInt();
    reply.body = headerEnd >= 0 ? response.mid(headerEnd + 4) : QByteArray();
    return reply;
}

} // namespace

class TestFeedOrigin : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<LocalFeed> m_feed;
    QByteArray m_token;

    quint16 port() const { return quint16(m_feed->indexUrl().port()); }
    // PORT in a test row stands for the feed's port, which is known only once it listens.
    QByteArray withPort(QByteArray value) const { return value.replace("PORT", QByteArray::number(port())); }

private Q_SLOTS:
    void initTestCase()
    {
        FeedServerOptions options;
        options.dataDir = m_dir.path();
        auto started = TestSupport::startLocalFeed(options);
        QVERIFY2(started.feed, qPrintable(started.error));
        m_feed = std::move(started.feed);
        m_token = started.token;
    }

    void hostMustNameTheFeed_data()
    {
        QTest::addColumn<QByteArray>("hostLine"); // the whole header line; empty sends none
        QTest::addColumn<int>("status");
        QTest::newRow("127.0.0.1:PORT") << QByteArray("Host: 127.0.0.1:PORT") << 200;
        QTest::newRow("localhost:PORT") << QByteArray("Host: localhost:PORT") << 200;
        QTest::newRow("[::1]:PORT") << QByteArray("Host: [::1]:PORT") << 200;
        QTest::newRow("LocalHost:PORT, any case") << QByteArray("Host: LocalHost:PORT") << 200;
        QTest::newRow("DNS rebinding: attacker.example:PORT") << QByteArray("Host: attacker.example:PORT") << 421;
        QTest::newRow("127.0.0.1.attacker.example:PORT") << QByteArray("Host: 127.0.0.1.attacker.example:PORT") << 421;
        QTest::newRow("127.0.0.1.attacker.example") << QByteArray("Host: 127.0.0.1.attacker.example") << 421;
        QTest::newRow("localhost.attacker.example:PORT") << QByteArray("Host: localhost.attacker.example:PORT") << 421;
        QTest::newRow("no Host on HTTP/1.1") << QByteArray() << 421;
        QTest::newRow("empty Host") << QByteArray("Host: ") << 421;
        QTest::newRow("no port") << QByteArray("Host: 127.0.0.1") << 421;
        QTest::newRow("another port") << QByteArray("Host: 127.0.0.1:1") << 421;
        QTest::newRow("port with more after it") << QByteArray("Host: 127.0.0.1:PORT0") << 421;
        QTest::newRow("user info") << QByteArray("Host: attacker@127.0.0.1:PORT") << 421;
        QTest::newRow("private address") << QByteArray("Host: 192.168.1.1:PORT") << 421;
    }

    void hostMustNameTheFeed()
    {
        QFETCH(QByteArray, hostLine);
        QFETCH(int, status);
        for (const QByteArray &path : {QByteArray("/config.json"), QByteArray("/api/v1/crates?q=x"), QByteArray("/me")}) {
            QByteArray head = "GET " + path + " HTTP/1.1";
            if (!hostLine.isEmpty())
                head += "\r\n" + withPort(hostLine);
            const RawReply reply = sendRaw(port(), head);
            QVERIFY2(reply.status == status, qPrintable(u"%1: HTTP %2 %3"_s.arg(QString::fromLatin1(path)).arg(reply.status).arg(QString::fromUtf8(reply.body))));
            if (status == 421)
                QVERIFY2(reply.detail().contains(u"127.0.0.1:%1, localhost:%1 or [::1]:%1"_s.arg(port())), qPrintable(reply.detail()));
        }
    }

    void foreignHostCannotPublish()
    {
        // Refused before the token is even looked at: a rebinding page may hold no token, but
        // a foreign Host is never the feed's client.
        const TestCrate crate(u"rebound"_s, u"1.0.0"_s);
        const RawReply reply = sendRaw(port(), withPort("PUT /api/v1/crates/new HTTP/1.1\r\nHost: attacker.example:PORT\r\nAuthorization: ") + m_token,
                                       crate.publishBody());
        QCOMPARE(reply.status, 421);
        QVERIFY(!m_feed->store()->indexFile(u"rebound"_s));
    }

    void originMustBeTheFeedsOwn_data()
    {
        QTest::addColumn<QByteArray>("origin");
        QTest::addColumn<int>("status");
        QTest::newRow("same origin") << QByteArray("http://127.0.0.1:PORT") << 200;
        QTest::newRow("same origin, localhost") << QByteArray("http://localhost:PORT") << 200;
        QTest::newRow("another site") << QByteArray("http://attacker.example") << 403;
        QTest::newRow("another site on the feed's port") << QByteArray("http://attacker.example:PORT") << 403;
        QTest::newRow("look-alike host") << QByteArray("http://127.0.0.1.attacker.example:PORT") << 403;
        QTest::newRow("another port of the loopback") << QByteArray("http://127.0.0.1:1") << 403;
        QTest::newRow("another scheme") << QByteArray("https://127.0.0.1:PORT") << 403;
        QTest::newRow("opaque origin (sandbox, file:)") << QByteArray("null") << 403;
    }

    void originMustBeTheFeedsOwn()
    {
        QFETCH(QByteArray, origin);
        QFETCH(int, status);
        const RawReply reply = sendRaw(port(), withPort("GET /config.json HTTP/1.1\r\nHost: 127.0.0.1:PORT\r\nOrigin: " + origin));
        QVERIFY2(reply.status == status, qPrintable(u"HTTP %1 %2"_s.arg(reply.status).arg(QString::fromUtf8(reply.body))));
        if (status == 403)
            QVERIFY2(reply.detail().contains(u"another origin"_s), qPrintable(reply.detail()));
    }

    void foreignOriginCannotPublishWithAToken()
    {
        // Even a request that carries a valid token (a page that got hold of one, or a
        // browser sending stored credentials) is refused when it comes from another origin.
        const TestCrate crate(u"crosssite"_s, u"1.0.0"_s);
        const RawReply reply = sendRaw(port(), withPort("PUT /api/v1/crates/new HTTP/1.1\r\nHost: 127.0.0.1:PORT\r\nOrigin: http://attacker.example\r\nAuthorization: ") + m_token,
                                       crate.publishBody());
        QCOMPARE(reply.status, 403);
        QVERIFY(!m_feed->store()->indexFile(u"crosssite"_s));
    }

    void proofAnswersTheDataFoldersKey()
    {
        QString error;
        const QByteArray secret = FeedOwnership::readSecret(m_dir.path(), &error);
        QVERIFY2(!secret.isEmpty(), qPrintable(error));
        QCOMPARE(QFileInfo(FeedOwnership::secretPath(m_dir.path())).permissions() & ~(QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ReadOwner | QFileDevice::WriteOwner),
                 QFileDevice::Permissions());
        const QByteArray nonce = FeedOwnership::newNonce();
        const RawReply reply = sendRaw(port(), withPort("GET /cratedesk/v1/proof?nonce=" + nonce + " HTTP/1.1\r\nHost: 127.0.0.1:PORT"));
        QCOMPARE(reply.status, 200);
        const QByteArray proof = QJsonDocument::fromJson(reply.body).object().value(u"proof"_s).toString().toLatin1();
        QCOMPARE(proof, FeedOwnership::proof(secret, nonce, m_feed->indexUrl()));
        // Bad nonces are refused rather than signed.
        QCOMPARE(sendRaw(port(), withPort("GET /cratedesk/v1/proof?nonce=short HTTP/1.1\r\nHost: 127.0.0.1:PORT")).status, 400);
        QCOMPARE(sendRaw(port(), withPort("GET /cratedesk/v1/proof HTTP/1.1\r\nHost: 127.0.0.1:PORT")).status, 400);
    }

    void readTokenSettingAppliesWhileServing()
    {
        const QByteArray head = withPort("GET /config.json HTTP/1.1\r\nHost: 127.0.0.1:PORT");
        QCOMPARE(sendRaw(port(), head).status, 200);
        m_feed->setAuthRequired(true);
        QCOMPARE(sendRaw(port(), head).status, 401);
        QCOMPARE(sendRaw(port(), head + "\r\nAuthorization: " + m_token).status, 200);
        // The proof is answered without a token: the provider asks for it before it has one to give.
        QCOMPARE(sendRaw(port(), withPort("GET /cratedesk/v1/proof?nonce=" + FeedOwnership::newNonce() + " HTTP/1.1\r\nHost: 127.0.0.1:PORT")).status, 200);
        m_feed->setAuthRequired(false);
        QCOMPARE(sendRaw(port(), head).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestFeedOrigin)
#include "tst_feedorigin.moc"
