// SPDX-License-Identifier: GPL-3.0-or-later
// The registry client over real HTTP: against the local feed (the protocol as cargo speaks it)
// and against a server that fails on purpose (resets, truncation, 5xx, 429, stalls, redirects).
#include "faultserver.h"
#include "registryoutcome.h"
#include "localfeed/feedstore.h"
#include "localfeed/localfeed.h"
#include "cargotypes/cratename.h"
#include "net/httpclient.h"
#include "registry/registryclient.h"
#include "storage/indexcache.h"
#include "storage/indexcachestore.h"
#include "cacheanswer.h"
#include "localtestfeed.h"
#include "testcrate.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSemaphore>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QTemporaryDir>
#include <QThread>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

using Outcome = RegistryOutcome;

Outcome run(RegistryReply *reply, int timeoutMs = 30000)
{
    return runReply(reply, timeoutMs);
}

// One version of `name`, as a feed's index file has it.
QByteArray indexLine(const QByteArray &name)
{
    return "{\"name\":\"" + name + "\",\"vers\":\"1.0.0\",\"deps\":[],\"cksum\":\"" + QByteArray(64, 'a') + "\"}\n";
}

bool waitFor(HttpJob *job, int timeoutMs = 30000)
{
    QSignalSpy finished(job, &HttpJob::finished);
    return finished.wait(timeoutMs);
}

} // namespace

