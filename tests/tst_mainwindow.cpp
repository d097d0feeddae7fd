// SPDX-License-Identifier: GPL-3.0-or-later
#include "emptystatelistview.h"
#include "itemmodels/feedlistmodel.h"
#include "mainwindow.h"
#include "testsupport.h"

#include <QApplication>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QApplication::setApplicationDisplayName(u"CrateDesk"_s);
    }

    void showsAppNameAndEmptyFeedList()
    {
        FeedListModel feeds;
        MainWindow window(MainWindowContext{&feeds});
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.windowTitle(), u"CrateDesk"_s);
        QCOMPARE(window.feedView()->model()->rowCount(), 0);
        QCOMPARE(window.feedView()->emptyTitle(), u"No feeds yet"_s);
        QVERIFY(!window.grab().isNull());
    }

    void listsFeedsWhenThereAreSome()
    {
        FeedListModel feeds;
        MainWindow window(MainWindowContext{&feeds});
        Feed local;
        local.name = u"local"_s;
        local.indexUrl = QUrl(u"http://127.0.0.1:7878/"_s);
        local.origin = Feed::Origin::Local;
        feeds.setFeeds({local});
        QCOMPARE(window.feedView()->model()->rowCount(), 1);
        QCOMPARE(window.feedView()->model()->index(0, 0).data().toString(), u"local"_s);
    }

    // The user-facing contract: `cratedesk --screenshot FILE` works with no display at all.
    void screenshotOptionWritesPngWithoutDisplay()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(u"main.png"_s);
        QProcess app;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(u"DISPLAY"_s);
        env.remove(u"WAYLAND_DISPLAY"_s);
        env.remove(u"QT_QPA_PLATFORM"_s);
        app.setProcessEnvironment(env);
        app.start(TestSupport::cratedeskExecutable(), {u"--screenshot"_s, file, u"--port"_s, u"0"_s, u"--data"_s, dir.filePath(u"feed"_s)});
        QVERIFY(app.waitForFinished(60000));
        QCOMPARE(app.exitCode(), 0);
        const QImage image(file);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() >= 800 && image.height() >= 500);
    }

    void screenshotOptionFailsClearlyOnUnwritablePath()
    {
        QProcess app;
        QTemporaryDir dir;
        app.start(TestSupport::cratedeskExecutable(), {u"--screenshot"_s, u"/nonexistent-dir/x.png"_s, u"--port"_s, u"0"_s, u"--data"_s, dir.path()});
        QVERIFY(app.waitForFinished(60000));
        QCOMPARE(app.exitCode(), 1);
        QVERIFY(app.readAllStandardError().contains("could not write the screenshot to /nonexistent-dir/x.png"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
