// SPDX-License-Identifier: GPL-3.0-or-later
// Two local feeds over real HTTP on 127.0.0.1, the second with a connector to the first:
// index files and crates come through from the upstream with its cksum, are cached and
// revalidated with ETags, a name the feed holds is never served from upstream, filters, the approved list and license rules
// leave crates and versions out with a reason, and the cache answers once the upstream is gone.
#include "curation/connectorconfig.h"
#include "localfeed/connectorstore.h"
#include "localfeed/feedstore.h"
#include "localfeed/localfeed.h"
#include "localfeed/upstreamconnector.h"
#include "net/httpclient.h"
#include "faultserver.h"
#include "feedhttpclient.h"
#include "testcrate.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using Headers = QList<QPair<QByteArray, QByteArray>>;

namespace {

// The versions of an index file a new resolution may pick (yanked == false), or the others.
QStringList versionsOf(const QByteArray &indexBody, bool yanked = false)
{
    QStringList versions;
    for (const QByteArray &line : indexBody.split('\n')) {
        const QJsonObject entry = QJsonDocument::fromJson(line).object();
        if (!line.isEmpty() && entry.value(u"yanked"_s).toBool() == yanked)
            versions << entry.value(u"vers"_s).toString();
    }
    return versions;
}

QByteArray lineOf(const QByteArray &indexBody, const QString &vers)
{
    for (const QByteArray &line : indexBody.split('\n'))
        if (QJsonDocument::fromJson(line).object().value(u"vers"_s).toString() == vers)
            return line;
    return {};
}

} // namespace

