// SPDX-License-Identifier: GPL-3.0-or-later
// What a hostile or broken registry sends, each row over HTTP/1.1 (FaultServer) and over TLS
// with HTTP/2 (HostileH2Server), as registries on the network speak: credentials asked to
// follow redirects, answers longer than their caps (declared, undeclared, gzip bombs), gzip
// bodies cut short, faults while a download streams to disk, and Retry-After as a date and
// beyond the cap. Issue 13, items 3 and 4.
#include "faultserver.h"
#include "registryoutcome.h"
#include "hostileh2server.h"
#include "cargotypes/cratename.h"
#include "net/httpclient.h"
#include "registry/registryclient.h"
#include "storage/indexcache.h"
#include "storage/indexcachestore.h"
#include "cacheanswer.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <variant>

using namespace Qt::Literals::StringLiterals;
using R = FaultServer::Response;

namespace {

constexpr qint64 KiB = 1024;
constexpr qint64 MiB = 1024 * KiB;
constexpr qint64 MaxCrateBytes = 4 * KiB; // RegistryClient::setMaxCrateBytes in these tests

// Plain http (FaultServer), https that offers only HTTP/1.1, https with HTTP/2.
enum class Kind { Plain, TlsHttp1, TlsHttp2 };

// Either server behind one face, so that a row's script runs on both.
class Server
{
public:
    explicit Server(Kind kind)
    {
        if (kind == Kind::Plain)
            m_server = std::make_unique<FaultServer>();
        else
            m_server = std::make_unique<HostileH2Server>(kind == Kind::TlsHttp2 ? HostileH2Server::Protocols::Http2AndHttp1
                                                                                  : HostileH2Server::Protocols::Http1Only);
    }
    static Kind kindFor(bool h2) { return h2 ? Kind::TlsHttp2 : Kind::Plain; }

