// SPDX-License-Identifier: GPL-3.0-or-later
// Debian's real cargo against a local feed whose crates live only upstream: two local feeds
// in this process, the upstream holding genuine .crate files (fixture real_crates) and
// requiring a token, the downstream reaching it through a connector with Basic credentials
// from the keychain. Cargo builds a program from the downstream alone, a filtered crate is not
// found, a license rule hides a version, the cache serves once the upstream is gone, and the
// upstream's credentials never reach cargo. A crate the local feed holds is never taken from
// the upstream (dependency confusion), and a name served from the upstream stays pinned to it. Cargo runs as a child process that the test waits
// for on signals, so both feeds keep serving meanwhile.
#include "cargotypes/cratename.h"
#include "curation/connectorconfig.h"
#include "crate/cratearchive.h"
#include "crate/publishmetadata.h"
#include "localfeed/connectorstore.h"
#include "localfeed/feedstore.h"
#include "localfeed/localfeed.h"
#include "secrets/keychainsecretstore.h"
#include "testcrate.h"
#include "testsupport.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace {

const QStringList RealCrates{u"cfg-if"_s, u"itoa"_s, u"scopeguard"_s, u"either"_s};

const QByteArray AppSource =
    "fn main() {\n"
    "    let mut buffer = itoa::Buffer::new();\n"
    "    let text = buffer.format(42u32).to_string();\n"
    "    cfg_if::cfg_if! { if #[cfg(unix)] { let os = \"unix\"; } else { let os = \"other\"; } }\n"
    "    let _guard = scopeguard::guard((), |_| println!(\"guard released\"));\n"
    "    println!(\"itoa {} on {} answer {}\", text, os, lic_demo::answer());\n"
    "}\n";

bool writeFile(const QString &path, const QByteArray &contents)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(contents) == contents.size();
}

struct CargoRun
{
    int exitCode = -1;
    QByteArray output;
    QString report() const { return u"cargo exited with %1:\n%2"_s.arg(exitCode).arg(QString::fromUtf8(output.right(3000))); }
};

} // namespace

