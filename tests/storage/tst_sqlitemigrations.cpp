// SPDX-License-Identifier: GPL-3.0-or-later
// The one migration runner of every CrateDesk database, and the two stores that use it.
#include "localfeed/feedstore.h"
#include "storage/indexcachestore.h"
#include "storage/sqlitemigrations.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

const QList<QStringList> Three{
    {u"CREATE TABLE a (x)"_s},
    {u"CREATE TABLE b (x)"_s, u"INSERT INTO b VALUES (1)"_s},
    {u"CREATE TABLE c (x)"_s},
};

int userVersion(QSqlDatabase &db)
{
    QSqlQuery q(db);
    return q.exec(u"PRAGMA user_version"_s) && q.next() ? q.value(0).toInt() : -1;
}

bool hasTable(QSqlDatabase &db, const QString &table)
{
    return db.tables().contains(table);
}

void setUserVersion(const QString &path, int version)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"setter"_s);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(u"PRAGMA user_version=%1"_s.arg(version)));
        db.close();
    }
    QSqlDatabase::removeDatabase(u"setter"_s);
}

} // namespace

class TestSqliteMigrations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"under-test"_s);
        m_db.setDatabaseName(m_dir.filePath(u"db-%1.sqlite"_s.arg(++m_databases))); // a new one for every row
        QVERIFY(m_db.open());
    }

    void cleanup()
    {
        m_db.close();
        m_db = {};
        QSqlDatabase::removeDatabase(u"under-test"_s);
    }

    void bringsADatabaseUpToDate_data()
    {
        QTest::addColumn<int>("from");
        QTest::addColumn<QList<int>>("reached");
        QTest::newRow("new database") << 0 << QList<int>{1, 2, 3};
        QTest::newRow("one behind") << 2 << QList<int>{3};
        QTest::newRow("up to date") << 3 << QList<int>{};
    }
    void bringsADatabaseUpToDate()
    {
        QFETCH(int, from);
        QFETCH(QList<int>, reached);
        for (int version = 1; version <= from; ++version) {
            for (const QString &statement : Three.at(version - 1))
                QVERIFY(QSqlQuery(m_db).exec(statement));
        }
        QVERIFY(QSqlQuery(m_db).exec(u"PRAGMA user_version=%1"_s.arg(from)));
        QList<int> heard;
        const QString failure = SqliteMigrations::run(m_db, Three, u"test.sqlite"_s, {}, [&](int v) { heard << v; });
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QCOMPARE(heard, reached);
        QCOMPARE(userVersion(m_db), 3);
        QVERIFY(hasTable(m_db, u"c"_s));
    }

    // A database from a newer CrateDesk is left as it is, with a message that says so.
    void refusesANewerSchema()
    {
        QVERIFY(QSqlQuery(m_db).exec(u"PRAGMA user_version=7"_s));
        const QString failure = SqliteMigrations::run(m_db, Three, u"test.sqlite"_s);
        QCOMPARE(failure, u"test.sqlite was written by a newer CrateDesk (schema 7, this one knows 3)"_s);
        QCOMPARE(userVersion(m_db), 7);
        QVERIFY(!hasTable(m_db, u"a"_s));
    }

    // A migration that fails leaves nothing of itself; the ones before it stay committed.
    void aFailedMigrationLeavesNothingHalfDone_data()
    {
        QTest::addColumn<bool>("failInSql");
        QTest::newRow("its SQL fails") << true;
        QTest::newRow("its file work fails") << false;
    }
    void aFailedMigrationLeavesNothingHalfDone()
    {
        QFETCH(bool, failInSql);
        QList<QStringList> broken = Three;
        if (failInSql)
            broken[1] = {u"CREATE TABLE b (x)"_s, u"INSERT INTO nowhere VALUES (1)"_s};
        const auto files = [&](int version) { return !failInSql && version == 2 ? u"the files could not move"_s : QString(); };
        const QString failure = SqliteMigrations::run(m_db, broken, u"test.sqlite"_s, files);
        QVERIFY(failure.contains(failInSql ? u"migration 2 of test.sqlite failed"_s : u"the files could not move"_s));
        QCOMPARE(userVersion(m_db), 1);
        QVERIFY(hasTable(m_db, u"a"_s));
        QVERIFY(!hasTable(m_db, u"b"_s));
        // Fixed, it goes on from where it stopped.
        QVERIFY(SqliteMigrations::run(m_db, Three, u"test.sqlite"_s).isEmpty());
        QCOMPARE(userVersion(m_db), 3);
    }

    // Both stores use the runner: neither opens a database of a newer schema.
    void bothStoresRefuseANewerSchema()
    {
        QTemporaryDir dir;
        const QString cachePath = dir.filePath(u"index.sqlite"_s);
        setUserVersion(cachePath, 999);
        IndexCacheStore cache(cachePath);
        QString error;
        QVERIFY(!cache.open(&error));
        QVERIFY2(error.contains(u"written by a newer CrateDesk (schema 999"_s), qPrintable(error));

        const QString feedDir = dir.filePath(u"feed"_s);
        {
            FeedStore first(feedDir);
            QVERIFY(!first.open());
        }
        setUserVersion(feedDir + u"/feed.sqlite"_s, 999);
        FeedStore store(feedDir);
        const FeedError refused = store.open();
        QVERIFY(refused.isError());
        QVERIFY2(refused.detail.contains(u"written by a newer CrateDesk (schema 999"_s), qPrintable(refused.detail));
    }

private:
    QTemporaryDir m_dir;
    QSqlDatabase m_db;
    int m_databases = 0;
};

QTEST_GUILESS_MAIN(TestSqliteMigrations)
#include "tst_sqlitemigrations.moc"
