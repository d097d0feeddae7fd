// SPDX-License-Identifier: GPL-3.0-or-later
// `cratedesk cargo-setup` with the real cargo against `cratedesk serve --auth-required`: cargo
// publishes and builds with the token only in the keychain (served by `cratedesk credential`),
// crates.io can be routed through the feed, a commented config keeps every byte it had, and
// undo puts it back exactly. Runs under with-keyring.sh.
#include "../localfeed/cargoproject.h"
#include "clirun.h"
#include "testsupport.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

// A hand-kept config: comments everywhere, tables cargo-setup has no business with, odd
// spacing. Only the intended lines may change in it.
const QByteArray HandKept =
    "# My cargo settings -- do not lose these comments!\n"
    "\n"
    "[alias]   # shortcuts\n"
    "b = \"build\"\n"
    "t = [\"test\", \"--all\"]   # trailing comment\n"
    "\n"
    "[net]\n"
    "retry = 1        # keep failures quick\n"
    "git-fetch-with-cli = false\n"
    "\n"
    "# the feed, index only so far\n"
    "[registries.local]\n"
    "index = \"sparse+http://127.0.0.1:1/\"   # where it used to be\n"
    "\n"
    "[term]\n"
    "verbose = false\n"
    "# end of file\n";

} // namespace

