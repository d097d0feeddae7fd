// SPDX-License-Identifier: GPL-3.0-or-later
// The main window against a real local feed: the crate list fills and filters as the user
// types, selecting a crate fills every tab, dropping .crate files starts their preflight,
// a yank asks first. Screenshots of the window with a crate open and with an error banner.
#include "activityarea.h"
#include "audit/lockfileaudit.h"
#include "itemmodels/lockfileauditmodel.h"
#include "lockfileauditwindow.h"
#include "cratedetailsview.h"
#include "faultserver.h"
#include "localfeed/localfeed.h"
#include "itemmodels/cratefilterproxymodel.h"
#include "itemmodels/cratelistmodel.h"
#include "itemmodels/dependencymodel.h"
#include "itemmodels/featuremodel.h"
#include "itemmodels/cratefiletreemodel.h"
#include "itemmodels/feedlistmodel.h"
#include "itemmodels/roles.h"
#include "itemmodels/versionlistmodel.h"
#include "localtestfeed.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include "publishpanel.h"
#include "itemmodels/publishqueuemodel.h"
#include "itemmodels/reversedependencymodel.h"
#include "browse/cratebrowser.h"
#include "registry/feedsessions.h"
#include "net/httpclient.h"
#include "screenshot.h"
#include "testcrate.h"
#include "translations.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTreeView>

using namespace Qt::Literals::StringLiterals;

