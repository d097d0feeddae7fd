// SPDX-License-Identifier: GPL-3.0-or-later
// Every long operation of the window shows in the activity area with a cancel button that
// works: a listing and a crate read that a slow feed (FaultServer, answers held back) keeps
// waiting are stopped from their rows, which go without an error banner, and a new listing
// can start (and be stopped) after. A yank, which cannot be taken back once sent, has none.
#include "activityarea.h"
#include "browse/cratebrowser.h"
#include "compareversionsdialog.h"
#include "faultserver.h"
#include "itemmodels/cratelistmodel.h"
#include "itemmodels/feedlistmodel.h"
#include "itemmodels/versionlistmodel.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include "net/httpclient.h"
#include "registry/feedsessions.h"
#include "screenshot.h"
#include "translations.h"

#include <QApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace Qt::Literals::StringLiterals;

class TestActivityCancel : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QNetworkAccessManager m_nam;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<FeedSessions> m_sessions;
    std::unique_ptr<CrateBrowser> m_browser;
    std::unique_ptr<FeedListModel> m_feeds;
    std::unique_ptr<MainWindow> m_window;
    FaultServer m_slow;

    static QByteArray crateList()
    {
        const QJsonArray crates {QJsonObject {{u"name"_s, u"slow-crate"_s}, {u"max_version"_s, u"1.0.0"_s}}};
        return QJsonDocument(QJsonObject {{u"crates"_s, crates}, {u"meta"_s, QJsonObject {{u"total"_s, 1}}}})
            .toJson(QJsonDocument::Compact);
    }

    // Clicks the cancel button of the only activity row whose label starts with `label`.
    static bool cancelRow(ActivityArea *area, const QString &label)
    {
        for (const int id : area->ids()) {
            if (!area->label(id).startsWith(label))
                continue;
            for (QToolButton *button : area->findChildren<QToolButton *>()) {
                if (button->isVisible() && button->isEnabled() && button->accessibleName() == u"Cancel "_s + area->label(id)) {
                    button->click();
                    return true;
                }
            }
        }
        return false;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        Translations::install(qApp);
        m_http = std::make_unique<HttpClient>(&m_nam);
        m_sessions = std::make_unique<FeedSessions>(m_http.get(), nullptr, nullptr);
        m_slow.setRoute(u"/index/config.json"_s,
            {FaultServer::Response::ok(
                "{\"dl\":\"" + m_slow.url(u"/dl"_s).toEncoded() + "\",\"api\":\"" + m_slow.baseUrl().toEncoded() + "\"}")});
        // Held back for a minute, every time.
        m_slow.setRoute(u"/api/v1/crates"_s, {FaultServer::Response::delayed(60000, FaultServer::Response::ok(crateList()))});
        const QByteArray line
            = R"j({"name":"slow-crate","vers":"1.0.0","deps":[],"cksum":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","features":{}})j"_ba
            + '\n';
        m_slow.setRoute(u"/index/sl/ow/slow-crate"_s,
            {FaultServer::Response::delayed(60000, FaultServer::Response::ok(line, "text/plain")),
                FaultServer::Response::ok(line, "text/plain")});
        // Two versions whose .crate downloads are held back: a comparison that runs until cancelled.
        const QByteArray twoVersions
            = R"j({"name":"two-versions","vers":"1.0.0","deps":[],"cksum":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","features":{}})j"_ba
            + "\n"_ba
            + R"j({"name":"two-versions","vers":"1.1.0","deps":[],"cksum":"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb","features":{}})j"_ba
            + "\n"_ba;
        m_slow.setRoute(u"/index/tw/o-/two-versions"_s, {FaultServer::Response::ok(twoVersions, "text/plain")});
        for (const QString &version : {u"1.0.0"_s, u"1.1.0"_s}) {
            m_slow.setRoute(u"/dl/two-versions/%1/download"_s.arg(version),
                            {FaultServer::Response::delayed(60000, FaultServer::Response::ok("never read"))});
        }
        Feed slow;
        slow.name = u"slow"_s;
        slow.indexUrl = m_slow.url(u"/index/"_s);
        m_browser = std::make_unique<CrateBrowser>(m_dir.filePath(u"cache"_s));
        m_feeds = std::make_unique<FeedListModel>();
        m_feeds->setFeeds({slow});
        m_window = std::make_unique<MainWindow>(MainWindowContext {m_feeds.get(), nullptr, m_sessions.get(), m_browser.get()});
        m_window->resize(1000, 600);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void aListingIsCancelledFromItsRow()
    {
        ActivityArea *area = m_window->activityArea();
        m_window->selectFeed(u"slow"_s);
        QTRY_VERIFY_WITH_TIMEOUT(
            std::ranges::any_of(area->ids(), [area](int id) { return area->label(id).startsWith(u"Listing"_s); }), 10000);
        QVERIFY(saveScreenshot(m_window.get(), u"activity-cancel-listing"_s));
        QVERIFY(cancelRow(area, u"Listing"_s));
        QTRY_COMPARE_WITH_TIMEOUT(area->count(), 0, 5000);
        auto *banner = m_window->findChild<MessageBanner *>();
        QVERIFY(!banner || !banner->isVisible() || !banner->text().contains(u"cancel"_s, Qt::CaseInsensitive));

        QVERIFY(!m_browser->isCancellable(u"listing"_s));

        m_window->refreshAction()->trigger(); // asked again: a new row, cancellable again
        QTRY_VERIFY_WITH_TIMEOUT(m_browser->isCancellable(u"listing"_s) || m_browser->crates()->rowCount() == 1, 10000);
        if (m_browser->isCancellable(u"listing"_s)) {
            QVERIFY(cancelRow(area, u"Listing"_s));
            QTRY_COMPARE_WITH_TIMEOUT(area->count(), 0, 5000);
        }
    }

    void aCrateReadIsCancelledFromItsRow()
    {
        ActivityArea *area = m_window->activityArea();
        m_browser->openCrate(u"slow-crate"_s);
        QTRY_VERIFY_WITH_TIMEOUT(
            std::ranges::any_of(area->ids(), [area](int id) { return area->label(id) == u"Reading slow-crate"_s; }), 10000);
        QVERIFY(m_browser->isCancellable(u"crate"_s));
        QVERIFY(cancelRow(area, u"Reading slow-crate"_s));
        QTRY_COMPARE_WITH_TIMEOUT(area->count(), 0, 5000);
        QVERIFY(!m_browser->isCancellable(u"crate"_s));
        QVERIFY(!m_browser->isCancellable(u"yank"_s));
    }

    // Compare Versions' downloads are listed like every other long operation: cancelled from
    // their row, the dialog says so (no error); a row never outlives its dialog.
    void aVersionComparisonIsCancelledFromItsRow()
    {
        ActivityArea *area = m_window->activityArea();
        m_browser->openCrate(u"two-versions"_s);
        QTRY_COMPARE_WITH_TIMEOUT(m_browser->versions()->rowCount(), 2, 10000);
        // The crate page's own download of the newest .crate is held back too: its row stays.
        const QString label = u"Comparing two-versions 1.0.0 with 1.1.0"_s;
        const auto comparisonRows = [area, label] {
            return std::ranges::count_if(area->ids(), [area, label](int id) { return area->label(id) == label; });
        };
        QPointer<CompareVersionsDialog> dialog = m_window->openCompareVersions();
        QVERIFY(dialog);
        QTRY_COMPARE_WITH_TIMEOUT(comparisonRows(), 1, 10000);
        QVERIFY(saveScreenshot(m_window.get(), u"activity-cancel-comparison"_s));
        QSignalSpy settled(dialog.data(), &CompareVersionsDialog::settled);
        QVERIFY(cancelRow(area, label));
        QTRY_COMPARE_WITH_TIMEOUT(comparisonRows(), 0, 5000);
        QCOMPARE(settled.size(), 1);
        QVERIFY2(dialog->stateText().contains(u"cancelled"_s), qPrintable(dialog->stateText()));
        QVERIFY2(dialog->errorText().isEmpty(), qPrintable(dialog->errorText()));

        dialog->compare(u"1.0.0"_s, u"1.1.0"_s); // asked again: a new row, gone with the dialog
        QTRY_COMPARE_WITH_TIMEOUT(comparisonRows(), 1, 5000);
        dialog->close();
        QTRY_VERIFY(!dialog);
        QCOMPARE(comparisonRows(), 0);
    }
};

QTEST_MAIN(TestActivityCancel)
#include "tst_activitycancel.moc"
