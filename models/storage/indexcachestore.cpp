// SPDX-License-Identifier: GPL-3.0-or-later
#include "indexcachestore.h"

#include "sqlitemigrations.h"

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QTimeZone>

#include <atomic>

using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcIndexCache, "cratedesk.storage.cache")

namespace {

// Numbered migrations: entry N brings user_version from N-1 to N. Append only.
const QList<QStringList> &migrations()
{
    static const QList<QStringList> all = {
        {uR"(CREATE TABLE index_files (
                feed TEXT NOT NULL,
                file TEXT NOT NULL,
                body BLOB NOT NULL,
                etag BLOB,
                last_modified BLOB,
                fetched_at INTEGER NOT NULL,
                PRIMARY KEY (feed, file)))"_s},
        // What the client made of the body, so that a 304 needs no parsing (IndexEntryCodec).
        {u"ALTER TABLE index_files ADD COLUMN parsed BLOB"_s},
    };
    return all;
}

} // namespace

IndexCacheStore::IndexCacheStore(const QString &databasePath)
    : m_path(databasePath)
    , m_connection(u"cratedesk-cache-%1"_s.arg(quintptr(this), 0, 16))
{
}

IndexCacheStore::~IndexCacheStore()
{
    flushTouches();
    if (QSqlDatabase::contains(m_connection)) {
        QSqlDatabase::database(m_connection, false).close();
        QSqlDatabase::removeDatabase(m_connection);
    }
}

void IndexCacheStore::noteThread() const
{
    if (const QThread *current = QThread::currentThread(); !m_statementThreads.contains(current))
        m_statementThreads.append(current);
}

QSqlDatabase IndexCacheStore::database() const
{
    noteThread();
    return QSqlDatabase::database(m_connection);
}

bool IndexCacheStore::open(QString *error)
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    noteThread();
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connection);
    db.setDatabaseName(m_path);
    if (!db.open()) {
        *error = u"cannot open the cache %1: %2"_s.arg(m_path, db.lastError().text());
        return false;
    }
    QSqlQuery q(db);
    // A cache can always be refetched, so NORMAL sync is plenty; WAL keeps readers unblocked.
    for (const QString &pragma : {u"PRAGMA journal_mode=WAL"_s, u"PRAGMA synchronous=NORMAL"_s, u"PRAGMA busy_timeout=5000"_s})
        q.exec(pragma);
    if (const QString failure = SqliteMigrations::run(db, migrations(), m_path); !failure.isEmpty()) {
        *error = failure;
        return false;
    }
    prune();
    return true;
}

qint64 IndexCacheStore::size() const
{
    QSqlQuery q(database());
    // length() of a blob is in its record header: no overflow page is read.
    return q.exec(u"SELECT TOTAL(length(body) + IFNULL(length(parsed), 0)) FROM index_files"_s) && q.next()
        ? q.value(0).toLongLong() : 0;
}

int IndexCacheStore::prune()
{
    flushTouches(); // recency is fetched_at, so the revalidations since count
    m_bytes = size();
    if (m_bytes <= m_sizeLimit)
        return 0;
    // The oldest first, until nine tenths of the limit are left: that fixes a cutoff time, and
    // one DELETE takes everything confirmed up to it (files confirmed at the same instant go
    // together).
    QSqlDatabase db = database();
    QSqlQuery oldest(db);
    if (!oldest.exec(u"SELECT fetched_at, length(body) + IFNULL(length(parsed), 0) FROM index_files "
                     "WHERE file != 'config.json' ORDER BY fetched_at ASC"_s))
        return 0;
    const qint64 target = m_sizeLimit / 10 * 9;
    qint64 bytes = m_bytes;
    std::optional<qint64> cutoff;
    while (oldest.next()) {
        const qint64 fetchedAt = oldest.value(0).toLongLong();
        if (bytes <= target && fetchedAt != cutoff)
            break;
        cutoff = fetchedAt;
        bytes -= oldest.value(1).toLongLong();
    }
    oldest.finish();
    if (!cutoff)
        return 0;
    QSqlQuery q(db);
    q.prepare(u"DELETE FROM index_files WHERE file != 'config.json' AND fetched_at <= ?"_s);
    q.addBindValue(*cutoff);
    if (!q.exec()) {
        qCWarning(lcIndexCache) << "cannot prune the cache" << q.lastError().text();
        return 0;
    }
    const int removed = q.numRowsAffected();
    qCInfo(lcIndexCache).noquote() << "pruned" << removed << "index files from the cache:" << m_bytes << "->" << bytes
                                   << "bytes, limit" << m_sizeLimit;
    m_bytes = bytes;
    return removed;
}

