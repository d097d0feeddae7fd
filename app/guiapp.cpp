// SPDX-License-Identifier: GPL-3.0-or-later
#include "guiapp.h"

#include "commandline.h"
#include "compareversionsdialog.h"

#include "appicon.h"
#include "browse/cratebrowser.h"
#include "itemmodels/cratefilterproxymodel.h"
#include "itemmodels/cratelistmodel.h"
#include "itemmodels/feedlistmodel.h"
#include "localfeed/feedstore.h"
#include "localfeed/localfeed.h"
#include "localfeed/localfeedhost.h"
#include "localfeed/localfeedlocations.h"
#include "localfeed/localfeedsettings.h"
#include "mainwindow.h"
#include "net/httpclient.h"
#include "publish/publishqueue.h"
#include "publish/publishsession.h"
#include "registry/feedsessions.h"
#include "registry/feedsettings.h"
#include "registry/registryclient.h"
#include "screenshottaker.h"
#include "secrets/keychainsecretstore.h"
#include "settings/settingssession.h"
#include "storage/indexcache.h"
#include "storage/indexcachesettings.h"
#include "translations.h"

#include <QApplication>
#include <QPointer>
#include <QCommandLineParser>
#include <QDir>
#include <QImage>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>
#include <QTreeView>

#include <cstdio>
#include <optional>

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

// --help and --version print and exit: they must work in a terminal without a display too.
bool asksForHelpOrVersion(int argc, char **argv)
{
    static const QList<QByteArray> flags = {"-h", "--help", "--help-all", "-?", "-v", "--version"};
    for (int i = 1; i < argc; ++i) {
        if (flags.contains(QByteArray(argv[i])))
            return true;
    }
    return false;
}

bool hasDisplay()
{
    return qEnvironmentVariableIsSet("DISPLAY") || qEnvironmentVariableIsSet("WAYLAND_DISPLAY")
        || qEnvironmentVariableIsSet("QT_QPA_PLATFORM");
}

// Publishes the .crate files of `dir` into an empty local feed, so that a first look at the
// app shows real content. Runs through a publish session like any publish: the files are
// read on worker threads, and nothing here waits.
PublishSession *seedLocalFeed(RegistryClient *client, const QString &dir, QObject *parent)
{
    QStringList files;
    for (const QFileInfo &file : QDir(dir).entryInfoList({u"*.crate"_s}, QDir::Files, QDir::Name))
        files << file.absoluteFilePath();
    if (files.isEmpty())
        return nullptr;
    auto *session = new PublishSession(client, parent);
    session->queue()->setPollInterval(20);
    QObject::connect(session, &PublishSession::allChecked, session, [session] {
        if (!session->start())
            session->deleteLater();
    });
    QObject::connect(session->queue(), &PublishQueue::finished, session, &QObject::deleteLater);
    QObject::connect(session, &PublishSession::feedLost, session, &QObject::deleteLater);
    session->addFiles(files);
    return session;
}

// What the command line asks of the desktop app.
struct DesktopOptions
{
    QString screenshotFile;
    int screenshotDelayMs = 300;
    QString dataDir;
    std::optional<quint16> port; // --port; without it, the Settings dialog's port
    QString seedDir;
    QString openCrate;
    bool compareVersions = false;
    QStringList publishFiles;
};

