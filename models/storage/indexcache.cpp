// SPDX-License-Identifier: GPL-3.0-or-later
#include "indexcache.h"

#include <QObject>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

// The cache's side: the store and the timer that writes a burst of revalidations at once.
// Created on the owner's thread, then lives on IndexCache::m_thread.
class IndexCache::Worker final : public QObject
{
    Q_DISABLE_COPY_MOVE(Worker)

public:
    Worker()
    {
        m_touchFlush.setSingleShot(true);
        m_touchFlush.setInterval(200);
        connect(&m_touchFlush, &QTimer::timeout, this, [this] {
            if (m_store)
                m_store->flushTouches();
        });
    }
    // On the cache's thread, once its event loop has ended: the store flushes what is left and
    // closes its connection on the thread that opened it.
    ~Worker() override = default;

    IndexCacheStore *store() const { return m_store.get(); }

    QString open(const QString &path, qint64 sizeLimit)
    {
        m_store = std::make_unique<IndexCacheStore>(path);
        m_store->setSizeLimit(sizeLimit);
        QString error;
        if (!m_store->open(&error))
            m_store.reset();
        return error;
    }

    // One write for a whole burst of revalidations, soon after it ends.
    void scheduleTouchFlush()
    {
        if (!m_touchFlush.isActive())
            m_touchFlush.start();
    }

    void stop()
    {
        m_touchFlush.stop();
        m_store.reset();
        thread()->quit();
    }

private:
    std::unique_ptr<IndexCacheStore> m_store;
    QTimer m_touchFlush{this};
};

IndexCache::IndexCache(const QString &databasePath)
    : m_path(databasePath)
    , m_worker(new Worker)
{
    m_thread.setObjectName(u"index cache"_s);
    m_worker->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

IndexCache::~IndexCache()
{
    // What the workers compute still queues its write; then, behind everything already
    // queued, those jobs run (their writes land) before the store closes and the thread ends.
    m_workers.waitForDone();
    QMetaObject::invokeMethod(m_worker, [worker = m_worker] { worker->stop(); }, Qt::QueuedConnection);
    m_thread.wait();
}

void IndexCache::post(std::function<void(IndexCacheStore *)> job)
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, job = std::move(job)] { job(worker->store()); }, Qt::QueuedConnection);
}

QFuture<QString> IndexCache::open()
{
    auto promise = std::make_shared<QPromise<QString>>();
    QFuture<QString> future = promise->future();
    promise->start();
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, promise, path = m_path, limit = qint64(m_sizeLimit)] {
        promise->addResult(worker->open(path, limit));
        promise->finish();
    }, Qt::QueuedConnection);
    return future;
}

void IndexCache::setSizeLimit(qint64 bytes)
{
    m_sizeLimit = bytes;
    post([bytes](IndexCacheStore *store) {
        if (store)
            store->setSizeLimit(bytes);
    });
}

QFuture<std::optional<IndexCache::Entry>> IndexCache::get(const QString &feedKey, const QString &file)
{
    return run([feedKey, file](IndexCacheStore *store) { return store ? store->get(feedKey, file) : std::nullopt; });
}

QFuture<std::optional<IndexCache::Entry>> IndexCache::validators(const QString &feedKey, const QString &file)
{
    return run([feedKey, file](IndexCacheStore *store) { return store ? store->validators(feedKey, file) : std::nullopt; });
}

QFuture<bool> IndexCache::put(const QString &feedKey, const QString &file, const Entry &entry)
{
    return run([feedKey, file, entry](IndexCacheStore *store) { return store && store->put(feedKey, file, entry); });
}

QFuture<bool> IndexCache::clear()
{
    return run([](IndexCacheStore *store) { return store && store->clear(); });
}

QFuture<bool> IndexCache::remove(const QString &feedKey, const QString &file)
{
    return run([feedKey, file](IndexCacheStore *store) { return store && store->remove(feedKey, file); });
}

void IndexCache::touch(const QString &feedKey, const QString &file, const QDateTime &fetchedAt)
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, feedKey, file, fetchedAt] {
        if (IndexCacheStore *store = worker->store()) {
            store->touch(feedKey, file, fetchedAt);
            worker->scheduleTouchFlush();
        }
    }, Qt::QueuedConnection);
}

QFuture<bool> IndexCache::flushTouches()
{
    return run([](IndexCacheStore *store) { return !store || store->flushTouches(); });
}
