// SPDX-License-Identifier: GPL-3.0-or-later
#include "cargotypes/indexfileparser.h"

#include <QTest>
#include <QTimeZone>
#include <QTranslator>

using namespace Qt::Literals::StringLiterals;

namespace {

// Real lines from the crates.io index (commit 08a6b299), byte for byte.
const QByteArray tracingCore =
    R"j({"name":"tracing-core","vers":"0.1.33","deps":[{"name":"once_cell","req":"^1.13.0","features":[],"optional":true,"default_features":true,"target":null,"kind":"normal"},{"name":"valuable","req":"^0.1.0","features":[],"optional":true,"default_features":false,"target":"cfg(tracing_unstable)","kind":"normal"}],"cksum":"e672c95779cf947c5311f83787af4fa8fffd12fb27e4993211a84bdfd9610f9c","features":{"std":["once_cell"]},"features2":{"default":["std","valuable?/std"]},"yanked":false,"rust_version":"1.63.0","v":2})j"_ba;
const QByteArray rayonCore =
    R"j({"name":"rayon-core","vers":"1.12.1","deps":[{"name":"crossbeam-deque","req":"^0.8.1","features":[],"optional":false,"default_features":true,"target":null,"kind":"normal"},{"name":"crossbeam-utils","req":"^0.8.0","features":[],"optional":false,"default_features":true,"target":null,"kind":"normal"},{"name":"libc","req":"^0.2","features":[],"optional":false,"default_features":true,"target":"cfg(unix)","kind":"dev"},{"name":"rand","req":"^0.8","features":[],"optional":false,"default_features":true,"target":null,"kind":"dev"},{"name":"rand_xorshift","req":"^0.3","features":[],"optional":false,"default_features":true,"target":null,"kind":"dev"},{"name":"scoped-tls","req":"^1.0","features":[],"optional":false,"default_features":true,"target":null,"kind":"dev"},{"name":"wasm_sync","req":"^0.1.0","features":[],"optional":true,"default_features":true,"target":null,"kind":"normal"}],"cksum":"1465873a3dfdaa8ae7cb14b4383657caab0b3e8a0aa9ae8e04b044854c8dfce2","features":{},"features2":{"web_spin_lock":["dep:wasm_sync"]},"yanked":false,"links":"rayon-core","rust_version":"1.63","v":2})j"_ba;
const QByteArray printBytes =
    R"j({"name":"print_bytes","vers":"0.6.1","deps":[{"name":"os_str_bytes","req":"^6.0","features":[],"optional":false,"default_features":true,"target":null,"kind":"dev"},{"name":"print_bytes2","req":"^0.7","features":[],"optional":false,"default_features":true,"target":null,"kind":"normal","package":"print_bytes"},{"name":"windows-sys","req":"^0.36","features":["Win32_Foundation","Win32_System_Console"],"optional":false,"default_features":true,"target":"cfg(windows)","kind":"normal"}],"cksum":"14b9950fb6044c89ed995e3b999c99ce6279ce061474d9a5f953ed61b7df6f0b","features":{"specialization":["print_bytes2/specialization"]},"yanked":true,"rust_version":"1.57.0"})j"_ba;
// An old-style line: no v, no features2, no rust_version, no links key at all.
const QByteArray libcOld =
    R"j({"name":"libc","vers":"0.1.0","deps":[],"cksum":"3a8d3a9fa5a3e1b0b0c3f5a0e7d8b0f8b8c5b0d6f0a5c7c1a9c8d3d4f6a1b2c3","features":{},"yanked":false})j"_ba;

// A minimal valid line with one field replaced or added; `%1` is spliced in before the end.
QByteArray minimalWith(const QByteArray &extra)
{
    QByteArray line = R"j({"name":"demo","vers":"1.0.0","deps":[],"cksum":"00","features":{})j"_ba;
    if (!extra.isEmpty())
        line += ',' + extra;
    return line + '}';
}

// A version 1.0.0 line of `name` with checksum `sum`.
QByteArray lineNamed(const QByteArray &name, const QByteArray &sum)
{
    return R"j({"name":")j" + name + R"j(","vers":"1.0.0","deps":[],"cksum":")j" + sum + R"j(","features":{}})j";
}

IndexEntry parseOrFail(const QByteArray &line)
{
    QString problem;
    const auto entry = IndexFileParser::parseLine(line, &problem);
    if (!entry)
        qFatal("test line was skipped: %s", qPrintable(problem));
    return *entry;
}

} // namespace

class TestIndexFileParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void skipsWhatCargoSkips_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<bool>("kept");
        QTest::addColumn<QString>("problem"); // substring; empty means silently skipped

        QTest::newRow("empty") << QByteArray() << false << QString();
        QTest::newRow("spaces and tabs") << " \t  "_ba << false << QString();
        QTest::newRow("lone CR") << "\r"_ba << false << QString();
        QTest::newRow("garbage") << "this is not json"_ba << false << u"not JSON"_s;
        QTest::newRow("truncated") << R"j({"name":"demo","vers":"1.0.0","deps":[)j"_ba << false << u"not JSON"_s;
        QTest::newRow("array") << R"j(["demo","1.0.0"])j"_ba << false << u"not a JSON object"_s;
        QTest::newRow("no name") << R"j({"vers":"1.0.0","deps":[],"cksum":"00"})j"_ba << false << u"name"_s;
        QTest::newRow("name not a string") << R"j({"name":7,"vers":"1.0.0","deps":[],"cksum":"00"})j"_ba << false << u"name"_s;
        QTest::newRow("no vers") << R"j({"name":"demo","deps":[],"cksum":"00"})j"_ba << false << u"vers"_s;
        QTest::newRow("leading zero vers") << R"j({"name":"demo","vers":"01.0.21","deps":[],"cksum":"00"})j"_ba << false
                                           << u"01.0.21"_s;
        QTest::newRow("v prefix") << R"j({"name":"demo","vers":"v1.0.0","deps":[],"cksum":"00"})j"_ba << false << u"v1.0.0"_s;
        QTest::newRow("two parts") << R"j({"name":"demo","vers":"1.0","deps":[],"cksum":"00"})j"_ba << false << u"1.0"_s;
        QTest::newRow("minimal") << minimalWith({}) << true << QString();
        QTest::newRow("CRLF") << minimalWith({}) + "\r\n" << true << QString();
        QTest::newRow("surrounding blanks") << "  \t" + minimalWith({}) + " \r" << true << QString();
        QTest::newRow("real crates.io line") << tracingCore << true << QString();
        QTest::newRow("name twice") << R"j({"name":"demo","vers":"1.0.0","name":"other","deps":[],"cksum":"00"})j"_ba << false
                                    << u"duplicate field `name`"_s;
        QTest::newRow("vers twice") << R"j({"name":"demo","vers":"1.0.0","vers":"2.0.0","deps":[],"cksum":"00"})j"_ba << false
                                    << u"duplicate field `vers`"_s;
        QTest::newRow("invalid UTF-8") << "{\"name\":\"demo\",\"vers\":\"1.0.0\",\"deps\":[],\"cksum\":\"\xff\"}"_ba << false
                                       << u"not JSON"_s;
        QTest::newRow("lone surrogate") << R"j({"name":"demo\ud800","vers":"1.0.0","deps":[],"cksum":"00"})j"_ba << false
                                        << u"not JSON"_s;
        QTest::newRow("bad line still named is kept") << R"j({"name":"demo","vers":"1.0.0"})j"_ba << true << QString();
    }

    void skipsWhatCargoSkips()
    {
        QFETCH(QByteArray, line);
        QFETCH(bool, kept);
        QFETCH(QString, problem);

        QString reason = u"untouched"_s;
        const auto entry = IndexFileParser::parseLine(line, &reason);
        QCOMPARE(entry.has_value(), kept);
        if (kept)
            return;
        if (problem.isEmpty())
            QVERIFY2(reason.isEmpty(), qPrintable(reason));
        else
            QVERIFY2(reason.contains(problem), qPrintable(reason));
    }

    void readsCratesIoLine()
    {
        const IndexEntry entry = parseOrFail(tracingCore);
        QCOMPARE(entry.name, u"tracing-core"_s);
        QCOMPARE(entry.vers, u"0.1.33"_s);
        QCOMPARE(entry.version, SemVer(0, 1, 33));
        QCOMPARE(entry.cksum, u"e672c95779cf947c5311f83787af4fa8fffd12fb27e4993211a84bdfd9610f9c"_s);
        QCOMPARE(entry.schemaVersion, 2);
        QVERIFY(!entry.needsNewerCargo());
        QCOMPARE(entry.rustVersion, u"1.63.0"_s);
        QCOMPARE(entry.links, std::nullopt);
        QVERIFY(!entry.yanked);
        QVERIFY2(entry.isValid(), qPrintable(entry.invalidReason));
        QVERIFY(entry.isCandidate());

        // features2 ("default" uses `?/`) lands in the same map as features.
        const QMap<QString, QStringList> features{{u"std"_s, {u"once_cell"_s}},
                                                  {u"default"_s, {u"std"_s, u"valuable?/std"_s}}};
        QCOMPARE(entry.features, features);

        QCOMPARE(entry.deps.size(), 2);
        const IndexDependency &valuable = entry.deps.at(1);
        QCOMPARE(valuable.name, u"valuable"_s);
        QCOMPARE(valuable.packageName(), u"valuable"_s);
        QCOMPARE(valuable.req, u"^0.1.0"_s);
        QVERIFY(valuable.optional);
        QVERIFY(!valuable.defaultFeatures);
        QCOMPARE(valuable.target, u"cfg(tracing_unstable)"_s);
        QCOMPARE(valuable.kind, IndexDependency::Kind::Normal);
        QCOMPARE(valuable.registry, std::nullopt);
    }

    void readsLinksAndDevDeps()
    {
        const IndexEntry entry = parseOrFail(rayonCore);
        QCOMPARE(entry.links, u"rayon-core"_s);
        QCOMPARE(entry.rustVersion, u"1.63"_s);
        QCOMPARE(entry.features.value(u"web_spin_lock"_s), QStringList{u"dep:wasm_sync"_s});
        QCOMPARE(entry.deps.at(2).kind, IndexDependency::Kind::Dev);
        QCOMPARE(entry.deps.at(2).target, u"cfg(unix)"_s);
        QVERIFY2(entry.isValid(), qPrintable(entry.invalidReason));
        // dep:wasm_sync means no implicit "wasm_sync" feature.
        QVERIFY(!entry.featuresWithImplicit().contains(u"wasm_sync"_s));
    }

    void readsRenamedDependency()
    {
        const IndexEntry entry = parseOrFail(printBytes);
        QVERIFY(entry.yanked);
        QVERIFY(!entry.isCandidate());
        QVERIFY2(entry.isValid(), qPrintable(entry.invalidReason));
        const IndexDependency &renamed = entry.deps.at(1);
        QCOMPARE(renamed.name, u"print_bytes2"_s);
        QCOMPARE(renamed.package, u"print_bytes"_s);
        QCOMPARE(renamed.packageName(), u"print_bytes"_s);
        // Features refer to the alias, which is why "print_bytes2/specialization" is valid.
        QCOMPARE(entry.features.value(u"specialization"_s), QStringList{u"print_bytes2/specialization"_s});
        QCOMPARE(entry.deps.at(2).features, (QStringList{u"Win32_Foundation"_s, u"Win32_System_Console"_s}));
    }

    void readsOldLine()
    {
        const IndexEntry entry = parseOrFail(libcOld);
        QCOMPARE(entry.schemaVersion, 1);
        QCOMPARE(entry.rustVersion, std::nullopt);
        QCOMPARE(entry.pubtime, std::nullopt);
        QVERIFY(entry.features.isEmpty());
        QVERIFY(entry.isCandidate());
    }

    void mergesFeatures2PerKey()
    {
        // crates.io moves whole features, but other registries split one feature's values
        // between the maps; replacing instead of appending would lose "dep:extra".
        const IndexEntry entry = parseOrFail(
            R"j({"name":"demo","vers":"1.0.0","deps":[{"name":"extra","req":"^1","optional":true}],"cksum":"00",)j"
            R"j("features":{"full":["std"],"std":[]},"features2":{"full":["dep:extra"],"new":["extra?/x"]},"v":2})j"_ba);
        QVERIFY2(entry.isValid(), qPrintable(entry.invalidReason));
        QCOMPARE(entry.features.value(u"full"_s), (QStringList{u"std"_s, u"dep:extra"_s}));
        QCOMPARE(entry.features.value(u"new"_s), QStringList{u"extra?/x"_s});
        QCOMPARE(entry.features.value(u"std"_s), QStringList());
    }

    void readsRegistryField()
    {
        const IndexEntry entry = parseOrFail(
            R"j({"name":"demo","vers":"1.0.0","cksum":"00","features":{},"deps":[)j"
            R"j({"name":"serde","req":"^1","registry":"https://github.com/rust-lang/crates.io-index"},)j"
            R"j({"name":"local","req":"^1","registry":null}]})j"_ba);
        QVERIFY2(entry.isValid(), qPrintable(entry.invalidReason));
        QCOMPARE(entry.deps.at(0).registry, u"https://github.com/rust-lang/crates.io-index"_s);
        QCOMPARE(entry.deps.at(1).registry, std::nullopt); // null: this registry
        // Defaults when the optional fields are missing.
        QVERIFY(entry.deps.at(1).features.isEmpty());
        QVERIFY(!entry.deps.at(1).optional);
        QVERIFY(entry.deps.at(1).defaultFeatures);
        QCOMPARE(entry.deps.at(1).kind, IndexDependency::Kind::Normal);
    }

    void judgesValidity_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QString>("invalid"); // substring of invalidReason; empty means valid

        QTest::newRow("minimal") << minimalWith({}) << QString();
        QTest::newRow("unknown fields") << minimalWith(R"j("foo":1,"newfield":{"a":[1,2]})j") << QString();
        QTest::newRow("missing deps") << R"j({"name":"demo","vers":"1.0.0","cksum":"00"})j"_ba << u"missing field `deps`"_s;
        QTest::newRow("missing cksum") << R"j({"name":"demo","vers":"1.0.0","deps":[]})j"_ba << u"missing field `cksum`"_s;
        QTest::newRow("deps not a list") << R"j({"name":"demo","vers":"1.0.0","deps":{},"cksum":"00"})j"_ba << u"deps"_s;
        QTest::newRow("features absent") << R"j({"name":"demo","vers":"1.0.0","deps":[],"cksum":"00"})j"_ba << QString();
        QTest::newRow("features null") << minimalWith(R"j("features":null)j") << u"features"_s;
        QTest::newRow("features2 null") << minimalWith(R"j("features2":null)j") << QString();
        QTest::newRow("yanked null") << minimalWith(R"j("yanked":null)j") << QString();
        QTest::newRow("yanked string") << minimalWith(R"j("yanked":"yes")j") << u"yanked"_s;
        QTest::newRow("links null") << minimalWith(R"j("links":null)j") << QString();
        QTest::newRow("v null") << minimalWith(R"j("v":null)j") << QString();
        QTest::newRow("v negative") << minimalWith(R"j("v":-1)j") << u"`v`"_s;
        QTest::newRow("v string") << minimalWith(R"j("v":"2")j") << u"`v`"_s;
        QTest::newRow("v fraction") << minimalWith(R"j("v":2.5)j") << u"`v`"_s;
        QTest::newRow("v float") << minimalWith(R"j("v":2.0)j") << u"`v`"_s;
        QTest::newRow("v above u32") << minimalWith(R"j("v":4294967296)j") << u"`v`"_s;
        QTest::newRow("v u32 max") << minimalWith(R"j("v":4294967295)j") << QString();
        QTest::newRow("cksum twice") << minimalWith(R"j("cksum":"11")j") << u"duplicate field `cksum`"_s;
        QTest::newRow("unknown field twice") << minimalWith(R"j("extra":1,"extra":2)j") << QString();

        QTest::newRow("pubtime") << minimalWith(R"j("pubtime":"2025-11-12T19:30:12Z")j") << QString();
        QTest::newRow("pubtime null") << minimalWith(R"j("pubtime":null)j") << QString();
        QTest::newRow("pubtime fraction") << minimalWith(R"j("pubtime":"2025-11-12T19:30:12.123Z")j") << u"pubtime"_s;
        QTest::newRow("pubtime offset") << minimalWith(R"j("pubtime":"2025-11-12T19:30:12+00:00")j") << u"pubtime"_s;
        QTest::newRow("pubtime short offset") << minimalWith(R"j("pubtime":"2025-11-12T19:30:12-04")j") << u"pubtime"_s;
        QTest::newRow("pubtime space") << minimalWith(R"j("pubtime":"2025-11-12 19:30:12Z")j") << u"pubtime"_s;
        QTest::newRow("pubtime unpadded") << minimalWith(R"j("pubtime":"2025-11-12T9:30:12Z")j") << u"pubtime"_s;
        QTest::newRow("pubtime no zone") << minimalWith(R"j("pubtime":"2025-11-12T19:30:12")j") << u"pubtime"_s;
        QTest::newRow("pubtime no such day") << minimalWith(R"j("pubtime":"2025-02-30T19:30:12Z")j") << u"pubtime"_s;
        QTest::newRow("pubtime number") << minimalWith(R"j("pubtime":1731439812)j") << u"pubtime"_s;

        QTest::newRow("rust_version minor") << minimalWith(R"j("rust_version":"1.70")j") << QString();
        QTest::newRow("rust_version patch") << minimalWith(R"j("rust_version":"1.70.0")j") << QString();
        QTest::newRow("rust_version major") << minimalWith(R"j("rust_version":"1")j") << QString();
        QTest::newRow("rust_version null") << minimalWith(R"j("rust_version":null)j") << QString();
        QTest::newRow("rust_version nightly") << minimalWith(R"j("rust_version":"1.70.0-nightly")j") << u"prerelease"_s;
        QTest::newRow("rust_version partial pre") << minimalWith(R"j("rust_version":"1.43-beta.1")j") << u"prerelease"_s;
        QTest::newRow("rust_version build") << minimalWith(R"j("rust_version":"1.70.0+abc")j") << u"build"_s;
        QTest::newRow("rust_version caret") << minimalWith(R"j("rust_version":"^1.70")j") << u"rust_version"_s;
        QTest::newRow("rust_version operator") << minimalWith(R"j("rust_version":">=1.70")j") << u"rust_version"_s;
        QTest::newRow("rust_version wildcard") << minimalWith(R"j("rust_version":"1.x")j") << u"rust_version"_s;
        QTest::newRow("rust_version words") << minimalWith(R"j("rust_version":"foodaddle")j") << u"rust_version"_s;

        // Feature references, following cargo's build_feature_map.
        const QByteArray optionalX = R"j({"name":"x","req":"^1","optional":true})j"_ba;
        const QByteArray requiredY = R"j({"name":"y","req":"^1"})j"_ba;
        auto withFeatures = [&](const QByteArray &features) {
            return R"j({"name":"demo","vers":"1.0.0","cksum":"00","deps":[)j"_ba + optionalX + ',' + requiredY
                + R"j(],"features":)j"_ba + features + '}';
        };
        QTest::newRow("feature to feature") << withFeatures(R"j({"a":["b"],"b":[]})j") << QString();
        QTest::newRow("implicit feature") << withFeatures(R"j({"a":["x"]})j") << QString();
        QTest::newRow("dep: optional") << withFeatures(R"j({"a":["dep:x"]})j") << QString();
        QTest::newRow("dep feature") << withFeatures(R"j({"a":["y/std","x/std"]})j") << QString();
        QTest::newRow("weak optional") << withFeatures(R"j({"a":["x?/std"]})j") << QString();
        QTest::newRow("neither") << withFeatures(R"j({"a":["nope"]})j") << u"neither a dependency nor another feature"_s;
        QTest::newRow("dep: unknown") << withFeatures(R"j({"a":["dep:nope"]})j") << u"not listed as a dependency"_s;
        QTest::newRow("dep: required") << withFeatures(R"j({"a":["dep:y"]})j") << u"not an optional dependency"_s;
        QTest::newRow("slash unknown") << withFeatures(R"j({"a":["nope/std"]})j") << u"`nope` is not a dependency"_s;
        QTest::newRow("weak required") << withFeatures(R"j({"a":["y?/std"]})j") << u"with a `?`"_s;
        QTest::newRow("required as feature") << withFeatures(R"j({"a":["y"]})j") << u"not an optional dependency"_s;
        QTest::newRow("no implicit after dep:") << withFeatures(R"j({"a":["dep:x"],"b":["x"]})j") << u"without an implicit feature"_s;
        QTest::newRow("double slash") << withFeatures(R"j({"a":["x/a/b"]})j") << u"multiple slashes"_s;
        QTest::newRow("dep: with slash") << withFeatures(R"j({"a":["dep:x/std"]})j") << u"`dep:`"_s;
        QTest::newRow("feature named like required dep") << withFeatures(R"j({"y":[]})j") << QString();
        // The same rules over a long dependency list, which is looked up by hash, not scanned.
        auto withManyDeps = [&](const QByteArray &features) -> QByteArray {
            QByteArray deps;
            for (int i = 0; i < 40; ++i)
                deps += "{\"name\":\"filler" + QByteArray::number(i) + "\",\"req\":\"^1\"},";
            return R"j({"name":"demo","vers":"1.0.0","cksum":"00","deps":[)j"_ba + deps + optionalX + ',' + requiredY
                + R"j(],"features":)j"_ba + features + '}';
        };
        QTest::newRow("many deps: implicit feature") << withManyDeps(R"j({"a":["x","filler7/std"]})j") << QString();
        QTest::newRow("many deps: neither") << withManyDeps(R"j({"a":["nope"]})j") << u"neither a dependency nor another feature"_s;
        QTest::newRow("many deps: required as feature") << withManyDeps(R"j({"a":["filler3"]})j") << u"not an optional dependency"_s;
        QTest::newRow("many deps: no implicit after dep:") << withManyDeps(R"j({"a":["dep:x"],"b":["x"]})j") << u"without an implicit feature"_s;
        // One name, two entries (a build copy beside a normal one): either being optional counts.
        QTest::newRow("one optional copy of a name")
            << R"j({"name":"demo","vers":"1.0.0","cksum":"00","deps":[{"name":"x","req":"^1","kind":"build"},{"name":"x","req":"^1","optional":true}],"features":{"a":["dep:x"]}})j"_ba
            << QString();
        QTest::newRow("features2 checked too")
            << R"j({"name":"demo","vers":"1.0.0","cksum":"00","deps":[],"features":{},"features2":{"a":["dep:gone"]}})j"_ba
            << u"dep:gone"_s;

        // Dependencies.
        auto withDep = [](const QByteArray &dep) {
            return R"j({"name":"demo","vers":"1.0.0","cksum":"00","features":{},"deps":[)j"_ba + dep + "]}";
        };
        QTest::newRow("weird kind is normal") << withDep(R"j({"name":"a","req":"^1","kind":"weird"})j") << QString();
        QTest::newRow("unknown dep fields") << withDep(R"j({"name":"a","req":"^1","public":true,"newthing":[1]})j") << QString();
        QTest::newRow("bad req") << withDep(R"j({"name":"a","req":"not a req"})j") << u"version requirement"_s;
        QTest::newRow("no req") << withDep(R"j({"name":"a"})j") << u"req"_s;
        QTest::newRow("optional null") << withDep(R"j({"name":"a","req":"^1","optional":null})j") << u"optional"_s;
        QTest::newRow("optional dev") << withDep(R"j({"name":"a","req":"^1","optional":true,"kind":"dev"})j") << u"dev-dependencies"_s;
        QTest::newRow("cfg target") << withDep(
            "{\"name\":\"a\",\"req\":\"^1\",\"target\":\"cfg(all(unix, target_arch = \\\"x86_64\\\"))\"}"_ba)
                                    << QString();
        QTest::newRow("triple target") << withDep(R"j({"name":"a","req":"^1","target":"x86_64-unknown-linux-gnu"})j") << QString();
        QTest::newRow("unbalanced cfg") << withDep("{\"name\":\"a\",\"req\":\"^1\",\"target\":\"cfg(unix\"}"_ba) << u"cfg("_s;
        QTest::newRow("cfg without prefix") << withDep(R"j({"name":"a","req":"^1","target":"unix(x)"})j") << u"cfg("_s;
        QTest::newRow("registry not a URL") << withDep(R"j({"name":"a","req":"^1","registry":"not a url"})j") << u"registry"_s;
        QTest::newRow("dep req twice") << withDep(R"j({"name":"a","req":"^1","req":"^2"})j") << u"duplicate field `req` of dependency `a`"_s;
        QTest::newRow("dep unknown twice") << withDep(R"j({"name":"a","req":"^1","x":1,"x":2})j") << QString();
        QTest::newRow("package not a string") << withDep(R"j({"name":"a","req":"^1","package":5})j") << u"package"_s;
    }

    void judgesValidity()
    {
        QFETCH(QByteArray, line);
        QFETCH(QString, invalid);

        const IndexEntry entry = parseOrFail(line);
        if (invalid.isEmpty()) {
            QVERIFY2(entry.isValid(), qPrintable(entry.invalidReason));
        } else {
            QVERIFY2(entry.invalidReason.contains(invalid), qPrintable(u"reason: "_s + entry.invalidReason));
            QVERIFY(!entry.isCandidate());
        }
    }

    void readsPubtime()
    {
        const IndexEntry entry = parseOrFail(minimalWith(R"j("pubtime":"2025-01-02T09:03:02Z")j"));
        QCOMPARE(entry.pubtime, QDateTime(QDate(2025, 1, 2), QTime(9, 3, 2), QTimeZone::UTC));
    }

    void flagsNewerSchema_data()
    {
        QTest::addColumn<int>("v");
        QTest::addColumn<bool>("newer");

        QTest::newRow("v1") << 1 << false;
        QTest::newRow("v2") << 2 << false;
        QTest::newRow("v3 artifact deps") << 3 << true;
        QTest::newRow("v4") << 4 << true;
    }

    void flagsNewerSchema()
    {
        QFETCH(int, v);
        QFETCH(bool, newer);

        const IndexEntry entry = parseOrFail(minimalWith("\"v\":" + QByteArray::number(v)));
        QCOMPARE(entry.schemaVersion, v);
        QCOMPARE(entry.needsNewerCargo(), newer);
        QVERIFY(entry.isValid()); // shown, not invalid: cargo says "requires a newer cargo"
        QCOMPARE(entry.isCandidate(), !newer);
    }

    void keepsInvalidEntryFields()
    {
        // A browser still wants to show what it can of a version cargo calls invalid.
        const IndexEntry entry = parseOrFail(
            R"j({"name":"demo","vers":"2.0.0","deps":[{"name":"a","req":"^1"}],"cksum":"ab","pubtime":"2025-11-12T19:30:12.5Z","yanked":true})j"_ba);
        QVERIFY(!entry.isValid());
        QCOMPARE(entry.version, SemVer(2, 0, 0));
        QCOMPARE(entry.deps.size(), 1);
        QCOMPARE(entry.cksum, u"ab"_s);
        QVERIFY(entry.yanked);
    }

    void dropsEmptyDependencyFeatures()
    {
        const IndexEntry entry = parseOrFail(
            R"j({"name":"demo","vers":"1.0.0","cksum":"00","deps":[{"name":"a","req":"^1","features":["","std",""]}]})j"_ba);
        QCOMPARE(entry.deps.first().features, QStringList{u"std"_s});
    }

    void addsImplicitFeatures()
    {
        const IndexEntry entry = parseOrFail(
            R"j({"name":"demo","vers":"1.0.0","cksum":"00","deps":[)j"
            R"j({"name":"plain","req":"^1","optional":true},{"name":"named","req":"^1","optional":true},)j"
            R"j({"name":"own","req":"^1","optional":true},{"name":"required","req":"^1"}],)j"
            R"j("features":{"use-named":["dep:named"],"own":["dep:own","extra"],"extra":[]}})j"_ba);
        QVERIFY2(entry.isValid(), qPrintable(entry.invalidReason));
        const QMap<QString, QStringList> all = entry.featuresWithImplicit();
        QCOMPARE(all.value(u"plain"_s), QStringList{u"dep:plain"_s}); // implicit
        QVERIFY(!all.contains(u"named"_s));                          // named with dep:, so none
        QCOMPARE(all.value(u"own"_s), (QStringList{u"dep:own"_s, u"extra"_s})); // explicit kept
        QVERIFY(!all.contains(u"required"_s));
    }

    void parsesWholeFile()
    {
        const QByteArray body = minimalWith({}) + "\r\n"                                   // 1: CRLF
            + "\n"                                                                         // 2: blank
            + "<html>502 Bad Gateway</html>\n"                                             // 3: garbage
            + R"j({"name":"demo","vers":"1.0.01","deps":[],"cksum":"00"})j" + "\n"           // 4: bad vers
            + "   \t\n"                                                                    // 5: blank
            + R"j({"name":"demo","vers":"1.1.0","deps":[],"cksum":"00","v":3})j" + "\n"      // 6: newer
            + R"j({"name":"demo","vers":"1.2.0","cksum":"00"})j" + "\n"                      // 7: invalid
            + R"j({"name":"demo","vers":"1.3.0","deps":[],"cksum":"00","yanked":true})j";    // 8: no final \n

        const IndexFileParser::Result result = IndexFileParser::parse(body);
        QStringList versions;
        for (const IndexEntry &entry : result.entries)
            versions.append(entry.vers);
        QCOMPARE(versions, (QStringList{u"1.0.0"_s, u"1.1.0"_s, u"1.2.0"_s, u"1.3.0"_s}));
        QVERIFY(result.entries.at(1).needsNewerCargo());
        QVERIFY(!result.entries.at(2).isValid());
        QVERIFY(result.entries.at(3).yanked);

        QCOMPARE(result.problems.size(), 2);
        QVERIFY2(result.problems.at(0).startsWith(u"line 3: not JSON"_s), qPrintable(result.problems.at(0)));
        QVERIFY2(result.problems.at(1).startsWith(u"line 4: "_s), qPrintable(result.problems.at(1)));
        QVERIFY(result.problems.at(1).contains(u"1.0.01"_s));
    }

    // Versions that repeat the previous line's deps or features share them rather than each
    // holding a copy (a closure keeps every version of hundreds of files); a change is its own.
    void versionsShareRepeatedDepsAndFeatures()
    {
        const auto dependency = [](const char *req) -> QByteArray {
            return "\"deps\":[{\"name\":\"serde\",\"req\":\"" + QByteArray(req)
                + "\",\"features\":[],\"optional\":false,\"default_features\":true,\"target\":null,\"kind\":\"normal\"}]";
        };
        const QByteArray both = "\"features\":{\"std\":[\"serde/std\"],\"default\":[\"std\"]}";
        const QByteArray stdOnly = "\"features\":{\"std\":[\"serde/std\"]}";
        const auto line = [](const char *vers, const QByteArray &deps, const QByteArray &features) -> QByteArray {
            return "{\"name\":\"demo\",\"vers\":\"" + QByteArray(vers) + "\",\"cksum\":\"00\"," + deps + "," + features + "}\n";
        };
        const IndexFileParser::Result result = IndexFileParser::parse(
            line("1.0.0", dependency("^1"), both) + line("1.0.1", dependency("^1"), both)
            + line("1.1.0", dependency("^1.0.100"), both) + line("1.1.1", dependency("^1.0.100"), stdOnly));
        QCOMPARE(result.problems, QStringList());
        QCOMPARE(result.entries.size(), 4);
        const QList<IndexEntry> &e = result.entries;
        QCOMPARE(e.at(0).deps, e.at(1).deps);
        QVERIFY(e.at(1).deps.isSharedWith(e.at(0).deps));
        QVERIFY(e.at(1).features.isSharedWith(e.at(0).features));
        QCOMPARE(e.at(2).deps.constFirst().req, u"^1.0.100"_s);
        QVERIFY(!e.at(2).deps.isSharedWith(e.at(1).deps));
        QVERIFY(e.at(2).features.isSharedWith(e.at(1).features));
        QVERIFY(e.at(3).deps.isSharedWith(e.at(2).deps));
        QCOMPARE(e.at(3).features.keys(), QStringList{u"std"_s});
        QCOMPARE(e.at(0).features.keys(), (QStringList{u"default"_s, u"std"_s}));
        // Shared, yet each entry still changes alone.
        IndexEntry changed = e.at(1);
        changed.deps.first().req = u"^2"_s;
        QCOMPARE(e.at(0).deps.constFirst().req, u"^1"_s);
    }

    // A file's lines share what repeats (features read in step with the previous line's, the
    // answer about feature references); each must still read exactly as the line alone does.
    void repeatedLinesReadAsEachLineAlone_data()
    {
        QTest::addColumn<QByteArrayList>("lines");
        const auto line = [](const char *vers, const QByteArray &deps, const QByteArray &rest) -> QByteArray {
            return "{\"name\":\"demo\",\"vers\":\"" + QByteArray(vers) + "\",\"cksum\":\"00\",\"deps\":[" + deps + "]," + rest + "}";
        };
        const auto dep = [](const char *name, bool optional) -> QByteArray {
            return "{\"name\":\"" + QByteArray(name) + "\",\"req\":\"^1\",\"features\":[],\"optional\":"
                + (optional ? "true" : "false") + ",\"default_features\":true,\"target\":null,\"kind\":\"normal\"}";
        };
        const QByteArray serde = dep("serde", true);
        const QByteArray sorted = "\"features\":{\"default\":[\"std\"],\"std\":[\"serde/std\"]}";
        QTest::newRow("same features") << QByteArrayList{line("1.0.0", serde, sorted), line("1.0.1", serde, sorted)};
        QTest::newRow("same features, other order")
            << QByteArrayList{line("1.0.0", serde, sorted),
                              line("1.0.1", serde, "\"features\":{\"std\":[\"serde/std\"],\"default\":[\"std\"]}")};
        QTest::newRow("a key repeated") << QByteArrayList{line("1.0.0", serde, "\"features\":{\"a\":[\"serde\",\"std\"],\"std\":[]}"),
                                                          line("1.0.1", serde, "\"features\":{\"a\":[\"serde\"],\"a\":[\"std\"],\"std\":[]}")};
        QTest::newRow("a value not a string") << QByteArrayList{line("1.0.0", serde, "\"features\":{\"a\":[\"serde\"]}"),
                                                                line("1.0.1", serde, "\"features\":{\"a\":[7]}")};
        QTest::newRow("one key fewer") << QByteArrayList{line("1.0.0", serde, sorted), line("1.0.1", serde, "\"features\":{\"default\":[\"std\"]}")};
        QTest::newRow("features2 adds to the same features")
            << QByteArrayList{line("1.0.0", serde, sorted), line("1.0.1", serde, sorted + ",\"features2\":{\"std\":[\"dep:serde\"]}")};
        const QByteArray badReference = "\"features\":{\"std\":[\"serde/std\"]}";
        QTest::newRow("the same bad reference") << QByteArrayList{line("1.0.0", dep("serde", false), badReference + ",\"yanked\":false"),
                                                                  line("1.0.1", dep("serde", false), badReference)};
        QTest::newRow("a bad reference, then the same features with other deps")
            << QByteArrayList{line("1.0.0", dep("serde", false), "\"features\":{\"std\":[\"serde?/std\"]}"),
                              line("1.0.1", serde, "\"features\":{\"std\":[\"serde?/std\"]}")};
        QTest::newRow("a good line, then another error, then the same again")
            << QByteArrayList{line("1.0.0", dep("serde", false), badReference), line("1.0.1", dep("serde", false), badReference + ",\"yanked\":7"),
                              line("1.0.2", dep("serde", false), badReference)};
    }

    void repeatedLinesReadAsEachLineAlone()
    {
        QFETCH(QByteArrayList, lines);
        QList<IndexEntry> alone;
        for (const QByteArray &line : lines) {
            const std::optional<IndexEntry> entry = IndexFileParser::parseLine(line);
            QVERIFY(entry);
            alone << *entry;
        }
        const IndexFileParser::Result file = IndexFileParser::parse(lines.join('\n'));
        QCOMPARE(file.problems, QStringList());
        QCOMPARE(file.entries.size(), alone.size());
        for (qsizetype i = 0; i < alone.size(); ++i) {
            QCOMPARE(file.entries.at(i).features, alone.at(i).features);
            QCOMPARE(file.entries.at(i).deps, alone.at(i).deps);
            QCOMPARE(file.entries.at(i).invalidReason, alone.at(i).invalidReason);
            QVERIFY(file.entries.at(i) == alone.at(i));
        }
    }

    void parsesEmptyFile()
    {
        QVERIFY(IndexFileParser::parse({}).entries.isEmpty());
        QVERIFY(IndexFileParser::parse("\n\n"_ba).problems.isEmpty());
    }
    void keepsOnlyTrustedLinesForItsCrate_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<bool>("kept");
        QTest::addColumn<QString>("problem");
        const QByteArray cksum = QByteArray(64, 'e');
        const auto make = lineNamed;
        QTest::newRow("its own name") << make("demo", cksum) << true << QString();
        QTest::newRow("another case, as cargo compares") << make("Demo", cksum) << true << QString();
        QTest::newRow("upper-case checksum") << make("demo", cksum.toUpper()) << true << QString();
        QTest::newRow("another crate") << make("serde", cksum) << false << u"not the crate `demo`"_s;
        QTest::newRow("a path for a name") << make("/tmp/demo", cksum) << false << u"not the crate `demo`"_s;
        QTest::newRow("climbing up") << make("../demo", cksum) << false << u"not the crate `demo`"_s;
        QTest::newRow("non-ASCII look-alike") << make("dem\u00f6", cksum) << false << u"not the crate `demo`"_s;
        QTest::newRow("short checksum") << make("demo", "00") << false << u"no valid sha256"_s;
        QTest::newRow("65 hex digits") << make("demo", cksum + 'e') << false << u"no valid sha256"_s;
        QTest::newRow("checksum with a slash") << make("demo", cksum.left(60) + "/../") << false << u"no valid sha256"_s;
    }

    void keepsOnlyTrustedLinesForItsCrate()
    {
        QFETCH(QByteArray, line);
        QFETCH(bool, kept);
        QFETCH(QString, problem);
        const auto result = IndexFileParser::parse("\n" + line + "\n", u"demo");
        QCOMPARE(result.entries.size(), kept ? 1 : 0);
        QCOMPARE(result.problems.size(), kept ? 0 : 1);
        if (!kept)
            QVERIFY2(result.problems.at(0).startsWith(u"line 2: "_s) && result.problems.at(0).contains(problem), qPrintable(result.problems.at(0)));
        // Without a crate to check against (the fuzzer, tools), cargo's own tolerance applies.
        QCOMPARE(IndexFileParser::parse(line).entries.size(), 1);
    }

    void makesMessagesOnlyForProblems()
    {
        // Files of tens of thousands of lines are parsed on worker threads: a good line costs
        // no message, so no translation lookup either. rayon-core's "1.63" is first tried as a
        // full version, which fails on purpose.
        class CountingTranslator : public QTranslator
        {
        public:
            mutable QAtomicInt calls;
            QString translate(const char *, const char *, const char *, int) const override
            {
                calls.ref();
                return {};
            }
            bool isEmpty() const override { return false; }
        };
        CountingTranslator counter;
        QCoreApplication::installTranslator(&counter);
        const auto result = IndexFileParser::parse(tracingCore + '\n' + rayonCore + '\n' + printBytes + '\n' + libcOld);
        const auto own = IndexFileParser::parse(tracingCore + '\n' + tracingCore, u"tracing-core");
        const int callsForGoodLines = counter.calls.loadRelaxed();
        const auto bad = IndexFileParser::parse(minimalWith(R"j("yanked":"yes")j"));
        QCoreApplication::removeTranslator(&counter);

        QCOMPARE(result.entries.size(), 4);
        QVERIFY(result.problems.isEmpty());
        QCOMPARE(own.entries.size(), 2);
        QCOMPARE(callsForGoodLines, 0);
        QVERIFY(!bad.entries.at(0).isValid());
        QVERIFY(counter.calls.loadRelaxed() > 0); // the counting itself works
    }
};

QTEST_GUILESS_MAIN(TestIndexFileParser)
#include "tst_indexfileparser.moc"
