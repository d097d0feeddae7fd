// SPDX-License-Identifier: GPL-3.0-or-later
// Preflight, publishing and batches over real HTTP: against the local feed (what cargo does)
// and against a server that answers as other registries do (warnings, lag, errors, ProGet).
#include "crate/cratepreflight.h"
#include "faultserver.h"
#include "localfeed/feedstore.h"
#include "localfeed/localfeed.h"
#include "publish/cratepublisher.h"
#include "net/httpclient.h"
#include "publish/publishpreflight.h"
#include "publish/publishqueue.h"
#include "registry/registryclient.h"
#include "localtestfeed.h"
#include "testcrate.h"

#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

using namespace Qt::Literals::StringLiterals;

using Stage = CratePublisher::Stage;
using Check = PreflightFinding::Check;
using Severity = PreflightFinding::Severity;

Q_DECLARE_METATYPE(PreflightFinding::Check)
Q_DECLARE_METATYPE(PreflightFinding::Severity)

namespace {

QByteArray indexLine(const QString &name, const QString &vers)
{
    return "{\"name\":\"" + name.toUtf8() + "\",\"vers\":\"" + vers.toUtf8()
        + "\",\"deps\":[],\"cksum\":\"" + QByteArray(64, 'a') + "\",\"features\":{},\"yanked\":false}\n";
}

bool hasFinding(const PublishCandidate &candidate, Check check, Severity severity)
{
    return std::any_of(candidate.findings.begin(), candidate.findings.end(),
                       [&](const PreflightFinding &f) { return f.check == check && f.severity == severity; });
}

QString findingsText(const PublishCandidate &candidate)
{
    QStringList lines;
    for (const PreflightFinding &f : candidate.findings)
        lines << f.message;
    return lines.join(u" | "_s);
}

} // namespace