class TestMainWindowBrowsing : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QNetworkAccessManager m_nam;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<LocalFeed> m_feed;
    std::unique_ptr<FeedSessions> m_sessions;
    std::unique_ptr<CrateBrowser> m_browser;
    std::unique_ptr<FeedListModel> m_feeds;
    std::unique_ptr<MainWindow> m_window;
    Feed m_local;

    void publish(const QList<TestCrate> &crates)
    {
        QList<QByteArray> files;
        for (const TestCrate &crate : crates)
            files << crate.crateBytes();
        const QString error = TestSupport::publishCrates(m_sessions->client(m_local), files);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    TestCrate crateFile(const QString &name, const QString &version) const
    {
        return TestCrate(name, version);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setApplicationDisplayName(u"CrateDesk"_s);
        Translations::install(qApp); // as the app does: "1 crate", "3 crates"
        QVERIFY(m_dir.isValid());
        m_http = std::make_unique<HttpClient>(&m_nam);
        FeedServerOptions options;
        options.dataDir = m_dir.filePath(u"feed"_s);
        TestSupport::StartedFeed started = TestSupport::startLocalFeed(options, u"tester"_s);
        QVERIFY2(started.error.isEmpty(), qPrintable(started.error));
        m_feed = std::move(started.feed);
        const QByteArray token = started.token;
        m_local.name = u"Local feed"_s;
        m_local.origin = Feed::Origin::Local;
        m_local.auth = Feed::AuthKind::Token;
        m_local.indexUrl = m_feed->indexUrl();
        m_sessions = std::make_unique<FeedSessions>(m_http.get(), nullptr, nullptr);
        m_sessions->setCredential(m_local.name, token);

        TestCrate core(u"acme-core"_s, u"1.2.0"_s);
        core.description = u"Core types of the acme suite"_s;
        core.extraManifest = "[features]\ndefault = [\"std\"]\nstd = []\nserde = []\n";
        TestCrate core1(u"acme-core"_s, u"1.1.0"_s);
        TestCrate cli(u"acme-cli"_s, u"0.3.0"_s);
        cli.description = u"Command line for acme"_s;
        cli.extraManifest = "[dependencies.acme-core]\nversion = \"1.2\"\nregistry-index = \"sparse+" + m_feed->indexUrl().toString().toUtf8() + "\"\nfeatures = [\"serde\"]\n"
                            "[build-dependencies.cc]\nversion = \"1\"\n";
        TestCrate other(u"zebra"_s, u"0.1.0"_s);
        publish({core1, core, cli, other});

        m_browser = std::make_unique<CrateBrowser>(m_dir.filePath(u"cache"_s));
        m_feeds = std::make_unique<FeedListModel>();
        m_feeds->setFeeds({m_local});
        m_window = std::make_unique<MainWindow>(MainWindowContext{m_feeds.get(), nullptr, m_sessions.get(), m_browser.get()});
        m_window->resize(1280, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void listsTheFeedsCratesAndFiltersAsTheUserTypes()
    {
        QTRY_COMPARE(m_window->crateView()->model()->rowCount(), 3);
        QTRY_COMPARE(m_feeds->index(0).data(Roles::FeedStateText).toString(), u"online"_s);
        m_window->crateView()->setFocus();
        QTest::keyClick(m_window->crateView(), Qt::Key_Slash);
        QVERIFY(m_window->searchField()->hasFocus());
        QTest::keyClicks(m_window->searchField(), u"acme_c"_s); // '_' finds '-'
        QCOMPARE(m_window->crateView()->model()->rowCount(), 2);
        QTest::keyClicks(m_window->searchField(), u"l"_s);
        QCOMPARE(m_window->crateView()->model()->rowCount(), 1);
        QCOMPARE(m_window->crateView()->model()->index(0, 0).data(Roles::CrateName).toString(), u"acme-cli"_s);
        QCOMPARE(m_window->crateCountLabel()->text(), u"1 of 3 crates"_s);
        m_window->searchField()->clear();
        QCOMPARE(m_window->crateView()->model()->rowCount(), 3);
        QCOMPARE(m_window->crateCountLabel()->text(), u"3 crates"_s);
    }

    void selectingACrateFillsEveryTab()
    {
        const int row = m_browser->crates()->rowOf(u"acme-cli"_s);
        QVERIFY(row >= 0);
        m_window->crateView()->setCurrentIndex(m_browser->filteredCrates()->mapFromSource(m_browser->crates()->index(row, 0)));
        QTRY_COMPARE(m_browser->versions()->rowCount(), 1);
        CrateDetailsView *details = m_window->details();
        QTRY_VERIFY(details->headerText().startsWith(u"acme-cli 0.3.0"_s));
        // Dependencies: grouped by kind, normal then build.
        QCOMPARE(m_browser->dependencies()->rowCount(), 2);
        const QModelIndex normal = m_browser->dependencies()->index(0, 0);
        QCOMPARE(m_browser->dependencies()->index(0, 0, normal).data(Roles::DependencyName).toString(), u"acme-core"_s);
        QTRY_VERIFY(m_browser->files()->rowCount() > 0);
        QVERIFY(m_browser->files()->indexOf(u"Cargo.toml"_s).isValid());
        QTRY_VERIFY(details->headerText().contains(u"MIT"_s));
        details->tabs()->setCurrentIndex(CrateDetailsView::DependenciesTab);
        QVERIFY(saveScreenshot(m_window.get(), u"mainwindow-dependencies"_s));

        // The other crate: versions newest first, features with the default set.
        const int coreRow = m_browser->crates()->rowOf(u"acme-core"_s);
        m_window->crateView()->setCurrentIndex(m_browser->filteredCrates()->mapFromSource(m_browser->crates()->index(coreRow, 0)));
        QTRY_COMPARE(m_browser->versions()->rowCount(), 2);
        QCOMPARE(m_browser->versions()->index(0, 0).data(Roles::VersionText).toString(), u"1.2.0"_s);
        QTRY_VERIFY(m_browser->features()->rowCount() >= 3);
        details->tabs()->setCurrentIndex(CrateDetailsView::FeaturesTab);
        QVERIFY(saveScreenshot(m_window.get(), u"mainwindow-features"_s));
        QTRY_VERIFY(m_browser->files()->rowCount() > 0);
        details->tabs()->setCurrentIndex(CrateDetailsView::FilesTab);
        const QModelIndex manifest = m_browser->files()->indexOf(u"Cargo.toml"_s);
        details->fileView()->setCurrentIndex(manifest);
        QTRY_VERIFY(details->fileContentView()->toPlainText().contains(u"name = \"acme-core\""_s));
        // Files are read off the GUI thread; a click on another file supersedes the one before.
        QSignalSpy read(m_browser.get(), &CrateBrowser::fileRead);
        m_browser->readFile(u"Cargo.toml"_s);
        m_browser->readFile(u"src/lib.rs"_s);
        QVERIFY(read.wait(5000));
        QTest::qWait(50);
        QCOMPARE(read.count(), 1);
        QCOMPARE(read.first().first().toString(), u"src/lib.rs"_s);
        QVERIFY(read.first().at(1).value<std::optional<QByteArray>>().value_or(QByteArray()).contains("fn answer"));
        details->tabs()->setCurrentIndex(CrateDetailsView::VersionsTab);
        QVERIFY(saveScreenshot(m_window.get(), u"mainwindow-crate"_s));
    }

    // "Used By" asks the feed once the tab is opened; a double click opens the dependent crate.
    void usedByListsWhatDependsOnTheCrate()
    {
        const int coreRow = m_browser->crates()->rowOf(u"acme-core"_s);
        m_window->crateView()->setCurrentIndex(m_browser->filteredCrates()->mapFromSource(m_browser->crates()->index(coreRow, 0)));
        QTRY_COMPARE(m_browser->versions()->rowCount(), 2);
        CrateDetailsView *details = m_window->details();
        QAbstractItemModelTester tester(m_browser->usedBy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(m_browser.get(), &CrateBrowser::usedByLoaded);
        details->tabs()->setCurrentIndex(CrateDetailsView::UsedByTab);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(loaded.first().at(1).toString(), QString());
        QCOMPARE(m_browser->usedBy()->rowCount(), 1);
        QCOMPARE(m_browser->usedBy()->index(0, ReverseDependencyModel::CrateColumn).data().toString(), u"acme-cli"_s);
        QCOMPARE(m_browser->usedBy()->index(0, ReverseDependencyModel::RequirementColumn).data().toString(), u"^1.2"_s);
        QCOMPARE(details->usedByState()->text(), u"1 crate of this feed depends on acme-core, with its newest version that does."_s);
        QVERIFY(saveScreenshot(m_window.get(), u"mainwindow-usedby"_s));
        Q_EMIT details->usedByView()->activated(m_browser->usedBy()->index(0, 0));
        QTRY_COMPARE(m_browser->crateName(), u"acme-cli"_s);
        QTRY_COMPARE(loaded.size(), 2); // the tab is still open: acme-cli's dependents are asked for
        QCOMPARE(m_browser->usedBy()->rowCount(), 0);
        QCOMPARE(details->usedByState()->text(), u"No crate of this feed depends on acme-cli."_s);
        details->tabs()->setCurrentIndex(CrateDetailsView::VersionsTab);
        m_window->crateView()->setCurrentIndex(m_browser->filteredCrates()->mapFromSource(m_browser->crates()->index(coreRow, 0)));
        QTRY_COMPARE(m_browser->crateName(), u"acme-core"_s);
        QTRY_COMPARE(m_browser->versions()->rowCount(), 2);
    }

    void droppingCratesStartsTheirPreflight()
    {
        const QString path = m_dir.filePath(u"dropped-0.1.0.crate"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(TestCrate(u"dropped"_s, u"0.1.0"_s).crateBytes());
        file.close();
        auto *mime = new QMimeData;
        mime->setUrls({QUrl::fromLocalFile(path)});
        const QPoint where = m_window->rect().center();
        QDragEnterEvent enter(where, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(m_window.get(), &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(where), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(m_window.get(), &drop);
        QTRY_VERIFY(m_window->publishPanel() != nullptr);
        QTRY_COMPARE(m_window->publishPanel()->model()->rowCount(), 1);
        QTRY_VERIFY(m_window->publishPanel()->publishButton()->isEnabled());
        m_window->publishPanel()->close();
        delete mime;
    }

    // File → Audit Cargo.lock: every locked package against the selected feed, in a window of
    // its own that shows what needs attention first; the model under QAbstractItemModelTester.
    void auditingALockfileShowsWhatNeedsAttention_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }

    void auditingALockfileShowsWhatNeedsAttention()
    {
        QFETCH(bool, dark);
        const QByteArray source = "source = \"sparse+" + m_feed->indexUrl().toString().toUtf8() + "\"\n";
        const auto package = [&source](const char *name, const char *vers) {
            return "[[package]]\nname = \"" + QByteArray(name) + "\"\nversion = \"" + QByteArray(vers) + "\"\n" + source + "\n";
        };
        const QString path = m_dir.filePath(u"Cargo.lock"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("version = 4\n\n[[package]]\nname = \"app\"\nversion = \"0.1.0\"\n\n" + package("acme-core", "1.2.0")
                   + package("acme-cli", "0.3.0") + package("zebra", "0.1.0") + package("acme-core", "9.9.9") + package("ghost", "1.0.0")
                   + "[[package]]\nname = \"tool\"\nversion = \"0.3.0\"\nsource = \"git+https://example.com/tool.git#0123abcd\"\n");
        file.close();

        m_window->selectFeed(m_local.name);
        QVERIFY(m_window->auditAction()->isEnabled());
        LockfileAuditWindow *audit = m_window->auditLockfile(path);
        QVERIFY(audit);
        QAbstractItemModelTester tester(audit->view()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        if (dark)
            audit->setPalette(darkPalette());
        QSignalSpy finished(audit->audit(), &LockfileAudit::finished);
        QVERIFY(finished.wait(20000));
        QCOMPARE(audit->audit()->rows().size(), 7);
        QAbstractItemModel *shown = audit->view()->model();
        QCOMPARE(shown->rowCount(), 2); // what needs attention: the two missing
        for (int row = 0; row < shown->rowCount(); ++row)
            QCOMPARE(shown->index(row, LockfileAuditModel::StatusColumn).data().toString(), u"Missing"_s);
        QVERIFY2(audit->summaryText().contains(u"7 packages: 3 in Local feed as locked, 2 missing"_s), qPrintable(audit->summaryText()));
        QVERIFY(saveScreenshot(audit, u"audit-attention-"_s + QString::fromLatin1(QTest::currentDataTag())));
        audit->filter()->setCurrentIndex(1);
        QCOMPARE(shown->rowCount(), 7);
        QStringList licensed; // what the feed says of the versions it has
        for (int row = 0; row < shown->rowCount(); ++row) {
            if (!shown->index(row, LockfileAuditModel::LicenseColumn).data().toString().isEmpty())
                licensed << shown->index(row, LockfileAuditModel::CrateColumn).data().toString() + u' '
                                + shown->index(row, LockfileAuditModel::LicenseColumn).data().toString();
        }
        licensed.sort();
        QCOMPARE(licensed, QStringList({u"acme-cli MIT"_s, u"acme-core MIT"_s, u"zebra MIT"_s}));
        QVERIFY(saveScreenshot(audit, u"audit-all-"_s + QString::fromLatin1(QTest::currentDataTag())));
        audit->close();
    }

    void yankAsksFirst()
    {
        const int coreRow = m_browser->crates()->rowOf(u"acme-core"_s);
        m_window->crateView()->setCurrentIndex(m_browser->filteredCrates()->mapFromSource(m_browser->crates()->index(coreRow, 0)));
        QTRY_VERIFY(m_browser->selectedEntry() && m_browser->selectedEntry()->vers == u"1.2.0"_s);
        QTRY_VERIFY(m_window->yankAction()->isEnabled());
        m_window->yankAction()->trigger();
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = m_window->findChild<QMessageBox *>(u"yankConfirmation"_s)) != nullptr);
        QVERIFY(box->informativeText().contains(u"Cargo.lock"_s));
        QVERIFY(!m_browser->selectedEntry()->yanked); // nothing happened yet
        box->findChild<QPushButton *>(u"confirmButton"_s)->click();
        QTRY_VERIFY(m_browser->selectedEntry() && m_browser->selectedEntry()->yanked);
        QTRY_VERIFY(m_window->unyankAction()->isEnabled());
    }

    // A feed with more crates than a listing loads by itself (crates.io has 190,000): pages
    // come as the list is scrolled to its end, following the server's next_page, and a name
    // not listed yet is looked up in the feed when Enter finds no match.
    void aLargeFeedIsListedAsTheUserScrolls()
    {
        FaultServer server;
        server.setRoute(u"/index/config.json"_s,
                        {FaultServer::Response::ok("{\"dl\":\"" + server.url(u"/dl"_s).toEncoded() + "\",\"api\":\"" + server.baseUrl().toEncoded() + "\"}")});
        auto page = [](int from, int count, const QString &next) {
            QJsonArray crates;
            for (int i = from; i < from + count; ++i)
                crates.append(QJsonObject{{u"name"_s, u"bulk-%1"_s.arg(i, 3, 10, QChar(u'0'))}, {u"max_version"_s, u"1.0.0"_s}});
            QJsonObject meta{{u"total"_s, 250}};
            if (!next.isEmpty())
                meta.insert(u"next_page"_s, next);
            return FaultServer::Response::ok(QJsonDocument(QJsonObject{{u"crates"_s, crates}, {u"meta"_s, meta}}).toJson(QJsonDocument::Compact));
        };
        server.setRoute(u"/api/v1/crates"_s, {page(0, 100, u"?per_page=100&seek=b2"_s), page(100, 100, u"?per_page=100&seek=b3"_s), page(200, 50, {})});
        server.setRoute(u"/index/un/li/unlisted-crate"_s,
                        {FaultServer::Response::ok(R"j({"name":"unlisted-crate","vers":"0.4.0","deps":[],"cksum":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","features":{}})j"_ba + '\n', "text/plain")});
        Feed large;
        large.name = u"large"_s;
        large.indexUrl = server.url(u"/index/"_s);
        m_browser->setAutoListedPages(1);
        auto restore = qScopeGuard([this] { m_browser->setAutoListedPages(CrateBrowser::DefaultAutoListedPages); });
        m_feeds->setFeeds({m_local, large});
        m_window->selectFeed(u"large"_s);

        QTreeView *view = m_window->crateView();
        QTRY_COMPARE(view->model()->rowCount(), 100);
        QTRY_VERIFY(m_browser->hasMoreCrates());
        QCOMPARE(m_window->crateCountLabel()->text(), u"100 crates, more as you scroll"_s);
        QVERIFY(saveScreenshot(m_window.get(), u"mainwindow-large-feed"_s));
        view->scrollToBottom();
        QTRY_COMPARE(view->model()->rowCount(), 200);
        QTRY_VERIFY(!m_browser->isListing());
        view->scrollToBottom();
        QTRY_COMPARE(view->model()->rowCount(), 250);
        QTRY_VERIFY(!m_browser->hasMoreCrates());
        QVERIFY(!m_window->crateCountLabel()->text().contains(u"more"_s));
        const auto requests = server.requests(u"/api/v1/crates"_s);
        QCOMPARE(requests.size(), 3);
        QCOMPARE(requests.at(1).target, "/api/v1/crates?per_page=100&seek=b2"_ba);
        QCOMPARE(requests.at(2).target, "/api/v1/crates?per_page=100&seek=b3"_ba);

        m_window->searchField()->setFocus();
        QTest::keyClicks(m_window->searchField(), u"unlisted-crate"_s);
        QCOMPARE(view->model()->rowCount(), 0);
        QTest::keyClick(m_window->searchField(), Qt::Key_Return);
        QTRY_COMPARE(m_browser->openCrateName(), u"unlisted-crate"_s);
        QTRY_COMPARE(m_browser->versions()->rowCount(), 1);
        m_window->searchField()->clear();
        m_window->selectFeed(m_local.name);
        QTRY_COMPARE(view->model()->rowCount(), 3);
    }

    void unreachableFeedShowsABanner()
    {
        Feed dead;
        dead.name = u"gone"_s;
        dead.indexUrl = QUrl(u"http://127.0.0.1:9/"_s);
        m_feeds->setFeeds({m_local, dead});
        m_window->selectFeed(u"gone"_s);
        QTRY_VERIFY(m_window->banner()->isVisible());
        QVERIFY2(m_window->banner()->text().contains(u"gone"_s), qPrintable(m_window->banner()->text()));
        QCOMPARE(m_window->banner()->kind(), MessageBanner::Kind::Error);
        QVERIFY(saveScreenshot(m_window.get(), u"mainwindow-error-banner"_s));
        m_window->selectFeed(m_local.name);
        QTRY_VERIFY(!m_window->banner()->isVisible());
    }
};

QTEST_MAIN(TestMainWindowBrowsing)
#include "tst_mainwindowbrowsing.moc"
