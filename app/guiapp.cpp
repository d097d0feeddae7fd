// SPDX-License-Identifier: GPL-3.0-or-later
#include "guiapp.h"

#include "feed/localfeed.h"
#include "itemmodels/feedlistmodel.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QImage>
#include <QTimer>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace {

// --screenshot must work on a machine without a display, so pick the offscreen platform
// before QApplication exists when nothing else was asked for.
QString screenshotTarget(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--screenshot" && i + 1 < argc)
            return QString::fromLocal8Bit(argv[i + 1]);
        if (arg.startsWith("--screenshot="))
            return QString::fromLocal8Bit(arg.mid(int(sizeof("--screenshot=")) - 1));
    }
    return {};
}

bool hasDisplay()
{
    return qEnvironmentVariableIsSet("DISPLAY") || qEnvironmentVariableIsSet("WAYLAND_DISPLAY")
        || qEnvironmentVariableIsSet("QT_QPA_PLATFORM");
}

} // namespace

int runGuiApp(int argc, char **argv)
{
    if (!screenshotTarget(argc, argv).isEmpty() && !hasDisplay())
        qputenv("QT_QPA_PLATFORM", "offscreen");

    QApplication app(argc, argv);
    QApplication::setApplicationName(u"cratedesk"_s);
    QApplication::setApplicationDisplayName(u"CrateDesk"_s);
    QApplication::setOrganizationName(u"CrateDesk"_s);
    QApplication::setApplicationVersion(QStringLiteral(CRATEDESK_VERSION));
    QApplication::setDesktopFileName(u"org.cratedesk.CrateDesk"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Browse, publish and curate crates on Cargo feeds."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption screenshot(u"screenshot"_s, u"Render the main window to a PNG file and exit."_s, u"file"_s);
    parser.addOption(screenshot);
    const QCommandLineOption dataDir(u"data"_s, u"The local feed's data folder."_s, u"dir"_s, FeedServerOptions::defaultDataDir());
    const QCommandLineOption port(u"port"_s, u"The local feed's port on 127.0.0.1 (0 picks a free one)."_s, u"n"_s,
                                  QString::number(FeedServerOptions::DefaultPort));
    parser.addOptions({dataDir, port});
    parser.process(app);

    // The local feed is what a fresh install opens: it runs in-process for as long as the app.
    FeedServerOptions feedOptions;
    feedOptions.dataDir = parser.value(dataDir);
    feedOptions.port = quint16(parser.value(port).toUInt());
    LocalFeed localFeed(feedOptions);
    const FeedError feedError = localFeed.start();

    FeedListModel feeds;
    Feed local;
    local.name = QApplication::translate("CrateDesk", "Local feed");
    local.origin = Feed::Origin::Local;
    local.indexUrl = feedError ? QUrl(u"http://127.0.0.1:%1/"_s.arg(feedOptions.port)) : localFeed.indexUrl();
    feeds.setFeeds({local});

    MainWindow window(&feeds);
    window.showLocalFeedStatus(feedError ? QApplication::translate("CrateDesk", "The local feed is not running: %1").arg(feedError.detail)
                                         : QApplication::translate("CrateDesk", "Local feed serving %1").arg(localFeed.cargoIndexUrl()));

    if (parser.isSet(screenshot)) {
        const QString file = parser.value(screenshot);
        window.show();
        // Grab after the first event-loop pass so that layouts and styles have settled.
        QTimer::singleShot(0, &window, [&window, file] {
            const QImage image = window.grab().toImage();
            if (image.isNull() || !image.save(file, "PNG")) {
                std::fprintf(stderr, "cratedesk: could not write the screenshot to %s\n", qPrintable(file));
                QApplication::exit(1);
                return;
            }
            QApplication::exit(0);
        });
        return QApplication::exec();
    }

    window.show();
    return QApplication::exec();
}