class TestRegistryClient : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QNetworkAccessManager m_nam;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<IndexCache> m_cache;
    std::unique_ptr<LocalFeed> m_feed;
    QByteArray m_token;

    static QString tlsFixture(const QString &file) { return TestSupport::sourceDir() + u"/tests/fixtures/tls/"_s + file; }

    void startFeed(bool authRequired, bool https = false)
    {
        m_feed.reset();
        FeedServerOptions options;
        options.dataDir = m_dir.filePath(u"feed-%1"_s.arg(QDateTime::currentMSecsSinceEpoch()));
        options.authRequired = authRequired;
        if (https) {
            options.tlsCertificateFile = tlsFixture(u"localhost-cert.pem"_s);
            options.tlsKeyFile = tlsFixture(u"localhost-key.pem"_s);
        }
        TestSupport::StartedFeed started = TestSupport::startLocalFeed(options);
        QVERIFY2(started.error.isEmpty(), qPrintable(started.error));
        m_feed = std::move(started.feed);
        m_token = started.token;
    }

    Feed localFeed(Feed::AuthKind auth = Feed::AuthKind::Token) const
    {
        Feed feed;
        feed.name = u"local"_s;
        feed.indexUrl = m_feed->indexUrl();
        feed.auth = auth;
        return feed;
    }

    std::unique_ptr<RegistryClient> client(const Feed &feed, bool withToken = true)
    {
        auto result = std::make_unique<RegistryClient>(feed, m_http.get(), m_cache.get(), nullptr);
        if (withToken)
            result->setCredential(m_token);
        return result;
    }

    QByteArray publish(const TestCrate &crate)
    {
        // Built once: two archives of the same crate differ in their timestamps.
        const QByteArray bytes = crate.crateBytes();
        HttpRequest request;
        request.url = m_feed->indexUrl().resolved(QUrl(u"api/v1/crates/new"_s));
        request.verb = "PUT";
        request.body = TestCrate::frame(QJsonDocument(crate.metadata()).toJson(QJsonDocument::Compact), bytes);
        request.setAuthorization(m_token);
        request.retryable = false;
        HttpJob *job = m_http->send(request);
        int status = 0;
        connect(job, &HttpJob::finished, this, [&status, job] { status = job->response().status; });
        waitFor(job);
        return status == 200 ? QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex() : QByteArray();
    }

    Feed faultFeed(const FaultServer &server, const QString &prefix = u"/index/"_s) const
    {
        Feed feed;
        feed.name = u"faulty"_s;
        feed.indexUrl = server.url(prefix);
        feed.auth = Feed::AuthKind::Token;
        return feed;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // The https feed's self-signed certificate, trusted as a company CA would be.
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.addCaCertificates(tlsFixture(u"localhost-cert.pem"_s));
        QSslConfiguration::setDefaultConfiguration(tls);
        m_http = std::make_unique<HttpClient>(&m_nam);
        m_http->setRetryBaseDelay(20);
        m_cache = std::make_unique<IndexCache>(m_dir.filePath(u"cache/index.sqlite"_s));
        const QString error = cacheAnswer(m_cache->open());
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    // A 304 moves only fetched_at; those writes wait for the end of a burst and go as one.
    void revalidationsAreRecordedOnceAfterABurst()
    {
        startFeed(false);
        QVERIFY(!publish({u"burst"_s, u"0.1.0"_s}).isEmpty());
        auto registry = client(localFeed());
        const QString key = m_feed->indexUrl().toString();
        const QString path = CrateName::indexPath(u"burst"_s);
        QVERIFY(!run(registry->fetchIndex(u"burst"_s)).error);
        const QDateTime fetched = cacheAnswer(m_cache->validators(key, path))->fetchedAt;
        QTest::qWait(20); // a later millisecond for the revalidation
        const Outcome again = run(registry->fetchIndex(u"burst"_s));
        QVERIFY(again.fromCache);
        const auto pendingTouches = [this] {
            return cacheAnswer(m_cache->run([](IndexCacheStore *store) { return store->hasPendingTouches(); }));
        };
        QVERIFY(pendingTouches());
        const QDateTime revalidated = cacheAnswer(m_cache->validators(key, path))->fetchedAt; // seen before it is written
        QVERIFY(revalidated > fetched);
        QTRY_VERIFY(!pendingTouches());
        IndexCacheStore other(m_cache->path()); // what the next session reads from disk
        QString error;
        QVERIFY2(other.open(&error), qPrintable(error));
        QCOMPARE(other.validators(key, path)->fetchedAt, revalidated);
    }

    void readsConfigAndIndexThenRevalidatesAndWorksOffline()
    {
        startFeed(false);
        const QByteArray cksum = publish({u"Dep_A"_s, u"0.1.0"_s});
        QVERIFY(!cksum.isEmpty());
        QVERIFY(!publish({u"Dep_A"_s, u"0.2.0-rc.1"_s}).isEmpty());
        auto registry = client(localFeed());

        const Outcome config = run(registry->fetchConfig());
        QVERIFY2(config.done && !config.error, qPrintable(config.error.message));
        QCOMPARE(registry->config()->api, QUrl(m_feed->indexUrl().toString().chopped(1)));

        const Outcome first = run(registry->fetchIndex(u"Dep_A"_s));
        QVERIFY2(!first.error, qPrintable(first.error.message));
        QCOMPARE(first.entries.size(), 2);
        QCOMPARE(first.entries.at(0).name, u"Dep_A"_s);
        QCOMPARE(first.entries.at(0).cksum.toLatin1(), cksum);
        QCOMPARE(first.entries.at(1).vers, u"0.2.0-rc.1"_s);
        QVERIFY(!first.fromCache);

        const Outcome again = run(registry->fetchIndex(u"dep_a"_s));
        QVERIFY(again.fromCache); // a 304
        QVERIFY(!again.stale);
        QVERIFY(!first.parsedEarlier);
        QVERIFY(again.parsedEarlier); // the same file is not parsed again in one session
        QCOMPARE(again.entries, first.entries);

        // The feed goes away: a new client (a new session) still shows what the cache had.
        m_feed.reset();
        auto offline = client(Feed{registry->feed()});
        const Outcome cached = run(offline->fetchIndex(u"dep_a"_s));
        QVERIFY2(!cached.error, qPrintable(cached.error.message));
        QVERIFY(cached.stale);
        QVERIFY(cached.parsedEarlier); // a new session reads the parsed form kept with the file
        QCOMPARE(cached.entries, first.entries);
        const Outcome unknown = run(offline->fetchIndex(u"never-seen"_s));
        QCOMPARE(unknown.error.kind, RegistryError::Kind::Network);
        QVERIFY2(unknown.error.message.contains(u"not in the cache"_s), qPrintable(unknown.error.message));
    }

    // A revalidation in a new session reads what the last one made of the file, not the file:
    // a 304 must not cost a parse. Rows without that form (an older cache) or with a damaged
    // one are parsed from the stored file once, and carry the form from then on.
    void newSessionRevalidatesWithoutParsing_data()
    {
        QTest::addColumn<QByteArray>("storedForm");
        QTest::addColumn<bool>("parsedEarlier");
        QTest::newRow("kept") << QByteArray() << true;
        QTest::newRow("none (a cache from before migration 2)") << QByteArray("none") << false;
        QTest::newRow("damaged") << QByteArray(QByteArray("CDIX") + QByteArray::fromHex("0100") + "\x05garbage") << false;
        QTest::newRow("another format") << QByteArray(QByteArray("CDIX") + QByteArray::fromHex("ff000000")) << false;
    }

    void newSessionRevalidatesWithoutParsing()
    {
        QFETCH(QByteArray, storedForm);
        QFETCH(bool, parsedEarlier);
        startFeed(false);
        QVERIFY(!publish({u"kept"_s, u"1.0.0"_s}).isEmpty());
        QVERIFY(!publish({u"kept"_s, u"1.1.0"_s}).isEmpty());
        const QString key = m_feed->indexUrl().toString();
        const QString path = CrateName::indexPath(u"kept"_s);
        auto firstSession = client(localFeed());
        const Outcome first = run(firstSession->fetchIndex(u"kept"_s));
        QVERIFY2(!first.error, qPrintable(first.error.message));
        QVERIFY(!first.parsedEarlier);
        QVERIFY(!cacheAnswer(m_cache->run([key, path](IndexCacheStore *store) { return store->parsedForm(key, path); })).isEmpty());
        const auto setParsedForm = [this, key, path](const QByteArray &form) {
            return cacheAnswer(m_cache->run([key, path, form](IndexCacheStore *store) { return store->setParsedForm(key, path, form); }));
        };
        if (storedForm == "none")
            QVERIFY(setParsedForm(QByteArray()));
        else if (!storedForm.isEmpty())
            QVERIFY(setParsedForm(storedForm));

        auto secondSession = client(localFeed());
        const Outcome again = run(secondSession->fetchIndex(u"kept"_s));
        QVERIFY2(!again.error, qPrintable(again.error.message));
        QVERIFY(again.fromCache && !again.stale); // a 304
        QCOMPARE(again.parsedEarlier, parsedEarlier);
        QCOMPARE(again.entries, first.entries);

        // Whatever the second session found, it left a usable form for the third.
        auto thirdSession = client(localFeed());
        const Outcome third = run(thirdSession->fetchIndex(u"kept"_s));
        QVERIFY(third.fromCache && third.parsedEarlier);
        QCOMPARE(third.entries, first.entries);
    }

    // Registries on the network offer HTTP/2 over TLS; the client takes it, so that a burst
    // of index requests (a lockfile's worth) shares one connection instead of opening six,
    // and everything else (tokens, publishing, 304s) works over it as over HTTP/1.1.
    void speaksHttp2WhereTheFeedOffersIt()
    {
        startFeed(true, true);
        QCOMPARE(m_feed->indexUrl().scheme(), u"https"_s);
        QStringList names;
        for (int i = 0; i < 12; ++i) {
            names.append(u"multiplexed-%1"_s.arg(i));
            QVERIFY2(!publish({names.last(), u"1.0.0"_s}).isEmpty(), "publishing over https failed");
        }

        QNetworkAccessManager nam; // no connection left over from publishing
        HttpClient http(&nam);
        QSignalSpy handshakes(&nam, &QNetworkAccessManager::encrypted);
        HttpRequest request;
        request.url = m_feed->indexUrl().resolved(QUrl(u"config.json"_s));
        request.setAuthorization(m_token);
        HttpJob *job = http.send(request);
        HttpResponse config;
        connect(job, &HttpJob::finished, this, [&config, job] { config = job->response(); });
        QVERIFY(waitFor(job));
        QCOMPARE(config.status, 200);
        QVERIFY(config.http2);

        IndexCache cache(m_dir.filePath(u"cache/http2.sqlite"_s));
        QCOMPARE(cacheAnswer(cache.open()), QString());
        RegistryClient registry(localFeed(), &http, &cache, nullptr);
        registry.setCredential(m_token);
        QList<std::shared_ptr<Outcome>> outcomes;
        for (const QString &name : std::as_const(names)) {
            auto outcome = std::make_shared<Outcome>();
            RegistryReply *reply = registry.fetchIndex(name);
            connect(reply, &RegistryReply::finished, reply, [reply, outcome] {
                outcome->done = true;
                outcome->error = reply->error();
                outcome->entries = reply->entries;
            });
            outcomes.append(outcome);
        }
        QVERIFY(QTest::qWaitFor([&] { return std::all_of(outcomes.cbegin(), outcomes.cend(), [](const auto &o) { return o->done; }); }, 30000));
        for (const auto &outcome : std::as_const(outcomes)) {
            QVERIFY2(!outcome->error, qPrintable(outcome->error.message));
            QCOMPARE(outcome->entries.size(), 1);
        }
        QCOMPARE(handshakes.count(), 1);

        const Outcome again = run(registry.fetchIndex(names.first()));
        QVERIFY(again.fromCache && !again.stale); // a 304 over HTTP/2

        // Plain http stays HTTP/1.1: h2 is only offered through TLS.
        startFeed(false);
        request.url = m_feed->indexUrl().resolved(QUrl(u"config.json"_s));
        job = http.send(request);
        connect(job, &HttpJob::finished, this, [&config, job] { config = job->response(); });
        QVERIFY(waitFor(job));
        QCOMPARE(config.status, 200);
        QVERIFY(!config.http2);
    }

    void unknownCrateIsNotFound()
    {
        startFeed(false);
        auto registry = client(localFeed());
        const Outcome reply = run(registry->fetchIndex(u"nothing-here"_s));
        QCOMPARE(reply.error.kind, RegistryError::Kind::NotFound);
        QVERIFY2(reply.error.message.contains(u"nothing-here"_s) && reply.error.message.contains(u"local"_s), qPrintable(reply.error.message));
    }

    void authRequiredFeedNeedsTheToken()
    {
        startFeed(true);
        QVERIFY(!publish({u"private-crate"_s, u"1.0.0"_s}).isEmpty());
        auto anonymous = client(localFeed(), false);
        const Outcome denied = run(anonymous->fetchIndex(u"private-crate"_s));
        QCOMPARE(denied.error.kind, RegistryError::Kind::AuthRequired);
        QVERIFY2(denied.error.message.contains(u"needs a token"_s), qPrintable(denied.error.message));
        QCOMPARE(anonymous->loginUrl(), m_feed->indexUrl().toString() + u"me"_s);

        auto registry = client(localFeed());
        const Outcome allowed = run(registry->fetchIndex(u"private-crate"_s));
        QVERIFY2(!allowed.error, qPrintable(allowed.error.message));
        QCOMPARE(allowed.entries.size(), 1);
        QVERIFY(registry->config()->authRequired);
    }

    void webApiYanksSearchesAndManagesOwners()
    {
        startFeed(false);
        QVERIFY(!publish({u"api-crate"_s, u"1.0.0"_s}).isEmpty());
        QVERIFY(!publish({u"api-crate"_s, u"1.1.0"_s}).isEmpty());
        auto registry = client(localFeed());

        const Outcome yank = run(registry->setYanked(u"api-crate"_s, u"1.1.0"_s, true));
        QVERIFY2(yank.done && !yank.error, qPrintable(yank.error.message));

        const Outcome search = run(registry->search(u"api"_s));
        QCOMPARE(search.json.value(u"crates"_s).toArray().at(0).toObject().value(u"max_version"_s).toString(), u"1.0.0"_s);

        const Outcome owners = run(registry->owners(u"api-crate"_s));
        QCOMPARE(owners.json.value(u"users"_s).toArray().at(0).toObject().value(u"login"_s).toString(), u"alice"_s);

        const Outcome addUnknown = run(registry->changeOwners(u"api-crate"_s, {u"nobody"_s}, true));
        QCOMPARE(addUnknown.error.kind, RegistryError::Kind::NotFound);
        QVERIFY2(addUnknown.error.message.contains(u"nobody"_s), qPrintable(addUnknown.error.message));

        // A token that is not an owner's: the message says what the token may not do.
        QString bob;
        QVERIFY(!m_feed->store()->createToken(u"bob"_s, &bob));
        auto asBob = client(localFeed(), false);
        asBob->setCredential(bob.toLatin1());
        const Outcome forbidden = run(asBob->setYanked(u"api-crate"_s, u"1.0.0"_s, true));
        QCOMPARE(forbidden.error.kind, RegistryError::Kind::Forbidden);
        QVERIFY2(forbidden.error.message.startsWith(u"the feed local does not allow this token to do that: use a token with that permission"_s),
                 qPrintable(forbidden.error.message));
    }

    void downloadsAreVerifiedAgainstTheIndex()
    {
        startFeed(false);
        const QByteArray cksum = publish({u"dl-crate"_s, u"1.0.0+meta"_s});
        auto registry = client(localFeed());
        const QString target = m_dir.filePath(u"dl-crate-1.0.0.crate"_s);
        RegistryReply *reply = registry->download(u"dl-crate"_s, u"1.0.0+meta"_s, QString::fromLatin1(cksum), target);
        QSignalSpy progress(reply, &RegistryReply::progress);
        const Outcome good = run(reply);
        QVERIFY2(good.done && !good.error, qPrintable(good.error.message));
        QFile file(target);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex(), cksum);
        QVERIFY(progress.count() >= 1);

        const QString corrupt = m_dir.filePath(u"corrupt.crate"_s);
        const Outcome bad = run(registry->download(u"dl-crate"_s, u"1.0.0+meta"_s, QString(64, u'0'), corrupt));
        QCOMPARE(bad.error.kind, RegistryError::Kind::Checksum);
        QVERIFY(!QFile::exists(corrupt)); // nothing half-written is left
    }

    void transientFailuresAreRetried_data()
    {
        QTest::addColumn<QList<FaultServer::Response>>("script");
        QTest::addColumn<bool>("succeeds");
        QTest::addColumn<int>("requests");
        QTest::addColumn<int>("errorKind");
        const QByteArray body = "hello index\n";
        using R = FaultServer::Response;
        QTest::newRow("503 twice") << QList<R>{R::make(503), R::make(503), R::ok(body)} << true << 3 << 0;
        QTest::newRow("reset mid body") << QList<R>{R::resetMidBody(body, 4), R::ok(body)} << true << 2 << 0;
        QTest::newRow("truncated then ok") << QList<R>{R::truncatedBody(body, 5), R::ok(body)} << true << 2 << 0;
        QTest::newRow("always 500") << QList<R>{R::make(500, "{\"errors\":[{\"detail\":\"database down\"}]}")} << false << 4
                                    << int(RegistryError::Kind::Http);
        QTest::newRow("always truncated") << QList<R>{R::truncatedBody(body, 5)} << false << 4 << int(RegistryError::Kind::Network);
        QTest::newRow("403 is not retried") << QList<R>{R::make(403, "no")} << false << 1 << int(RegistryError::Kind::Forbidden);
        QTest::newRow("410 is not found") << QList<R>{R::make(410)} << false << 1 << int(RegistryError::Kind::NotFound);
        QTest::newRow("451 is not found") << QList<R>{R::make(451)} << false << 1 << int(RegistryError::Kind::NotFound);
    }

    void transientFailuresAreRetried()
    {
        QFETCH(QList<FaultServer::Response>, script);
        QFETCH(bool, succeeds);
        QFETCH(int, requests);
        QFETCH(int, errorKind);
        FaultServer server;
        server.setRoute(u"/file"_s, script);
        HttpRequest request;
        request.url = server.url(u"/file"_s);
        HttpJob *job = m_http->send(request);
        HttpResponse response;
        connect(job, &HttpJob::finished, this, [&] { response = job->response(); });
        QVERIFY(waitFor(job));
        QCOMPARE(!response.error, succeeds);
        // Our retries first: a request more at the server than here would be Qt's own resend.
        QCOMPARE(response.attempts, requests);
        QCOMPARE(server.requestCount(u"/file"_s), requests);
        if (succeeds)
            QCOMPARE(response.body, QByteArray("hello index\n"));
        else
            QCOMPARE(int(response.error.kind), errorKind);
        if (errorKind == int(RegistryError::Kind::Http))
            QVERIFY2(response.error.message.contains(u"database down"_s), qPrintable(response.error.message));
    }

    void retryAfterIsHonoured()
    {
        FaultServer server;
        server.setRoute(u"/busy"_s, {FaultServer::Response::retryAfter(1, 429), FaultServer::Response::ok("ok")});
        HttpRequest request;
        request.url = server.url(u"/busy"_s);
        HttpJob *job = m_http->send(request);
        QVERIFY(waitFor(job, 10000));
        const auto seen = server.requests(u"/busy"_s);
        QCOMPARE(seen.size(), 2);
        QVERIFY2(seen.at(1).arrivedMs - seen.at(0).arrivedMs >= 950, qPrintable(QString::number(seen.at(1).arrivedMs - seen.at(0).arrivedMs)));
    }

    void stalledTransferTimesOut()
    {
        FaultServer server;
        server.setRoute(u"/stall"_s, {FaultServer::Response::stallBody(QByteArray(1000, 'x'), 10)});
        HttpRequest request;
        request.url = server.url(u"/stall"_s);
        request.timeoutMs = 300;
        request.maxRetries = 0;
        HttpJob *job = m_http->send(request);
        RegistryError error;
        connect(job, &HttpJob::finished, this, [&] { error = job->response().error; });
        QVERIFY(waitFor(job, 10000));
        QCOMPARE(error.kind, RegistryError::Kind::Timeout);
        QVERIFY2(error.message.contains(u"timed out"_s), qPrintable(error.message));
    }

    void authorizationStaysWithItsOrigin()
    {
        FaultServer home;
        FaultServer elsewhere;
        elsewhere.setRoute(u"/cdn/file"_s, {FaultServer::Response::ok("bytes")});
        home.setRoute(u"/moved"_s, {FaultServer::Response::redirectTo(home.url(u"/here"_s), 301)});
        home.setRoute(u"/here"_s, {FaultServer::Response::redirectTo(elsewhere.url(u"/cdn/file"_s))});
        HttpRequest request;
        request.url = home.url(u"/moved"_s);
        request.setAuthorization("secret-token");
        HttpJob *job = m_http->send(request);
        HttpResponse response;
        connect(job, &HttpJob::finished, this, [&] { response = job->response(); });
        QVERIFY(waitFor(job));
        QVERIFY(!response.error);
        QCOMPARE(response.body, QByteArray("bytes"));
        QCOMPARE(home.requests(u"/here"_s).value(0).header("Authorization"), QByteArray("secret-token")); // same origin
        QVERIFY(!elsewhere.requests(u"/cdn/file"_s).value(0).hasHeader("Authorization"));
    }

    void configIsRetriedWithTheTokenOn401()
    {
        FaultServer server;
        const QByteArray config = "{\"dl\":\"" + server.url(u"/dl"_s).toEncoded() + "\",\"api\":\"" + server.baseUrl().toEncoded() + "\",\"auth-required\":true}";
        server.setRoute(u"/index/config.json"_s, {FaultServer::Response::make(401).withHeader("WWW-Authenticate", "Cargo login_url=\"https://example.com/me\""),
                                                  FaultServer::Response::ok(config)});
        server.setRoute(u"/index/3/a/abc"_s, {FaultServer::Response::ok("{\"name\":\"abc\",\"vers\":\"1.0.0\",\"deps\":[],\"cksum\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"}\n", "text/plain")});
        auto registry = client(faultFeed(server));
        registry->setCredential("tok");
        const Outcome reply = run(registry->fetchIndex(u"abc"_s));
        QVERIFY2(!reply.error, qPrintable(reply.error.message));
        QCOMPARE(reply.entries.size(), 1);
        const auto configs = server.requests(u"/index/config.json"_s);
        QCOMPARE(configs.size(), 2);
        QVERIFY(!configs.at(0).hasHeader("Authorization")); // cargo's order: anonymous first
        QCOMPARE(configs.at(1).header("Authorization"), QByteArray("tok"));
        QCOMPARE(server.requests(u"/index/3/a/abc"_s).value(0).header("Authorization"), QByteArray("tok"));
        QCOMPARE(registry->loginUrl(), u"https://example.com/me"_s);
    }

    // The raw fetch a connector builds its own cache on: validators out, 304 in, nothing kept
    // in the client's cache, and a 304 nobody asked for is no "unchanged".
    void rawIndexFileIsRevalidatedAndNeverCached()
    {
        FaultServer server;
        server.setRoute(u"/index/config.json"_s, {FaultServer::Response::ok("{\"dl\":\"" + server.url(u"/dl"_s).toEncoded() + "\"}")});
        const QByteArray line = "{\"name\":\"abc\",\"vers\":\"1.0.0\",\"deps\":[],\"cksum\":\"" + QByteArray(64, 'a') + "\"}\n";
        server.setRoute(u"/index/3/a/abc"_s, {FaultServer::Response::ok(line, "text/plain").withHeader("ETag", "\"v1\""),
                                               FaultServer::Response::make(304), FaultServer::Response::make(304),
                                               FaultServer::Response::make(451)});
        auto registry = client(faultFeed(server));
        const Outcome first = run(registry->fetchIndexFile(u"abc"_s, {}, {}));
        QVERIFY2(!first.error, qPrintable(first.error.message));
        QCOMPARE(first.body, line);
        QCOMPARE(first.etag, "\"v1\""_ba);
        QVERIFY(!first.notModified);
        QVERIFY(first.entries.isEmpty()); // not parsed: the caller has its own rules for the lines
        QVERIFY(!cacheAnswer(m_cache->validators(registry->feed().indexUrl.toString(), u"3/a/abc"_s)));

        const Outcome same = run(registry->fetchIndexFile(u"abc"_s, first.etag, {}));
        QVERIFY2(!same.error, qPrintable(same.error.message));
        QVERIFY(same.notModified);
        QVERIFY(same.body.isEmpty());
        QCOMPARE(server.requests(u"/index/3/a/abc"_s).at(1).header("If-None-Match"), "\"v1\""_ba);

        const Outcome unasked = run(registry->fetchIndexFile(u"abc"_s, {}, {}));
        QVERIFY(unasked.error);
        QVERIFY(!unasked.notModified);

        const Outcome gone = run(registry->fetchIndexFile(u"abc"_s, first.etag, {}));
        QCOMPARE(gone.error.kind, RegistryError::Kind::NotFound);
        QCOMPARE(run(registry->fetchIndexFile(u"../etc"_s, {}, {})).error.kind, RegistryError::Kind::NotFound);
        QCOMPARE(server.requests(u"/index/3/a/abc"_s).size(), 4);
    }

    // A hostile or broken feed's 2xx/3xx without an index file must not pass for an empty
    // (every version gone) or partial one, whether or not the client has the file cached.
    void onlyA200CarriesAnIndexFile_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("raw");
        for (const int status : {304, 204, 206}) {
            QTest::addRow("fetchIndex, %d", status) << status << false;
            QTest::addRow("fetchIndexFile, %d", status) << status << true;
        }
    }

    void onlyA200CarriesAnIndexFile()
    {
        QFETCH(int, status);
        QFETCH(bool, raw);
        FaultServer server;
        server.setRoute(u"/index/config.json"_s, {FaultServer::Response::ok("{\"dl\":\"" + server.url(u"/dl"_s).toEncoded() + "\"}")});
        server.setRoute(u"/index/3/a/abc"_s, {FaultServer::Response::make(status, status == 206 ? "{\"name\":\"abc\"" : "")});
        auto registry = client(faultFeed(server));
        const Outcome reply = run(raw ? registry->fetchIndexFile(u"abc"_s, {}, {}) : registry->fetchIndex(u"abc"_s));
        QCOMPARE(reply.error.kind, RegistryError::Kind::Http);
        QVERIFY2(reply.error.message.contains(u"HTTP %1"_s.arg(status)), qPrintable(reply.error.message));
        QVERIFY(!cacheAnswer(m_cache->validators(registry->feed().indexUrl.toString(), u"3/a/abc"_s)));
    }

    void listsEveryCrateAcrossPages()
    {
        FaultServer server;
        server.setRoute(u"/index/config.json"_s, {FaultServer::Response::ok("{\"dl\":\"" + server.url(u"/dl"_s).toEncoded() + "\",\"api\":\"" + server.baseUrl().toEncoded() + "\"}")});
        auto page = [](int from, int count) {
            QJsonArray crates;
            for (int i = from; i < from + count; ++i)
                crates.append(QJsonObject{{u"name"_s, u"crate%1"_s.arg(i)}, {u"max_version"_s, u"1.0.%1"_s.arg(i)}, {u"description"_s, u"number %1"_s.arg(i)}});
            return QJsonDocument(QJsonObject{{u"crates"_s, crates}, {u"meta"_s, QJsonObject{{u"total"_s, 150}}}}).toJson(QJsonDocument::Compact);
        };
        server.setRoute(u"/api/v1/crates"_s, {FaultServer::Response::ok(page(0, 100)), FaultServer::Response::ok(page(100, 50))});
        auto registry = client(faultFeed(server));
        const Outcome listed = run(registry->listCrates());
        QVERIFY2(!listed.error, qPrintable(listed.error.message));
        QCOMPARE(listed.crates.size(), 150);
        QCOMPARE(listed.crates.at(149).name, u"crate149"_s);
        QCOMPARE(listed.crates.at(149).latestVersion, u"1.0.149"_s);
        const auto requests = server.requests(u"/api/v1/crates"_s);
        QCOMPARE(requests.size(), 2);
        QCOMPARE(requests.at(1).target, QByteArray("/api/v1/crates?page=2&per_page=100"));
    }

    // crates.io refuses deep page numbers and says where the next page is (seek pagination);
    // a listing follows that, shows each page as it comes, and stops where it was asked to.
    void listingFollowsNextPageAndStopsWhereAsked()
    {
        FaultServer server;
        server.setRoute(u"/index/config.json"_s, {FaultServer::Response::ok("{\"dl\":\"" + server.url(u"/dl"_s).toEncoded() + "\",\"api\":\"" + server.baseUrl().toEncoded() + "\"}")});
        auto page = [](int from, int count, const QString &next) {
            QJsonArray crates;
            for (int i = from; i < from + count; ++i)
                crates.append(QJsonObject{{u"name"_s, u"crate%1"_s.arg(i)}, {u"newest_version"_s, u"0.%1.0"_s.arg(i)}});
            QJsonObject meta{{u"total"_s, 250}, {u"next_page"_s, next.isEmpty() ? QJsonValue() : QJsonValue(next)}};
            return FaultServer::Response::ok(QJsonDocument(QJsonObject{{u"crates"_s, crates}, {u"meta"_s, meta}}).toJson(QJsonDocument::Compact));
        };
        server.setRoute(u"/api/v1/crates"_s, {page(0, 100, u"?per_page=100&seek=Mg"_s), page(100, 100, u"?per_page=100&seek=Mw"_s), page(200, 50, {})});
        auto registry = client(faultFeed(server));

        RegistryReply *reply = registry->listCrates({}, 2);
        QList<qsizetype> announced;
        connect(reply, &RegistryReply::cratesAdded, this, [&announced](qsizetype first) { announced << first; });
        QString nextPage;
        connect(reply, &RegistryReply::finished, this, [reply, &nextPage] { nextPage = reply->nextPage; });
        const Outcome firstTwo = run(reply);
        QVERIFY2(!firstTwo.error, qPrintable(firstTwo.error.message));
        QCOMPARE(firstTwo.crates.size(), 200);
        QCOMPARE(firstTwo.crates.at(150).latestVersion, u"0.150.0"_s);
        QCOMPARE(announced, (QList<qsizetype>{0, 100}));
        QCOMPARE(nextPage, u"?per_page=100&seek=Mw"_s);

        const Outcome rest = run(registry->listCrates(nextPage, 2));
        QVERIFY2(!rest.error, qPrintable(rest.error.message));
        QCOMPARE(rest.crates.size(), 50);
        QCOMPARE(rest.crates.last().name, u"crate249"_s);
        const auto requests = server.requests(u"/api/v1/crates"_s);
        QCOMPARE(requests.size(), 3);
        QCOMPARE(requests.at(0).target, "/api/v1/crates?page=1&per_page=100"_ba);
        QCOMPARE(requests.at(1).target, "/api/v1/crates?per_page=100&seek=Mg"_ba);
        QCOMPARE(requests.at(2).target, "/api/v1/crates?per_page=100&seek=Mw"_ba);
    }

    void usesProGetsPackagesApiWhenTheServerIsProGet()
    {
        FaultServer server;
        const QByteArray config = "{\"dl\":\"" + server.url(u"/cargo/internal/dl"_s).toEncoded() + "\",\"api\":\"" + server.url(u"/cargo/internal"_s).toEncoded() + "\"}";
        server.setRoute(u"/cargo/internal/config.json"_s, {FaultServer::Response::ok(config).withHeader("X-ProGet-Version", "2025.10.0")});
        server.setRoute(u"/api/packages/internal/latest"_s, {FaultServer::Response::ok(
            "[{\"name\":\"serde\",\"version\":\"1.0.200\",\"listed\":true},{\"name\":\"tokio\",\"version\":\"1.43.0\"},"
            "{\"name\":\"old\",\"version\":\"0.1.0\",\"listed\":false,\"licenses\":[\"MIT\"]},"
            "{\"name\":\"bad\",\"version\":\"0.2.0\",\"allowDownload\":false,\"licenses\":[{\"code\":\"GPL-3.0\"},{\"code\":\" \"}]}]")});
        server.setRoute(u"/api/packages/internal/metadata"_s, {FaultServer::Response::ok(
            "{\"name\":\"serde\",\"version\":\"1.0.200\",\"licenses\":[{\"code\":\"MIT\",\"title\":\"MIT License\"},{\"code\":\"Apache-2.0\"}],"
            "\"published\":\"2025-01-10T09:00:00Z\",\"publishedBy\":\"jsmith\",\"size\":77000,\"downloads\":7,"
            "\"complianceReport\":{\"analysisResult\":\"Compliant\"}}")});
        auto registry = client(faultFeed(server, u"/cargo/internal/"_s));
        registry->setCredential("api-key-123");
        const Outcome listed = run(registry->listCrates());
        QVERIFY2(!listed.error, qPrintable(listed.error.message));
        QVERIFY(registry->isProGet());
        QCOMPARE(listed.crates.size(), 4);
        QCOMPARE(listed.crates.at(1).name, u"tokio"_s);
        QCOMPARE(listed.crates.at(1).latestVersion, u"1.43.0"_s);
        // Unlisted is how ProGet yanks; allowDownload false blocks; licenses as codes or objects.
        QCOMPARE(listed.crates.at(0).yanked, false);
        QCOMPARE(listed.crates.at(2).yanked, true);
        QCOMPARE(listed.crates.at(2).license, u"MIT"_s);
        QCOMPARE(listed.crates.at(3).blocked, true);
        QCOMPARE(listed.crates.at(3).license, u"GPL-3.0"_s);
        QCOMPARE(listed.crates.at(1).license, QString());
        QCOMPARE(server.requests(u"/api/packages/internal/latest"_s).value(0).header("X-ApiKey"), QByteArray("api-key-123"));

        const Outcome license = run(registry->license(u"serde"_s, u"1.0.200"_s, u"00"_s));
        QVERIFY2(!license.error, qPrintable(license.error.message));
        QCOMPARE(license.license, u"MIT OR Apache-2.0"_s);
        QCOMPARE(server.requests(u"/api/packages/internal/metadata"_s).value(0).target,
                 QByteArray("/api/packages/internal/metadata?name=serde&version=1.0.200"));

        // From the same answer, the crate page's facts: when, by whom, how large, how often,
        // and the feed's verdict.
        const Outcome &facts = license;
        QCOMPARE(facts.facts.published, QDateTime(QDate(2025, 1, 10), QTime(9, 0), QTimeZone::UTC));
        QCOMPARE(facts.facts.publishedBy, u"jsmith"_s);
        QCOMPARE(facts.facts.crateSize, 77000);
        QCOMPARE(facts.facts.versionDownloads, 7);
        QCOMPARE(facts.facts.crateDownloads, -1);
        QCOMPARE(facts.facts.compliance, u"Compliant"_s);
    }

    // crates.io's shape (the local feed answers it too): the facts of the version asked for,
    // with its license; hostile values are dropped.
    void versionFactsFromCrateJson()
    {
        FaultServer server;
        server.setRoute(u"/index/config.json"_s, {FaultServer::Response::ok("{\"dl\":\"" + server.url(u"/dl"_s).toEncoded() + "\",\"api\":\"" + server.baseUrl().toEncoded() + "\"}")});
        server.setRoute(u"/api/v1/crates/serde"_s, {FaultServer::Response::ok(
            "{\"crate\":{\"name\":\"serde\",\"downloads\":123456789},\"versions\":["
            "{\"num\":\"1.0.1\",\"license\":\"MIT\",\"created_at\":\"2024-05-01T10:00:00.123+00:00\",\"crate_size\":-5,\"downloads\":1.5,"
            "\"published_by\":{\"login\":\"" + QByteArray(300, 'x') + "\"}},"
            "{\"num\":\"1.0.0\",\"license\":\"MIT\",\"created_at\":\"2024-04-01T10:00:00Z\",\"crate_size\":77311,\"downloads\":42,"
            "\"published_by\":{\"login\":\"dtolnay\"}}]}")});
        auto registry = client(faultFeed(server));
        const Outcome first = run(registry->license(u"serde"_s, u"1.0.0"_s, u"00"_s));
        QVERIFY2(!first.error, qPrintable(first.error.message));
        QCOMPARE(first.facts.published, QDateTime(QDate(2024, 4, 1), QTime(10, 0), QTimeZone::UTC));
        QCOMPARE(first.facts.publishedBy, u"dtolnay"_s);
        QCOMPARE(first.facts.crateSize, 77311);
        QCOMPARE(first.facts.versionDownloads, 42);
        QCOMPARE(first.facts.crateDownloads, 123456789);
        const Outcome hostile = run(registry->license(u"serde"_s, u"1.0.1"_s, u"00"_s));
        QCOMPARE(hostile.facts.published, QDateTime(QDate(2024, 5, 1), QTime(10, 0, 0, 123), QTimeZone::UTC));
        QCOMPARE(hostile.facts.publishedBy, QString());
        QCOMPARE(hostile.facts.crateSize, -1);
        QCOMPARE(hostile.facts.versionDownloads, -1);
    }

    void licenseComesFromCrateJsonOrTheCrateItself()
    {
        FaultServer server;
        server.setRoute(u"/index/config.json"_s, {FaultServer::Response::ok("{\"dl\":\"" + server.url(u"/dl"_s).toEncoded() + "\",\"api\":\"" + server.baseUrl().toEncoded() + "\"}")});
        server.setRoute(u"/api/v1/crates/serde"_s, {FaultServer::Response::ok(
            "{\"crate\":{\"name\":\"serde\"},\"versions\":[{\"num\":\"1.0.1\",\"license\":\"Apache-2.0\"},{\"num\":\"1.0.0\",\"license\":\"MIT OR Apache-2.0\"}]}")});
        auto registry = client(faultFeed(server));
        const Outcome fromJson = run(registry->license(u"serde"_s, u"1.0.0"_s, u"00"_s));
        QVERIFY2(!fromJson.error, qPrintable(fromJson.error.message));
        QCOMPARE(fromJson.license, u"MIT OR Apache-2.0"_s);

        // The local feed offers no crate JSON: the license is read from the .crate's Cargo.toml.
        startFeed(false);
        const QByteArray cksum = publish({u"licensed"_s, u"2.0.0"_s});
        auto local = client(localFeed());
        const Outcome fromCrate = run(local->license(u"licensed"_s, u"2.0.0"_s, QString::fromLatin1(cksum)));
        QVERIFY2(!fromCrate.error, qPrintable(fromCrate.error.message));
        QCOMPARE(fromCrate.license, u"MIT"_s);
    }

    // Offline browsing must not wait for retries when the cache can answer.
    void unreachableFeedFallsBackToTheCacheWithoutRetrying()
    {
        FaultServer server;
        const QByteArray config = "{\"dl\":\"" + server.url(u"/dl"_s).toEncoded() + "\"}";
        server.setRoute(u"/spare/config.json"_s, {FaultServer::Response::ok(config), FaultServer::Response::make(503)});
        server.setRoute(u"/spare/3/a/abc"_s, {FaultServer::Response::ok("{\"name\":\"abc\",\"vers\":\"1.0.0\",\"deps\":[],\"cksum\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"}\n", "text/plain")
                                                  .withHeader("ETag", "\"v1\"")});
        const Feed feed = faultFeed(server, u"/spare/"_s);
        QVERIFY(!run(client(feed)->fetchIndex(u"abc"_s)).error); // fills the cache

        auto later = client(feed); // a new session; the feed now fails
        const Outcome cached = run(later->fetchIndex(u"abc"_s));
        QVERIFY2(!cached.error, qPrintable(cached.error.message));
        QVERIFY(cached.stale);
        QCOMPARE(cached.entries.size(), 1);
        QCOMPARE(server.requestCount(u"/spare/config.json"_s), 2); // one each: no retries
    }

    // No SQL on the thread that owns the client (in the app, the one that paints): config,
    // a fetch, a revalidation, a vanished crate and the offline fallback all reach the cache
    // on its own thread.
    void cacheStatementsRunOffTheClientsThread()
    {
        FaultServer server;
        const QByteArray config = "{\"dl\":\"" + server.url(u"/dl"_s).toEncoded() + "\"}";
        server.setRoute(u"/index/config.json"_s, {FaultServer::Response::ok(config), FaultServer::Response::make(503)});
        server.setRoute(u"/index/3/a/abc"_s, {FaultServer::Response::ok(indexLine("abc"), "text/plain")});
        server.setETag(u"/index/3/a/abc"_s, "\"v1\"");
        server.setRoute(u"/index/3/g/gone"_s, {FaultServer::Response::make(404)});
        IndexCache cache(m_dir.filePath(u"cache/threads.sqlite"_s));
        QCOMPARE(cacheAnswer(cache.open()), QString());
        const Feed feed = faultFeed(server);
        {
            RegistryClient registry(feed, m_http.get(), &cache, nullptr);
            QVERIFY(!run(registry.fetchIndex(u"abc"_s)).fromCache);
            QVERIFY(run(registry.fetchIndex(u"abc"_s)).fromCache); // a 304
            QCOMPARE(run(registry.fetchIndex(u"gone"_s)).error.kind, RegistryError::Kind::NotFound);
        }
        RegistryClient offline(feed, m_http.get(), &cache, nullptr); // a new session: config.json now answers 503
        const Outcome stale = run(offline.fetchIndex(u"abc"_s));
        QVERIFY(stale.stale && stale.entries.size() == 1);

        const QList<const QThread *> threads = cacheAnswer(cache.run([](IndexCacheStore *store) { return store->statementThreads(); }));
        QCOMPARE(threads.size(), 1);
        QVERIFY(threads.first() != offline.thread());
    }

    // The client goes away (the feed was edited, the app quits) while the cache still works on
    // what it asked: the answer is dropped, nothing reaches the deleted client, and a write
    // it had asked for still lands.
    void destroyingTheClientWhileTheCacheWorks_data()
    {
        QTest::addColumn<int>("stage");
        QTest::newRow("cached config, before any request") << 0;
        QTest::newRow("cached validators, before the index request") << 1;
        QTest::newRow("parse and store, after the response") << 2;
    }

    void destroyingTheClientWhileTheCacheWorks()
    {
        QFETCH(int, stage);
        FaultServer server;
        server.setRoute(u"/index/config.json"_s, {FaultServer::Response::ok("{\"dl\":\"" + server.url(u"/dl"_s).toEncoded() + "\"}")});
        server.setRoute(u"/index/3/a/abc"_s, {FaultServer::Response::ok(indexLine("abc"), "text/plain").withHeader("ETag", "\"v1\"")});
        QSemaphore gate;
        IndexCache cache(m_dir.filePath(u"cache/destroyed-%1.sqlite"_s.arg(stage)));
        QCOMPARE(cacheAnswer(cache.open()), QString());
        // Holds the cache's thread and its workers (one per core, where parses run) until
        // released: what the client asks meanwhile waits.
        const int held = 1 + QThread::idealThreadCount();
        const auto block = [&cache, &gate] {
            cache.run([&gate](IndexCacheStore *) { gate.tryAcquire(1, 10000); });
            for (int worker = 0; worker < QThread::idealThreadCount(); ++worker)
                cache.computeThenKeep([&gate] { return gate.tryAcquire(1, 10000); }, [](IndexCacheStore *, bool) {});
        };
        auto registry = std::make_unique<RegistryClient>(faultFeed(server), m_http.get(), &cache, nullptr);
        if (stage == 1)
            QVERIFY(!run(registry->fetchConfig()).error);
        if (stage < 2)
            block();
        else // as the feed answers: the client reads the answer later, on this same thread
            connect(&server, &FaultServer::requestReceived, this, [&block](const FaultServer::Request &request) {
                if (request.path() == u"/index/3/a/abc"_s)
                    block();
            });
        RegistryReply *reply = registry->fetchIndex(u"abc"_s);
        bool finished = false;
        connect(reply, &RegistryReply::finished, this, [&finished] { finished = true; });
        if (stage == 2)
            QTRY_VERIFY(reply->fetchedAt.isValid()); // the response is in; its parse and store wait
        registry.reset();
        gate.release(held);
        const QString feedKey = faultFeed(server).indexUrl.toString();
        const auto kept = [&cache, feedKey] { return cacheAnswer(cache.validators(feedKey, u"3/a/abc"_s)); };
        if (stage == 2)
            QTRY_VERIFY(kept().has_value()); // the parse is queued its write before it answers
        cacheAnswer(cache.flushTouches()); // the cache has answered everything asked before
        QTest::qWait(20);
        QVERIFY(!finished);
        QCOMPARE(server.requestCount(u"/index/config.json"_s), stage == 0 ? 0 : 1);
        QCOMPARE(server.requestCount(u"/index/3/a/abc"_s), stage == 2 ? 1 : 0);
        QCOMPARE(kept().has_value(), stage == 2);
        if (stage == 2)
            QCOMPARE(kept()->etag, "\"v1\""_ba);
    }

    void garbageConfigIsAParseError()
    {
        FaultServer server;
        server.setRoute(u"/index/config.json"_s, {FaultServer::Response::garbageJson()});
        auto registry = client(faultFeed(server));
        const Outcome reply = run(registry->fetchConfig());
        QCOMPARE(reply.error.kind, RegistryError::Kind::Parse);
        QVERIFY2(reply.error.message.startsWith(u"faulty: config.json"_s), qPrintable(reply.error.message));
    }

    void cancelEndsAnOperationAtOnce()
    {
        FaultServer server;
        server.setRoute(u"/slow"_s, {FaultServer::Response::delayed(5000, FaultServer::Response::ok("late"))});
        HttpRequest request;
        request.url = server.url(u"/slow"_s);
        HttpJob *job = m_http->send(request);
        RegistryError error;
        connect(job, &HttpJob::finished, this, [&] { error = job->response().error; });
        QTRY_COMPARE(server.requestCount(u"/slow"_s), 1);
        job->cancel();
        // Long before the server's 5 s answer.
        QTRY_COMPARE_WITH_TIMEOUT(error.kind, RegistryError::Kind::Cancelled, 1000);
    }

    void parallelismIsBounded()
    {
        FaultServer server;
        server.setRoute(u"/p"_s, {FaultServer::Response::delayed(150, FaultServer::Response::ok("x"))});
        HttpClient http(&m_nam);
        http.setMaxConcurrent(2);
        int finished = 0;
        int peak = 0;
        for (int i = 0; i < 6; ++i) {
            HttpRequest request;
            request.url = server.url(u"/p"_s);
            HttpJob *job = http.send(request);
            connect(job, &HttpJob::finished, this, [&] { ++finished; });
        }
        QTRY_VERIFY_WITH_TIMEOUT((peak = std::max(peak, http.activeCount()), finished == 6), 10000);
        QCOMPARE(peak, 2);
        QCOMPARE(server.requestCount(u"/p"_s), 6);
    }
};

QTEST_GUILESS_MAIN(TestRegistryClient)
#include "tst_registryclient.moc"
