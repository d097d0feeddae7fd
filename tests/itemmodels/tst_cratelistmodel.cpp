// SPDX-License-Identifier: GPL-3.0-or-later
#include "itemmodels/cratelistmodel.h"
#include "itemmodels/roles.h"
#include "modeldump.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

QList<CrateSummary> crates(const QStringList &specs)
{
    // "name version description"
    QList<CrateSummary> list;
    for (const QString &spec : specs) {
        const QStringList parts = spec.split(u' ');
        list.append({parts.value(0), parts.value(1), parts.mid(2).join(u' ')});
    }
    return list;
}

} // namespace

class TestCrateListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void setCrates_data()
    {
        QTest::addColumn<QStringList>("specs");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("empty") << QStringList{} << QStringList{};
        QTest::newRow("one") << QStringList {u"serde 1.0.219 A serialization framework"_s}
                             << QStringList {u"serde | 1.0.219 |  | A serialization framework"_s};
        QTest::newRow("no description") << QStringList{u"a 0.1.0"_s, u"b 2.0.0-rc.1"_s}
                                        << QStringList{u"a | 0.1.0"_s, u"b | 2.0.0-rc.1"_s};
        QTest::newRow("non-ASCII description") << QStringList {u"größe 1.0.0 Maße und Gewichte — schnell"_s}
                                               << QStringList {u"größe | 1.0.0 |  | Maße und Gewichte — schnell"_s};
        QTest::newRow("case kept") << QStringList{u"Inflector 0.11.4"_s, u"inflector 0.1.0"_s}
                                   << QStringList{u"Inflector | 0.11.4"_s, u"inflector | 0.1.0"_s};
    }

    void setCrates()
    {
        QFETCH(QStringList, specs);
        QFETCH(QStringList, expected);
        CrateListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setCrates(crates(specs));
        QCOMPARE(reset.count(), 1);
        QCOMPARE(ModelDump::dump(model), expected);
        QCOMPARE(model.columnCount(), 4);
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.rowOf(model.nameAt(row)), row);
    }

    void replacesListing()
    {
        CrateListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setCrates(crates({u"a 1.0.0"_s, u"b 1.0.0"_s, u"c 1.0.0"_s}));
        model.setCrates(crates({u"x 2.0.0 new"_s}));
        QCOMPARE(ModelDump::dump(model), QStringList {u"x | 2.0.0 |  | new"_s});
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.rowOf(u"x"_s), -1);
    }

    void appendsPages()
    {
        CrateListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.setCrates(crates({u"a 1.0.0"_s}));
        model.appendCrates(crates({u"b 1.0.0"_s, u"c 1.0.0"_s}));
        model.appendCrates({});
        model.appendCrates(crates({u"d 1.0.0"_s}));
        QCOMPARE(inserted.count(), 2);
        QCOMPARE(inserted.at(0).at(1).toInt(), 1);
        QCOMPARE(inserted.at(0).at(2).toInt(), 2);
        QCOMPARE(inserted.at(1).at(1).toInt(), 3);
        QCOMPARE(ModelDump::names(model), (QStringList{u"a"_s, u"b"_s, u"c"_s, u"d"_s}));
    }

    void rolesAndLicense()
    {
        CrateListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setCrates(crates({u"serde 1.0.219 A serialization framework"_s, u"quiet 0.1.0"_s}));
        const QModelIndex serde = model.index(0, 0);
        QCOMPARE(serde.data(Roles::CrateName).toString(), u"serde"_s);
        QCOMPARE(serde.data(Roles::CrateLatestVersion).toString(), u"1.0.219"_s);
        QCOMPARE(serde.data(Roles::CrateDescription).toString(), u"A serialization framework"_s);
        QCOMPARE(serde.data(Roles::CrateLicense).toString(), QString());

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setLicense(1, u"MIT OR Apache-2.0"_s);
        model.setLicense(1, u"MIT OR Apache-2.0"_s); // unchanged: no signal
        model.setLicense(7, u"MIT"_s);               // no such row
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 1);
        // The license has a column of its own; the description column shows only a description.
        QCOMPARE(model.index(1, CrateListModel::LicenseColumn).data().toString(), u"MIT OR Apache-2.0"_s);
        QCOMPARE(model.index(1, CrateListModel::DescriptionColumn).data().toString(), QString());
        QCOMPARE(changed.at(0).at(1).value<QModelIndex>().column(), CrateListModel::ColumnCount - 1);
        QCOMPARE(model.index(1, 2).data(Roles::CrateLicense).toString(), u"MIT OR Apache-2.0"_s);
        QVERIFY(model.index(1, 0).data(Qt::ToolTipRole).toString().contains(u"License: MIT OR Apache-2.0"_s));
        model.setLicense(0, u"MIT"_s);
        QCOMPARE(model.index(0, CrateListModel::DescriptionColumn).data().toString(), u"A serialization framework"_s);
        QCOMPARE(model.index(0, CrateListModel::LicenseColumn).data().toString(), u"MIT"_s);
        // A new listing forgets the licenses of the old one.
        model.setCrates(crates({u"other 1.0.0"_s}));
        QCOMPARE(model.index(0, 2).data(Roles::CrateLicense).toString(), QString());
    }

    // What the feed's listing says: the license, and whether the listed version is yanked
    // or blocked; a license learnt later replaces the listed one.
    void listedLicenseAndState()
    {
        CrateListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        CrateSummary plain {u"plain"_s, u"1.0.0"_s, {}, u"MIT"_s};
        CrateSummary yanked {u"gone"_s, u"0.2.0"_s, {}, u"Apache-2.0"_s};
        yanked.yanked = true;
        CrateSummary blocked {u"bad"_s, u"0.1.0"_s, {}, {}};
        blocked.blocked = true;
        model.setCrates({plain, yanked});
        model.appendCrates({blocked});
        QCOMPARE(model.index(0, CrateListModel::LicenseColumn).data().toString(), u"MIT"_s);
        QCOMPARE(model.index(1, CrateListModel::LicenseColumn).data(Roles::CrateLicense).toString(), u"Apache-2.0"_s);
        QCOMPARE(model.index(2, CrateListModel::LicenseColumn).data().toString(), QString());
        QCOMPARE(model.index(0, 0).data(Roles::CrateYanked).toBool(), false);
        QCOMPARE(model.index(1, 1).data(Roles::CrateYanked).toBool(), true);
        QCOMPARE(model.index(1, 1).data(Roles::CrateBlocked).toBool(), false);
        QCOMPARE(model.index(2, 1).data(Roles::CrateBlocked).toBool(), true);
        QVERIFY(model.index(1, 0).data(Qt::ToolTipRole).toString().contains(u"yanked"_s));
        QVERIFY(model.index(2, 0).data(Qt::ToolTipRole).toString().contains(u"blocks"_s));
        QCOMPARE(model.crateAt(1).yanked, true);
        QCOMPARE(model.crateAt(2).blocked, true);
        QCOMPARE(model.crateAt(0).license, u"MIT"_s);
        model.setLicense(0, u"MIT OR Apache-2.0"_s);
        QCOMPARE(model.index(0, CrateListModel::LicenseColumn).data().toString(), u"MIT OR Apache-2.0"_s);
    }

    void headers()
    {
        CrateListModel model;
        QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), u"Name"_s);
        QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), u"Latest version"_s);
        QCOMPARE(model.headerData(2, Qt::Horizontal).toString(), u"License"_s);
        QCOMPARE(model.headerData(3, Qt::Horizontal).toString(), u"Description"_s);
        QCOMPARE(model.columnCount(), 4);
        QVERIFY(model.roleNames().contains(Roles::CrateName));
    }

    void compactStorage()
    {
        CrateListModel model;
        QList<CrateSummary> many;
        for (int i = 0; i < 10000; ++i)
            many.append({u"crate-%1"_s.arg(i), u"1.0.%1"_s.arg(i % 50), QString()});
        model.setCrates(many);
        QCOMPARE(model.rowCount(), 10000);
        QCOMPARE(model.nameAt(9999), u"crate-9999"_s);
        QCOMPARE(model.crateAt(42).latestVersion, u"1.0.42"_s);
        // Names, versions and offsets; no per-row heap blocks. Generous bound: growth slack.
        QVERIFY2(model.bytesUsed() < 10000 * 60, qPrintable(QString::number(model.bytesUsed())));
    }
};

QTEST_MAIN(TestCrateListModel)
#include "tst_cratelistmodel.moc"
