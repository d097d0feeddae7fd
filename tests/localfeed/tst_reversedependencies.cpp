// SPDX-License-Identifier: GPL-3.0-or-later
// "Used by": the local feed answers crates.io's reverse_dependencies for its crates (every
// spelling of a name, renamed dependencies, the newest version that still depends), the
// client reads it, and a hostile answer is bounded and checked. A feed without that API (the
// same index files from a plain server) answers from the index files the app has cached, as
// the crate page shows it: marked partial, missing what was never read.
#include "browse/cratebrowser.h"
#include "cargotypes/cratename.h"
#include "cargotypes/reversedependency.h"
#include "faultserver.h"
#include "itemmodels/reversedependencymodel.h"
#include "localfeed/localfeed.h"
#include "localtestfeed.h"
#include "net/httpclient.h"
#include "registry/registryclient.h"
#include "registryoutcome.h"
#include "storage/indexcache.h"
#include "cacheanswer.h"
#include "testcrate.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QAbstractItemModelTester>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

// A dependency as cargo's publish metadata writes it; `alias` is the name in Cargo.toml when renamed.
QJsonObject dependency(const QString &crate, const QString &req, const QString &kind = u"normal"_s, const QString &alias = {})
{
    QJsonObject dep{{u"name"_s, crate}, {u"version_req"_s, req}, {u"features"_s, QJsonArray()},
                    {u"optional"_s, false}, {u"default_features"_s, true}, {u"target"_s, QJsonValue()}, {u"kind"_s, kind}};
    if (!alias.isEmpty())
        dep.insert(u"explicit_name_in_toml"_s, alias);
    return dep;
}

} // namespace

