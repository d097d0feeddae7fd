// SPDX-License-Identifier: GPL-3.0-or-later
#include "guiapp.h"

#include "localfeed/feedstore.h"
#include "localfeed/localfeed.h"
#include "localfeed/localfeedhost.h"
#include "localfeed/localfeedlocations.h"
#include "itemmodels/cratefilterproxymodel.h"
#include "itemmodels/cratelistmodel.h"
#include "itemmodels/feedlistmodel.h"
#include "appicon.h"
#include "translations.h"
#include "mainwindow.h"
#include "browse/cratebrowser.h"
#include "registry/feedsessions.h"
#include "registry/feedsettings.h"
#include "net/httpclient.h"
#include "publish/publishqueue.h"
#include "publish/publishsession.h"
#include "registry/registryclient.h"
#include "secrets/keychainsecretstore.h"
#include "storage/indexcache.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QImage>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>
#include <QTreeView>

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

// Publishes the .crate files of `dir` into an empty local feed, so that a first look at the
// app shows real content. Runs through a publish session like any publish: the files are
// read on worker threads, and nothing here waits.
void seedLocalFeed(RegistryClient *client, const QString &dir, QObject *parent)
{
    QStringList files;
    for (const QFileInfo &file : QDir(dir).entryInfoList({u"*.crate"_s}, QDir::Files, QDir::Name))
        files << file.absoluteFilePath();
    if (files.isEmpty())
        return;
    auto *session = new PublishSession(client, parent);
    session->queue()->setPollInterval(20);
    QObject::connect(session, &PublishSession::allChecked, session, [session] {
        if (!session->start())
            session->deleteLater();
    });
    QObject::connect(session->queue(), &PublishQueue::finished, session, &QObject::deleteLater);
    QObject::connect(session, &PublishSession::feedLost, session, &QObject::deleteLater);
    session->addFiles(files);
}

} // namespace