std::optional<IndexCacheStore::Entry> IndexCacheStore::get(const QString &feedKey, const QString &file) const
{
    QSqlQuery q(database());
    q.prepare(u"SELECT body, etag, last_modified, fetched_at FROM index_files WHERE feed = ? AND file = ?"_s);
    q.addBindValue(feedKey);
    q.addBindValue(file);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return withPendingTouch(feedKey, file, Entry{q.value(0).toByteArray(), q.value(1).toByteArray(), q.value(2).toByteArray(),
                                                 QDateTime::fromMSecsSinceEpoch(q.value(3).toLongLong(), QTimeZone::UTC), {}});
}

std::optional<IndexCacheStore::Entry> IndexCacheStore::validators(const QString &feedKey, const QString &file) const
{
    QSqlQuery q(database());
    q.prepare(u"SELECT etag, last_modified, fetched_at FROM index_files WHERE feed = ? AND file = ?"_s);
    q.addBindValue(feedKey);
    q.addBindValue(file);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return withPendingTouch(feedKey, file, Entry{{}, q.value(0).toByteArray(), q.value(1).toByteArray(),
                                                 QDateTime::fromMSecsSinceEpoch(q.value(2).toLongLong(), QTimeZone::UTC), {}});
}

std::optional<IndexCacheStore::Entry> IndexCacheStore::withPendingTouch(const QString &feedKey, const QString &file, std::optional<Entry> entry) const
{
    const auto pending = m_pendingTouches.constFind({feedKey, file});
    if (entry && pending != m_pendingTouches.cend())
        entry->fetchedAt = *pending;
    return entry;
}

