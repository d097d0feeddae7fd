// SPDX-License-Identifier: GPL-3.0-or-later
#include "itemmodels/roles.h"
#include "itemmodels/versionlistmodel.h"
#include "modeldump.h"
#include "cargotypes/indexfileparser.h"

#include <QAbstractItemModelTester>
#include <QJsonObject>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>
#include <QRegularExpression>
#include <QTimeZone>

using namespace Qt::Literals::StringLiterals;

namespace {

// "1.2.0" plain; "1.2.0 y" yanked; "1.2.0 msrv=1.70" with a rust_version; "1.2.0 bad" invalid;
// "1.2.0 v3" a newer schema.
IndexEntry entry(const QString &spec)
{
    const QStringList parts = spec.split(u' ');
    IndexEntry e;
    e.name = u"demo"_s;
    e.vers = parts.first();
    e.version = SemVer::parse(e.vers).value();
    e.cksum = QString(64, u'a');
    for (const QString &flag : parts.mid(1)) {
        if (flag == u"y"_s)
            e.yanked = true;
        else if (flag.startsWith(u"msrv="_s))
            e.rustVersion = flag.mid(5);
        else if (flag == u"bad"_s)
            e.invalidReason = u"feature `x` includes `y` which is neither a dependency nor another feature"_s;
        else if (flag == u"v3"_s)
            e.schemaVersion = 3;
    }
    return e;
}

QList<IndexEntry> entries(const QStringList &specs)
{
    QList<IndexEntry> list;
    for (const QString &spec : specs)
        list.append(entry(spec));
    return list;
}

} // namespace

class TestVersionListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ordersNewestFirst_data()
    {
        QTest::addColumn<QStringList>("specs"); // in index file order
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<int>("latestRow");
        QTest::newRow("empty") << QStringList{} << QStringList{} << -1;
        QTest::newRow("file order") << QStringList{u"0.1.0"_s, u"0.2.0"_s, u"1.0.0"_s}
                                    << QStringList{u"1.0.0"_s, u"0.2.0"_s, u"0.1.0"_s} << 0;
        QTest::newRow("backport published later") << QStringList{u"1.0.0"_s, u"2.0.0"_s, u"1.0.1"_s}
                                                  << QStringList{u"2.0.0"_s, u"1.0.1"_s, u"1.0.0"_s} << 0;
        QTest::newRow("numeric, not text") << QStringList{u"0.9.0"_s, u"0.10.0"_s, u"0.2.0"_s}
                                           << QStringList{u"0.10.0"_s, u"0.9.0"_s, u"0.2.0"_s} << 0;
        QTest::newRow("pre-releases below their release")
            << QStringList{u"1.0.0-alpha"_s, u"1.0.0-alpha.1"_s, u"1.0.0-beta"_s, u"1.0.0-rc.1"_s, u"1.0.0"_s,
                           u"1.0.0-alpha.beta"_s, u"1.0.0-beta.11"_s, u"1.0.0-beta.2"_s}
            << QStringList{u"1.0.0"_s, u"1.0.0-rc.1"_s, u"1.0.0-beta.11"_s, u"1.0.0-beta.2"_s, u"1.0.0-beta"_s,
                           u"1.0.0-alpha.beta"_s, u"1.0.0-alpha.1"_s, u"1.0.0-alpha"_s}
            << 0;
        QTest::newRow("only a pre-release is newer") << QStringList{u"1.0.0"_s, u"2.0.0-rc.1"_s}
                                                     << QStringList{u"2.0.0-rc.1"_s, u"1.0.0"_s}
                                                     << 1;
        QTest::newRow("newest yanked") << QStringList{u"1.0.0"_s, u"1.1.0 y"_s}
                                       << QStringList{u"1.1.0 | yanked"_s, u"1.0.0"_s} << 1;
        QTest::newRow("all yanked") << QStringList{u"1.0.0 y"_s, u"1.1.0 y"_s}
                                    << QStringList{u"1.1.0 | yanked"_s, u"1.0.0 | yanked"_s} << -1;
        QTest::newRow("only pre-releases") << QStringList{u"0.1.0-a"_s, u"0.1.0-b"_s}
                                           << QStringList{u"0.1.0-b"_s, u"0.1.0-a"_s} << 0;
        QTest::newRow("invalid and too new are skipped for latest")
            << QStringList{u"1.0.0"_s, u"1.1.0 bad"_s, u"1.2.0 v3"_s}
            << QStringList{u"1.2.0"_s, u"1.1.0"_s, u"1.0.0"_s} << 2;
        QTest::newRow("build metadata: later line first")
            << QStringList{u"1.0.0+a"_s, u"1.0.0+b"_s} << QStringList{u"1.0.0+b"_s, u"1.0.0+a"_s} << 0;
        QTest::newRow("MSRV column") << QStringList{u"1.0.0 msrv=1.56"_s, u"1.1.0 msrv=1.70.0"_s}
                                     << QStringList{u"1.1.0 |  | 1.70.0"_s, u"1.0.0 |  | 1.56"_s} << 0;
    }

    void ordersNewestFirst()
    {
        QFETCH(QStringList, specs);
        QFETCH(QStringList, expected);
        QFETCH(int, latestRow);
        VersionListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setEntries(entries(specs));
        QCOMPARE(reset.count(), 1);
        QStringList dump = ModelDump::dump(model);
        // The checksum column is the same in every row here: leave it out.
        for (QString &line : dump)
            line = line.section(u" | "_s, 0, 2).remove(QRegularExpression(u"( \\| )+$"_s));
        QCOMPARE(dump, expected);
        QCOMPARE(model.latestRow(), latestRow);
        for (int row = 0; row < model.rowCount(); ++row) {
            QCOMPARE(model.index(row, 0).data(Roles::VersionIsLatest).toBool(), row == latestRow);
            QCOMPARE(model.rowOf(model.entryAt(row).vers), row);
        }
    }

    void roles()
    {
        VersionListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QList<IndexEntry> list = entries({u"1.0.0 msrv=1.63"_s, u"1.1.0-rc.1 y"_s, u"0.9.0 bad"_s, u"2.0.0 v3"_s});
        list[0].pubtime = QDateTime(QDate(2025, 8, 9), QTime(17, 43, 5), QTimeZone::UTC);
        list[0].cksum = u"e672c95779cf947c5311f83787af4fa8fffd12fb27e4993211a84bdfd9610f9c"_s;
        model.setEntries(list);
        QCOMPARE(model.crateName(), u"demo"_s);

        const int stable = model.rowOf(u"1.0.0"_s);
        QCOMPARE(model.index(stable, VersionListModel::PublishedColumn).data().toString(), u"2025-08-09 17:43 UTC"_s);
        QCOMPARE(model.index(stable, 0).data(Roles::VersionPublished).toDateTime(),
                 QDateTime(QDate(2025, 8, 9), QTime(17, 43, 5), QTimeZone::UTC));
        QCOMPARE(model.index(stable, VersionListModel::ChecksumColumn).data().toString(), u"e672c95779cf"_s);
        QCOMPARE(model.index(stable, 0).data(Roles::VersionChecksum).toString(),
                 u"e672c95779cf947c5311f83787af4fa8fffd12fb27e4993211a84bdfd9610f9c"_s);
        QVERIFY(model.index(stable, VersionListModel::ChecksumColumn)
                    .data(Qt::ToolTipRole).toString().contains(u"e672c95779cf947c5311f83787af4fa8fffd12fb27e4993211a84bdfd9610f9c"_s));
        QCOMPARE(model.index(stable, 0).data(Roles::VersionRustVersion).toString(), u"1.63"_s);
        QCOMPARE(model.index(stable, 0).data(Roles::VersionYanked).toBool(), false);
        QCOMPARE(model.index(stable, 0).data(Roles::VersionProblem).toString(), QString());
        QCOMPARE(model.index(stable, 0).data(Roles::VersionIndexEntry).value<IndexEntry>(), list.at(0));

        const int rc = model.rowOf(u"1.1.0-rc.1"_s);
        QCOMPARE(model.index(rc, 3).data(Roles::VersionYanked).toBool(), true);
        QCOMPARE(model.index(rc, 3).data(Roles::VersionIsPrerelease).toBool(), true);
        QCOMPARE(model.index(rc, VersionListModel::YankedColumn).data().toString(), u"yanked"_s);
        QVERIFY(model.index(rc, 0).data(Qt::ToolTipRole).toString().contains(u"Yanked"_s));
        QVERIFY(model.index(rc, 0).data(Roles::VersionPublished).toDateTime().isNull());

        QVERIFY(model.index(model.rowOf(u"0.9.0"_s), 0).data(Roles::VersionProblem).toString().contains(u"feature `x`"_s));
        QVERIFY(model.index(model.rowOf(u"2.0.0"_s), 0).data(Roles::VersionProblem).toString().contains(u"newer cargo"_s));
        QCOMPARE(model.rowOf(u"3.0.0"_s), -1);
        QVERIFY(model.roleNames().contains(Roles::VersionYanked));
        QCOMPARE(model.headerData(VersionListModel::RustVersionColumn, Qt::Horizontal).toString(), u"MSRV"_s);
    }

    // A CrateDesk feed's report says why it yanked a version: held until a date, or blocked.
    // Only yanked versions take it; hostile reports are bounded by CurationReport.
    void refusalsExplainYankedVersions()
    {
        VersionListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setEntries(entries({u"1.0.0"_s, u"1.1.0 y"_s, u"1.2.0 y"_s, u"1.3.0 y"_s}));
        const QJsonObject report{{u"hidden"_s, QJsonArray{
            QJsonObject{{u"vers"_s, u"1.1.0"_s}, {u"status"_s, u"held"_s}, {u"reason"_s, u"published today"_s},
                        {u"until"_s, u"2026-12-10T10:00:00Z"_s}},
            QJsonObject{{u"vers"_s, u"1.2.0"_s}, {u"status"_s, u"blocked"_s}, {u"reason"_s, QString(5000, u'x')}},
            QJsonObject{{u"vers"_s, u"1.0.0"_s}, {u"status"_s, u"blocked"_s}, {u"reason"_s, u"not yanked: ignored"_s}}}}};
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setRefusals(CurationReport::fromJson(report).refused);
        QCOMPARE(changed.size(), 1);
        const int held = model.rowOf(u"1.1.0"_s);
        QCOMPARE(model.index(held, VersionListModel::YankedColumn).data().toString(), u"held until 2026-12-10"_s);
        QCOMPARE(model.index(held, 0).data(Roles::VersionRefusal).toString(), u"held"_s);
        QCOMPARE(model.index(held, 0).data(Roles::VersionHeldUntil).toDateTime(), QDateTime(QDate(2026, 12, 10), QTime(10, 0), QTimeZone::UTC));
        QVERIFY(model.index(held, 0).data(Qt::ToolTipRole).toString().contains(u"published today"_s));
        const int blocked = model.rowOf(u"1.2.0"_s);
        QCOMPARE(model.index(blocked, VersionListModel::YankedColumn).data().toString(), u"blocked"_s);
        QCOMPARE(model.index(blocked, 0).data(Roles::VersionRefusalReason).toString().size(), 600);
        QCOMPARE(model.index(model.rowOf(u"1.3.0"_s), VersionListModel::YankedColumn).data().toString(), u"yanked"_s);
        QCOMPARE(model.index(model.rowOf(u"1.0.0"_s), 0).data(Roles::VersionRefusal).toString(), QString());
        model.setEntries(entries({u"1.1.0 y"_s}));
        QCOMPARE(model.index(0, VersionListModel::YankedColumn).data().toString(), u"yanked"_s); // a new file forgets them
    }

    // Advisories the feed reports for versions it serves: a word in the State column, every
    // advisory in the tooltip, the list in a role; a hostile report stays bounded.
    void advisoriesMarkServedVersions()
    {
        VersionListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setEntries(entries({u"1.0.0"_s, u"1.1.0"_s, u"1.2.0 y"_s}));
        QJsonArray many;
        for (int i = 0; i < 500; ++i)
            many.append(u"RUSTSEC-2099-%1: %2"_s.arg(i, 4, 10, QChar(u'0')).arg(QString(2000, u'x')));
        const QJsonObject report{{u"served"_s, QJsonArray{
            QJsonObject{{u"vers"_s, u"1.0.0"_s}, {u"advisories"_s, QJsonArray{u"RUSTSEC-2099-0005: Buffer::get reads out of bounds"_s}}},
            QJsonObject{{u"vers"_s, u"1.1.0"_s}, {u"advisories"_s, many}},
            QJsonObject{{u"vers"_s, QString(300, u'9')}, {u"advisories"_s, QJsonArray{u"too long a version"_s}}}}}};
        const CurationReport parsed = CurationReport::fromJson(report);
        QCOMPARE(parsed.advisories.size(), 2);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setAdvisories(parsed.advisories);
        QCOMPARE(changed.size(), 1);
        const QModelIndex advised = model.index(model.rowOf(u"1.0.0"_s), VersionListModel::YankedColumn);
        QCOMPARE(advised.data().toString(), u"advisory RUSTSEC-2099-0005"_s);
        QVERIFY(advised.data(Qt::ToolTipRole).toString().contains(u"Advisory RUSTSEC-2099-0005: Buffer::get reads out of bounds"_s));
        const QStringList bounded = model.index(model.rowOf(u"1.1.0"_s), 0).data(Roles::VersionAdvisories).toStringList();
        QCOMPARE(bounded.size(), 20);
        QCOMPARE(bounded.first().size(), 600);
        QCOMPARE(model.index(model.rowOf(u"1.2.0"_s), VersionListModel::YankedColumn).data().toString(), u"yanked"_s);
        model.setEntries(entries({u"1.0.0"_s}));
        QCOMPARE(model.index(0, VersionListModel::YankedColumn).data().toString(), QString()); // a new file forgets them
    }

    void realIndexLines()
    {
        // Two lines of the crates.io index, as RegistryClient hands them over.
        const QByteArray body =
            "{\"name\":\"print_bytes\",\"vers\":\"0.6.1\",\"deps\":[],\"cksum\":\"14b9950fb6044c89ed995e3b999c99ce6279ce061474d9a5f953ed61b7df6f0b\",\"features\":{},\"yanked\":true,\"rust_version\":\"1.57.0\"}\n"
            "{\"name\":\"print_bytes\",\"vers\":\"0.5.0\",\"deps\":[],\"cksum\":\"3a8d3a9fa5a3e1b0b0c3f5a0e7d8b0f8b8c5b0d6f0a5c7c1a9c8d3d4f6a1b2c3\",\"features\":{},\"yanked\":false,\"pubtime\":\"2024-01-02T03:04:05Z\"}\n"_ba;
        VersionListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setEntries(IndexFileParser::parse(body).entries);
        QCOMPARE(ModelDump::dump(model),
                 (QStringList{u"0.6.1 | yanked | 1.57.0 |  | 14b9950fb604"_s,
                              u"0.5.0 |  |  | 2024-01-02 03:04 UTC | 3a8d3a9fa5a3"_s}));
        QCOMPARE(model.latestRow(), 1);
    }

    void replacedAndCleared()
    {
        VersionListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setEntries(entries({u"1.0.0"_s, u"2.0.0"_s}));
        model.setEntries(entries({u"0.1.0"_s}));
        QCOMPARE(ModelDump::names(model), QStringList{u"0.1.0"_s});
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.latestRow(), -1);
        QCOMPARE(model.crateName(), QString());
    }

    void thousandsOfVersions()
    {
        QList<IndexEntry> list;
        for (int i = 0; i < 1500; ++i)
            list.append(entry(u"%1.%2.%3"_s.arg(i % 7).arg(i % 13).arg(i)));
        VersionListModel model;
        model.setEntries(list);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QCOMPARE(model.rowCount(), 1500);
        for (int row = 1; row < model.rowCount(); ++row)
            QVERIFY(model.entryAt(row - 1).version > model.entryAt(row).version);
    }
};

QTEST_MAIN(TestVersionListModel)
#include "tst_versionlistmodel.moc"
