// SPDX-License-Identifier: GPL-3.0-or-later
// PublishQueueModel fed by the real PublishPreflight and PublishQueue, publishing over HTTP to
// a LocalFeed (and to a FaultServer where a slow upload must be caught in the middle).
#include "faultserver.h"
#include "localfeed/localfeed.h"
#include "itemmodels/publishqueuemodel.h"
#include "localtestfeed.h"
#include "modeldump.h"
#include "net/httpclient.h"
#include "crate/cratepreflight.h"
#include "publish/publishqueue.h"
#include "publish/publishsession.h"
#include "registry/registryclient.h"
#include "testcrate.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using State = PublishRoles::State;

class TestPublishQueueModel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QNetworkAccessManager m_nam;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<LocalFeed> m_feed;
    QByteArray m_token;
    int m_count = 0;

    void startFeed()
    {
        m_feed.reset();
        FeedServerOptions options;
        options.dataDir = m_dir.filePath(u"feed-%1"_s.arg(++m_count));
        TestSupport::StartedFeed started = TestSupport::startLocalFeed(options);
        QVERIFY2(started.error.isEmpty(), qPrintable(started.error));
        m_feed = std::move(started.feed);
        m_token = started.token;
    }

    std::unique_ptr<RegistryClient> client(const QUrl &indexUrl, const QByteArray &token)
    {
        Feed feed;
        feed.name = u"local"_s;
        feed.indexUrl = indexUrl;
        feed.auth = Feed::AuthKind::Token;
        auto c = std::make_unique<RegistryClient>(feed, m_http.get(), nullptr, nullptr);
        c->setCredential(token);
        return c;
    }

    // "name version [nolicense] [existing] [junk] [dep:other]" -> a file in the temporary dir.
    QString makeFile(const QString &spec, RegistryClient *registry)
    {
        const QStringList parts = spec.split(u' ');
        const QString dir = m_dir.filePath(u"files-%1"_s.arg(++m_count));
        QDir().mkpath(dir);
        if (parts.contains(u"junk"_s)) {
            QFile file(dir + u"/"_s + parts[0]);
            if (!file.open(QIODevice::WriteOnly))
                return {};
            file.write("this is not a gzip archive");
            return file.fileName();
        }
        TestCrate crate(parts[0], parts[1]);
        if (parts.contains(u"nolicense"_s))
            crate.license.clear();
        for (const QString &part : parts) {
            if (part.startsWith(u"dep:"_s)) {
                crate.extraManifest += "[dependencies." + part.mid(4).toUtf8() + "]\nversion = \"*\"\nregistry-index = \"sparse+"
                    + m_feed->indexUrl().toString().toUtf8() + "\"\n";
            }
        }
        if (parts.contains(u"existing"_s)) {
            CratePublisher publisher(registry, CratePreflight::inspect(crate.crateBytes(), u"x.crate"_s, {m_feed->indexUrl().toString(), {}}));
            QSignalSpy finished(&publisher, &CratePublisher::finished);
            publisher.start();
            if (!publisher.isFinished())
                finished.wait(10000);
            if (publisher.stage() != CratePublisher::Stage::Visible)
                return {};
        }
        QFile file(u"%1/%2-%3.crate"_s.arg(dir, parts[0], parts[1]));
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(crate.crateBytes());
        return file.fileName();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qRegisterMetaType<PublishCandidate>();
        m_http = std::make_unique<HttpClient>(&m_nam);
        m_http->setRetryBaseDelay(20);
    }

    void preflightThenBatch_data()
    {
        QTest::addColumn<QStringList>("files");
        QTest::addColumn<QStringList>("checked");
        QTest::addColumn<QStringList>("published");
        QTest::addColumn<QString>("summary");

        QTest::newRow("one crate") << QStringList{u"alpha 0.1.0"_s} << QStringList{u"alpha 0.1.0 | Ready"_s}
                                   << QStringList{u"alpha 0.1.0 | Published, visible in the index"_s} << u"1 published"_s;
        QTest::newRow("a warning and an error")
            << QStringList{u"warned 0.1.0 nolicense"_s, u"dupe 1.0.0 existing"_s}
            << QStringList{u"warned 0.1.0 | Ready, 1 warning"_s, u"dupe 1.0.0 | Cannot be published"_s}
            << QStringList{u"warned 0.1.0 | Published, visible in the index"_s, u"dupe 1.0.0 | Cannot be published"_s}
            << u"1 published, 1 cannot be published"_s;
        QTest::newRow("dependencies first, in the batch's places")
            << QStringList{u"app 1.0.0 dep:lib"_s, u"dupe 1.0.0 existing"_s, u"other 0.1.0"_s, u"lib 0.2.0"_s}
            << QStringList{u"app 1.0.0 | Ready"_s, u"dupe 1.0.0 | Cannot be published"_s, u"other 0.1.0 | Ready"_s, u"lib 0.2.0 | Ready"_s}
            << QStringList{u"lib 0.2.0 | Published, visible in the index"_s, u"dupe 1.0.0 | Cannot be published"_s,
                           u"app 1.0.0 | Published, visible in the index"_s, u"other 0.1.0 | Published, visible in the index"_s}
            << u"3 published, 1 cannot be published"_s;
        QTest::newRow("not a crate") << QStringList{u"junk.crate junk"_s, u"beta 0.1.0"_s}
                                     << QStringList{u"junk.crate | Cannot be published"_s, u"beta 0.1.0 | Ready"_s}
                                     << QStringList{u"junk.crate | Cannot be published"_s, u"beta 0.1.0 | Published, visible in the index"_s}
                                     << u"1 published, 1 cannot be published"_s;
    }

    void preflightThenBatch()
    {
        QFETCH(QStringList, files);
        QFETCH(QStringList, checked);
        QFETCH(QStringList, published);
        QFETCH(QString, summary);
        startFeed();
        auto registry = client(m_feed->indexUrl(), m_token);
        PublishSession session(registry.get());
        PublishQueue &queue = *session.queue();
        queue.setPollInterval(50);
        PublishQueueModel model(&session);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);

        QStringList paths;
        for (const QString &spec : std::as_const(files)) {
            paths << makeFile(spec, registry.get());
            QVERIFY2(!paths.constLast().isEmpty(), qPrintable(spec));
        }
        QVERIFY(session.addFiles(paths).isEmpty());
        for (const QString &path : std::as_const(paths))
            QVERIFY(model.containsPath(path));
        QCOMPARE(session.addFiles(paths), paths); // each file once
        QCOMPARE(model.rowCount(), files.size());
        QCOMPARE(model.index(0, PublishQueueModel::StatusColumn).data().toString(), u"Checking…"_s);
        QTRY_COMPARE_WITH_TIMEOUT(model.checkingCount(), 0, 10000);
        QCOMPARE(ModelDump::dump(model), checked);

        // Errors say why; a row keeps its file name while the archive is unreadable.
        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex index = model.index(row, 0);
            const auto state = State(index.data(PublishRoles::StateRole).toInt());
            QCOMPARE(index.data(PublishRoles::Errors).toStringList().isEmpty(), state != State::Blocked);
            if (state == State::Blocked)
                QCOMPARE(index.data(PublishRoles::Message).toString(), index.data(PublishRoles::Errors).toStringList().first());
        }

        const QPersistentModelIndex firstRow = model.index(0, 0);
        const QString firstPath = firstRow.data(PublishRoles::Path).toString();
        QSignalSpy finished(&queue, &PublishQueue::finished);
        QVERIFY(session.start());
        QCOMPARE(firstRow.data(PublishRoles::Path).toString(), firstPath); // followed its row when reordered
        QVERIFY(finished.wait(30000));
        QCOMPARE(ModelDump::dump(model), published);
        QCOMPARE(model.summary(), summary);
        QVERIFY(session.publishable().isEmpty()); // nothing goes twice
        QVERIFY(!session.start());
    }

    void cancelAndRetry()
    {
        FaultServer server;
        QVERIFY(server.isListening());
        server.setRoute(u"/index/config.json"_s,
                        {FaultServer::Response::ok("{\"dl\":\"" + server.url(u"/dl"_s).toEncoded() + "\",\"api\":\""
                                                   + server.baseUrl().toEncoded() + "\"}")});
        server.setRoute("PUT", u"/api/v1/crates/new"_s, {FaultServer::Response::delayed(20000, FaultServer::Response::ok("{}"))});
        auto registry = client(server.url(u"/index/"_s), "secret");
        PublishSession session(registry.get());
        PublishQueue &queue = *session.queue();
        queue.setPollInterval(50);
        PublishQueueModel model(&session);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);

        const QString dir = m_dir.filePath(u"slow"_s);
        QDir().mkpath(dir);
        QStringList paths;
        for (const QString &name : {u"slow_one"_s, u"slow_two"_s}) {
            QFile file(dir + u'/' + name + u"-0.1.0.crate"_s);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(TestCrate(name, u"0.1.0"_s).crateBytes());
            paths << file.fileName();
        }
        session.addFiles(paths);
        QTRY_COMPARE_WITH_TIMEOUT(model.checkingCount(), 0, 10000);
        QCOMPARE(session.publishable().size(), 2);

        QVERIFY(session.start());
        QTRY_COMPARE(server.requestCount(u"/api/v1/crates/new"_s), 1);
        QTRY_COMPARE(model.state(0), State::Uploading);
        QCOMPARE(model.index(0, 0).data(PublishRoles::CanCancel).toBool(), true);
        QCOMPARE(model.index(0, PublishQueueModel::ActionColumn).data().toString(), u"Cancel"_s);
        QVERIFY(model.index(0, 0).data(PublishRoles::Percent).toInt() >= 0);
        QCOMPARE(model.state(1), State::Waiting);
        QVERIFY(!model.removeEntry(0)); // busy rows stay

        QSignalSpy finished(&queue, &PublishQueue::finished);
        queue.cancelItem(1);
        QCOMPARE(model.state(1), State::Cancelled);
        queue.cancelItem(0);
        QVERIFY(finished.count() == 1 || finished.wait(5000));
        QCOMPARE(ModelDump::dump(model), (QStringList{u"slow_one 0.1.0 | Cancelled | Retry"_s, u"slow_two 0.1.0 | Cancelled | Retry"_s}));
        QCOMPARE(model.index(1, 0).data(PublishRoles::CanRetry).toBool(), true);
        QCOMPARE(model.index(1, 0).data(PublishRoles::CanCancel).toBool(), false);
        QCOMPARE(model.summary(), u"2 cancelled"_s);

        // The server answers now; a retried item goes through and the other stays cancelled.
        server.setRoute("PUT", u"/api/v1/crates/new"_s, {FaultServer::Response::ok("{}")});
        server.setRoute(u"/index/sl/ow/slow_two"_s,
                        {FaultServer::Response::ok("{\"name\":\"slow_two\",\"vers\":\"0.1.0\",\"deps\":[],\"cksum\":\""
                                                   + QByteArray(64, 'a') + "\",\"features\":{},\"yanked\":false}\n", "text/plain")});
        queue.retry(1);
        QVERIFY(finished.wait(10000));
        QCOMPARE(model.state(1), State::Visible);
        QCOMPARE(model.state(0), State::Cancelled);
        QCOMPARE(model.summary(), u"1 published, 1 cancelled"_s);
        QVERIFY(model.removeEntry(0));
        QCOMPARE(model.rowCount(), 1);
    }

    void previewEntryFromMetadata()
    {
        TestCrate crate(u"previewed"_s, u"1.2.3"_s);
        crate.extraManifest = "[dependencies.serde_alias]\npackage = \"serde\"\nversion = \"1\"\noptional = true\n"
                              "[build-dependencies]\ncc = \"1.0\"\n[features]\nfast = [\"dep:serde_alias\"]\n";
        const PublishCandidate candidate = CratePreflight::inspect(crate.crateBytes(), u"p.crate"_s, {u"http://127.0.0.1:9/"_s, {}});
        QVERIFY(candidate.metadata);
        const IndexEntry entry = PublishQueueModel::previewEntry(candidate);
        QCOMPARE(entry.name, u"previewed"_s);
        QCOMPARE(entry.vers, u"1.2.3"_s);
        QCOMPARE(entry.deps.size(), 2);
        const auto serde = std::find_if(entry.deps.begin(), entry.deps.end(), [](const IndexDependency &d) { return d.name == u"serde_alias"_s; });
        QVERIFY(serde != entry.deps.end());
        QCOMPARE(serde->packageName(), u"serde"_s);
        QVERIFY(serde->optional);
        QVERIFY(std::any_of(entry.deps.begin(), entry.deps.end(),
                            [](const IndexDependency &d) { return d.name == u"cc"_s && d.kind == IndexDependency::Kind::Build; }));
        QCOMPARE(entry.features.value(u"fast"_s), QStringList{u"dep:serde_alias"_s});
    }
};

QTEST_GUILESS_MAIN(TestPublishQueueModel)
#include "tst_publishqueuemodel.moc"
