// SPDX-License-Identifier: GPL-3.0-or-later
// The window as a screen reader and a keyboard user meet it, against a real local feed with
// crates in it: every control a user acts on has an accessible name, Tab reaches every one of
// them, and the control that has focus looks different from when it has not. The same for
// the dialogs the window opens: the publish panel, a new feed, Use with Cargo, the crate in
// every feed, the lockfile audit and Compare Versions.
#include "accessibilitywalk.h"
#include "audit/lockfileaudit.h"
#include "browse/cratebrowser.h"
#include "compareversionsdialog.h"
#include "itemmodels/cratefilterproxymodel.h"
#include "itemmodels/cratelistmodel.h"
#include "itemmodels/feedlistmodel.h"
#include "localtestfeed.h"
#include "lockfileauditwindow.h"
#include "mainwindow.h"
#include "net/httpclient.h"
#include "registry/feedsessions.h"
#include "registry/feedsettings.h"
#include "screenshot.h"
#include "testcrate.h"
#include "translations.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QFile>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace Qt::Literals::StringLiterals;

class TestAccessibility : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QNetworkAccessManager m_nam;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<LocalFeed> m_feed;
    std::unique_ptr<FeedSessions> m_sessions;
    std::unique_ptr<QSettings> m_settingsFile;
    std::unique_ptr<FeedSettings> m_settings;
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

    QAction *action(const QString &text) const
    {
        for (QAction *candidate : m_window->findChildren<QAction *>()) {
            if (candidate->text() == text)
                return candidate;
        }
        return nullptr;
    }

    // A top-level window shown now that was not among `before`, other than the main window.
    QWidget *newWindow(const QWidgetList &before) const
    {
        for (QWidget *widget : QApplication::topLevelWidgets()) {
            if (!before.contains(widget) && widget->isVisible() && widget != m_window.get())
                return widget;
        }
        return nullptr;
    }

    void open(const QString &name)
    {
        if (name == u"publish"_s) {
            const QString path = m_dir.filePath(u"acme-extra-0.1.0.crate"_s);
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(TestCrate(u"acme-extra"_s, u"0.1.0"_s).crateBytes());
            file.close();
            m_window->publishFiles({path});
        } else if (name == u"feed"_s) {
            QAction *add = action(u"&Add Feed…"_s);
            QVERIFY(add && add->isEnabled());
            add->trigger();
        } else if (name == u"cargo"_s) {
            QAction *cargo = action(u"Use with &Cargo…"_s);
            QVERIFY(cargo && cargo->isEnabled());
            cargo->trigger();
        } else if (name == u"acrossfeeds"_s) {
            QVERIFY(m_window->openCrateAcrossFeeds());
        } else if (name == u"compare"_s) {
            QVERIFY(m_window->openCompareVersions());
        } else if (name == u"audit"_s) {
            const QString path = m_dir.filePath(u"Cargo.lock"_s);
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("version = 3\n\n[[package]]\nname = \"acme-core\"\nversion = \"1.2.0\"\n"
                       "source = \"registry+https://github.com/rust-lang/crates.io-index\"\n");
            file.close();
            QVERIFY(m_window->auditLockfile(path));
        }
    }

    static void checkWindow(QWidget *window, const QString &name)
    {
        window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(window));
        const QString scale = qEnvironmentVariable("QT_SCALE_FACTOR");
        QVERIFY(saveScreenshot(window, u"accessibility-"_s + name + (scale.isEmpty() ? QString() : u"-scale"_s + scale)));

        const QStringList unnamed = AccessibilityWalk::unnamedControls(window);
        QVERIFY2(unnamed.isEmpty(), qPrintable(u"without an accessible name: "_s + unnamed.join(u"; "_s)));

        const QList<QPointer<QWidget>> controls = AccessibilityWalk::focusableControls(window);
        QVERIFY(!controls.isEmpty());
        const AccessibilityWalk::TabWalk walk = AccessibilityWalk::walkTabOrder(controls.first());
        const QStringList missing = AccessibilityWalk::unreachable(controls, walk.order);
        QVERIFY2(missing.isEmpty(),
            qPrintable(u"Tab never reaches: "_s + missing.join(u"; "_s) + u" (Tab went: "_s + walk.names.join(u", "_s) + u')'));
        QVERIFY2(
            walk.withoutVisibleFocus.isEmpty(), qPrintable(u"focus not visible on: "_s + walk.withoutVisibleFocus.join(u"; "_s)));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setApplicationDisplayName(u"CrateDesk"_s);
        Translations::install(qApp);
        QVERIFY(m_dir.isValid());
        m_http = std::make_unique<HttpClient>(&m_nam);
        FeedServerOptions options;
        options.dataDir = m_dir.filePath(u"feed"_s);
        TestSupport::StartedFeed started = TestSupport::startLocalFeed(options, u"tester"_s);
        QVERIFY2(started.error.isEmpty(), qPrintable(started.error));
        m_feed = std::move(started.feed);
        m_local.name = u"Local feed"_s;
        m_local.origin = Feed::Origin::Local;
        m_local.auth = Feed::AuthKind::Token;
        m_local.indexUrl = m_feed->indexUrl();
        m_sessions = std::make_unique<FeedSessions>(m_http.get(), nullptr, nullptr);
        m_sessions->setCredential(m_local.name, started.token);

        TestCrate core(u"acme-core"_s, u"1.2.0"_s);
        core.description = u"Core types of the acme suite"_s;
        core.license = "MIT";
        TestCrate app(u"acme-app"_s, u"0.3.0"_s);
        app.license = "Apache-2.0";
        TestCrate next(u"acme-core"_s, u"1.3.0"_s);
        next.description = core.description;
        next.license = "MIT OR Apache-2.0";
        publish({core, app});
        publish({next});

        m_settingsFile = std::make_unique<QSettings>(m_dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
        m_settings = std::make_unique<FeedSettings>(m_settingsFile.get());
        m_browser = std::make_unique<CrateBrowser>(m_dir.filePath(u"cache"_s));
        m_feeds = std::make_unique<FeedListModel>();
        m_feeds->setFeeds({m_local});
        m_window = std::make_unique<MainWindow>(
            MainWindowContext {m_feeds.get(), m_settings.get(), m_sessions.get(), m_browser.get()});
        m_window->resize(1400, 900);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QTRY_COMPARE(m_browser->crates()->rowCount(), 2);
        const QModelIndex source = m_browser->crates()->index(m_browser->crates()->rowOf(u"acme-core"_s), 0);
        m_window->crateView()->setCurrentIndex(m_browser->filteredCrates()->mapFromSource(source));
        QTRY_COMPARE(m_browser->overview().name, u"acme-core"_s);
    }

    // Each tab of the crate page in turn, since Tab reaches only what is shown.
    void theMainWindowIsNamedAndReachable_data()
    {
        QTest::addColumn<int>("tab");
        auto *tabs = m_window->findChild<QTabWidget *>(u"crateTabs"_s);
        QVERIFY(tabs);
        for (int tab = 0; tab < tabs->count(); ++tab)
            QTest::newRow(qPrintable(tabs->tabText(tab).remove(u'&'))) << tab;
    }

    void theMainWindowIsNamedAndReachable()
    {
        QFETCH(int, tab);
        m_window->findChild<QTabWidget *>(u"crateTabs"_s)->setCurrentIndex(tab);
        checkWindow(m_window.get(), u"mainwindow-tab"_s + QString::number(tab));
    }

    void theDialogsAreNamedAndReachable_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("publish panel") << u"publish"_s;
        QTest::newRow("new feed") << u"feed"_s;
        QTest::newRow("use with cargo") << u"cargo"_s;
        QTest::newRow("in every feed") << u"acrossfeeds"_s;
        QTest::newRow("lockfile audit") << u"audit"_s;
        QTest::newRow("compare versions") << u"compare"_s;
    }

    void theDialogsAreNamedAndReachable()
    {
        QFETCH(QString, name);
        const QWidgetList before = QApplication::topLevelWidgets();
        open(name);
        QWidget *dialog = nullptr;
        QTRY_VERIFY((dialog = newWindow(before)) != nullptr);
        // What the dialog asks the feed is in before Tab walks it: a view gets its current
        // item, which shows focus, when focus enters it with rows present.
        if (auto *table = dialog->findChild<QTableView *>(u"whereTable"_s))
            QTRY_VERIFY(table->model()->rowCount() > 0);
        if (auto *audit = qobject_cast<LockfileAuditWindow *>(dialog))
            QTRY_VERIFY(audit->audit()->isFinished());
        if (auto *compare = qobject_cast<CompareVersionsDialog *>(dialog)) {
            QSignalSpy settled(compare, &CompareVersionsDialog::settled);
            QVERIFY(settled.wait(20000));
        }
        QVERIFY(dialog);
        checkWindow(dialog, name);
        dialog->close();
    }
};

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"
