// SPDX-License-Identifier: GPL-3.0-or-later
#include "itemmodels/featuremodel.h"
#include "itemmodels/roles.h"
#include "modeldump.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

using FeatureMap = QMap<QString, QStringList>;

namespace {

IndexEntry withFeatures(const FeatureMap &features, const QStringList &optionalDeps = {})
{
    IndexEntry e;
    e.name = u"demo"_s;
    e.vers = u"1.0.0"_s;
    e.version = SemVer(1, 0, 0);
    e.features = features;
    for (const QString &name : optionalDeps) {
        IndexDependency d;
        d.name = name;
        d.req = u"^1"_s;
        d.optional = true;
        e.deps.append(d);
    }
    return e;
}

} // namespace

class TestFeatureModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lists_data()
    {
        QTest::addColumn<FeatureMap>("features");
        QTest::addColumn<QStringList>("optionalDeps");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<QStringList>("defaults");

        QTest::newRow("none") << FeatureMap{} << QStringList{} << QStringList{} << QStringList{};
        // tracing-core 0.1.33: features and features2 merged.
        QTest::newRow("tracing-core")
            << FeatureMap{{u"std"_s, {u"once_cell"_s}}, {u"default"_s, {u"std"_s, u"valuable?/std"_s}}}
            << QStringList{u"once_cell"_s, u"valuable"_s}
            << QStringList{u"default | std, valuable?/std"_s,
                           u"  std | feature std"_s,
                           u"  valuable?/std | feature std of valuable, if valuable is enabled otherwise"_s,
                           u"once_cell | dep:once_cell"_s,
                           u"  dep:once_cell | optional dependency once_cell"_s,
                           u"std | once_cell"_s,
                           u"  once_cell | feature once_cell"_s,
                           u"valuable | dep:valuable"_s,
                           u"  dep:valuable | optional dependency valuable"_s}
            << QStringList{u"default"_s, u"once_cell"_s, u"std"_s};
        // rayon-core: dep: hides the implicit feature.
        QTest::newRow("dep: syntax")
            << FeatureMap{{u"web_spin_lock"_s, {u"dep:wasm_sync"_s}}} << QStringList{u"wasm_sync"_s}
            << QStringList{u"web_spin_lock | dep:wasm_sync"_s, u"  dep:wasm_sync | optional dependency wasm_sync"_s}
            << QStringList{};
        QTest::newRow("strong dep feature turns on the implicit feature")
            << FeatureMap{{u"default"_s, {u"serde/derive"_s}}, {u"alloc"_s, {}}} << QStringList{u"serde"_s}
            << QStringList{u"default | serde/derive"_s, u"  serde/derive | feature derive of serde"_s, u"alloc"_s,
                           u"serde | dep:serde"_s, u"  dep:serde | optional dependency serde"_s}
            << QStringList{u"default"_s, u"serde"_s};
        QTest::newRow("chains and cycles")
            << FeatureMap{{u"default"_s, {u"a"_s}}, {u"a"_s, {u"b"_s}}, {u"b"_s, {u"a"_s}}, {u"c"_s, {}}}
            << QStringList{}
            << QStringList{u"default | a"_s, u"  a | feature a"_s, u"a | b"_s, u"  b | feature b"_s,
                           u"b | a"_s, u"  a | feature a"_s, u"c"_s}
            << QStringList{u"a"_s, u"b"_s, u"default"_s};
    }

    void lists()
    {
        QFETCH(FeatureMap, features);
        QFETCH(QStringList, optionalDeps);
        QFETCH(QStringList, expected);
        QFETCH(QStringList, defaults);
        FeatureModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setEntry(withFeatures(features, optionalDeps));
        QCOMPARE(reset.count(), 1);
        QCOMPARE(ModelDump::dump(model), expected);
        QStringList marked;
        for (int row = 0; row < model.rowCount(); ++row) {
            if (model.index(row, 0).data(Roles::FeatureIsDefault).toBool())
                marked << model.index(row, 0).data(Roles::FeatureName).toString();
        }
        marked.sort();
        QCOMPARE(marked, defaults);
    }

    void roles()
    {
        FeatureModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setEntry(withFeatures({{u"full"_s, {u"std"_s, u"dep:rand"_s, u"serde?/std"_s}}, {u"std"_s, {}}},
                                    {u"rand"_s, u"serde"_s}));
        QCOMPARE(ModelDump::names(model), (QStringList{u"full"_s, u"serde"_s, u"std"_s}));
        const QModelIndex full = model.index(0, 0);
        QCOMPARE(full.data(Roles::FeatureEnables).toStringList(), (QStringList{u"std"_s, u"dep:rand"_s, u"serde?/std"_s}));
        QVERIFY(!full.data(Roles::FeatureIsImplicit).toBool());
        QVERIFY(!full.data(Roles::FeatureIsValue).toBool());
        QCOMPARE(model.rowCount(full), 3);
        const QModelIndex weak = model.index(2, 1, full);
        QCOMPARE(weak.parent(), full);
        QVERIFY(weak.data(Roles::FeatureIsValue).toBool());
        QCOMPARE(weak.data(Roles::FeatureName).toString(), u"serde?/std"_s);
        QCOMPARE(weak.data(Roles::FeatureValueType).toInt(), int(FeatureValue::Type::DepFeature));
        QVERIFY(weak.data(Roles::FeatureValueIsWeak).toBool());
        QCOMPARE(model.index(1, 0, full).data(Roles::FeatureValueType).toInt(), int(FeatureValue::Type::Dep));
        const QModelIndex implicit = model.index(1, 0);
        QVERIFY(implicit.data(Roles::FeatureIsImplicit).toBool());
        QVERIFY(implicit.data(Qt::ToolTipRole).toString().contains(u"Implicit"_s));
        QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), u"Enables"_s);

        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(TestFeatureModel)
#include "tst_featuremodel.moc"
