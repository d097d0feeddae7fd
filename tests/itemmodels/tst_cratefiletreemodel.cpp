// SPDX-License-Identifier: GPL-3.0-or-later
#include "itemmodels/cratefiletreemodel.h"
#include "itemmodels/roles.h"
#include "modeldump.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

using FileList = QList<CrateArchive::File>;

namespace {

// "path size" or "path size x" (executable).
FileList files(const QStringList &specs)
{
    FileList list;
    for (const QString &spec : specs) {
        const QStringList parts = spec.split(u' ');
        list.append({parts.at(0), parts.value(1).toLongLong(), parts.value(2) == u"x"_s});
    }
    return list;
}

} // namespace

class TestCrateFileTreeModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // Sizes are shown with the locale's digits and units.
        QLocale::setDefault(QLocale::c());
    }

    void buildsTree_data()
    {
        QTest::addColumn<QStringList>("specs");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("empty") << QStringList{} << QStringList{};
        QTest::newRow("flat, by name") << QStringList{u"README.md 10"_s, u"Cargo.toml 20"_s, u"build.rs 5"_s}
                                       << QStringList{u"build.rs | 5 bytes"_s, u"Cargo.toml | 20 bytes"_s,
                                                      u"README.md | 10 bytes"_s};
        QTest::newRow("folders first, sizes summed")
            << QStringList{u"Cargo.toml 100"_s, u"src/lib.rs 2048"_s, u"src/de/mod.rs 1024"_s, u"src/de/value.rs 1024"_s,
                           u"LICENSE-MIT 1000"_s, u"benches/a.rs 1"_s}
            << QStringList{u"benches | 1 bytes"_s,     u"  a.rs | 1 bytes"_s,  u"src | 4.0 kB"_s,
                           u"  de | 2.0 kB"_s,         u"    mod.rs | 1.0 kB"_s, u"    value.rs | 1.0 kB"_s,
                           u"  lib.rs | 2.0 kB"_s,     u"Cargo.toml | 100 bytes"_s, u"LICENSE-MIT | 1000 bytes"_s};
        QTest::newRow("case-insensitive order")
            << QStringList{u"b 1"_s, u"A 1"_s, u"a 1"_s, u"B/x 1"_s}
            << QStringList{u"B | 1 bytes"_s, u"  x | 1 bytes"_s, u"A | 1 bytes"_s, u"a | 1 bytes"_s, u"b | 1 bytes"_s};
    }

    void buildsTree()
    {
        QFETCH(QStringList, specs);
        QFETCH(QStringList, expected);
        CrateFileTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setFiles(files(specs));
        QCOMPARE(reset.count(), 1);
        QCOMPARE(ModelDump::dump(model), expected);
        QCOMPARE(model.fileCount(), specs.size());
    }

    void roles()
    {
        CrateFileTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setFiles(files({u"src/bin/tool.sh 7 x"_s, u"src/lib.rs 3"_s}));
        const QModelIndex tool = model.indexOf(u"src/bin/tool.sh"_s);
        QVERIFY(tool.isValid());
        QCOMPARE(tool.data().toString(), u"tool.sh"_s);
        QCOMPARE(tool.data(Roles::FilePath).toString(), u"src/bin/tool.sh"_s);
        QCOMPARE(tool.data(Roles::FileSize).toLongLong(), 7);
        QVERIFY(tool.data(Roles::FileIsExecutable).toBool());
        QVERIFY(!tool.data(Roles::FileIsFolder).toBool());
        QVERIFY(tool.data(Qt::ToolTipRole).toString().contains(u"executable"_s));
        const QModelIndex bin = tool.parent();
        QCOMPARE(bin, model.indexOf(u"src/bin"_s));
        QCOMPARE(bin.data(Roles::FilePath).toString(), u"src/bin"_s);
        QVERIFY(bin.data(Roles::FileIsFolder).toBool());
        QCOMPARE(bin.parent().data(Roles::FileSize).toLongLong(), 10);
        QVERIFY(!bin.parent().parent().isValid());
        QVERIFY(!model.indexOf(u"src/missing.rs"_s).isValid());
        QCOMPARE(model.index(0, CrateFileTreeModel::SizeColumn).data(Qt::TextAlignmentRole).toInt(),
                 int(Qt::AlignRight | Qt::AlignVCenter));
        QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), u"Name"_s);

        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.fileCount(), 0);
    }

    void realCrates()
    {
        // Every genuine .crate of the fixture: each file is found again by its path.
        const QDir dir(TestSupport::realCratesDir());
        const QStringList crates = dir.entryList({u"*.crate"_s}, QDir::Files);
        if (crates.isEmpty())
            QSKIP("the real_crates fixture has not been built");
        CrateFileTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        for (const QString &name : crates) {
            const CrateArchive::Result result = CrateArchive::open(dir.filePath(name));
            QVERIFY2(result.isOk(), qPrintable(result.error.message));
            model.setFiles(result.archive->files());
            QCOMPARE(model.fileCount(), result.archive->files().size());
            qint64 total = 0;
            for (const CrateArchive::File &file : result.archive->files()) {
                const QModelIndex index = model.indexOf(file.path);
                QVERIFY2(index.isValid(), qPrintable(name + u": "_s + file.path));
                QCOMPARE(index.data(Roles::FilePath).toString(), file.path);
                total += file.size;
            }
            qint64 shown = 0;
            for (int row = 0; row < model.rowCount(); ++row)
                shown += model.index(row, 0).data(Roles::FileSize).toLongLong();
            QCOMPARE(shown, total);
            QVERIFY(model.indexOf(u"Cargo.toml"_s).isValid());
        }
    }
};

QTEST_MAIN(TestCrateFileTreeModel)
#include "tst_cratefiletreemodel.moc"
