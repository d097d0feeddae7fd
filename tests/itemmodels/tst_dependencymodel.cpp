// SPDX-License-Identifier: GPL-3.0-or-later
#include "itemmodels/dependencymodel.h"
#include "itemmodels/roles.h"
#include "modeldump.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

using Kind = IndexDependency::Kind;

IndexDependency dep(const QString &name, const QString &req, Kind kind = Kind::Normal)
{
    IndexDependency d;
    d.name = name;
    d.req = req;
    d.kind = kind;
    return d;
}

IndexEntry withDeps(const QList<IndexDependency> &deps)
{
    IndexEntry e;
    e.name = u"demo"_s;
    e.vers = u"1.0.0"_s;
    e.version = SemVer(1, 0, 0);
    e.deps = deps;
    return e;
}

} // namespace

class TestDependencyModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void groupsByKind_data()
    {
        QTest::addColumn<QList<IndexDependency>>("deps");
        QTest::addColumn<QString>("feed");
        QTest::addColumn<QStringList>("expected");

        QTest::newRow("none") << QList<IndexDependency>{} << QString() << QStringList{};

        QTest::newRow("kinds in order, names sorted")
            << QList<IndexDependency>{dep(u"rand"_s, u"^0.8"_s, Kind::Dev), dep(u"cc"_s, u"^1.0"_s, Kind::Build),
                                      dep(u"serde"_s, u"^1"_s), dep(u"Libc"_s, u"^0.2"_s), dep(u"anyhow"_s, u"^1"_s, Kind::Dev)}
            << QString()
            << QStringList{u"Dependencies (2)"_s,          u"  Libc | ^0.2 |  |  |  | yes"_s,
                           u"  serde | ^1 |  |  |  | yes"_s, u"Build dependencies (1)"_s,
                           u"  cc | ^1.0 |  |  |  | yes"_s,   u"Dev dependencies (2)"_s,
                           u"  anyhow | ^1 |  |  |  | yes"_s, u"  rand | ^0.8 |  |  |  | yes"_s};

        IndexDependency renamed = dep(u"print_bytes2"_s, u"^0.7"_s);
        renamed.package = u"print_bytes"_s;
        IndexDependency windows = dep(u"windows-sys"_s, u"^0.36"_s);
        windows.target = u"cfg(windows)"_s;
        windows.features = {u"Win32_Foundation"_s, u"Win32_System_Console"_s};
        IndexDependency valuable = dep(u"valuable"_s, u"^0.1.0"_s);
        valuable.optional = true;
        valuable.defaultFeatures = false;
        QTest::newRow("renamed, target, features, optional")
            << QList<IndexDependency>{windows, renamed, valuable} << QString()
            << QStringList{u"Dependencies (3)"_s, u"  print_bytes2 → print_bytes | ^0.7 |  |  |  | yes"_s,
                           u"  valuable | ^0.1.0 | optional |  |  | no"_s,
                           u"  windows-sys | ^0.36 |  | cfg(windows) | Win32_Foundation, Win32_System_Console | yes"_s};

        IndexDependency fromCratesIo = dep(u"serde"_s, u"^1"_s);
        fromCratesIo.registry = u"https://github.com/rust-lang/crates.io-index"_s;
        IndexDependency fromOther = dep(u"internal"_s, u"^2"_s);
        fromOther.registry = u"sparse+https://proget.example.com/cargo/other/"_s;
        IndexDependency fromSame = dep(u"sibling"_s, u"^3"_s);
        fromSame.registry = u"https://proget.example.com/cargo/main"_s;
        QTest::newRow("other registries")
            << QList<IndexDependency>{fromCratesIo, fromOther, fromSame} << u"sparse+https://proget.example.com/cargo/main/"_s
            << QStringList{u"Dependencies (3)"_s,
                           u"  internal | ^2 |  |  |  | yes | sparse+https://proget.example.com/cargo/other/"_s,
                           u"  serde | ^1 |  |  |  | yes | crates.io"_s, u"  sibling | ^3 |  |  |  | yes"_s};
        QTest::newRow("crates.io deps seen from crates.io")
            << QList<IndexDependency>{fromCratesIo} << u"sparse+https://index.crates.io/"_s
            << QStringList{u"Dependencies (1)"_s, u"  serde | ^1 |  |  |  | yes"_s};

        IndexDependency unixLibc = dep(u"libc"_s, u"^0.2"_s);
        unixLibc.target = u"cfg(unix)"_s;
        IndexDependency wasiLibc = dep(u"libc"_s, u"^0.2.100"_s);
        wasiLibc.target = u"cfg(target_os = \"wasi\")"_s;
        QTest::newRow("same crate per target")
            << QList<IndexDependency>{unixLibc, wasiLibc} << QString()
            << QStringList{u"Dependencies (2)"_s, u"  libc | ^0.2.100 |  | cfg(target_os = \"wasi\") |  | yes"_s,
                           u"  libc | ^0.2 |  | cfg(unix) |  | yes"_s};
    }

    void groupsByKind()
    {
        QFETCH(QList<IndexDependency>, deps);
        QFETCH(QString, feed);
        QFETCH(QStringList, expected);
        DependencyModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setEntry(withDeps(deps), feed);
        QCOMPARE(reset.count(), 1);
        QCOMPARE(ModelDump::dump(model), expected);
    }

    void roles()
    {
        IndexDependency renamed = dep(u"bytes2"_s, u"^0.7"_s, Kind::Build);
        renamed.package = u"print_bytes"_s;
        renamed.optional = true;
        renamed.features = {u"std"_s};
        renamed.registry = u"https://other.example.com/index"_s;
        DependencyModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setEntry(withDeps({renamed}));
        const QModelIndex group = model.index(0, 0);
        QVERIFY(group.data(Roles::DependencyIsGroup).toBool());
        QCOMPARE(group.data(Roles::DependencyKind).toInt(), int(Kind::Build));
        const QModelIndex row = model.index(0, 1, group);
        QCOMPARE(row.parent(), group);
        QVERIFY(!row.data(Roles::DependencyIsGroup).toBool());
        QCOMPARE(row.data(Roles::DependencyKind).toInt(), int(Kind::Build));
        QCOMPARE(row.data(Roles::DependencyName).toString(), u"bytes2"_s);
        QCOMPARE(row.data(Roles::DependencyPackage).toString(), u"print_bytes"_s);
        QVERIFY(row.data(Roles::DependencyIsRenamed).toBool());
        QCOMPARE(row.data(Roles::DependencyRequirement).toString(), u"^0.7"_s);
        QVERIFY(row.data(Roles::DependencyIsOptional).toBool());
        QCOMPARE(row.data(Roles::DependencyFeatures).toStringList(), QStringList{u"std"_s});
        QVERIFY(row.data(Roles::DependencyDefaultFeatures).toBool());
        QCOMPARE(row.data(Roles::DependencyRegistry).toString(), u"https://other.example.com/index"_s);
        const QString tip = row.data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(u"renamed from the crate print_bytes"_s) && tip.contains(u"Optional"_s), qPrintable(tip));
        QCOMPARE(model.headerData(DependencyModel::DefaultFeaturesColumn, Qt::Horizontal).toString(), u"Default features"_s);
        QVERIFY(model.roleNames().contains(Roles::DependencyPackage));
    }

    void switchingVersions()
    {
        DependencyModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setEntry(withDeps({dep(u"a"_s, u"^1"_s), dep(u"b"_s, u"^1"_s, Kind::Dev)}));
        QCOMPARE(model.rowCount(), 2);
        model.setEntry(withDeps({dep(u"c"_s, u"^2"_s, Kind::Dev)}));
        QCOMPARE(ModelDump::dump(model), (QStringList{u"Dev dependencies (1)"_s, u"  c | ^2 |  |  |  | yes"_s}));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(TestDependencyModel)
#include "tst_dependencymodel.moc"
