// SPDX-License-Identifier: GPL-3.0-or-later
// A registry and an upstream that lie: index lines for crate `evil` whose name, version or
// checksum would name files outside their folders. One row per attack, served over HTTP by a
// FaultServer to every reader of index files: the client, the command line's download, the
// window's browsing session, and the local feed's connector (index, license lookup, download)
// and routes. Each reader must leave the line out and say so; afterwards a scan of the test's
// whole folder finds no file outside the places each reader may write to.
#include "curation/connectorconfig.h"
#include "localfeed/connectorstore.h"
#include "localfeed/localfeed.h"
#include "clirun.h"
#include "faultserver.h"
#include "../localfeed/feedhttpclient.h"
#include "itemmodels/versionlistmodel.h"
#include "browse/cratebrowser.h"
#include "net/httpclient.h"
#include "registry/registryclient.h"
#include "storage/indexcache.h"
#include "cacheanswer.h"
#include "testcrate.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

struct Line
{
    QString name;
    QString vers;
    QJsonValue cksum;
    QJsonArray deps;
};

QByteArray indexLine(const Line &line)
{
    QJsonObject object{{u"name"_s, line.name}, {u"vers"_s, line.vers}, {u"deps"_s, line.deps},
                       {u"features"_s, QJsonObject()}, {u"yanked"_s, false}};
    if (!line.cksum.isUndefined())
        object.insert(u"cksum"_s, line.cksum);
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

// Every file under `root`, relative to it.
QStringList filesUnder(const QString &root)
{
    QStringList files;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << QDir(root).relativeFilePath(it.next());
    files.sort();
    return files;
}

// Files under `root` outside every one of `allowed` (relative folders).
QStringList strayFiles(const QString &root, const QStringList &allowed)
{
    QStringList stray;
    for (const QString &file : filesUnder(root)) {
        if (std::ranges::none_of(allowed, [&](const QString &folder) { return file.startsWith(folder + u'/'); }))
            stray << file;
    }
    return stray;
}

} // namespace

Q_DECLARE_METATYPE(Line)

