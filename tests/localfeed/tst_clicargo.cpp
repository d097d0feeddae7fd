// SPDX-License-Identifier: GPL-3.0-or-later
// The registry command line against what the real cargo published to `cratedesk serve`:
// `info --json` must report what the index says, and `yank` must steer cargo's resolution.
// Runs under with-keyring.sh, because `feed add` keeps the token in the keychain.
#include "cargoproject.h"
#include "clirun.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

// The index file's lines as the feed serves them, for comparing with what the CLI says.
QList<QJsonObject> indexLines(const QUrl &url)
{
    QNetworkAccessManager nam;
    QNetworkReply *reply = nam.get(QNetworkRequest(url));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    finished.wait(10000);
    QList<QJsonObject> lines;
    for (const QByteArray &line : reply->readAll().split('\n'))
        if (!line.isEmpty())
            lines << QJsonDocument::fromJson(line).object();
    delete reply;
    return lines;
}

// A dependency as the index line states it, with cargo's defaults filled in.
QJsonObject normalizedDependency(QJsonObject dep)
{
    for (const auto &[key, value] : {std::pair{u"features"_s, QJsonValue(QJsonArray())}, {u"optional"_s, false},
                                     {u"default_features"_s, true}, {u"target"_s, QJsonValue()}, {u"kind"_s, u"normal"_s},
                                     {u"registry"_s, QJsonValue()}, {u"package"_s, QJsonValue()}})
        if (!dep.contains(key))
            dep.insert(key, value);
    return dep;
}

} // namespace

