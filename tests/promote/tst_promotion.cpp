// SPDX-License-Identifier: GPL-3.0-or-later
// Promotion from a staging feed to target feeds, all real local feeds over HTTP: the plan
// says what each version is and orders dependencies first; the run copies the same bytes
// with cargo's metadata, keeps yanked versions yanked, and skips what depends on a failure;
// the command line prints and exits accordingly; and real cargo builds a project locked
// against staging from the target alone.
#include "crate/cratearchive.h"
#include "crate/publishmetadata.h"
#include "localfeed/localfeed.h"
#include "localtestfeed.h"
#include "net/httpclient.h"
#include "progettestserver.h"
#include "promote/promotionsession.h"
#include "registry/registryclient.h"
#include "testcrate.h"
#include "testsupport.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using State = PromotionItem::State;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray output;
    QString report() const { return u"exited with %1:\n%2"_s.arg(exitCode).arg(QString::fromUtf8(output.right(4000))); }
};

// The real crates whose closure a test project uses: quote needs proc-macro2, which needs
// unicode-ident; the others stand alone.
const QStringList RealCrates{u"unicode-ident"_s, u"proc-macro2"_s, u"quote"_s, u"itoa"_s, u"cfg-if"_s, u"scopeguard"_s};

} // namespace

class TestPromotion : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QNetworkAccessManager m_nam;
    std::unique_ptr<HttpClient> m_http;
    TestSupport::StartedFeed m_staging;
    QHash<QString, QString> m_realVersions; // name -> version of the real crates in staging

    std::unique_ptr<RegistryClient> clientFor(const TestSupport::StartedFeed &feed, const QString &name)
    {
        Feed description;
        description.name = name;
        description.indexUrl = feed.feed->indexUrl();
        description.auth = Feed::AuthKind::Token;
        auto client = std::make_unique<RegistryClient>(description, m_http.get(), nullptr, nullptr);
        client->setCredential(feed.token);
        return client;
    }

    TestSupport::StartedFeed startFeed(const QString &dir, qint64 maxCrateBytes = 0)
    {
        FeedServerOptions options;
        options.dataDir = m_dir.filePath(dir);
        if (maxCrateBytes > 0)
            options.maxCrateBytes = maxCrateBytes;
        return TestSupport::startLocalFeed(options, u"owner"_s);
    }

    // Publishes a .crate as cargo would: the metadata derived from its own Cargo.toml.
    bool publish(const TestSupport::StartedFeed &feed, const QByteArray &crate, QString *error)
    {
        const QString path = m_dir.filePath(u"upload.crate"_s);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(crate) != crate.size())
            return false;
        file.close();
        const auto archive = CrateArchive::open(path);
        if (!archive.isOk()) {
            *error = archive.error.message;
            return false;
        }
        const auto metadata = PublishMetadata::fromArchive(*archive.archive, u"sparse+"_s + feed.feed->indexUrl().toString());
        if (!metadata.isOk()) {
            *error = metadata.error;
            return false;
        }
        QNetworkRequest request(feed.feed->indexUrl().resolved(QUrl(u"api/v1/crates/new"_s)));
        request.setRawHeader("Authorization", feed.token);
        QNetworkReply *reply = m_nam.put(request, PublishMetadata::frame(metadata.metadata->toJson(), crate));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            finished.wait(60000);
        reply->deleteLater();
        *error = QString::fromUtf8(reply->readAll());
        return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200;
    }

    // A test crate that depends on `deps` ("name ^req") from the same feed, as cargo packages it.
    TestCrate crateOn(const TestSupport::StartedFeed &feed, const QString &name, const QString &vers, const QStringList &deps = {})
    {
        TestCrate crate(name, vers);
        for (const QString &dep : deps) {
            crate.extraManifest += "[dependencies." + dep.section(u' ', 0, 0).toUtf8() + "]\nversion = \"" + dep.section(u' ', 1).toUtf8()
                                   + "\"\nregistry-index = \"sparse+" + feed.feed->indexUrl().toString().toUtf8() + "\"\n";
        }
        return crate;
    }

    bool yank(const TestSupport::StartedFeed &feed, const QString &name, const QString &vers)
    {
        QNetworkRequest request(feed.feed->indexUrl().resolved(QUrl(u"api/v1/crates/%1/%2/yank"_s.arg(name, vers))));
        request.setRawHeader("Authorization", feed.token);
        QNetworkReply *reply = m_nam.sendCustomRequest(request, "DELETE");
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            finished.wait(30000);
        reply->deleteLater();
        return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200;
    }

    QList<IndexEntry> indexOf(RegistryClient *client, const QString &name)
    {
        RegistryReply *reply = client->fetchIndex(name);
        QSignalSpy finished(reply, &RegistryReply::finished);
        finished.wait(30000);
        return reply->entries;
    }

    static QStringList states(const PromotionSession &session)
    {
        QStringList out;
        for (const PromotionItem &item : session.items())
            out << item.key() + u' ' + PromotionItem::stateName(item.state);
        return out;
    }

    static bool planned(PromotionSession &session)
    {
        QSignalSpy planned(&session, &PromotionSession::planned);
        return planned.wait(60000);
    }

    static bool ran(PromotionSession &session)
    {
        QSignalSpy finished(&session, &PromotionSession::finished);
        session.start();
        return finished.wait(300000);
    }

    // Waits on QProcess::finished, so this thread's feeds answer the process meanwhile.
    Run process(const QString &program, const QStringList &args, const QString &workDir, const QByteArray &input = {})
    {
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const QString &key : env.keys())
            if (key.startsWith(u"CARGO_"_s) || key.endsWith(u"_proxy"_s, Qt::CaseInsensitive))
                env.remove(key);
        env.insert(u"CARGO_HOME"_s, m_dir.filePath(u"cargo-home"_s));
        env.insert(u"CARGO_TARGET_DIR"_s, m_dir.filePath(u"target"_s));
        env.insert(u"CARGO_TERM_COLOR"_s, u"never"_s);
        env.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"config"_s));
        env.insert(u"NO_PROXY"_s, u"127.0.0.1"_s);
        child.setProcessEnvironment(env);
        child.setWorkingDirectory(workDir);
        child.setProcessChannelMode(QProcess::MergedChannels);
        QSignalSpy finished(&child, &QProcess::finished);
        child.start(program, args);
        Run run;
        if (!child.waitForStarted(30000))
            return run;
        child.write(input);
        child.closeWriteChannel();
        if (!finished.wait(600000)) {
            child.kill();
            finished.wait(10000);
        }
        run.output = child.readAll();
        run.exitCode = child.exitStatus() == QProcess::NormalExit ? child.exitCode() : -1;
        return run;
    }

    static bool writeFile(const QString &path, const QByteArray &content)
    {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_nam.setProxy(QNetworkProxy::NoProxy);
        m_http = std::make_unique<HttpClient>(&m_nam);
        m_staging = startFeed(u"staging"_s);
        QVERIFY2(m_staging.error.isEmpty(), qPrintable(m_staging.error));
        QString error;
        for (const TestCrate &crate : {crateOn(m_staging, u"base"_s, u"1.0.0"_s), crateOn(m_staging, u"mid"_s, u"1.0.0"_s, {u"base ^1"_s}),
                                       crateOn(m_staging, u"app"_s, u"1.0.0"_s, {u"mid ^1"_s}), crateOn(m_staging, u"old"_s, u"0.1.0"_s)})
            QVERIFY2(publish(m_staging, crate.crateBytes(), &error), qPrintable(crate.name + u": "_s + error));
        QVERIFY(yank(m_staging, u"old"_s, u"0.1.0"_s));

        const QDir realCrates(TestSupport::realCratesDir());
        for (const QString &name : RealCrates) {
            const QStringList found = realCrates.entryList({name + u"-[0-9]*.crate"_s});
            QVERIFY2(found.size() == 1, qPrintable(u"%1 in %2: %3"_s.arg(name, realCrates.path(), found.join(u' '))));
            QFile file(realCrates.filePath(found.first()));
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(publish(m_staging, file.readAll(), &error), qPrintable(found.first() + u": "_s + error));
            m_realVersions.insert(name, found.first().mid(name.size() + 1).chopped(6));
        }
    }

    // The plan asks both feeds: what the target has is left alone, what the source lacks is
    // named, and every version comes after the versions it depends on.
    void thePlanOrdersDependenciesFirst()
    {
        TestSupport::StartedFeed target = startFeed(u"plan-target"_s);
        QVERIFY2(target.error.isEmpty(), qPrintable(target.error));
        QString error;
        QVERIFY2(publish(target, crateOn(m_staging, u"base"_s, u"1.0.0"_s).crateBytes(), &error), qPrintable(error));
        const auto source = clientFor(m_staging, u"staging"_s);
        const auto into = clientFor(target, u"target"_s);
        PromotionSession session(source.get(), into.get());
        session.plan({{u"app"_s, u"1.0.0"_s}, {u"ghost"_s, u"1.0.0"_s}, {u"mid"_s, u"1.0.0"_s}, {u"base"_s, u"1.0.0"_s}, {u"mid"_s, u"9.9.9"_s},
                      {u"../etc"_s, u"1.0.0"_s}, {u"base"_s, u"1.0/../../x"_s}});
        QVERIFY(planned(session));
        const QStringList got = states(session);
        QCOMPARE(got.size(), 7);
        QVERIFY(got.contains(u"../etc@1.0.0 not-in-source"_s) && got.contains(u"base@1.0/../../x not-in-source"_s));
        QVERIFY(got.contains(u"ghost@1.0.0 not-in-source"_s) && got.contains(u"mid@9.9.9 not-in-source"_s));
        QVERIFY(got.contains(u"base@1.0.0 in-target"_s));
        QVERIFY2(got.indexOf(u"base@1.0.0 in-target"_s) < got.indexOf(u"mid@1.0.0 ready"_s)
                     && got.indexOf(u"mid@1.0.0 ready"_s) < got.indexOf(u"app@1.0.0 ready"_s),
                 qPrintable(got.join(u", "_s)));
        const auto app = std::ranges::find_if(session.items(), [](const PromotionItem &item) { return item.name == u"app"_s; });
        QCOMPARE(app->needs, QStringList{u"mid@1.0.0"_s});
        QVERIFY(!session.succeeded());
    }

    // The same bytes (so the same sha256) land in the target, dependencies on the source
    // become dependencies on the target, and a version yanked in the source stays yanked.
    void promotionCopiesTheSameBytesAndKeepsYanked()
    {
        TestSupport::StartedFeed target = startFeed(u"copy-target"_s);
        QVERIFY2(target.error.isEmpty(), qPrintable(target.error));
        const auto source = clientFor(m_staging, u"staging"_s);
        const auto into = clientFor(target, u"target"_s);
        PromotionSession session(source.get(), into.get());
        QSignalSpy changed(&session, &PromotionSession::itemChanged);
        session.plan({{u"app"_s, u"1.0.0"_s}, {u"mid"_s, u"1.0.0"_s}, {u"base"_s, u"1.0.0"_s}, {u"old"_s, u"0.1.0"_s}});
        QVERIFY(planned(session));
        QVERIFY(ran(session));
        QVERIFY2(session.succeeded(), qPrintable(states(session).join(u", "_s)));
        QCOMPARE(session.count(State::Promoted), 4);
        QVERIFY(changed.size() >= 12); // downloading, publishing, promoted for each
        for (const QString &name : {u"base"_s, u"mid"_s, u"app"_s, u"old"_s}) {
            const QList<IndexEntry> there = indexOf(into.get(), name);
            const QList<IndexEntry> here = indexOf(source.get(), name);
            QCOMPARE(there.size(), 1);
            QCOMPARE(there.first().cksum, here.first().cksum);
            QCOMPARE(there.first().yanked, name == u"old"_s);
        }
        const QList<IndexEntry> app = indexOf(into.get(), u"app"_s);
        QCOMPARE(app.first().deps.size(), 1);
        QCOMPARE(app.first().deps.first().registry, std::nullopt); // the target's own mid
        const auto old = std::ranges::find_if(session.items(), [](const PromotionItem &item) { return item.name == u"old"_s; });
        QCOMPARE(old->message, u"yanked, as in the source"_s);
    }

    // A version the target refuses (too large for it) fails; what depends on it is skipped,
    // never published without its dependency; the rest goes on.
    void aFailureSkipsWhatDependsOnIt()
    {
        TestCrate big = crateOn(m_staging, u"big-base"_s, u"1.0.0"_s);
        big.padding = QByteArray(300 * 1024, 'x');
        QRandomGenerator random(42); // letters at random do not compress below 64 KiB
        for (char &c : big.padding)
            c = char('a' + random.bounded(26));
        QString error;
        QVERIFY2(publish(m_staging, big.crateBytes(), &error), qPrintable(error));
        QVERIFY2(publish(m_staging, crateOn(m_staging, u"uses-big"_s, u"1.0.0"_s, {u"big-base ^1"_s}).crateBytes(), &error), qPrintable(error));

        TestSupport::StartedFeed small = startFeed(u"small-target"_s, 64 * 1024);
        QVERIFY2(small.error.isEmpty(), qPrintable(small.error));
        const auto source = clientFor(m_staging, u"staging"_s);
        const auto into = clientFor(small, u"small"_s);
        PromotionSession session(source.get(), into.get());
        session.plan({{u"uses-big"_s, u"1.0.0"_s}, {u"big-base"_s, u"1.0.0"_s}, {u"base"_s, u"1.0.0"_s}});
        QVERIFY(planned(session));
        QVERIFY(ran(session));
        QCOMPARE(states(session), QStringList({u"big-base@1.0.0 failed"_s, u"uses-big@1.0.0 skipped"_s, u"base@1.0.0 promoted"_s}));
        QVERIFY2(session.items().at(1).message.contains(u"big-base@1.0.0"_s), qPrintable(session.items().at(1).message));
        QVERIFY(indexOf(into.get(), u"uses-big"_s).isEmpty());
        QVERIFY(!session.succeeded());
    }

    // --with-dependencies: the closure as cargo resolves it from the source, on the command
    // line, with a dry run first that changes nothing.
    void theCommandLinePromotesAClosure()
    {
        TestSupport::StartedFeed target = startFeed(u"cli-target"_s);
        QVERIFY2(target.error.isEmpty(), qPrintable(target.error));
        const QStringList common{u"promote"_s, u"app@1.0.0"_s, u"--with-dependencies"_s, u"--from-index"_s, m_staging.feed->indexUrl().toString(),
                                 u"--to-index"_s, target.feed->indexUrl().toString(), u"--token-stdin"_s};
        Run dry = process(TestSupport::cratedeskExecutable(), common + QStringList{u"--dry-run"_s}, m_dir.path(), target.token + '\n');
        QVERIFY2(dry.exitCode == 0, qPrintable(dry.report()));
        QVERIFY2(dry.output.contains("ready base@1.0.0") && dry.output.contains("ready mid@1.0.0") && dry.output.contains("ready app@1.0.0"),
                 qPrintable(dry.report()));
        const auto into = clientFor(target, u"target"_s);
        QVERIFY(indexOf(into.get(), u"base"_s).isEmpty());

        Run run = process(TestSupport::cratedeskExecutable(), common + QStringList{u"--json"_s}, m_dir.path(), target.token + '\n');
        QVERIFY2(run.exitCode == 0, qPrintable(run.report()));
        const QJsonObject result = QJsonDocument::fromJson(run.output.mid(run.output.indexOf('{'))).object();
        QCOMPARE(result.value(u"summary"_s).toObject().value(u"promoted"_s).toInt(), 3);
        QStringList order;
        for (const QJsonValue &item : result.value(u"items"_s).toArray())
            order << item.toObject().value(u"name"_s).toString();
        QCOMPARE(order, QStringList({u"base"_s, u"mid"_s, u"app"_s}));

        Run again = process(TestSupport::cratedeskExecutable(), common, m_dir.path(), target.token + '\n');
        QVERIFY2(again.exitCode == 0 && again.output.contains("3 in-target"), qPrintable(again.report()));
        Run missing = process(TestSupport::cratedeskExecutable(),
                              {u"promote"_s, u"ghost@1.0.0"_s, u"--from-index"_s, m_staging.feed->indexUrl().toString(), u"--to-index"_s,
                               target.feed->indexUrl().toString(), u"--token-stdin"_s},
                              m_dir.path(), target.token + '\n');
        QVERIFY2(missing.exitCode == 1 && missing.output.contains("not-in-source ghost@1.0.0"), qPrintable(missing.report()));
    }

    // Two feeds of one ProGet server: the server promotes with its own API (the key needs the
    // Promote permission) and keeps the history; no download, no publish.
    void proGetPromotesOnItsOwnServer()
    {
        ProGetTestServer server("promote-key");
        QVERIFY(server.listen());
        const QJsonObject line{{u"name"_s, u"pg-crate"_s}, {u"vers"_s, u"1.0.0"_s}, {u"deps"_s, QJsonArray()},
                               {u"cksum"_s, QString(64, u'a')}, {u"features"_s, QJsonObject()}, {u"yanked"_s, false}};
        server.addCargoVersion(u"staging"_s, line);
        server.addCargoFeed(u"approved"_s);
        const auto clientOf = [&](const QString &feed, const QByteArray &key) {
            Feed description;
            description.name = u"pg-"_s + feed;
            description.indexUrl = server.cargoIndexUrl(feed);
            description.auth = Feed::AuthKind::Token;
            auto client = std::make_unique<RegistryClient>(description, m_http.get(), nullptr, nullptr);
            client->setCredential(key);
            return client;
        };
        const auto source = clientOf(u"staging"_s, "promote-key");
        const auto target = clientOf(u"approved"_s, "promote-key");
        PromotionSession session(source.get(), target.get());
        QVERIFY(session.promotesOnServer());
        session.plan({{u"pg-crate"_s, u"1.0.0"_s}, {u"ghost"_s, u"1.0.0"_s}});
        QVERIFY(planned(session));
        QVERIFY(ran(session));
        QCOMPARE(states(session), QStringList({u"pg-crate@1.0.0 promoted"_s, u"ghost@1.0.0 not-in-source"_s}));
        QCOMPARE(session.items().at(0).message, u"promoted by ProGet"_s);
        QVERIFY(std::ranges::any_of(server.cargoVersions(u"approved"_s), [](const QJsonObject &l) { return l.value(u"name"_s) == u"pg-crate"_s; }));
        const QList<ProGetTestServer::Request> requests = server.requests();
        const auto promote = std::ranges::find_if(requests, [](const auto &r) { return r.path == u"/api/promotions/promote"_s; });
        QVERIFY(promote != requests.cend());
        QCOMPARE(promote->method, QByteArray("POST"));
        QCOMPARE(promote->apiKey, QByteArray("promote-key"));
        const QJsonObject sent = QJsonDocument::fromJson(promote->body).object();
        QCOMPARE(sent.value(u"fromFeed"_s).toString(), u"staging"_s);
        QCOMPARE(sent.value(u"toFeed"_s).toString(), u"approved"_s);

        RegistryReply *history = target->proGetPromotions(u"pg-crate"_s);
        QSignalSpy answered(history, &RegistryReply::finished);
        QVERIFY(answered.wait(10000));
        QVERIFY2(!history->error(), qPrintable(history->error().message));
        const QJsonObject record = history->json.array().first().toObject();
        QCOMPARE(record.value(u"version"_s).toString(), u"1.0.0"_s);
        QCOMPARE(record.value(u"promotions"_s).toArray().first().toObject().value(u"fromFeed"_s).toString(), u"staging"_s);
        const Run listed = process(TestSupport::cratedeskExecutable(),
                                   {u"promote"_s, u"--history"_s, u"pg-crate"_s, u"--to-index"_s, server.cargoIndexUrl(u"approved"_s).toString(),
                                    u"--token-stdin"_s},
                                   m_dir.path(), "promote-key\n");
        QVERIFY2(listed.exitCode == 0 && listed.output.contains("pg-crate@1.0.0\tfrom staging to approved"), qPrintable(listed.report()));
        // A comment with terminal escapes (a title change, a colour, a bell) reaches the
        // terminal without its control characters.
        server.addPromotionRecord(QJsonObject{{u"package"_s, u"pg-crate"_s}, {u"version"_s, u"0.9.0"_s},
                                              {u"promotions"_s, QJsonArray{QJsonObject{{u"fromFeed"_s, u"staging"_s}, {u"toFeed"_s, u"approved"_s},
                                                                                      {u"comments"_s, u"\x1b]0;pwned\x07\x1b[31mred\u009b2J"_s}}}}});
        const Run hostile = process(TestSupport::cratedeskExecutable(),
                                    {u"promote"_s, u"--history"_s, u"pg-crate"_s, u"--to-index"_s, server.cargoIndexUrl(u"approved"_s).toString(),
                                     u"--token-stdin"_s},
                                    m_dir.path(), "promote-key\n");
        QVERIFY2(hostile.exitCode == 0 && hostile.output.contains("pg-crate@0.9.0"), qPrintable(hostile.report()));
        QVERIFY2(!hostile.output.contains('\x1b') && !hostile.output.contains('\x07') && !hostile.output.contains("\xc2\x9b")
                     && hostile.output.contains("]0;pwned"),
                 qPrintable(hostile.report()));

        // A key without the Promote permission: ProGet's 403 in the item's words.
        QJsonObject newer = line;
        newer.insert(u"vers"_s, u"1.1.0"_s);
        server.addCargoVersion(u"staging"_s, newer);
        const auto weak = clientOf(u"approved"_s, "view-only-key");
        PromotionSession refused(source.get(), weak.get());
        refused.plan({{u"pg-crate"_s, u"1.1.0"_s}});
        QVERIFY(planned(refused));
        QVERIFY(ran(refused));
        QCOMPARE(states(refused), QStringList{u"pg-crate@1.1.0 failed"_s});
        QVERIFY2(refused.items().first().message.contains(u"proper permissions"_s), qPrintable(refused.items().first().message));
    }

    // A project locked against staging (real crates, cargo's own Cargo.lock), its lockfile
    // promoted into an empty target, then built by real cargo with staging gone.
    void cargoBuildsTheLockedProjectFromTheTargetAlone()
    {
        QVERIFY2(!QStandardPaths::findExecutable(u"cargo"_s).isEmpty(), "cargo is not installed");
        TestSupport::StartedFeed target = startFeed(u"approved"_s);
        QVERIFY2(target.error.isEmpty(), qPrintable(target.error));
        const auto replaceWith = [this](const QUrl &index) {
            return writeFile(m_dir.filePath(u"cargo-home/config.toml"_s),
                             "[source.crates-io]\nreplace-with = \"feed\"\n\n[source.feed]\nregistry = \"sparse+" + index.toString().toUtf8()
                                 + "\"\n\n[net]\nretry = 1\n");
        };
        QVERIFY(replaceWith(m_staging.feed->indexUrl()));
        const QString project = m_dir.filePath(u"projects/locked-app"_s);
        QVERIFY(writeFile(project + u"/Cargo.toml"_s,
                          "[package]\nname = \"locked-app\"\nversion = \"0.1.0\"\nedition = \"2021\"\npublish = false\n\n[dependencies]\n"
                          "quote = \"1\"\nitoa = \"1\"\ncfg-if = \"1\"\nscopeguard = \"1\"\n"));
        QVERIFY(writeFile(project + u"/src/main.rs"_s,
                          "fn main() {\n    let tokens = quote::quote! { fn promoted() {} };\n"
                          "    let mut buffer = itoa::Buffer::new();\n"
                          "    let _guard = scopeguard::guard((), |_| println!(\"guard released\"));\n"
                          "    cfg_if::cfg_if! { if #[cfg(unix)] { let os = \"unix\"; } else { let os = \"other\"; } }\n"
                          "    println!(\"{} tokens, {} on {}\", tokens.to_string().len(), buffer.format(42u32), os);\n}\n"));
        const Run locked = process(u"cargo"_s, {u"generate-lockfile"_s}, project);
        QVERIFY2(locked.exitCode == 0, qPrintable(locked.report()));

        const Run promote = process(TestSupport::cratedeskExecutable(),
                                    {u"promote"_s, u"--lockfile"_s, project + u"/Cargo.lock"_s, u"--from-index"_s,
                                     m_staging.feed->indexUrl().toString(), u"--to-index"_s, target.feed->indexUrl().toString(), u"--token-stdin"_s},
                                    m_dir.path(), target.token + '\n');
        qInfo().noquote() << "cratedesk promote --lockfile:\n" << promote.output;
        QVERIFY2(promote.exitCode == 0 && promote.output.contains("6 promoted"), qPrintable(promote.report()));
        const QByteArray output = promote.output;
        QVERIFY2(output.indexOf("promoted unicode-ident@") < output.indexOf("promoted proc-macro2@")
                     && output.indexOf("promoted proc-macro2@") < output.indexOf("promoted quote@"),
                 output.constData());

        m_staging.feed.reset(); // staging is gone: only the target can answer
        QDir(m_dir.filePath(u"cargo-home/registry"_s)).removeRecursively();
        QVERIFY(replaceWith(target.feed->indexUrl()));
        const Run build = process(u"cargo"_s, {u"run"_s, u"--locked"_s}, project);
        QVERIFY2(build.exitCode == 0, qPrintable(build.report()));
        QVERIFY2(build.output.contains("42 on unix") && build.output.contains("guard released"), qPrintable(build.report()));
    }
};

QTEST_GUILESS_MAIN(TestPromotion)
#include "tst_promotion.moc"
