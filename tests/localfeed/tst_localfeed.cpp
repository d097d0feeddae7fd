// SPDX-License-Identifier: GPL-3.0-or-later
// The local feed over real HTTP on 127.0.0.1: index, downloads and the web API as cargo
// uses them, and every kind of bad input answered with a clear error and nothing stored.
#include "localfeed/feedstore.h"
#include "localfeed/localfeed.h"
#include "localfeed/lowdelaytcpserver.h"
#include "feedhttpclient.h"
#include "testcrate.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using Headers = QList<QPair<QByteArray, QByteArray>>;

class TestLocalFeed : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalFeed> m_feed;
    std::unique_ptr<FeedHttpClient> m_http;
    QByteArray m_token;

    void startFeed(bool authRequired = false, qint64 maxCrateBytes = FeedServerOptions::DefaultMaxCrateBytes)
    {
        m_http.reset();
        m_feed.reset();
        m_dir = std::make_unique<QTemporaryDir>();
        FeedServerOptions options;
        options.dataDir = m_dir->path();
        options.port = 0;
        options.authRequired = authRequired;
        options.maxCrateBytes = maxCrateBytes;
        m_feed = std::make_unique<LocalFeed>(options);
        const FeedError error = m_feed->start();
        QVERIFY2(!error, qPrintable(error.detail));
        m_http = std::make_unique<FeedHttpClient>(m_feed->indexUrl());
        m_token = createToken(u"alice"_s);
    }

    QByteArray createToken(const QString &login)
    {
        QString token;
        const FeedError error = m_feed->store()->createToken(login, &token);
        return error ? QByteArray() : token.toLatin1();
    }

    Headers auth(const QByteArray &token = {}) const { return {{"Authorization", token.isEmpty() ? m_token : token}}; }

    FeedHttpClient::Reply publish(const TestCrate &crate, const QByteArray &token = {})
    {
        return m_http->send("PUT", u"api/v1/crates/new"_s, crate.publishBody(), auth(token));
    }

    QList<QJsonObject> indexLines(const QString &path, const QByteArray &token = {})
    {
        const auto reply = m_http->get(path, token.isEmpty() ? Headers{} : auth(token));
        QList<QJsonObject> lines;
        for (const QByteArray &line : reply.body.split('\n'))
            if (!line.isEmpty())
                lines << QJsonDocument::fromJson(line).object();
        return lines;
    }

    QStringList storedFiles() const
    {
        QStringList files;
        QDirIterator it(m_dir->path(), {u"*.crate"_s}, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext())
            files << it.next();
        return files;
    }