class TestLocalConnector : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_upDir;
    QTemporaryDir m_downDir;
    std::unique_ptr<LocalFeed> m_up;
    std::unique_ptr<LocalFeed> m_down;
    std::unique_ptr<FeedHttpClient> m_upHttp;
    std::unique_ptr<FeedHttpClient> m_http;
    QByteArray m_upToken;
    QByteArray m_downToken;

    static std::unique_ptr<LocalFeed> startFeed(const QString &dir)
    {
        FeedServerOptions options;
        options.dataDir = dir;
        options.port = 0;
        auto feed = std::make_unique<LocalFeed>(options);
        const FeedError error = feed->start();
        if (error)
            qWarning().noquote() << error.detail;
        return error ? nullptr : std::move(feed);
    }

    static QByteArray token(LocalFeed *feed)
    {
        QString token;
        feed->store()->createToken(u"alice"_s, &token);
        return token.toLatin1();
    }

    void publish(FeedHttpClient *http, const QByteArray &token, const TestCrate &crate)
    {
        const auto reply = http->send("PUT", u"api/v1/crates/new"_s, crate.publishBody(), {{"Authorization", token}});
        QVERIFY2(reply.status == 200, qPrintable(u"publish %1@%2: %3 %4"_s.arg(crate.name, crate.vers).arg(reply.status).arg(reply.detail())));
    }

    void setConnector(const ConnectorConfig &config)
    {
        // Replaced, not removed and added: removing a connector drops its cache.
        for (const ConnectorConfig &existing : m_down->connectorStore()->connectors())
            if (existing.name != config.name)
                m_down->connectorStore()->removeConnector(existing.name);
        const FeedError error = m_down->connectorStore()->saveConnector(config);
        QVERIFY2(!error, qPrintable(error.detail));
        m_down->reloadConnectors();
    }

    ConnectorConfig baseConfig() const
    {
        ConnectorConfig config;
        config.name = u"up"_s;
        config.indexUrl = m_upHttp->base();
        config.cacheSeconds = 0; // revalidate every time: each request exercises the upstream
        return config;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_upDir.isValid() && m_downDir.isValid());
        m_up = startFeed(m_upDir.path());
        m_down = startFeed(m_downDir.path());
        QVERIFY(m_up && m_down);
        m_upHttp = std::make_unique<FeedHttpClient>(m_up->indexUrl());
        m_http = std::make_unique<FeedHttpClient>(m_down->indexUrl());
        m_upToken = token(m_up.get());
        m_downToken = token(m_down.get());
        publish(m_upHttp.get(), m_upToken, TestCrate(u"up-only"_s, u"0.1.0"_s));
        publish(m_upHttp.get(), m_upToken, TestCrate(u"up-only"_s, u"0.2.0"_s));
        publish(m_upHttp.get(), m_upToken, TestCrate(u"shared-crate"_s, u"1.0.0"_s));
        publish(m_upHttp.get(), m_upToken, TestCrate(u"shared-crate"_s, u"1.1.0"_s));
        TestCrate gpl(u"lic-demo"_s, u"0.2.0"_s);
        gpl.license = "GPL-3.0-only";
        gpl.extraMetadata = {{u"license"_s, u"GPL-3.0-only"_s}};
        publish(m_upHttp.get(), m_upToken, TestCrate(u"lic-demo"_s, u"0.1.0"_s));
        publish(m_upHttp.get(), m_upToken, gpl);
        TestCrate dual(u"lic-demo"_s, u"0.3.0"_s);
        dual.license = "MIT OR GPL-3.0-only";
        dual.extraMetadata = {{u"license"_s, u"MIT OR GPL-3.0-only"_s}};
        publish(m_upHttp.get(), m_upToken, dual);
        publish(m_upHttp.get(), m_upToken, TestCrate(u"blocked-thing"_s, u"1.0.0"_s));
        // The local feed itself holds shared-crate 1.0.0 with other bytes.
        TestCrate local(u"shared-crate"_s, u"1.0.0"_s);
        local.description = u"the local build"_s;
        publish(m_http.get(), m_downToken, local);
        setConnector(baseConfig());
    }

    void crateJsonNamesLicenses()
    {
        const auto reply = m_upHttp->get(u"api/v1/crates/lic-demo"_s);
        QCOMPARE(reply.status, 200);
        const QJsonArray versions = reply.json().object().value(u"versions"_s).toArray();
        QCOMPARE(versions.size(), 3);
        QCOMPARE(versions.at(1).toObject().value(u"license"_s).toString(), u"GPL-3.0-only"_s);
    }

    void indexComesFromUpstream()
    {
        const auto upstream = m_upHttp->get(u"up/-o/up-only"_s);
        QCOMPARE(upstream.status, 200);
        const auto reply = m_http->get(u"up/-o/up-only"_s);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.body, upstream.body);
        QVERIFY(!reply.header("ETag").isEmpty());
        // Revalidation against our own ETag.
        const auto again = m_http->get(u"up/-o/up-only"_s, {{"If-None-Match", reply.header("ETag")}});
        QCOMPARE(again.status, 304);
        // config.json stays the local feed's: cargo downloads from it only.
        const auto config = m_http->get(u"config.json"_s);
        QVERIFY(config.json().object().value(u"dl"_s).toString().startsWith(m_down->indexUrl().toString()));
    }

    void downloadIsCheckedAndCached()
    {
        const auto reply = m_http->get(u"api/v1/crates/up-only/0.2.0/download"_s);
        QCOMPARE(reply.status, 200);
        const QByteArray line = lineOf(m_upHttp->get(u"up/-o/up-only"_s).body, u"0.2.0"_s);
        const QString cksum = QJsonDocument::fromJson(line).object().value(u"cksum"_s).toString();
        QCOMPARE(QString::fromLatin1(QCryptographicHash::hash(reply.body, QCryptographicHash::Sha256).toHex()), cksum);
        const auto cached = m_down->connectorStore()->cachedCrate(u"up"_s, u"up-only"_s, u"0.2.0"_s);
        QVERIFY(cached);
        QCOMPARE(cached->license, u"MIT"_s);
        QVERIFY(QFile::exists(cached->path));
    }

    void aLocalNameIsNeverServedFromUpstream()
    {
        // Dependency confusion: the upstream also has shared-crate, with a newer 1.1.0. The local
        // feed holds the name, so cargo sees the local versions only and 1.1.0 does not exist.
        const auto reply = m_http->get(u"sh/ar/shared-crate"_s);
        QCOMPARE(reply.status, 200);
        QCOMPARE(versionsOf(reply.body), QStringList({u"1.0.0"_s}));
        const QByteArray localLine = lineOf(reply.body, u"1.0.0"_s);
        const QByteArray upstreamLine = lineOf(m_upHttp->get(u"sh/ar/shared-crate"_s).body, u"1.0.0"_s);
        QVERIFY(localLine != upstreamLine); // other bytes, other cksum: the local one is served
        QString path;
        QVERIFY(!m_down->store()->crateFile(u"shared-crate"_s, u"1.0.0"_s, &path));
        QFile local(path);
        QVERIFY(local.open(QIODevice::ReadOnly));
        QCOMPARE(m_http->get(u"api/v1/crates/shared-crate/1.0.0/download"_s).body, local.readAll());
        const auto upstreamOnly = m_http->get(u"api/v1/crates/shared-crate/1.1.0/download"_s);
        QCOMPARE(upstreamOnly.status, 404);
        QVERIFY(!m_down->connectorStore()->cachedCrate(u"up"_s, u"shared-crate"_s, u"1.1.0"_s));
        QVERIFY(!m_down->connectorStore()->pin(u"shared-crate"_s)); // nothing was served from upstream
    }

    void unknownCrateIsNotFound()
    {
        const auto reply = m_http->get(u"no/ne/nonexistent"_s);
        QCOMPARE(reply.status, 404);
        QVERIFY2(reply.detail().contains(u"the upstream has no crate"_s), qPrintable(reply.detail()));
    }

    void filters_data()
    {
        QTest::addColumn<QStringList>("filters");
        QTest::addColumn<QString>("crate");
        QTest::addColumn<bool>("served");
        QTest::addColumn<QString>("reason");
        QTest::newRow("block wildcard") << QStringList{u"!blocked-*"_s} << u"blocked-thing"_s << false << u"!blocked-*"_s;
        QTest::newRow("block spares others") << QStringList{u"!blocked-*"_s} << u"up-only"_s << true << QString();
        QTest::newRow("allow list") << QStringList{u"up-*"_s} << u"blocked-thing"_s << false << u"none of the connector's allow filters"_s;
        QTest::newRow("allow list match") << QStringList{u"up-*"_s} << u"up-only"_s << true << QString();
        QTest::newRow("block beats allow") << QStringList{u"*"_s, u"!up_only"_s} << u"up-only"_s << false << u"!up_only"_s;
    }

    void filters()
    {
        QFETCH(QStringList, filters);
        QFETCH(QString, crate);
        QFETCH(bool, served);
        QFETCH(QString, reason);
        ConnectorConfig config = baseConfig();
        config.filters = filters;
        setConnector(config);
        const QString path = crate == u"up-only"_s ? u"up/-o/up-only"_s : u"bl/oc/blocked-thing"_s;
        const auto reply = m_http->get(path);
        QCOMPARE(reply.status, served ? 200 : 404);
        if (!served) {
            QVERIFY2(reply.detail().contains(reason), qPrintable(reply.detail()));
            const auto report = m_http->get(u"cratedesk/v1/curation/"_s + crate).json().object();
            QVERIFY2(report.value(u"reason"_s).toString().contains(reason), qPrintable(report.value(u"reason"_s).toString()));
            QCOMPARE(m_http->get(u"api/v1/crates/%1/1.0.0/download"_s.arg(crate)).status, 404);
        }
    }

    void approvedList()
    {
        ConnectorConfig config = baseConfig();
        config.approved = {{u"up-only"_s, u"^0.1"_s}};
        setConnector(config);
        const auto reply = m_http->get(u"up/-o/up-only"_s);
        QCOMPARE(reply.status, 200);
        QCOMPARE(versionsOf(reply.body), QStringList{u"0.1.0"_s});
        // Refused is yanked, not gone: a lockfile that pins it hears why from the download.
        QCOMPARE(versionsOf(reply.body, true), QStringList{u"0.2.0"_s});
        const auto report = m_http->get(u"cratedesk/v1/curation/up-only"_s).json().object();
        const QJsonArray hidden = report.value(u"hidden"_s).toArray();
        QCOMPARE(hidden.size(), 1);
        QVERIFY(hidden.at(0).toObject().value(u"reason"_s).toString().contains(u"outside the approved ^0.1"_s));
        QCOMPARE(hidden.at(0).toObject().value(u"status"_s).toString(), u"blocked"_s);
        const auto download = m_http->get(u"api/v1/crates/up-only/0.2.0/download"_s);
        QCOMPARE(download.status, 451);
        QVERIFY2(download.body.contains("outside the approved ^0.1") && download.body.contains("cargo update -p up-only@0.2.0 --precise 0.1.0"),
                 download.body.constData());
        QCOMPARE(m_http->get(u"bl/oc/blocked-thing"_s).status, 404);
    }

    void licenseRules_data()
    {
        QTest::addColumn<QStringList>("allowed");
        QTest::addColumn<QStringList>("blocked");
        QTest::addColumn<bool>("allowUnknown");
        QTest::addColumn<QStringList>("served");
        QTest::newRow("block GPL") << QStringList{} << QStringList{u"GPL-3.0-only"_s} << true << QStringList{u"0.1.0"_s, u"0.3.0"_s};
        QTest::newRow("only GPL allowed") << QStringList{u"GPL-3.0-only"_s} << QStringList{} << false << QStringList{u"0.2.0"_s, u"0.3.0"_s};
        QTest::newRow("MIT allowed, unknown fails") << QStringList{u"MIT"_s} << QStringList{} << false << QStringList{u"0.1.0"_s, u"0.3.0"_s};
        QTest::newRow("nothing known") << QStringList{u"Apache-2.0"_s} << QStringList{} << false << QStringList{};
    }

    void licenseRules()
    {
        QFETCH(QStringList, allowed);
        QFETCH(QStringList, blocked);
        QFETCH(bool, allowUnknown);
        QFETCH(QStringList, served);
        ConnectorConfig config = baseConfig();
        config.licenses = {allowed, blocked, allowUnknown};
        setConnector(config);
        const auto reply = m_http->get(u"li/c-/lic-demo"_s);
        QCOMPARE(reply.status, 200);
        QCOMPARE(versionsOf(reply.body), served);
        QCOMPARE(versionsOf(reply.body).size() + versionsOf(reply.body, true).size(), 3);
        const auto report = m_http->get(u"cratedesk/v1/curation/lic-demo"_s).json().object();
        QCOMPARE(report.value(u"hidden"_s).toArray().size(), 3 - served.size());
        for (const QString &vers : {u"0.1.0"_s, u"0.2.0"_s, u"0.3.0"_s}) {
            const int status = m_http->get(u"api/v1/crates/lic-demo/%1/download"_s.arg(vers)).status;
            QCOMPARE(status, served.contains(vers) ? 200 : 451);
        }
    }

    // An upstream without a web API: the license comes from each crate's Cargo.toml.
    void licenseFromCrateWithoutApi()
    {
        FaultServer plain;
        QVERIFY(plain.isListening());
        const QString base = plain.baseUrl().toString();
        plain.setRoute(u"/config.json"_s, {FaultServer::Response::ok(QByteArray("{\"dl\":\"" + base.toUtf8() + "/dl/{crate}/{version}\"}"))});
        QByteArray index;
        for (const auto &[vers, license] : {std::pair{u"0.1.0"_s, "MIT"_ba}, std::pair{u"0.2.0"_s, "GPL-3.0-only"_ba}}) {
            TestCrate crate(u"noapi-crate"_s, vers);
            crate.license = license;
            const QByteArray bytes = crate.crateBytes();
            const QJsonObject line{{u"name"_s, u"noapi-crate"_s}, {u"vers"_s, vers}, {u"deps"_s, QJsonArray()},
                                   {u"cksum"_s, QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex())},
                                   {u"features"_s, QJsonObject()}, {u"yanked"_s, false}};
            index += QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
            plain.setRoute(u"/dl/noapi-crate/"_s + vers, {FaultServer::Response::ok(bytes, "application/gzip")});
        }
        plain.setRoute(u"/no/ap/noapi-crate"_s, {FaultServer::Response::ok(index, "text/plain")});
        ConnectorConfig config = baseConfig();
        config.name = u"plain"_s;
        config.indexUrl = QUrl(base + u'/');
        config.licenses.blocked = {u"GPL-3.0-only"_s};
        // Beside "up" (which does not have the crate), so that up's cache stays.
        QVERIFY(!m_down->connectorStore()->saveConnector(config));
        m_down->reloadConnectors();
        const auto reply = m_http->get(u"no/ap/noapi-crate"_s);
        QCOMPARE(reply.status, 200);
        QCOMPARE(versionsOf(reply.body), QStringList{u"0.1.0"_s});
        const QByteArray report = m_http->get(u"cratedesk/v1/curation/noapi-crate"_s).body;
        QVERIFY2(report.contains("GPL-3.0-only is blocked"), report.constData());
        QCOMPARE(m_http->get(u"api/v1/crates/noapi-crate/0.1.0/download"_s).status, 200);
        QCOMPARE(m_http->get(u"api/v1/crates/noapi-crate/0.2.0/download"_s).status, 451);
        m_down->connectorStore()->removeConnector(u"plain"_s);
        m_down->reloadConnectors();
    }

    // A connector changed while cargo waits for its upstream: cargo gets an answer at once.
    void reloadWhileWaiting()
    {
        FaultServer slow;
        QVERIFY(slow.isListening());
        slow.setRoute(u"/config.json"_s, {FaultServer::Response::ok(QByteArray("{\"dl\":\"" + slow.baseUrl().toString().toUtf8() + "/dl\"}"))});
        slow.setRoute(u"/sl/ow/slow-crate"_s, {FaultServer::Response::delayed(20000, FaultServer::Response::ok("", "text/plain"))});
        ConnectorConfig config = baseConfig();
        config.name = u"slow"_s;
        config.indexUrl = QUrl(slow.baseUrl().toString() + u'/');
        QVERIFY(!m_down->connectorStore()->saveConnector(config));
        m_down->reloadConnectors();
        QNetworkAccessManager nam;
        QNetworkReply *reply = nam.get(QNetworkRequest(m_down->indexUrl().resolved(QUrl(u"sl/ow/slow-crate"_s))));
        QTRY_VERIFY(!slow.requests().isEmpty());
        m_down->connectorStore()->removeConnector(u"slow"_s);
        m_down->reloadConnectors();
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(reply->isFinished() || finished.wait(5000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 503);
        QVERIFY(reply->readAll().contains("removed or changed"));
        reply->deleteLater();
    }

    // The credentials a connector was given go to its upstream's origin on every request, also
    // where config.json leaves auth-required out (as Nexus does); a download from another
    // origin (a CDN) never sees them.
    void credentialsStayWithTheUpstreamOrigin()
    {
        FaultServer upstream;
        FaultServer cdn;
        QVERIFY(upstream.isListening() && cdn.isListening());
        TestCrate crate(u"cdn-crate"_s, u"1.0.0"_s);
        const QByteArray bytes = crate.crateBytes();
        const QString cksum = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
        const QJsonObject line{{u"name"_s, u"cdn-crate"_s}, {u"vers"_s, u"1.0.0"_s}, {u"deps"_s, QJsonArray()},
                               {u"cksum"_s, cksum}, {u"features"_s, QJsonObject()}, {u"yanked"_s, false}};
        upstream.setRoute(u"/config.json"_s, {FaultServer::Response::ok("{\"dl\":\"" + cdn.baseUrl().toString().toUtf8() + "/dl\"}")});
        upstream.setRoute(u"/cd/n-/cdn-crate"_s, {FaultServer::Response::ok(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n', "text/plain")});
        cdn.setRoute(u"/dl/cdn-crate/1.0.0/download"_s, {FaultServer::Response::ok(bytes, "application/gzip")});

        ConnectorConfig config = baseConfig();
        config.indexUrl = QUrl(upstream.baseUrl().toString() + u'/');
        config.auth = ConnectorConfig::Auth::Token;
        QNetworkAccessManager nam;
        HttpClient http(&nam);
        UpstreamConnector connector(config, nullptr, &http);
        connector.setSecret("s3cret-token");
        std::optional<UpstreamConnector::Index> index;
        connector.index(u"cdn-crate"_s, [&](const UpstreamConnector::Index &result) { index = result; });
        QTRY_VERIFY(index);
        QCOMPARE(index->state, UpstreamConnector::Index::State::Found);
        std::optional<UpstreamConnector::Download> download;
        connector.crate(u"cdn-crate"_s, u"1.0.0"_s, cksum, [&](const UpstreamConnector::Download &result) { download = result; });
        QTRY_VERIFY(download);
        QVERIFY2(!download->error, qPrintable(download->error.message));
        QFile::remove(download->path);

        QCOMPARE(upstream.requests().size(), 2); // config.json and the index file
        for (const auto &request : upstream.requests())
            QCOMPARE(request.header("Authorization"), "s3cret-token"_ba);
        QCOMPARE(cdn.requests().size(), 1);
        QVERIFY(!cdn.requests().constFirst().hasHeader("Authorization"));
    }

    // One index line of `name`; pubtime as given (empty: none).
    static QByteArray upstreamLine(const QString &name, const QString &vers, const QString &cksum, const QString &pubtime = {})
    {
        QJsonObject line{{u"name"_s, name}, {u"vers"_s, vers}, {u"deps"_s, QJsonArray()}, {u"cksum"_s, cksum},
                         {u"features"_s, QJsonObject()}, {u"yanked"_s, false}};
        if (!pubtime.isEmpty())
            line.insert(u"pubtime"_s, pubtime);
        return QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
    }

    static QString isoDaysAgo(double days)
    {
        return QDateTime::currentDateTimeUtc().addSecs(qint64(-days * 86400)).toString(u"yyyy-MM-ddTHH:mm:ssZ"_s);
    }

    // A connector with a release-age delay holds young versions: yanked in the index (a new
    // resolution takes the older one), 403 with Retry-After and the way on at the download.
    // Age from a plausible pubtime; none, one in the future or one before 2014 count from
    // when the feed first saw the version (now). An exception is never held.
    void youngVersionsAreHeldUntilTheyComeOfAge()
    {
        FaultServer upstream;
        QVERIFY(upstream.isListening());
        upstream.setRoute(u"/config.json"_s, {FaultServer::Response::ok("{\"dl\":\"" + upstream.baseUrl().toString().toUtf8() + "/dl\"}")});
        const QString sum = QString(64, u'a');
        upstream.setRoute(u"/fr/es/fresh-crate"_s, {FaultServer::Response::ok(
            upstreamLine(u"fresh-crate"_s, u"1.0.0"_s, sum, u"2020-05-01T10:00:00Z"_s)
                + upstreamLine(u"fresh-crate"_s, u"1.1.0"_s, sum, isoDaysAgo(2))
                + upstreamLine(u"fresh-crate"_s, u"1.2.0"_s, sum)
                + upstreamLine(u"fresh-crate"_s, u"1.3.0"_s, sum, u"2999-01-01T00:00:00Z"_s)
                + upstreamLine(u"fresh-crate"_s, u"1.4.0"_s, sum, u"2010-01-01T00:00:00Z"_s)
                + upstreamLine(u"fresh-crate"_s, u"1.5.0"_s, sum, isoDaysAgo(1)),
            "text/plain")});
        ConnectorConfig config = baseConfig();
        config.name = u"aged"_s;
        config.indexUrl = QUrl(upstream.baseUrl().toString() + u'/');
        config.minAgeDays = 7;
        config.ageExceptions = {{u"fresh-crate"_s, u"=1.5.0"_s}};
        // Beside "up" (which does not have the crate), so that up's cache stays.
        QVERIFY(!m_down->connectorStore()->saveConnector(config));
        m_down->reloadConnectors();

        const auto index = m_http->get(u"fr/es/fresh-crate"_s);
        QCOMPARE(index.status, 200);
        QCOMPARE(versionsOf(index.body), QStringList({u"1.0.0"_s, u"1.5.0"_s}));
        QCOMPARE(versionsOf(index.body, true), QStringList({u"1.1.0"_s, u"1.2.0"_s, u"1.3.0"_s, u"1.4.0"_s}));

        const auto held = m_http->get(u"api/v1/crates/fresh-crate/1.1.0/download"_s);
        QCOMPARE(held.status, 403);
        const qint64 retryAfter = held.header("Retry-After").toLongLong();
        QVERIFY2(retryAfter > 4 * 86400 && retryAfter <= 5 * 86400, held.header("Retry-After").constData());
        QVERIFY2(held.body.contains("held by connector aged until") && held.body.contains("holds new versions for 7 days")
                     && held.body.contains("cargo update -p fresh-crate@1.1.0 --precise 1.5.0"),
                 held.body.constData());
        QCOMPARE(m_http->get(u"api/v1/crates/fresh-crate/1.2.0/download"_s).status, 403);

        const QJsonArray hidden = m_http->get(u"cratedesk/v1/curation/fresh-crate"_s).json().object().value(u"hidden"_s).toArray();
        QCOMPARE(hidden.size(), 4);
        for (const QJsonValue &value : hidden) {
            QCOMPARE(value.toObject().value(u"status"_s).toString(), u"held"_s);
            const QDateTime until = QDateTime::fromString(value.toObject().value(u"until"_s).toString(), Qt::ISODate);
            QVERIFY(until > QDateTime::currentDateTimeUtc().addDays(4) && until <= QDateTime::currentDateTimeUtc().addDays(7));
        }
        m_down->connectorStore()->removeConnector(u"aged"_s);
        m_down->reloadConnectors();
    }

    // With a RustSec advisory database, what it calls malicious is blocked (451 naming the
    // advisory) whatever else allows it; other advisories are reported, never blocked.
    void maliciousVersionsAreBlockedByAdvisories()
    {
        FaultServer upstream;
        QVERIFY(upstream.isListening());
        upstream.setRoute(u"/config.json"_s, {FaultServer::Response::ok("{\"dl\":\"" + upstream.baseUrl().toString().toUtf8() + "/dl\"}")});
        const QString sum = QString(64, u'c');
        upstream.setRoute(u"/ev/il/evil-crate"_s, {FaultServer::Response::ok(upstreamLine(u"evil-crate"_s, u"1.0.0"_s, sum), "text/plain")});
        upstream.setRoute(u"/pa/rt/partly-bad"_s, {FaultServer::Response::ok(upstreamLine(u"partly-bad"_s, u"1.4.0"_s, sum)
                                                                                   + upstreamLine(u"partly-bad"_s, u"1.4.1"_s, sum)
                                                                                   + upstreamLine(u"partly-bad"_s, u"1.4.2"_s, sum),
                                                                               "text/plain")});
        upstream.setRoute(u"/un/so/unsound-crate"_s, {FaultServer::Response::ok(upstreamLine(u"unsound-crate"_s, u"1.0.0"_s, sum), "text/plain")});
        ConnectorConfig config = baseConfig();
        config.name = u"advised"_s;
        config.indexUrl = QUrl(upstream.baseUrl().toString() + u'/');
        config.advisoryDatabase = TestSupport::sourceDir() + u"/tests/fixtures/advisory-db"_s;
        QVERIFY(!m_down->connectorStore()->saveConnector(config));
        m_down->reloadConnectors();

        QCOMPARE(versionsOf(m_http->get(u"ev/il/evil-crate"_s).body, true), QStringList{u"1.0.0"_s});
        const auto evil = m_http->get(u"api/v1/crates/evil-crate/1.0.0/download"_s);
        QCOMPARE(evil.status, 451);
        QVERIFY2(evil.body.contains("RUSTSEC-2099-0001 says it is malicious code: Malicious code in evil-crate")
                     && evil.body.contains("since 2099-01-02") && evil.body.contains("serves no other version"),
                 evil.body.constData());

        const auto partly = m_http->get(u"pa/rt/partly-bad"_s);
        QCOMPARE(versionsOf(partly.body), QStringList({u"1.4.0"_s, u"1.4.2"_s}));
        QCOMPARE(versionsOf(partly.body, true), QStringList{u"1.4.1"_s});
        QVERIFY(m_http->get(u"api/v1/crates/partly-bad/1.4.1/download"_s).body.contains("--precise 1.4.2"));

        QCOMPARE(versionsOf(m_http->get(u"un/so/unsound-crate"_s).body), QStringList{u"1.0.0"_s});
        const QJsonArray served = m_http->get(u"cratedesk/v1/curation/unsound-crate"_s).json().object().value(u"served"_s).toArray();
        QCOMPARE(served.size(), 1);
        QCOMPARE(served.at(0).toObject().value(u"advisories"_s).toArray().at(0).toString(),
                 u"RUSTSEC-2099-0005: unsound-crate's Buffer::get reads out of bounds"_s);
        m_down->connectorStore()->removeConnector(u"advised"_s);
        m_down->reloadConnectors();
    }

    // Advisories that are no malware are blocked only from the severity the owner chose, by
    // their CVSS 3 score; one without a score it can compute (CVSS 4.0) is reported, not
    // blocked, whatever the threshold.
    void severeAdvisoriesAreBlockedFromTheChosenSeverity()
    {
        FaultServer upstream;
        QVERIFY(upstream.isListening());
        upstream.setRoute(u"/config.json"_s, {FaultServer::Response::ok("{\"dl\":\"" + upstream.baseUrl().toString().toUtf8() + "/dl\"}")});
        const QString sum = QString(64, u'c');
        for (const QString &name : {u"leaky-crate"_s, u"minor-crate"_s, u"v4-crate"_s}) {
            const QString path = u'/' + name.left(2) + u'/' + name.mid(2, 2) + u'/' + name;
            upstream.setRoute(path, {FaultServer::Response::ok(upstreamLine(name, u"1.0.0"_s, sum) + upstreamLine(name, u"2.0.0"_s, sum),
                                                               "text/plain")});
        }
        ConnectorConfig config = baseConfig();
        config.name = u"severe"_s;
        config.indexUrl = QUrl(upstream.baseUrl().toString() + u'/');
        config.advisoryDatabase = TestSupport::sourceDir() + u"/tests/fixtures/advisory-db"_s;
        config.blockSeverity = u"high"_s;
        QVERIFY(!m_down->connectorStore()->saveConnector(config));
        m_down->reloadConnectors();

        QCOMPARE(versionsOf(m_http->get(u"le/ak/leaky-crate"_s).body, true), QStringList{u"1.0.0"_s});
        const auto leaky = m_http->get(u"api/v1/crates/leaky-crate/1.0.0/download"_s);
        QCOMPARE(leaky.status, 451);
        QVERIFY2(leaky.body.contains("RUSTSEC-2099-0007 (CVSS 7.5, high): leaky-crate compares MACs in variable time")
                     && leaky.body.contains("blocks advisories of severity high and worse") && leaky.body.contains("--precise 2.0.0"),
                 leaky.body.constData());
        QCOMPARE(versionsOf(m_http->get(u"mi/no/minor-crate"_s).body, true), QStringList());
        QCOMPARE(versionsOf(m_http->get(u"v4/-c/v4-crate"_s).body, true), QStringList());

        config.blockSeverity = u"low"_s;
        QVERIFY(!m_down->connectorStore()->saveConnector(config));
        m_down->reloadConnectors();
        QCOMPARE(versionsOf(m_http->get(u"mi/no/minor-crate"_s).body, true), QStringList{u"1.0.0"_s});
        QCOMPARE(m_http->get(u"api/v1/crates/minor-crate/1.0.0/download"_s).status, 451);
        QCOMPARE(versionsOf(m_http->get(u"v4/-c/v4-crate"_s).body, true), QStringList());
        QStringList advised;
        for (const QJsonValue &version : m_http->get(u"cratedesk/v1/curation/v4-crate"_s).json().object().value(u"served"_s).toArray()) {
            for (const QJsonValue &advisory : version.toObject().value(u"advisories"_s).toArray())
                advised << version.toObject().value(u"vers"_s).toString() + u' ' + advisory.toString();
        }
        QCOMPARE(advised, QStringList{u"1.0.0 RUSTSEC-2099-0009: v4-crate runs code from its input (scored in CVSS 4.0 only)"_s});
        m_down->connectorStore()->removeConnector(u"severe"_s);
        m_down->reloadConnectors();
    }

    // The sha256 an upstream first listed for a version is the one it keeps: other bytes
    // later are refused (451) and listed as a change until an owner accepts them.
    void changedBytesAreRefusedUntilAccepted()
    {
        FaultServer upstream;
        QVERIFY(upstream.isListening());
        upstream.setRoute(u"/config.json"_s, {FaultServer::Response::ok("{\"dl\":\"" + upstream.baseUrl().toString().toUtf8() + "/dl\"}")});
        const QString first = QString(64, u'a');
        const QString second = QString(64, u'b');
        upstream.setRoute(u"/sh/if/shifty"_s, {FaultServer::Response::ok(upstreamLine(u"shifty"_s, u"1.0.0"_s, first), "text/plain"),
                                                FaultServer::Response::ok(upstreamLine(u"shifty"_s, u"1.0.0"_s, second), "text/plain")});
        ConnectorConfig config = baseConfig();
        config.name = u"shifty-up"_s;
        config.indexUrl = QUrl(upstream.baseUrl().toString() + u'/');
        QVERIFY(!m_down->connectorStore()->saveConnector(config));
        m_down->reloadConnectors();

        QCOMPARE(versionsOf(m_http->get(u"sh/if/shifty"_s).body), QStringList{u"1.0.0"_s});
        QSignalSpy noticed(m_down.get(), &LocalFeed::upstreamChanged);
        const auto changed = m_http->get(u"sh/if/shifty"_s);
        QCOMPARE(noticed.size(), 1); // the window hears of it (LocalFeedHost::connectorsChanged)
        QCOMPARE(noticed.first(), QVariantList({u"shifty-up"_s, u"shifty"_s, QStringList{u"1.0.0"_s}}));
        QCOMPARE(versionsOf(changed.body, true), QStringList{u"1.0.0"_s});
        const auto download = m_http->get(u"api/v1/crates/shifty/1.0.0/download"_s);
        QCOMPARE(download.status, 451);
        QVERIFY2(download.body.contains("the upstream changed a published version")
                     && download.body.contains("cratedesk connector accept-change shifty-up shifty@1.0.0"),
                 download.body.constData());
        const auto changes = m_down->connectorStore()->changedVersions();
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes.first().seen.cksum, first);
        QCOMPARE(changes.first().seen.changedCksum, second);

        QVERIFY(!m_down->connectorStore()->acceptChange(u"shifty-up"_s, u"shifty"_s, u"1.0.0"_s));
        QVERIFY(m_down->connectorStore()->acceptChange(u"shifty-up"_s, u"shifty"_s, u"1.0.0"_s)); // nothing left to accept
        m_down->reloadConnectors();
        const auto accepted = m_http->get(u"sh/if/shifty"_s);
        QCOMPARE(versionsOf(accepted.body), QStringList{u"1.0.0"_s});
        QVERIFY(accepted.body.contains(second.toLatin1()));
        QVERIFY(m_down->connectorStore()->changedVersions().isEmpty());
        m_down->connectorStore()->removeConnector(u"shifty-up"_s);
        m_down->reloadConnectors();
    }

    // An upstream URL that is no sparse registry (no config.json) is a broken connector, not
    // an answer "no such crate": cargo hears 503 with the reason, and nothing is cached as 404.
    void upstreamWithoutConfigIsAnError()
    {
        FaultServer wrong;
        QVERIFY(wrong.isListening());
        wrong.setRoute(u"/wr/on/wrong-url"_s, {FaultServer::Response::ok("{}", "text/plain")});
        ConnectorConfig config = baseConfig();
        config.name = u"wrong"_s;
        config.indexUrl = QUrl(wrong.baseUrl().toString() + u'/');
        QVERIFY(!m_down->connectorStore()->saveConnector(config));
        m_down->reloadConnectors();
        const auto reply = m_http->get(u"wr/on/wrong-url"_s);
        QCOMPARE(reply.status, 503);
        QVERIFY2(reply.body.contains("has no config.json"), reply.body.constData());
        QVERIFY(!m_down->connectorStore()->cachedIndex(u"wrong"_s, u"wrong-url"_s));
        m_down->connectorStore()->removeConnector(u"wrong"_s);
        m_down->reloadConnectors();
    }

    void upstreamDownServesCache()
    {
        setConnector(baseConfig());
        QCOMPARE(m_http->get(u"up/-o/up-only"_s).status, 200);
        QCOMPARE(m_http->get(u"api/v1/crates/up-only/0.1.0/download"_s).status, 200);
        m_upHttp.reset();
        m_up.reset(); // the upstream is gone; its port refuses connections
        const auto index = m_http->get(u"up/-o/up-only"_s);
        QCOMPARE(index.status, 200);
        QCOMPARE(versionsOf(index.body), QStringList({u"0.1.0"_s, u"0.2.0"_s}));
        QVERIFY(!index.header("Warning").isEmpty());
        QCOMPARE(m_http->get(u"api/v1/crates/up-only/0.1.0/download"_s).status, 200);
        // Never downloaded, so not cached: an honest error instead.
        QCOMPARE(m_http->get(u"api/v1/crates/blocked-thing/1.0.0/download"_s).status / 100, 5);

        // A restart with the upstream still down: the database has the cache.
        m_http.reset();
        m_down.reset();
        m_down = startFeed(m_downDir.path());
        QVERIFY(m_down);
        m_http = std::make_unique<FeedHttpClient>(m_down->indexUrl());
        const auto restarted = m_http->get(u"up/-o/up-only"_s);
        QCOMPARE(restarted.status, 200);
        QCOMPARE(versionsOf(restarted.body), QStringList({u"0.1.0"_s, u"0.2.0"_s}));
        QCOMPARE(m_http->get(u"api/v1/crates/up-only/0.2.0/download"_s).status, 200);
        const auto unknown = m_http->get(u"ne/ve/never-fetched"_s);
        QCOMPARE(unknown.status, 503);
    }
};

QTEST_GUILESS_MAIN(TestLocalConnector)
#include "tst_localconnector.moc"