class TestCratePublisher : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QNetworkAccessManager m_nam;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<LocalFeed> m_feed;
    QByteArray m_token;
    int m_feeds = 0;

    void startFeed()
    {
        m_feed.reset();
        FeedServerOptions options;
        options.dataDir = m_dir.filePath(u"feed-%1"_s.arg(++m_feeds));
        TestSupport::StartedFeed started = TestSupport::startLocalFeed(options);
        QVERIFY2(started.error.isEmpty(), qPrintable(started.error));
        m_feed = std::move(started.feed);
        m_token = started.token;
    }

    std::unique_ptr<RegistryClient> localClient(const QByteArray &token)
    {
        Feed feed;
        feed.name = u"local"_s;
        feed.indexUrl = m_feed->indexUrl();
        feed.auth = Feed::AuthKind::Token;
        auto client = std::make_unique<RegistryClient>(feed, m_http.get(), nullptr, nullptr);
        client->setCredential(token);
        return client;
    }

    std::unique_ptr<RegistryClient> faultClient(const FaultServer &server, const QString &prefix)
    {
        Feed feed;
        feed.name = u"remote"_s;
        feed.indexUrl = server.url(prefix);
        feed.auth = Feed::AuthKind::Token;
        auto client = std::make_unique<RegistryClient>(feed, m_http.get(), nullptr, nullptr);
        client->setCredential("secret-token");
        return client;
    }

    static PublishCandidate candidate(const TestCrate &crate, const QString &indexUrl)
    {
        return CratePreflight::inspect(crate.crateBytes(), crate.name + u'-' + crate.vers + u".crate"_s, {indexUrl, u"local"_s});
    }

    static PublishCandidate checkOnFeed(RegistryClient *client, const PublishCandidate &local)
    {
        PublishPreflight preflight(client);
        QSignalSpy checked(&preflight, &PublishPreflight::checked);
        const int ticket = preflight.checkAgainstFeed(local);
        if (!checked.wait(10000))
            return {};
        return checked.first().at(0).toInt() == ticket ? checked.first().at(1).value<PublishCandidate>() : PublishCandidate();
    }

    static QList<Stage> publishAndWait(CratePublisher &publisher)
    {
        QList<Stage> stages;
        connect(&publisher, &CratePublisher::stageChanged, &publisher, [&stages](Stage stage) { stages << stage; });
        QSignalSpy finished(&publisher, &CratePublisher::finished);
        publisher.start();
        if (!publisher.isFinished())
            finished.wait(20000);
        return stages;
    }

    void configRoute(FaultServer &server, const QString &prefix)
    {
        server.setRoute(prefix + u"config.json"_s,
                        {FaultServer::Response::ok("{\"dl\":\"" + server.url(u"/dl"_s).toEncoded() + "\",\"api\":\""
                                                   + server.baseUrl().toEncoded() + "\"}")});
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qRegisterMetaType<PublishCandidate>();
        m_http = std::make_unique<HttpClient>(&m_nam);
        m_http->setRetryBaseDelay(20);
    }

    void publishesAndReportsUploadedThenVisible()
    {
        startFeed();
        auto client = localClient(m_token);
        TestCrate crate(u"publish_me"_s, u"0.1.0"_s);
        crate.padding = QByteArray(300000, 'x'); // several upload progress steps
        const PublishCandidate local = candidate(crate, m_feed->indexUrl().toString());
        QVERIFY2(local.canPublish(), qPrintable(findingsText(local)));
        const PublishCandidate checked = checkOnFeed(client.get(), local);
        QVERIFY(checked.feedChecked);
        QVERIFY2(checked.findings.isEmpty(), qPrintable(findingsText(checked)));

        CratePublisher publisher(client.get(), checked);
        QSignalSpy progress(&publisher, &CratePublisher::uploadProgress);
        const QList<Stage> stages = publishAndWait(publisher);
        QCOMPARE(stages, (QList<Stage>{Stage::Uploading, Stage::WaitingForIndex, Stage::Visible}));
        QVERIFY(!publisher.error());
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last().at(0).toLongLong(), progress.last().at(1).toLongLong());
        QVERIFY(progress.last().at(1).toLongLong() > qint64(local.archive->crateBytes().size()));

        // What the feed stored is exactly the crate, under cargo's metadata.
        const auto versions = m_feed->store()->indexFile(u"publish_me"_s).value_or(FeedStore::IndexFile{}).body;
        QVERIFY(versions.contains("\"vers\":\"0.1.0\""));
    }

    void preflightSeesVersionsAlreadyPublished_data()
    {
        QTest::addColumn<QString>("published");
        QTest::addColumn<QString>("attempt");
        QTest::addColumn<bool>("refused");
        QTest::newRow("same version") << u"1.0.0"_s << u"1.0.0"_s << true;
        QTest::newRow("differs only in build metadata") << u"1.0.0+linux"_s << u"1.0.0+mac"_s << true;
        QTest::newRow("build metadata added") << u"1.0.0"_s << u"1.0.0+b1"_s << true;
        QTest::newRow("pre-release is another version") << u"1.0.0"_s << u"1.0.0-rc.1"_s << false;
        QTest::newRow("next patch") << u"1.0.0"_s << u"1.0.1"_s << false;
    }

    void preflightSeesVersionsAlreadyPublished()
    {
        QFETCH(QString, published);
        QFETCH(QString, attempt);
        QFETCH(bool, refused);
        startFeed();
        auto client = localClient(m_token);
        CratePublisher first(client.get(), candidate(TestCrate(u"dup"_s, published), m_feed->indexUrl().toString()));
        QCOMPARE(publishAndWait(first).last(), Stage::Visible);

        const PublishCandidate again = checkOnFeed(client.get(), candidate(TestCrate(u"dup"_s, attempt), m_feed->indexUrl().toString()));
        QVERIFY(again.feedChecked);
        QCOMPARE(hasFinding(again, Check::AlreadyPublished, Severity::Error), refused);
        if (refused) {
            QVERIFY2(findingsText(again).contains(u"dup@%1 is already in local"_s.arg(attempt)), qPrintable(findingsText(again)));
            // A refused candidate is never sent: the publisher fails before any request.
            CratePublisher second(client.get(), again);
            QCOMPARE(publishAndWait(second), QList<Stage>{Stage::Failed});
        }
    }

    void localFindings_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("targetIndex");
        QTest::addColumn<qint64>("maxSize");
        QTest::addColumn<PreflightFinding::Check>("check");
        QTest::addColumn<PreflightFinding::Severity>("severity");
        QTest::addColumn<QString>("message");

        const QString local = u"http://127.0.0.1:9/"_s;
        const QString cratesIo = u"sparse+https://index.crates.io/"_s;
        QTest::newRow("not gzip") << QByteArray("PK\x03\x04 zip file") << local << qint64(1 << 20) << Check::Archive << Severity::Error
                                  << u"gzip"_s;
        TestCrate renamed(u"folder_name"_s, u"0.1.0"_s, u"other_name"_s);
        QTest::newRow("manifest names another crate") << renamed.crateBytes() << local << qint64(1 << 20) << Check::TopFolder
                                                      << Severity::Error << u"Cargo.toml describes other_name 0.1.0"_s;
        TestCrate unlicensed(u"unlicensed"_s, u"0.1.0"_s);
        unlicensed.license.clear();
        QTest::newRow("no license is a warning") << unlicensed.crateBytes() << local << qint64(1 << 20) << Check::License
                                                 << Severity::Warning << u"neither `license` nor `license-file`"_s;
        TestCrate big(u"big"_s, u"0.1.0"_s);
        QByteArray noise(200000, Qt::Uninitialized);
        QRandomGenerator random(42); // random bytes do not compress
        random.fillRange(reinterpret_cast<quint32 *>(noise.data()), noise.size() / 4);
        big.padding = noise;
        QTest::newRow("over the size limit") << big.crateBytes() << local << qint64(50000) << Check::Size << Severity::Error
                                             << u"more than the"_s;
        TestCrate privateCrate(u"private_one"_s, u"0.1.0"_s);
        privateCrate.extraManifest = "publish = false\n";
        QTest::newRow("publish = false") << privateCrate.crateBytes() << local << qint64(1 << 20) << Check::PublishList
                                         << Severity::Error << u"publish = false"_s;
        TestCrate elsewhere(u"elsewhere"_s, u"0.1.0"_s);
        elsewhere.extraManifest = "publish = [\"company\"]\n";
        QTest::newRow("publish list without this registry") << elsewhere.crateBytes() << local << qint64(1 << 20) << Check::PublishList
                                                            << Severity::Error << u"only to company, not to local"_s;
        TestCrate foreign(u"foreign_dep"_s, u"0.1.0"_s);
        foreign.extraManifest = "[dependencies.inhouse]\nversion = \"1\"\nregistry-index = \"sparse+https://feeds.example.com/cargo/\"\n";
        QTest::newRow("crates.io refuses other registries") << foreign.crateBytes() << cratesIo << qint64(1 << 20) << Check::Registry
                                                            << Severity::Error << u"inhouse (from sparse+https://feeds.example.com/cargo/)"_s;
        TestCrate badVersion(u"bad_version"_s, u"1.0"_s);
        QTest::newRow("version is not semver") << badVersion.crateBytes() << local << qint64(1 << 20) << Check::Archive
                                               << Severity::Error << u"bad_version-1.0"_s;
    }

    void localFindings()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, targetIndex);
        QFETCH(qint64, maxSize);
        QFETCH(PreflightFinding::Check, check);
        QFETCH(PreflightFinding::Severity, severity);
        QFETCH(QString, message);
        const PublishCandidate result = CratePreflight::inspect(bytes, u"dropped.crate"_s, {targetIndex, u"local"_s, maxSize});
        QVERIFY2(hasFinding(result, check, severity), qPrintable(findingsText(result)));
        QVERIFY2(findingsText(result).contains(message), qPrintable(findingsText(result)));
        QCOMPARE(result.canPublish(), severity == Severity::Warning);
    }

    void otherRegistriesAreFineForOtherFeeds()
    {
        TestCrate foreign(u"foreign_dep"_s, u"0.1.0"_s);
        foreign.extraManifest = "[dependencies.inhouse]\nversion = \"1\"\nregistry-index = \"sparse+https://feeds.example.com/cargo/\"\n";
        const PublishCandidate result = CratePreflight::inspect(foreign.crateBytes(), u"x.crate"_s, {u"http://127.0.0.1:9/"_s, {}});
        QVERIFY2(result.canPublish(), qPrintable(findingsText(result)));
        QCOMPARE(result.metadata->deps.size(), 1);
        QCOMPARE(result.metadata->deps[0].registry, std::optional<QString>(u"sparse+https://feeds.example.com/cargo/"_s));
    }

    void credentialsProblemsSayWhatToDo_data()
    {
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<RegistryError::Kind>("kind");
        QTest::addColumn<QString>("message");
        QTest::newRow("no token") << QByteArray() << RegistryError::Kind::AuthRequired << u"the feed local needs a token: add one to the feed"_s;
        QTest::newRow("wrong token") << QByteArray("not-a-token") << RegistryError::Kind::Forbidden
                                     << u"the feed local does not allow this token to do that: use a token with that permission"_s;
    }

    void credentialsProblemsSayWhatToDo()
    {
        QFETCH(QByteArray, token);
        QFETCH(RegistryError::Kind, kind);
        QFETCH(QString, message);
        startFeed();
        auto client = localClient(token);
        CratePublisher publisher(client.get(), candidate(TestCrate(u"nokey"_s, u"0.1.0"_s), m_feed->indexUrl().toString()));
        QCOMPARE(publishAndWait(publisher), (QList<Stage>{Stage::Uploading, Stage::Failed}));
        QCOMPARE(publisher.error().kind, kind);
        QVERIFY2(publisher.error().message.contains(message), qPrintable(publisher.error().message));
        QVERIFY(!publisher.error().message.contains(QString::fromLatin1(m_token)));
    }

    void serverWarningsAndErrors()
    {
        FaultServer server;
        QVERIFY(server.isListening());
        configRoute(server, u"/index/"_s);
        server.setRoute("PUT", u"/api/v1/crates/new"_s,
                        {FaultServer::Response::make(400, "{\"errors\":[{\"detail\":\"crate `warned` is reserved\"}]}", "application/json"),
                         FaultServer::Response::ok("{\"warnings\":{\"invalid_categories\":[\"bogus-cat\"],\"invalid_badges\":[],\"other\":[\"hello from server\"]}}")});
        server.setRoute(u"/index/wa/rn/warned"_s, {FaultServer::Response::ok(indexLine(u"warned"_s, u"0.3.0"_s), "text/plain")});
        auto client = faultClient(server, u"/index/"_s);
        const PublishCandidate item = candidate(TestCrate(u"warned"_s, u"0.3.0"_s), server.url(u"/index/"_s).toString());

        CratePublisher refused(client.get(), item);
        QCOMPARE(publishAndWait(refused).last(), Stage::Failed);
        QCOMPARE(refused.error().httpStatus, 400);
        QVERIFY2(refused.error().message.contains(u"crate `warned` is reserved"_s), qPrintable(refused.error().message));
        QCOMPARE(server.requestCount(u"/api/v1/crates/new"_s), 1); // never retried

        CratePublisher accepted(client.get(), item);
        QCOMPARE(publishAndWait(accepted).last(), Stage::Visible);
        QCOMPARE(accepted.warnings(), (QStringList{u"the following are not valid category slugs and were ignored: bogus-cat"_s,
                                                   u"hello from server"_s}));
        const FaultServer::Request put = server.requests(u"/api/v1/crates/new"_s).last();
        QCOMPARE(put.header("Authorization"), QByteArray("secret-token"));
        const auto body = PublishMetadata::unframe(put.body);
        QVERIFY(body);
        QCOMPARE(body->crate, item.archive->crateBytes());
        QCOMPARE(body->json, item.metadata->toJson());
    }

    void indexThatLagsEndsAsUploadedNotVisible()
    {
        FaultServer server;
        configRoute(server, u"/index/"_s);
        server.setRoute("PUT", u"/api/v1/crates/new"_s, {FaultServer::Response::ok("{}")});
        server.setRoute(u"/index/3/l/lag"_s, {FaultServer::Response::make(404, "not found")});
        auto client = faultClient(server, u"/index/"_s);
        CratePublisher publisher(client.get(), candidate(TestCrate(u"lag"_s, u"0.1.0"_s), server.url(u"/index/"_s).toString()));
        publisher.setVisibilityTimeout(400);
        publisher.setPollInterval(50);
        QCOMPARE(publishAndWait(publisher), (QList<Stage>{Stage::Uploading, Stage::WaitingForIndex, Stage::NotVisible}));
        QCOMPARE(publisher.error().kind, RegistryError::Kind::Timeout);
        QVERIFY(publisher.error().message.contains(u"lag@0.1.0 was uploaded"_s));
        QVERIFY(server.requestCount(u"/index/3/l/lag"_s) >= 3);
    }

    void cancelStopsTheUpload()
    {
        FaultServer server;
        configRoute(server, u"/index/"_s);
        server.setRoute("PUT", u"/api/v1/crates/new"_s, {FaultServer::Response::delayed(10000, FaultServer::Response::ok("{}"))});
        auto client = faultClient(server, u"/index/"_s);
        CratePublisher publisher(client.get(), candidate(TestCrate(u"slow"_s, u"0.1.0"_s), server.url(u"/index/"_s).toString()));
        QSignalSpy finished(&publisher, &CratePublisher::finished);
        publisher.start();
        QTRY_VERIFY(server.requestCount(u"/api/v1/crates/new"_s) == 1);
        publisher.cancel();
        QVERIFY(finished.count() == 1 || finished.wait(5000));
        QCOMPARE(publisher.stage(), Stage::Cancelled);
        QCOMPARE(publisher.error().kind, RegistryError::Kind::Cancelled);
        QCOMPARE(finished.count(), 1);
    }

    // The body is framed on a worker; a cancel before it is ready sends nothing at all. The
    // pool's threads are kept busy until after the cancel: a small crate is otherwise framed
    // before start() attaches its continuation, which then runs inside start() and uploads.
    void cancelBeforeTheBodyIsReadySendsNothing()
    {
        FaultServer server;
        configRoute(server, u"/index/"_s);
        server.setRoute("PUT", u"/api/v1/crates/new"_s, {FaultServer::Response::ok("{}")});
        auto client = faultClient(server, u"/index/"_s);
        CratePublisher publisher(client.get(), candidate(TestCrate(u"early"_s, u"0.1.0"_s), server.url(u"/index/"_s).toString()));
        QSignalSpy finished(&publisher, &CratePublisher::finished);
        QSemaphore poolHeld;
        QThreadPool *pool = QThreadPool::globalInstance();
        const int threads = pool->maxThreadCount();
        for (int i = 0; i < threads; ++i)
            pool->start([&poolHeld] { poolHeld.acquire(); });
        publisher.start();
        const Stage started = publisher.stage();
        publisher.cancel();
        const Stage cancelled = publisher.stage();
        const qsizetype finishedOnCancel = finished.count();
        poolHeld.release(threads); // before any check can return, or the pool never drains
        QCOMPARE(started, Stage::Uploading);
        QCOMPARE(cancelled, Stage::Cancelled);
        QCOMPARE(finishedOnCancel, 1);
        QVERIFY(pool->waitForDone(10000)); // the framed body is back,
        QCoreApplication::sendPostedEvents(); // and its continuation has run
        QCOMPARE(server.requestCount(u"/api/v1/crates/new"_s), 0);
        QCOMPARE(publisher.stage(), Stage::Cancelled);
        QCOMPARE(finished.count(), 1);
    }

    void proGetUploadSendsTheRawCrateWithItsApiKey()
    {
        FaultServer server;
        configRoute(server, u"/cargo/internal/"_s);
        server.setRoute("PUT", u"/api/packages/internal/upload"_s, {FaultServer::Response::make(200)});
        server.setRoute(u"/cargo/internal/pr/og/proget_crate"_s, {FaultServer::Response::ok(indexLine(u"proget_crate"_s, u"2.0.0"_s), "text/plain")});
        auto client = faultClient(server, u"/cargo/internal/"_s);
        const PublishCandidate item = candidate(TestCrate(u"proget_crate"_s, u"2.0.0"_s), server.url(u"/cargo/internal/"_s).toString());
        CratePublisher publisher(client.get(), item);
        publisher.setRoute(CratePublisher::Route::ProGetUpload);
        QCOMPARE(publishAndWait(publisher).last(), Stage::Visible);
        const FaultServer::Request put = server.requests(u"/api/packages/internal/upload"_s).value(0);
        QCOMPARE(put.method, QByteArray("PUT"));
        QCOMPARE(put.header("X-ApiKey"), QByteArray("secret-token"));
        QVERIFY(!put.hasHeader("Authorization"));
        QCOMPARE(put.header("Content-Type"), QByteArray("application/octet-stream"));
        QCOMPARE(put.body, item.archive->crateBytes());
        QCOMPARE(server.requestCount(u"/api/v1/crates/new"_s), 0);
    }

    void publishOrder_data()
    {
        QTest::addColumn<QStringList>("crates"); // "name:dep,dep" with ~dep for a dev-dependency
        QTest::addColumn<QStringList>("order");
        QTest::newRow("independent keep their order") << QStringList{u"a:"_s, u"b:"_s, u"c:"_s} << QStringList{u"a"_s, u"b"_s, u"c"_s};
        QTest::newRow("dependency first") << QStringList{u"app:lib"_s, u"lib:"_s} << QStringList{u"lib"_s, u"app"_s};
        QTest::newRow("chain") << QStringList{u"top:mid"_s, u"mid:base"_s, u"base:"_s, u"other:"_s}
                               << QStringList{u"base"_s, u"mid"_s, u"top"_s, u"other"_s};
        QTest::newRow("dev-dependency cycle is ignored") << QStringList{u"x:~y"_s, u"y:x"_s} << QStringList{u"x"_s, u"y"_s};
        QTest::newRow("dash and underscore are one name") << QStringList{u"app:my-lib"_s, u"my_lib:"_s} << QStringList{u"my_lib"_s, u"app"_s};
        QTest::newRow("not in the batch") << QStringList{u"app:serde"_s, u"lib:"_s} << QStringList{u"app"_s, u"lib"_s};
    }

    void publishOrder()
    {
        QFETCH(QStringList, crates);
        QFETCH(QStringList, order);
        QList<PublishCandidate> candidates;
        for (const QString &spec : std::as_const(crates)) {
            const QStringList parts = spec.split(u':');
            PublishMetadata meta;
            meta.name = parts[0];
            meta.vers = u"1.0.0"_s;
            for (const QString &dep : parts[1].split(u',', Qt::SkipEmptyParts)) {
                PublishMetadata::Dependency d;
                d.name = dep.startsWith(u'~') ? dep.mid(1) : dep;
                d.kind = dep.startsWith(u'~') ? u"dev"_s : u"normal"_s;
                meta.deps.append(d);
            }
            PublishCandidate c;
            c.metadata = meta;
            candidates.append(c);
        }
        QStringList names;
        for (int i : PublishQueue::publishOrder(candidates))
            names << candidates[i].name();
        QCOMPARE(names, order);
    }

    void queuePublishesDependenciesFirstAndContinuesPastFailures()
    {
        startFeed();
        auto client = localClient(m_token);
        const QString index = m_feed->indexUrl().toString();
        TestCrate app(u"batch_app"_s, u"1.0.0"_s);
        app.extraManifest = "[dependencies.batch_lib]\nversion = \"0.2\"\nregistry-index = \"sparse+" + index.toUtf8() + "\"\n";
        const QList<PublishCandidate> batch{candidate(app, index), candidate(TestCrate(u"batch_lib"_s, u"0.2.0"_s), index),
                                            CratePreflight::inspect(QByteArray("junk"), u"junk.crate"_s, {index, {}}),
                                            candidate(TestCrate(u"batch_tail"_s, u"0.1.0"_s), index)};
        PublishQueue queue(client.get());
        queue.setPollInterval(50);
        queue.setCandidates(batch);
        QStringList order;
        for (const PublishItem &item : queue.items())
            order << item.candidate.label();
        QCOMPARE(order, (QStringList{u"batch_lib@0.2.0"_s, u"batch_app@1.0.0"_s, u"junk.crate"_s, u"batch_tail@0.1.0"_s}));

        QSignalSpy finished(&queue, &PublishQueue::finished);
        QStringList visibleOrder;
        connect(&queue, &PublishQueue::itemChanged, &queue, [&](int row) {
            if (queue.items()[row].stage == Stage::Visible)
                visibleOrder << queue.items()[row].candidate.name();
        });
        queue.start();
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.count(), 1);
        QCOMPARE(visibleOrder, (QStringList{u"batch_lib"_s, u"batch_app"_s, u"batch_tail"_s}));
        QCOMPARE(queue.items()[2].stage, Stage::Failed);
        QVERIFY2(queue.items()[2].error.message.contains(u"junk.crate"_s), qPrintable(queue.items()[2].error.message));
        QVERIFY(!queue.isRunning());

        // The dependent's index line points at the dependency in the same feed.
        QVERIFY(m_feed->store()->indexFile(u"batch_app"_s).value_or(FeedStore::IndexFile{}).body.contains("\"name\":\"batch_lib\""));

        // A failed item can be retried; here it fails again, on its own.
        queue.retry(2);
        QVERIFY(finished.wait(10000));
        QCOMPARE(queue.items()[2].stage, Stage::Failed);
        QCOMPARE(queue.items()[0].stage, Stage::Visible);
    }

    void cancellingTheQueueCancelsWhatWaits()
    {
        FaultServer server;
        configRoute(server, u"/index/"_s);
        server.setRoute("PUT", u"/api/v1/crates/new"_s, {FaultServer::Response::delayed(10000, FaultServer::Response::ok("{}"))});
        auto client = faultClient(server, u"/index/"_s);
        const QString index = server.url(u"/index/"_s).toString();
        PublishQueue queue(client.get());
        queue.setCandidates({candidate(TestCrate(u"one"_s, u"0.1.0"_s), index), candidate(TestCrate(u"two"_s, u"0.1.0"_s), index)});
        QSignalSpy finished(&queue, &PublishQueue::finished);
        queue.start();
        QTRY_COMPARE(server.requestCount(u"/api/v1/crates/new"_s), 1);
        queue.cancel();
        QVERIFY(finished.wait(5000));
        QCOMPARE(queue.items()[0].stage, Stage::Cancelled);
        QCOMPARE(queue.items()[1].stage, Stage::Cancelled);
        QCOMPARE(server.requestCount(u"/api/v1/crates/new"_s), 1);
    }
};

QTEST_GUILESS_MAIN(TestCratePublisher)
#include "tst_cratepublisher.moc"
