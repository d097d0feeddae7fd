// SPDX-License-Identifier: GPL-3.0-or-later
// A squatter gets no token. While the local feed is down, any local user may listen on its
// port and answer cargo with a 401 as the feed would; `cratedesk credential` must then refuse
// to hand over the feed's token, because the squatter cannot prove that it serves the feed's
// data folder. The real feed proves it and gets the token. The provider runs as cargo runs it
// (`cratedesk --cargo-plugin`, request lines on stdin) against a real Secret Service.
#include "../localfeed/cargoproject.h"
#include "clirun.h"
#include "localfeed/desktopfeedtoken.h"
#include "localfeed/feedownership.h"
#include "localfeed/feedstore.h"
#include "secrets/keychainsecretstore.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::Literals::StringLiterals;

namespace {

// A plain HTTP server of the test on a given port, answering as a squatter would.
class Squatter final : public QObject
{
public:
    enum class Behaviour { LikeTheFeed, ForgedProof, RelayedProof, Redirect, Silent, Oversized };

    Squatter(Behaviour behaviour, const QUrl &realFeed)
        : m_behaviour(behaviour)
        , m_realFeed(realFeed)
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection())
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onData(socket); });
        });
    }

    bool listen(quint16 port) { return m_server.listen(QHostAddress::LocalHost, port); }
    QByteArray received() const { return m_received; }

private:
    void onData(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        m_received += buffer;
        if (!buffer.contains("\r\n\r\n"))
            return;
        const QByteArray target = buffer.split(' ').value(1);
        buffer.clear();
        const bool proof = target.startsWith("/cratedesk/v1/proof");
        const QByteArray port = QByteArray::number(m_server.serverPort());
        if (proof && m_behaviour == Behaviour::Silent)
            return; // holds the connection open, answers nothing
        if (proof && m_behaviour == Behaviour::ForgedProof)
            return answer(socket, "200 OK", R"({"proof":")" + QByteArray(64, 'a') + R"("})");
        if (proof && m_behaviour == Behaviour::Oversized)
            return answer(socket, "200 OK", R"({"proof":")" + QByteArray(1 << 20, 'a') + R"("})");
        if (proof && m_behaviour == Behaviour::Redirect)
            return answer(socket, "302 Found", {}, "Location: " + m_realFeed.resolved(QUrl(QString::fromLatin1(target.mid(1)))).toEncoded() + "\r\n");
        if (proof && m_behaviour == Behaviour::RelayedProof) {
            // The real feed's own answer to the same nonce, made for its own URL.
            QNetworkReply *relayed = m_nam.get(QNetworkRequest(m_realFeed.resolved(QUrl(QString::fromLatin1(target.mid(1))))));
            connect(relayed, &QNetworkReply::finished, socket, [this, socket, relayed] {
                answer(socket, "200 OK", relayed->readAll());
                relayed->deleteLater();
            });
            return;
        }
        answer(socket, "401 Unauthorized", R"({"errors":[{"detail":"this feed needs a token"}]})",
               "WWW-Authenticate: Cargo login_url=\"http://127.0.0.1:" + port + "/me\"\r\n");
    }

    static void answer(QTcpSocket *socket, const QByteArray &status, const QByteArray &body, const QByteArray &headers = {})
    {
        socket->write("HTTP/1.1 " + status + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
                      + "\r\n" + headers + "Connection: close\r\n\r\n" + body);
        socket->disconnectFromHost();
    }

    Behaviour m_behaviour;
    QUrl m_realFeed;
    QTcpServer m_server;
    QNetworkAccessManager m_nam;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QByteArray m_received;
};

QByteArray getRequest(const QString &indexUrl, const QString &feed)
{
    const QJsonObject request{{u"v"_s, 1}, {u"kind"_s, u"get"_s}, {u"operation"_s, u"read"_s},
                              {u"registry"_s, QJsonObject{{u"index-url"_s, indexUrl}, {u"name"_s, feed}}},
                              {u"args"_s, QJsonArray{u"credential"_s, u"--feed"_s, feed}}};
    return QJsonDocument(request).toJson(QJsonDocument::Compact);
}

