// SPDX-License-Identifier: GPL-3.0-or-later
// The publish panel as a user drives it: .crate files dropped as QMimeData URLs, preflight
// against a real LocalFeed, Publish, and per-item Cancel and Retry against a FaultServer
// whose publish route answers late. Grabs the panel after preflight and in mid-batch.
#include "crate/cratepreflight.h"
#include "cratedropfilter.h"
#include "faultserver.h"
#include "localfeed/feedstore.h"
#include "localfeed/localfeed.h"
#include "itemmodels/dependencymodel.h"
#include "itemmodels/featuremodel.h"
#include "itemmodels/publishqueuemodel.h"
#include "messagebanner.h"
#include "publishpanel.h"
#include "publishpreview.h"
#include "net/httpclient.h"
#include "publish/publishqueue.h"
#include "publish/publishsession.h"
#include "registry/registryclient.h"
#include "screenshot.h"
#include "testcrate.h"

#include <QComboBox>
#include <QDropEvent>
#include <QFile>
#include <QMimeData>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Qt::Literals::StringLiterals;
using State = PublishRoles::State;

namespace {

QByteArray indexLine(const QString &name, const QString &vers)
{
    return "{\"name\":\"" + name.toUtf8() + "\",\"vers\":\"" + vers.toUtf8() + "\",\"deps\":[],\"cksum\":\"" + QByteArray(64, 'a')
        + "\",\"features\":{},\"yanked\":false}\n";
}

int rowOf(const PublishQueueModel *model, const QString &label)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(PublishRoles::Label).toString() == label)
            return row;
    }
    return -1;
}

} // namespace

