// SPDX-License-Identifier: GPL-3.0-or-later
#include "memoryindexsource.h"
#include "resolve/dependencyclosure.h"
#include "resolve/workspaceroot.h"
#include "crate/cargoworkspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

using Kind = DependencyGraph::Problem::Kind;

namespace {

// Index lines shaped as crates.io writes them; `overrides` replaces or adds fields.
QJsonObject dep(const QString &name, const QString &req, const QJsonObject &overrides = {})
{
    QJsonObject object{{u"name"_s, name},        {u"req"_s, req},
                       {u"features"_s, QJsonArray()}, {u"optional"_s, false},
                       {u"default_features"_s, true}, {u"target"_s, QJsonValue::Null},
                       {u"kind"_s, u"normal"_s}};
    for (auto it = overrides.begin(); it != overrides.end(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

QByteArray line(const QString &name, const QString &vers, const QList<QJsonObject> &deps = {},
                const QJsonObject &features = {}, const QJsonObject &overrides = {})
{
    QJsonArray depArray;
    for (const QJsonObject &object : deps)
        depArray.append(object);
    QJsonObject object{{u"name"_s, name},
                       {u"vers"_s, vers},
                       {u"deps"_s, depArray},
                       {u"cksum"_s, u"0000000000000000000000000000000000000000000000000000000000000000"_s},
                       {u"features"_s, features},
                       {u"yanked"_s, false}};
    for (auto it = overrides.begin(); it != overrides.end(); ++it)
        object.insert(it.key(), it.value());
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

const QJsonObject isOptional{{u"optional"_s, true}};

QJsonArray strings(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

VersionReq req(const QString &text)
{
    const auto parsed = VersionReq::parse(text);
    if (!parsed)
        qFatal("test data is not a requirement");
    return *parsed;
}

QStringList kinds(const QList<DependencyGraph::Problem> &problems)
{
    QStringList result;
    for (const DependencyGraph::Problem &problem : problems) {
        const char *name = "";
        switch (problem.kind) {
        case Kind::UnknownCrate:
            name = "unknown";
            break;
        case Kind::FetchFailed:
            name = "fetch";
            break;
        case Kind::NoMatchingVersion:
            name = "nomatch";
            break;
        case Kind::ConflictingRequirements:
            name = "conflict";
            break;
        case Kind::MissingFeature:
            name = "feature";
            break;
        case Kind::OtherRegistry:
            name = "registry";
            break;
        case Kind::Unsettled:
            name = "unsettled";
            break;
        }
        result.append(QString::fromLatin1(name) + u' ' + problem.crate + u" <- "_s + problem.requiredBy);
    }
    return result;
}

// A diamond whose two sides reach `shared` at different depths, so that `shared` is first
// chosen from one requirement (1.6.0, which pulls in `extra`) and narrowed when the other
// arrives (1.4.9, which does not). Also two majors of `rand` and two minors of `log`.
void addDiamond(MemoryIndexSource &source)
{
    source.addLine(u"app"_s, line(u"app"_s, u"1.0.0"_s,
                                  {dep(u"left"_s, u"^1"_s), dep(u"right"_s, u"^1"_s), dep(u"rand"_s, u"^1"_s)}));
    source.addLine(u"left"_s, line(u"left"_s, u"1.0.0"_s, {dep(u"middle"_s, u"^1"_s), dep(u"log"_s, u"^0.3"_s)}));
    source.addLine(u"middle"_s, line(u"middle"_s, u"1.0.0"_s, {dep(u"lower"_s, u"^1"_s)}));
    source.addLine(u"lower"_s, line(u"lower"_s, u"1.0.0"_s, {dep(u"shared"_s, u">=1.2, <1.5"_s)}));
    source.addLine(u"right"_s, line(u"right"_s, u"1.0.0"_s,
                                    {dep(u"shared"_s, u"^1.3"_s), dep(u"log"_s, u"^0.4"_s), dep(u"rand"_s, u"^2"_s)}));
    for (const QString &vers : {u"1.2.0"_s, u"1.3.0"_s, u"1.4.9"_s})
        source.addLine(u"shared"_s, line(u"shared"_s, vers));
    source.addLine(u"shared"_s, line(u"shared"_s, u"1.6.0"_s, {dep(u"extra"_s, u"^1"_s)}));
    source.addLine(u"extra"_s, line(u"extra"_s, u"1.0.0"_s));
    for (const QString &vers : {u"0.3.8"_s, u"0.4.20"_s, u"0.4.21"_s})
        source.addLine(u"log"_s, line(u"log"_s, vers));
    for (const QString &vers : {u"1.9.0"_s, u"2.0.1"_s, u"3.0.0"_s})
        source.addLine(u"rand"_s, line(u"rand"_s, vers));
}

const QStringList diamondSummary{
    u"app 1.0.0 -> left@1 right@1 rand@1"_s,
    u"left 1.0.0 -> middle@1 log@0.3"_s,
    u"log 0.3.8"_s,
    u"log 0.4.21"_s,
    u"lower 1.0.0 -> shared@1"_s,
    u"middle 1.0.0 -> lower@1"_s,
    u"rand 1.9.0"_s,
    u"rand 2.0.1"_s,
    u"right 1.0.0 -> shared@1 log@0.4 rand@2"_s,
    u"shared 1.4.9"_s,
};

} // namespace

class TestDependencyClosure : public QObject
{
    Q_OBJECT

private:
    // Runs a closure to its end; false (after saying why) when it did not end exactly once.
    [[nodiscard]] static bool resolve(DependencyGraph *graph, MemoryIndexSource &source, const QString &root,
                                      const QString &requirement, const QStringList &features = {},
                                      bool defaultFeatures = true)
    {
        DependencyClosure closure(&source);
        QSignalSpy finished(&closure, &DependencyClosure::finished);
        closure.start(root, req(requirement), features, defaultFeatures);
        if (finished.isEmpty() && !finished.wait(5000)) {
            qWarning("the closure did not finish");
            return false;
        }
        if (finished.size() != 1 || closure.isCancelled() || closure.isRunning()) {
            qWarning("the closure finished %d times", int(finished.size()));
            return false;
        }
        *graph = closure.graph();
        return true;
    }

private Q_SLOTS:
    void resolvesChain()
    {
        MemoryIndexSource source;
        source.addLine(u"app"_s, line(u"app"_s, u"1.0.0"_s, {dep(u"b"_s, u"^1"_s)}));
        source.addLine(u"b"_s, line(u"b"_s, u"1.0.0"_s));
        source.addLine(u"b"_s, line(u"b"_s, u"1.2.0"_s, {dep(u"c"_s, u"^0.3"_s)}));
        source.addLine(u"b"_s, line(u"b"_s, u"2.0.0"_s));
        for (const QString &vers : {u"0.3.1"_s, u"0.3.5"_s, u"0.4.0"_s})
            source.addLine(u"c"_s, line(u"c"_s, vers));

        DependencyGraph graph;
        QVERIFY(resolve(&graph, source, u"app"_s, u"*"_s));
        QCOMPARE(graph.summary(), (QStringList{u"app 1.0.0 -> b@1"_s, u"b 1.2.0 -> c@0.3"_s, u"c 0.3.5"_s}));
        QCOMPARE(graph.root, u"app@1"_s);
        QVERIFY(graph.node(u"app@1"_s)->isRoot);
        QCOMPARE(graph.node(u"c@0.3"_s)->requirements, QStringList{u"^0.3"_s});
        QVERIFY(graph.problems.isEmpty());
    }

    void resolvesAWorkspaceAsCargoLocksIt()
    {
        using ManifestDep = CargoManifest::Dependency;
        const auto manifestDep = [](const QString &name, const QString &req, ManifestDep::Kind kind = ManifestDep::Kind::Normal) {
            ManifestDep dep;
            dep.name = name;
            dep.versionRequirement = req;
            dep.kind = kind;
            return dep;
        };
        CargoWorkspace workspace;
        CargoWorkspace::Package app;
        app.name = u"app"_s;
        // Every feature of a member is on: the optional `opt`, and "left/fast" asks left for fast.
        app.features.insert(u"extra"_s, {u"dep:opt"_s, u"left?/fast"_s});
        app.dependencies << manifestDep(u"left"_s, u"^1"_s) << manifestDep(u"opt"_s, u"^1"_s)
                         << manifestDep(u"cc"_s, u"^1"_s, ManifestDep::Kind::Build)
                         << manifestDep(u"testkit"_s, u"^1"_s, ManifestDep::Kind::Development);
        app.dependencies[1].optional = true;
        ManifestDep named = manifestDep(u"named"_s, u"^1"_s);
        named.registry = u"company"_s; // the feed answers for every registry a manifest names
        CargoWorkspace::Package tool;
        tool.name = u"tool"_s;
        tool.dependencies << named;
        workspace.packages << app << tool;

        MemoryIndexSource source;
        source.addLine(u"left"_s, line(u"left"_s, u"1.0.0"_s, {dep(u"speed"_s, u"^1"_s, isOptional)},
                                       QJsonObject{{u"fast"_s, strings({u"dep:speed"_s})}}));
        for (const QString &name : {u"opt"_s, u"cc"_s, u"speed"_s, u"named"_s})
            source.addLine(name, line(name, u"1.0.0"_s));
        source.addLine(u"testkit"_s, line(u"testkit"_s, u"1.0.0"_s, {dep(u"devonly"_s, u"^1"_s, {{u"kind"_s, u"dev"_s}})}));

        DependencyClosure closure(&source);
        QSignalSpy finished(&closure, &DependencyClosure::finished);
        closure.start(WorkspaceRoot::entry(workspace));
        QVERIFY(finished.wait(5000));
        const DependencyGraph graph = closure.graph();
        QCOMPARE(graph.summary(), (QStringList{u"[workspace] 0.0.0 -> left@1 opt@1 cc@1 testkit@1 named@1"_s, u"cc 1.0.0"_s,
                                               u"left 1.0.0 [fast] -> speed@1"_s, u"named 1.0.0"_s, u"opt 1.0.0"_s, u"speed 1.0.0"_s,
                                               u"testkit 1.0.0"_s}));
        QCOMPARE(graph.node(u"left@1"_s)->features, QStringList{u"fast"_s});
        QVERIFY(graph.problems.isEmpty());
        // The stand-in is never asked of the feed, and no crate name can be spelled like it.
        QVERIFY2(!source.requests().contains(WorkspaceRoot::Name), qPrintable(source.requests().join(u' ')));
        QVERIFY(!source.requests().contains(u"devonly"_s));
    }

    void unifiesDiamondAndDropsStaleEdges()
    {
        MemoryIndexSource source;
        addDiamond(source);
        DependencyGraph graph;
        QVERIFY(resolve(&graph, source, u"app"_s, u"^1"_s));
        QCOMPARE(graph.summary(), diamondSummary);
        QCOMPARE(graph.node(u"shared@1"_s)->requirements, (QStringList{u">=1.2, <1.5"_s, u"^1.3"_s}));
        QVERIFY(!graph.node(u"extra@1"_s)); // only shared 1.6.0 wanted it
        QVERIFY(graph.problems.isEmpty());
    }

    void sameGraphInAnyOrder_data()
    {
        QTest::addColumn<int>("seed");
        QTest::addColumn<bool>("synchronous");

        for (int seed = 1; seed <= 6; ++seed)
            QTest::addRow("seed %d", seed) << seed << false;
        QTest::newRow("answers from inside requestIndex") << 0 << true;
    }

    void sameGraphInAnyOrder()
    {
        QFETCH(int, seed);
        QFETCH(bool, synchronous);

        MemoryIndexSource source;
        addDiamond(source);
        source.setSeed(size_t(seed));
        source.setSynchronous(synchronous);
        DependencyGraph graph;
        QVERIFY(resolve(&graph, source, u"app"_s, u"^1"_s));
        QCOMPARE(graph.summary(), diamondSummary);
    }

    void requestsEachIndexOnceInParallel()
    {
        MemoryIndexSource source;
        QList<QJsonObject> rootDeps;
        for (int i = 1; i <= 6; ++i) {
            const QString name = u"n%1"_s.arg(i);
            rootDeps.append(dep(name, u"^1"_s));
            QList<QJsonObject> deps{dep(u"common"_s, u"^1"_s)};
            for (int j = i + 1; j <= 6; ++j)
                deps.append(dep(u"n%1"_s.arg(j), u"^1"_s));
            source.addLine(name, line(name, u"1.0.0"_s, deps));
        }
        source.addLine(u"app"_s, line(u"app"_s, u"1.0.0"_s, rootDeps));
        source.addLine(u"common"_s, line(u"common"_s, u"1.0.0"_s, {dep(u"Missing-Crate"_s, u"^1"_s)}));

        DependencyClosure closure(&source);
        QSignalSpy finished(&closure, &DependencyClosure::finished);
        QSignalSpy progress(&closure, &DependencyClosure::progress);
        closure.start(u"app"_s, VersionReq());
        QVERIFY(finished.wait(5000));

        QStringList requests = source.requests();
        QCOMPARE(requests.size(), 9); // app, n1..n6, common, Missing-Crate
        for (QString &name : requests)
            name = name.toLower();
        QCOMPARE(QSet<QString>(requests.cbegin(), requests.cend()).size(), requests.size());
        QCOMPARE(closure.requestedCrates(), source.requests());
        QVERIFY2(source.maxInFlight() >= 6, "the root's dependencies were not fetched together");

        QCOMPARE(closure.graph().nodes.size(), 8);
        QCOMPARE(kinds(closure.graph().problems), QStringList{u"unknown Missing-Crate <- common@1"_s});
        // Progress ends with everything answered and nothing pending.
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last().at(0).toInt(), 9);
        QCOMPARE(progress.last().at(1).toInt(), 0);
    }

    void fetchesEachFileOnceWhateverTheCase()
    {
        // cargo asks for the lower-cased file, then keeps only lines spelled exactly as the
        // dependency does: "Shared" finds no such lines in the file that "shared" uses.
        MemoryIndexSource source;
        source.addLine(u"app"_s, line(u"app"_s, u"1.0.0"_s, {dep(u"shared"_s, u"^1"_s), dep(u"Shared"_s, u"^1"_s)}));
        source.addLine(u"shared"_s, line(u"shared"_s, u"1.0.0"_s));
        DependencyGraph graph;
        QVERIFY(resolve(&graph, source, u"app"_s, u"*"_s));
        QCOMPARE(source.requests(), (QStringList{u"app"_s, u"shared"_s}));
        QCOMPARE(graph.summary(), (QStringList{u"app 1.0.0 -> shared@1 !Shared"_s, u"shared 1.0.0"_s}));
        QCOMPARE(kinds(graph.problems), QStringList{u"unknown Shared <- app@1"_s});
    }

    void sharesSourceWithAnotherClosure()
    {
        MemoryIndexSource source;
        addDiamond(source);
        source.addLine(u"other"_s, line(u"other"_s, u"1.0.0"_s, {dep(u"rand"_s, u"^3"_s), dep(u"log"_s, u"^0.4"_s)}));
        DependencyClosure first(&source);
        DependencyClosure second(&source);
        QSignalSpy firstFinished(&first, &DependencyClosure::finished);
        QSignalSpy secondFinished(&second, &DependencyClosure::finished);
        first.start(u"app"_s, VersionReq());
        second.start(u"other"_s, VersionReq());
        QTRY_COMPARE(firstFinished.size() + secondFinished.size(), 2);

        QCOMPARE(first.graph().summary(), diamondSummary);
        QCOMPARE(second.graph().summary(),
                 (QStringList{u"log 0.4.21"_s, u"other 1.0.0 -> rand@3 log@0.4"_s, u"rand 3.0.0"_s}));
        // Each asked for what it needed, once; answers meant for the other were ignored.
        QCOMPARE(second.requestedCrates(), (QStringList{u"other"_s, u"rand"_s, u"log"_s}));
        QCOMPARE(source.requests().count(u"log"_s), 2);
    }

    void keepsMajorsApart()
    {
        MemoryIndexSource source;
        addDiamond(source);
        DependencyGraph graph;
        QVERIFY(resolve(&graph, source, u"app"_s, u"^1"_s));
        QCOMPARE(graph.node(u"rand@1"_s)->version, SemVer(1, 9, 0));
        QCOMPARE(graph.node(u"rand@2"_s)->version, SemVer(2, 0, 1));
        QCOMPARE(graph.node(u"log@0.3"_s)->compatibility, u"0.3"_s);
        QCOMPARE(graph.node(u"log@0.4"_s)->version, SemVer(0, 4, 21));
    }

    void skipsYankedAndUnusableVersions()
    {
        MemoryIndexSource source;
        source.addLine(u"app"_s, line(u"app"_s, u"1.0.0"_s, {dep(u"lib"_s, u"^1"_s), dep(u"gone"_s, u"^2"_s)}));
        source.addLine(u"lib"_s, line(u"lib"_s, u"1.4.0"_s));
        source.addLine(u"lib"_s, line(u"lib"_s, u"1.5.0"_s, {}, {}, {{u"yanked"_s, true}}));
        source.addLine(u"lib"_s, line(u"lib"_s, u"1.6.0"_s, {}, {}, {{u"pubtime"_s, u"2025-01-01T00:00:00.5Z"_s}}));
        source.addLine(u"lib"_s, line(u"lib"_s, u"1.7.0"_s, {}, {}, {{u"v"_s, 3}}));
        source.addLine(u"lib"_s, line(u"lib"_s, u"1.8.0-rc.1"_s)); // pre-release: "^1" never matches it
        source.addLine(u"gone"_s, line(u"gone"_s, u"1.0.0"_s));
        source.addLine(u"gone"_s, line(u"gone"_s, u"2.0.0"_s, {}, {}, {{u"yanked"_s, true}}));

        DependencyGraph graph;
        QVERIFY(resolve(&graph, source, u"app"_s, u"*"_s));
        QCOMPARE(graph.summary(), (QStringList{u"app 1.0.0 -> lib@1 !gone"_s, u"lib 1.4.0"_s}));
        QCOMPARE(kinds(graph.problems), QStringList{u"nomatch gone <- app@1"_s});
        QVERIFY2(graph.problems.first().message.contains(u"yanked"_s), qPrintable(graph.problems.first().message));
        QCOMPARE(graph.problems.first().requirement, u"^2"_s);
    }

    void enablesOptionalDependencies_data()
    {
        QTest::addColumn<QStringList>("features");
        QTest::addColumn<QStringList>("summary");

        QTest::newRow("none") << QStringList() << QStringList{u"always 1.0.0"_s, u"app 1.0.0 -> always@1"_s};
        QTest::newRow("dep:") << QStringList{u"use-dep"_s}
                              << QStringList{u"always 1.0.0"_s, u"app 1.0.0 [use-dep] -> always@1 opt-dep@1"_s,
                                             u"opt-dep 1.0.0"_s};
        // "x/feat" turns x on, with its implicit feature, and asks x for feat.
        QTest::newRow("x/feat") << QStringList{u"use-feat"_s}
                                << QStringList{u"always 1.0.0"_s,
                                               u"app 1.0.0 [opt-feat,use-feat] -> always@1 opt-feat@1"_s,
                                               u"opt-feat 1.0.0 [fast]"_s};
        // "x?/feat" turns x on as well, without its implicit feature: cargo's Cargo.lock has x
        // (tst_clicargo holds this against real cargo), only a build leaves it out.
        QTest::newRow("x?/feat alone") << QStringList{u"weak"_s}
                                       << QStringList{u"always 1.0.0 [extra]"_s, u"app 1.0.0 [weak] -> always@1 opt-weak@1"_s,
                                                      u"opt-weak 1.0.0 [extra]"_s};
        QTest::newRow("x?/feat with x on") << QStringList{u"weak"_s, u"opt-weak"_s}
                                           << QStringList{u"always 1.0.0 [extra]"_s,
                                                          u"app 1.0.0 [opt-weak,weak] -> always@1 opt-weak@1"_s,
                                                          u"opt-weak 1.0.0 [extra]"_s};
        QTest::newRow("implicit feature") << QStringList{u"opt-implicit"_s}
                                          << QStringList{u"always 1.0.0"_s,
                                                         u"app 1.0.0 [opt-implicit] -> always@1 opt-implicit@1"_s,
                                                         u"opt-implicit 1.0.0"_s};
        QTest::newRow("through another feature")
            << QStringList{u"implicit-on"_s}
            << QStringList{u"always 1.0.0"_s, u"app 1.0.0 [implicit-on,opt-implicit] -> always@1 opt-implicit@1"_s,
                           u"opt-implicit 1.0.0"_s};
        QTest::newRow("unknown feature")
            << QStringList{u"no-such"_s} << QStringList{u"always 1.0.0"_s, u"app 1.0.0 -> always@1"_s};
    }

    void enablesOptionalDependencies()
    {
        QFETCH(QStringList, features);
        QFETCH(QStringList, summary);

        MemoryIndexSource source;
        const QJsonObject appFeatures{{u"use-dep"_s, strings({u"dep:opt-dep"_s})},
                                      {u"use-feat"_s, strings({u"opt-feat/fast"_s})},
                                      {u"weak"_s, strings({u"opt-weak?/extra"_s, u"always/extra"_s})},
                                      {u"implicit-on"_s, strings({u"opt-implicit"_s})}};
        source.addLine(u"app"_s, line(u"app"_s, u"1.0.0"_s,
                                      {dep(u"always"_s, u"^1"_s), dep(u"opt-dep"_s, u"^1"_s, isOptional),
                                       dep(u"opt-feat"_s, u"^1"_s, isOptional), dep(u"opt-weak"_s, u"^1"_s, isOptional),
                                       dep(u"opt-implicit"_s, u"^1"_s, isOptional)},
                                      appFeatures, {{u"v"_s, 2}}));
        const QJsonObject childFeatures{{u"fast"_s, QJsonArray()}, {u"extra"_s, QJsonArray()}};
        for (const QString &name : {u"always"_s, u"opt-dep"_s, u"opt-feat"_s, u"opt-weak"_s, u"opt-implicit"_s})
            source.addLine(name, line(name, u"1.0.0"_s, {}, childFeatures));

        DependencyGraph graph;
        QVERIFY(resolve(&graph, source, u"app"_s, u"*"_s, features));
        QCOMPARE(graph.summary(), summary);
        // Optional crates that stay off are never fetched.
        for (const QString &name : {u"opt-dep"_s, u"opt-feat"_s, u"opt-weak"_s, u"opt-implicit"_s}) {
            const bool used = std::any_of(graph.nodes.cbegin(), graph.nodes.cend(),
                                          [&](const DependencyGraph::Node &node) { return node.name == name; });
            QCOMPARE(source.requests().contains(name), used);
        }
        const bool unknown = features.contains(u"no-such"_s);
        QCOMPARE(kinds(graph.problems), unknown ? QStringList{u"feature app <- "_s} : QStringList());
    }

    void honoursDefaultFeatures_data()
    {
        QTest::addColumn<bool>("appDefaults");
        QTest::addColumn<bool>("otherWantsDefaults"); // a second dependent, without default_features=false
        QTest::addColumn<QStringList>("libFeatures");
        QTest::addColumn<bool>("helper");

        QTest::newRow("defaults on") << true << false << QStringList{u"default"_s, u"std"_s} << true;
        QTest::newRow("default_features=false") << false << false << QStringList() << false;
        QTest::newRow("unified with a dependent that keeps defaults")
            << false << true << QStringList{u"default"_s, u"std"_s} << true;
    }

    void honoursDefaultFeatures()
    {
        QFETCH(bool, appDefaults);
        QFETCH(bool, otherWantsDefaults);
        QFETCH(QStringList, libFeatures);
        QFETCH(bool, helper);

        MemoryIndexSource source;
        QList<QJsonObject> appDeps{dep(u"lib"_s, u"^1"_s, {{u"default_features"_s, appDefaults}})};
        if (otherWantsDefaults)
            appDeps.append(dep(u"other"_s, u"^1"_s));
        source.addLine(u"app"_s, line(u"app"_s, u"1.0.0"_s, appDeps));
        source.addLine(u"other"_s, line(u"other"_s, u"1.0.0"_s, {dep(u"lib"_s, u"^1.1"_s)}));
        source.addLine(u"lib"_s, line(u"lib"_s, u"1.1.0"_s, {dep(u"helper"_s, u"^1"_s, isOptional)},
                                      {{u"default"_s, strings({u"std"_s})}, {u"std"_s, strings({u"dep:helper"_s})}}));
        source.addLine(u"helper"_s, line(u"helper"_s, u"1.0.0"_s));

        DependencyGraph graph;
        QVERIFY(resolve(&graph, source, u"app"_s, u"*"_s));
        QCOMPARE(graph.node(u"lib@1"_s)->features, libFeatures);
        QCOMPARE(graph.node(u"helper@1"_s) != nullptr, helper);
        QCOMPARE(!graph.node(u"lib@1"_s)->dependencies.isEmpty(), helper);
    }

    void followsBuildButNotDevDependencies()
    {
        MemoryIndexSource source;
        source.addLine(u"app"_s, line(u"app"_s, u"1.0.0"_s,
                                      {dep(u"cc"_s, u"^1"_s, {{u"kind"_s, u"build"_s}}),
                                       dep(u"testkit"_s, u"^1"_s, {{u"kind"_s, u"dev"_s}}),
                                       dep(u"proptest"_s, u"^1"_s, {{u"kind"_s, u"dev"_s}})}));
        source.addLine(u"cc"_s, line(u"cc"_s, u"1.2.0"_s, {dep(u"jobserver"_s, u"^0.1"_s)}));
        source.addLine(u"jobserver"_s, line(u"jobserver"_s, u"0.1.9"_s));
        source.addLine(u"proptest"_s, line(u"proptest"_s, u"1.0.0"_s));

        DependencyGraph graph;
        QVERIFY(resolve(&graph, source, u"app"_s, u"*"_s));
        QCOMPARE(graph.summary(), (QStringList{u"app 1.0.0 -> cc@1"_s, u"cc 1.2.0 -> jobserver@0.1"_s, u"jobserver 0.1.9"_s}));
        QCOMPARE(graph.node(u"app@1"_s)->dependencies.first().kind, IndexDependency::Kind::Build);
        QCOMPARE(source.requests(), (QStringList{u"app"_s, u"cc"_s, u"jobserver"_s}));
        QVERIFY(graph.problems.isEmpty());
    }

    void reportsWhatDidNotResolve()
    {
        MemoryIndexSource source;
        source.addLine(u"app"_s, line(u"app"_s, u"1.0.0"_s,
                                      {dep(u"missing"_s, u"^1"_s), dep(u"old"_s, u"^9"_s), dep(u"flaky"_s, u"^1"_s),
                                       dep(u"fine"_s, u"^1"_s), dep(u"Tolerant"_s, u"^1"_s)}));
        source.addLine(u"old"_s, line(u"old"_s, u"1.0.0"_s));
        source.setFailure(u"flaky"_s, u"HTTP 503"_s);
        source.addLine(u"fine"_s, line(u"fine"_s, u"1.0.0"_s));
        // The file exists, but its lines are spelled differently: cargo matches names exactly.
        source.addLine(u"tolerant"_s, line(u"tolerant"_s, u"1.0.0"_s));

        DependencyGraph graph;
        QVERIFY(resolve(&graph, source, u"app"_s, u"*"_s));
        QCOMPARE(graph.summary(), (QStringList{u"app 1.0.0 -> !missing !old !flaky fine@1 !Tolerant"_s, u"fine 1.0.0"_s}));
        QCOMPARE(kinds(graph.problems), (QStringList{u"unknown missing <- app@1"_s, u"nomatch old <- app@1"_s,
                                                     u"fetch flaky <- app@1"_s, u"unknown Tolerant <- app@1"_s}));
        QVERIFY(graph.problems.at(2).message.contains(u"HTTP 503"_s));
        QCOMPARE(graph.problems.at(1).requirement, u"^9"_s);
    }

    void reportsUnknownRoot()
    {
        MemoryIndexSource source;
        DependencyGraph graph;
        QVERIFY(resolve(&graph, source, u"nothing"_s, u"^1"_s));
        QVERIFY(graph.root.isEmpty());
        QVERIFY(graph.nodes.isEmpty());
        QCOMPARE(kinds(graph.problems), QStringList{u"unknown nothing <- "_s});
    }

    void reportsConflictAndCarriesOn()
    {
        MemoryIndexSource source;
        source.addLine(u"app"_s, line(u"app"_s, u"1.0.0"_s, {dep(u"a"_s, u"=1.0.0"_s), dep(u"b"_s, u"^1"_s)}));
        source.addLine(u"b"_s, line(u"b"_s, u"1.0.0"_s, {dep(u"a"_s, u"=1.1.0"_s)}));
        source.addLine(u"a"_s, line(u"a"_s, u"1.0.0"_s));
        source.addLine(u"a"_s, line(u"a"_s, u"1.1.0"_s, {dep(u"c"_s, u"^1"_s)}));
        source.addLine(u"c"_s, line(u"c"_s, u"1.0.0"_s));

        DependencyGraph graph;
        QVERIFY(resolve(&graph, source, u"app"_s, u"*"_s));
        QCOMPARE(kinds(graph.problems), QStringList{u"conflict a <- "_s});
        QVERIFY2(graph.problems.first().message.contains(u"=1.0.0 (from app@1)"_s), qPrintable(graph.problems.first().message));
        // Each candidate meets one requirement; the higher one is kept, and its deps followed.
        QCOMPARE(graph.node(u"a@1"_s)->version, SemVer(1, 1, 0));
        QVERIFY(graph.node(u"c@1"_s));
    }

    void growsFeaturesFromLaterDependents()
    {
        MemoryIndexSource source;
        source.addLine(u"app"_s, line(u"app"_s, u"1.0.0"_s,
                                      {dep(u"a"_s, u"^1"_s, {{u"features"_s, strings({u"x"_s})}}), dep(u"b"_s, u"^1"_s)}));
        source.addLine(u"b"_s, line(u"b"_s, u"1.0.0"_s, {dep(u"a"_s, u"^1"_s, {{u"features"_s, strings({u"y"_s})}})}));
        source.addLine(u"a"_s, line(u"a"_s, u"1.0.0"_s, {dep(u"p"_s, u"^1"_s, isOptional), dep(u"q"_s, u"^1"_s, isOptional)},
                                    {{u"x"_s, strings({u"dep:p"_s})}, {u"y"_s, strings({u"dep:q"_s})}}));
        source.addLine(u"p"_s, line(u"p"_s, u"1.0.0"_s));
        source.addLine(u"q"_s, line(u"q"_s, u"1.0.0"_s));
        source.setDelay(u"b"_s, 40); // b's request for feature y arrives after a is resolved

        DependencyGraph graph;
        QVERIFY(resolve(&graph, source, u"app"_s, u"*"_s));
        QCOMPARE(graph.summary(), (QStringList{u"a 1.0.0 [x,y] -> p@1 q@1"_s, u"app 1.0.0 -> a@1 b@1"_s,
                                               u"b 1.0.0 -> a@1"_s, u"p 1.0.0"_s, u"q 1.0.0"_s}));
        QCOMPARE(graph.node(u"app@1"_s)->dependencies.first().features, QStringList{u"x"_s});
    }

    void followsRenamesAndMarksTargets()
    {
        MemoryIndexSource source;
        source.addLine(u"app"_s, line(u"app"_s, u"1.0.0"_s,
                                      {dep(u"sys"_s, u">=0.23.0, <0.24.0"_s,
                                           {{u"package"_s, u"tracy-client-sys"_s}, {u"default_features"_s, false}}),
                                       dep(u"winapi"_s, u"^0.3"_s, {{u"target"_s, u"cfg(windows)"_s}}),
                                       dep(u"libc"_s, u"^0.2"_s, {{u"target"_s, u"cfg(unix)"_s}}),
                                       dep(u"helper"_s, u"^1"_s)},
                                      {{u"default"_s, strings({u"sys/enable"_s})}}));
        source.addLine(u"tracy-client-sys"_s, line(u"tracy-client-sys"_s, u"0.23.5"_s, {}, {{u"enable"_s, QJsonArray()}}));
        source.addLine(u"winapi"_s, line(u"winapi"_s, u"0.3.9"_s));
        source.addLine(u"libc"_s, line(u"libc"_s, u"0.2.150"_s));
        source.addLine(u"helper"_s, line(u"helper"_s, u"1.0.0"_s, {dep(u"libc"_s, u"^0.2"_s)}));

        DependencyGraph graph;
        QVERIFY(resolve(&graph, source, u"app"_s, u"*"_s));
        const DependencyGraph::Edge &sys = graph.node(u"app@1"_s)->dependencies.first();
        QCOMPARE(sys.name, u"sys"_s);
        QCOMPARE(sys.package, u"tracy-client-sys"_s);
        QCOMPARE(sys.node, u"tracy-client-sys@0.23"_s);
        QCOMPARE(sys.features, QStringList{u"enable"_s});
        QCOMPARE(graph.node(u"tracy-client-sys@0.23"_s)->features, QStringList{u"enable"_s});

        QCOMPARE(graph.node(u"app@1"_s)->dependencies.at(1).target, u"cfg(windows)"_s);
        QVERIFY(graph.node(u"winapi@0.3"_s)->platformSpecific);
        QVERIFY(!graph.node(u"libc@0.2"_s)->platformSpecific); // helper needs it everywhere
        QVERIFY(!graph.node(u"tracy-client-sys@0.23"_s)->platformSpecific);
    }

    void leavesOtherRegistriesAlone()
    {
        MemoryIndexSource source;
        source.addLine(u"app"_s, line(u"app"_s, u"1.0.0"_s,
                                      {dep(u"serde"_s, u"^1"_s,
                                           {{u"registry"_s, u"https://github.com/rust-lang/crates.io-index"_s}})}));
        DependencyGraph graph;
        QVERIFY(resolve(&graph, source, u"app"_s, u"*"_s));
        QCOMPARE(kinds(graph.problems), QStringList{u"registry serde <- app@1"_s});
        QCOMPARE(source.requests(), QStringList{u"app"_s});
        QCOMPARE(graph.node(u"app@1"_s)->dependencies.first().registry, u"https://github.com/rust-lang/crates.io-index"_s);
    }

    void cancelsMidway()
    {
        MemoryIndexSource source;
        constexpr int chain = 20;
        for (int i = 0; i < chain; ++i) {
            const QString name = u"c%1"_s.arg(i);
            source.addLine(name, line(name, u"1.0.0"_s, {dep(u"c%1"_s.arg(i + 1), u"^1"_s)}));
            source.setDelay(name, 20);
        }
        DependencyClosure closure(&source);
        QSignalSpy finished(&closure, &DependencyClosure::finished);
        QSignalSpy progress(&closure, &DependencyClosure::progress);
        closure.start(u"c0"_s, VersionReq());
        QTRY_VERIFY(std::any_of(progress.cbegin(), progress.cend(), [](const QList<QVariant> &args) {
            return args.at(0).toInt() >= 2;
        }));
        QVERIFY(closure.isRunning());
        closure.cancel();
        QCOMPARE(finished.size(), 1);
        QVERIFY(closure.isCancelled());
        QVERIFY(!closure.isRunning());
        closure.cancel(); // a second cancel is a no-op
        QCOMPARE(finished.size(), 1);

        const qsizetype requestsAtCancel = source.requests().size();
        const qsizetype progressAtCancel = progress.size();
        const QStringList summaryAtCancel = closure.graph().summary();
        QTRY_COMPARE(source.inFlight(), 0); // late answers arrive...
        QVERIFY(!finished.wait(50));        // ...and change nothing
        QCOMPARE(source.requests().size(), requestsAtCancel);
        QCOMPARE(progress.size(), progressAtCancel);
        QCOMPARE(closure.graph().summary(), summaryAtCancel);
        QVERIFY(requestsAtCancel < chain);
    }

    void restartSupersedesRun()
    {
        MemoryIndexSource source;
        addDiamond(source);
        source.addLine(u"solo"_s, line(u"solo"_s, u"1.0.0"_s));
        DependencyClosure closure(&source);
        QSignalSpy finished(&closure, &DependencyClosure::finished);
        closure.start(u"app"_s, VersionReq());
        closure.start(u"solo"_s, VersionReq());
        QVERIFY(finished.wait(5000));
        QTRY_COMPARE(source.inFlight(), 0);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(closure.graph().summary(), QStringList{u"solo 1.0.0"_s});
        QCOMPARE(closure.requestedCrates(), QStringList{u"solo"_s});
    }
};

QTEST_GUILESS_MAIN(TestDependencyClosure)
#include "tst_dependencyclosure.moc"