class TestHostileRegistry : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_root; // everything of the test, scanned after each row
    QNetworkAccessManager m_nam;
    std::unique_ptr<HttpClient> m_http;
    FaultServer m_registry;
    QByteArray m_goodCrate; // evil 0.9.0, a real crate the hostile file also lists
    QString m_goodCksum;
    QString m_outside; // where the attacks aim: must never exist

    QString root(const QString &sub) const { return m_root.filePath(sub); }

    // The hostile file: the attacking line first, then the one honest version.
    void serve(const Line &attack)
    {
        const QByteArray body = indexLine(attack) + indexLine({u"evil"_s, u"0.9.0"_s, m_goodCksum, {}});
        m_registry.setRoute(u"/index/ev/il/evil"_s, {FaultServer::Response::ok(body, "text/plain")});
    }

    Feed hostileFeed() const
    {
        Feed feed;
        feed.name = u"hostile"_s;
        feed.indexUrl = m_registry.url(u"/index/"_s);
        return feed;
    }

    void serveConfig()
    {
        const QByteArray config = "{\"dl\":\"" + m_registry.url(u"/dl"_s).toEncoded() + "\"}";
        m_registry.setRoute(u"/index/config.json"_s, {FaultServer::Response::ok(config)});
    }

    // The local feed with the hostile registry as its upstream. A license rule makes the
    // connector read licenses from the crates themselves: a hostile line's name and version
    // would have become a download path.
    std::unique_ptr<LocalFeed> startFeed()
    {
        FeedServerOptions options;
        options.dataDir = root(u"feed"_s);
        options.port = 0;
        auto feed = std::make_unique<LocalFeed>(options);
        feed->setNetworkAccessManager(&m_nam);
        if (const FeedError started = feed->start()) {
            qWarning().noquote() << started.detail;
            return nullptr;
        }
        ConnectorConfig config;
        config.name = u"up"_s;
        config.indexUrl = hostileFeed().indexUrl;
        config.cacheSeconds = 0;
        config.licenses.allowed = {u"MIT"_s};
        if (const FeedError saved = feed->connectorStore()->saveConnector(config)) {
            qWarning().noquote() << saved.detail;
            return nullptr;
        }
        feed->reloadConnectors();
        return feed;
    }

    void verifyNothingOutside(const QStringList &allowed)
    {
        QVERIFY2(!QFileInfo::exists(m_outside), qPrintable(m_outside));
        const QStringList stray = strayFiles(m_root.path(), allowed);
        QVERIFY2(stray.isEmpty(), qPrintable(stray.join(u", "_s)));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_root.isValid() && m_registry.isListening());
        m_outside = root(u"outside/evil"_s);
        m_http = std::make_unique<HttpClient>(&m_nam);
        m_http->setRetryBaseDelay(20);
        m_goodCrate = TestCrate(u"evil"_s, u"0.9.0"_s).crateBytes();
        m_goodCksum = QString::fromLatin1(QCryptographicHash::hash(m_goodCrate, QCryptographicHash::Sha256).toHex());
        serveConfig();
        m_registry.setRoute(u"/dl/evil/0.9.0/download"_s, {FaultServer::Response::ok(m_goodCrate, "application/gzip")});
        // Whatever the attack's path, the registry answers it with bytes: only the reader's
        // refusal keeps them off the disk.
        for (const QString &path : {u"/dl/evil/1.0.0/download"_s, u"/dl/%2Fevil/1.0.0/download"_s})
            m_registry.setRoute(path, {FaultServer::Response::ok("not what the index says", "application/gzip")});
    }

    void attacks_data()
    {
        QTest::addColumn<Line>("attack");
        QTest::addColumn<QString>("problem"); // in the warning that names feed and line
        const QString outside = root(u"outside/evil"_s);
        const QString cksum(64, u'a');
        QTest::newRow("absolute name") << Line{outside, u"1.0.0"_s, cksum, {}} << u"not the crate `evil`"_s;
        QTest::newRow("name climbing up") << Line{u"../../outside/evil"_s, u"1.0.0"_s, cksum, {}} << u"not the crate `evil`"_s;
        QTest::newRow("another crate's name") << Line{u"serde"_s, u"1.0.0"_s, cksum, {}} << u"not the crate `evil`"_s;
        QTest::newRow("unicode look-alike") << Line{u"ev\u0131l"_s, u"1.0.0"_s, cksum, {}} << u"not the crate `evil`"_s;
        QTest::newRow("version climbing up") << Line{u"evil"_s, u"1/../../../outside/x"_s, cksum, {}} << u"line 1"_s;
        QTest::newRow("version with a backslash") << Line{u"evil"_s, u"1.0.0+..\\..\\x"_s, cksum, {}} << u"line 1"_s;
        QTest::newRow("checksum too short") << Line{u"evil"_s, u"1.0.0"_s, u"abc"_s, {}} << u"no valid sha256"_s;
        QTest::newRow("checksum not hex") << Line{u"evil"_s, u"1.0.0"_s, QString(64, u'z'), {}} << u"no valid sha256"_s;
        QTest::newRow("checksum climbing up") << Line{u"evil"_s, u"1.0.0"_s, u"../../../../../outside/evil/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"_s, {}}
                                              << u"no valid sha256"_s;
        QTest::newRow("no checksum") << Line{u"evil"_s, u"1.0.0"_s, QJsonValue(QJsonValue::Undefined), {}} << u"no valid sha256"_s;
    }

    void clientLeavesTheLineOutAndSaysWhere_data() { attacks_data(); }
    void clientLeavesTheLineOutAndSaysWhere()
    {
        QFETCH(Line, attack);
        QFETCH(QString, problem);
        serve(attack);
        IndexCache cache(root(u"client-cache/index.sqlite"_s));
        const QString error = cacheAnswer(cache.open());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        RegistryClient client(hostileFeed(), m_http.get(), &cache, nullptr);
        RegistryReply *reply = client.fetchIndex(u"evil"_s);
        QSignalSpy finished(reply, &RegistryReply::finished);
        QList<IndexEntry> entries;
        QStringList warnings;
        connect(reply, &RegistryReply::finished, this, [&] {
            entries = reply->entries;
            warnings = reply->warnings;
        });
        QVERIFY(finished.wait(10000));
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.at(0).vers, u"0.9.0"_s);
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings.at(0).startsWith(u"hostile:"_s) && warnings.at(0).contains(u"line 1"_s) && warnings.at(0).contains(problem),
                 qPrintable(warnings.at(0)));
        // The cached file keeps the same rules when it is read back in a new session.
        RegistryClient again(hostileFeed(), m_http.get(), &cache, nullptr);
        m_registry.setRoute(u"/index/config.json"_s, {FaultServer::Response::make(503)});
        RegistryReply *offline = again.fetchIndex(u"evil"_s);
        QSignalSpy offlineFinished(offline, &RegistryReply::finished);
        connect(offline, &RegistryReply::finished, this, [&] { entries = offline->entries; });
        QVERIFY(offlineFinished.wait(10000));
        QCOMPARE(entries.size(), 1);
        serveConfig();
        verifyNothingOutside({u"client-cache"_s});
    }

    void downloadNeedsAValidChecksum()
    {
        RegistryClient client(hostileFeed(), m_http.get(), nullptr, nullptr);
        const QString target = root(u"downloads/evil-1.0.0.crate"_s);
        RegistryReply *reply = client.download(u"evil"_s, u"1.0.0"_s, QString(), target);
        QSignalSpy finished(reply, &RegistryReply::finished);
        RegistryError error;
        connect(reply, &RegistryReply::finished, this, [&] { error = reply->error(); });
        QVERIFY(finished.wait(10000));
        QCOMPARE(error.kind, RegistryError::Kind::Parse);
        QVERIFY2(error.message.contains(u"no valid sha256"_s), qPrintable(error.message));
        QVERIFY(!QFileInfo::exists(target));
        QCOMPARE(m_registry.requestCount(u"/dl/evil/1.0.0/download"_s), 0); // nothing was even asked
    }

    void commandLineDownloadStaysInItsFolder_data() { attacks_data(); }
    void commandLineDownloadStaysInItsFolder()
    {
        QFETCH(Line, attack);
        serve(attack);
        const QString home = root(u"cli-home"_s);
        const QString out = root(u"cli-out"_s);
        const QHash<QString, QString> env{{u"HOME"_s, home}, {u"XDG_CONFIG_HOME"_s, home + u"/config"_s},
                                          {u"XDG_CACHE_HOME"_s, home + u"/cache"_s}, {u"XDG_DATA_HOME"_s, home + u"/data"_s}};
        const QString index = hostileFeed().cargoIndexUrl();
        const CliResult refused = runCratedesk({u"download"_s, u"evil"_s, u"1.0.0"_s, u"--index"_s, index, u"-o"_s, out}, {}, env);
        QVERIFY2(refused.exitCode == 1, qPrintable(refused.describe()));
        QVERIFY2(refused.err.contains("no version 1.0.0"), qPrintable(refused.describe()));
        const CliResult honest = runCratedesk({u"download"_s, u"evil"_s, u"0.9.0"_s, u"--index"_s, index, u"-o"_s, out}, {}, env);
        QVERIFY2(honest.exitCode == 0, qPrintable(honest.describe()));
        QCOMPARE(filesUnder(out), QStringList{u"evil-0.9.0.crate"_s});
        verifyNothingOutside({u"cli-home"_s, u"cli-out"_s, u"client-cache"_s});
    }

    void browsingOpensOnlyTheHonestVersion_data() { attacks_data(); }
    void browsingOpensOnlyTheHonestVersion()
    {
        QFETCH(Line, attack);
        serve(attack);
        const QString cacheDir = root(u"window-cache"_s);
        CrateBrowser browser(cacheDir);
        RegistryClient client(hostileFeed(), m_http.get(), nullptr, nullptr);
        browser.setClient(&client);
        QSignalSpy opened(&browser, &CrateBrowser::crateOpened);
        QSignalSpy contents(&browser, &CrateBrowser::contentsKnown);
        QSignalSpy dropped(&browser, &CrateBrowser::indexLinesDropped);
        browser.openCrate(u"evil"_s);
        QVERIFY(opened.wait(10000));
        QCOMPARE(browser.versions()->rowCount(), 1);
        QCOMPARE(dropped.size(), 1); // the window shows these in its banner
        QVERIFY(dropped.at(0).at(1).toStringList().value(0).contains(u"line 1"_s));
        browser.selectVersion(0);
        QTRY_COMPARE_WITH_TIMEOUT(contents.size(), 1, 10000);
        QCOMPARE(browser.contents().error, QString());
        // The cache holds the verified bytes under their checksum and nothing else.
        QCOMPARE(filesUnder(cacheDir), QStringList{m_goodCksum.left(2) + u'/' + m_goodCksum + u".crate"_s});
        browser.setClient(nullptr);
        verifyNothingOutside({u"window-cache"_s, u"cli-home"_s, u"cli-out"_s, u"client-cache"_s});
    }

    void connectorServesOnlyTrustedLines_data() { attacks_data(); }
    void connectorServesOnlyTrustedLines()
    {
        QFETCH(Line, attack);
        serve(attack);
        const auto feed = startFeed();
        QVERIFY(feed);
        FeedHttpClient http(feed->indexUrl());

        const auto index = http.get(u"ev/il/evil"_s);
        QCOMPARE(index.status, 200);
        QCOMPARE(index.body, indexLine({u"evil"_s, u"0.9.0"_s, m_goodCksum, {}}));
        QCOMPARE(http.get(u"api/v1/crates/evil/0.9.0/download"_s).body, m_goodCrate);
        QCOMPARE(http.get(u"api/v1/crates/evil/1.0.0/download"_s).status, 404);
        const auto curation = http.get(u"cratedesk/v1/curation/evil"_s).json().object();
        QCOMPARE(curation.value(u"served"_s).toArray().size(), 1);
        QCOMPARE(curation.value(u"pinned"_s).toObject().value(u"connector"_s).toString(), u"up"_s);
        verifyNothingOutside({u"feed"_s, u"window-cache"_s, u"cli-home"_s, u"cli-out"_s, u"client-cache"_s});
        // Inside the data folder, upstream crates are kept by checksum alone.
        for (const QString &file : filesUnder(root(u"feed/upstream"_s)))
            QCOMPARE(file, u"up/"_s + m_goodCksum.left(2) + u'/' + m_goodCksum + u".crate"_s);
    }

    void feedRoutesRefuseWhatNamesNoCrate_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::newRow("download, version not SemVer") << QByteArray("/api/v1/crates/evil/not-a-version/download");
        QTest::newRow("download, version with encoded dots") << QByteArray("/api/v1/crates/evil/1.0.0%2B..%5Cx/download");
        QTest::newRow("download, invalid name") << QByteArray("/api/v1/crates/evil%21/1.0.0/download");
        QTest::newRow("download, encoded slash") << QByteArray("/api/v1/crates/evil/1%2F..%2F..%2Fx/download");
        QTest::newRow("download, name climbing up") << QByteArray("/api/v1/crates/..%2F..%2Fx/1.0.0/download");
        QTest::newRow("curation, invalid name") << QByteArray("/cratedesk/v1/curation/..%5Cevil");
        QTest::newRow("curation, name with a dot") << QByteArray("/cratedesk/v1/curation/evil.x");
    }

    void feedRoutesRefuseWhatNamesNoCrate()
    {
        QFETCH(QByteArray, path);
        const auto feed = startFeed(); // the upstream is there to be asked
        QVERIFY(feed);
        m_registry.clearRequests();
        FeedHttpClient http(feed->indexUrl());
        const auto reply = http.raw(path);
        QCOMPARE(reply.status, 404);
        QVERIFY2(m_registry.requests().isEmpty(), "the upstream was asked about a name that is no crate");
    }

    void dependencyOnAnotherRegistryResolvesThroughThisFeed()
    {
        // Served as it came, the line would make cargo fetch `helper` from elsewhere.example,
        // past every filter of this feed: it is rewritten to this feed instead.
        const QJsonArray deps{QJsonObject{{u"name"_s, u"helper"_s}, {u"req"_s, u"^1"_s}, {u"features"_s, QJsonArray()},
                                          {u"optional"_s, false}, {u"default_features"_s, true}, {u"kind"_s, u"normal"_s},
                                          {u"registry"_s, u"https://elsewhere.example/index/"_s}}};
        serve({u"evil"_s, u"1.0.0"_s, QString(64, u'b'), deps});
        const auto feed = startFeed();
        QVERIFY(feed);
        FeedHttpClient http(feed->indexUrl());
        const QByteArray body = http.get(u"ev/il/evil"_s).body;
        QVERIFY2(!body.contains("elsewhere.example"), body.constData());
        const QList<QByteArray> lines = body.trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        const QJsonObject dep = QJsonDocument::fromJson(lines.at(0)).object().value(u"deps"_s).toArray().at(0).toObject();
        QCOMPARE(dep.value(u"name"_s).toString(), u"helper"_s);
        QVERIFY(!dep.contains(u"registry"_s));
    }
};

QTEST_GUILESS_MAIN(TestHostileRegistry)
#include "tst_hostileregistry.moc"
