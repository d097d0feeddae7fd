// SPDX-License-Identifier: GPL-3.0-or-later
// A feed edited or removed while work runs on it: publishing, preflight, a listing and a
// download end at once with a message that names what happened, nothing touches the client
// that went away (run under ASan in CI), and another feed's batch goes on untouched.
#include "faultserver.h"
#include "net/httpclient.h"
#include "publish/publishpreflight.h"
#include "publish/publishqueue.h"
#include "publish/publishsession.h"
#include "registry/feedsessions.h"
#include "registry/registryclient.h"
#include "testcrate.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

using Stage = CratePublisher::Stage;

namespace {

constexpr int Never = 60000; // a delay longer than any test waits

QByteArray indexLine(const QString &name, const QString &vers)
{
    return "{\"name\":\"" + name.toUtf8() + "\",\"vers\":\"" + vers.toUtf8() + "\",\"deps\":[],\"cksum\":\""
        + QByteArray(64, 'a') + "\",\"features\":{},\"yanked\":false}\n";
}

Feed feedAt(const QString &name, const QUrl &indexUrl)
{
    Feed feed;
    feed.name = name;
    feed.indexUrl = indexUrl;
    feed.auth = Feed::AuthKind::Token;
    return feed;
}

} // namespace

class TestPublishSession : public QObject
{
    Q_OBJECT

private:
    enum class Work { Uploading, WaitingForIndex, Checking, Listing, Downloading };

    QTemporaryDir m_dir;
    QNetworkAccessManager m_nam;

    QString writeCrate(const QString &name)
    {
        const QString path = m_dir.filePath(name + u"-0.1.0.crate"_s);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(TestCrate(name, u"0.1.0"_s).crateBytes());
        return path;
    }