DesktopOptions parseDesktopOptions(const QApplication &app)
{
    QCommandLineParser parser;
    // Without a command the executable is the desktop app; --help says that the commands exist.
    parser.setApplicationDescription(u"Browse, publish and curate crates on Cargo feeds. Without a command, "
                                      "CrateDesk opens its window; with one, it runs headless.\n\n"_s
                                      + commandLineSummary());
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption screenshot(u"screenshot"_s, u"Render the main window to a PNG file and exit."_s, u"file"_s);
    const QCommandLineOption screenshotDelay(u"screenshot-delay"_s,
        u"Milliseconds the window must stay settled before --screenshot (default 300; 0: at once)."_s, u"ms"_s, u"300"_s);
    const QCommandLineOption dataDir(u"data"_s, u"The local feed's data folder."_s, u"dir"_s, FeedServerOptions::defaultDataDir());
    const QCommandLineOption port(
        u"port"_s,
        u"The local feed's port on 127.0.0.1 (0 picks a free one; default: the port in Settings, %1 unless changed)."_s.arg(FeedServerOptions::DefaultPort),
        u"n"_s);
    const QCommandLineOption seed(u"seed-from"_s, u"Publish the .crate files of this folder into the local feed when it is empty."_s, u"dir"_s);
    const QCommandLineOption openCrate(u"open"_s, u"Open this crate of the first feed."_s, u"crate"_s);
    const QCommandLineOption compare(u"compare"_s, u"With --open: compare the crate's two newest versions."_s);
    parser.addOptions({screenshot, screenshotDelay, dataDir, port, seed, openCrate, compare});
    parser.addPositionalArgument(
        u"files"_s, u"Open the publish panel of the first feed with these .crate files."_s, u"[file.crate...]"_s);
    parser.process(app);
    QStringList files;
    for (const QString &path : parser.positionalArguments())
        files << QFileInfo(path).absoluteFilePath();
    return {parser.value(screenshot), parser.value(screenshotDelay).toInt(), parser.value(dataDir),
            parser.isSet(port) ? std::optional(quint16(parser.value(port).toUInt())) : std::nullopt, parser.value(seed),
            parser.value(openCrate), parser.isSet(compare), files};
}

void setUpApplication(QApplication &app)
{
    QApplication::setApplicationName(u"cratedesk"_s);
    QApplication::setApplicationDisplayName(u"CrateDesk"_s);
    QApplication::setOrganizationName(u"CrateDesk"_s);
    QApplication::setApplicationVersion(QStringLiteral(CRATEDESK_VERSION));
    QApplication::setDesktopFileName(AppIcon::applicationId());
    QApplication::setWindowIcon(AppIcon::icon());
    Translations::install(&app);
}

QString cacheFolder()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    QDir().mkpath(dir);
    return dir;
}

// The composition root: one network manager, one HTTP client, one index cache and the
// keychain, shared by every feed the window opens; the local feed, which is what a fresh
// install opens, in-process for as long as the app and on a thread of its own; and the window,
// once the app has its token for the local feed.
class DesktopApp final
{
public:
    explicit DesktopApp(const DesktopOptions &options);
    void start() { m_localFeed.start(); }

private:
    static FeedServerOptions feedOptions(const DesktopOptions &options, QSettings *settings);
    void localFeedStarted(const FeedError &error);
    void localFeedMoved(const QUrl &indexUrl);
    void openWindow(const QByteArray &token, const QString &tokenWarning);
    void seedWhenEmpty();
    void openCrateOnceListed(MainWindow *window);
    void prepareScreenshot();
    void awaitScreenshotContent(MainWindow *window);
    void awaitComparison(MainWindow *window);

    DesktopOptions m_options;
    QNetworkAccessManager m_nam;
    HttpClient m_http{&m_nam};
    QString m_cacheDir = cacheFolder();
    IndexCache m_cache{m_cacheDir + u"/index.sqlite"_s};
    KeychainSecretStore m_secrets;
    QSettings m_settings;
    SettingsSession m_settingsSession{&m_settings, &m_secrets};
    FeedSettings m_feedSettings{&m_settings};
    FeedSessions m_sessions{&m_http, &m_cache, &m_secrets};
    CrateBrowser m_browser{m_cacheDir + u"/crates"_s};
    LocalFeedHost m_localFeed;
    Feed m_local;
    FeedListModel m_feeds;
    QTimer m_localChanges;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<ScreenshotTaker> m_screenshot;
    QPointer<QWidget> m_screenshotDialog; // the dialog to picture instead of the window
};