class TestConnectorCargo : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QNetworkAccessManager m_nam;
    std::unique_ptr<KeychainSecretStore> m_secrets;
    std::unique_ptr<LocalFeed> m_up;
    std::unique_ptr<LocalFeed> m_down;
    QByteArray m_upToken;

    QString cargoHome() const { return m_dir.filePath(u"cargo-home"_s); }

    // Waits on QProcess::finished, so this thread's feeds answer cargo meanwhile.
    CargoRun cargo(const QStringList &args, const QString &workDir)
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const QString &key : env.keys())
            if (key.startsWith(u"CARGO_"_s) || key.endsWith(u"_proxy"_s, Qt::CaseInsensitive))
                env.remove(key);
        env.insert(u"CARGO_HOME"_s, cargoHome());
        env.insert(u"CARGO_TARGET_DIR"_s, m_dir.filePath(u"target"_s));
        env.insert(u"CARGO_TERM_COLOR"_s, u"never"_s);
        env.insert(u"CARGO_INCREMENTAL"_s, u"0"_s);
        env.insert(u"NO_PROXY"_s, u"127.0.0.1"_s);
        process.setProcessEnvironment(env);
        process.setWorkingDirectory(workDir);
        process.setProcessChannelMode(QProcess::MergedChannels);
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(u"cargo"_s, args);
        CargoRun run;
        if (!process.waitForStarted(30000))
            return run;
        if (!finished.wait(300000)) {
            process.kill();
            finished.wait(10000);
            run.output = process.readAll() + "\n[killed after 300 s]";
            return run;
        }
        run.output = process.readAll();
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        return run;
    }

    QString writeProject(const QString &name, const QByteArray &dependencies, const QByteArray &source)
    {
        const QString dir = m_dir.filePath(u"projects/"_s + name);
        QDir(dir).removeRecursively();
        const QByteArray manifest = "[package]\nname = \"" + name.toUtf8() + "\"\nversion = \"0.1.0\"\nedition = \"2021\"\npublish = false\n\n[dependencies]\n" + dependencies;
        if (!writeFile(dir + u"/Cargo.toml"_s, manifest) || !writeFile(dir + u"/src/main.rs"_s, source))
            return {};
        return dir;
    }

    int put(const QUrl &url, const QByteArray &body, const QByteArray &token, QByteArray *answer)
    {
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", token);
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/octet-stream"_ba);
        QNetworkReply *reply = m_nam.put(request, body);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            finished.wait(60000);
        *answer = reply->readAll();
        reply->deleteLater();
        return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    }

    QByteArray get(const QUrl &url)
    {
        QNetworkReply *reply = m_nam.get(QNetworkRequest(url));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            finished.wait(60000);
        reply->deleteLater();
        return reply->readAll();
    }

    void publishToUpstream(const QByteArray &body, const QString &label)
    {
        QByteArray answer;
        const int status = put(m_up->indexUrl().resolved(QUrl(u"api/v1/crates/new"_s)), body, m_upToken, &answer);
        QVERIFY2(status == 200, qPrintable(u"publishing %1 upstream: %2 %3"_s.arg(label).arg(status).arg(QString::fromUtf8(answer))));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!QStandardPaths::findExecutable(u"cargo"_s).isEmpty(), "cargo is not installed");
        QVERIFY(m_dir.isValid());
        m_nam.setProxy(QNetworkProxy::NoProxy);
        m_secrets = std::make_unique<KeychainSecretStore>(u"CrateDesk-test-connectorcargo"_s);

        FeedServerOptions upOptions;
        upOptions.dataDir = m_dir.filePath(u"upstream"_s);
        upOptions.port = 0;
        upOptions.authRequired = true; // nothing without the credentials
        m_up = std::make_unique<LocalFeed>(upOptions);
        FeedError error = m_up->start();
        QVERIFY2(!error, qPrintable(error.detail));
        QString token;
        QVERIFY(!m_up->store()->createToken(u"mirror"_s, &token));
        m_upToken = token.toLatin1();

        // Genuine crates, published over HTTP with the metadata cargo would send.
        const QDir realCrates(TestSupport::realCratesDir());
        for (const QString &name : RealCrates) {
            const QStringList found = realCrates.entryList({name + u"-[0-9]*.crate"_s});
            QVERIFY2(found.size() == 1, qPrintable(u"%1 in %2: %3"_s.arg(name, realCrates.path(), found.join(u' '))));
            const auto archive = CrateArchive::open(realCrates.filePath(found.first()));
            QVERIFY2(archive.isOk(), qPrintable(archive.error.message));
            const auto metadata = PublishMetadata::fromArchive(*archive.archive, m_up->cargoIndexUrl());
            QVERIFY2(metadata.isOk(), qPrintable(metadata.error));
            QFile file(realCrates.filePath(found.first()));
            QVERIFY(file.open(QIODevice::ReadOnly));
            publishToUpstream(PublishMetadata::frame(metadata.metadata->toJson(), file.readAll()), found.first());
        }
        TestCrate mit(u"lic-demo"_s, u"0.1.0"_s);
        TestCrate gpl(u"lic-demo"_s, u"0.2.0"_s);
        gpl.license = "GPL-3.0-only";
        gpl.extraMetadata = {{u"license"_s, u"GPL-3.0-only"_s}};
        publishToUpstream(mit.publishBody(), u"lic-demo 0.1.0"_s);
        publishToUpstream(gpl.publishBody(), u"lic-demo 0.2.0"_s);

        // The downstream feed: its connector authenticates with Basic, password in the keychain.
        FeedServerOptions downOptions;
        downOptions.dataDir = m_dir.filePath(u"downstream"_s);
        downOptions.port = 0;
        m_down = std::make_unique<LocalFeed>(downOptions);
        m_down->setSecretStore(m_secrets.get());
        bool written = false;
        QString writeError;
        m_secrets->writeSecret(ConnectorConfig::secretKey(downOptions.dataDir, u"upstream"_s), m_upToken, this,
                               [&](const SecretStore::Result &result) {
                                   written = true;
                                   writeError = result.message;
                               });
        QTRY_VERIFY_WITH_TIMEOUT(written, 30000);
        QVERIFY2(writeError.isEmpty(), qPrintable(writeError));
        error = m_down->start();
        QVERIFY2(!error, qPrintable(error.detail));
        ConnectorConfig config;
        config.name = u"upstream"_s;
        config.indexUrl = m_up->indexUrl();
        config.auth = ConnectorConfig::Auth::Basic;
        config.user = u"mirror"_s;
        config.cacheSeconds = 0;
        config.filters = {u"!either"_s};
        config.licenses.blocked = {u"GPL-3.0-only"_s};
        error = m_down->connectorStore()->saveConnector(config);
        QVERIFY2(!error, qPrintable(error.detail));
        m_down->reloadConnectors();

        QVERIFY(writeFile(cargoHome() + u"/config.toml"_s,
                          "[registries.local]\nindex = \"" + m_down->cargoIndexUrl().toUtf8() + "\"\n\n[net]\nretry = 1\n"));
    }

    void buildsFromUpstreamCrates()
    {
        const QString dir = writeProject(u"connector-app"_s,
                                         "cfg-if = { version = \"1\", registry = \"local\" }\n"
                                         "itoa = { version = \"1\", registry = \"local\" }\n"
                                         "scopeguard = { version = \"1\", registry = \"local\" }\n"
                                         "lic-demo = { version = \">=0.1\", registry = \"local\" }\n",
                                         AppSource);
        const CargoRun run = cargo({u"run"_s}, dir);
        QVERIFY2(run.exitCode == 0, qPrintable(run.report()));
        QVERIFY2(run.output.contains("itoa 42 on unix answer 42") && run.output.contains("guard released"), qPrintable(run.report()));
        // The license rule hid lic-demo 0.2.0 (GPL-3.0-only), so cargo chose 0.1.0.
        QFile lock(dir + u"/Cargo.lock"_s);
        QVERIFY(lock.open(QIODevice::ReadOnly));
        const QByteArray locked = lock.readAll();
        QVERIFY2(locked.contains("name = \"lic-demo\"\nversion = \"0.1.0\""), locked.constData());
        QVERIFY(!locked.contains("0.2.0"));
        const QJsonObject report = QJsonDocument::fromJson(get(m_down->indexUrl().resolved(QUrl(u"cratedesk/v1/curation/lic-demo"_s)))).object();
        QVERIFY2(QJsonDocument(report).toJson().contains("GPL-3.0-only is blocked"), QJsonDocument(report).toJson().constData());
    }

    void filteredCrateIsNotFound()
    {
        const QString dir = writeProject(u"filtered-app"_s, "either = { version = \"1\", registry = \"local\" }\n", "fn main() {}\n");
        const CargoRun run = cargo({u"generate-lockfile"_s}, dir);
        QVERIFY2(run.exitCode != 0, qPrintable(run.report()));
        QVERIFY2(run.output.contains("no matching package named `either` found"), qPrintable(run.report()));
        const QByteArray report = get(m_down->indexUrl().resolved(QUrl(u"cratedesk/v1/curation/either"_s)));
        QVERIFY2(report.contains("blocked by the connector filter"), report.constData());
    }

    void credentialsNeverReachCargo()
    {
        const QByteArray basic = QByteArray("mirror:" + m_upToken).toBase64();
        const QStringList places{cargoHome(), m_dir.filePath(u"projects"_s), m_dir.filePath(u"target"_s)};
        QCOMPARE(TestSupport::filesContaining(places, m_upToken), QStringList());
        QCOMPARE(TestSupport::filesContaining(places, basic), QStringList());
        // Nor what the downstream serves, nor its data folder (the secret lives in the keychain).
        QVERIFY(!get(m_down->indexUrl().resolved(QUrl(u"it/oa/itoa"_s))).contains(m_upToken));
        QVERIFY(!get(m_down->indexUrl().resolved(QUrl(u"config.json"_s))).contains(m_upToken));
        QCOMPARE(TestSupport::filesContaining({m_dir.filePath(u"downstream"_s)}, m_upToken), QStringList());
        // The upstream really wants them: without, it refuses.
        QNetworkReply *reply = m_nam.get(QNetworkRequest(m_up->indexUrl().resolved(QUrl(u"it/oa/itoa"_s))));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(reply->isFinished() || finished.wait(30000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 401);
        reply->deleteLater();
    }

    void dependencyConfusionPicksTheLocalCrate()
    {
        // acme-internal is the company's own crate, published to the local feed; the upstream
        // (as crates.io could) offers a newer acme-internal of someone else's.
        QString token;
        QVERIFY(!m_down->store()->createToken(u"dev"_s, &token));
        QByteArray answer;
        const QUrl publishUrl = m_down->indexUrl().resolved(QUrl(u"api/v1/crates/new"_s));
        QCOMPARE(put(publishUrl, TestCrate(u"acme-internal"_s, u"1.0.0"_s).publishBody(), token.toLatin1(), &answer), 200);
        publishToUpstream(TestCrate(u"acme-internal"_s, u"1.99.0"_s).publishBody(), u"acme-internal 1.99.0"_s);

        const QString dir = writeProject(u"confusion-app"_s, "acme-internal = { version = \"1\", registry = \"local\" }\n", "fn main() {}\n");
        const CargoRun run = cargo({u"fetch"_s}, dir);
        QVERIFY2(run.exitCode == 0, qPrintable(run.report()));
        QFile lock(dir + u"/Cargo.lock"_s);
        QVERIFY(lock.open(QIODevice::ReadOnly));
        const QByteArray locked = lock.readAll();
        QVERIFY2(locked.contains("name = \"acme-internal\"\nversion = \"1.0.0\""), locked.constData());
        QVERIFY2(!locked.contains("1.99.0"), locked.constData());
        // The upstream's crate was never fetched, and the name stays the feed's own.
        QVERIFY(!m_down->connectorStore()->cachedIndex(u"upstream"_s, u"acme-internal"_s));
        QVERIFY(!m_down->connectorStore()->cachedCrate(u"upstream"_s, u"acme-internal"_s, u"1.99.0"_s));
        QVERIFY(!m_down->connectorStore()->pin(u"acme-internal"_s));
    }

    void aNameServedFromUpstreamCannotBePublishedLocally()
    {
        // itoa came from the connector when cargo built with it: it is pinned there now.
        const auto pin = m_down->connectorStore()->pin(u"itoa"_s);
        QVERIFY(pin);
        QCOMPARE(pin->connector, u"upstream"_s);
        QString token;
        QVERIFY(!m_down->store()->createToken(u"intruder"_s, &token));
        QByteArray answer;
        const QUrl publishUrl = m_down->indexUrl().resolved(QUrl(u"api/v1/crates/new"_s));
        QCOMPARE(put(publishUrl, TestCrate(u"itoa"_s, u"99.0.0"_s).publishBody(), token.toLatin1(), &answer), 409);
        QVERIFY2(answer.contains("connector upstream") && answer.contains("cratedesk connector unpin itoa"), answer.constData());
        QVERIFY(!get(m_down->indexUrl().resolved(QUrl(u"it/oa/itoa"_s))).contains("99.0.0"));
    }

    // The sha256 the downstream serves for NAME@VERS (blocked and held versions included).
    QString servedChecksum(const QString &name, const QString &vers)
    {
        const QString path = CrateName::indexPath(name);
        for (const QByteArray &line : get(m_down->indexUrl().resolved(QUrl(path))).split('\n')) {
            const QJsonObject entry = QJsonDocument::fromJson(line).object();
            if (entry.value(u"vers"_s).toString() == vers)
                return entry.value(u"cksum"_s).toString();
        }
        return {};
    }

    // A project whose Cargo.lock pins NAME@VERS from the downstream, as one locked before the
    // connector's policy refused it would.
    QString writeLockedProject(const QString &project, const QString &name, const QString &vers)
    {
        const QString cksum = servedChecksum(name, vers);
        if (cksum.isEmpty())
            return {};
        const QString dir = writeProject(project, name.toUtf8() + " = { version = \"=" + vers.toUtf8() + "\", registry = \"local\" }\n",
                                         "fn main() {}\n");
        const QByteArray lock = "version = 3\n\n[[package]]\nname = \"" + project.toUtf8() + "\"\nversion = \"0.1.0\"\ndependencies = [\n \""
            + name.toUtf8() + "\",\n]\n\n[[package]]\nname = \"" + name.toUtf8() + "\"\nversion = \"" + vers.toUtf8() + "\"\nsource = \""
            + m_down->cargoIndexUrl().toUtf8() + "\"\nchecksum = \"" + cksum.toLatin1() + "\"\n";
        return writeFile(dir + u"/Cargo.lock"_s, lock) ? dir : QString();
    }

    // The downstream's connector "upstream" with `edit` applied, for one test: the settings
    // come back when the result goes. Null when the edited settings could not be saved.
    std::shared_ptr<void> changeUpstream(const std::function<void(ConnectorConfig &)> &edit)
    {
        const ConnectorConfig before = *m_down->connectorStore()->connector(u"upstream"_s);
        ConnectorConfig changed = before;
        edit(changed);
        if (m_down->connectorStore()->saveConnector(changed))
            return nullptr;
        m_down->reloadConnectors();
        return std::shared_ptr<void>(static_cast<void *>(this), [this, before](void *) {
            m_down->connectorStore()->saveConnector(before);
            m_down->reloadConnectors();
        });
    }

    // `cargo fetch --locked` of a project whose lockfile pins NAME@VERS; logs what cargo said.
    CargoRun fetchPinned(const QString &project, const QString &name, const QString &vers)
    {
        const QString dir = writeLockedProject(project, name, vers);
        if (dir.isEmpty())
            return {-1, "the test could not write " + project.toUtf8() + ": " + name.toUtf8() + "@" + vers.toUtf8() + " is not served"};
        CargoRun run = cargo({u"fetch"_s, u"--locked"_s}, dir);
        qInfo().noquote() << "cargo fetching" << name + u'@' + vers << ":\n" << run.output.right(1500);
        return run;
    }

    // lic-demo 0.2.0 (GPL-3.0-only) is blocked: yanked in the index, so the build above chose
    // 0.1.0; a lockfile that pins it reaches the download, and cargo prints why and the way on.
    void aLockedBlockedVersionSaysWhy()
    {
        const CargoRun run = fetchPinned(u"blocked-app"_s, u"lic-demo"_s, u"0.2.0"_s);
        QVERIFY2(run.exitCode != 0, qPrintable(run.report()));
        QVERIFY2(run.output.contains("got 451") && run.output.contains("lic-demo@0.2.0 is blocked by connector upstream")
                     && run.output.contains("GPL-3.0-only is blocked")
                     && run.output.contains("cargo update -p lic-demo@0.2.0 --precise 0.1.0"),
                 qPrintable(run.report()));
    }

    // A 7-day release-age delay: the version published upstream just now is held. A new
    // resolution takes the older one; a lockfile that pins the new one hears until when.
    void aYoungVersionIsHeld()
    {
        publishToUpstream(TestCrate(u"fresh-dep"_s, u"1.0.0"_s).publishBody(), u"fresh-dep 1.0.0"_s);
        publishToUpstream(TestCrate(u"fresh-dep"_s, u"1.1.0"_s).publishBody(), u"fresh-dep 1.1.0"_s);
        const auto change = changeUpstream([](ConnectorConfig &config) {
            config.minAgeDays = 7;
            // Everything else the other tests use counts as old, and so does fresh-dep 1.0.0.
            config.ageExceptions = {{u"fresh-dep"_s, u"=1.0.0"_s}, {u"lic-demo"_s, {}}};
            for (const QString &name : RealCrates)
                config.ageExceptions.append({name, {}});
        });
        QVERIFY(change);

        const QString fresh = writeProject(u"held-app"_s, "fresh-dep = { version = \"1\", registry = \"local\" }\n", "fn main() {}\n");
        const CargoRun update = cargo({u"generate-lockfile"_s}, fresh);
        QVERIFY2(update.exitCode == 0, qPrintable(update.report()));
        QFile lock(fresh + u"/Cargo.lock"_s);
        QVERIFY(lock.open(QIODevice::ReadOnly));
        const QByteArray locked = lock.readAll();
        QVERIFY2(locked.contains("name = \"fresh-dep\"\nversion = \"1.0.0\""), locked.constData());

        const CargoRun run = fetchPinned(u"held-locked-app"_s, u"fresh-dep"_s, u"1.1.0"_s);
        QVERIFY2(run.exitCode != 0, qPrintable(run.report()));
        QVERIFY2(run.output.contains("got 403") && run.output.contains("fresh-dep@1.1.0 is held by connector upstream until")
                     && run.output.contains("holds new versions for 7 days")
                     && run.output.contains("cargo update -p fresh-dep@1.1.0 --precise 1.0.0"),
                 qPrintable(run.report()));
    }

    // An advisory of category "malicious" in the local advisory database (the fixture) blocks
    // a crate: a new resolution finds no version it may use, a lockfile that pins one gets 451.
    void anAdvisoryBlocksMalware()
    {
        publishToUpstream(TestCrate(u"evil-crate"_s, u"1.0.0"_s).publishBody(), u"evil-crate 1.0.0"_s);
        const auto change = changeUpstream([](ConnectorConfig &config) {
            config.advisoryDatabase = TestSupport::sourceDir() + u"/tests/fixtures/advisory-db"_s;
        });
        QVERIFY(change);

        const QString fresh = writeProject(u"evil-app"_s, "evil-crate = { version = \"1\", registry = \"local\" }\n", "fn main() {}\n");
        const CargoRun resolve = cargo({u"generate-lockfile"_s}, fresh);
        QVERIFY2(resolve.exitCode != 0 && resolve.output.contains("evil-crate"), qPrintable(resolve.report()));
        qInfo().noquote() << "cargo resolving a blocked crate:\n" << resolve.output.right(800);

        const CargoRun run = fetchPinned(u"evil-locked-app"_s, u"evil-crate"_s, u"1.0.0"_s);
        QVERIFY2(run.exitCode != 0, qPrintable(run.report()));
        QVERIFY2(run.output.contains("got 451") && run.output.contains("evil-crate@1.0.0 is blocked by connector upstream")
                     && run.output.contains("RUSTSEC-2099-0001 says it is malicious code"),
                 qPrintable(run.report()));
    }

    // A registry of its own for one test, at `port` (0: any), holding one version of `crate`.
    std::unique_ptr<LocalFeed> feedWith(const QString &dir, quint16 port, const TestCrate &crate)
    {
        FeedServerOptions options;
        options.dataDir = m_dir.filePath(dir);
        options.port = port;
        auto feed = std::make_unique<LocalFeed>(options);
        QString token;
        QByteArray answer;
        if (feed->start() || feed->store()->createToken(u"owner"_s, &token)
            || put(feed->indexUrl().resolved(QUrl(u"api/v1/crates/new"_s)), crate.publishBody(), token.toLatin1(), &answer) != 200)
            return nullptr;
        return feed;
    }

    // The upstream serves other bytes for a version cargo already locked (a compromised or
    // rebuilt registry at the same address): the feed refuses them until an owner accepts.
    void anUpstreamThatChangesBytesIsRefused()
    {
        std::unique_ptr<LocalFeed> upstream = feedWith(u"shifty-before"_s, 0, TestCrate(u"shifty"_s, u"1.0.0"_s));
        QVERIFY(upstream);
        const quint16 port = quint16(upstream->indexUrl().port());
        ConnectorConfig config;
        config.name = u"second"_s;
        config.indexUrl = upstream->indexUrl();
        config.cacheSeconds = 0;
        QVERIFY(!m_down->connectorStore()->saveConnector(config));
        m_down->reloadConnectors();
        const auto removeConnector = qScopeGuard([this] {
            m_down->connectorStore()->removeConnector(u"second"_s);
            m_down->reloadConnectors();
        });
        const QString project = writeProject(u"shifty-app"_s, "shifty = { version = \"1\", registry = \"local\" }\n", "fn main() {}\n");
        const CargoRun locked = cargo({u"generate-lockfile"_s}, project);
        QVERIFY2(locked.exitCode == 0, qPrintable(locked.report()));

        upstream.reset();
        TestCrate changed(u"shifty"_s, u"1.0.0"_s);
        changed.description = u"The same version with a payload"_s;
        upstream = feedWith(u"shifty-after"_s, port, changed);
        QVERIFY(upstream);

        // The project's own lockfile, written before the change, reaches the download.
        const CargoRun run = cargo({u"fetch"_s, u"--locked"_s}, project);
        qInfo().noquote() << "cargo fetching the locked project after the upstream changed:\n" << run.output.right(1200);
        QVERIFY2(run.exitCode != 0, qPrintable(run.report()));
        QVERIFY2(run.output.contains("got 451") && run.output.contains("shifty@1.0.0 is blocked by connector second")
                     && run.output.contains("the upstream changed a published version")
                     && run.output.contains("cratedesk connector accept-change second shifty@1.0.0"),
                 qPrintable(run.report()));
    }

    void upstreamStoppedServesCache()
    {
        m_up.reset(); // the upstream is gone
        // Cargo starts from nothing: no registry cache, no lock file, no build.
        QDir(cargoHome() + u"/registry"_s).removeRecursively();
        QDir(m_dir.filePath(u"target"_s)).removeRecursively();
        const QString dir = m_dir.filePath(u"projects/connector-app"_s);
        QFile::remove(dir + u"/Cargo.lock"_s);
        const CargoRun run = cargo({u"run"_s}, dir);
        QVERIFY2(run.exitCode == 0, qPrintable(run.report()));
        QVERIFY2(run.output.contains("itoa 42 on unix answer 42"), qPrintable(run.report()));
    }
};

QTEST_GUILESS_MAIN(TestConnectorCargo)
#include "tst_connectorcargo.moc"
