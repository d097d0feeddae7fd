// SPDX-License-Identifier: GPL-3.0-or-later
// The connector dialogs, offscreen: the local feed's connector dialog round-trips its
// settings, refuses bad input in words and tests a real connection to a local feed; the ProGet
// dialogs list, create, attach and delete connectors on the test server and say when the
// Free edition ignores filters, and the window opens them from its Feed menu for a ProGet feed
// with the key from the keychain (with-keyring.sh). Every dialog is grabbed to PNG for a human
// to look at.
#include "proget/progetmanagementclient.h"
#include "localfeed/localfeed.h"
#include "filterlisteditor.h"
#include "localconnectordialog.h"
#include "progetconnectordialog.h"
#include "progetconnectorsdialog.h"
#include "progettestserver.h"
#include "../ui/screenshot.h"
#include "testsupport.h"
#include "net/httpclient.h"
#include "itemmodels/feedlistmodel.h"
#include "mainwindow.h"
#include "registry/feedsessions.h"
#include "secrets/keychainsecretstore.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

bool saveShot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("CRATEDESK_SCREENSHOT_DIR", QDir::currentPath());
    QDir().mkpath(dir);
    return widget->grab().save(dir + u'/' + name + u".png"_s);
}

} // namespace

class TestConnectorDialogs : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_nam;
    std::unique_ptr<HttpClient> m_http;

