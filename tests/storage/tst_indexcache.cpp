// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/indexcachestore.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace Qt::Literals::StringLiterals;

class TestIndexCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // A cache written by an earlier CrateDesk (schema 1, no parsed form) keeps its files on
    // upgrade: they still answer offline and revalidate, and get a parsed form when next read.
    void upgradesAnEarlierCacheWithoutLosingFiles()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"index.sqlite"_s);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"schema-1"_s);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(uR"(CREATE TABLE index_files (feed TEXT NOT NULL, file TEXT NOT NULL, body BLOB NOT NULL,
                                etag BLOB, last_modified BLOB, fetched_at INTEGER NOT NULL, PRIMARY KEY (feed, file)))"_s));
            QVERIFY(q.exec(uR"(INSERT INTO index_files VALUES ('feed', 'se/rd/serde', X'7B7D0A', X'2261626322', NULL, 1700000000000))"_s));
            QVERIFY(q.exec(u"PRAGMA user_version=1"_s));
            db.close();
        }
        QSqlDatabase::removeDatabase(u"schema-1"_s);

        IndexCacheStore cache(path);
        QString error;
        QVERIFY2(cache.open(&error), qPrintable(error));
        const auto old = cache.get(u"feed"_s, u"se/rd/serde"_s);
        QVERIFY(old);
        QCOMPARE(old->body, "{}\n"_ba);
        QCOMPARE(old->etag, "\"abc\""_ba);
        QCOMPARE(old->fetchedAt, QDateTime::fromMSecsSinceEpoch(1700000000000, QTimeZone::UTC));
        QVERIFY(cache.parsedForm(u"feed"_s, u"se/rd/serde"_s).isEmpty());
        QVERIFY(cache.setParsedForm(u"feed"_s, u"se/rd/serde"_s, "form"_ba));
        QCOMPARE(cache.parsedForm(u"feed"_s, u"se/rd/serde"_s), "form"_ba);
        QCOMPARE(cache.get(u"feed"_s, u"se/rd/serde"_s)->body, "{}\n"_ba);
    }

    // The parsed form belongs to one body: a new body without one must not inherit the old.
    void aNewBodyReplacesTheParsedForm()
    {
        QTemporaryDir dir;
        IndexCacheStore cache(dir.filePath(u"index.sqlite"_s));
        QString error;
        QVERIFY2(cache.open(&error), qPrintable(error));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(cache.put(u"feed"_s, u"3/a/abc"_s, {"one\n"_ba, "\"1\""_ba, {}, now, "form of one"_ba}));
        QCOMPARE(cache.parsedForm(u"feed"_s, u"3/a/abc"_s), "form of one"_ba);
        QVERIFY(cache.put(u"feed"_s, u"3/a/abc"_s, {"two\n"_ba, "\"2\""_ba, {}, now, {}}));
        QVERIFY(cache.parsedForm(u"feed"_s, u"3/a/abc"_s).isEmpty());
        QVERIFY(cache.parsedForm(u"feed"_s, u"no/su/ch"_s).isEmpty());
        QVERIFY(!cache.get(u"feed"_s, u"no/su/ch"_s));
    }

    // A cache left to grow would keep every index file ever browsed. Past its limit the files
    // confirmed longest ago go, a revalidation counting as a use; config.json stays.
    void prunesTheLeastRecentlyConfirmedFiles()
    {
        QTemporaryDir dir;
        IndexCacheStore cache(dir.filePath(u"index.sqlite"_s));
        cache.setSizeLimit(10000);
        QString error;
        QVERIFY2(cache.open(&error), qPrintable(error));
        const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-1);
        QVERIFY(cache.put(u"feed"_s, u"config.json"_s, {QByteArray(100, 'c'), {}, {}, start, {}}));
        for (int i = 0; i < 4; ++i) // 4 x 2,000 bytes: 8,100 in all, under the limit
            QVERIFY(cache.put(u"feed"_s, u"file-%1"_s.arg(i), {QByteArray(1500, 'b'), "\"e\""_ba, {}, start.addSecs(i), QByteArray(500, 'p')}));
        QCOMPARE(cache.size(), 8100);
        cache.touch(u"feed"_s, u"file-0"_s, start.addSecs(60)); // revalidated: now the most recent

        QVERIFY(cache.put(u"feed"_s, u"file-4"_s, {QByteArray(2000, 'b'), {}, {}, start.addSecs(120), {}})); // 10,100
        QVERIFY2(cache.size() <= 9000, "pruned down to nine tenths of the limit");
        QVERIFY(!cache.get(u"feed"_s, u"file-1"_s));
        QVERIFY(cache.get(u"feed"_s, u"file-0"_s)); // touched later than file-1 was fetched
        QVERIFY(cache.get(u"feed"_s, u"file-4"_s));
        QVERIFY(cache.get(u"feed"_s, u"config.json"_s));
        QCOMPARE(cache.count(u"feed"_s), 5); // config.json and files 0, 2, 3, 4: 8,100 bytes

        // A smaller limit takes effect when the cache is opened.
        IndexCacheStore reopened(cache.path());
        reopened.setSizeLimit(3000);
        QVERIFY2(reopened.open(&error), qPrintable(error));
        QCOMPARE(reopened.size(), 2100); // config.json and file-4, the newest
        QVERIFY(reopened.get(u"feed"_s, u"config.json"_s));
        QVERIFY(reopened.get(u"feed"_s, u"file-4"_s));
    }

};

QTEST_GUILESS_MAIN(TestIndexCache)
#include "tst_indexcache.moc"
