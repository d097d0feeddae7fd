// SPDX-License-Identifier: GPL-3.0-or-later
// File > Settings against a real local feed on its own thread and a real keyring: moving the
// feed to another port (the new port answers, the old one refuses, a port in use keeps the
// old one), "require a token to read", the cache's limit, the CA file, and the proxy modes, with a test
// proxy (FaultServer) that proves requests go through it and the local feed never does.
#include "cargo/cargosetupdialog.h"
#include "cacheanswer.h"
#include "faultserver.h"
#include "itemmodels/feedlistmodel.h"
#include "localfeed/localfeedhost.h"
#include "localfeed/localfeedsettings.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include "net/extracacertificates.h"
#include "net/httpclient.h"
#include "net/networkproxyfactory.h"
#include "registry/feedsessions.h"
#include "screenshot.h"
#include "secrets/keychainsecretstore.h"
#include "settings/settingssession.h"
#include "settingsdialog.h"
#include "storage/indexcache.h"
#include "storage/indexcachesettings.h"
#include "testsupport.h"
#include "translations.h"

#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

// A port nothing listens on right now.
quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

} // namespace

class TestSettingsDialog : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QNetworkAccessManager m_nam; // its proxy is the application's: what the settings install
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<KeychainSecretStore> m_secrets;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<IndexCache> m_cache;
    std::unique_ptr<LocalFeedHost> m_host;
    std::unique_ptr<SettingsSession> m_session;
    std::unique_ptr<FeedSessions> m_sessions;
    std::unique_ptr<FeedListModel> m_feeds;
    std::unique_ptr<MainWindow> m_window;

    // The status of a GET, or -1 with the connection refused, -2 on another network error.
    int statusOf(const QUrl &url, QByteArray *body = nullptr)
    {
        std::unique_ptr<QNetworkReply> reply(m_nam.get(QNetworkRequest(url)));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        if (!finished.wait(15000))
            return -3;
        if (body)
            *body = reply->readAll();
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (status.isValid())
            return status.toInt();
        return reply->error() == QNetworkReply::ConnectionRefusedError ? -1 : -2;
    }

    QUrl localUrl(const QString &path) const { return m_host->indexUrl().resolved(QUrl(path)); }
    static QUrl portUrl(quint16 port) { return QUrl(u"http://127.0.0.1:%1/config.json"_s.arg(port)); }

    SettingsDialog *openDialog()
    {
        SettingsDialog *dialog = m_window->openSettings();
        return dialog && QTest::qWaitForWindowExposed(dialog) ? dialog : nullptr;
    }

    // Clicks OK and waits for the session's answer.
    bool clickOk(SettingsDialog *dialog)
    {
        QSignalSpy applied(m_session.get(), &SettingsSession::applied);
        dialog->buttons()->button(QDialogButtonBox::Ok)->click();
        return applied.wait(15000);
    }

    void closeDialog()
    {
        if (SettingsDialog *dialog = m_window->findChild<SettingsDialog *>())
            dialog->reject();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setApplicationDisplayName(u"CrateDesk"_s);
        Translations::install(qApp);
        QVERIFY(m_dir.isValid());
        m_settings = std::make_unique<QSettings>(m_dir.filePath(u"cratedesk.ini"_s), QSettings::IniFormat);
        m_secrets = std::make_unique<KeychainSecretStore>(u"CrateDesk-settings-test"_s);
        m_http = std::make_unique<HttpClient>(&m_nam);
        m_cache = std::make_unique<IndexCache>(m_dir.filePath(u"index.sqlite"_s));
        const QString error = cacheAnswer(m_cache->open());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(cacheAnswer(m_cache->put(u"feed"_s, u"3/s/serde"_s, {QByteArray(4096, 'x'), {}, {}, QDateTime::currentDateTimeUtc(), {}})));

        FeedServerOptions options;
        options.dataDir = m_dir.filePath(u"feed"_s);
        options.port = freePort();
        m_host = std::make_unique<LocalFeedHost>(options);
        QSignalSpy started(m_host.get(), &LocalFeedHost::started);
        m_host->start();
        QVERIFY(started.wait(30000));
        QVERIFY(m_host->isRunning());

        m_session = std::make_unique<SettingsSession>(m_settings.get(), m_secrets.get());
        m_session->setLocalFeed(m_host.get());
        m_session->setIndexCache(m_cache.get());
        Feed local;
        local.name = u"Local feed"_s;
        local.origin = Feed::Origin::Local;
        local.indexUrl = m_host->indexUrl();
        m_feeds = std::make_unique<FeedListModel>();
        m_feeds->setFeeds({local});
        m_sessions = std::make_unique<FeedSessions>(m_http.get(), nullptr, m_secrets.get());
        m_window = std::make_unique<MainWindow>(
            MainWindowContext{m_feeds.get(), nullptr, m_sessions.get(), nullptr, m_host.get(), m_session.get()});
        m_window->resize(1100, 700);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup() { closeDialog(); }

    void cleanupTestCase()
    {
        m_window.reset();
        QNetworkProxyFactory::setApplicationProxyFactory(nullptr);
    }

    // File > Settings…, with the platform's shortcut; it opens one dialog and raises it again.
    void settingsLiveInTheFileMenu()
    {
        QAction *settings = m_window->settingsAction();
        QVERIFY(settings->isEnabled());
        QCOMPARE(settings->shortcut(), QKeySequence(QKeySequence::Preferences));
        bool inFileMenu = false;
        for (const QMenu *menu : m_window->menuBar()->findChildren<QMenu *>())
            inFileMenu = inFileMenu || (menu->title() == tr("&File") && menu->actions().contains(settings));
        QVERIFY(inFileMenu);
        // "Require a token" moved into the dialog: no menu holds it any more.
        for (const QMenu *menu : m_window->menuBar()->findChildren<QMenu *>()) {
            for (const QAction *action : menu->actions())
                QVERIFY2(!action->text().contains(u"Token"_s, Qt::CaseInsensitive), qPrintable(action->text()));
        }
        settings->trigger();
        SettingsDialog *dialog = m_window->findChild<SettingsDialog *>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QCOMPARE(m_window->openSettings(), dialog);
        QCOMPARE(dialog->portField()->text(), QString::number(m_host->indexUrl().port()));
    }

    // Every control has a name for a screen reader, and every field a label with a mnemonic
    // that leads to it (Alt+letter); nothing refuses keyboard focus.
    void everyControlIsKeyboardReachable()
    {
        QPointer<SettingsDialog> dialog = openDialog();
        QVERIFY(dialog);
        dialog->manualProxyButton()->setChecked(true);
        QList<QWidget *> fields;
        for (QWidget *widget : dialog->findChildren<QWidget *>()) {
            if (qobject_cast<QLineEdit *>(widget) && widget->parent()->inherits("QAbstractSpinBox"))
                continue; // a spin box's own editor
            if (qobject_cast<QLineEdit *>(widget) || qobject_cast<QSpinBox *>(widget))
                fields << widget;
        }
        QCOMPARE(fields.size(), 7);
        for (QWidget *field : fields) {
            QVERIFY2(!field->accessibleName().isEmpty(), qPrintable(field->objectName()));
            QVERIFY2(field->focusPolicy() & Qt::TabFocus, qPrintable(field->objectName()));
            bool labelled = false;
            for (const QLabel *label : dialog->findChildren<QLabel *>())
                labelled = labelled || (label->buddy() == field && label->text().contains(u'&'));
            QVERIFY2(labelled, qPrintable(field->objectName()));
        }
        const std::initializer_list<QAbstractButton *> buttons{dialog->requireTokenBox(), dialog->systemProxyButton(),
                                                               dialog->noProxyButton(), dialog->manualProxyButton(),
                                                               dialog->caFileBrowseButton()};
        for (const QAbstractButton *button : buttons)
            QVERIFY2(button->text().contains(u'&'), qPrintable(button->objectName()));
    }

    void portValidation_data()
    {
        QTest::addColumn<QString>("port");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("zero, any free port") << u"0"_s << false;
        QTest::newRow("privileged 80") << u"80"_s << false;
        QTest::newRow("last privileged 1023") << u"1023"_s << false;
        QTest::newRow("past the end 70000") << u"70000"_s << false;
        QTest::newRow("65536") << u"65536"_s << false;
        QTest::newRow("negative") << u"-1"_s << false;
        QTest::newRow("text") << u"http"_s << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("digits and text") << u"18080a"_s << false;
        QTest::newRow("first allowed 1024") << u"1024"_s << true;
        QTest::newRow("last allowed 65535") << u"65535"_s << true;
        QTest::newRow("with spaces") << u" 18080 "_s << true;
    }

    // A port the feed may not use is refused next to the field, and OK then changes nothing.
    void portValidation()
    {
        QFETCH(QString, port);
        QFETCH(bool, accepted);
        QPointer<SettingsDialog> dialog = openDialog();
        dialog->portField()->setText(port);
        QCOMPARE(dialog->validate(), accepted);
        QCOMPARE(dialog->fieldError(SettingsDialog::Field::Port).isEmpty(), accepted);
        if (accepted)
            return;
        const QUrl before = m_host->indexUrl();
        QSignalSpy applied(m_session.get(), &SettingsSession::applied);
        dialog->buttons()->button(QDialogButtonBox::Ok)->click();
        QVERIFY(dialog->isVisible());
        QVERIFY(!m_session->isApplying());
        QCOMPARE(applied.size(), 0);
        QCOMPARE(m_host->indexUrl(), before);
    }

    void proxyHostValidation_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("name") << u"proxy.example.com"_s << true;
        QTest::newRow("single label") << u"proxy"_s << true;
        QTest::newRow("IPv4") << u"10.0.0.1"_s << true;
        QTest::newRow("IPv6") << u"fd00::1"_s << true;
        QTest::newRow("surrounding spaces are trimmed") << u"  proxy.example.com "_s << true;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("space inside") << u"proxy example.com"_s << false;
        QTest::newRow("tab inside") << u"proxy\texample.com"_s << false;
        QTest::newRow("http scheme") << u"http://proxy.example.com"_s << false;
        QTest::newRow("socks scheme") << u"socks5://proxy"_s << false;
        QTest::newRow("with a port") << u"proxy.example.com:3128"_s << false;
        QTest::newRow("with a path") << u"proxy.example.com/pac"_s << false;
        QTest::newRow("with a user") << u"alice@proxy.example.com"_s << false;
    }

    // Only a bare host name or address names a proxy; the other modes do not look at it.
    void proxyHostValidation()
    {
        QFETCH(QString, host);
        QFETCH(bool, accepted);
        QPointer<SettingsDialog> dialog = openDialog();
        dialog->manualProxyButton()->setChecked(true);
        QVERIFY(dialog->proxyHostField()->isEnabled());
        dialog->proxyHostField()->setText(host);
        QCOMPARE(dialog->validate(), accepted);
        QCOMPARE(dialog->fieldError(SettingsDialog::Field::ProxyHost).isEmpty(), accepted);
        dialog->systemProxyButton()->setChecked(true);
        QVERIFY(!dialog->proxyHostField()->isEnabled());
        QVERIFY(dialog->validate());
    }

    // The CA file's path must be whole; whether it holds certificates is learnt on OK.
    void caFileValidation_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("none") << QString() << true;
        QTest::newRow("spaces only") << u"   "_s << true;
        QTest::newRow("full path") << u"/etc/ssl/company-ca.pem"_s << true;
        QTest::newRow("relative") << u"company-ca.pem"_s << false;
        QTest::newRow("home shorthand") << u"~/company-ca.pem"_s << false;
    }

    void caFileValidation()
    {
        QFETCH(QString, file);
        QFETCH(bool, accepted);
        QPointer<SettingsDialog> dialog = openDialog();
        dialog->caFileField()->setText(file);
        QCOMPARE(dialog->validate(), accepted);
        QCOMPARE(dialog->fieldError(SettingsDialog::Field::CaFile).isEmpty(), accepted);
    }

    // A file that holds no certificate keeps the dialog open with the reason, in the banner and
    // under the field, and is not kept; a good one is kept and closes the dialog.
    void aCaFileIsKeptOnlyWhenItHoldsCertificates()
    {
        const QString tls = TestSupport::sourceDir() + u"/tests/fixtures/tls/"_s;
        QPointer<SettingsDialog> dialog = openDialog();
        QCOMPARE(dialog->caFileField()->text(), QString());
        dialog->caFileField()->setText(tls + u"localhost-key.pem"_s);
        QVERIFY(clickOk(dialog));
        QVERIFY(dialog && dialog->isVisible());
        QVERIFY2(dialog->banner()->text().contains(u"holds no PEM certificate"_s), qPrintable(dialog->banner()->text()));
        QVERIFY2(dialog->banner()->text().contains(u"localhost-key.pem"_s), qPrintable(dialog->banner()->text()));
        QVERIFY(!dialog->fieldError(SettingsDialog::Field::CaFile).isEmpty());
        QVERIFY(!m_settings->contains(ExtraCaCertificates::FileKey));
        QVERIFY(saveScreenshot(dialog, u"settingsdialog-ca-error"_s));
        dialog->setPalette(darkPalette());
        QVERIFY(saveScreenshot(dialog, u"settingsdialog-ca-error-dark"_s));
        dialog->setPalette(QPalette());

        dialog->caFileField()->setText(tls + u"localhost-cert.pem"_s);
        QVERIFY(clickOk(dialog));
        QTRY_VERIFY(!dialog);
        QCOMPARE(m_settings->value(ExtraCaCertificates::FileKey).toString(), tls + u"localhost-cert.pem"_s);
        dialog = openDialog();
        QCOMPARE(dialog->caFileField()->text(), tls + u"localhost-cert.pem"_s);
        dialog->caFileField()->clear();
        QVERIFY(clickOk(dialog));
        QTRY_VERIFY(!dialog);
        QVERIFY(!m_settings->contains(ExtraCaCertificates::FileKey));
    }

    // Browse… opens a file chooser at the current file's folder; what it picks fills the field.
    void browseFillsTheCaFile()
    {
        const QString tls = TestSupport::sourceDir() + u"/tests/fixtures/tls"_s;
        QPointer<SettingsDialog> dialog = openDialog();
        dialog->caFileField()->setText(tls + u"/other.pem"_s);
        dialog->caFileBrowseButton()->click();
        QPointer<QFileDialog> chooser = dialog->findChild<QFileDialog *>(u"caFileChooser"_s);
        QVERIFY(chooser);
        QTRY_VERIFY(chooser->isVisible());
        QCOMPARE(QDir(chooser->directory()).canonicalPath(), QDir(tls).canonicalPath());
        chooser->selectFile(tls + u"/localhost-cert.pem"_s);
        static_cast<QDialog *>(chooser.data())->accept(); // QFileDialog hides it; it checks the file as OK does
        QCOMPARE(dialog->caFileField()->text(), tls + u"/localhost-cert.pem"_s);
        QTRY_VERIFY(!chooser);
    }

    // OK moves the feed: the new port answers, the old one refuses, the setting keeps the
    // new port, the window's local feed points there, and cargo's configuration is offered again.
    void changingThePortMovesTheFeed()
    {
        const quint16 oldPort = quint16(m_host->indexUrl().port());
        QCOMPARE(statusOf(portUrl(oldPort)), 200);
        const quint16 newPort = freePort();
        QPointer<SettingsDialog> dialog = openDialog();
        dialog->portField()->setText(QString::number(newPort));
        QVERIFY(clickOk(dialog));
        QTRY_VERIFY(!dialog); // closed, and deleted on close

        QCOMPARE(m_host->indexUrl().port(), int(newPort));
        QByteArray config;
        QCOMPARE(statusOf(portUrl(newPort), &config), 200);
        // The feed's own URLs (downloads, API) name the new port too.
        QVERIFY2(config.contains(u"127.0.0.1:%1"_s.arg(newPort).toUtf8()), config.constData());
        QCOMPARE(statusOf(portUrl(oldPort)), -1);
        QCOMPARE(LocalFeedSettings(m_settings.get()).port(), newPort);
        QCOMPARE(m_feeds->feeds().constFirst().indexUrl, m_host->indexUrl());

        MessageBanner *banner = m_window->banner();
        QVERIFY(banner->isVisible());
        QVERIFY2(banner->text().contains(QString::number(newPort)) && banner->text().contains(QString::number(oldPort)),
                 qPrintable(banner->text()));
        QPushButton *again = banner->findChild<QPushButton *>(u"useWithCargoAgain"_s);
        QVERIFY(again);
        QVERIFY(saveScreenshot(m_window.get(), u"settings-feed-moved"_s));
        // The banner's button leads to cargo's configuration for the local feed at its new URL.
        again->click();
        CargoSetupDialog *setup = m_window->findChild<CargoSetupDialog *>();
        QVERIFY(setup);
        QTRY_VERIFY(setup->isVisible());
        QCOMPARE(m_window->currentFeed()->indexUrl, m_host->indexUrl());
        setup->reject();
    }

    // A port another program holds: the reason is shown, the dialog stays, the feed keeps
    // serving its port, and the setting is not changed.
    void aPortInUseKeepsTheOldOne()
    {
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
        const quint16 oldPort = quint16(m_host->indexUrl().port());
        const quint16 storedBefore = LocalFeedSettings(m_settings.get()).port();
        QPointer<SettingsDialog> dialog = openDialog();
        dialog->portField()->setText(QString::number(squatter.serverPort()));
        QVERIFY(clickOk(dialog));
        QVERIFY(dialog->isVisible());
        const QString text = dialog->banner()->text();
        QVERIFY2(text.contains(u"Port %1 cannot be used"_s.arg(squatter.serverPort())), qPrintable(text));
        QVERIFY2(text.contains(u"still serves on port %1"_s.arg(oldPort)), qPrintable(text));
        QVERIFY(!dialog->fieldError(SettingsDialog::Field::Port).isEmpty());
        QVERIFY(dialog->buttons()->isEnabled());
        QCOMPARE(m_host->indexUrl().port(), int(oldPort));
        QCOMPARE(statusOf(portUrl(oldPort)), 200);
        QCOMPARE(LocalFeedSettings(m_settings.get()).port(), storedBefore);
        QVERIFY(saveScreenshot(dialog, u"settingsdialog-port-in-use"_s));
    }

    // "Require a token to read" takes effect at once: a read without a token is refused, and
    // allowed again once it is unchecked; the setting follows.
    void requireTokenToReadTakesEffect()
    {
        QCOMPARE(statusOf(localUrl(u"config.json"_s)), 200);
        QPointer<SettingsDialog> dialog = openDialog();
        QVERIFY(!dialog->requireTokenBox()->isChecked());
        dialog->requireTokenBox()->setChecked(true);
        QVERIFY(clickOk(dialog));
        QTRY_VERIFY(!dialog); // closed, and deleted on close
        QVERIFY(m_host->authRequired());
        QTRY_COMPARE(statusOf(localUrl(u"config.json"_s)), 401);
        QCOMPARE(m_settings->value(LocalFeedSettings::RequireTokenToReadKey).toBool(), true);

        dialog = openDialog();
        QVERIFY(dialog->requireTokenBox()->isChecked());
        dialog->requireTokenBox()->setChecked(false);
        QVERIFY(clickOk(dialog));
        QTRY_COMPARE(statusOf(localUrl(u"config.json"_s)), 200);
        QCOMPARE(m_settings->value(LocalFeedSettings::RequireTokenToReadKey).toBool(), false);
    }

    // The limit is kept and given to the running cache; the size on disk is shown.
    void cacheLimitIsKeptAndApplied()
    {
        QPointer<SettingsDialog> dialog = openDialog();
        QCOMPARE(dialog->cacheLimitField()->value(), IndexCacheSettings::defaultMiB());
        QTRY_VERIFY(dialog->cacheSizeLabel()->text() != tr("Measuring…"));
        QCOMPARE(dialog->cacheSizeLabel()->text(), QLocale().formattedDataSize(IndexCacheSettings::bytesOnDisk(m_cache->path())));
        QVERIFY(IndexCacheSettings::bytesOnDisk(m_cache->path()) > 4096);
        dialog->cacheLimitField()->setValue(64);
        QVERIFY(clickOk(dialog));
        QTRY_VERIFY(!dialog); // closed, and deleted on close
        QCOMPARE(m_cache->sizeLimit(), qint64(64) << 20);
        QCOMPARE(m_settings->value(IndexCacheSettings::SizeLimitKey).toInt(), 64);
        QCOMPARE(openDialog()->cacheLimitField()->value(), 64);
    }

    // "Clear Now" empties the running cache at once, shrinks its file, and shows the new size.
    void clearNowEmptiesTheCache()
    {
        QVERIFY(cacheAnswer(m_cache->put(u"feed"_s, u"ra/nd/rand"_s, {QByteArray(256 * 1024, 'r'), {}, {}, QDateTime::currentDateTimeUtc(), {}})));
        QVERIFY(cacheAnswer(m_cache->put(u"feed"_s, u"config.json"_s, {"{}", {}, {}, QDateTime::currentDateTimeUtc(), {}})));
        const qint64 before = IndexCacheSettings::bytesOnDisk(m_cache->path());
        QPointer<SettingsDialog> dialog = openDialog();
        QTRY_COMPARE(dialog->cacheSizeLabel()->text(), QLocale().formattedDataSize(before));
        QSignalSpy cleared(m_session.get(), &SettingsSession::cacheCleared);
        QTest::mouseClick(dialog->clearCacheButton(), Qt::LeftButton);
        QTRY_COMPARE(cleared.size(), 1);
        QCOMPARE(cleared.at(0).at(0).toBool(), true);
        QVERIFY(!cacheAnswer(m_cache->get(u"feed"_s, u"ra/nd/rand"_s)));
        QVERIFY(!cacheAnswer(m_cache->get(u"feed"_s, u"config.json"_s)));
        const qint64 after = IndexCacheSettings::bytesOnDisk(m_cache->path());
        QVERIFY2(after < before - 200 * 1024, qPrintable(u"%1 -> %2 bytes"_s.arg(before).arg(after)));
        QTRY_COMPARE(dialog->cacheSizeLabel()->text(), QLocale().formattedDataSize(after));
        QVERIFY(dialog->clearCacheButton()->isEnabled());
        QVERIFY(dialog->banner()->isHidden());
        dialog->reject();
    }

    void proxyModesAreKeptAndApplied_data()
    {
        QTest::addColumn<ProxySettings::Mode>("mode");
        QTest::newRow("none") << ProxySettings::Mode::None;
        QTest::newRow("manual") << ProxySettings::Mode::Manual;
        QTest::newRow("system") << ProxySettings::Mode::System;
    }

    // Each mode is kept and decides the proxy of every request; the local feed's never has one.
    void proxyModesAreKeptAndApplied()
    {
        QFETCH(ProxySettings::Mode, mode);
        // Looked up on each dialog: a pointer into a closed one may alias a button of the next.
        const auto buttonFor = [mode](SettingsDialog *shown) {
            return mode == ProxySettings::Mode::None     ? shown->noProxyButton()
                 : mode == ProxySettings::Mode::Manual ? shown->manualProxyButton()
                                                         : shown->systemProxyButton();
        };
        QPointer<SettingsDialog> dialog = openDialog();
        QVERIFY(dialog);
        buttonFor(dialog)->setChecked(true);
        if (mode == ProxySettings::Mode::Manual) {
            dialog->proxyHostField()->setText(u"proxy.example.com"_s);
            dialog->proxyPortField()->setValue(3128);
            dialog->proxyUserField()->clear();
        }
        QVERIFY(clickOk(dialog));
        QTRY_VERIFY(!dialog); // closed, and deleted on close
        QCOMPARE(ProxySettings::load(*m_settings).mode, mode);

        const QNetworkProxyQuery remote(QUrl(u"https://index.crates.io/config.json"_s));
        const QList<QNetworkProxy> proxies = QNetworkProxyFactory::proxyForQuery(remote);
        QVERIFY(!proxies.isEmpty());
        switch (mode) {
        case ProxySettings::Mode::None:
            QCOMPARE(proxies.constFirst().type(), QNetworkProxy::NoProxy);
            break;
        case ProxySettings::Mode::Manual:
            QCOMPARE(proxies.constFirst().type(), QNetworkProxy::HttpProxy);
            QCOMPARE(proxies.constFirst().hostName(), u"proxy.example.com"_s);
            QCOMPARE(proxies.constFirst().port(), quint16(3128));
            break;
        case ProxySettings::Mode::System:
            QCOMPARE(proxies, QNetworkProxyFactory::systemProxyForQuery(remote));
            break;
        }
        for (const QString &local : {u"http://127.0.0.1:17821/"_s, u"http://localhost:17821/"_s, u"http://[::1]:17821/"_s,
                                     u"http://127.1.2.3/"_s}) {
            const QNetworkProxyQuery query{QUrl(local)};
            const QList<QNetworkProxy> direct = QNetworkProxyFactory::proxyForQuery(query);
            QCOMPARE(direct.size(), 1);
            QVERIFY2(direct.constFirst().type() == QNetworkProxy::NoProxy, qPrintable(local));
            // Qt's application-wide lookup skips loopback by itself; the factory must too, for
            // a network manager it is given to directly (QNetworkAccessManager::setProxyFactory).
            NetworkProxyFactory own(ProxySettings::load(*m_settings), "pw");
            const QList<QNetworkProxy> ownAnswer = own.queryProxy(query);
            QCOMPARE(ownAnswer.size(), 1);
            QVERIFY2(ownAnswer.constFirst().type() == QNetworkProxy::NoProxy, qPrintable(local));
        }
        // Opened again, the dialog shows what is kept.
        dialog = openDialog();
        QVERIFY(dialog);
        QVERIFY(buttonFor(dialog)->isChecked());
        QCOMPARE(dialog->values().proxy.mode, mode);
    }

    // A manual proxy with a password: a request to a feed on the network goes through the
    // proxy (a FaultServer playing one), which gets the credentials after its challenge; the
    // local feed on 127.0.0.1 is reached directly; the password is in the keychain only.
    void manualProxyCarriesRequestsButNotTheLocalFeeds()
    {
        FaultServer proxy;
        QVERIFY(proxy.isListening());
        const QString remote = u"http://feed.example.invalid/config.json"_s;
        proxy.setRoute(remote, {FaultServer::Response::make(407, "proxy credentials needed\n")
                                    .withHeader("Proxy-Authenticate", "Basic realm=\"corp\""),
                                FaultServer::Response::ok("{\"dl\":\"http://feed.example.invalid/dl\"}")});
        const QByteArray password = "s3cret-proxy-passw0rd";
        QPointer<SettingsDialog> dialog = openDialog();
        dialog->manualProxyButton()->setChecked(true);
        dialog->proxyHostField()->setText(u"127.0.0.1"_s);
        dialog->proxyPortField()->setValue(proxy.port());
        dialog->proxyUserField()->setText(u"alice"_s);
        QTest::keyClicks(dialog->proxyPasswordField(), QString::fromUtf8(password));
        QVERIFY(saveScreenshot(dialog, u"settingsdialog"_s));
        dialog->setPalette(darkPalette());
        QVERIFY(saveScreenshot(dialog, u"settingsdialog-dark"_s));
        dialog->setPalette(QPalette());
        QVERIFY(clickOk(dialog));
        QTRY_VERIFY(!dialog); // closed, and deleted on close

        QByteArray body;
        QCOMPARE(statusOf(QUrl(remote), &body), 200);
        QVERIFY(body.contains("feed.example.invalid/dl"));
        const QList<FaultServer::Request> seen = proxy.requests();
        QVERIFY(!seen.isEmpty());
        QCOMPARE(seen.constFirst().target, remote.toUtf8()); // absolute form: a request to a proxy
        QCOMPARE(seen.constLast().header("Proxy-Authorization"), "Basic " + QByteArray("alice:" + password).toBase64());

        proxy.clearRequests();
        QCOMPARE(statusOf(localUrl(u"config.json"_s)), 200);
        QCOMPARE(statusOf(QUrl(u"http://localhost:%1/config.json"_s.arg(m_host->indexUrl().port()))), 200);
        QCOMPARE(proxy.requests().size(), 0);

        m_settings->sync();
        QFile ini(m_settings->fileName());
        QVERIFY(ini.open(QIODevice::ReadOnly));
        const QByteArray stored = ini.readAll();
        QVERIFY(stored.contains("127.0.0.1") && stored.contains("alice"));
        QVERIFY(!stored.contains(password));
        QSignalSpy read(this, &TestSettingsDialog::secretRead);
        m_secrets->readSecret(ProxySettings::PasswordSecretKey, this,
                              [this](const SecretStore::Result &result) { Q_EMIT secretRead(result.secret); });
        QVERIFY(read.wait(10000));
        QCOMPARE(read.first().first().toByteArray(), password);

        // At the next start the password comes back from the keychain by itself.
        QNetworkProxyFactory::setApplicationProxyFactory(nullptr);
        QSignalSpy installed(m_session.get(), &SettingsSession::proxyInstalled);
        m_session->installProxy();
        QVERIFY(installed.wait(10000));
        QCOMPARE(installed.first().first().toString(), QString());
        const QNetworkProxy restored = QNetworkProxyFactory::proxyForQuery(QNetworkProxyQuery(QUrl(remote))).constFirst();
        QCOMPARE(restored.password(), QString::fromUtf8(password));
    }

Q_SIGNALS:
    void secretRead(const QByteArray &secret);
};

QTEST_MAIN(TestSettingsDialog)
#include "tst_settingsdialog.moc"
