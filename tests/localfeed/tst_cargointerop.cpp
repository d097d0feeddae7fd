// SPDX-License-Identifier: GPL-3.0-or-later
// Debian's real cargo against `cratedesk serve`, once as a public feed and once with
// --auth-required: login, publish with dependencies from the feed, build and run, yank
// steering resolution, a duplicate publish refused in the feed's own words, search, owners,
// and install by registry name and by index URL. No crates.io anywhere: every crate here
// depends only on crates of the feed.
#include "cargoproject.h"
#include "testcrate.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QScopeGuard>
#include <QSet>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QStandardPaths>
#include <QTest>

#include <algorithm>
#include <map>
#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace {

// A '-' and a '_' name: cargo turns both into Rust identifiers, the feed keeps them as given.
const QString Alpha = u"feed-alpha"_s;
const QString Beta = u"feed_beta"_s;
const QString App = u"feed-app"_s;
const QString Tool = u"feed-tool"_s;
const QString AlphaDescription = u"Alpha crate of the CrateDesk interop test"_s;
const QString BetaDescription = u"Beta crate of the CrateDesk interop test"_s;

QString alphaSource(const QString &version)
{
    return u"pub fn greeting() -> &'static str {\n    \"hello from alpha %1\"\n}\n"_s.arg(version);
}

const QString BetaSource = u"pub fn message() -> String {\n    format!(\"beta says: {}\", feed_alpha::greeting())\n}\n"_s;
const QString AppSource = u"fn main() {\n    println!(\"{}\", feed_beta::message());\n}\n"_s;
const QString ToolSource = u"fn main() {\n    println!(\"feed-tool: {}\", feed_beta::message());\n}\n"_s;

QStringList outputLines(const CargoProject::Result &result)
{
    QStringList lines = result.text().split(u'\n');
    for (QString &line : lines)
        line = line.trimmed();
    return lines;
}

bool hasLineStartingWith(const CargoProject::Result &result, const QString &prefix)
{
    const QStringList lines = outputLines(result);
    return std::any_of(lines.cbegin(), lines.cend(), [&](const QString &line) { return line.startsWith(prefix); });
}

struct HttpReply
{
    int status = 0;
    QByteArray body;

    QString detail() const
    {
        return QJsonDocument::fromJson(body).object().value(u"errors"_s).toArray().at(0).toObject().value(u"detail"_s).toString();
    }
};

// Everything one mode (one data row) keeps from one test function to the next.
struct Mode
{
    QTemporaryDir dir;
    std::unique_ptr<ServeProcess> server;
    std::unique_ptr<CargoProject> cargo;
    QString token;
    QStringList tokens;       // every token made for this feed; none may reach its log
    QSet<QByteArray> passed;  // steps that passed; later steps that need a failed one skip
};

} // namespace

// Skips (rather than fails again) when an earlier step this one builds on did not pass: the
// earlier failure is the one to read.
#define REQUIRE_STEP(mode, step)                                                                                       \
    do {                                                                                                               \
        if (!(mode))                                                                                                   \
            QSKIP("the login step did not run for this mode");                                                         \
        if (!(mode)->passed.contains(step))                                                                            \
            QSKIP("needs the step \"" step "\", which did not pass");                                                  \
    } while (false)

class TestCargoInterop : public QObject
{
    Q_OBJECT

private:
    std::map<QByteArray, std::unique_ptr<Mode>> m_modes;
    QNetworkAccessManager m_nam;

    static void addModes()
    {
        QTest::addColumn<bool>("authRequired");
        QTest::addColumn<bool>("https");
        QTest::newRow("public") << false << false;
        QTest::newRow("auth-required") << true << false;
        // As registries on the network are served: TLS, HTTP/2 offered (cargo multiplexes).
        QTest::newRow("auth-required over https") << true << true;
    }

    static QString tlsFixture(const QString &file) { return TestSupport::sourceDir() + u"/tests/fixtures/tls/"_s + file; }

    Mode *mode()
    {
        const auto it = m_modes.find(QByteArray(QTest::currentDataTag()));
        return it == m_modes.end() ? nullptr : it->second.get();
    }

    HttpReply put(const QUrl &url, const QByteArray &body, const QString &token)
    {
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", token.toLatin1());
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/octet-stream"_ba);
        std::unique_ptr<QNetworkReply, void (*)(QNetworkReply *)> reply(m_nam.put(request, body),
                                                                        [](QNetworkReply *r) { r->deleteLater(); });
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        if (!reply->isFinished() && !finished.wait(60000))
            return {};
        return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
    }