class TestPublishPanel : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QNetworkAccessManager m_nam;
    std::unique_ptr<HttpClient> m_http;
    int m_count = 0;

    QString writeFile(const QString &name, const QByteArray &bytes)
    {
        const QString dir = m_dir.filePath(u"files-%1"_s.arg(++m_count));
        QDir().mkpath(dir);
        QFile file(dir + u'/' + name);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(bytes);
        return file.fileName();
    }

    QString writeCrate(const TestCrate &crate)
    {
        return writeFile(crate.name + u'-' + crate.vers + u".crate"_s, crate.crateBytes());
    }

    std::unique_ptr<RegistryClient> client(const QString &name, const QUrl &indexUrl, const QByteArray &token)
    {
        Feed feed;
        feed.name = name;
        feed.indexUrl = indexUrl;
        feed.auth = Feed::AuthKind::Token;
        auto c = std::make_unique<RegistryClient>(feed, m_http.get(), nullptr, nullptr);
        c->setCredential(token);
        return c;
    }

    static void drop(QWidget *target, const QStringList &paths)
    {
        QMimeData mime;
        QList<QUrl> urls;
        for (const QString &path : paths)
            urls << QUrl::fromLocalFile(path);
        mime.setUrls(urls);
        const QPoint pos = target->rect().center();
        QDragEnterEvent enter(pos, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(target, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent dropEvent(QPointF(pos), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(target, &dropEvent);
        QVERIFY(dropEvent.isAccepted());
    }

    static void clickAction(PublishPanel &panel, int row)
    {
        QTreeView *view = panel.view();
        const QRect rect = view->visualRect(panel.model()->index(row, PublishQueueModel::ActionColumn));
        QVERIFY(!rect.isEmpty());
        QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, rect.center());
    }

    // Layouts settle through posted events; a grab right after a change would show them half done.
    static void grab(QWidget *widget, const QString &name)
    {
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
        QVERIFY(saveScreenshot(widget, name));
    }

    static void configRoute(FaultServer &server, const QString &prefix, bool proGet = false)
    {
        FaultServer::Response config = FaultServer::Response::ok("{\"dl\":\"" + server.url(u"/dl"_s).toEncoded() + "\",\"api\":\""
                                                                 + server.baseUrl().toEncoded() + "\"}");
        if (proGet)
            config.withHeader("X-ProGet-Version", "2024.20");
        server.setRoute(prefix + u"config.json"_s, {config});
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        qRegisterMetaType<PublishCandidate>();
        m_http = std::make_unique<HttpClient>(&m_nam);
        m_http->setRetryBaseDelay(20);
    }

    void dropFilterKeepsOnlyLocalCrates_data()
    {
        QTest::addColumn<QList<QUrl>>("urls");
        QTest::addColumn<QStringList>("paths");
        QTest::addColumn<QStringList>("rejected");
        QTest::newRow("crates kept in order, twice once")
            << QList<QUrl>{QUrl::fromLocalFile(u"/data/b-1.0.0.crate"_s), QUrl::fromLocalFile(u"/data/a-2.0.0.CRATE"_s),
                           QUrl::fromLocalFile(u"/data/b-1.0.0.crate"_s)}
            << QStringList{u"/data/b-1.0.0.crate"_s, u"/data/a-2.0.0.CRATE"_s} << QStringList{};
        QTest::newRow("other files and remote crates are named")
            << QList<QUrl>{QUrl::fromLocalFile(u"/data/notes.txt"_s), QUrl(u"https://example.com/x-1.0.0.crate"_s),
                           QUrl::fromLocalFile(u"/data/ok-1.0.0.crate"_s)}
            << QStringList{u"/data/ok-1.0.0.crate"_s}
            << QStringList{u"notes.txt is not a .crate file; only .crate files can be published."_s,
                           u"https://example.com/x-1.0.0.crate is not a local file; download it first, then drop the .crate file."_s};
    }

    void dropFilterKeepsOnlyLocalCrates()
    {
        QFETCH(QList<QUrl>, urls);
        QFETCH(QStringList, paths);
        QFETCH(QStringList, rejected);
        QMimeData mime;
        mime.setUrls(urls);
        const CrateDropFilter::Result result = CrateDropFilter::crateFiles(&mime);
        QCOMPARE(result.paths, paths);
        QCOMPARE(result.rejected, rejected);
        QCOMPARE(CrateDropFilter::hasCrateFiles(&mime), !paths.isEmpty());
    }

    void dropPreflightAndPublish()
    {
        FeedServerOptions options;
        options.dataDir = m_dir.filePath(u"feed"_s);
        options.port = 0;
        LocalFeed feed(options);
        QVERIFY(!feed.start());
        QString token;
        QVERIFY(!feed.store()->createToken(u"alice"_s, &token));
        auto registry = client(u"local"_s, feed.indexUrl(), token.toLatin1());
        const QString index = feed.indexUrl().toString();

        // Already in the feed: preflight must refuse it.
        TestCrate dupe(u"dupe"_s, u"1.0.0"_s);
        {
            CratePublisher first(registry.get(), CratePreflight::inspect(dupe.crateBytes(), u"d.crate"_s, {index, {}}));
            QSignalSpy finished(&first, &CratePublisher::finished);
            first.start();
            QVERIFY(first.isFinished() || finished.wait(10000));
            QCOMPARE(first.stage(), CratePublisher::Stage::Visible);
        }
        TestCrate app(u"panel_app"_s, u"1.0.0"_s);
        app.description = u"The application, which needs panel_lib"_s;
        app.extraManifest = "[dependencies.panel_lib]\nversion = \"0.2\"\nregistry-index = \"sparse+" + index.toUtf8()
            + "\"\n[dependencies.serde]\nversion = \"1\"\noptional = true\n[dev-dependencies]\ntempfile = \"3\"\n"
              "[features]\ndefault = [\"std\"]\nstd = []\nserde = [\"dep:serde\"]\n";
        TestCrate lib(u"panel_lib"_s, u"0.2.0"_s);
        lib.description = u"The library"_s;
        TestCrate unlicensed(u"unlicensed"_s, u"0.3.0"_s);
        unlicensed.license.clear();
        const QStringList files{writeCrate(app), writeCrate(dupe), writeCrate(unlicensed), writeCrate(lib),
                                writeFile(u"notes.txt"_s, "not a crate")};

        PublishPanel panel(registry.get());
        panel.queue()->setPollInterval(50);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QCOMPARE(panel.windowTitle(), u"Publish to local"_s);
        QVERIFY(!panel.publishButton()->isEnabled());
        QVERIFY(!panel.routeChooser()->isVisible()); // not a ProGet feed

        drop(&panel, files);
        QVERIFY(panel.banner()->isVisible());
        QVERIFY2(panel.banner()->text().contains(u"notes.txt is not a .crate file"_s), qPrintable(panel.banner()->text()));
        QCOMPARE(panel.model()->rowCount(), 4);
        QVERIFY(!panel.publishButton()->isEnabled()); // preflight runs
        QTRY_COMPARE_WITH_TIMEOUT(panel.model()->checkingCount(), 0, 10000);
        QVERIFY(panel.publishButton()->isEnabled());
        QCOMPARE(panel.publishButton()->text(), u"Publish 3 Crates"_s);

        const int dupeRow = rowOf(panel.model(), u"dupe@1.0.0"_s);
        QCOMPARE(panel.model()->state(dupeRow), State::Blocked);
        QVERIFY(panel.model()->index(dupeRow, 0).data(PublishRoles::Message).toString().contains(u"dupe@1.0.0 is already in local"_s));
        const int warnedRow = rowOf(panel.model(), u"unlicensed@0.3.0"_s);
        QCOMPARE(panel.model()->state(warnedRow), State::ReadyWithWarnings);
        QCOMPARE(panel.summaryText(), u"3 ready to publish, 1 cannot be published."_s);

        panel.view()->setCurrentIndex(panel.model()->index(rowOf(panel.model(), u"panel_app@1.0.0"_s), 0));
        QCOMPARE(panel.preview()->title(), u"panel_app 1.0.0"_s);
        QCOMPARE(panel.preview()->license(), u"MIT"_s);
        QCOMPARE(panel.preview()->findings(), QStringList{u"Every check passed."_s});
        QCOMPARE(panel.preview()->dependencyModel()->rowCount(), 2); // normal and dev groups
        QVERIFY(panel.preview()->featureModel()->rowCount() >= 3);
        grab(&panel, u"publish-panel-preview"_s);

        panel.view()->setCurrentIndex(panel.model()->index(warnedRow, 0));
        QVERIFY(panel.preview()->findings().join(u' ').contains(u"license"_s));
        grab(&panel, u"publish-panel-preflight"_s);

        // Dropping the same files again adds nothing.
        drop(&panel, files.mid(0, 1));
        QCOMPARE(panel.model()->rowCount(), 4);
        QVERIFY(panel.banner()->text().contains(u"Already in the list: panel_app-1.0.0.crate"_s));

        QStringList visibleOrder;
        connect(panel.queue(), &PublishQueue::itemChanged, this, [&](int row) {
            if (panel.queue()->items()[row].stage == CratePublisher::Stage::Visible)
                visibleOrder << panel.queue()->items()[row].candidate.name();
        });
        QSignalSpy finished(&panel, &PublishPanel::batchFinished);
        QTest::mouseClick(panel.publishButton(), Qt::LeftButton);
        QVERIFY(panel.isPublishing());
        QVERIFY(panel.cancelButton()->isEnabled());
        QVERIFY(!panel.addFilesButton()->isEnabled());
        QVERIFY(finished.wait(30000));
        QCOMPARE(visibleOrder, (QStringList{u"panel_lib"_s, u"panel_app"_s, u"unlicensed"_s}));
        QCOMPARE(panel.model()->state(rowOf(panel.model(), u"dupe@1.0.0"_s)), State::Blocked);
        QCOMPARE(panel.summaryText(), u"Finished: 3 published, 1 cannot be published."_s);
        QVERIFY(!panel.publishButton()->isEnabled());
        QVERIFY(feed.store()->indexFile(u"panel_app"_s).has_value());
        grab(&panel, u"publish-panel-finished"_s);

        // Idle again: more files may come.
        drop(&panel, {writeCrate(TestCrate(u"late"_s, u"0.1.0"_s))});
        QCOMPARE(panel.model()->rowCount(), 5);
        QTRY_VERIFY_WITH_TIMEOUT(panel.publishButton()->isEnabled(), 10000);
    }

    void cancelRetryAndTheMiddleOfABatch()
    {
        FaultServer server;
        QVERIFY(server.isListening());
        configRoute(server, u"/index/"_s);
        // The first upload is answered at once, the later ones only after a long while.
        server.setRoute("PUT", u"/api/v1/crates/new"_s,
                        {FaultServer::Response::ok("{}"), FaultServer::Response::delayed(60000, FaultServer::Response::ok("{}"))});
        server.setRoute(u"/index/fi/rs/first"_s, {FaultServer::Response::make(404), FaultServer::Response::ok(indexLine(u"first"_s, u"1.0.0"_s), "text/plain")});
        auto registry = client(u"remote"_s, server.url(u"/index/"_s), "secret");
        PublishPanel panel(registry.get());
        panel.queue()->setPollInterval(50);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));

        TestCrate second(u"second"_s, u"1.0.0"_s);
        second.padding = QByteArray(400000, 'x');
        drop(&panel, {writeCrate(TestCrate(u"first"_s, u"1.0.0"_s)), writeCrate(second), writeCrate(TestCrate(u"third"_s, u"1.0.0"_s))});
        QTRY_COMPARE_WITH_TIMEOUT(panel.model()->checkingCount(), 0, 10000);
        QCOMPARE(panel.session()->publishable().size(), 3);
        QSignalSpy finished(&panel, &PublishPanel::batchFinished);
        panel.publish();

        QTRY_COMPARE_WITH_TIMEOUT(panel.model()->state(0), State::Visible, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(server.requestCount(u"/api/v1/crates/new"_s), 2, 10000);
        QTRY_COMPARE(panel.model()->index(1, 0).data(PublishRoles::Percent).toInt(), 100);
        QCOMPARE(panel.model()->state(1), State::Uploading);
        QCOMPARE(panel.model()->state(2), State::Waiting);
        panel.view()->setCurrentIndex(panel.model()->index(0, 0));
        grab(&panel, u"publish-panel-batch"_s);

        // No new files in the middle of a batch.
        panel.addFiles({writeCrate(TestCrate(u"fourth"_s, u"1.0.0"_s))});
        QCOMPARE(panel.model()->rowCount(), 3);
        QVERIFY(panel.banner()->text().contains(u"once the running batch has finished"_s));

        // Cancel on the uploading row; the queue moves on to the third, which Cancel All stops.
        clickAction(panel, 1);
        QTRY_COMPARE(panel.model()->state(1), State::Cancelled);
        QTRY_COMPARE(panel.model()->state(2), State::Uploading);
        QTest::mouseClick(panel.cancelButton(), Qt::LeftButton);
        QVERIFY(finished.count() == 1 || finished.wait(5000));
        QCOMPARE(panel.model()->state(2), State::Cancelled);
        QCOMPARE(panel.summaryText(), u"Finished: 1 published, 2 cancelled."_s);
        QVERIFY(!panel.banner()->isVisible()); // the notice about adding files no longer applies
        QCOMPARE(panel.model()->index(1, PublishQueueModel::ActionColumn).data().toString(), u"Retry"_s);

        // Retry goes through once the server answers.
        server.setRoute("PUT", u"/api/v1/crates/new"_s, {FaultServer::Response::ok("{\"warnings\":{\"other\":[\"hello from the server\"]}}")});
        server.setRoute(u"/index/se/co/second"_s, {FaultServer::Response::ok(indexLine(u"second"_s, u"1.0.0"_s), "text/plain")});
        clickAction(panel, 1);
        QVERIFY(panel.isPublishing());
        QVERIFY(finished.wait(10000));
        QCOMPARE(panel.model()->state(1), State::Visible);
        QVERIFY(panel.model()->index(1, 0).data(PublishRoles::Warnings).toStringList().join(u' ').contains(u"hello from the server"_s));
        QCOMPARE(panel.summaryText(), u"Finished: 2 published, 1 cancelled."_s);
        grab(&panel, u"publish-panel-retried"_s);
    }

    void failureShowsTheServersMessage()
    {
        FaultServer server;
        configRoute(server, u"/index/"_s);
        server.setRoute("PUT", u"/api/v1/crates/new"_s,
                        {FaultServer::Response::make(400, "{\"errors\":[{\"detail\":\"crate name `reserved` is reserved\"}]}", "application/json")});
        auto registry = client(u"remote"_s, server.url(u"/index/"_s), "secret");
        PublishPanel panel(registry.get());
        drop(&panel, {writeCrate(TestCrate(u"reserved"_s, u"1.0.0"_s))});
        QTRY_VERIFY_WITH_TIMEOUT(panel.publishButton()->isEnabled(), 10000);
        QSignalSpy finished(&panel, &PublishPanel::batchFinished);
        panel.publish();
        QVERIFY(finished.wait(10000));
        QCOMPARE(panel.model()->state(0), State::Failed);
        QVERIFY2(panel.model()->index(0, 0).data(PublishRoles::Message).toString().contains(u"crate name `reserved` is reserved"_s),
                 qPrintable(panel.model()->index(0, 0).data(PublishRoles::Message).toString()));
        QCOMPARE(panel.summaryText(), u"Finished: 1 failed."_s);
    }

    void proGetOffersItsUploadRoute()
    {
        FaultServer server;
        configRoute(server, u"/cargo/internal/"_s, true);
        server.setRoute("PUT", u"/api/packages/internal/upload"_s, {FaultServer::Response::make(200)});
        server.setRoute(u"/cargo/internal/pr/og/proget_crate"_s,
                        {FaultServer::Response::make(404), FaultServer::Response::ok(indexLine(u"proget_crate"_s, u"2.0.0"_s), "text/plain")});
        auto registry = client(u"internal"_s, server.url(u"/cargo/internal/"_s), "secret");
        PublishPanel panel(registry.get());
        panel.queue()->setPollInterval(50);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        drop(&panel, {writeCrate(TestCrate(u"proget_crate"_s, u"2.0.0"_s))});
        QTRY_VERIFY_WITH_TIMEOUT(panel.publishButton()->isEnabled(), 10000);
        QVERIFY(registry->isProGet());
        QVERIFY(panel.routeChooser()->isVisible());
        panel.routeChooser()->setCurrentIndex(panel.routeChooser()->findData(int(CratePublisher::Route::ProGetUpload)));
        QSignalSpy finished(&panel, &PublishPanel::batchFinished);
        panel.publish();
        QVERIFY(finished.wait(10000));
        QCOMPARE(panel.model()->state(0), State::Visible);
        QCOMPARE(server.requestCount(u"/api/packages/internal/upload"_s), 1);
        QCOMPARE(server.requestCount(u"/api/v1/crates/new"_s), 0);
    }
};

QTEST_MAIN(TestPublishPanel)
#include "tst_publishpanel.moc"