    static void serveFeed(FaultServer &server, const QString &prefix)
    {
        server.setRoute(prefix + u"/config.json"_s,
                        {FaultServer::Response::ok("{\"dl\":\"" + server.url(prefix + u"/dl"_s).toEncoded() + "\",\"api\":\""
                                                   + server.url(prefix).toEncoded() + "\"}")});
    }

private Q_SLOTS:
    void workEndsWithTheReason_data()
    {
        QTest::addColumn<Work>("work");
        QTest::addColumn<bool>("edited"); // else removed
        for (const bool edited : {false, true}) {
            const char *how = edited ? "edited" : "removed";
            QTest::addRow("%s while uploading", how) << Work::Uploading << edited;
            QTest::addRow("%s while waiting for the index", how) << Work::WaitingForIndex << edited;
            QTest::addRow("%s while checking a file", how) << Work::Checking << edited;
            QTest::addRow("%s while listing", how) << Work::Listing << edited;
            QTest::addRow("%s while downloading", how) << Work::Downloading << edited;
        }
    }
    void workEndsWithTheReason()
    {
        QFETCH(Work, work);
        QFETCH(bool, edited);
        FaultServer server;
        QVERIFY(server.isListening());
        serveFeed(server, u"/a"_s);
        serveFeed(server, u"/b"_s);
        // Feed a: every answer that matters comes too late, or (the index) never says "there".
        server.setRoute("PUT", u"/a/api/v1/crates/new"_s,
                        {FaultServer::Response::delayed(work == Work::Uploading ? Never : 0, FaultServer::Response::ok("{}"))});
        server.setRoute(u"/a/al/ph/alpha"_s, {FaultServer::Response::delayed(work == Work::Checking ? Never : 0,
                                                                               FaultServer::Response::make(404))});
        server.setRoute(u"/a/api/v1/crates"_s, {FaultServer::Response::delayed(Never, FaultServer::Response::ok("{}"))});
        server.setRoute(u"/a/dl/alpha/0.1.0/download"_s, {FaultServer::Response::delayed(Never, FaultServer::Response::ok("x"))});
        // Feed b publishes normally: absent at preflight, listed once uploaded.
        server.setRoute("PUT", u"/b/api/v1/crates/new"_s, {FaultServer::Response::delayed(300, FaultServer::Response::ok("{}"))});
        server.setRoute(u"/b/be/ta/beta"_s, {FaultServer::Response::make(404), FaultServer::Response::ok(indexLine(u"beta"_s, u"0.1.0"_s), "text/plain")});

        HttpClient http(&m_nam);
        FeedSessions sessions(&http, nullptr, nullptr);
        sessions.setCredential(u"a"_s, "token-a");
        sessions.setCredential(u"b"_s, "token-b");
        const Feed a = feedAt(u"a"_s, server.url(u"/a/"_s));
        const Feed b = feedAt(u"b"_s, server.url(u"/b/"_s));

        PublishSession other(sessions.client(b));
        other.queue()->setPollInterval(50);
        QSignalSpy otherFinished(other.queue(), &PublishQueue::finished);
        other.addFiles({writeCrate(u"beta"_s)});
        QTRY_COMPARE(other.checkingCount(), 0);
        QVERIFY(other.start());

        PublishSession session(sessions.client(a));
        session.queue()->setPollInterval(50);
        QSignalSpy lost(&session, &PublishSession::feedLost);
        QPointer<RegistryReply> reply;
        std::optional<RegistryError> replyError;
        const QString target = m_dir.filePath(u"alpha-download.crate"_s);
        switch (work) {
        case Work::Uploading:
        case Work::WaitingForIndex:
            session.addFiles({writeCrate(u"alpha"_s)});
            QTRY_COMPARE(session.checkingCount(), 0);
            QVERIFY(session.start());
            if (work == Work::Uploading)
                QTRY_COMPARE(server.requestCount(u"/a/api/v1/crates/new"_s), 1);
            else
                QTRY_VERIFY(server.requestCount(u"/a/al/ph/alpha"_s) >= 3); // polling
            break;
        case Work::Checking:
            session.addFiles({writeCrate(u"alpha"_s)});
            QTRY_COMPARE(server.requestCount(u"/a/al/ph/alpha"_s), 1);
            break;
        case Work::Listing:
            reply = sessions.client(a)->listCrates();
            QTRY_COMPARE(server.requestCount(u"/a/api/v1/crates"_s), 1);
            break;
        case Work::Downloading:
            reply = sessions.client(a)->download(u"alpha"_s, u"0.1.0"_s, QString(64, u'a'), target);
            QTRY_COMPARE(server.requestCount(u"/a/dl/alpha/0.1.0/download"_s), 1);
            break;
        }
        if (reply)
            connect(reply, &RegistryReply::finished, this, [&] { replyError = reply->error(); });

        Feed changed = a;
        changed.indexUrl = server.url(u"/elsewhere/"_s);
        if (edited)
            QVERIFY(sessions.client(changed) != nullptr); // the old client retires
        else
            sessions.forget(u"a"_s, u"the feed a was removed"_s);
        const QString reason = edited ? u"the settings of the feed a changed"_s : u"the feed a was removed"_s;

        QCOMPARE(lost.count(), 1);
        QCOMPARE(lost.first().first().toString(), reason);
        QCOMPARE(session.lostReason(), reason);
        QVERIFY(!session.canAddFiles());
        QVERIFY(session.addFiles({writeCrate(u"gamma"_s)}).isEmpty());
        QCOMPARE(session.checkingCount(), work == Work::Checking ? 1 : 0);
        switch (work) {
        case Work::Uploading:
        case Work::WaitingForIndex: {
            QTRY_VERIFY(!session.isRunning());
            const PublishItem &item = session.queue()->items().at(0);
            QCOMPARE(item.stage, work == Work::Uploading ? Stage::Cancelled : Stage::NotVisible);
            QCOMPARE(item.error.message, reason);
            session.retry(0);
            QVERIFY(!session.isRunning()); // nothing goes to a feed that is gone
            break;
        }
        case Work::Checking: {
            QTRY_COMPARE(session.checkingCount(), 0);
            const QList<PublishCandidate> checked = session.candidates();
            QCOMPARE(checked.size(), 1);
            QVERIFY(!checked.first().canPublish());
            QCOMPARE(checked.first().messages(PreflightFinding::Severity::Error),
                     QStringList{u"alpha@0.1.0 cannot be published: %1"_s.arg(reason)});
            QVERIFY(!session.start());
            break;
        }
        case Work::Listing:
        case Work::Downloading:
            QTRY_VERIFY(replyError.has_value());
            QCOMPARE(replyError->kind, RegistryError::Kind::Cancelled);
            QCOMPARE(replyError->message, reason);
            QVERIFY(!QFile::exists(target));
            break;
        }

        // The old client is gone once the event loop ran; nothing reaches for it afterwards.
        QTest::qWait(200);
        // The other feed was never disturbed.
        QVERIFY(otherFinished.count() == 1 || otherFinished.wait(10000));
        QCOMPARE(other.queue()->items().at(0).stage, Stage::Visible);
        QVERIFY(other.lostReason().isEmpty());
    }

