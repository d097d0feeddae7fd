// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "indexcachestore.h"

#include <QFuture>
#include <QPromise>
#include <QString>
#include <QThread>
#include <QThreadPool>

#include <atomic>
#include <functional>
#include <memory>
#include <type_traits>

class QObject;

// The index cache as the app uses it: an IndexCacheStore on a thread of its own, so that no
// SQL (and none of the parsing a caller hands it) runs on the caller's thread, which in the
// desktop app is the one that paints. Calls are queued to that thread in the order they are
// made, so a put() is seen by any later get(); each answers with a QFuture. Take the answer
// with future.then(context, ...): it then arrives on the context's thread, and never once the
// context is gone. The cache must outlive the objects that call it. Destroying it runs what
// was queued (writes and the pending revalidations land), then joins the thread.
class IndexCache final
{
    Q_DISABLE_COPY_MOVE(IndexCache)

public:
    using Entry = IndexCacheStore::Entry;
    static constexpr qint64 DefaultSizeLimit = IndexCacheStore::DefaultSizeLimit;

    explicit IndexCache(const QString &databasePath);
    ~IndexCache();

    // Opens (and migrates, and prunes) the database, on the cache's thread; the future holds
    // what failed, or an empty string. Calls made before it answers wait for it; after a
    // failure every read finds nothing and every write is dropped, as if there were no cache.
    QFuture<QString> open();
    QString path() const { return m_path; }

    // See IndexCacheStore. The limit applies from the next open() or put(); callable at any
    // time from the owner's thread (a setting may change it while the app runs).
    void setSizeLimit(qint64 bytes);
    qint64 sizeLimit() const { return m_sizeLimit; }

    QFuture<std::optional<Entry>> get(const QString &feedKey, const QString &file);
    QFuture<std::optional<Entry>> validators(const QString &feedKey, const QString &file);
    QFuture<bool> put(const QString &feedKey, const QString &file, const Entry &entry);
    QFuture<bool> remove(const QString &feedKey, const QString &file);
    QFuture<bool> clear();
    // A revalidation: kept in memory on the cache's thread (get() and validators() see it) and
    // written with the others of its burst in one transaction, shortly after the burst.
    void touch(const QString &feedKey, const QString &file, const QDateTime &fetchedAt);
    QFuture<bool> flushTouches();

    // Runs `work(store)` on the cache's thread, in turn with every other call; the future holds
    // what it returns. `store` is null when the cache could not be opened (or was never
    // asked to). `work` must capture values only: it runs on another thread.
    template<typename Work>
    auto run(Work work) -> QFuture<std::invoke_result_t<Work &, IndexCacheStore *>>
    {
        using Result = std::invoke_result_t<Work &, IndexCacheStore *>;
        auto promise = std::make_shared<QPromise<Result>>();
        QFuture<Result> future = promise->future();
        promise->start();
        post([promise, work = std::move(work)](IndexCacheStore *store) mutable {
            if constexpr (std::is_void_v<Result>)
                work(store);
            else
                promise->addResult(work(store));
            promise->finish();
        });
        return future;
    }

    // `work()` runs on the cache's own pool of workers, beside its thread, so that one file's
    // parse need not wait for another's write; `keep(store, result)` is queued to the cache's
    // thread before the answer goes out, so every call made after the answer sees the write.
    // Both must capture values only.
    template<typename Work, typename Keep>
    auto computeThenKeep(Work work, Keep keep) -> QFuture<std::invoke_result_t<Work &>>
    {
        using Result = std::invoke_result_t<Work &>;
        auto promise = std::make_shared<QPromise<Result>>();
        QFuture<Result> future = promise->future();
        promise->start();
        m_workers.start([this, promise, work = std::move(work), keep = std::move(keep)]() mutable {
            Result result = work();
            post([result, keep = std::move(keep)](IndexCacheStore *store) mutable { keep(store, result); });
            promise->addResult(std::move(result));
            promise->finish();
        });
        return future;
    }

private:
    class Worker;
    void post(std::function<void(IndexCacheStore *)> job);

    const QString m_path;
    std::atomic<qint64> m_sizeLimit = DefaultSizeLimit;
    QThread m_thread;
    QThreadPool m_workers; // for computeThenKeep(); waited for before the thread ends
    Worker *m_worker; // lives on m_thread, which deletes it when it ends
};
