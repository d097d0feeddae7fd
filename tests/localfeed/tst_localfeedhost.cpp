// SPDX-License-Identifier: GPL-3.0-or-later
// The embedded feed on its own thread, as the desktop app runs it: the app's thread stays
// free to paint while a large crate is published to the feed (it never holds a copy of the
// crate), and the app still reaches the feed's settings, connectors and changes from its own
// thread.
#include "localfeed/feedstore.h"
#include "localfeed/localfeed.h"
#include "localfeed/localfeedhost.h"
#include "net/httpclient.h"
#include "publish/publishqueue.h"
#include "publish/publishsession.h"
#include "registry/registryclient.h"
#include "largestallocation.h"
#include "testcrate.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestLocalFeedHost : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QNetworkAccessManager m_nam;

    static QByteArray token(LocalFeedHost &host)
    {
        std::optional<QByteArray> made;
        host.call<QByteArray>([](LocalFeed &feed) {
            QString value;
            return feed.store()->createToken(u"host-test"_s, &value) ? QByteArray() : value.toUtf8();
        }, &host, [&](const QByteArray &value) { made = value; });
        if (!QTest::qWaitFor([&] { return made.has_value(); }, 10000))
            return {};
        return *made;
    }

    std::unique_ptr<LocalFeedHost> startedHost(const QString &dir)
    {
        FeedServerOptions options;
        options.dataDir = m_dir.filePath(dir);
        options.port = 0;
        auto host = std::make_unique<LocalFeedHost>(options);
        QSignalSpy started(host.get(), &LocalFeedHost::started);
        host->start();
        if (!started.wait(10000) || !host->isRunning())
            return {};
        return host;
    }

private Q_SLOTS:
    // A 10 MB crate is framed, sent, received, checked, hashed and stored with fsync; none of
    // it happens on the thread that paints. Each of those steps needs the crate's bytes in a
    // buffer of their own, so the app's thread never allocating one crate-sized block (not
    // even a tenth of one) says so without timing it: a stall measured in milliseconds would
    // depend on the machine's load as much as on the code.
    void publishingALargeCrateNeverCopiesItOnTheAppThread()
    {
        auto host = startedHost(u"large"_s);
        QVERIFY(host);
        const QByteArray secret = token(*host);
        QVERIFY(!secret.isEmpty());
        TestCrate crate(u"large_crate"_s, u"1.0.0"_s);
        crate.padding.resize(10'000'000 - 8192); // a 10 MB crate, under the 10 MiB a feed takes by default
        QRandomGenerator(42).fillRange(reinterpret_cast<quint32 *>(crate.padding.data()), crate.padding.size() / 4);
        const QString path = m_dir.filePath(u"large_crate-1.0.0.crate"_s);
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QVERIFY(file.write(crate.crateBytes()) > 9'990'000);
        }

        HttpClient http(&m_nam);
        Feed feed;
        feed.name = u"local"_s;
        feed.indexUrl = host->indexUrl();
        feed.auth = Feed::AuthKind::Token;
        RegistryClient client(feed, &http, nullptr, nullptr);
        client.setCredential(secret);
        PublishSession session(&client);
        session.queue()->setPollInterval(20);
        QSignalSpy changed(host.get(), &LocalFeedHost::crateChanged);
        QSignalSpy finished(session.queue(), &PublishQueue::finished);
        session.addFiles({path});
        QTRY_COMPARE_WITH_TIMEOUT(session.checkingCount(), 0, 30000);
        QVERIFY2(session.publishable().size() == 1, qPrintable(session.candidates().value(0).messages(PreflightFinding::Severity::Error).join(u"; "_s)));

        std::size_t largest = 0;
        {
            const LargestAllocation appThread;
            QVERIFY(session.start());
            QVERIFY(finished.wait(60000));
            largest = appThread.bytes();
        }
        const PublishItem &item = session.queue()->items().at(0);
        QVERIFY2(item.stage == CratePublisher::Stage::Visible, qPrintable(item.error.message));
        qInfo("the largest block the app's thread allocated during the 10 MB publish: %zu bytes", largest);
        QVERIFY2(largest < 1'000'000, qPrintable(u"the app's thread allocated %1 bytes at once"_s.arg(largest)));
        QTRY_COMPARE(changed.count(), 1); // the feed's signal crosses over to the app's thread
        QCOMPARE(changed.first().first().toString(), u"large_crate"_s);
    }

    // Settings the window changes reach the feed on its thread.
    void requiringATokenToReadTakesEffect()
    {
        auto host = startedHost(u"auth"_s);
        QVERIFY(host);
        QVERIFY(!host->authRequired());
        QVERIFY(host->cargoIndexUrl().startsWith(u"sparse+http://127.0.0.1:"_s));
        const auto statusOfConfig = [&] {
            std::optional<int> status;
            HttpRequest request;
            request.url = host->indexUrl().resolved(QUrl(u"config.json"_s));
            HttpClient http(&m_nam);
            HttpJob *job = http.send(request);
            connect(job, &HttpJob::finished, this, [&] { status = job->response().status; });
            return QTest::qWaitFor([&] { return status.has_value(); }, 10000) ? *status : -1;
        };
        QCOMPARE(statusOfConfig(), 200);
        host->setAuthRequired(true);
        QVERIFY(host->authRequired());
        QTRY_COMPARE(statusOfConfig(), 401);
    }

    // A feed that cannot start says why, and the app gets no half-running feed.
    void aFeedThatCannotStartSaysWhy()
    {
        const QString blocker = m_dir.filePath(u"not-a-folder"_s);
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        FeedServerOptions options;
        options.dataDir = blocker + u"/feed"_s;
        options.port = 0;
        LocalFeedHost host(options);
        QSignalSpy started(&host, &LocalFeedHost::started);
        host.start();
        QVERIFY(started.wait(10000));
        QVERIFY(!host.isRunning());
        QVERIFY(host.error().isError());
        QVERIFY2(host.error().detail.contains(u"feed folder"_s), qPrintable(host.error().detail));
        QVERIFY(host.cargoIndexUrl().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestLocalFeedHost)
#include "tst_localfeedhost.moc"