    // The app quits with work in flight: whatever goes first (the feeds' clients or the HTTP
    // client under them), nothing calls into an object that is gone. Meant for the asan preset.
    void shutdownWithWorkInFlight_data()
    {
        QTest::addColumn<bool>("httpFirst");
        QTest::newRow("feed clients go first") << false;
        QTest::newRow("the HTTP client goes first") << true;
    }
    void shutdownWithWorkInFlight()
    {
        QFETCH(bool, httpFirst);
        FaultServer server;
        QVERIFY(server.isListening());
        serveFeed(server, u"/a"_s);
        server.setRoute("PUT", u"/a/api/v1/crates/new"_s, {FaultServer::Response::delayed(Never, FaultServer::Response::ok("{}"))});
        server.setRoute(u"/a/be/ta/beta"_s, {FaultServer::Response::delayed(Never, FaultServer::Response::make(404))});
        server.setRoute(u"/a/al/ph/alpha"_s, {FaultServer::Response::make(404)});
        server.setRoute(u"/a/api/v1/crates"_s, {FaultServer::Response::delayed(Never, FaultServer::Response::ok("{}"))});
        server.setRoute(u"/a/dl/alpha/0.1.0/download"_s, {FaultServer::Response::stallBody(QByteArray(4096, 'x'), 100)});

        auto http = std::make_unique<HttpClient>(&m_nam);
        auto sessions = std::make_unique<FeedSessions>(http.get(), nullptr, nullptr);
        sessions->setCredential(u"a"_s, "token-a");
        const Feed a = feedAt(u"a"_s, server.url(u"/a/"_s));
        RegistryClient *client = sessions->client(a);
        auto publishing = std::make_unique<PublishSession>(client);
        auto checking = std::make_unique<PublishSession>(client);
        publishing->addFiles({writeCrate(u"alpha"_s)});
        QTRY_COMPARE(publishing->checkingCount(), 0);
        QVERIFY(publishing->start());
        checking->addFiles({writeCrate(u"beta"_s)});
        client->listCrates();
        client->download(u"alpha"_s, u"0.1.0"_s, QString(64, u'a'), m_dir.filePath(u"shutdown.crate"_s));
        QTRY_COMPARE(server.requestCount(u"/a/api/v1/crates/new"_s), 1);
        QTRY_COMPARE(server.requestCount(u"/a/be/ta/beta"_s), 1);
        QTRY_COMPARE(server.requestCount(u"/a/api/v1/crates"_s), 1);
        QTRY_COMPARE(server.requestCount(u"/a/dl/alpha/0.1.0/download"_s), 1);

        if (httpFirst)
            http.reset();
        sessions.reset(); // deletes the client with its replies
        publishing.reset();
        checking.reset();
        http.reset();
        QTest::qWait(100); // anything still queued runs now, and must find nothing dangling
        QVERIFY(!QFile::exists(m_dir.filePath(u"shutdown.crate"_s)));
    }

    // A session made for a client that already retired refuses work from the start.
    void aRetiredClientGivesALostSession()
    {
        HttpClient http(&m_nam);
        RegistryClient client(feedAt(u"gone"_s, QUrl(u"http://127.0.0.1:9/"_s)), &http, nullptr, nullptr);
        client.retire(u"the feed gone was removed"_s);
        PublishSession session(&client);
        QCOMPARE(session.lostReason(), u"the feed gone is no longer configured"_s);
        QVERIFY(session.addFiles({writeCrate(u"delta"_s)}).isEmpty());
        QCOMPARE(session.checkingCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestPublishSession)
#include "tst_publishsession.moc"