int runGuiApp(int argc, char **argv)
{
    const QString screenshotFile = screenshotTarget(argc, argv);
    if (!screenshotFile.isEmpty() && !hasDisplay())
        qputenv("QT_QPA_PLATFORM", "offscreen");

    QApplication app(argc, argv);
    QApplication::setApplicationName(u"cratedesk"_s);
    QApplication::setApplicationDisplayName(u"CrateDesk"_s);
    QApplication::setOrganizationName(u"CrateDesk"_s);
    QApplication::setApplicationVersion(QStringLiteral(CRATEDESK_VERSION));
    QApplication::setDesktopFileName(AppIcon::applicationId());
    QApplication::setWindowIcon(AppIcon::icon());
    Translations::install(&app);

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Browse, publish and curate crates on Cargo feeds."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption screenshot(u"screenshot"_s, u"Render the main window to a PNG file and exit."_s, u"file"_s);
    const QCommandLineOption screenshotDelay(u"screenshot-delay"_s, u"Milliseconds to let the window load before --screenshot."_s, u"ms"_s, u"0"_s);
    const QCommandLineOption dataDir(u"data"_s, u"The local feed's data folder."_s, u"dir"_s, FeedServerOptions::defaultDataDir());
    const QCommandLineOption port(u"port"_s, u"The local feed's port on 127.0.0.1 (0 picks a free one)."_s, u"n"_s,
                                  QString::number(FeedServerOptions::DefaultPort));
    const QCommandLineOption seed(u"seed-from"_s, u"Publish the .crate files of this folder into the local feed when it is empty."_s, u"dir"_s);
    const QCommandLineOption openCrate(u"open"_s, u"Open this crate of the first feed."_s, u"crate"_s);
    parser.addOptions({screenshot, screenshotDelay, dataDir, port, seed, openCrate});
    parser.process(app);

    // The composition root: one network manager, one HTTP client, one index cache and the
    // keychain, shared by every feed the window opens.
    QNetworkAccessManager nam;
    HttpClient http(&nam);
    const QString cacheDir = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    QDir().mkpath(cacheDir);
    IndexCache cache(cacheDir + u"/index.sqlite"_s);
    QString cacheError;
    if (!cache.open(&cacheError))
        std::fprintf(stderr, "cratedesk: the index cache is not available (%s); working without it\n", qPrintable(cacheError));
    KeychainSecretStore secrets;
    QSettings settings;
    FeedSettings feedSettings(&settings);
    FeedSessions sessions(&http, &cache, &secrets);
    CrateBrowser browser(cacheDir + u"/crates"_s);

    // The local feed is what a fresh install opens: it runs in-process for as long as the app,
    // on a thread of its own so that a publish to it never freezes the window.
    FeedServerOptions feedOptions;
    feedOptions.dataDir = parser.value(dataDir);
    feedOptions.port = quint16(parser.value(port).toUInt());
    feedOptions.authRequired = settings.value(FeedServerOptions::RequireTokenToReadKey, false).toBool();
    LocalFeedHost localFeed(feedOptions);

    Feed local;
    local.name = QApplication::translate("CrateDesk", "Local feed");
    local.origin = Feed::Origin::Local;
    local.auth = Feed::AuthKind::Token;
    FeedListModel feeds;

    // Whatever publishes to the local feed (this window, cargo, a seed), the list follows:
    // one refresh shortly after a burst of changes.
    QTimer localChanges;
    localChanges.setSingleShot(true);
    localChanges.setInterval(300);
    QObject::connect(&localFeed, &LocalFeedHost::crateChanged, &localChanges, qOverload<>(&QTimer::start));
    QObject::connect(&localChanges, &QTimer::timeout, &browser, [&browser, &local] {
        if (browser.client() && browser.client()->feed().name == local.name)
            browser.refresh();
    });

    // The window opens once the app has its token for the local feed (from the keychain, a
    // moment): every client of that feed is then made with it.
    std::unique_ptr<MainWindow> window;
    auto openWindow = [&](const QByteArray &token, const QString &tokenWarning) {
        const FeedError feedError = localFeed.error();
        if (!token.isEmpty())
            sessions.setCredential(local.name, token);
        if (!tokenWarning.isEmpty())
            std::fprintf(stderr, "cratedesk: the local feed's token is not kept in the keychain (%s); the next start makes a new one\n",
                         qPrintable(tokenWarning));
        if (!feedError && !token.isEmpty() && parser.isSet(seed)) {
            localFeed.call<int>([](LocalFeed &feed) { return feed.store()->crateCount(); }, &app,
                                [&sessions, &local, dir = parser.value(seed), &app](int crates) {
                                    if (crates == 0)
                                        seedLocalFeed(sessions.client(local), dir, &app);
                                });
        }

        window = std::make_unique<MainWindow>(MainWindowContext{&feeds, &feedSettings, &sessions, &browser, feedError ? nullptr : &localFeed});
        window->showLocalFeedStatus(feedError ? QApplication::translate("CrateDesk", "The local feed is not running: %1").arg(feedError.detail)
                                              : QApplication::translate("CrateDesk", "Local feed serving %1").arg(localFeed.cargoIndexUrl()));
        MainWindow *shown = window.get();
        if (parser.isSet(openCrate)) {
            const QString name = parser.value(openCrate);
            // The crate may arrive only with a later listing (a seed still publishing).
            auto opened = std::make_shared<bool>(false);
            QObject::connect(&browser, &CrateBrowser::listingFinished, shown, [shown, &browser, name, opened] {
                const int row = browser.crates()->rowOf(name);
                if (row < 0 || *opened)
                    return;
                *opened = true;
                shown->crateView()->setCurrentIndex(browser.filteredCrates()->mapFromSource(browser.crates()->index(row, 0)));
            });
        }

        shown->show();
        if (parser.isSet(screenshot)) {
            const QString file = parser.value(screenshot);
            // Grab after the event loop has run a while, so that layouts, styles and (with a
            // delay) answers from the feed have settled.
            QTimer::singleShot(parser.value(screenshotDelay).toInt(), shown, [shown, file] {
                const QImage image = shown->grab().toImage();
                if (image.isNull() || !image.save(file, "PNG")) {
                    std::fprintf(stderr, "cratedesk: could not write the screenshot to %s\n", qPrintable(file));
                    QApplication::exit(1);
                    return;
                }
                QApplication::exit(0);
            });
        }
    };
    QObject::connect(&localFeed, &LocalFeedHost::started, &app, [&](const FeedError &feedError) {
        local.indexUrl = feedError ? QUrl(u"http://127.0.0.1:%1/"_s.arg(feedOptions.port)) : localFeed.indexUrl();
        if (!feedError)
            LocalFeedLocations(&settings).remember(localFeed.indexUrl(), localFeed.dataDir());
        feeds.setFeeds(FeedList{local} + feedSettings.feeds());
        if (feedError)
            return openWindow({}, {});
        // One token of the app's own, kept in the keychain, instead of a new one at every start.
        QObject::connect(&localFeed, &LocalFeedHost::desktopTokenReady, &app, openWindow, Qt::SingleShotConnection);
        localFeed.obtainDesktopToken();
    }, Qt::SingleShotConnection);
    localFeed.start();
    return QApplication::exec();
}
