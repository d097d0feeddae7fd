// SPDX-License-Identifier: GPL-3.0-or-later
// Planning, applying and undoing a cargo setup on files in a temporary CARGO_HOME: what cargo
// would reject is refused with cargo's reason, a second run changes nothing, undo restores the
// bytes, a plain-text token goes only where the user asked and never into a preview.
#include "cargo/cargosetupplan.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
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
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

} // namespace

class TestCargoSetupPlan : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    CargoSetupOptions options(const QString &home) const
    {
        CargoSetupOptions o;
        o.registryName = u"acme"_s;
        o.cargoIndexUrl = u"sparse+https://crates.acme.test/index/"_s;
        o.providerCommand = {u"/opt/cratedesk"_s, u"credential"_s, u"--feed"_s, u"acme"_s};
        o.cargoHome = home;
        return o;
    }

private Q_SLOTS:
    // cargo is pointed at the command-line cratedesk even when the window (cratedesk-desktop)
    // registers the feed: beside it in a build tree, in bin/ when installed in libexec/cratedesk/.
    void providerIsTheCommandLineProgram_data()
    {
        QTest::addColumn<QStringList>("programs"); // made executable under a scratch root
        QTest::addColumn<QString>("running");
        QTest::addColumn<QString>("expected");
        QTest::newRow("the command line itself") << QStringList{u"bin/cratedesk"_s} << u"bin/cratedesk"_s << u"bin/cratedesk"_s;
        QTest::newRow("a build tree") << QStringList{u"build/app/cratedesk"_s, u"build/app/cratedesk-desktop"_s}
                                      << u"build/app/cratedesk-desktop"_s << u"build/app/cratedesk"_s;
        QTest::newRow("installed") << QStringList{u"usr/bin/cratedesk"_s, u"usr/libexec/cratedesk/cratedesk-desktop"_s}
                                   << u"usr/libexec/cratedesk/cratedesk-desktop"_s << u"usr/bin/cratedesk"_s;
        QTest::newRow("no command line found") << QStringList{u"opt/cratedesk-desktop"_s} << u"opt/cratedesk-desktop"_s
                                               << u"opt/cratedesk-desktop"_s;
    }

    void providerIsTheCommandLineProgram()
    {
        QFETCH(QStringList, programs);
        QFETCH(QString, running);
        QFETCH(QString, expected);
        QTemporaryDir root;
        for (const QString &program : programs) {
            QVERIFY(QDir(root.path()).mkpath(QFileInfo(root.filePath(program)).path()));
            QFile file(root.filePath(program));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        }
        QCOMPARE(CargoSetupOptions::commandLineProgram(root.filePath(running)), root.filePath(expected));
    }

    void refusesWhatCargoRejects_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("index");
        QTest::addColumn<bool>("proxy");
        QTest::addColumn<QByteArray>("config");
        QTest::addColumn<QString>("reason");
        const QString url = u"sparse+https://crates.acme.test/index/"_s;
        QTest::newRow("dot in the name") << u"my.reg"_s << url << false << QByteArray()
                                         << u"invalid character `.` in registry name: `my.reg`, characters must be Unicode XID characters (numbers, `-`, `_`, or most letters)"_s;
        QTest::newRow("crates-io") << u"crates-io"_s << url << false << QByteArray() << u"`crates-io` is cargo's own name"_s;
        QTest::newRow("no trailing slash") << u"acme"_s << u"sparse+https://crates.acme.test/index"_s << false << QByteArray()
                                           << u"sparse registry url must end in a slash `/`: sparse+https://crates.acme.test/index"_s;
        QTest::newRow("password in the URL") << u"acme"_s << u"sparse+https://u:p@crates.acme.test/index/"_s << false << QByteArray()
                                             << u"registry URLs may not contain passwords"_s;
        QTest::newRow("registry.index") << u"acme"_s << url << false << QByteArray("[registry]\nindex = \"https://x/\"\n")
                                        << u"the `registry.index` config value is no longer supported"_s;
        QTest::newRow("same URL under another name") << u"acme"_s << url << false
                                                     << QByteArray("[registries.old]\nindex = \"sparse+https://crates.acme.test/index/\"\n")
                                                     << u"multiple registries are configured with the same index url"_s;
        QTest::newRow("source without location") << u"acme"_s << url << true << QByteArray("[source.acme]\nreplace-with = \"crates-io\"\n")
                                                 << u"detected a cycle of `replace-with` sources"_s;
        QTest::newRow("empty source of that name") << u"acme"_s << url << true << QByteArray("[source.acme]\n")
                                                   << u"no source location specified for `source.acme`, need `registry`, `local-registry`, `directory`, or `git` defined"_s;
        QTest::newRow("source of that name elsewhere") << u"acme"_s << url << true << QByteArray("[source.acme]\ndirectory = \"vendor\"\n")
                                                       << u"it looks up [source] before [registries]"_s;
        QTest::newRow("not TOML") << u"acme"_s << url << false << QByteArray("[net\nretry = 1\n") << u"fix it first"_s;
    }

    void refusesWhatCargoRejects()
    {
        QFETCH(QString, name);
        QFETCH(QString, index);
        QFETCH(bool, proxy);
        QFETCH(QByteArray, config);
        QFETCH(QString, reason);
        QTemporaryDir home;
        if (!config.isEmpty())
            QVERIFY(writeAll(home.filePath(u"config.toml"_s), config));
        CargoSetupOptions o = options(home.path());
        o.registryName = name;
        o.cargoIndexUrl = index;
        o.proxyCratesIo = proxy;
        const CargoSetupPlan plan = CargoSetupPlan::make(o);
        QVERIFY(!plan.isValid());
        QVERIFY2(plan.errorString().contains(reason), qPrintable(plan.errorString()));
        QString error;
        QVERIFY(!plan.apply(&error));
        QCOMPARE(readAll(home.filePath(u"config.toml"_s)), config);
    }

    void applyTwiceThenUndo()
    {
        QTemporaryDir home;
        CargoSetupOptions o = options(home.path());
        o.makeDefault = true;
        const CargoSetupPlan first = CargoSetupPlan::make(o);
        QVERIFY2(first.isValid(), qPrintable(first.errorString()));
        QVERIFY(first.hasChanges());
        QVERIFY(first.diff().startsWith(u"--- /dev/null\n+++ "_s + home.filePath(u"config.toml"_s)));
        QString error;
        QVERIFY2(first.apply(&error), qPrintable(error));
        QVERIFY(CargoSetupPlan::canUndo(home.path()));
        const QByteArray written = readAll(home.filePath(u"config.toml"_s));
        QVERIFY(written.contains("default = \"acme\""));

        const CargoSetupPlan second = CargoSetupPlan::make(o);
        QVERIFY(second.isValid());
        QVERIFY(!second.hasChanges());
        QVERIFY(second.diff().isEmpty());

        QStringList restored;
        QVERIFY2(CargoSetupPlan::undo(home.path(), &restored, &error), qPrintable(error));
        QCOMPARE(restored, QStringList{home.filePath(u"config.toml"_s)});
        QVERIFY(!QFileInfo::exists(home.filePath(u"config.toml"_s))); // it did not exist before
        QVERIFY(!CargoSetupPlan::canUndo(home.path()));
    }

    void undoRefusesAfterAnOutsideEdit()
    {
        QTemporaryDir home;
        const QByteArray original = "# mine\n[net]\nretry = 2\n";
        QVERIFY(writeAll(home.filePath(u"config.toml"_s), original));
        QString error;
        QVERIFY(CargoSetupPlan::make(options(home.path())).apply(&error));
        QVERIFY(writeAll(home.filePath(u"config.toml"_s), readAll(home.filePath(u"config.toml"_s)) + "# edited by hand\n"));
        QStringList restored;
        QVERIFY(!CargoSetupPlan::undo(home.path(), &restored, &error));
        QVERIFY2(error.contains(u"changed after CrateDesk edited it"_s), qPrintable(error));
        QCOMPARE(readAll(CargoSetupPlan::backupPath(home.filePath(u"config.toml"_s))), original);
    }

    void projectConfig()
    {
        QTemporaryDir home;
        QTemporaryDir project;
        CargoSetupOptions o = options(home.path());
        o.projectDir = project.path();
        const CargoSetupPlan plan = CargoSetupPlan::make(o);
        QCOMPARE(plan.configFile(), project.filePath(u".cargo/config.toml"_s));
        QString error;
        QVERIFY(plan.apply(&error));
        QVERIFY(readAll(project.filePath(u".cargo/config.toml"_s)).startsWith("[registries.acme]\n"));
        QVERIFY(!QFileInfo::exists(home.filePath(u"config.toml"_s)));
        QVERIFY(plan.warnings().join(u'\n').contains(u"version control"_s));
    }

    // Regression: a cloned project's .cargo/config.toml with a 200,000-part dotted key made
    // `cargo-setup --project` die of SIGSEGV inside toml++. It is refused, saying which file
    // and where in it, and nothing is written.
    void hostileProjectConfigIsRefused()
    {
        QTemporaryDir home;
        QTemporaryDir project;
        QVERIFY(QDir(project.path()).mkpath(u".cargo"_s));
        const QByteArray hostile = QByteArray("a.").repeated(200000) + "b = 1\n";
        QVERIFY(writeAll(project.filePath(u".cargo/config.toml"_s), hostile));
        CargoSetupOptions o = options(home.path());
        o.projectDir = project.path();
        const CargoSetupPlan plan = CargoSetupPlan::make(o);
        QVERIFY(!plan.isValid());
        QCOMPARE(plan.errorString(), u"cargo cannot read %1 as it is (line 1, column 256: a dotted key or table name with more than 128 parts); fix it first"_s
                                         .arg(project.filePath(u".cargo/config.toml"_s)));
        QCOMPARE(readAll(project.filePath(u".cargo/config.toml"_s)), hostile);
    }

    void plainTokenOnlyOnRequestAndNeverInTheDiff()
    {
        QTemporaryDir home;
        QVERIFY(writeAll(home.filePath(u"credentials.toml"_s), "[registries.other]\ntoken = \"other-secret\"\n"));
        CargoSetupOptions o = options(home.path());
        o.tokenHandling = CargoSetupOptions::TokenHandling::CargoToken;
        o.token = "s3cr3t-t0ken";
        const CargoSetupPlan plan = CargoSetupPlan::make(o);
        QVERIFY2(plan.isValid(), qPrintable(plan.errorString()));
        QCOMPARE(plan.changes().size(), 2);
        QVERIFY(!plan.diff().contains(u"s3cr3t-t0ken"_s));
        QVERIFY(plan.diff().contains(u"+token = \"<token from the keychain>\""_s));
        QVERIFY(plan.diff().contains(u"+credential-provider = \"cargo:token\""_s));
        QVERIFY(plan.warnings().join(u'\n').contains(u"plain text"_s));
        QVERIFY(!plan.environmentLines().join(u'\n').contains(u"s3cr3t"_s));
        QString error;
        QVERIFY(plan.apply(&error));
        QCOMPARE(readAll(home.filePath(u"credentials.toml"_s)),
                 QByteArray("[registries.other]\ntoken = \"other-secret\"\n\n[registries.acme]\ntoken = \"s3cr3t-t0ken\"\n"));
        QCOMPARE(QFileInfo(home.filePath(u"credentials.toml"_s)).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());

        // Back to the keychain: the stale plain token is pointed out.
        const CargoSetupPlan keychain = CargoSetupPlan::make(options(home.path()));
        QVERIFY(keychain.warnings().join(u'\n').contains(u"still holds a plain-text token"_s));
    }

    void environmentVariables()
    {
        CargoSetupOptions o = options(m_dir.path());
        o.registryName = u"my-reg"_s;
        o.makeDefault = true;
        o.proxyCratesIo = true;
        const CargoSetupPlan plan = CargoSetupPlan::make(o);
        QCOMPARE(plan.environmentLines(),
                 QStringList({u"export CARGO_REGISTRIES_MY_REG_INDEX='sparse+https://crates.acme.test/index/'"_s,
                              u"export CARGO_REGISTRIES_MY_REG_CREDENTIAL_PROVIDER='/opt/cratedesk credential --feed acme'"_s,
                              u"export CARGO_REGISTRY_DEFAULT='my-reg'"_s,
                              u"# [source] tables have no environment form; pass instead: --config 'source.crates-io.replace-with=\"my-reg\"'"_s}));
        QCOMPARE(plan.configSnippet(),
                 u"[registries.my-reg]\nindex = \"sparse+https://crates.acme.test/index/\"\n"
                 "credential-provider = [\"/opt/cratedesk\", \"credential\", \"--feed\", \"acme\"]\n\n"
                 "[registry]\ndefault = \"my-reg\"\n\n[source.crates-io]\nreplace-with = \"my-reg\"\n"_s);
    }

    void legacyConfigWithoutExtension()
    {
        QTemporaryDir home;
        QVERIFY(writeAll(home.filePath(u"config"_s), "[net]\nretry = 2\n"));
        const CargoSetupPlan plan = CargoSetupPlan::make(options(home.path()));
        QCOMPARE(plan.configFile(), home.filePath(u"config"_s));
    }
};

QTEST_GUILESS_MAIN(TestCargoSetupPlan)
#include "tst_cargosetupplan.moc"