// `cratedesk --cargo-plugin` with one request, as cargo runs it; the reply line. The event
// loop runs meanwhile, so a squatter of this test answers.
QJsonObject askProvider(const QByteArray &requestLine, qint64 *elapsedMs = nullptr)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"QT_LOGGING_RULES"_s);
    process.setProcessEnvironment(env);
    QElapsedTimer timer;
    timer.start();
    process.start(TestSupport::cratedeskExecutable(), {u"--cargo-plugin"_s});
    process.write(requestLine + '\n');
    process.closeWriteChannel();
    QSignalSpy finished(&process, &QProcess::finished);
    if (!finished.wait(60000))
        return {{u"timeout"_s, true}};
    if (elapsedMs)
        *elapsedMs = timer.elapsed();
    const QList<QByteArray> lines = process.readAllStandardOutput().split('\n');
    if (lines.value(0) != "{\"v\":[1]}")
        return {{u"nohello"_s, QString::fromUtf8(lines.value(0))}};
    return QJsonDocument::fromJson(lines.value(1)).object();
}

} // namespace

class TestCredentialProof : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    ServeProcess m_serve{TestSupport::cratedeskExecutable(), m_dir.filePath(u"feed"_s), m_dir.filePath(u"serve.log"_s)};
    QString m_token;
    QString m_firstUrl;   // where the feed was served first, now free for a squatter
    quint16 m_firstPort = 0;

    static QString tokenOf(const QJsonObject &reply) { return reply.value(u"Ok"_s).toObject().value(u"token"_s).toString(); }
    static QString refusalOf(const QJsonObject &reply) { return reply.value(u"Err"_s).toObject().value(u"message"_s).toString(); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"), "run this test through with-keyring.sh");
        QString error;
        QVERIFY2(m_serve.start({}, &error), qPrintable(error));
        m_token = m_serve.createToken(u"local"_s, &error);
        QVERIFY2(!m_token.isEmpty(), qPrintable(error));
        m_firstUrl = m_serve.indexUrl();
        m_firstPort = quint16(m_serve.baseUrl().port());
        const auto added = runCratedesk({u"feed"_s, u"add"_s, u"proofed"_s, m_firstUrl, u"--token-stdin"_s}, m_token.toUtf8() + '\n');
        QVERIFY2(added.exitCode == 0, qPrintable(added.describe()));
    }

    void theRealFeedGetsTheToken()
    {
        const QJsonObject reply = askProvider(getRequest(m_firstUrl, u"proofed"_s));
        QVERIFY2(tokenOf(reply) == m_token, QJsonDocument(reply).toJson().constData());
    }

    void aStoppedFeedGetsNoToken()
    {
        QCOMPARE(m_serve.stop(), 0);
        const QJsonObject reply = askProvider(getRequest(m_firstUrl, u"proofed"_s));
        QCOMPARE(reply.value(u"Err"_s).toObject().value(u"kind"_s).toString(), u"other"_s);
        QVERIFY2(refusalOf(reply).contains(u"the local feed is not running there"_s), qPrintable(refusalOf(reply)));
    }

    void theFeedStartedElsewhereGetsTheToken()
    {
        // The same feed started again, on another port: the first one stays free for the
        // squatters below. It proves itself there, and a feed registered there gets the token.
        m_serve.stop();
        QString error;
        QVERIFY2(m_serve.start({}, &error), qPrintable(error));
        const auto added = runCratedesk({u"feed"_s, u"add"_s, u"restarted"_s, m_serve.indexUrl(), u"--token-stdin"_s}, m_token.toUtf8() + '\n');
        QVERIFY2(added.exitCode == 0, qPrintable(added.describe()));
        QCOMPARE(tokenOf(askProvider(getRequest(m_serve.indexUrl(), u"restarted"_s))), m_token);
    }

    void aSquatterGetsNoToken_data()
    {
        QTest::addColumn<int>("behaviour");
        QTest::addColumn<QString>("why");
        QTest::newRow("401 like the feed, no proof") << int(Squatter::Behaviour::LikeTheFeed) << u"HTTP 401 to its ownership proof"_s;
        QTest::newRow("a forged proof") << int(Squatter::Behaviour::ForgedProof) << u"its ownership proof is wrong"_s;
        QTest::newRow("the real feed's proof, relayed") << int(Squatter::Behaviour::RelayedProof) << u"its ownership proof is wrong"_s;
        QTest::newRow("a redirect to the real feed") << int(Squatter::Behaviour::Redirect) << u"HTTP 200 to its ownership proof"_s;
        QTest::newRow("an answer that never comes") << int(Squatter::Behaviour::Silent) << u"it did not answer within 5 s"_s;
        QTest::newRow("an endless answer") << int(Squatter::Behaviour::Oversized) << u"its answer is larger than 4096 bytes"_s;
    }

    void aSquatterGetsNoToken()
    {
        QFETCH(int, behaviour);
        QFETCH(QString, why);
        QVERIFY(m_serve.isRunning()); // the real feed runs, elsewhere
        Squatter squatter(Squatter::Behaviour(behaviour), m_serve.baseUrl());
        QVERIFY2(squatter.listen(m_firstPort), "the squatter cannot listen on the feed's old port");
        qint64 elapsed = 0;
        const QJsonObject reply = askProvider(getRequest(m_firstUrl, u"proofed"_s), &elapsed);
        QVERIFY2(tokenOf(reply).isEmpty(), "the squatter got the token");
        QVERIFY2(!QJsonDocument(reply).toJson().contains(m_token.toUtf8()), "the token is in the reply");
        QVERIFY2(!squatter.received().contains(m_token.toUtf8()), "the token reached the squatter");
        QCOMPARE(reply.value(u"Err"_s).toObject().value(u"kind"_s).toString(), u"other"_s);
        const QString refusal = refusalOf(reply);
        QVERIFY2(refusal.startsWith(u"no token for %1: the server there did not prove that it serves the local feed of "_s.arg(m_firstUrl.sliced(7))),
                 qPrintable(refusal));
        QVERIFY2(refusal.contains(why), qPrintable(refusal));
        QVERIFY2(elapsed < 20000, qPrintable(u"the provider took %1 ms"_s.arg(elapsed)));
    }

    void aReadableKeyProvesNothing()
    {
        // A key that other users may read could be copied by the squatter: no token then.
        const QString key = FeedOwnership::secretPath(m_serve.dataDir());
        QVERIFY(QFile::setPermissions(key, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther));
        const QJsonObject reply = askProvider(getRequest(m_serve.indexUrl(), u"restarted"_s));
        QVERIFY(QFile::setPermissions(key, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        QVERIFY2(refusalOf(reply).contains(u"may be read or written by other users"_s), qPrintable(refusalOf(reply)));
        QCOMPARE(tokenOf(askProvider(getRequest(m_serve.indexUrl(), u"restarted"_s))), m_token);
    }

    void remoteFeedsAreAnsweredAsBefore()
    {
        const QString url = u"sparse+https://crates.example.test/index/"_s;
        const auto added = runCratedesk({u"feed"_s, u"add"_s, u"remote"_s, url.sliced(7), u"--token-stdin"_s}, "remote-token\n");
        QVERIFY2(added.exitCode == 0, qPrintable(added.describe()));
        QCOMPARE(tokenOf(askProvider(getRequest(url, u"remote"_s))), u"remote-token"_s);
    }

    // `--feed local`, as Feed > Use with Cargo… writes it for the desktop app's own feed: on
    // whatever loopback port that feed proves itself, cargo gets the token the app keeps in
    // the keychain; a squatter on another port gets nothing, and a remote feed named by
    // --feed still answers only for its own URL.
    void theEmbeddedFeedByNameGetsTheDesktopToken()
    {
        FeedStore store(m_serve.dataDir());
        QVERIFY(!store.open(FeedStore::OpenMode::Admin));
        KeychainSecretStore secrets;
        DesktopFeedToken desktop(&store, &secrets);
        QSignalSpy ready(&desktop, &DesktopFeedToken::ready);
        desktop.obtain();
        QVERIFY(ready.wait(DesktopFeedToken::KeychainTimeoutMs + 5000));
        const QString token = ready.at(0).at(0).toString();
        QVERIFY(!token.isEmpty());
        QCOMPARE(tokenOf(askProvider(getRequest(m_serve.indexUrl(), u"local"_s))), token);

        Squatter squatter(Squatter::Behaviour::LikeTheFeed, m_serve.baseUrl());
        QVERIFY2(squatter.listen(m_firstPort), "the squatter cannot listen on the feed's old port");
        const QJsonObject refused = askProvider(getRequest(m_firstUrl, u"local"_s));
        QVERIFY2(tokenOf(refused).isEmpty(), "the squatter got the desktop token");
        QVERIFY(!squatter.received().contains(token.toUtf8()));
        QVERIFY2(refusalOf(refused).contains(u"did not prove that it serves the local feed"_s), qPrintable(refusalOf(refused)));

        const QJsonObject elsewhere = askProvider(getRequest(m_serve.indexUrl(), u"remote"_s));
        QCOMPARE(elsewhere.value(u"Err"_s).toObject().value(u"kind"_s).toString(), u"url-not-supported"_s);
    }

    void cleanupTestCase() { m_serve.stop(); }
};

QTEST_GUILESS_MAIN(TestCredentialProof)
#include "tst_credentialproof.moc"