    void setRoute(const QString &path, const QList<R> &script)
    {
        std::visit([&](auto &server) { server->setRoute(path, script); }, m_server);
    }
    QUrl url(const QString &path) const
    {
        return std::visit([&](auto &server) { return server->url(path); }, m_server);
    }
    QList<FaultServer::Request> requests(const QString &path) const
    {
        return std::visit([&](auto &server) { return server->requests(path); }, m_server);
    }

private:
    std::variant<std::unique_ptr<FaultServer>, std::unique_ptr<HostileH2Server>> m_server;
};

// Each row twice: over HTTP/1.1 and over HTTP/2; the first column says which.
template<typename... Values>
void addRowOverEachTransport(const char *name, const Values &...values)
{
    for (const bool h2 : {false, true}) {
        QTestData &row = QTest::addRow("%s: %s", h2 ? "h2" : "http/1.1", name);
        row << h2;
        ((row << values), ...);
    }
}

using Outcome = RegistryOutcome;

Outcome run(RegistryReply *reply, int timeoutMs = 30000)
{
    return runReply(reply, timeoutMs);
}

HttpResponse fetch(HttpClient *http, const HttpRequest &request, int timeoutMs = 30000)
{
    HttpJob *job = http->send(request);
    auto response = std::make_shared<HttpResponse>();
    QObject::connect(job, &HttpJob::finished, job, [job, response] { *response = job->response(); });
    QSignalSpy finished(job, &HttpJob::finished);
    if (!finished.wait(timeoutMs))
        response->error = RegistryError::make(RegistryError::Kind::Timeout, u"the job did not finish within %1 ms"_s.arg(timeoutMs));
    return *response;
}

QByteArray sha256(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

// An answer that declares `declared` bytes, sends 1 KiB of them and closes: only a client that
// trusts the declaration refuses it at once; one that reads on sees a cut transfer instead.
R declaredThenClosed(qint64 declared)
{
    return R::truncatedBody(QByteArray(KiB, 'x'), KiB).withHeader("Content-Length", QByteArray::number(declared));
}

R gzipped(const R &response)
{
    R encoded = response;
    encoded.body = HostileBody::gzip(response.body);
    return encoded.withHeader("Content-Encoding", "gzip");
}

R chunkedOk(const QByteArray &body)
{
    return R::ok(HostileBody::chunked(body), "application/octet-stream").withHeader("Transfer-Encoding", "chunked");
}

// A plausible index file of `crate`: `count` valid lines, so that any prefix of it parses too.
QByteArray indexFile(const QString &crate, int count)
{
    QByteArray file;
    for (int i = 0; i < count; ++i)
        file += "{\"name\":\"" + crate.toLatin1() + "\",\"vers\":\"1.0." + QByteArray::number(i) + "\",\"deps\":[],\"cksum\":\""
            + sha256(QByteArray::number(i)) + "\",\"features\":{},\"yanked\":false}\n";
    return file;
}

QByteArray randomBytes(qsizetype size)
{
    QByteArray bytes((size + 3) / 4 * 4, Qt::Uninitialized);
    QRandomGenerator generator(13); // the same bytes every run
    generator.fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
    bytes.truncate(size);
    return bytes;
}

QString limitText(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

// Every file in `dir`, hidden ones and QSaveFile's temporaries included.
QStringList filesIn(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
}

enum class Via { SetAuthorization, SetSecretHeader, PlainHeader };
enum class Hop { SameOrigin, CrossOrigin, HttpsToHttp, AwayAndBack };
enum class Fetch { Config, Index, Api, Download };

const QString Crate = u"hostile"_s;
const QString Version = u"1.0.0"_s;

} // namespace

class TestHostileResponses : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QNetworkAccessManager m_nam;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<IndexCache> m_cache;

    // A feed at /index/ of `server` whose config.json names its download and API URLs there.
    static Feed feedOn(Server &server, bool serveConfig = true)
    {
        const QByteArray config = "{\"dl\":\"" + server.url(u"/dl"_s).toEncoded() + "\",\"api\":\"" + server.url(QString()).toEncoded() + "\"}";
        if (serveConfig)
            server.setRoute(u"/index/config.json"_s, {R::ok(config)});
        Feed feed;
        feed.name = u"hostile-feed"_s;
        feed.indexUrl = server.url(u"/index/"_s);
        feed.auth = Feed::AuthKind::Token;
        return feed;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        HostileH2Server::trustCertificate();
        m_http = std::make_unique<HttpClient>(&m_nam);
        m_http->setRetryBaseDelay(20);
        m_cache = std::make_unique<IndexCache>(m_dir.filePath(u"cache/index.sqlite"_s));
        const QString error = cacheAnswer(m_cache->open());
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    // Item 3: every credential, however it was put on the request, stays with its origin.
    void secretsStayWithTheirOrigin_data()
    {
        QTest::addColumn<bool>("h2");
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<int>("via");
        QTest::addColumn<int>("hop");
        QTest::addColumn<bool>("kept");
        const struct { const char *name; QByteArray header; Via via; } secrets[] = {
            {"Authorization via setAuthorization", "Authorization", Via::SetAuthorization},
            {"X-ApiKey via setSecretHeader", "X-ApiKey", Via::SetSecretHeader},
            {"X-ApiKey in plain headers", "X-ApiKey", Via::PlainHeader},
            {"Cookie in plain headers", "Cookie", Via::PlainHeader},
        };
        const struct { const char *name; Hop hop; bool kept; } hops[] = {
            {"same origin: kept", Hop::SameOrigin, true},
            {"cross-origin: dropped", Hop::CrossOrigin, false},
            {"https to http: dropped", Hop::HttpsToHttp, false},
            {"away and back home: stays dropped", Hop::AwayAndBack, false},
        };
        for (const auto &secret : secrets) {
            for (const auto &hop : hops)
                addRowOverEachTransport(qPrintable(u"%1, %2"_s.arg(QLatin1StringView(secret.name), QLatin1StringView(hop.name))),
                                        secret.header, int(secret.via), int(hop.hop), hop.kept);
        }
    }

    void secretsStayWithTheirOrigin()
    {
        QFETCH(bool, h2);
        QFETCH(QByteArray, header);
        QFETCH(int, via);
        QFETCH(int, hop);
        QFETCH(bool, kept);
        // https to http needs an https start: over HTTP/1.1 too, then with ALPN http/1.1 only.
        const bool downgrade = Hop(hop) == Hop::HttpsToHttp;
        Server home(downgrade && !h2 ? Kind::TlsHttp1 : Server::kindFor(h2));
        Server elsewhere(downgrade ? Kind::Plain : Server::kindFor(h2));
        Server &last = Hop(hop) == Hop::SameOrigin || Hop(hop) == Hop::AwayAndBack ? home : elsewhere;
        const QUrl next = Hop(hop) == Hop::SameOrigin ? home.url(u"/final"_s)
            : Hop(hop) == Hop::AwayAndBack            ? elsewhere.url(u"/away"_s)
                                                      : elsewhere.url(u"/final"_s);
        home.setRoute(u"/start"_s, {R::redirectTo(next)});
        elsewhere.setRoute(u"/away"_s, {R::redirectTo(home.url(u"/final"_s), 307)});
        last.setRoute(u"/final"_s, {R::ok("arrived")});

        HttpRequest request;
        request.url = home.url(u"/start"_s);
        const QByteArray secret = "secret-for-" + header;
        if (Via(via) == Via::SetAuthorization)
            request.setAuthorization(secret);
        else if (Via(via) == Via::SetSecretHeader)
            request.setSecretHeader(header, secret);
        else
            request.headers.emplaceBack(header, secret);
        const HttpResponse response = fetch(m_http.get(), request);
        QVERIFY2(!response.error, qPrintable(response.error.message));
        QCOMPARE(response.body, "arrived"_ba);
        const FaultServer::Request start = home.requests(u"/start"_s).value(0);
        QCOMPARE(start.version, h2 ? "HTTP/2"_ba : "HTTP/1.1"_ba);
        QCOMPARE(start.header(header), secret); // where it belongs, it is sent
        QCOMPARE(last.requests(u"/final"_s).size(), 1);
        QCOMPARE(last.requests(u"/final"_s).value(0).header(header), kept ? secret : QByteArray());
    }

    // The ProGet feed key (X-ApiKey) through RegistryClient: the packages API and ProGet's
    // upload, each redirected to another origin.
    void proGetKeyStaysWithItsOrigin_data()
    {
        QTest::addColumn<bool>("h2");
        QTest::addColumn<bool>("upload");
        addRowOverEachTransport("listCrates via /api/packages/FEED/latest", false);
        addRowOverEachTransport("uploadToProGet via PUT /api/packages/FEED/upload", true);
    }

    void proGetKeyStaysWithItsOrigin()
    {
        QFETCH(bool, h2);
        QFETCH(bool, upload);
        Server home(Server::kindFor(h2));
        Server elsewhere(Server::kindFor(h2));
        const QByteArray config = "{\"dl\":\"" + home.url(u"/cargo/internal/dl"_s).toEncoded() + "\",\"api\":\""
            + home.url(u"/cargo/internal"_s).toEncoded() + "\"}";
        home.setRoute(u"/cargo/internal/config.json"_s, {R::ok(config).withHeader("X-ProGet-Version", "2025.10.0")});
        const QString path = upload ? u"/api/packages/internal/upload"_s : u"/api/packages/internal/latest"_s;
        home.setRoute(path, {R::redirectTo(elsewhere.url(u"/mirror"_s), 307)});
        elsewhere.setRoute(u"/mirror"_s, {R::ok("[{\"name\":\"serde\",\"version\":\"1.0.200\"}]")});
        Feed feed;
        feed.name = u"proget"_s;
        feed.indexUrl = home.url(u"/cargo/internal/"_s);
        feed.auth = Feed::AuthKind::Token;
        RegistryClient registry(feed, m_http.get(), nullptr, nullptr);
        registry.setCredential("api-key-123");

        const Outcome outcome = run(upload ? registry.uploadToProGet("crate bytes", u"serde@1.0.200"_s) : registry.listCrates());
        QVERIFY2(!outcome.error, qPrintable(outcome.error.message));
        QVERIFY(upload || registry.isProGet());
        QCOMPARE(outcome.crates.size(), upload ? 0 : 1);
        QCOMPARE(home.requests(path).value(0).header("X-ApiKey"), "api-key-123"_ba);
        const FaultServer::Request mirrored = elsewhere.requests(u"/mirror"_s).value(0);
        QCOMPARE(mirrored.method, upload ? "PUT"_ba : "GET"_ba);
        QVERIFY(!mirrored.hasHeader("X-ApiKey"));
        QVERIFY(!mirrored.hasHeader("Authorization"));
    }

    // Item 4: each kind of answer has its cap; past it the fetch fails with TooLarge, names the
    // URL and the cap, and keeps nothing: no cache row, no file, no partial file.
    void oversizedAnswersAreCutAndNothingIsKept_data()
    {
        QTest::addColumn<bool>("h2");
        QTest::addColumn<int>("fetch");
        QTest::addColumn<R>("answer");
        QTest::addColumn<qint64>("limit");
        // Zeros: 1000:1 and more, so a few kB on the wire.
        const QByteArray bomb = HostileBody::gzip(QByteArray(BodyLimit::IndexFile + MiB, '\0'));
        R indexBomb = R::ok(bomb, "text/plain").withHeader("Content-Encoding", "gzip");
        R apiBomb = R::ok(bomb).withHeader("Content-Encoding", "gzip");
        addRowOverEachTransport("config.json over 1 MiB", int(Fetch::Config), R::ok(QByteArray(BodyLimit::ConfigJson + 1, ' ')),
                                BodyLimit::ConfigJson);
        addRowOverEachTransport("config.json declared over 1 MiB, refused before reading", int(Fetch::Config),
                                declaredThenClosed(BodyLimit::ConfigJson + 1), BodyLimit::ConfigJson);
        addRowOverEachTransport("index file declared over 64 MiB, refused before reading", int(Fetch::Index),
                                declaredThenClosed(BodyLimit::IndexFile + 1), BodyLimit::IndexFile);
        addRowOverEachTransport("index file undeclared (chunked / no length) over 64 MiB", int(Fetch::Index),
                                chunkedOk(QByteArray(BodyLimit::IndexFile + 1, '\n')), BodyLimit::IndexFile);
        addRowOverEachTransport("index file gzip bomb", int(Fetch::Index), indexBomb, BodyLimit::IndexFile);
        addRowOverEachTransport("web API JSON declared over 32 MiB, refused before reading", int(Fetch::Api),
                                declaredThenClosed(BodyLimit::ApiJson + 1), BodyLimit::ApiJson);
        addRowOverEachTransport("web API JSON gzip bomb", int(Fetch::Api), apiBomb, BodyLimit::ApiJson);
        const QByteArray crate = randomBytes(MaxCrateBytes + 1);
        addRowOverEachTransport("download over the maximum crate size, declared", int(Fetch::Download),
                                R::ok(crate, "application/octet-stream"), MaxCrateBytes);
        addRowOverEachTransport("download over the maximum crate size, undeclared", int(Fetch::Download), chunkedOk(crate), MaxCrateBytes);
        addRowOverEachTransport("download gzip bomb", int(Fetch::Download), gzipped(R::ok(QByteArray(MaxCrateBytes * 256, '\0'))), MaxCrateBytes);
    }

    void oversizedAnswersAreCutAndNothingIsKept()
    {
        QFETCH(bool, h2);
        QFETCH(int, fetch);
        QFETCH(R, answer);
        QFETCH(qint64, limit);
        Server server(Server::kindFor(h2));
        const Feed feed = feedOn(server, Fetch(fetch) != Fetch::Config);
        const QString indexPath = CrateName::indexPath(Crate);
        // The checksum of the crate the download rows send: only the cap can stop them.
        const QByteArray cksum = sha256(randomBytes(MaxCrateBytes + 1));
        const QString path = Fetch(fetch) == Fetch::Config ? u"/index/config.json"_s
            : Fetch(fetch) == Fetch::Index                 ? u"/index/"_s + indexPath
            : Fetch(fetch) == Fetch::Api                   ? u"/api/v1/crates"_s
                                                           : u"/dl/%1/%2/download"_s.arg(Crate, Version);
        server.setRoute(path, {answer});
        QTemporaryDir downloads;
        const QString target = downloads.filePath(u"hostile.crate"_s);

        RegistryClient registry(feed, m_http.get(), m_cache.get(), nullptr);
        registry.setMaxCrateBytes(MaxCrateBytes);
        QElapsedTimer timer;
        timer.start();
        const Outcome outcome = run(Fetch(fetch) == Fetch::Config ? registry.fetchConfig()
                                    : Fetch(fetch) == Fetch::Index ? registry.fetchIndex(Crate)
                                    : Fetch(fetch) == Fetch::Api   ? registry.listCrates()
                                                                   : registry.download(Crate, Version, QString::fromLatin1(cksum), target));
        const QString message = outcome.error.message;
        QVERIFY2(outcome.error.kind == RegistryError::Kind::TooLarge,
                 qPrintable(u"kind %1 after %2 requests: %3"_s.arg(int(outcome.error.kind)).arg(server.requests(path).size()).arg(message)));
        QVERIFY2(message.contains(server.url(path).toDisplayString()) && message.contains(limitText(limit)), qPrintable(message));
        QCOMPARE(server.requests(path).size(), 1); // a cap is final: no retry
        QVERIFY(!cacheAnswer(m_cache->get(feed.indexUrl.toString(), indexPath)));
        const QString key = feed.indexUrl.toString();
        QCOMPARE(cacheAnswer(m_cache->run([key](IndexCacheStore *store) { return store->count(key); })),
                 Fetch(fetch) == Fetch::Config ? 0 : 1); // config.json at most
        QCOMPARE(filesIn(downloads.path()), QStringList());
        qInfo("refused after %lld ms", timer.elapsed());
    }

    // A gzip body cut short is never taken for a whole index file: it is fetched again or it
    // fails, and a failure keeps nothing. A cut that leaves whole lines would otherwise hide the
    // newest versions (and yanks) behind a file that parses.
    void cutGzipIndexFilesAreNeverTakenAsComplete_data()
    {
        QTest::addColumn<bool>("h2");
        QTest::addColumn<QList<R>>("script");
        QTest::addColumn<bool>("mayRecover");
        const QByteArray file = indexFile(Crate, 400);
        const R whole = gzipped(R::ok(file, "text/plain"));
        const qsizetype half = whole.body.size() / 2;
        R cut = whole;
        cut.body.truncate(half); // the gzip stream ends early; Content-Length says so truthfully
        R reset = R::resetMidBody(whole.body, half).withHeader("Content-Encoding", "gzip");
        R closed = R::truncatedBody(whole.body, half).withHeader("Content-Encoding", "gzip");
        addRowOverEachTransport("gzip stream cut, framing complete, then whole", QList<R>{cut, whole}, true);
        addRowOverEachTransport("gzip stream cut, framing complete, always", QList<R>{cut}, false);
        addRowOverEachTransport("gzip body reset mid-body, then whole", QList<R>{reset, whole}, true);
        addRowOverEachTransport("gzip body reset mid-body, always", QList<R>{reset}, false);
        addRowOverEachTransport("gzip body closed mid-body, then whole", QList<R>{closed, whole}, true);
        addRowOverEachTransport("gzip body closed mid-body, always", QList<R>{closed}, false);
    }

    void cutGzipIndexFilesAreNeverTakenAsComplete()
    {
        QFETCH(bool, h2);
        QFETCH(QList<R>, script);
        QFETCH(bool, mayRecover);
        Server server(Server::kindFor(h2));
        const Feed feed = feedOn(server);
        const QString indexPath = CrateName::indexPath(Crate);
        server.setRoute(u"/index/"_s + indexPath, script);
        RegistryClient registry(feed, m_http.get(), m_cache.get(), nullptr);
        const Outcome outcome = run(registry.fetchIndex(Crate));
        const std::optional<IndexCache::Entry> cached = cacheAnswer(m_cache->get(feed.indexUrl.toString(), indexPath));
        if (outcome.error) {
            QVERIFY2(!cached, "a failed fetch left its file in the cache");
            return;
        }
        QVERIFY2(mayRecover, qPrintable(u"a cut gzip body was taken as the whole file: %1 of 400 versions"_s.arg(outcome.entries.size())));
        QCOMPARE(outcome.entries.size(), 400);
        QVERIFY(cached);
        QCOMPARE(cached->body, indexFile(Crate, 400));
    }

    // A fault while a .crate streams to disk: the file appears only whole and verified.
    void faultsDuringADownloadLeaveNoFile_data()
    {
        QTest::addColumn<bool>("h2");
        QTest::addColumn<QList<R>>("script");
        QTest::addColumn<int>("errorKind"); // -1: it succeeds
        const QByteArray crate = randomBytes(256 * KiB);
        const R whole = R::ok(crate, "application/octet-stream");
        const R reset = R::resetMidBody(crate, 100 * KiB);
        const R closed = R::truncatedBody(crate, 100 * KiB);
        const R corrupt = R::ok(randomBytes(256 * KiB + 4), "application/octet-stream");
        const int network = int(RegistryError::Kind::Network);
        const int checksum = int(RegistryError::Kind::Checksum);
        addRowOverEachTransport("reset mid-body, then whole", QList<R>{reset, whole}, -1);
        addRowOverEachTransport("closed mid-body, then whole", QList<R>{closed, whole}, -1);
        addRowOverEachTransport("reset mid-body, always", QList<R>{reset}, network);
        addRowOverEachTransport("closed mid-body, always", QList<R>{closed}, network);
        addRowOverEachTransport("checksum mismatch", QList<R>{corrupt}, checksum);
        addRowOverEachTransport("reset, then a checksum mismatch", QList<R>{reset, corrupt}, checksum);
    }

    void faultsDuringADownloadLeaveNoFile()
    {
        QFETCH(bool, h2);
        QFETCH(QList<R>, script);
        QFETCH(int, errorKind);
        Server server(Server::kindFor(h2));
        const Feed feed = feedOn(server);
        const QByteArray crate = randomBytes(256 * KiB);
        server.setRoute(u"/dl/%1/%2/download"_s.arg(Crate, Version), script);
        QTemporaryDir downloads;
        const QString target = downloads.filePath(u"hostile-1.0.0.crate"_s);
        RegistryClient registry(feed, m_http.get(), nullptr, nullptr);
        const Outcome outcome = run(registry.download(Crate, Version, QString::fromLatin1(sha256(crate)), target));
        if (errorKind >= 0) {
            QCOMPARE(int(outcome.error.kind), errorKind);
            QCOMPARE(filesIn(downloads.path()), QStringList());
            return;
        }
        QVERIFY2(!outcome.error, qPrintable(outcome.error.message));
        QCOMPARE(filesIn(downloads.path()), QStringList{u"hostile-1.0.0.crate"_s});
        QFile file(target);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(sha256(file.readAll()), sha256(crate));
    }

    // Retry-After as an HTTP date is waited for; a pause beyond the cap is reported at once.
    void retryAfterDatesAndTheCap_data()
    {
        QTest::addColumn<bool>("h2");
        QTest::addColumn<int>("aheadSeconds");
        QTest::addColumn<bool>("asDate");
        QTest::addColumn<bool>("retried");
        addRowOverEachTransport("HTTP date 2 s ahead: waited for", 2, true, true);
        addRowOverEachTransport("HTTP date in the past: retried at once", -60, true, true);
        addRowOverEachTransport("3600 s, beyond the cap: reported", 3600, false, false);
        addRowOverEachTransport("HTTP date an hour ahead, beyond the cap: reported", 3600, true, false);
    }

    void retryAfterDatesAndTheCap()
    {
        QFETCH(bool, h2);
        QFETCH(int, aheadSeconds);
        QFETCH(bool, asDate);
        QFETCH(bool, retried);
        const QByteArray retryAfter = asDate ? QLocale::c()
                                                   .toString(QDateTime::currentDateTimeUtc().addSecs(aheadSeconds),
                                                             u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s)
                                                   .toLatin1()
                                             : QByteArray::number(aheadSeconds);
        Server server(Server::kindFor(h2));
        server.setRoute(u"/busy"_s, {R::make(503, "busy").withHeader("Retry-After", retryAfter), R::ok("done")});
        HttpRequest request;
        request.url = server.url(u"/busy"_s);
        QElapsedTimer timer;
        timer.start();
        const HttpResponse response = fetch(m_http.get(), request, 10000);
        const QList<FaultServer::Request> seen = server.requests(u"/busy"_s);
        QCOMPARE(seen.size(), retried ? 2 : 1);
        if (!retried) {
            QCOMPARE(response.error.kind, RegistryError::Kind::Http);
            QCOMPARE(response.status, 503);
            QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
            return;
        }
        QVERIFY2(!response.error, qPrintable(response.error.message));
        const qint64 gap = seen.at(1).arrivedMs - seen.at(0).arrivedMs;
        // The date has whole seconds: 2 s ahead is at least 1 s away.
        QVERIFY2(aheadSeconds > 0 ? gap >= 900 : gap < 900, qPrintable(QString::number(gap)));
    }

    // The classic faults on an in-memory GET, over HTTP/2 as over HTTP/1.1 (where
    // tst_registryclient covers them): retried when a retry can help, never taken as whole.
    void faultsOnEachTransport_data()
    {
        QTest::addColumn<bool>("h2");
        QTest::addColumn<QList<R>>("script");
        QTest::addColumn<int>("requests");
        QTest::addColumn<int>("errorKind"); // -1: it succeeds
        const QByteArray body = indexFile(Crate, 50);
        const R whole = R::ok(body, "text/plain");
        R shortBody = R::ok(body.left(body.size() / 2), "text/plain").withHeader("Content-Length", QByteArray::number(body.size()));
        R stalled = R::stallBody(body, 100);
        const int network = int(RegistryError::Kind::Network);
        addRowOverEachTransport("503, then whole", QList<R>{R::make(503), whole}, 2, -1);
        addRowOverEachTransport("reset mid-body, then whole", QList<R>{R::resetMidBody(body, 100), whole}, 2, -1);
        addRowOverEachTransport("closed mid-body, then whole", QList<R>{R::truncatedBody(body, 100), whole}, 2, -1);
        // HTTP/2 only: over HTTP/1.1 this is a stall, and "closed mid-body" is its clean end.
        QTest::addRow("h2: DATA ends before its content-length, always") << true << QList<R>{shortBody} << 4 << network;
        addRowOverEachTransport("stalled mid-body", QList<R>{stalled}, 1, int(RegistryError::Kind::Timeout));
    }

    void faultsOnEachTransport()
    {
        QFETCH(bool, h2);
        QFETCH(QList<R>, script);
        QFETCH(int, requests);
        QFETCH(int, errorKind);
        Server server(Server::kindFor(h2));
        server.setRoute(u"/file"_s, script);
        HttpRequest request;
        request.url = server.url(u"/file"_s);
        request.timeoutMs = 500;
        request.maxRetries = errorKind == int(RegistryError::Kind::Timeout) ? 0 : 3;
        const HttpResponse response = fetch(m_http.get(), request);
        QCOMPARE(server.requests(u"/file"_s).size(), requests);
        QCOMPARE(response.http2, h2);
        if (errorKind >= 0) {
            QCOMPARE(int(response.error.kind), errorKind);
            QVERIFY(response.body.isEmpty());
            return;
        }
        QVERIFY2(!response.error, qPrintable(response.error.message));
        QCOMPARE(response.body, indexFile(Crate, 50));
    }
};

QTEST_GUILESS_MAIN(TestHostileResponses)
#include "tst_hostileresponses.moc"
