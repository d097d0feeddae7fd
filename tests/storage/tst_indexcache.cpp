// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/indexcache.h"

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

        IndexCache cache(path);
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
        IndexCache cache(dir.filePath(u"index.sqlite"_s));
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
};

QTEST_GUILESS_MAIN(TestIndexCache)
#include "tst_indexcache.moc"
