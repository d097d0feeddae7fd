// SPDX-License-Identifier: GPL-3.0-or-later
#include "activityarea.h"
#include "screenshot.h"

#include "localfeed/localfeed.h"
#include "net/httpclient.h"
#include "registry/registryclient.h"

#include <QLabel>
#include <QNetworkAccessManager>
#include <QProgressBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

class TestActivityArea : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void listsRunningOperationsWithProgressAndCancel()
    {
        QWidget window;
        auto *layout = new QVBoxLayout(&window);
        layout->addStretch(1);
        auto *bar = new QStatusBar(&window);
        auto *area = new ActivityArea(bar);
        bar->addPermanentWidget(area, 1);
        layout->addWidget(bar);
        window.resize(520, 120);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!area->isVisible()); // nothing runs, nothing shows

        QSignalSpy counts(area, &ActivityArea::countChanged);
        int cancelled = 0;
        const int publish = area->addActivity(u"Publishing serde 1.0.219 to acme"_s, [&cancelled] { ++cancelled; });
        const int refresh = area->addActivity(u"Refreshing the index of crates.io"_s);
        QCOMPARE(area->count(), 2);
        QCOMPARE(counts.size(), 2);
        QCOMPARE(area->ids(), (QList<int>{publish, refresh}));
        QVERIFY(area->isVisible());
        QCOMPARE(area->percent(publish), -1); // busy until a total is known

        area->setProgress(publish, 620 * 1024, 1000 * 1024);
        QCOMPARE(area->percent(publish), 62);
        area->setProgress(refresh, 0, 0);
        QCOMPARE(area->percent(refresh), -1);
        // Byte counts beyond int range still map onto the bar.
        area->setProgress(refresh, 3'000'000'000LL, 6'000'000'000LL);
        QCOMPARE(area->percent(refresh), 50);
        area->setProgress(refresh, 0, 0);
        QVERIFY(saveScreenshot(&window, u"activity-two-operations"_s));

        // Only the first row can be cancelled; the second has no cancel function.
        QList<QToolButton *> cancelButtons;
        for (QToolButton *button : area->findChildren<QToolButton *>())
            if (!button->isHidden())
                cancelButtons << button;
        QCOMPARE(cancelButtons.size(), 1);
        QSignalSpy cancels(area, &ActivityArea::activityCancelled);
        QTest::mouseClick(cancelButtons.first(), Qt::LeftButton);
        QCOMPARE(cancelled, 1);
        QCOMPARE(cancels.size(), 1);
        QVERIFY(!cancelButtons.first()->isEnabled());
        QVERIFY(area->label(publish).contains(u"cancelling"_s));

        QSignalSpy failures(area, &ActivityArea::activityFailed);
        area->finish(publish);
        QCOMPARE(area->count(), 1);
        QCOMPARE(failures.size(), 0);
        area->finish(refresh, u"crates.io could not be reached"_s);
        QCOMPARE(failures.size(), 1);
        QCOMPARE(failures.at(0).at(0).toString(), u"Refreshing the index of crates.io"_s);
        QCOMPARE(failures.at(0).at(1).toString(), u"crates.io could not be reached"_s);
        QCOMPARE(area->count(), 0);
        QVERIFY(!area->isVisible());

        // Unknown ids are ignored, not a crash.
        area->setProgress(publish, 1, 2);
        area->finish(publish, u"late"_s);
        QCOMPARE(failures.size(), 1);
        QCOMPARE(area->percent(publish), -2);
    }

    void summarisesRowsBeyondTheLimit()
    {
        ActivityArea area;
        area.setMaximumVisibleRows(2);
        QList<int> ids;
        for (int i = 0; i < 5; ++i)
            ids << area.addActivity(u"Downloading crate %1"_s.arg(i));
        auto *more = area.findChild<QLabel *>(u"more"_s);
        QVERIFY(more);
        QVERIFY(!more->isHidden());
        QCOMPARE(more->text(), u"and 3 more operations"_s);
        area.finish(ids.takeFirst());
        area.finish(ids.takeFirst());
        QCOMPARE(more->text(), u"and 1 more operation"_s);
        area.finish(ids.takeFirst());
        QVERIFY(more->isHidden());
    }

    void tracksARegistryReply()
    {
        QTemporaryDir dir;
        FeedServerOptions options;
        options.dataDir = dir.path();
        options.port = 0;
        LocalFeed localFeed(options);
        const FeedError started = localFeed.start();
        QVERIFY2(!started, qPrintable(started.detail));

        QNetworkAccessManager nam;
        HttpClient http(&nam);
        Feed feed;
        feed.name = u"local"_s;
        feed.indexUrl = localFeed.indexUrl();
        RegistryClient client(feed, &http, nullptr, nullptr);

        ActivityArea area;
        QSignalSpy failures(&area, &ActivityArea::activityFailed);
        RegistryReply *reply = client.fetchConfig();
        const int id = area.track(reply, u"Reading the local feed"_s);
        QCOMPARE(area.label(id), u"Reading the local feed"_s);
        QTRY_COMPARE(area.count(), 0);
        QCOMPARE(failures.size(), 0);

        // A failing operation is reported with its typed error's message.
        RegistryReply *missing = client.fetchIndex(u"no-such-crate"_s);
        area.track(missing, u"Loading no-such-crate"_s);
        QTRY_COMPARE(area.count(), 0);
        QCOMPARE(failures.size(), 1);
        QVERIFY(!failures.at(0).at(1).toString().isEmpty());

        // A cancel the user asked for is not a failure.
        RegistryReply *cancelled = client.fetchIndex(u"serde"_s);
        const int cancelId = area.track(cancelled, u"Loading serde"_s);
        auto *button = area.findChild<QToolButton *>();
        QVERIFY(button);
        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_COMPARE(area.count(), 0);
        QCOMPARE(failures.size(), 1);
        QCOMPARE(area.percent(cancelId), -2);
    }
};

QTEST_MAIN(TestActivityArea)
#include "tst_activityarea.moc"