DesktopApp::DesktopApp(const DesktopOptions &options)
    : m_options(options)
    , m_localFeed(feedOptions(options, &m_settings))
{
    // Before anything goes out: the proxy the user chose (the local feed never goes through it).
    m_settingsSession.installProxy();
    QObject::connect(&m_settingsSession, &SettingsSession::proxyInstalled, &m_settingsSession, [](const QString &error) {
        if (!error.isEmpty())
            std::fprintf(stderr, "cratedesk: the proxy's password is not available (%s)\n", qPrintable(error));
    });
    // The window shows a bad CA file in its banner (SettingsSession keeps the problem).
    m_settingsSession.installCaCertificates();
    m_cache.setSizeLimit(IndexCacheSettings::bytes(IndexCacheSettings(&m_settings).sizeLimitMiB()));
    m_settingsSession.setIndexCache(&m_cache);
    m_settingsSession.setLocalFeed(&m_localFeed);
    // Opened on the cache's own thread; what the window asks meanwhile waits its turn there.
    m_cache.open().then([](const QString &cacheError) {
        if (!cacheError.isEmpty())
            std::fprintf(stderr, "cratedesk: the index cache is not available (%s); working without it\n",
                         qPrintable(cacheError));
    });
    m_local.name = QApplication::translate("CrateDesk", "Local feed");
    m_local.origin = Feed::Origin::Local;
    m_local.auth = Feed::AuthKind::Token;

    // Whatever publishes to the local feed (this window, cargo, a seed), the list follows:
    // one refresh shortly after a burst of changes.
    m_localChanges.setSingleShot(true);
    m_localChanges.setInterval(300);
    QObject::connect(&m_localFeed, &LocalFeedHost::crateChanged, &m_localChanges, qOverload<>(&QTimer::start));
    QObject::connect(&m_localChanges, &QTimer::timeout, &m_browser, [this] {
        if (m_browser.client() && m_browser.client()->feed().name == m_local.name)
            m_browser.refresh();
    });
    QObject::connect(&m_localFeed, &LocalFeedHost::started, &m_localFeed, [this](const FeedError &error) { localFeedStarted(error); },
                     Qt::SingleShotConnection);
    QObject::connect(&m_localFeed, &LocalFeedHost::portChanged, &m_localFeed,
                     [this](const QUrl &, const QUrl &url, const FeedError &error) {
                         if (!error)
                             localFeedMoved(url);
                     });
}

FeedServerOptions DesktopApp::feedOptions(const DesktopOptions &options, QSettings *settings)
{
    const LocalFeedSettings stored(settings);
    FeedServerOptions feed;
    feed.dataDir = options.dataDir;
    feed.port = options.port.value_or(stored.port());
    feed.authRequired = stored.requireTokenToRead();
    return feed;
}

void DesktopApp::localFeedStarted(const FeedError &error)
{
    const quint16 port = feedOptions(m_options, &m_settings).port;
    m_local.indexUrl = error ? QUrl(u"http://127.0.0.1:%1/"_s.arg(port)) : m_localFeed.indexUrl();
    if (!error)
        LocalFeedLocations(&m_settings).remember(m_localFeed.indexUrl(), m_localFeed.dataDir());
    m_feeds.setFeeds(FeedList{m_local} + m_feedSettings.feeds());
    if (error)
        return openWindow({}, {});
    // One token of the app's own, kept in the keychain, instead of a new one at every start.
    QObject::connect(&m_localFeed, &LocalFeedHost::desktopTokenReady, &m_localFeed,
                     [this](const QByteArray &token, const QString &warning) { openWindow(token, warning); }, Qt::SingleShotConnection);
    m_localFeed.obtainDesktopToken();
}

// The Settings dialog moved the feed: the credential provider must know the new URL as this
// user's feed, and feeds listed from now on point there (the window updates its own list).
void DesktopApp::localFeedMoved(const QUrl &indexUrl)
{
    m_local.indexUrl = indexUrl;
    LocalFeedLocations(&m_settings).remember(indexUrl, m_localFeed.dataDir());
}

void DesktopApp::openWindow(const QByteArray &token, const QString &tokenWarning)
{
    const FeedError feedError = m_localFeed.error();
    if (!token.isEmpty())
        m_sessions.setCredential(m_local.name, token);
    if (!tokenWarning.isEmpty())
        std::fprintf(stderr, "cratedesk: the local feed's token is not kept in the keychain (%s); the next start makes a new one\n",
                     qPrintable(tokenWarning));
    prepareScreenshot();
    if (!feedError && !token.isEmpty() && !m_options.seedDir.isEmpty())
        seedWhenEmpty();

    m_window = std::make_unique<MainWindow>(
        MainWindowContext{&m_feeds, &m_feedSettings, &m_sessions, &m_browser, feedError ? nullptr : &m_localFeed, &m_settingsSession});
    m_window->showLocalFeedStatus(feedError ? QApplication::translate("CrateDesk", "The local feed is not running: %1").arg(feedError.detail)
                                            : QApplication::translate("CrateDesk", "Local feed serving %1").arg(m_localFeed.cargoIndexUrl()));
    if (!m_options.openCrate.isEmpty())
        openCrateOnceListed(m_window.get());
    m_window->show();
    awaitScreenshotContent(m_window.get());
    if (!m_options.publishFiles.isEmpty())
        m_window->publishFiles(m_options.publishFiles);
}

