// SPDX-License-Identifier: GPL-3.0-or-later
#include "itemmodels/cratefilterproxymodel.h"
#include "itemmodels/cratelistmodel.h"
#include "itemmodels/roles.h"
#include "modeldump.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

QList<CrateSummary> crates(const QStringList &names)
{
    QList<CrateSummary> list;
    for (const QString &name : names)
        list.append({name, u"1.0.0"_s, u"about "_s + name});
    return list;
}

// A small feed in the order a listing gives it (alphabetical, case-insensitive).
const QStringList feedNames{
    u"async-std"_s, u"serde"_s,       u"serde-aux"_s,  u"serde_derive"_s, u"serde_json"_s, u"Serde_Yaml"_s,
    u"tokio"_s,     u"tokio-util"_s,  u"tokio_stream"_s, u"toml"_s,       u"unserde"_s,    u"x"_s,
};

} // namespace

class TestCrateFilterProxyModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void filters_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("empty: everything in source order") << QString() << feedNames;
        QTest::newRow("spaces only") << u"   "_s << feedNames;
        QTest::newRow("exact, then prefix, then substring")
            << u"serde"_s
            << QStringList{u"serde"_s, u"serde-aux"_s, u"serde_derive"_s, u"serde_json"_s, u"Serde_Yaml"_s, u"unserde"_s};
        QTest::newRow("case-insensitive") << u"SERDE_Y"_s << QStringList{u"Serde_Yaml"_s};
        QTest::newRow("underscore matches dash") << u"tokio_util"_s << QStringList{u"tokio-util"_s};
        QTest::newRow("dash matches underscore") << u"serde-json"_s << QStringList{u"serde_json"_s};
        QTest::newRow("separator alone") << u"-"_s
                                         << QStringList{u"async-std"_s, u"serde-aux"_s, u"serde_derive"_s,
                                                        u"serde_json"_s, u"Serde_Yaml"_s, u"tokio-util"_s,
                                                        u"tokio_stream"_s};
        QTest::newRow("one letter") << u"x"_s << QStringList{u"x"_s, u"serde-aux"_s};
        QTest::newRow("nothing") << u"xyz"_s << QStringList{};
        // The names are searched back to back; a hit must not span two of them.
        QTest::newRow("not across async-std|serde") << u"dse"_s << QStringList{};
        QTest::newRow("not across tokio-util|tokio_stream") << u"ilto"_s << QStringList{};
        QTest::newRow("last name") << u"x"_s.repeated(1) + u""_s << QStringList{u"x"_s, u"serde-aux"_s};
        QTest::newRow("first name") << u"async"_s << QStringList{u"async-std"_s};
        QTest::newRow("surrounding space") << u" toml "_s << QStringList{u"toml"_s};
        QTest::newRow("longer than every name") << u"serde_derive_internals"_s << QStringList{};
    }

    void filters()
    {
        QFETCH(QString, query);
        QFETCH(QStringList, expected);
        CrateListModel source;
        source.setCrates(crates(feedNames));
        CrateFilterProxyModel proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
        proxy.setSourceModel(&source);
        proxy.setFilterText(query);
        QCOMPARE(ModelDump::names(proxy), expected);
        QCOMPARE(proxy.filterText(), query);
        // Every row maps to its source row and back.
        for (int row = 0; row < proxy.rowCount(); ++row) {
            const QModelIndex index = proxy.index(row, CrateListModel::DescriptionColumn);
            QCOMPARE(proxy.mapFromSource(proxy.mapToSource(index)), index);
            QCOMPARE(index.data().toString(), u"about "_s + expected.at(row));
        }
    }

    void typingNarrowsAndBackspaceWidens_data()
    {
        // Each step: the text in the search field after a keystroke, and the names shown.
        QTest::addColumn<QStringList>("steps");
        QTest::addColumn<QList<QStringList>>("expected");
        QTest::newRow("type tokio-u")
            << QStringList{u"t"_s, u"to"_s, u"tok"_s, u"tokio-"_s, u"tokio-u"_s}
            << QList<QStringList>{
                   {u"tokio"_s, u"tokio-util"_s, u"tokio_stream"_s, u"toml"_s, u"async-std"_s},
                   {u"tokio"_s, u"tokio-util"_s, u"tokio_stream"_s, u"toml"_s},
                   {u"tokio"_s, u"tokio-util"_s, u"tokio_stream"_s},
                   {u"tokio-util"_s, u"tokio_stream"_s},
                   {u"tokio-util"_s}};
        QTest::newRow("backspace, then clear")
            << QStringList{u"serde_j"_s, u"serde_"_s, u"serde"_s, QString()}
            << QList<QStringList>{{u"serde_json"_s},
                                  {u"serde-aux"_s, u"serde_derive"_s, u"serde_json"_s, u"Serde_Yaml"_s},
                                  {u"serde"_s, u"serde-aux"_s, u"serde_derive"_s, u"serde_json"_s,
                                   u"Serde_Yaml"_s, u"unserde"_s},
                                  feedNames};
        QTest::newRow("query edited in the middle")
            << QStringList{u"sere"_s, u"serde"_s, u"erd"_s}
            << QList<QStringList>{{},
                                  {u"serde"_s, u"serde-aux"_s, u"serde_derive"_s, u"serde_json"_s,
                                   u"Serde_Yaml"_s, u"unserde"_s},
                                  {u"serde"_s, u"serde-aux"_s, u"serde_derive"_s, u"serde_json"_s,
                                   u"Serde_Yaml"_s, u"unserde"_s}};
        QTest::newRow("rank changes while narrowing")
            << QStringList{u"d"_s, u"de"_s, u"derive"_s}
            << QList<QStringList>{{u"async-std"_s, u"serde"_s, u"serde-aux"_s, u"serde_derive"_s, u"serde_json"_s,
                                   u"Serde_Yaml"_s, u"unserde"_s},
                                  {u"serde"_s, u"serde-aux"_s, u"serde_derive"_s, u"serde_json"_s,
                                   u"Serde_Yaml"_s, u"unserde"_s},
                                  {u"serde_derive"_s}};
    }

    void typingNarrowsAndBackspaceWidens()
    {
        QFETCH(QStringList, steps);
        QFETCH(QList<QStringList>, expected);
        CrateListModel source;
        source.setCrates(crates(feedNames));
        CrateFilterProxyModel proxy;
        proxy.setSourceModel(&source);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy layout(&proxy, &QAbstractItemModel::layoutChanged);
        QSignalSpy reset(&proxy, &QAbstractItemModel::modelReset);
        for (qsizetype i = 0; i < steps.size(); ++i) {
            proxy.setFilterText(steps.at(i));
            QCOMPARE(ModelDump::names(proxy), expected.at(i));
        }
        QCOMPARE(layout.count(), steps.size());
        QCOMPARE(reset.count(), 0);
    }

    void sameFoldedQueryChangesNothing()
    {
        CrateListModel source;
        source.setCrates(crates(feedNames));
        CrateFilterProxyModel proxy;
        proxy.setSourceModel(&source);
        proxy.setFilterText(u"serde_j"_s);
        QSignalSpy layout(&proxy, &QAbstractItemModel::layoutChanged);
        QSignalSpy text(&proxy, &CrateFilterProxyModel::filterTextChanged);
        proxy.setFilterText(u"Serde-J "_s);
        QCOMPARE(layout.count(), 0);
        QCOMPARE(text.count(), 1);
        QCOMPARE(proxy.filterText(), u"Serde-J "_s);
    }

    void selectionFollowsItsCrate()
    {
        CrateListModel source;
        source.setCrates(crates(feedNames));
        CrateFilterProxyModel proxy;
        proxy.setSourceModel(&source);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QItemSelectionModel selection(&proxy);
        selection.setCurrentIndex(proxy.index(4, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QCOMPARE(selection.currentIndex().data().toString(), u"serde_json"_s);

        proxy.setFilterText(u"json"_s);
        QCOMPARE(selection.currentIndex().row(), 0);
        QCOMPARE(selection.currentIndex().data().toString(), u"serde_json"_s);
        QCOMPARE(selection.selectedRows().size(), 1);

        proxy.setFilterText(u"js"_s);
        QCOMPARE(selection.currentIndex().data().toString(), u"serde_json"_s);

        proxy.setFilterText(u"tokio"_s); // filtered out: the selection goes
        QVERIFY(!selection.currentIndex().isValid());
        QVERIFY(selection.selectedRows().isEmpty());
    }

    void matchRoles_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("start");
        QTest::addColumn<int>("length");
        QTest::newRow("no query") << QString() << u"serde"_s << -1 << -1 << 0;
        QTest::newRow("exact") << u"Serde"_s << u"serde"_s << 0 << 0 << 5;
        QTest::newRow("prefix") << u"serde"_s << u"serde_json"_s << 1 << 0 << 5;
        QTest::newRow("substring") << u"_json"_s << u"serde_json"_s << 2 << 5 << 5;
    }

    void matchRoles()
    {
        QFETCH(QString, query);
        QFETCH(QString, name);
        QFETCH(int, kind);
        QFETCH(int, start);
        QFETCH(int, length);
        CrateListModel source;
        source.setCrates(crates(feedNames));
        CrateFilterProxyModel proxy;
        proxy.setSourceModel(&source);
        proxy.setFilterText(query);
        const QModelIndexList hits = proxy.match(proxy.index(0, 0), Roles::CrateName, name, 1, Qt::MatchExactly);
        QCOMPARE(hits.size(), 1);
        QCOMPARE(hits.first().data(Roles::FilterMatchKind).toInt(), kind);
        QCOMPARE(hits.first().data(Roles::FilterMatchStart).toInt(), start);
        QCOMPARE(hits.first().data(Roles::FilterMatchLength).toInt(), length);
    }

    void pagesArriveWhileFiltered()
    {
        CrateListModel source;
        CrateFilterProxyModel proxy;
        proxy.setSourceModel(&source);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy inserted(&proxy, &QAbstractItemModel::rowsInserted);
        proxy.setFilterText(u"serde"_s);
        source.appendCrates(crates({u"aserde"_s, u"serde-aux"_s, u"tokio"_s}));
        QCOMPARE(ModelDump::names(proxy), (QStringList{u"serde-aux"_s, u"aserde"_s}));
        source.appendCrates(crates({u"serde"_s, u"serde_json"_s, u"unserde"_s, u"toml"_s}));
        QCOMPARE(ModelDump::names(proxy),
                 (QStringList{u"serde"_s, u"serde-aux"_s, u"serde_json"_s, u"aserde"_s, u"unserde"_s}));
        // One insertion per rank that got rows: prefix and substring, then exact, prefix, substring.
        QCOMPARE(inserted.count(), 5);
        source.appendCrates(crates({u"nothing"_s}));
        QCOMPARE(inserted.count(), 5);
        QCOMPARE(proxy.rowCount(), 5);
        // Widening sees the new rows too.
        proxy.setFilterText(QString());
        QCOMPARE(proxy.rowCount(), 8);
        source.appendCrates(crates({u"last"_s}));
        QCOMPARE(ModelDump::names(proxy).constLast(), u"last"_s);
        // Narrowing after pages arrived.
        proxy.setFilterText(u"s"_s);
        proxy.setFilterText(u"se"_s);
        QCOMPARE(ModelDump::names(proxy), (QStringList{u"serde-aux"_s, u"serde"_s, u"serde_json"_s, u"aserde"_s,
                                                       u"unserde"_s}));
    }

    void sourceResetAndChanges()
    {
        CrateListModel source;
        source.setCrates(crates(feedNames));
        CrateFilterProxyModel proxy;
        proxy.setSourceModel(&source);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
        proxy.setFilterText(u"tok"_s);
        QSignalSpy reset(&proxy, &QAbstractItemModel::modelReset);
        source.setCrates(crates({u"tokio"_s, u"mytokens"_s, u"other"_s}));
        QCOMPARE(reset.count(), 1);
        QCOMPARE(ModelDump::names(proxy), (QStringList{u"tokio"_s, u"mytokens"_s}));

        // A license arriving is forwarded as dataChanged on the proxy row.
        QSignalSpy changed(&proxy, &QAbstractItemModel::dataChanged);
        source.setLicense(1, u"MIT"_s);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 1);
        source.setLicense(2, u"MIT"_s); // filtered out: nothing to tell
        QCOMPARE(changed.count(), 1);
        QCOMPARE(proxy.index(1, 0).data(Roles::CrateLicense).toString(), u"MIT"_s);

        source.clear();
        QCOMPARE(proxy.rowCount(), 0);
        proxy.setFilterText(u"t"_s);
        QCOMPARE(proxy.rowCount(), 0);
    }

    void changingSourceModel()
    {
        CrateListModel first;
        first.setCrates(crates({u"alpha"_s, u"beta"_s}));
        CrateListModel second;
        second.setCrates(crates({u"gamma"_s, u"alphabet"_s}));
        CrateFilterProxyModel proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
        proxy.setFilterText(u"alpha"_s);
        QCOMPARE(proxy.rowCount(), 0);
        QCOMPARE(proxy.columnCount(), 0);
        proxy.setSourceModel(&first);
        QCOMPARE(ModelDump::names(proxy), QStringList{u"alpha"_s});
        proxy.setSourceModel(&second);
        QCOMPARE(ModelDump::names(proxy), QStringList{u"alphabet"_s});
        first.setCrates(crates({u"alpha2"_s})); // the old source no longer matters
        QCOMPARE(ModelDump::names(proxy), QStringList{u"alphabet"_s});
        QCOMPARE(proxy.columnCount(), CrateListModel::ColumnCount);
        QCOMPARE(proxy.headerData(0, Qt::Horizontal).toString(), u"Name"_s);
    }

    void fold_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("folded");
        QTest::newRow("plain") << u"serde"_s << u"serde"_s;
        QTest::newRow("upper and underscore") << u"Serde_JSON"_s << u"serde-json"_s;
        QTest::newRow("space") << u"  tokio "_s << u"tokio"_s;
        QTest::newRow("non-ASCII") << u"Größe_X"_s << u"größe-x"_s;
    }

    void fold()
    {
        QFETCH(QString, text);
        QFETCH(QString, folded);
        QCOMPARE(CrateFilterProxyModel::fold(text), folded);
    }

    void nonAsciiNames()
    {
        CrateListModel source;
        source.setCrates(crates({u"Größe"_s, u"grosse"_s, u"über_größe"_s}));
        CrateFilterProxyModel proxy;
        proxy.setSourceModel(&source);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
        proxy.setFilterText(u"GRÖ"_s);
        QCOMPARE(ModelDump::names(proxy), (QStringList{u"Größe"_s, u"über_größe"_s}));
        QCOMPARE(proxy.index(1, 0).data(Roles::FilterMatchStart).toInt(), 5);
    }

    // Sorting by a column: names as the filter folds them, versions by precedence, other text
    // case-insensitively; a query still puts the exact and prefix matches first; -1 is the
    // feed's order. Pages that arrive while sorted go to their place; the selection follows.
    void sortsByColumn_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("order");
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("expected");
        const QStringList all {u"tokio"_s, u"Serde"_s, u"anyhow"_s, u"serde_json"_s};
        QTest::newRow("feed order") << -1 << int(Qt::AscendingOrder) << QString() << all;
        QTest::newRow("name") << 0 << int(Qt::AscendingOrder) << QString()
                              << QStringList {u"anyhow"_s, u"Serde"_s, u"serde_json"_s, u"tokio"_s};
        QTest::newRow("name descending") << 0 << int(Qt::DescendingOrder) << QString()
                                         << QStringList {u"tokio"_s, u"serde_json"_s, u"Serde"_s, u"anyhow"_s};
        // 1.10.0 is newer than 1.9.0, which a text sort would get wrong.
        QTest::newRow("version") << 1 << int(Qt::AscendingOrder) << QString()
                                 << QStringList {u"anyhow"_s, u"Serde"_s, u"tokio"_s, u"serde_json"_s};
        QTest::newRow("license") << 2 << int(Qt::AscendingOrder) << QString()
                                 << QStringList {u"anyhow"_s, u"tokio"_s, u"serde_json"_s, u"Serde"_s};
        QTest::newRow("query keeps the exact match first")
            << 0 << int(Qt::DescendingOrder) << u"serde"_s << QStringList {u"Serde"_s, u"serde_json"_s};
        QTest::newRow("query, by version") << 1 << int(Qt::DescendingOrder) << u"o"_s
                                           << QStringList {u"serde_json"_s, u"tokio"_s, u"anyhow"_s};
    }

    void sortsByColumn()
    {
        QFETCH(int, column);
        QFETCH(int, order);
        QFETCH(QString, query);
        QFETCH(QStringList, expected);
        CrateListModel source;
        source.setCrates({{u"tokio"_s, u"1.9.0"_s, {}, u"MIT"_s}, {u"Serde"_s, u"1.0.200"_s, {}, u"mit OR Apache-2.0"_s},
            {u"anyhow"_s, u"0.9.1"_s, {}, u"Apache-2.0"_s}, {u"serde_json"_s, u"1.10.0"_s, {}, u"MIT"_s}});
        CrateFilterProxyModel proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
        proxy.setSourceModel(&source);
        proxy.setFilterText(query);
        proxy.sort(column, Qt::SortOrder(order));
        QCOMPARE(proxy.sortColumn(), column);
        QCOMPARE(ModelDump::names(proxy), expected);
        for (int row = 0; row < proxy.rowCount(); ++row)
            QCOMPARE(proxy.mapFromSource(proxy.mapToSource(proxy.index(row, 1))), proxy.index(row, 1));
    }

    void sortedListTakesNewPagesAndKeepsTheSelection()
    {
        CrateListModel source;
        source.setCrates(crates({u"m"_s, u"c"_s}));
        CrateFilterProxyModel proxy;
        proxy.setSourceModel(&source);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QItemSelectionModel selection(&proxy);
        proxy.sort(0, Qt::AscendingOrder);
        QCOMPARE(ModelDump::names(proxy), (QStringList {u"c"_s, u"m"_s}));
        selection.setCurrentIndex(proxy.index(1, 0), QItemSelectionModel::ClearAndSelect);
        source.appendCrates(crates({u"a"_s, u"z"_s, u"d"_s}));
        QCOMPARE(ModelDump::names(proxy), (QStringList {u"a"_s, u"c"_s, u"d"_s, u"m"_s, u"z"_s}));
        QCOMPARE(selection.currentIndex().data(Roles::CrateName).toString(), u"m"_s);
        // A license learnt later moves its row when the list is sorted by license.
        proxy.sort(CrateListModel::LicenseColumn, Qt::AscendingOrder);
        source.setLicense(source.rowOf(u"z"_s), u"Apache-2.0"_s);
        QCOMPARE(ModelDump::names(proxy).last(), u"z"_s);
        proxy.sort(-1, Qt::AscendingOrder);
        QCOMPARE(ModelDump::names(proxy), (QStringList {u"m"_s, u"c"_s, u"a"_s, u"z"_s, u"d"_s}));
        QCOMPARE(selection.currentIndex().data(Roles::CrateName).toString(), u"m"_s);
    }
};

QTEST_MAIN(TestCrateFilterProxyModel)
#include "tst_cratefilterproxymodel.moc"