class TestReverseDependencies : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QNetworkAccessManager m_nam;
    std::unique_ptr<HttpClient> m_http;
    TestSupport::StartedFeed m_feed;
    std::unique_ptr<RegistryClient> m_client;

    bool publish(const QString &name, const QString &vers, const QJsonArray &deps)
    {
        TestCrate crate(name, vers);
        crate.extraMetadata = {{u"deps"_s, deps}};
        QNetworkRequest request(m_feed.feed->indexUrl().resolved(QUrl(u"api/v1/crates/new"_s)));
        request.setRawHeader("Authorization", m_feed.token);
        QNetworkReply *reply = m_nam.put(request, crate.publishBody());
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            finished.wait(30000);
        reply->deleteLater();
        return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200;
    }

    QStringList usedBy(const QString &crate)
    {
        const RegistryOutcome outcome = runReply(m_client->reverseDependencies(crate));
        if (outcome.error)
            return {u"error: "_s + outcome.error.message};
        QStringList found;
        for (const ReverseDependency &dep : ReverseDependency::fromJson(outcome.json))
            found << u"%1 %2 %3 %4"_s.arg(dep.crate, dep.version, dep.req, dep.kind);
        return found;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_http = std::make_unique<HttpClient>(&m_nam);
        FeedServerOptions options;
        options.dataDir = m_dir.filePath(u"feed"_s);
        m_feed = TestSupport::startLocalFeed(options);
        QVERIFY2(m_feed.error.isEmpty(), qPrintable(m_feed.error));
        Feed feed;
        feed.name = u"local"_s;
        feed.indexUrl = m_feed.feed->indexUrl();
        m_client = std::make_unique<RegistryClient>(feed, m_http.get(), nullptr, nullptr);

        QVERIFY(publish(u"core-lib"_s, u"1.0.0"_s, {}));
        QVERIFY(publish(u"app-one"_s, u"0.1.0"_s, {dependency(u"core-lib"_s, u"^1.0"_s)}));
        QVERIFY(publish(u"app-one"_s, u"0.2.0"_s, {dependency(u"core-lib"_s, u"^1.0"_s, u"build"_s)}));
        QVERIFY(publish(u"tester"_s, u"1.0.0"_s, {dependency(u"core_lib"_s, u"^1"_s, u"dev"_s)})); // the other spelling
        QVERIFY(publish(u"renamer"_s, u"3.0.0"_s, {dependency(u"core-lib"_s, u"=1.0.0"_s, u"normal"_s, u"core"_s)}));
        QVERIFY(publish(u"mentions"_s, u"1.0.0"_s, {dependency(u"core-lib-extra"_s, u"^1"_s)})); // a longer name is not it
        QVERIFY(publish(u"dropped"_s, u"1.0.0"_s, {dependency(u"core-lib"_s, u"^1"_s)}));
        QVERIFY(publish(u"dropped"_s, u"2.0.0"_s, {}));
    }

    // The newest version of each crate that depends on it, whatever the spelling or renaming.
    void theFeedListsWhatDependsOnACrate()
    {
        QCOMPARE(usedBy(u"core-lib"_s), QStringList({u"app-one 0.2.0 ^1.0 build"_s, u"dropped 1.0.0 ^1 normal"_s,
                                                     u"renamer 3.0.0 =1.0.0 normal"_s, u"tester 1.0.0 ^1 dev"_s}));
        QCOMPARE(usedBy(u"Core_Lib"_s).size(), 4);
        QCOMPARE(usedBy(u"app-one"_s), QStringList());
        QVERIFY(usedBy(u"../x"_s).first().startsWith(u"error:"_s));
    }

    // The same files from a server with no web API: what the app cached of it answers, and
    // only that. `dropped` was never read, so it is missing; the crate's own file is not a dependent.
    void aFeedWithoutTheApiAnswersFromWhatIsCached()
    {
        FaultServer plain;
        plain.setRoute(u"/index/config.json"_s, {FaultServer::Response::ok("{\"dl\":\"" + plain.url(u"/dl"_s).toEncoded() + "\"}")});
        for (const QString &crate : {u"core-lib"_s, u"app-one"_s, u"tester"_s, u"renamer"_s, u"mentions"_s, u"dropped"_s}) {
            const RegistryOutcome file = runReply(m_client->fetchIndexFile(crate, {}, {}));
            QVERIFY2(!file.error, qPrintable(file.error.message));
            plain.setRoute(u"/index/"_s + CrateName::indexPath(crate), {FaultServer::Response::ok(file.body, "text/plain")});
        }
        IndexCache cache(m_dir.filePath(u"plain-cache.sqlite"_s));
        const QString error = cacheAnswer(cache.open());
        QVERIFY2(error.isEmpty(), qPrintable(error));
        Feed feed;
        feed.name = u"plain"_s;
        feed.indexUrl = plain.url(u"/index/"_s);
        RegistryClient client(feed, m_http.get(), &cache, nullptr);
        for (const QString &crate : {u"core-lib"_s, u"app-one"_s, u"tester"_s, u"renamer"_s, u"mentions"_s})
            QVERIFY(!runReply(client.fetchIndex(crate)).error);

        QVERIFY(runReply(client.reverseDependencies(u"core-lib"_s)).error); // no API to ask
        const RegistryOutcome cached = runReply(client.cachedReverseDependencies(u"core-lib"_s));
        QVERIFY2(!cached.error, qPrintable(cached.error.message));
        QStringList found;
        for (const ReverseDependency &dep : cached.dependents)
            found << u"%1 %2 %3 %4"_s.arg(dep.crate, dep.version, dep.req, dep.kind);
        QCOMPARE(found, QStringList({u"app-one 0.2.0 ^1.0 build"_s, u"renamer 3.0.0 =1.0.0 normal"_s, u"tester 1.0.0 ^1 dev"_s}));
        QVERIFY(runReply(client.cachedReverseDependencies(u"../x"_s)).error);

        // The crate page: the feed's refusal turns into the cached answer, marked partial.
        CrateBrowser browser(m_dir.filePath(u"browser"_s));
        QAbstractItemModelTester tester(browser.usedBy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        browser.setClient(&client);
        QSignalSpy opened(&browser, &CrateBrowser::crateOpened);
        browser.openCrate(u"core-lib"_s);
        QTRY_COMPARE_WITH_TIMEOUT(opened.size(), 1, 10000);
        QSignalSpy loaded(&browser, &CrateBrowser::usedByLoaded);
        browser.loadUsedBy();
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 10000);
        QCOMPARE(loaded.first().at(1).toString(), QString());
        QVERIFY(browser.usedByIsPartial());
        QCOMPARE(browser.usedBy()->rowCount(), 3);
        QCOMPARE(browser.usedBy()->index(0, ReverseDependencyModel::CrateColumn).data().toString(), u"app-one"_s);
    }

    void hostileAnswersAreBounded_data()
    {
        QTest::addColumn<QJsonObject>("json");
        QTest::addColumn<int>("count");
        const QJsonArray versions{QJsonObject{{u"id"_s, 1}, {u"crate"_s, u"good"_s}, {u"num"_s, u"1.0.0"_s}},
                                  QJsonObject{{u"id"_s, 2}, {u"crate"_s, u"../evil"_s}, {u"num"_s, u"1.0.0"_s}},
                                  QJsonObject{{u"id"_s, 3}, {u"crate"_s, u"bad-version"_s}, {u"num"_s, u"one"_s}}};
        const auto dep = [](int id) { return QJsonObject{{u"version_id"_s, id}, {u"req"_s, QString(5000, u'1')}, {u"kind"_s, u"weird"_s}}; };
        QTest::newRow("good, bad name, bad version, dangling id")
            << QJsonObject{{u"versions"_s, versions}, {u"dependencies"_s, QJsonArray{dep(1), dep(2), dep(3), dep(99)}}} << 1;
        QJsonArray many;
        for (int i = 0; i < 20000; ++i)
            many.append(dep(1));
        QTest::newRow("more than the bound") << QJsonObject{{u"versions"_s, versions}, {u"dependencies"_s, many}} << int(ReverseDependency::MaxEntries);
        QTest::newRow("not the shape") << QJsonObject{{u"dependencies"_s, u"nope"_s}} << 0;
    }

    void hostileAnswersAreBounded()
    {
        QFETCH(QJsonObject, json);
        QFETCH(int, count);
        const QList<ReverseDependency> found = ReverseDependency::fromJson(json);
        QCOMPARE(found.size(), count);
        if (!found.isEmpty()) {
            QCOMPARE(found.first().crate, u"good"_s);
            QCOMPARE(found.first().req.size(), 200);
            QCOMPARE(found.first().kind, u"normal"_s);
        }
    }
};

QTEST_GUILESS_MAIN(TestReverseDependencies)
#include "tst_reversedependencies.moc"