class TestCargoSetup : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    ServeProcess m_serve{TestSupport::cratedeskExecutable(), m_dir.filePath(u"feed"_s), m_dir.filePath(u"serve.log"_s)};
    std::unique_ptr<CargoProject> m_cargo;
    QString m_token;

    QString configFile() const { return m_cargo->home() + u"/config.toml"_s; }

    CliResult setup(const QStringList &extra = {})
    {
        return runCratedesk(QStringList{u"cargo-setup"_s, u"--feed"_s, u"local"_s, u"--cargo-home"_s, m_cargo->home()} + extra);
    }

    void verifyTokenOnlyInKeychain()
    {
        QStringList dirs{m_cargo->home(), m_dir.path()};
        dirs += qEnvironmentVariable("CRATEDESK_TEST_SECRET_DIRS").split(u':', Qt::SkipEmptyParts);
        QCOMPARE(TestSupport::filesContaining(dirs, m_token.toUtf8()), QStringList());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"), "run this test through with-keyring.sh");
        QString error;
        QVERIFY2(m_serve.start({u"--auth-required"_s}, &error), qPrintable(error));
        m_token = m_serve.createToken(u"setup"_s, &error);
        QVERIFY2(!m_token.isEmpty(), qPrintable(error));
        m_cargo = std::make_unique<CargoProject>(m_serve.indexUrl(), true);
        QVERIFY(m_cargo->isValid());
        QVERIFY(writeAll(configFile(), HandKept));
        const CliResult added = runCratedesk({u"feed"_s, u"add"_s, u"local"_s, m_serve.indexUrl(), u"--token-stdin"_s}, m_token.toUtf8() + '\n');
        QVERIFY2(added.exitCode == 0, qPrintable(added.describe()));
    }

    void dryRunWritesNothing()
    {
        const CliResult dry = setup({u"--dry-run"_s});
        QVERIFY2(dry.exitCode == 0, qPrintable(dry.describe()));
        QVERIFY2(dry.out.contains("+credential-provider = [\""), qPrintable(dry.describe()));
        QCOMPARE(readAll(configFile()), HandKept);
        const CliResult env = setup({u"--print-env"_s, u"--default"_s});
        QVERIFY2(env.out.contains(QByteArray("export CARGO_REGISTRIES_LOCAL_INDEX='" + m_serve.indexUrl().toUtf8() + "'\n")), qPrintable(env.describe()));
        QVERIFY2(env.out.contains("export CARGO_REGISTRY_DEFAULT='local'\n"), qPrintable(env.describe()));
        QCOMPARE(readAll(configFile()), HandKept);
    }

    void setupKeepsEveryOtherByte()
    {
        const CliResult result = setup();
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        QByteArray expected = HandKept;
        expected.replace("index = \"sparse+http://127.0.0.1:1/\"   # where it used to be\n",
                         QByteArray("index = \"" + m_serve.indexUrl().toUtf8() + "\"   # where it used to be\n"
                                    "credential-provider = [\"" + TestSupport::cratedeskExecutable().toUtf8() + "\", \"credential\", \"--feed\", \"local\"]\n"));
        QCOMPARE(readAll(configFile()), expected);
        QCOMPARE(readAll(configFile() + u".cratedesk-backup"_s), HandKept);

        const CliResult again = setup();
        QVERIFY2(again.exitCode == 0 && again.out.contains("nothing to change"), qPrintable(again.describe()));
        QCOMPARE(readAll(configFile()), expected);
    }

    void publishAndBuildWithTheTokenInTheKeychainOnly()
    {
        const QString lib = m_cargo->writeCrate(u"setup-alpha"_s, u"0.1.0"_s, CargoProject::Kind::Library,
                                                u"pub fn answer() -> u32 { 42 }\n"_s);
        CARGO_VERIFY(m_cargo->run({u"publish"_s, u"--registry"_s, u"local"_s, u"--no-verify"_s}, lib));
        const QString app = m_cargo->writeCrate(u"setup-app"_s, u"0.1.0"_s, CargoProject::Kind::Binary,
                                                u"fn main() { println!(\"{}\", setup_alpha::answer()); }\n"_s,
                                                {{u"setup-alpha"_s, u"0.1"_s}}, {}, false);
        CARGO_VERIFY(m_cargo->run({u"build"_s}, app));
        QVERIFY(!QFileInfo::exists(m_cargo->home() + u"/credentials.toml"_s));
        verifyTokenOnlyInKeychain();
    }

    void cratesIoResolvesThroughTheFeed()
    {
        // A crate that stands in for one from crates.io: without network, the only place
        // cargo can find it is the feed that replaces crates.io.
        const QString dep = m_cargo->writeCrate(u"setup-mirrored"_s, u"1.2.3"_s, CargoProject::Kind::Library,
                                                u"pub fn mirrored() -> &'static str { \"via the feed\" }\n"_s);
        CARGO_VERIFY(m_cargo->run({u"publish"_s, u"--registry"_s, u"local"_s, u"--no-verify"_s}, dep));

        const CliResult result = setup({u"--proxy-crates-io"_s});
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        QVERIFY2(readAll(configFile()).endsWith("\n[source.crates-io]\nreplace-with = \"local\"\n"), readAll(configFile()).constData());

        const QString project = m_cargo->projectDir(u"uses-crates-io"_s);
        QVERIFY(QDir().mkpath(project + u"/src"_s));
        QVERIFY(writeAll(project + u"/Cargo.toml"_s,
                         "[package]\nname = \"uses-crates-io\"\nversion = \"0.1.0\"\nedition = \"2021\"\npublish = false\n\n"
                         "[dependencies]\nsetup-mirrored = \"1.2\"\n"));
        QVERIFY(writeAll(project + u"/src/main.rs"_s, "fn main() { println!(\"{}\", setup_mirrored::mirrored()); }\n"));
        CARGO_VERIFY(m_cargo->run({u"build"_s}, project));
        const auto locked = CargoProject::lockedPackages(project);
        const auto it = std::find_if(locked.cbegin(), locked.cend(), [](const auto &p) { return p.name == u"setup-mirrored"_s; });
        QVERIFY(it != locked.cend());
        QCOMPARE(it->source, u"registry+https://github.com/rust-lang/crates.io-index"_s);
        verifyTokenOnlyInKeychain();
    }

    void cargoLoginAndLogoutGoThroughTheKeychain()
    {
        // cargo login hands the token to the provider, which stores it in the feed's keychain
        // entry; nothing lands in credentials.toml.
        CARGO_VERIFY(m_cargo->run({u"login"_s, u"--registry"_s, u"local"_s}, {}, m_token.toUtf8() + '\n'));
        QVERIFY(!QFileInfo::exists(m_cargo->home() + u"/credentials.toml"_s));
        verifyTokenOnlyInKeychain();
        const auto owners = runCratedesk({u"owner"_s, u"setup-alpha"_s, u"--list"_s, u"--feed"_s, u"local"_s});
        QVERIFY2(owners.exitCode == 0 && owners.out == "setup\n", qPrintable(owners.describe()));

        // cargo logout erases the keychain entry: CrateDesk itself has no token afterwards.
        CARGO_VERIFY(m_cargo->run({u"logout"_s, u"--registry"_s, u"local"_s}));
        const auto refused = runCratedesk({u"owner"_s, u"setup-alpha"_s, u"--list"_s, u"--feed"_s, u"local"_s});
        QVERIFY2(refused.exitCode == 1, qPrintable(refused.describe()));
        const auto noToken = m_cargo->run({u"owner"_s, u"--list"_s, u"setup-alpha"_s, u"--registry"_s, u"local"_s});
        CARGO_VERIFY_THAT(!noToken.succeeded() && noToken.text().contains(u"no token found for `local`"_s), noToken,
                          u"after logout cargo should find no token"_s);
        CARGO_VERIFY(m_cargo->run({u"login"_s, u"--registry"_s, u"local"_s}, {}, m_token.toUtf8() + '\n'));
    }

    void undoRestoresTheOriginalExactly()
    {
        const CliResult undo = runCratedesk({u"cargo-setup"_s, u"--undo"_s, u"--cargo-home"_s, m_cargo->home()});
        QVERIFY2(undo.exitCode == 0, qPrintable(undo.describe()));
        QCOMPARE(readAll(configFile()), HandKept);
        QVERIFY(!QFileInfo::exists(configFile() + u".cratedesk-backup"_s));
        const CliResult nothing = runCratedesk({u"cargo-setup"_s, u"--undo"_s, u"--cargo-home"_s, m_cargo->home()});
        QCOMPARE(nothing.exitCode, 1);
        QVERIFY2(nothing.err.startsWith("cratedesk: there is nothing to undo"), qPrintable(nothing.describe()));
    }

    void projectConfigOverridesTheGlobalOne()
    {
        // The global config is back to its stale index; the project's own config wins.
        const QString app = m_cargo->writeCrate(u"setup-project"_s, u"0.1.0"_s, CargoProject::Kind::Binary,
                                                u"fn main() { println!(\"{}\", setup_alpha::answer()); }\n"_s,
                                                {{u"setup-alpha"_s, u"0.1"_s}}, {}, false);
        const CliResult result = setup({u"--project"_s, app});
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        QVERIFY(QFileInfo::exists(app + u"/.cargo/config.toml"_s));
        QCOMPARE(readAll(configFile()), HandKept);
        CARGO_VERIFY(m_cargo->run({u"build"_s}, app));
        const CliResult undo = runCratedesk({u"cargo-setup"_s, u"--undo"_s, u"--project"_s, app});
        QVERIFY2(undo.exitCode == 0 && undo.out.startsWith("removed "), qPrintable(undo.describe()));
        QVERIFY(!QFileInfo::exists(app + u"/.cargo/config.toml"_s));
    }

    void plainTokenFileOnlyWhenAsked()
    {
        const CliResult dry = setup({u"--token-provider"_s, u"cargo-token"_s, u"--dry-run"_s});
        QVERIFY2(dry.exitCode == 0 && dry.out.contains("+token = \"<token from the keychain>\""), qPrintable(dry.describe()));
        QVERIFY(!dry.out.contains(m_token.toUtf8()));
        QVERIFY(!QFileInfo::exists(m_cargo->home() + u"/credentials.toml"_s));

        const CliResult copied = setup({u"--token-provider"_s, u"cargo-token"_s});
        QVERIFY2(copied.exitCode == 0 && copied.err.contains("plain text"), qPrintable(copied.describe()));
        QVERIFY(!copied.out.contains(m_token.toUtf8()));
        const QString credentials = m_cargo->home() + u"/credentials.toml"_s;
        QCOMPARE(readAll(credentials), QByteArray("[registries.local]\ntoken = \"" + m_token.toUtf8() + "\"\n"));
        QCOMPARE(QFileInfo(credentials).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
        // cargo:token reads it from there.
        CARGO_VERIFY(m_cargo->run({u"owner"_s, u"--list"_s, u"setup-alpha"_s, u"--registry"_s, u"local"_s}));

        const CliResult undo = runCratedesk({u"cargo-setup"_s, u"--undo"_s, u"--cargo-home"_s, m_cargo->home()});
        QVERIFY2(undo.exitCode == 0, qPrintable(undo.describe()));
        QCOMPARE(readAll(configFile()), HandKept);
        QVERIFY(!QFileInfo::exists(credentials));
        verifyTokenOnlyInKeychain();
    }

    void cleanupTestCase()
    {
        QCOMPARE(m_serve.stop(), 0);
        QVERIFY2(!m_serve.log().contains(m_token.toUtf8()), "the token leaked into the server log");
    }
};

QTEST_GUILESS_MAIN(TestCargoSetup)
#include "tst_cargosetup.moc"