private Q_SLOTS:
    void initTestCase()
    {
        m_http = std::make_unique<HttpClient>(&m_nam);
        m_http->setRetryBaseDelay(10);
    }

    void localRoundTrip()
    {
        LocalConnectorDialog dialog(m_http.get());
        ConnectorConfig config;
        config.name = u"crates-io"_s;
        config.indexUrl = QUrl(u"https://index.crates.io/"_s);
        config.auth = ConnectorConfig::Auth::Basic;
        config.user = u"mirror"_s;
        config.timeoutSeconds = 45;
        config.cacheSeconds = 300;
        config.filters = {u"serde*"_s, u"tokio*"_s, u"!left-pad"_s};
        config.approved = {{u"serde"_s, u"^1.0"_s}, {u"log"_s, {}}};
        config.licenses = {{u"MIT"_s, u"Apache-2.0"_s}, {u"GPL-3.0-only"_s}, false};
        config.minAgeDays = 7;
        config.ageExceptions = {{u"acme-internal"_s, {}}, {u"serde"_s, u"=1.0.219"_s}};
        config.advisoryDatabase = TestSupport::sourceDir() + u"/tests/fixtures/advisory-db"_s;
        config.blockSeverity = u"high"_s;
        dialog.setConfig(config);
        QCOMPARE(dialog.config(), config);
        QVERIFY2(dialog.validationError().isEmpty(), qPrintable(dialog.validationError()));
        QVERIFY(dialog.secret().isEmpty());
        dialog.show();
        auto *tabs = dialog.findChild<QTabWidget *>();
        QVERIFY(tabs);
        const QStringList shots{u"local-connector-upstream"_s, u"local-connector-filters"_s, u"local-connector-licenses"_s,
                                u"local-connector-safety"_s};
        QCOMPARE(tabs->count(), shots.size());
        for (int tab = 0; tab < tabs->count(); ++tab) {
            tabs->setCurrentIndex(tab);
            QVERIFY(saveShot(&dialog, shots.at(tab)));
        }
        dialog.setPalette(darkPalette());
        QVERIFY(saveShot(&dialog, u"local-connector-safety-dark"_s));
    }

    // The safety tab refuses what the connector could not use, saying which field.
    void localSafetyRefusesBadInput_data()
    {
        QTest::addColumn<QString>("exceptions");
        QTest::addColumn<QString>("advisories");
        QTest::addColumn<QString>("severity");
        QTest::addColumn<QString>("message");
        QTest::newRow("a bad requirement") << u"serde ^x"_s << QString() << QString() << u"Never hold"_s;
        QTest::newRow("no advisory database there") << QString() << u"/nonexistent/advisory-db"_s << QString()
                                                    << u"not a RustSec advisory database"_s;
        QTest::newRow("a severity without advisories") << QString() << QString() << u"critical"_s << u"needs a RustSec advisory database"_s;
    }

    void localSafetyRefusesBadInput()
    {
        QFETCH(QString, exceptions);
        QFETCH(QString, advisories);
        QFETCH(QString, severity);
        QFETCH(QString, message);
        LocalConnectorDialog dialog(m_http.get());
        dialog.findChild<QLineEdit *>(u"name"_s)->setText(u"up"_s);
        dialog.findChild<QLineEdit *>(u"url"_s)->setText(u"https://index.crates.io/"_s);
        dialog.findChild<QPlainTextEdit *>(u"ageExceptions"_s)->setPlainText(exceptions);
        dialog.findChild<QLineEdit *>(u"advisories"_s)->setText(advisories);
        auto *blockSeverity = dialog.findChild<QComboBox *>(u"blockSeverity"_s);
        blockSeverity->setCurrentIndex(blockSeverity->findData(severity));
        QVERIFY2(dialog.validationError().contains(message), qPrintable(dialog.validationError()));
    }

    void localRefusesBadInput()
    {
        LocalConnectorDialog dialog(m_http.get());
        dialog.show();
        dialog.findChild<QLineEdit *>(u"name"_s)->setText(u"up"_s);
        dialog.findChild<QLineEdit *>(u"url"_s)->setText(u"ftp://nowhere/"_s);
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(dialog.isVisible());
        bool explained = false;
        for (QLabel *label : dialog.findChildren<QLabel *>())
            explained |= label->isVisible() && label->text().contains(u"not a sparse registry URL"_s);
        QVERIFY(explained);
        QVERIFY(saveShot(&dialog, u"local-connector-error"_s));
    }

    void localTestConnection()
    {
        QTemporaryDir dir;
        FeedServerOptions options;
        options.dataDir = dir.path();
        options.port = 0;
        LocalFeed feed(options);
        QVERIFY(!feed.start());
        LocalConnectorDialog dialog(m_http.get());
        dialog.show();
        dialog.findChild<QLineEdit *>(u"name"_s)->setText(u"upstream"_s);
        dialog.findChild<QLineEdit *>(u"url"_s)->setText(feed.cargoIndexUrl());
        QSignalSpy tested(&dialog, &LocalConnectorDialog::connectionTested);
        dialog.testConnection();
        QVERIFY(tested.wait(10000));
        QCOMPARE(tested.first().first().toBool(), true);
        QVERIFY2(dialog.testResult().contains(u"is a sparse registry with a web API"_s), qPrintable(dialog.testResult()));
        QVERIFY(saveShot(&dialog, u"local-connector-tested"_s));

        const quint16 port = feed.indexUrl().port();
        dialog.findChild<QLineEdit *>(u"url"_s)->setText(u"http://127.0.0.1:%1/"_s.arg(port == 1 ? 2 : 1));
        dialog.testConnection();
        QVERIFY(tested.wait(20000));
        QCOMPARE(tested.last().first().toBool(), false);
        QVERIFY2(dialog.testResult().contains(u"failed"_s), qPrintable(dialog.testResult()));
    }

    void progetConnectors()
    {
        ProGetTestServer server("key");
        QVERIFY(server.listen());
        server.setEdition("Free");
        server.addFeed(QJsonObject{{u"name"_s, u"approved-cargo"_s}, {u"feedType"_s, u"cargo"_s}, {u"connectors"_s, QJsonArray{}}});
        ProGetManagementClient client(server.url(), m_http.get());
        client.setApiKey("key");
        ProGetConnectorsDialog dialog(&client, u"approved-cargo"_s);
        QSignalSpy refreshed(&dialog, &ProGetConnectorsDialog::refreshed);
        QSignalSpy finished(&dialog, &ProGetConnectorsDialog::operationFinished);
        dialog.show();
        QVERIFY(refreshed.wait(10000));
        QCOMPARE(dialog.connectorNames(), QStringList());

        ProGetConnector crates;
        crates.name = u"crates-io"_s;
        crates.url = u"https://crates.io"_s;
        crates.timeout = 30;
        crates.filters = QStringList{u"serde*"_s, u"!left-pad"_s};
        dialog.createConnector(crates);
        QVERIFY(refreshed.wait(10000));
        QVERIFY2(dialog.statusText().contains(u"need a paid ProGet edition"_s), qPrintable(dialog.statusText()));
        ProGetConnector other;
        other.name = u"internal"_s;
        other.url = u"https://cargo.example.com/"_s;
        other.username = u"mirror"_s;
        other.password = u"secret"_s;
        dialog.createConnector(other);
        QVERIFY(refreshed.wait(10000));
        QCOMPARE(dialog.connectorNames(), (QStringList{u"crates-io"_s, u"internal"_s}));

        dialog.setAttached(u"crates-io"_s, true);
        QVERIFY(refreshed.wait(10000));
        QCOMPARE(dialog.attached(), QStringList{u"crates-io"_s});
        QCOMPARE(server.feed(u"approved-cargo"_s).value(u"connectors"_s).toArray(), QJsonArray{u"crates-io"_s});
        QVERIFY(saveShot(&dialog, u"proget-connectors"_s));

        dialog.deleteConnector(u"internal"_s);
        QVERIFY(refreshed.wait(10000));
        QCOMPARE(dialog.connectorNames(), QStringList{u"crates-io"_s});

        client.setApiKey("wrong");
        dialog.refresh();
        QVERIFY(finished.wait(10000));
        QVERIFY2(dialog.statusText().contains(u"system API key"_s), qPrintable(dialog.statusText()));
    }

    void progetConnectorsFromTheFeedMenu()
    {
        ProGetTestServer server("key");
        QVERIFY(server.listen());
        server.addFeed(QJsonObject{{u"name"_s, u"approved-cargo"_s}, {u"feedType"_s, u"cargo"_s},
                                   {u"connectors"_s, QJsonArray{u"crates-io"_s}}});
        {
            ProGetManagementClient admin(server.url(), m_http.get());
            admin.setApiKey("key");
            ProGetConnector crates;
            crates.name = u"crates-io"_s;
            crates.url = u"https://crates.io"_s;
            crates.timeout = 30;
            crates.filters = QStringList{u"serde*"_s, u"tokio*"_s, u"!left-pad"_s};
            ProGetCall *created = admin.createConnector(crates);
            QSignalSpy done(created, &ProGetCall::finished);
            QVERIFY(done.wait(10000));
        }
        Feed proget;
        proget.name = u"Approved crates"_s;
        proget.indexUrl = server.url().resolved(QUrl(u"cargo/approved-cargo/"_s));
        proget.auth = Feed::AuthKind::Token;
        Feed gitea;
        gitea.name = u"Gitea"_s;
        gitea.indexUrl = server.url().resolved(QUrl(u"api/packages/acme/cargo/"_s));
        KeychainSecretStore secrets(u"CrateDeskTest"_s);
        bool stored = false;
        secrets.writeSecret(proget.secretKey(), "key", this, [&](const SecretStore::Result &result) { stored = result.ok(); });
        QTRY_VERIFY(stored);

        FeedSessions sessions(m_http.get(), nullptr, &secrets);
        FeedListModel feeds;
        feeds.setFeeds({gitea, proget});
        MainWindow window(MainWindowContext{&feeds, nullptr, &sessions, nullptr});
        window.resize(1100, 700);
        window.show();
        window.selectFeed(gitea.name);
        QVERIFY2(!window.proGetConnectorsAction()->isEnabled(), "offered for a feed that is not ProGet's …/cargo/FEED/");
        window.selectFeed(proget.name);
        QVERIFY(window.proGetConnectorsAction()->isEnabled());

        window.proGetConnectorsAction()->trigger();
        ProGetConnectorsDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = window.findChild<ProGetConnectorsDialog *>()));
        QVERIFY(dialog->isVisible());
        QVERIFY2(!dialog->isModal(), "the connectors dialog should leave the window usable");
        QTRY_COMPARE(dialog->attached(), QStringList{u"crates-io"_s});
        QTRY_COMPARE(dialog->connectorNames(), QStringList{u"crates-io"_s});
        const QList<ProGetTestServer::Request> requests = server.requests();
        QVERIFY(!requests.isEmpty());
        for (const auto &request : requests)
            QCOMPARE(request.apiKey, QByteArray("key"));
        QVERIFY(requests.constLast().path.contains(u"approved-cargo"_s));
        QVERIFY(saveShot(dialog, u"proget-connectors-from-menu"_s));
        dialog->setPalette(darkPalette());
        QVERIFY(saveShot(dialog, u"proget-connectors-from-menu-dark"_s));

        const QPointer<ProGetConnectorsDialog> closed = dialog;
        dialog->close(); // deleted on close, with its client
        QTRY_VERIFY(!closed);
    }

    void progetConnectorEditor()
    {
        ProGetConnectorDialog dialog(ProGetEdition{u"2024.20"_s, u"Free"_s});
        ProGetConnector connector;
        connector.name = u"crates-io"_s;
        connector.url = u"https://crates.io"_s;
        connector.timeout = 30;
        connector.filters = QStringList{u"serde*"_s, u"!left-pad"_s};
        dialog.setConnector(connector);
        const ProGetConnector back = dialog.connector();
        QCOMPARE(back.filters, connector.filters);
        QCOMPARE(back.timeout, connector.timeout);
        dialog.show();
        QVERIFY(saveShot(&dialog, u"proget-connector-edit"_s));
    }
};

QTEST_MAIN(TestConnectorDialogs)
#include "tst_connectordialogs.moc"
