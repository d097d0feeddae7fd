// SPDX-License-Identifier: GPL-3.0-or-later
// Feed > Use with Cargo… for the embedded local feed, as a new user meets it: the dialog
// offers `local` (not the display name "Local feed", which cargo refuses), lets the user
// type another name and refuses one cargo would refuse, with cargo's words. Applied to a
// throw-away CARGO_HOME, the written config is then used by the real cargo: `cargo publish`
// gets the desktop app's token from `cratedesk credential` (the keychain, never a file) and
// `cargo build` resolves the crate from the feed. Runs under with-keyring.sh.
#include "../localfeed/cargoproject.h"
#include "../ui/screenshot.h"
#include "cargo/cargosetupdialog.h"
#include "localfeed/desktopfeedtoken.h"
#include "localfeed/feedstore.h"
#include "secrets/keychainsecretstore.h"
#include "testsupport.h"

#include <QApplication>
#include <QLayout>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestCargoSetupLocalFeed : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    ServeProcess m_serve {TestSupport::cratedeskExecutable(), m_dir.filePath(u"feed"_s), m_dir.filePath(u"serve.log"_s)};
    std::unique_ptr<CargoProject> m_cargo;
    KeychainSecretStore m_secrets; // the app's own keychain service, which `cratedesk credential` reads
    QByteArray m_desktopToken;

    // The embedded feed as the desktop app hands it to the dialog.
    Feed localFeed() const
    {
        Feed feed;
        feed.name = u"Local feed"_s;
        feed.indexUrl = m_serve.baseUrl();
        feed.auth = Feed::AuthKind::Token;
        feed.origin = Feed::Origin::Local;
        return feed;
    }

    static QByteArray readAll(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"), "run this test through with-keyring.sh");
        QString error;
        QVERIFY2(m_serve.start({}, &error), qPrintable(error));
        // The token the desktop app makes for its feed and keeps in the keychain.
        FeedStore store(m_serve.dataDir());
        QVERIFY(!store.open(FeedStore::OpenMode::Admin));
        DesktopFeedToken token(&store, &m_secrets);
        QSignalSpy ready(&token, &DesktopFeedToken::ready);
        token.obtain();
        QVERIFY(ready.wait(DesktopFeedToken::KeychainTimeoutMs + 5000));
        m_desktopToken = ready.at(0).at(0).toByteArray();
        QVERIFY2(!m_desktopToken.isEmpty(), qPrintable(ready.at(0).at(1).toString()));

        m_cargo = std::make_unique<CargoProject>(m_serve.indexUrl(), false);
        QVERIFY(m_cargo->isValid());
        // A CARGO_HOME that knows no registry yet: only the dialog will name the feed.
        QFile config(m_cargo->home() + u"/config.toml"_s);
        QVERIFY(config.open(QIODevice::WriteOnly | QIODevice::Truncate));
        config.write("[net]\nretry = 1\n");
    }

    void theDialogOffersANameCargoAccepts_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }

    void theDialogOffersANameCargoAccepts()
    {
        QFETCH(bool, dark);
        CargoSetupDialog dialog(localFeed(), &m_secrets);
        if (dark)
            dialog.setPalette(darkPalette());
        dialog.setCargoHome(m_cargo->home());
        QCOMPARE(dialog.registryName(), u"local"_s);
        QVERIFY2(dialog.canApply(), qPrintable(dialog.statusText()));
        QVERIFY(dialog.diffText().contains(u"+[registries.local]"_s));
        // The provider is asked for the embedded feed by the name the command line gives it.
        QVERIFY(dialog.diffText().contains(u"\"credential\", \"--feed\", \"local\"]"_s));

        // The display name, typed by hand: refused with cargo's own message.
        auto *name = dialog.findChild<QLineEdit *>(u"registryName"_s);
        QVERIFY(name);
        name->selectAll();
        QTest::keyClicks(name, u"Local feed"_s);
        QCOMPARE(dialog.registryName(), u"Local feed"_s);
        QVERIFY(!dialog.canApply());
        QVERIFY2(dialog.statusText().contains(u"invalid character ` ` in registry name: `Local feed`"_s),
            qPrintable(dialog.statusText()));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.layout()->activate();
        QVERIFY(saveScreenshot(&dialog, dark ? u"cargosetup-localfeed-refused-dark"_s : u"cargosetup-localfeed-refused"_s));

        // Another name of the user's choice goes into every line.
        dialog.setRegistryName(u"my-crates"_s);
        QVERIFY(dialog.canApply());
        QVERIFY(dialog.diffText().contains(u"+[registries.my-crates]"_s));
        dialog.setRegistryName(u"local"_s);
        dialog.layout()->activate();
        QVERIFY(saveScreenshot(&dialog, dark ? u"cargosetup-localfeed-dark"_s : u"cargosetup-localfeed"_s));
    }

    void cargoPublishesAndBuildsThroughTheWrittenConfig()
    {
        CargoSetupDialog dialog(localFeed(), &m_secrets);
        dialog.setCargoHome(m_cargo->home());
        // The test's own executable is no credential provider; the installed one is.
        dialog.setProviderCommand({TestSupport::cratedeskExecutable(), u"credential"_s, u"--feed"_s, u"local"_s});
        QSignalSpy applied(&dialog, &CargoSetupDialog::applied);
        QVERIFY2(dialog.canApply(), qPrintable(dialog.statusText()));
        dialog.apply();
        QCOMPARE(applied.size(), 1);
        const QByteArray written = readAll(m_cargo->home() + u"/config.toml"_s);
        QVERIFY2(written.contains(QByteArray("[registries.local]\nindex = \"" + m_serve.indexUrl().toUtf8() + "\"\n")),
            written.constData());

        const QString lib = m_cargo->writeCrate(
            u"dialog-alpha"_s, u"0.1.0"_s, CargoProject::Kind::Library, u"pub fn answer() -> u32 { 42 }\n"_s);
        CARGO_VERIFY(m_cargo->run({u"publish"_s, u"--registry"_s, u"local"_s, u"--no-verify"_s}, lib));
        const QString app = m_cargo->writeCrate(u"dialog-app"_s, u"0.1.0"_s, CargoProject::Kind::Binary,
            u"fn main() { println!(\"{}\", dialog_alpha::answer()); }\n"_s, {{u"dialog-alpha"_s, u"0.1"_s}}, {}, false);
        CARGO_VERIFY(m_cargo->run({u"build"_s}, app));
        const auto run = m_cargo->run({u"run"_s, u"--quiet"_s}, app);
        CARGO_VERIFY_THAT(run.succeeded() && run.output.endsWith("42\n"), run, u"the built program should print 42"_s);
        // cargo had the token from the keychain: no file holds it.
        QVERIFY(!QFileInfo::exists(m_cargo->home() + u"/credentials.toml"_s));
        QStringList dirs {m_cargo->home(), m_dir.path()};
        dirs += qEnvironmentVariable("CRATEDESK_TEST_SECRET_DIRS").split(u':', Qt::SkipEmptyParts);
        QCOMPARE(TestSupport::filesContaining(dirs, m_desktopToken), QStringList());
    }

    void cleanupTestCase() { QCOMPARE(m_serve.stop(), 0); }
};

QTEST_MAIN(TestCargoSetupLocalFeed)
#include "tst_cargosetuplocalfeed.moc"
