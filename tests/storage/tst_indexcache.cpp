// SPDX-License-Identifier: GPL-3.0-or-later
#include "storage/indexcache.h"
#include "storage/indexcachestore.h"
#include "cacheanswer.h"

#include <QSemaphore>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimeZone>

using namespace Qt::Literals::StringLiterals;

namespace {

IndexCache::Entry entry(const QByteArray &body, const QDateTime &fetchedAt, const QByteArray &etag = "\"e\"")
{
    return {body, etag, {}, fetchedAt, {}};
}

// Holds the cache's thread in a job of its own until released, so that what is asked after it
// is still waiting. Bounded: a failed test must not leave the cache unable to close.
void block(IndexCache &cache, QSemaphore &gate)
{
    cache.run([&gate](IndexCacheStore *) { gate.tryAcquire(1, 10000); });
}

} // namespace

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

    // The app's rule: no SQL on the thread that paints. Every statement of every kind of call
    // runs on the cache's own thread, never on the caller's.
    void runsEveryStatementOnItsOwnThread()
    {
        QTemporaryDir dir;
        IndexCache cache(dir.filePath(u"index.sqlite"_s));
        QCOMPARE(cacheAnswer(cache.open()), QString());
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(cacheAnswer(cache.put(u"feed"_s, u"3/a/abc"_s, entry("one\n", now))));
        QVERIFY(cacheAnswer(cache.get(u"feed"_s, u"3/a/abc"_s)));
        QVERIFY(cacheAnswer(cache.validators(u"feed"_s, u"3/a/abc"_s)));
        cache.touch(u"feed"_s, u"3/a/abc"_s, now.addSecs(1));
        QVERIFY(cacheAnswer(cache.flushTouches()));
        QVERIFY(cacheAnswer(cache.remove(u"feed"_s, u"3/a/abc"_s)));

        const QList<const QThread *> threads = cacheAnswer(cache.run([](IndexCacheStore *store) { return store->statementThreads(); }));
        QCOMPARE(threads.size(), 1);
        QVERIFY(threads.first() != QThread::currentThread());
        QCOMPARE(cacheAnswer(cache.run([](IndexCacheStore *) { return static_cast<const QThread *>(QThread::currentThread()); })),
                 threads.first());
    }

    // One thread takes the calls in the order they were made: a put is seen by the next get,
    // a touch by the next read, a remove by the next get, without waiting in between.
    void answersInTheOrderOfTheCalls()
    {
        QTemporaryDir dir;
        IndexCache cache(dir.filePath(u"index.sqlite"_s));
        cache.open();
        const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-1);
        QList<QFuture<std::optional<IndexCache::Entry>>> reads;
        for (int i = 0; i < 50; ++i) {
            cache.put(u"feed"_s, u"3/a/abc"_s, entry("body " + QByteArray::number(i), start.addSecs(i)));
            reads.append(cache.get(u"feed"_s, u"3/a/abc"_s));
        }
        cache.touch(u"feed"_s, u"3/a/abc"_s, start.addSecs(3600));
        const auto touched = cache.validators(u"feed"_s, u"3/a/abc"_s);
        cache.remove(u"feed"_s, u"3/a/abc"_s);
        const auto removed = cache.get(u"feed"_s, u"3/a/abc"_s);

        for (int i = 0; i < reads.size(); ++i) {
            const auto read = cacheAnswer(reads.at(i));
            QVERIFY(read);
            QCOMPARE(read->body, QByteArray("body " + QByteArray::number(i)));
        }
        QCOMPARE(cacheAnswer(touched)->fetchedAt, start.addSecs(3600));
        QVERIFY(!cacheAnswer(removed));
    }

    // computeThenKeep answers before its write (the caller need not wait for it), and every
    // call made after the answer still sees the write.
    void answersBeforeItKeepsAndLaterCallsSeeTheWrite()
    {
        QTemporaryDir dir;
        IndexCache cache(dir.filePath(u"index.sqlite"_s));
        cache.open();
        QSemaphore writing;
        QSemaphore mayWrite;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const auto answer = cache.computeThenKeep([] { return QByteArray("parsed"); },
                                                  [&writing, &mayWrite, now](IndexCacheStore *store, const QByteArray &result) {
                                                      writing.release();
                                                      mayWrite.tryAcquire(1, 10000);
                                                      store->put(u"feed"_s, u"3/a/abc"_s, entry(result, now));
                                                  });
        QCOMPARE(cacheAnswer(answer, 5000), "parsed"_ba); // sooner than the write may start
        QVERIFY(writing.tryAcquire(1, 10000)); // the answer came while the write waited
        const auto read = cache.get(u"feed"_s, u"3/a/abc"_s);
        mayWrite.release();
        const auto kept = cacheAnswer(read);
        QVERIFY(kept);
        QCOMPARE(kept->body, "parsed"_ba);
    }

    // One file's work does not wait for another's write: the cache's thread may be busy writing
    // while the next parse runs beside it.
    void computesWhileTheCacheThreadWrites()
    {
        QTemporaryDir dir;
        IndexCache cache(dir.filePath(u"index.sqlite"_s));
        cache.open();
        QSemaphore mayFinishWriting;
        const auto blocked = cache.run([&mayFinishWriting](IndexCacheStore *) { return mayFinishWriting.tryAcquire(1, 10000); });
        const auto computed = cache.computeThenKeep([] { return 42; }, [](IndexCacheStore *, int) {});
        QCOMPARE(cacheAnswer(computed, 5000), 42);
        QVERIFY(!blocked.isFinished());
        mayFinishWriting.release();
        QVERIFY(cacheAnswer(blocked));
    }

    // Closing the cache while a computation runs: its write still lands before the store closes.
    void closingWaitsForWhatIsBeingComputed()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"index.sqlite"_s);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        {
            IndexCache cache(path);
            cache.open();
            QSemaphore started;
            cache.computeThenKeep(
                [&started] {
                    started.release();
                    QThread::msleep(200);
                    return QByteArray("late");
                },
                [now](IndexCacheStore *store, const QByteArray &result) { store->put(u"feed"_s, u"la/te/late"_s, entry(result, now)); });
            QVERIFY(started.tryAcquire(1, 10000));
        }
        IndexCacheStore reopened(path);
        QString error;
        QVERIFY2(reopened.open(&error), qPrintable(error));
        const auto kept = reopened.get(u"feed"_s, u"la/te/late"_s);
        QVERIFY(kept);
        QCOMPARE(kept->body, "late"_ba);
    }

    // An answer goes to its context's thread, and not at all once the context is gone: the
    // client that asked may be deleted while the cache works.
    void answersNeverReachAContextThatIsGone()
    {
        QTemporaryDir dir;
        QSemaphore gate;
        IndexCache cache(dir.filePath(u"index.sqlite"_s));
        cache.open();
        cache.put(u"feed"_s, u"3/a/abc"_s, entry("one\n", QDateTime::currentDateTimeUtc()));
        block(cache, gate);
        auto gone = std::make_unique<QObject>();
        QObject alive;
        bool goneAnswered = false;
        const QThread *aliveAnsweredOn = nullptr;
        cache.get(u"feed"_s, u"3/a/abc"_s).then(gone.get(), [&goneAnswered](const std::optional<IndexCache::Entry> &) { goneAnswered = true; });
        cache.get(u"feed"_s, u"3/a/abc"_s).then(&alive, [&aliveAnsweredOn](const std::optional<IndexCache::Entry> &found) {
            if (found)
                aliveAnsweredOn = QThread::currentThread();
        });
        gone.reset();
        gate.release();
        QTRY_COMPARE(aliveAnsweredOn, static_cast<const QThread *>(QThread::currentThread()));
        QVERIFY(!goneAnswered);
    }

    // Closing the cache runs what was queued before it: writes and revalidations land in the
    // file, then the thread ends.
    void closingWritesWhatWasQueued()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"index.sqlite"_s);
        const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-1);
        QSemaphore gate;
        {
            IndexCache cache(path);
            cache.open();
            QVERIFY(cacheAnswer(cache.put(u"feed"_s, u"3/o/old"_s, entry("old\n", start))));
            block(cache, gate);
            cache.put(u"feed"_s, u"3/n/new"_s, entry("new\n", start));
            cache.touch(u"feed"_s, u"3/o/old"_s, start.addSecs(60));
            gate.release();
        }
        IndexCacheStore reopened(path);
        QString error;
        QVERIFY2(reopened.open(&error), qPrintable(error));
        QCOMPARE(reopened.get(u"feed"_s, u"3/n/new"_s)->body, "new\n"_ba);
        QCOMPARE(reopened.validators(u"feed"_s, u"3/o/old"_s)->fetchedAt, start.addSecs(60));
    }

    // The limit can be set from the owner's thread at any time (a setting); it takes effect at
    // the next write, on the cache's thread.
    void aSizeLimitSetLaterTakesEffect()
    {
        QTemporaryDir dir;
        IndexCache cache(dir.filePath(u"index.sqlite"_s));
        QCOMPARE(cache.sizeLimit(), IndexCache::DefaultSizeLimit);
        cache.open();
        const QDateTime start = QDateTime::currentDateTimeUtc().addDays(-1);
        for (int i = 0; i < 4; ++i)
            cache.put(u"feed"_s, u"file-%1"_s.arg(i), entry(QByteArray(1000, 'b'), start.addSecs(i)));
        cache.setSizeLimit(3000);
        QCOMPARE(cache.sizeLimit(), 3000);
        QVERIFY(cacheAnswer(cache.put(u"feed"_s, u"file-4"_s, entry(QByteArray(1000, 'b'), start.addSecs(10)))));
        QVERIFY(cacheAnswer(cache.run([](IndexCacheStore *store) { return store->size(); })) <= 2700);
        QVERIFY(cacheAnswer(cache.get(u"feed"_s, u"file-4"_s)));
        QVERIFY(!cacheAnswer(cache.get(u"feed"_s, u"file-0"_s)));
    }

    // A cache that cannot be opened says why, and then behaves as no cache: reads find nothing,
    // writes are dropped, and the app works on without it.
    void aCacheThatCannotOpenIsNoCache()
    {
        QTemporaryDir dir;
        IndexCache cache(dir.path()); // a folder, not a database
        QVERIFY(!cacheAnswer(cache.open()).isEmpty());
        QVERIFY(!cacheAnswer(cache.put(u"feed"_s, u"3/a/abc"_s, entry("one\n", QDateTime::currentDateTimeUtc()))));
        QVERIFY(!cacheAnswer(cache.get(u"feed"_s, u"3/a/abc"_s)));
        cache.touch(u"feed"_s, u"3/a/abc"_s, QDateTime::currentDateTimeUtc());
        QVERIFY(cacheAnswer(cache.run([](IndexCacheStore *store) { return store == nullptr; })));
    }
};

QTEST_GUILESS_MAIN(TestIndexCache)
#include "tst_indexcache.moc"