    // Runs an installed or built binary and returns its stdout.
    static QByteArray runProgram(const QString &path, QString *error)
    {
        QProcess program;
        program.start(path, {});
        if (!program.waitForFinished(60000) || program.exitStatus() != QProcess::NormalExit || program.exitCode() != 0) {
            *error = u"%1 failed (exit code %2, %3): %4"_s.arg(path)
                         .arg(program.exitCode())
                         .arg(program.errorString(), QString::fromUtf8(program.readAllStandardError()));
            return {};
        }
        return program.readAllStandardOutput();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!QStandardPaths::findExecutable(u"cargo"_s).isEmpty(), "cargo is not installed");
        QVERIFY2(QFileInfo(TestSupport::cratedeskExecutable()).isExecutable(),
                 qPrintable(u"%1 is not built"_s.arg(TestSupport::cratedeskExecutable())));
        // The feed is on 127.0.0.1; a proxy from the environment must not sit in between.
        m_nam.setProxy(QNetworkProxy::NoProxy);
        // The https mode's self-signed certificate, trusted here as cargo trusts it (CAINFO).
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.addCaCertificates(tlsFixture(u"localhost-cert.pem"_s));
        QSslConfiguration::setDefaultConfiguration(tls);
    }

    void login_data() { addModes(); }
    void login()
    {
        QFETCH(bool, authRequired);
        QFETCH(bool, https);
        auto owned = std::make_unique<Mode>();
        Mode *m = owned.get();
        m_modes[QByteArray(QTest::currentDataTag())] = std::move(owned);
        QVERIFY(m->dir.isValid());
        m->server = std::make_unique<ServeProcess>(TestSupport::cratedeskExecutable(), m->dir.filePath(u"data"_s),
                                                   m->dir.filePath(u"serve.log"_s));
        QString error;
        QStringList serveArgs;
        if (authRequired)
            serveArgs << u"--auth-required"_s;
        if (https)
            serveArgs << u"--tls-cert"_s << tlsFixture(u"localhost-cert.pem"_s) << u"--tls-key"_s << tlsFixture(u"localhost-key.pem"_s);
        QVERIFY2(m->server->start(serveArgs, &error), qPrintable(error));
        QCOMPARE(m->server->indexUrl().startsWith(u"sparse+https://"_s), https);
        m->cargo = std::make_unique<CargoProject>(m->server->indexUrl(), authRequired);
        QVERIFY(m->cargo->isValid());
        if (https)
            m->cargo->setCaFile(tlsFixture(u"localhost-cert.pem"_s));

        // Before login: a public feed can be searched, a private one asks for `cargo login`.
        const auto anonymous = m->cargo->run({u"search"_s, u"--registry"_s, u"local"_s, u"anything"_s});
        if (authRequired)
            CARGO_VERIFY_THAT(!anonymous.succeeded() && anonymous.output.contains("cargo login"), anonymous,
                              u"searching a private feed without a token should fail and point at cargo login"_s);
        else
            CARGO_VERIFY(anonymous);

        m->token = m->server->createToken(u"local"_s, &error);
        QVERIFY2(!m->token.isEmpty(), qPrintable(error));
        m->tokens << m->token;
        // The token on stdin, as a user pastes it after the prompt.
        const auto login = m->cargo->run({u"login"_s, u"--registry"_s, u"local"_s}, {}, m->token.toLatin1() + '\n');
        CARGO_VERIFY(login);
        QFile credentials(m->cargo->home() + u"/credentials.toml"_s);
        QVERIFY2(credentials.open(QIODevice::ReadOnly), "cargo login wrote no credentials.toml");
        const QByteArray saved = credentials.readAll();
        CARGO_VERIFY_THAT(saved.contains("[registries.local]") && saved.contains(m->token.toLatin1()), login,
                          u"credentials.toml lacks the token for [registries.local]"_s);
        m->passed << "login";
    }

    void publishLibrary_data() { addModes(); }
    void publishLibrary()
    {
        Mode *m = mode();
        REQUIRE_STEP(m, "login");
        const QString dir = m->cargo->writeCrate(Alpha, u"0.1.0"_s, CargoProject::Kind::Library, alphaSource(u"0.1.0"_s), {}, AlphaDescription);
        QVERIFY(!dir.isEmpty());
        // Verified (built) before the upload, as a user's plain `cargo publish` does.
        const auto publish = m->cargo->run({u"publish"_s, u"--registry"_s, u"local"_s}, dir);
        CARGO_VERIFY(publish);
        CARGO_VERIFY_THAT(publish.output.contains("Published feed-alpha v0.1.0"), publish,
                          u"cargo did not see feed-alpha 0.1.0 in the index after the upload"_s);
        m->passed << "alpha";
    }

    void publishDependentLibrary_data() { addModes(); }
    void publishDependentLibrary()
    {
        Mode *m = mode();
        REQUIRE_STEP(m, "alpha");
        const QString dir = m->cargo->writeCrate(Beta, u"0.1.0"_s, CargoProject::Kind::Library, BetaSource,
                                                 {{Alpha, u"0.1"_s}}, BetaDescription);
        QVERIFY(!dir.isEmpty());
        // No --registry: [registry] default = "local". Verification builds against feed-alpha
        // downloaded from the feed.
        const auto publish = m->cargo->run({u"publish"_s}, dir);
        CARGO_VERIFY(publish);
        CARGO_VERIFY_THAT(publish.output.contains("Published feed_beta v0.1.0"), publish,
                          u"cargo did not see feed_beta 0.1.0 in the index after the upload"_s);
        m->passed << "beta";
    }

    void buildAndRunBinary_data() { addModes(); }
    void buildAndRunBinary()
    {
        Mode *m = mode();
        REQUIRE_STEP(m, "beta");
        const QString dir = m->cargo->writeCrate(App, u"0.1.0"_s, CargoProject::Kind::Binary, AppSource,
                                                 {{Beta, u"0.1"_s}}, {}, false);
        const auto run = m->cargo->run({u"run"_s, u"--quiet"_s}, dir);
        CARGO_VERIFY(run);
        CARGO_VERIFY_THAT(outputLines(run).contains(u"beta says: hello from alpha 0.1.0"_s), run,
                          u"the program built from the feed printed something else"_s);
        // Both dependencies come from the feed, recorded under its index URL.
        const auto locked = CargoProject::lockedPackages(dir);
        QStringList fromFeed;
        for (const auto &package : locked) {
            if (package.source == m->cargo->indexUrl())
                fromFeed << package.name + u' ' + package.version;
        }
        fromFeed.sort();
        CARGO_VERIFY_THAT(fromFeed == QStringList({u"feed-alpha 0.1.0"_s, u"feed_beta 0.1.0"_s}), run,
                          u"Cargo.lock lists %1 from the feed"_s.arg(fromFeed.join(u", "_s)));
        m->passed << "app";
    }

    void yankSteersResolution_data() { addModes(); }
    void yankSteersResolution()
    {
        Mode *m = mode();
        REQUIRE_STEP(m, "alpha");
        CargoProject &cargo = *m->cargo;
        const QString alphaDir = cargo.writeCrate(Alpha, u"0.1.1"_s, CargoProject::Kind::Library, alphaSource(u"0.1.1"_s), {}, AlphaDescription);
        const auto publish = cargo.run({u"publish"_s, u"--registry"_s, u"local"_s}, alphaDir);
        CARGO_VERIFY(publish);

        const auto lockIn = [&](const QString &project) {
            const QString dir = cargo.writeCrate(project, u"0.1.0"_s, CargoProject::Kind::Library, u"pub use feed_alpha::greeting;\n"_s,
                                                 {{Alpha, u"0.1"_s}}, {}, false);
            return std::make_pair(dir, cargo.run({u"generate-lockfile"_s}, dir));
        };
        const auto expectLocked = [](const QString &dir, const QString &version) {
            return CargoProject::lockedVersions(dir, Alpha) == QStringList{version};
        };
        const auto lockedText = [](const QString &dir) {
            return u"Cargo.lock of %1 locks feed-alpha at [%2]"_s.arg(dir, CargoProject::lockedVersions(dir, Alpha).join(u", "_s));
        };

        // Not yanked: the newest matching version.
        const auto [before, beforeResult] = lockIn(u"resolve-before"_s);
        CARGO_VERIFY(beforeResult);
        CARGO_VERIFY_THAT(expectLocked(before, u"0.1.1"_s), beforeResult, lockedText(before));

        const auto yank = cargo.run({u"yank"_s, u"--version"_s, u"0.1.1"_s, Alpha, u"--registry"_s, u"local"_s});
        CARGO_VERIFY(yank);
        // Yanked: a fresh project and `cargo update` of an existing lock both move to 0.1.0.
        const auto [yanked, yankedResult] = lockIn(u"resolve-yanked"_s);
        CARGO_VERIFY(yankedResult);
        CARGO_VERIFY_THAT(expectLocked(yanked, u"0.1.0"_s), yankedResult, lockedText(yanked));
        const auto update = cargo.run({u"update"_s}, before);
        CARGO_VERIFY(update);
        CARGO_VERIFY_THAT(expectLocked(before, u"0.1.0"_s), update, lockedText(before));

        const auto undo = cargo.run({u"yank"_s, u"--undo"_s, u"--version"_s, u"0.1.1"_s, Alpha, u"--registry"_s, u"local"_s});
        CARGO_VERIFY(undo);
        // Unyanked: 0.1.1 again, by update and in a fresh project.
        const auto updateAgain = cargo.run({u"update"_s}, yanked);
        CARGO_VERIFY(updateAgain);
        CARGO_VERIFY_THAT(expectLocked(yanked, u"0.1.1"_s), updateAgain, lockedText(yanked));
        const auto [after, afterResult] = lockIn(u"resolve-after"_s);
        CARGO_VERIFY(afterResult);
        CARGO_VERIFY_THAT(expectLocked(after, u"0.1.1"_s), afterResult, lockedText(after));
        m->passed << "yank";
    }

    void publishingTheSameVersionTwiceFails_data() { addModes(); }
    void publishingTheSameVersionTwiceFails()
    {
        Mode *m = mode();
        REQUIRE_STEP(m, "yank");
        CargoProject &cargo = *m->cargo;
        const QString alphaDir = cargo.projectDir(Alpha); // still feed-alpha 0.1.1

        // Listed in the index: cargo refuses before it uploads anything.
        const auto listed = cargo.run({u"publish"_s, u"--no-verify"_s}, alphaDir);
        CARGO_VERIFY_THAT(!listed.succeeded() && listed.output.contains("already"), listed,
                          u"publishing feed-alpha 0.1.1 a second time did not fail"_s);

        // Yanked versions are invisible to cargo's own check, so this upload reaches the feed,
        // which must refuse it with 409 and an error detail that cargo shows.
        const auto yank = cargo.run({u"yank"_s, u"--version"_s, u"0.1.1"_s, Alpha});
        CARGO_VERIFY(yank);
        auto unyank = qScopeGuard([&] { cargo.run({u"yank"_s, u"--undo"_s, u"--version"_s, u"0.1.1"_s, Alpha}); });
        const HttpReply direct = put(m->server->baseUrl().resolved(QUrl(u"api/v1/crates/new"_s)),
                                     TestCrate(Alpha, u"0.1.1"_s).publishBody(), m->token);
        QCOMPARE(direct.status, 409);
        const QString detail = direct.detail();
        QVERIFY2(!detail.isEmpty(), direct.body.constData());
        const auto upload = cargo.run({u"publish"_s, u"--no-verify"_s}, alphaDir);
        CARGO_VERIFY_THAT(!upload.succeeded() && upload.text().contains(detail) && upload.output.contains("409"), upload,
                          u"cargo should fail with the feed's 409 detail \"%1\""_s.arg(detail));
        unyank.dismiss();
        const auto undo = cargo.run({u"yank"_s, u"--undo"_s, u"--version"_s, u"0.1.1"_s, Alpha});
        CARGO_VERIFY(undo);
    }

    void searchFindsBothCrates_data() { addModes(); }
    void searchFindsBothCrates()
    {
        Mode *m = mode();
        REQUIRE_STEP(m, "beta");
        REQUIRE_STEP(m, "yank"); // so feed-alpha's newest version is 0.1.1, not yanked
        const auto search = m->cargo->run({u"search"_s, u"--registry"_s, u"local"_s, u"--limit"_s, u"50"_s, u"feed"_s});
        CARGO_VERIFY(search);
        // cargo prints `name = "max_version"    # description`.
        CARGO_VERIFY_THAT(hasLineStartingWith(search, u"feed-alpha = \"0.1.1\""_s) && search.text().contains(u"# "_s + AlphaDescription),
                          search, u"feed-alpha 0.1.1 is not in the search result"_s);
        CARGO_VERIFY_THAT(hasLineStartingWith(search, u"feed_beta = \"0.1.0\""_s) && search.text().contains(u"# "_s + BetaDescription),
                          search, u"feed_beta 0.1.0 is not in the search result"_s);

        const auto narrow = m->cargo->run({u"search"_s, u"--registry"_s, u"local"_s, u"beta"_s});
        CARGO_VERIFY(narrow);
        CARGO_VERIFY_THAT(hasLineStartingWith(narrow, u"feed_beta = "_s) && !hasLineStartingWith(narrow, u"feed-alpha"_s), narrow,
                          u"searching \"beta\" should find feed_beta only"_s);
    }

    void ownersListAddRemove_data() { addModes(); }
    void ownersListAddRemove()
    {
        Mode *m = mode();
        REQUIRE_STEP(m, "alpha");
        CargoProject &cargo = *m->cargo;
        const auto list = [&] { return cargo.run({u"owner"_s, u"--list"_s, Alpha, u"--registry"_s, u"local"_s}); };

        // The first publisher owns the crate.
        const auto initial = list();
        CARGO_VERIFY(initial);
        CARGO_VERIFY_THAT(outputLines(initial).contains(u"local"_s) && !outputLines(initial).contains(u"bob"_s), initial,
                          u"the owners should be just `local`"_s);

        // Only a user the feed knows (one with a token) can become an owner.
        const auto unknown = cargo.run({u"owner"_s, u"--add"_s, u"nobody"_s, Alpha});
        CARGO_VERIFY_THAT(!unknown.succeeded() && unknown.output.contains("nobody"), unknown,
                          u"adding an unknown user as owner should fail and name the user"_s);

        QString error;
        const QString bobToken = m->server->createToken(u"bob"_s, &error);
        QVERIFY2(!bobToken.isEmpty(), qPrintable(error));
        m->tokens << bobToken;
        const auto add = cargo.run({u"owner"_s, u"--add"_s, u"bob"_s, Alpha});
        CARGO_VERIFY(add);
        const auto withBob = list();
        CARGO_VERIFY(withBob);
        CARGO_VERIFY_THAT(outputLines(withBob).contains(u"local"_s) && outputLines(withBob).contains(u"bob"_s), withBob,
                          u"bob should be an owner next to local"_s);

        const auto remove = cargo.run({u"owner"_s, u"--remove"_s, u"bob"_s, Alpha});
        CARGO_VERIFY(remove);
        const auto withoutBob = list();
        CARGO_VERIFY(withoutBob);
        CARGO_VERIFY_THAT(outputLines(withoutBob).contains(u"local"_s) && !outputLines(withoutBob).contains(u"bob"_s), withoutBob,
                          u"bob should no longer be an owner"_s);
    }

    void installFromTheFeed_data() { addModes(); }
    void installFromTheFeed()
    {
        Mode *m = mode();
        REQUIRE_STEP(m, "beta");
        CargoProject &cargo = *m->cargo;
        const QString toolDir = cargo.writeCrate(Tool, u"0.1.0"_s, CargoProject::Kind::Binary, ToolSource, {{Beta, u"0.1"_s}});
        const auto publish = cargo.run({u"publish"_s, u"--registry"_s, u"local"_s}, toolDir);
        CARGO_VERIFY(publish);

        // By registry name, then by index URL (cargo finds the token through the URL).
        const QList<std::pair<QString, QStringList>> ways{
            {u"install-by-name"_s, {u"--registry"_s, u"local"_s}},
            {u"install-by-index"_s, {u"--index"_s, m->cargo->indexUrl()}},
        };
        for (const auto &[folder, source] : ways) {
            const QString root = cargo.filePath(folder);
            const auto install = cargo.run(QStringList{u"install"_s} + source + QStringList{Tool, u"--root"_s, root});
            CARGO_VERIFY(install);
            QString error;
            const QByteArray printed = runProgram(root + u"/bin/"_s + Tool, &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            const QByteArray expected = m->passed.contains("yank") ? "feed-tool: beta says: hello from alpha 0.1.1\n"
                                                                   : "feed-tool: beta says: hello from alpha 0.1.0\n";
            QCOMPARE(printed, expected);
        }
    }

    void serverStopsCleanlyAndNeverLogsAToken_data() { addModes(); }
    void serverStopsCleanlyAndNeverLogsAToken()
    {
        Mode *m = mode();
        REQUIRE_STEP(m, "login");
        QCOMPARE(m->server->stop(), 0);
        const QByteArray log = m->server->log();
        QVERIFY2(log.contains("/api/v1/crates/new"), "the feed's log should show the publishes (QT_LOGGING_RULES=cratedesk.*=true)");
        for (const QString &token : std::as_const(m->tokens))
            QVERIFY2(!log.contains(token.toLatin1()), "the feed's log contains a token");
    }

    void cleanupTestCase()
    {
        m_modes.clear(); // kills servers still running after a failure
    }
};

QTEST_GUILESS_MAIN(TestCargoInterop)
#include "tst_cargointerop.moc"