bool IndexCacheStore::put(const QString &feedKey, const QString &file, const Entry &entry)
{
    m_pendingTouches.remove({feedKey, file}); // the new row carries its own fetched_at
    QSqlQuery q(database());
    q.prepare(u"INSERT OR REPLACE INTO index_files (feed, file, body, etag, last_modified, fetched_at, parsed) VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
    for (const QVariant &value : {QVariant(feedKey), QVariant(file), QVariant(entry.body), QVariant(entry.etag),
                                  QVariant(entry.lastModified), QVariant(entry.fetchedAt.toMSecsSinceEpoch()),
                                  entry.parsed.isEmpty() ? QVariant(QMetaType::fromType<QByteArray>()) : QVariant(entry.parsed)})
        q.addBindValue(value);
    if (!q.exec()) {
        qCWarning(lcIndexCache) << "cannot cache" << file << q.lastError().text();
        return false;
    }
    // Counted as if nothing was replaced: an over-count only prunes (and measures) early.
    m_bytes += entry.body.size() + entry.parsed.size();
    if (m_bytes > m_sizeLimit)
        prune();
    return true;
}

QByteArray IndexCacheStore::parsedForm(const QString &feedKey, const QString &file) const
{
    QSqlQuery q(database());
    q.prepare(u"SELECT parsed FROM index_files WHERE feed = ? AND file = ?"_s);
    q.addBindValue(feedKey);
    q.addBindValue(file);
    return q.exec() && q.next() ? q.value(0).toByteArray() : QByteArray();
}

bool IndexCacheStore::setParsedForm(const QString &feedKey, const QString &file, const QByteArray &parsed)
{
    QSqlQuery q(database());
    q.prepare(u"UPDATE index_files SET parsed = ? WHERE feed = ? AND file = ?"_s);
    q.addBindValue(parsed);
    q.addBindValue(feedKey);
    q.addBindValue(file);
    if (!q.exec()) {
        qCWarning(lcIndexCache) << "cannot keep the parsed form of" << file << q.lastError().text();
        return false;
    }
    return true;
}

void IndexCacheStore::touch(const QString &feedKey, const QString &file, const QDateTime &fetchedAt)
{
    m_pendingTouches.insert({feedKey, file}, fetchedAt);
}

bool IndexCacheStore::flushTouches()
{
    if (m_pendingTouches.isEmpty() || !QSqlDatabase::contains(m_connection))
        return true;
    QSqlDatabase db = database();
    db.transaction();
    QSqlQuery q(db);
    q.prepare(u"UPDATE index_files SET fetched_at = ? WHERE feed = ? AND file = ?"_s);
    bool ok = true;
    for (auto it = m_pendingTouches.cbegin(); it != m_pendingTouches.cend() && ok; ++it) {
        q.addBindValue(it.value().toMSecsSinceEpoch());
        q.addBindValue(it.key().first);
        q.addBindValue(it.key().second);
        ok = q.exec();
    }
    if (!ok || !db.commit()) {
        qCWarning(lcIndexCache) << "cannot record revalidations" << q.lastError().text();
        db.rollback();
        return false;
    }
    m_pendingTouches.clear();
    return true;
}

bool IndexCacheStore::remove(const QString &feedKey, const QString &file)
{
    m_pendingTouches.remove({feedKey, file});
    QSqlQuery q(database());
    q.prepare(u"DELETE FROM index_files WHERE feed = ? AND file = ?"_s);
    q.addBindValue(feedKey);
    q.addBindValue(file);
    return q.exec();
}

bool IndexCacheStore::clear()
{
    m_pendingTouches.clear();
    QSqlQuery q(database());
    if (!q.exec(u"DELETE FROM index_files"_s)) {
        qCWarning(lcIndexCache) << "cannot clear the cache" << q.lastError().text();
        return false;
    }
    m_bytes = 0;
    // Deleted rows only free pages inside the file: VACUUM gives them back to the file system,
    // the checkpoint empties the write-ahead log that VACUUM itself filled.
    if (!q.exec(u"VACUUM"_s) || !q.exec(u"PRAGMA wal_checkpoint(TRUNCATE)"_s))
        qCWarning(lcIndexCache) << "cannot shrink the cache after clearing it" << q.lastError().text();
    return true;
}

int IndexCacheStore::count(const QString &feedKey) const
{
    QSqlQuery q(database());
    q.prepare(u"SELECT COUNT(*) FROM index_files WHERE feed = ?"_s);
    q.addBindValue(feedKey);
    return q.exec() && q.next() ? q.value(0).toInt() : 0;
}

QList<QByteArray> IndexCacheStore::bodiesMatching(const QString &databasePath, const QString &feedKey, const QStringList &patterns, int limit)
{
    static std::atomic<quint64> serial = 0;
    const QString connection = u"cratedesk-cache-scan-%1"_s.arg(++serial);
    QList<QByteArray> bodies;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
        db.setDatabaseName(databasePath);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"_s);
        if (db.open() && !patterns.isEmpty()) {
            QStringList any;
            for (qsizetype i = 0; i < patterns.size(); ++i)
                any << u"CAST(body AS TEXT) LIKE ?"_s;
            QSqlQuery q(db);
            q.setForwardOnly(true);
            q.prepare(u"SELECT body FROM index_files WHERE feed = ? AND file != 'config.json' AND (%1) LIMIT ?"_s.arg(any.join(u" OR "_s)));
            q.addBindValue(feedKey);
            for (const QString &pattern : patterns)
                q.addBindValue(pattern);
            q.addBindValue(limit);
            if (q.exec()) {
                while (q.next())
                    bodies.append(q.value(0).toByteArray());
            } else {
                qCWarning(lcIndexCache) << "cannot scan the cache" << databasePath << q.lastError().text();
            }
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return bodies;
}