void DesktopApp::seedWhenEmpty()
{
    if (m_screenshot)
        m_screenshot->expect();
    m_localFeed.call<int>([](LocalFeed &feed) { return feed.store()->crateCount(); }, &m_localFeed,
        [this](int crates) {
            PublishSession *seed
                = crates == 0 ? seedLocalFeed(m_sessions.client(m_local), m_options.seedDir, &m_localFeed) : nullptr;
            if (seed && m_screenshot)
                QObject::connect(seed, &QObject::destroyed, m_screenshot.get(), &ScreenshotTaker::arrived);
            else if (m_screenshot)
                m_screenshot->arrived();
        });
}

// The crate may arrive only with a later listing (a seed still publishing).
void DesktopApp::openCrateOnceListed(MainWindow *window)
{
    auto opened = std::make_shared<bool>(false);
    QObject::connect(&m_browser, &CrateBrowser::listingFinished, window, [this, window, name = m_options.openCrate, opened] {
        const int row = m_browser.crates()->rowOf(name);
        if (row < 0 || *opened)
            return;
        *opened = true;
        window->crateView()->setCurrentIndex(m_browser.filteredCrates()->mapFromSource(m_browser.crates()->index(row, 0)));
    });
}

void DesktopApp::prepareScreenshot()
{
    if (m_options.screenshotFile.isEmpty())
        return;
    m_screenshot = std::make_unique<ScreenshotTaker>(m_options.screenshotFile, m_options.screenshotDelayMs);
    // The publish panel when files were given, otherwise the main window.
    m_screenshot->setTarget([this]() -> QWidget * {
        if (m_screenshotDialog && m_screenshotDialog->isVisible())
            return m_screenshotDialog.data();
        if (PublishPanel *panel = m_window ? m_window->publishPanel() : nullptr; panel && panel->isVisible())
            return panel;
        return m_window.get();
    });
}

// What the picture waits for: the first listing, the crate asked for with its contents, and
// the checks of the files to publish.
void DesktopApp::awaitScreenshotContent(MainWindow *window)
{
    if (!m_screenshot)
        return;
    ScreenshotTaker *taker = m_screenshot.get();
    taker->expect();
    QObject::connect(&m_browser, &CrateBrowser::listingFinished, taker, &ScreenshotTaker::arrived, Qt::SingleShotConnection);
    if (!m_options.openCrate.isEmpty()) {
        taker->expect();
        auto connection = std::make_shared<QMetaObject::Connection>();
        *connection = QObject::connect(&m_browser, &CrateBrowser::contentsKnown, taker, [this, window, taker, connection] {
            if (m_browser.overview().name != m_options.openCrate)
                return;
            QObject::disconnect(*connection);
            if (m_options.compareVersions)
                awaitComparison(window);
            taker->arrived();
        });
    }
    if (!m_options.publishFiles.isEmpty()) {
        taker->expect();
        QTimer::singleShot(0, taker, [window, taker] {
            PublishPanel *panel = window->publishPanel();
            if (!panel)
                return taker->arrived();
            QObject::connect(
                panel->session(), &PublishSession::allChecked, taker, &ScreenshotTaker::arrived, Qt::SingleShotConnection);
        });
    }
}

// --compare: the Compare Versions dialog of the open crate, pictured once it has compared.
void DesktopApp::awaitComparison(MainWindow *window)
{
    CompareVersionsDialog *dialog = window->openCompareVersions();
    if (!dialog) {
        std::fprintf(stderr, "cratedesk: %s has fewer than two versions to compare\n", qPrintable(m_options.openCrate));
        return;
    }
    m_screenshotDialog = dialog;
    m_screenshot->expect();
    QObject::connect(dialog, &CompareVersionsDialog::settled, m_screenshot.get(), &ScreenshotTaker::arrived, Qt::SingleShotConnection);
}

} // namespace

int runGuiApp(int argc, char **argv)
{
    if ((!screenshotTarget(argc, argv).isEmpty() || asksForHelpOrVersion(argc, argv)) && !hasDisplay())
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    setUpApplication(app);
    DesktopApp desktop(parseDesktopOptions(app));
    desktop.start();
    return QApplication::exec();
}
