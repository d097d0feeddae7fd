// SPDX-License-Identifier: GPL-3.0-or-later
#include "emptystatelistview.h"
#include "itemmodels/feedlistmodel.h"
#include "mainwindow.h"
#include "testcrate.h"
#include "testsupport.h"

#include <QApplication>
#include <QFile>
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

    // `cratedesk a.crate b.crate` opens the publish panel with them; --screenshot then renders
    // that panel, not the main window, once the files are checked.
    void crateFilesGivenOpenThePublishPanel()
    {
        QTemporaryDir dir;
        const auto picture = [&](const QString &name, const QStringList &files) {
            QProcess app;
            app.start(TestSupport::cratedeskExecutable(),
                QStringList {
                    u"--screenshot"_s, dir.filePath(name), u"--port"_s, u"0"_s, u"--data"_s, dir.filePath(name + u".feed"_s)}
                    + files);
            app.waitForFinished(60000);
            return app.exitCode() == 0 ? QImage(dir.filePath(name)) : QImage();
        };
        QStringList files;
        for (const TestCrate &crate : {TestCrate(u"first"_s, u"0.1.0"_s), TestCrate(u"second"_s, u"0.2.0"_s)}) {
            QFile file(dir.filePath(crate.name + u".crate"_s));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(crate.crateBytes());
            files << file.fileName();
        }
        const QImage window = picture(u"window.png"_s, {});
        const QImage panel = picture(u"panel.png"_s, files);
        QVERIFY(!window.isNull());
        QVERIFY(!panel.isNull());
        QVERIFY2(panel.size() != window.size(), "the picture is of the main window, not of the publish panel");
        QVERIFY(panel.width() < window.width() || panel.height() < window.height());
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