private Q_SLOTS:
    // https is opt-in with a certificate and key; anything wrong with them stops the start
    // with a message that names the file, and no half-started server.
    void refusesUnusableTlsFiles_data()
    {
        QTest::addColumn<QString>("certificate");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("message");
        const QString fixtures = TestSupport::sourceDir() + u"/tests/fixtures/tls/"_s;
        const QString cert = fixtures + u"localhost-cert.pem"_s;
        const QString key = fixtures + u"localhost-key.pem"_s;
        QTest::newRow("certificate without key") << cert << QString() << u"both a certificate and a key"_s;
        QTest::newRow("key without certificate") << QString() << key << u"both a certificate and a key"_s;
        QTest::newRow("missing certificate") << u"/nonexistent/cert.pem"_s << key << u"/nonexistent/cert.pem"_s;
        QTest::newRow("key given as certificate") << key << key << u"holds no PEM certificate"_s;
        QTest::newRow("missing key") << cert << u"/nonexistent/key.pem"_s << u"/nonexistent/key.pem cannot be read"_s;
        QTest::newRow("certificate given as key") << cert << cert << u"not an unencrypted PEM private key"_s;
    }

    void refusesUnusableTlsFiles()
    {
        QFETCH(QString, certificate);
        QFETCH(QString, key);
        QFETCH(QString, message);
        QTemporaryDir dir;
        FeedServerOptions options;
        options.dataDir = dir.path();
        options.port = 0;
        options.tlsCertificateFile = certificate;
        options.tlsKeyFile = key;
        LocalFeed feed(options);
        const FeedError error = feed.start();
        QVERIFY(error);
        QVERIFY2(error.detail.contains(message), qPrintable(error.detail));
        QVERIFY(!feed.isRunning());
        QVERIFY(feed.indexUrl().isEmpty());
    }

    void init() { startFeed(); }

    void configJsonAdvertisesDownloadsAndApi_data()
    {
        QTest::addColumn<bool>("authRequired");
        QTest::newRow("public") << false;
        QTest::newRow("auth required") << true;
    }

    void configJsonAdvertisesDownloadsAndApi()
    {
        QFETCH(bool, authRequired);
        startFeed(authRequired);
        const QString base = m_feed->indexUrl().toString();
        QVERIFY(base.startsWith(u"http://127.0.0.1:"_s) && base.endsWith(u'/'));
        QCOMPARE(m_feed->cargoIndexUrl(), u"sparse+"_s + base);
        const auto reply = m_http->get(u"config.json"_s, authRequired ? auth() : Headers{});
        QCOMPARE(reply.status, 200);
        QVERIFY(reply.header("Content-Type").startsWith("application/json"));
        const QJsonObject config = reply.json().object();
        QCOMPARE(config.value(u"dl"_s).toString(), base + u"api/v1/crates"_s);
        QCOMPARE(config.value(u"api"_s).toString(), base.chopped(1));
        QCOMPARE(config.value(u"auth-required"_s).toBool(), authRequired);
    }

    void unknownCrateIsNotFound()
    {
        for (const QString &path : {u"3/a/abc"_s, u"ab/cd/abcdef"_s, u"1/x"_s, u"2/xy"_s}) {
            const auto reply = m_http->get(path);
            QCOMPARE(reply.status, 404);
            QVERIFY(!reply.detail().isEmpty());
        }
    }

    void publishedVersionIsServedExactly()
    {
        TestCrate crate{u"Dep_A"_s, u"0.1.0+build.5"_s};
        const QByteArray crateBytes = crate.crateBytes();
        const auto reply = publish(crate);
        QCOMPARE(reply.status, 200);
        QVERIFY(reply.json().object().value(u"warnings"_s).isObject());

        const auto index = m_http->get(u"de/p_/dep_a"_s);
        QCOMPARE(index.status, 200);
        QVERIFY(index.body.endsWith('\n'));
        QCOMPARE(index.body.count('\n'), 1);
        QVERIFY(!index.header("ETag").isEmpty());
        QVERIFY(!index.header("Last-Modified").isEmpty());
        const QJsonObject line = QJsonDocument::fromJson(index.body).object();
        QCOMPARE(line.value(u"name"_s).toString(), u"Dep_A"_s); // exact case, lower-case path
        QCOMPARE(line.value(u"vers"_s).toString(), u"0.1.0+build.5"_s);
        QCOMPARE(line.value(u"deps"_s).toArray(), QJsonArray());
        QCOMPARE(line.value(u"yanked"_s).toBool(true), false);
        QVERIFY(line.contains(u"v"_s));
        const QString cksum = line.value(u"cksum"_s).toString();
        QCOMPARE(cksum, QString::fromLatin1(QCryptographicHash::hash(crateBytes, QCryptographicHash::Sha256).toHex()));
        QVERIFY(QRegularExpression(u"^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$"_s).match(line.value(u"pubtime"_s).toString()).hasMatch());

        // The download keeps a literal '+' in the version, as cargo sends it.
        const auto download = m_http->get(u"api/v1/crates/Dep_A/0.1.0+build.5/download"_s);
        QCOMPARE(download.status, 200);
        QCOMPARE(QString::fromLatin1(QCryptographicHash::hash(download.body, QCryptographicHash::Sha256).toHex()), cksum);
        QCOMPARE(download.header("Content-Type"), QByteArray("application/gzip"));
        QCOMPARE(m_http->get(u"api/v1/crates/dep-a/0.1.0+build.5/download"_s).status, 200); // any spelling
        QCOMPARE(m_http->get(u"api/v1/crates/Dep_A/9.9.9/download"_s).status, 404);
    }

    void onlyTheCanonicalIndexPathServesACrate_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");
        QTest::newRow("canonical") << u"de/p_/dep_a"_s << 200;
        QTest::newRow("dash variant") << u"de/p-/dep-a"_s << 404;
        QTest::newRow("upper case") << u"De/p_/Dep_A"_s << 404;
        QTest::newRow("wrong prefix") << u"dx/p_/dep_a"_s << 404;
        QTest::newRow("flat") << u"dep_a"_s << 404;
    }

    void onlyTheCanonicalIndexPathServesACrate()
    {
        QFETCH(QString, path);
        QFETCH(int, status);
        QCOMPARE(publish({u"Dep_A"_s, u"0.1.0"_s}).status, 200);
        QCOMPARE(m_http->get(path).status, status);
    }

    void conditionalRequestsRevalidate()
    {
        QCOMPARE(publish({u"abc"_s, u"1.0.0"_s}).status, 200);
        const auto first = m_http->get(u"3/a/abc"_s);
        const QByteArray etag = first.header("ETag");
        QVERIFY(etag.startsWith('"') && etag.endsWith('"'));

        const auto same = m_http->get(u"3/a/abc"_s, {{"If-None-Match", etag}});
        QCOMPARE(same.status, 304);
        QVERIFY(same.body.isEmpty());
        QCOMPARE(m_http->get(u"3/a/abc"_s, {{"If-None-Match", "\"other\""}}).status, 200);
        QCOMPARE(m_http->get(u"3/a/abc"_s, {{"If-Modified-Since", first.header("Last-Modified")}}).status, 304);

        QCOMPARE(publish({u"abc"_s, u"1.1.0"_s}).status, 200);
        const auto changed = m_http->get(u"3/a/abc"_s, {{"If-None-Match", etag}});
        QCOMPARE(changed.status, 200);
        QVERIFY(changed.header("ETag") != etag);
        QCOMPARE(changed.body.count('\n'), 2);
    }

    void dependencyRenamesAndNewFeatureSyntaxAreMapped()
    {
        QCOMPARE(publish({u"dep-a"_s, u"0.1.0"_s}).status, 200);
        TestCrate crate{u"my-crate"_s, u"0.2.0"_s};
        const QJsonObject renamed{{u"name"_s, u"dep-a"_s}, {u"explicit_name_in_toml"_s, u"aliased"_s},
                                  {u"version_req"_s, u"^0.1"_s}, {u"optional"_s, true}, {u"default_features"_s, false},
                                  {u"features"_s, QJsonArray{u"extra"_s, u""_s}}, {u"target"_s, QJsonValue()},
                                  {u"kind"_s, u"normal"_s}};
        const QJsonObject fromCratesIo{{u"name"_s, u"serde"_s}, {u"version_req"_s, u"^1.0"_s}, {u"optional"_s, false},
                                       {u"default_features"_s, true}, {u"features"_s, QJsonArray()},
                                       {u"target"_s, u"cfg(unix)"_s}, {u"kind"_s, u"build"_s},
                                       {u"registry"_s, u"https://github.com/rust-lang/crates.io-index"_s}};
        crate.extraMetadata = {{u"deps"_s, QJsonArray{renamed, fromCratesIo}},
                               {u"features"_s, QJsonObject{{u"fancy"_s, QJsonArray{u"dep:aliased"_s}}, {u"plain"_s, QJsonArray()}}},
                               {u"rust_version"_s, u"1.70"_s},
                               {u"links"_s, u"foo"_s}};
        QCOMPARE(publish(crate).status, 200);
        const QJsonObject line = indexLines(u"my/-c/my-crate"_s).value(0);
        const QJsonArray deps = line.value(u"deps"_s).toArray();
        QCOMPARE(deps.size(), 2);
        const QJsonObject alias = deps.at(0).toObject();
        QCOMPARE(alias.value(u"name"_s).toString(), u"aliased"_s);
        QCOMPARE(alias.value(u"package"_s).toString(), u"dep-a"_s);
        QCOMPARE(alias.value(u"req"_s).toString(), u"^0.1"_s);
        QCOMPARE(alias.value(u"features"_s).toArray(), QJsonArray{u"extra"_s});
        QVERIFY(!alias.contains(u"registry"_s)); // same registry
        const QJsonObject serde = deps.at(1).toObject();
        QCOMPARE(serde.value(u"registry"_s).toString(), u"https://github.com/rust-lang/crates.io-index"_s);
        QCOMPARE(serde.value(u"target"_s).toString(), u"cfg(unix)"_s);
        QCOMPARE(serde.value(u"kind"_s).toString(), u"build"_s);
        QVERIFY(!serde.contains(u"package"_s));
        QCOMPARE(line.value(u"features"_s).toObject(), (QJsonObject{{u"plain"_s, QJsonArray()}}));
        QCOMPARE(line.value(u"features2"_s).toObject(), (QJsonObject{{u"fancy"_s, QJsonArray{u"dep:aliased"_s}}}));
        QCOMPARE(line.value(u"v"_s).toInt(), 2);
        QCOMPARE(line.value(u"rust_version"_s).toString(), u"1.70"_s);
        QCOMPARE(line.value(u"links"_s).toString(), u"foo"_s);
    }

    void badPublishesAreRejectedAndStoreNothing_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("detail");

        const TestCrate good{u"good"_s, u"1.0.0"_s};
        const QByteArray json = QJsonDocument(good.metadata()).toJson(QJsonDocument::Compact);
        const QByteArray crate = good.crateBytes();
        const QByteArray body = good.publishBody();
        QTest::newRow("empty") << QByteArray() << 400 << u"4-byte JSON length"_s;
        QTest::newRow("two bytes") << QByteArray("\x05\x00", 2) << 400 << u"4-byte JSON length"_s;
        QTest::newRow("json length past end") << body.left(20) << 400 << u"truncated"_s;
        QTest::newRow("crate truncated") << body.chopped(10) << 400 << u"lengths announce"_s;
        QTest::newRow("trailing bytes") << body + "xx" << 400 << u"lengths announce"_s;
        QTest::newRow("not json") << TestCrate::frame("{not json", crate) << 400 << u"not valid JSON"_s;
        QTest::newRow("json array") << TestCrate::frame("[1,2]", crate) << 400 << u"JSON object"_s;
        QTest::newRow("not a crate") << TestCrate::frame(json, "hello, world") << 400 << u".crate file is not valid"_s;

        auto withMeta = [](TestCrate c, const QJsonObject &extra) {
            c.extraMetadata = extra;
            return c.publishBody();
        };
        QTest::newRow("invalid name") << TestCrate{u"1abc"_s, u"1.0.0"_s}.publishBody() << 400 << u"1abc"_s;
        QTest::newRow("keyword name") << TestCrate{u"nul"_s, u"1.0.0"_s}.publishBody() << 400 << u"nul"_s;
        QTest::newRow("invalid version") << TestCrate{u"good"_s, u"1.0"_s}.publishBody() << 400 << u"1.0"_s;
        QTest::newRow("name mismatch") << TestCrate{u"good"_s, u"1.0.0"_s, u"other"_s}.publishBody() << 400 << u"other@1.0.0"_s;
        QTest::newRow("version mismatch") << TestCrate{u"good"_s, u"1.0.0"_s, {}, u"2.0.0"_s}.publishBody() << 400 << u"good@2.0.0"_s;
        QTest::newRow("json name differs from crate")
            << TestCrate::frame(QJsonDocument(TestCrate{u"other"_s, u"1.0.0"_s}.metadata()).toJson(QJsonDocument::Compact), crate)
            << 400 << u"`good-1.0.0`"_s;
        QTest::newRow("unknown feature dependency")
            << withMeta(good, {{u"features"_s, QJsonObject{{u"x"_s, QJsonArray{u"dep:nothere"_s}}}}}) << 400 << u"dep:nothere"_s;
        QTest::newRow("bad requirement")
            << withMeta(good, {{u"deps"_s, QJsonArray{QJsonObject{{u"name"_s, u"a"_s}, {u"version_req"_s, u"^^1"_s}}}}}) << 400 << u"^^1"_s;
        QTest::newRow("bad rust_version") << withMeta(good, {{u"rust_version"_s, u"1.70.0-nightly"_s}}) << 400 << u"rust_version"_s;

        TestCrate big{u"big"_s, u"1.0.0"_s};
        big.padding.resize(200 * 1024);
        QRandomGenerator(7).fillRange(reinterpret_cast<quint32 *>(big.padding.data()), big.padding.size() / 4);
        QTest::newRow("oversize") << big.publishBody() << 413 << u"at most 128.0 KiB"_s;
    }

    void badPublishesAreRejectedAndStoreNothing()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, detail);
        startFeed(false, 128 * 1024);
        const auto reply = m_http->send("PUT", u"api/v1/crates/new"_s, body, auth());
        QCOMPARE(reply.status, status);
        QVERIFY2(reply.detail().contains(detail), qPrintable(reply.detail()));
        QCOMPARE(m_feed->store()->crateCount(), 0);
        QCOMPARE(storedFiles(), QStringList());
    }

    void versionsAndNamesAreUnique_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("vers");
        QTest::addColumn<int>("status");
        QTest::newRow("same version") << u"Foo-Bar"_s << u"1.0.0"_s << 409;
        QTest::newRow("differs in build metadata") << u"Foo-Bar"_s << u"1.0.0+other"_s << 409;
        QTest::newRow("name differs in case") << u"foo-bar"_s << u"2.0.0"_s << 400;
        QTest::newRow("name differs in separator") << u"Foo_Bar"_s << u"2.0.0"_s << 400;
        QTest::newRow("new version") << u"Foo-Bar"_s << u"1.0.1"_s << 200;
        QTest::newRow("pre-release") << u"Foo-Bar"_s << u"1.0.0-rc.1"_s << 200;
    }

    void versionsAndNamesAreUnique()
    {
        QFETCH(QString, name);
        QFETCH(QString, vers);
        QFETCH(int, status);
        QCOMPARE(publish({u"Foo-Bar"_s, u"1.0.0"_s}).status, 200);
        const auto reply = publish({name, vers});
        QCOMPARE(reply.status, status);
        if (status != 200)
            QVERIFY(!reply.detail().isEmpty());
        QCOMPARE(indexLines(u"fo/o-/foo-bar"_s).size(), status == 200 ? 2 : 1);
    }

    void writesNeedAnOwnersToken()
    {
        QCOMPARE(publish({u"owned"_s, u"1.0.0"_s}).status, 200);
        const auto anonymous = m_http->send("PUT", u"api/v1/crates/new"_s, TestCrate{u"owned"_s, u"1.0.1"_s}.publishBody());
        QCOMPARE(anonymous.status, 401);
        QVERIFY(anonymous.detail().contains(u"token"_s));
        QCOMPARE(publish({u"owned"_s, u"1.0.1"_s}, "cdk_not-a-real-token").status, 403);
        const QByteArray bob = createToken(u"bob"_s);
        const auto notOwner = publish({u"owned"_s, u"1.0.1"_s}, bob);
        QCOMPARE(notOwner.status, 403);
        QVERIFY(notOwner.detail().contains(u"bob"_s));
        QCOMPARE(m_http->send("DELETE", u"api/v1/crates/owned/1.0.0/yank"_s, {}, auth(bob)).status, 403);
        QCOMPARE(indexLines(u"ow/ne/owned"_s).size(), 1);
    }

    void yankAndUnyankFlipOnlyTheFlag()
    {
        QSignalSpy changed(m_feed.get(), &LocalFeed::crateChanged);
        QCOMPARE(publish({u"yanky"_s, u"1.0.0"_s}).status, 200);
        const auto before = m_http->get(u"ya/nk/yanky"_s);
        const auto yank = m_http->send("DELETE", u"api/v1/crates/Yanky/1.0.0/yank"_s, {}, auth());
        QCOMPARE(yank.status, 200);
        QCOMPARE(yank.json().object(), (QJsonObject{{u"ok"_s, true}}));
        const auto after = m_http->get(u"ya/nk/yanky"_s);
        QVERIFY(after.header("ETag") != before.header("ETag"));
        QJsonObject line = QJsonDocument::fromJson(after.body).object();
        QCOMPARE(line.value(u"yanked"_s).toBool(), true);
        QCOMPARE(line.value(u"cksum"_s), QJsonDocument::fromJson(before.body).object().value(u"cksum"_s));
        // Yanked versions stay downloadable: lockfiles may pin them.
        QCOMPARE(m_http->get(u"api/v1/crates/yanky/1.0.0/download"_s).status, 200);

        QCOMPARE(m_http->send("PUT", u"api/v1/crates/yanky/1.0.0/unyank"_s, {}, auth()).status, 200);
        QCOMPARE(indexLines(u"ya/nk/yanky"_s).value(0).value(u"yanked"_s).toBool(), false);
        QCOMPARE(m_http->send("DELETE", u"api/v1/crates/yanky/3.0.0/yank"_s, {}, auth()).status, 404);
        QCOMPARE(changed.count(), 3);
    }

    void ownersCanBeListedAddedAndRemoved()
    {
        QCOMPARE(publish({u"shared"_s, u"1.0.0"_s}).status, 200);
        auto list = m_http->get(u"api/v1/crates/shared/owners"_s, auth());
        QCOMPARE(list.status, 200);
        QJsonArray users = list.json().object().value(u"users"_s).toArray();
        QCOMPARE(users.size(), 1);
        QCOMPARE(users.at(0).toObject().value(u"login"_s).toString(), u"alice"_s);
        QVERIFY(users.at(0).toObject().value(u"id"_s).toInteger() > 0);

        const auto unknown = m_http->send("PUT", u"api/v1/crates/shared/owners"_s, R"({"users":["carol"]})", auth());
        QCOMPARE(unknown.status, 404);
        QVERIFY(unknown.detail().contains(u"carol"_s));
        const QByteArray bob = createToken(u"bob"_s);
        const auto added = m_http->send("PUT", u"api/v1/crates/shared/owners"_s, R"({"users":["bob"]})", auth());
        QCOMPARE(added.status, 200);
        QCOMPARE(added.json().object().value(u"ok"_s).toBool(), true);
        QVERIFY(!added.json().object().value(u"msg"_s).toString().isEmpty());
        QCOMPARE(publish({u"shared"_s, u"1.1.0"_s}, bob).status, 200);

        const auto removed = m_http->send("DELETE", u"api/v1/crates/shared/owners"_s, R"({"users":["alice"]})", auth(bob));
        QCOMPARE(removed.status, 200);
        QVERIFY(removed.json().object().contains(u"msg"_s));
        const auto last = m_http->send("DELETE", u"api/v1/crates/shared/owners"_s, R"({"users":["bob"]})", auth(bob));
        QCOMPARE(last.status, 400);
        QCOMPARE(m_http->send("PUT", u"api/v1/crates/shared/owners"_s, "nonsense", auth(bob)).status, 400);
    }

    void searchPagesAndSkipsYankedVersions()
    {
        for (const QString &name : {u"search-alpha"_s, u"search-beta"_s, u"search-gamma"_s, u"unrelated"_s})
            QCOMPARE(publish({name, u"1.0.0"_s}).status, 200);
        QCOMPARE(publish({u"search-beta"_s, u"2.0.0"_s}).status, 200);
        QCOMPARE(m_http->send("DELETE", u"api/v1/crates/search-beta/2.0.0/yank"_s, {}, auth()).status, 200);

        auto reply = m_http->get(u"api/v1/crates?q=search&per_page=2"_s);
        QCOMPARE(reply.status, 200);
        QJsonObject body = reply.json().object();
        QCOMPARE(body.value(u"meta"_s).toObject().value(u"total"_s).toInt(), 3);
        QCOMPARE(body.value(u"crates"_s).toArray().size(), 2);

        reply = m_http->get(u"api/v1/crates?q=search-beta"_s);
        const QJsonObject beta = reply.json().object().value(u"crates"_s).toArray().at(0).toObject();
        QCOMPARE(beta.value(u"name"_s).toString(), u"search-beta"_s);
        QCOMPARE(beta.value(u"max_version"_s).toString(), u"1.0.0"_s);
        QCOMPARE(beta.value(u"description"_s).toString(), u"A test crate"_s);
        // What crates.io's listing leaves out, so that a list shows it without a request per
        // crate: the license of the listed version, and whether it is yanked (all are).
        QCOMPARE(beta.value(u"license"_s).toString(), u"MIT"_s);
        QCOMPARE(beta.value(u"yanked"_s).toBool(), false);
        QCOMPARE(m_http->send("DELETE", u"api/v1/crates/search-gamma/1.0.0/yank"_s, {}, auth()).status, 200);
        const QJsonObject gamma = m_http->get(u"api/v1/crates?q=search-gamma"_s).json().object().value(u"crates"_s).toArray().at(0).toObject();
        QCOMPARE(gamma.value(u"yanked"_s).toBool(), true);
        QCOMPARE(gamma.value(u"max_version"_s).toString(), u"1.0.0"_s);

        // The crate JSON says when, by whom and how large each version was published.
        const QJsonArray versions = m_http->get(u"api/v1/crates/search-beta"_s).json().object().value(u"versions"_s).toArray();
        QCOMPARE(versions.size(), 2);
        const QJsonObject first = versions.at(0).toObject();
        QCOMPARE(first.value(u"num"_s).toString(), u"1.0.0"_s);
        QVERIFY(QDateTime::fromString(first.value(u"created_at"_s).toString(), Qt::ISODate).isValid());
        QVERIFY(first.value(u"crate_size"_s).toInteger() > 100);
        QCOMPARE(first.value(u"published_by"_s).toObject().value(u"login"_s).toString(), u"alice"_s);
        QCOMPARE(m_http->get(u"api/v1/crates?q=nothing-like-this"_s).json().object().value(u"meta"_s).toObject().value(u"total"_s).toInt(), 0);
    }

    // cargo's web API pages with ?page=N; page 2 and on must continue where page 1 stopped.
    void searchReadsEveryPage()
    {
        for (const QString &name : {u"pager-e"_s, u"pager-b"_s, u"pager-d"_s, u"pager-a"_s, u"pager-c"_s, u"elsewhere"_s})
            QCOMPARE(publish({name, u"1.0.0"_s}).status, 200);
        QStringList listed;
        for (int page = 1; page <= 4; ++page) {
            const auto reply = m_http->get(u"api/v1/crates?q=pager&per_page=2&page=%1"_s.arg(page));
            QCOMPARE(reply.status, 200);
            const QJsonObject body = reply.json().object();
            QCOMPARE(body.value(u"meta"_s).toObject().value(u"total"_s).toInt(), 5);
            const QJsonArray crates = body.value(u"crates"_s).toArray();
            QCOMPARE(crates.size(), page <= 2 ? 2 : page == 3 ? 1 : 0);
            for (const QJsonValue &crate : crates)
                listed << crate.toObject().value(u"name"_s).toString();
        }
        QCOMPARE(listed, (QStringList{u"pager-a"_s, u"pager-b"_s, u"pager-c"_s, u"pager-d"_s, u"pager-e"_s}));
    }

    // The offset (page - 1) * per_page must not overflow: a page no search can reach is a 400,
    // not a wrapped offset that serves page 1 again (or worse).
    void searchRefusesPagesBeyondAnyOffset_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("status");
        QTest::newRow("page 2^31-1") << u"page=2147483647"_s << 400;
        QTest::newRow("page 2^31-1, per_page 100") << u"page=2147483647&per_page=100"_s << 400;
        QTest::newRow("page 2^31") << u"page=2147483648"_s << 400;
        QTest::newRow("page 2^63-1") << u"page=9223372036854775807"_s << 400;
        QTest::newRow("page 2^64") << u"page=18446744073709551616"_s << 400;
        QTest::newRow("offset just past 2^31-1") << u"page=214748366&per_page=10"_s << 400;
        QTest::newRow("page 0") << u"page=0"_s << 400;
        QTest::newRow("negative page") << u"page=-1"_s << 400;
        QTest::newRow("not a number") << u"page=two"_s << 400;
        QTest::newRow("largest offset, per_page 1") << u"page=2147483647&per_page=1"_s << 200;
        QTest::newRow("largest page of 10") << u"page=214748365&per_page=10"_s << 200;
        QTest::newRow("no page") << u"per_page=10"_s << 200;
    }

    void searchRefusesPagesBeyondAnyOffset()
    {
        QFETCH(QString, query);
        QFETCH(int, status);
        QCOMPARE(publish({u"overflow-me"_s, u"1.0.0"_s}).status, 200);
        const auto reply = m_http->get(u"api/v1/crates?q=overflow&"_s + query);
        QCOMPARE(reply.status, status);
        if (status == 200) {
            const QJsonObject body = reply.json().object();
            QCOMPARE(body.value(u"meta"_s).toObject().value(u"total"_s).toInt(), 1);
            QCOMPARE(body.value(u"crates"_s).toArray().size(), query.startsWith(u"page"_s) ? 0 : 1);
        } else {
            QVERIFY2(reply.detail().contains(u"page"_s), qPrintable(reply.detail()));
        }
    }

    void authRequiredModeGuardsEveryRead()
    {
        startFeed(true);
        QCOMPARE(publish({u"secret-crate"_s, u"1.0.0"_s}).status, 200);
        const auto config = m_http->get(u"config.json"_s);
        QCOMPARE(config.status, 401);
        QVERIFY2(config.header("WWW-Authenticate").startsWith("Cargo login_url=\""), config.header("WWW-Authenticate").constData());
        QVERIFY(config.header("WWW-Authenticate").contains(QByteArray(m_feed->indexUrl().toEncoded() + "me")));
        QCOMPARE(m_http->get(u"se/cr/secret-crate"_s).status, 401);
        QCOMPARE(m_http->get(u"api/v1/crates/secret-crate/1.0.0/download"_s).status, 401);
        QCOMPARE(m_http->get(u"api/v1/crates?q=secret"_s).status, 401);
        QCOMPARE(m_http->get(u"se/cr/secret-crate"_s, auth("cdk_wrong")).status, 401);
        QCOMPARE(m_http->get(u"se/cr/secret-crate"_s, auth()).status, 200);
        QCOMPARE(m_http->get(u"api/v1/crates/secret-crate/1.0.0/download"_s, auth()).status, 200);
        QCOMPARE(m_http->get(u"me"_s).status, 200); // the login page stays reachable
    }

    void pathTraversalFindsNothing_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::newRow("dot dot") << QByteArray("/../feed.sqlite");
        QTest::newRow("encoded dot dot") << QByteArray("/%2e%2e/feed.sqlite");
        QTest::newRow("encoded slash") << QByteArray("/api/v1/crates/trav/1.0.0/..%2f..%2f..%2ffeed.sqlite");
        QTest::newRow("download dot dot") << QByteArray("/api/v1/crates/../../feed.sqlite/1.0.0/download");
        QTest::newRow("index dot dot") << QByteArray("/tr/av/..%2F..%2Ffeed.sqlite");
        QTest::newRow("nul") << QByteArray("/tr/av/trav%00");
        QTest::newRow("backslash") << QByteArray("/tr/av/..%5c..%5cfeed.sqlite");
        QTest::newRow("data file") << QByteArray("/feed.sqlite");
        QTest::newRow("crate file") << QByteArray("/crates/trav/trav-1.0.0.crate");
    }

    void pathTraversalFindsNothing()
    {
        QFETCH(QByteArray, target);
        QCOMPARE(publish({u"trav"_s, u"1.0.0"_s}).status, 200);
        const auto reply = m_http->raw(target);
        QCOMPARE(reply.status, 404);
        QVERIFY(!reply.body.contains("SQLite"));
    }

    void concurrentPublishesOfOneVersionHaveOneWinner()
    {
        const QList<QByteArray> bodies(10, TestCrate{u"racy"_s, u"1.0.0"_s}.publishBody());
        const auto replies = m_http->sendConcurrently("PUT", u"api/v1/crates/new"_s, bodies, auth());
        int ok = 0, conflict = 0;
        for (const auto &reply : replies) {
            ok += reply.status == 200;
            conflict += reply.status == 409;
        }
        QCOMPARE(ok, 1);
        QCOMPARE(conflict, 9);
        QCOMPARE(indexLines(u"ra/cy/racy"_s).size(), 1);
    }

    void tokensNeverReachTheLog()
    {
        static QStringList captured;
        captured.clear();
        QLoggingCategory::setFilterRules(u"cratedesk.*=true"_s);
        const auto previous = qInstallMessageHandler([](QtMsgType, const QMessageLogContext &, const QString &message) {
            captured << message;
        });
        QCOMPARE(publish({u"logged"_s, u"1.0.0"_s}).status, 200);
        QCOMPARE(m_http->send("DELETE", u"api/v1/crates/logged/1.0.0/yank"_s, {}, auth()).status, 200);
        QCOMPARE(publish({u"logged"_s, u"1.0.1"_s}, "cdk_wrong-token-value").status, 403);
        qInstallMessageHandler(previous);
        QVERIFY(!captured.isEmpty()); // the access log did run
        for (const QString &line : std::as_const(captured)) {
            QVERIFY2(!line.contains(QString::fromLatin1(m_token)), qPrintable(line));
            QVERIFY2(!line.contains(u"wrong-token-value"_s), qPrintable(line));
        }
    }

    // curl sends `Expect: 100-continue` for bodies over ~1 MiB and waits for the go-ahead.
    void largeUploadIsToldToContinue()
    {
        TestCrate big{u"large"_s, u"1.0.0"_s};
        big.padding.resize(1536 * 1024);
        QRandomGenerator(3).fillRange(reinterpret_cast<quint32 *>(big.padding.data()), big.padding.size() / 4);
        const QByteArray body = big.publishBody();
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, quint16(m_feed->indexUrl().port()));
        QVERIFY(socket.waitForConnected(5000));
        socket.write("PUT /api/v1/crates/new HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(m_feed->indexUrl().port()) + "\r\nAuthorization: " + m_token
                     + "\r\nExpect: 100-continue\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n");
        QByteArray received;
        // Well under curl's own one-second fallback.
        QTRY_VERIFY_WITH_TIMEOUT((received += socket.readAll()).startsWith("HTTP/1.1 100 Continue\r\n\r\n"), 500);
        socket.write(body);
        QTRY_VERIFY_WITH_TIMEOUT((received += socket.readAll()).contains("\"warnings\""), 10000);
        QVERIFY2(received.contains("HTTP/1.1 200"), received.left(200).constData());
        QCOMPARE(indexLines(u"la/rg/large"_s).size(), 1);
    }

    // Without TCP_NODELAY an index file over ~4 KB waited for the client's delayed ACK.
    void acceptedSocketsSendWithoutDelay()
    {
        LowDelayTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, server.serverPort());
        QVERIFY(server.waitForNewConnection(5000));
        QTcpSocket *accepted = server.nextPendingConnection();
        QVERIFY(accepted);
        QCOMPARE(accepted->socketOption(QAbstractSocket::LowDelayOption).toInt(), 1);
    }

    void secondServerOnSameFolderIsRefused()
    {
        FeedServerOptions options = m_feed->options();
        options.port = 0;
        LocalFeed second(options);
        const FeedError error = second.start();
        QVERIFY(error.isError());
        QVERIFY2(error.detail.contains(u"already in use"_s), qPrintable(error.detail));
    }
};

QTEST_GUILESS_MAIN(TestLocalFeed)
#include "tst_localfeed.moc"