class TestCliCargo : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    ServeProcess m_serve{TestSupport::cratedeskExecutable(), m_dir.filePath(u"feed"_s), m_dir.filePath(u"serve.log"_s)};
    std::unique_ptr<CargoProject> m_cargo;
    QString m_token;

    static inline const QString Alpha = u"cli-alpha"_s;
    static inline const QString Beta = u"cli_beta"_s;

    void publish(const QString &name, const QString &version, const QString &source, const QList<CargoProject::Dependency> &deps = {})
    {
        const QString dir = m_cargo->writeCrate(name, version, CargoProject::Kind::Library, source, deps, u"crate %1"_s.arg(name));
        const auto result = m_cargo->run({u"publish"_s, u"--registry"_s, u"local"_s, u"--no-verify"_s}, dir);
        CARGO_VERIFY(result);
    }

    // A 1.0.0 library whose Cargo.toml ends with `tail` (dependencies, features).
    void publishWithManifestTail(const QString &name, const QByteArray &tail)
    {
        const QString dir = m_cargo->writeCrate(name, u"1.0.0"_s, CargoProject::Kind::Library, u"pub fn f() {}\n"_s, {}, u"crate %1"_s.arg(name));
        QFile manifest(dir + u"/Cargo.toml"_s);
        QVERIFY(manifest.open(QIODevice::Append));
        manifest.write(tail);
        manifest.close();
        const auto result = m_cargo->run({u"publish"_s, u"--registry"_s, u"local"_s, u"--no-verify"_s}, dir);
        CARGO_VERIFY(result);
    }

    QString lockAlpha()
    {
        const QString dir = m_cargo->writeCrate(u"resolver"_s, u"0.1.0"_s, CargoProject::Kind::Library, u"pub use cli_alpha::*;\n"_s,
                                                {{Alpha, u"0.1"_s}}, {}, false);
        const auto result = m_cargo->run({u"generate-lockfile"_s}, dir);
        if (!result.succeeded())
            return result.report();
        return CargoProject::lockedVersions(dir, Alpha).join(u',');
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"), "run this test through with-keyring.sh");
        QString error;
        QVERIFY2(m_serve.start({}, &error), qPrintable(error));
        m_token = m_serve.createToken(u"local"_s, &error);
        QVERIFY2(!m_token.isEmpty(), qPrintable(error));
        m_cargo = std::make_unique<CargoProject>(m_serve.indexUrl(), false);
        CARGO_VERIFY(m_cargo->run({u"login"_s, u"--registry"_s, u"local"_s}, {}, m_token.toUtf8() + '\n'));
        publish(Alpha, u"0.1.0"_s, u"pub fn greeting() -> &'static str { \"0.1.0\" }\n"_s);
        publish(Alpha, u"0.1.1"_s, u"pub fn greeting() -> &'static str { \"0.1.1\" }\n"_s);
        publish(Beta, u"0.2.0"_s, u"pub use cli_alpha::greeting;\n"_s, {{Alpha, u"0.1"_s}});
    }

    void feedAddKeepsTheTokenInTheKeychainOnly()
    {
        const auto added = runCratedesk({u"feed"_s, u"add"_s, u"cli"_s, m_serve.indexUrl(), u"--token-stdin"_s}, m_token.toUtf8() + '\n');
        QVERIFY2(added.exitCode == 0, qPrintable(added.describe()));
        const auto list = runCratedesk({u"feed"_s, u"list"_s});
        QVERIFY2(list.out.contains(QByteArray("cli\t" + m_serve.indexUrl().toUtf8() + "\ttoken")), qPrintable(list.describe()));
        const QStringList dirs = qEnvironmentVariable("CRATEDESK_TEST_SECRET_DIRS").split(u':');
        QCOMPARE(TestSupport::filesContaining(dirs, m_token.toUtf8()), QStringList());

        const auto badUrl = runCratedesk({u"feed"_s, u"add"_s, u"other"_s, m_serve.indexUrl().chopped(1)});
        QCOMPARE(badUrl.exitCode, 1);
        QVERIFY2(badUrl.err.startsWith("cratedesk: the index URL must end in '/'"), qPrintable(badUrl.describe()));
    }

    void infoReportsWhatTheIndexSays()
    {
        const auto info = runCratedesk({u"info"_s, Beta, u"--feed"_s, u"cli"_s, u"--json"_s});
        QVERIFY2(info.exitCode == 0, qPrintable(info.describe()));
        const QJsonObject reported = QJsonDocument::fromJson(info.out).object();
        QCOMPARE(reported.value(u"name"_s).toString(), Beta);
        QCOMPARE(reported.value(u"stale"_s).toBool(), false);
        QCOMPARE(reported.value(u"license"_s).toString(), u"MIT"_s);

        for (const QString &crate : {Alpha, Beta}) {
            const auto json = runCratedesk({u"info"_s, crate, u"--feed"_s, u"cli"_s, u"--json"_s});
            QVERIFY2(json.exitCode == 0, qPrintable(json.describe()));
            const QJsonArray versions = QJsonDocument::fromJson(json.out).object().value(u"versions"_s).toArray();
            const QString path = crate.size() >= 4 ? crate.left(2) + u'/' + crate.mid(2, 2) + u'/' + crate : crate;
            const QList<QJsonObject> lines = indexLines(m_serve.baseUrl().resolved(QUrl(path)));
            QCOMPARE(versions.size(), lines.size());
            for (qsizetype i = 0; i < lines.size(); ++i) {
                const QJsonObject line = lines.at(i);
                const QJsonObject version = versions.at(i).toObject();
                QCOMPARE(version.value(u"vers"_s), line.value(u"vers"_s));
                QCOMPARE(version.value(u"yanked"_s), line.value(u"yanked"_s));
                QCOMPARE(version.value(u"cksum"_s), line.value(u"cksum"_s));
                QJsonArray expectedDeps;
                for (const QJsonValue &dep : line.value(u"deps"_s).toArray())
                    expectedDeps.append(normalizedDependency(dep.toObject()));
                QCOMPARE(version.value(u"deps"_s).toArray(), expectedDeps);
                QJsonObject features = line.value(u"features"_s).toObject();
                const QJsonObject features2 = line.value(u"features2"_s).toObject();
                for (auto it = features2.begin(); it != features2.end(); ++it)
                    features.insert(it.key(), it.value());
                QCOMPARE(version.value(u"features"_s).toObject(), features);
            }
        }
        const auto text = runCratedesk({u"info"_s, Alpha, u"--feed"_s, u"cli"_s});
        QVERIFY2(text.out.contains("versions: 0.1.1, 0.1.0"), qPrintable(text.describe()));
    }

    void yankSteersCargosResolution()
    {
        QCOMPARE(lockAlpha(), u"0.1.1"_s);
        const auto yank = runCratedesk({u"yank"_s, Alpha, u"0.1.1"_s, u"--feed"_s, u"cli"_s});
        QVERIFY2(yank.exitCode == 0, qPrintable(yank.describe()));
        QCOMPARE(lockAlpha(), u"0.1.0"_s);
        const auto info = runCratedesk({u"info"_s, Alpha, u"--feed"_s, u"cli"_s});
        QVERIFY2(info.out.contains("0.1.1 (yanked)"), qPrintable(info.describe()));
        const auto undo = runCratedesk({u"yank"_s, Alpha, u"0.1.1"_s, u"--undo"_s, u"--feed"_s, u"cli"_s});
        QVERIFY2(undo.exitCode == 0, qPrintable(undo.describe()));
        QCOMPARE(lockAlpha(), u"0.1.1"_s);
    }

    void searchDownloadAndOwners()
    {
        const auto search = runCratedesk({u"search"_s, u"alpha"_s, u"--feed"_s, u"cli"_s});
        QVERIFY2(search.out.startsWith("cli-alpha = \"0.1.1\"    # crate cli-alpha"), qPrintable(search.describe()));

        QTemporaryDir dir;
        const auto download = runCratedesk({u"download"_s, Alpha, u"0.1.0"_s, u"--feed"_s, u"cli"_s, u"-o"_s, dir.path()});
        QVERIFY2(download.exitCode == 0, qPrintable(download.describe()));
        QFile file(dir.filePath(u"cli-alpha-0.1.0.crate"_s));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QJsonObject> lines = indexLines(m_serve.baseUrl().resolved(QUrl(u"cl/i-/cli-alpha"_s)));
        QCOMPARE(QString::fromLatin1(QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex()),
                 lines.value(0).value(u"cksum"_s).toString());

        const auto owners = runCratedesk({u"owner"_s, Alpha, u"--list"_s, u"--feed"_s, u"cli"_s});
        QVERIFY2(owners.exitCode == 0 && owners.out == "local\n", qPrintable(owners.describe()));
    }

    void closureFollowsDependenciesThroughTheFeed()
    {
        const auto closure = runCratedesk({u"closure"_s, Beta + u"@0.2"_s, u"--feed"_s, u"cli"_s});
        QVERIFY2(closure.exitCode == 0, qPrintable(closure.describe()));
        QCOMPARE(closure.out, QByteArray("cli-alpha 0.1.1\ncli_beta 0.2.0 -> cli-alpha@0.1\n"));
        const auto missing = runCratedesk({u"closure"_s, Beta + u"@9"_s, u"--feed"_s, u"cli"_s});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains("cli_beta"), qPrintable(missing.describe()));
    }

    // closure ends its process without freeing what it built (CliContext::endProcess); what
    // it fetched is in the index cache all the same, body and parsed form, and so is what a
    // second run revalidated (kept in memory until the cache closes: a burst's one write).
    void closureLeavesWhatItFetchedInTheCache()
    {
        const QString cache = qEnvironmentVariable("XDG_CACHE_HOME") + u"/CrateDesk/cratedesk/index.sqlite"_s;
        for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s})
            QFile::remove(cache + suffix);
        const auto keptFiles = [&cache] {
            QMap<QString, qint64> fetchedAt;
            {
                QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"kept"_s);
                db.setDatabaseName(cache);
                if (!db.open())
                    return fetchedAt;
                QSqlQuery q(u"SELECT file, fetched_at FROM index_files WHERE length(body) > 0 AND length(parsed) > 0"_s, db);
                while (q.next())
                    fetchedAt.insert(q.value(0).toString(), q.value(1).toLongLong());
            }
            QSqlDatabase::removeDatabase(u"kept"_s);
            return fetchedAt;
        };

        const auto cold = runCratedesk({u"closure"_s, Beta + u"@0.2"_s, u"--feed"_s, u"cli"_s});
        QVERIFY2(cold.exitCode == 0, qPrintable(cold.describe()));
        const QMap<QString, qint64> fetched = keptFiles();
        QCOMPARE(fetched.keys(), QStringList({u"cl/i-/cli-alpha"_s, u"cl/i_/cli_beta"_s}));

        QTest::qWait(5); // fetched_at counts milliseconds
        const auto warm = runCratedesk({u"closure"_s, Beta + u"@0.2"_s, u"--feed"_s, u"cli"_s});
        QVERIFY2(warm.exitCode == 0 && warm.out == cold.out, qPrintable(warm.describe()));
        const QMap<QString, qint64> revalidated = keptFiles();
        QCOMPARE(revalidated.keys(), fetched.keys());
        for (const QString &file : fetched.keys())
            QVERIFY2(revalidated.value(file) > fetched.value(file), qPrintable(file));
    }

    void closureOfAWorkspaceIsWhatCargoLocks()
    {
        publish(u"cli-opt"_s, u"1.0.0"_s, u"pub fn opt() {}\n"_s);
        publish(u"cli-devkit"_s, u"1.0.0"_s, u"pub fn kit() {}\n"_s);
        // A weak dependency feature ("x?/f") on an optional dependency: cargo's lock has x.
        publishWithManifestTail(u"cli-weak-target"_s, "\n[features]\nextra = []\n");
        publishWithManifestTail(u"cli-weak-host"_s, "\n[dependencies]\ncli-weak-target = { version = \"1\", registry = \"local\", optional = true }\n"
                                                   "\n[features]\ndefault = [\"cli-weak-target?/extra\"]\n");
        // Members by glob, one excluded (it asks for a crate no feed has), inherited and
        // renamed-free registry dependencies, a path member with an optional dependency that
        // only a feature turns on, and a member's dev-dependency.
        const QDir ws(m_dir.filePath(u"ws"_s));
        const auto write = [&](const QString &relative, const QByteArray &text) {
            QDir().mkpath(QFileInfo(ws.filePath(relative)).absolutePath());
            QFile file(ws.filePath(relative));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(text);
        };
        write(u"Cargo.toml"_s, "[workspace]\nmembers = [\"members/*\"]\nexclude = [\"members/ignored\"]\nresolver = \"2\"\n\n"
                               "[workspace.dependencies]\ncli-alpha = { version = \"0.1\", registry = \"local\" }\n");
        const QByteArray package = "[package]\nname = \"%1\"\nversion = \"0.1.0\"\nedition = \"2021\"\npublish = false\n\n";
        write(u"members/app/Cargo.toml"_s, QByteArray(package).replace("%1", "ws-app")
                                               + "[dependencies]\ncli_beta = { version = \"0.2\", registry = \"local\" }\n"
                                                 "cli-alpha.workspace = true\nws-lib = { path = \"../lib\" }\n"
                                                 "cli-weak-host = { version = \"1\", registry = \"local\" }\n\n"
                                                 "[dev-dependencies]\ncli-devkit = { version = \"1\", registry = \"local\" }\n");
        write(u"members/lib/Cargo.toml"_s, QByteArray(package).replace("%1", "ws-lib")
                                               + "[features]\nextra = [\"dep:cli-opt\"]\n\n"
                                                 "[dependencies]\ncli-opt = { version = \"1\", registry = \"local\", optional = true }\n");
        write(u"members/ignored/Cargo.toml"_s, QByteArray(package).replace("%1", "ws-ignored")
                                                   + "[dependencies]\ncli-nowhere = { version = \"1\", registry = \"local\" }\n");
        for (const QString &member : {u"app"_s, u"lib"_s, u"ignored"_s})
            write(u"members/%1/src/lib.rs"_s.arg(member), "");

        const auto locked = m_cargo->run({u"generate-lockfile"_s}, ws.path());
        CARGO_VERIFY(locked);
        QStringList cargoLocked;
        for (const auto &lockedPackage : CargoProject::lockedPackages(ws.path())) {
            if (!lockedPackage.source.isEmpty())
                cargoLocked << lockedPackage.name + u' ' + lockedPackage.version;
        }
        cargoLocked.sort();
        QCOMPARE(cargoLocked, QStringList({u"cli-alpha 0.1.1"_s, u"cli-devkit 1.0.0"_s, u"cli-opt 1.0.0"_s, u"cli-weak-host 1.0.0"_s,
                                           u"cli-weak-target 1.0.0"_s, u"cli_beta 0.2.0"_s}));

        const auto closure = runCratedesk({u"closure"_s, ws.filePath(u"Cargo.toml"_s), u"--feed"_s, u"cli"_s});
        QVERIFY2(closure.exitCode == 0, qPrintable(closure.describe()));
        QStringList ours;
        for (const QByteArray &line : closure.out.split('\n')) {
            const QList<QByteArray> words = line.split(' ');
            if (words.size() >= 2 && words.at(0) != "[workspace]")
                ours << QString::fromUtf8(words.at(0) + ' ' + words.at(1));
        }
        ours.sort();
        QCOMPARE(ours, cargoLocked);
        QVERIFY2(closure.out.startsWith("[workspace] 0.0.0 -> "), qPrintable(closure.describe()));

        const auto missing = runCratedesk({u"closure"_s, m_dir.filePath(u"nowhere/Cargo.toml"_s), u"--feed"_s, u"cli"_s});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.startsWith(QByteArray("cratedesk: " + m_dir.filePath(u"nowhere/Cargo.toml"_s).toUtf8() + ": cannot be read")),
                 qPrintable(missing.describe()));
    }

    // A feed on https whose certificate only a company CA vouches for: the command line trusts
    // the file cargo is told of (CARGO_HTTP_CAINFO) besides the system's CAs, says so when the
    // file cannot be used, and trusts nothing extra without it.
    void commandsTrustTheCaFileCargoIsToldOf()
    {
        const QString tls = TestSupport::sourceDir() + u"/tests/fixtures/tls/"_s;
        ServeProcess https{TestSupport::cratedeskExecutable(), m_dir.filePath(u"https-feed"_s), m_dir.filePath(u"https.log"_s)};
        QString error;
        QVERIFY2(https.start({u"--tls-cert"_s, tls + u"localhost-cert.pem"_s, u"--tls-key"_s, tls + u"localhost-key.pem"_s}, &error),
                 qPrintable(error));
        QVERIFY(https.indexUrl().startsWith(u"sparse+https://"_s));
        const QStringList closure{u"closure"_s, u"nothing-here@1"_s, u"--index"_s, https.indexUrl()};
        const QString caVariable = u"CARGO_HTTP_CAINFO"_s;

        const auto trusted = runCratedesk(closure, {}, {{caVariable, tls + u"localhost-cert.pem"_s}});
        QCOMPARE(trusted.exitCode, 1);
        QVERIFY2(trusted.err.contains("nothing-here") && !trusted.err.contains("SSL") && !trusted.err.contains("certificate"),
                 qPrintable(trusted.describe()));

        const auto untrusted = runCratedesk(closure);
        QCOMPARE(untrusted.exitCode, 1);
        // config.json is cached from the run before, so this is the offline path: it must still
        // say why the feed could not be reached.
        QVERIFY2(untrusted.err.contains("cannot be reached") && untrusted.err.contains("certificate is self-signed"),
                 qPrintable(untrusted.describe()));

        const QString missing = m_dir.filePath(u"no-such-ca.pem"_s);
        const auto unusable = runCratedesk(closure, {}, {{caVariable, missing}});
        QCOMPARE(unusable.exitCode, 1);
        QVERIFY2(unusable.err.startsWith(QByteArray("cratedesk: The CA certificates file " + missing.toUtf8() + " cannot be read")),
                 qPrintable(unusable.describe()));
        QVERIFY2(unusable.err.contains("certificate is self-signed"), qPrintable(unusable.describe()));
    }

    void failuresSayWhatInOneLine_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("unknown crate") << QStringList{u"info"_s, u"no-such-crate"_s, u"--feed"_s, u"cli"_s}
                                       << QByteArray("cratedesk: there is no crate no-such-crate in cli\n");
        QTest::newRow("unknown feed") << QStringList{u"info"_s, Alpha, u"--feed"_s, u"nope"_s}
                                      << QByteArray("cratedesk: there is no feed called \"nope\"; add it with `cratedesk feed add nope URL`\n");
        QTest::newRow("unknown version") << QStringList{u"download"_s, Alpha, u"9.9.9"_s, u"--feed"_s, u"cli"_s}
                                         << QByteArray("cratedesk: cli-alpha has no version 9.9.9 in cli\n");
        QTest::newRow("not an owner action") << QStringList{u"owner"_s, Alpha, u"--feed"_s, u"cli"_s}
                                             << QByteArray("cratedesk: usage: cratedesk owner CRATE --list|--add LOGIN|--remove LOGIN --feed NAME\n");
    }

    void failuresSayWhatInOneLine()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, message);
        const auto result = runCratedesk(args);
        QCOMPARE(result.exitCode, 1);
        QCOMPARE(result.err, message);
    }

    void feedRemoveForgetsFeedAndSecret()
    {
        const auto removed = runCratedesk({u"feed"_s, u"remove"_s, u"cli"_s});
        QVERIFY2(removed.exitCode == 0, qPrintable(removed.describe()));
        QVERIFY(!runCratedesk({u"feed"_s, u"list"_s}).out.contains("cli\t"));
    }

    void cleanupTestCase()
    {
        QCOMPARE(m_serve.stop(), 0);
        QVERIFY(!m_serve.log().contains(m_token.toUtf8()));
    }
};

QTEST_GUILESS_MAIN(TestCliCargo)
#include "tst_clicargo.moc"
