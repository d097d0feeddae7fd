// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class QSqlDatabase;
class QThread;

// Raw index files (and each feed's config.json) as last fetched, with the validators needed
// to revalidate them, in SQLite under the cache location. Lets every pane work offline and
// turns most refreshes into 304s. Synchronous and bound to the thread that opened it: the app
// reaches it only through IndexCache, which keeps it on a thread of its own.
class IndexCacheStore final
{
    Q_DISABLE_COPY_MOVE(IndexCacheStore)

public:
    struct Entry
    {
        QByteArray body;
        QByteArray etag;
        QByteArray lastModified;
        QDateTime fetchedAt;
        // Optional, opaque here: what the client derived from `body` (its parsed entries),
        // replaced together with the body so that the two never disagree.
        QByteArray parsed;
    };

    explicit IndexCacheStore(const QString &databasePath);
    ~IndexCacheStore();

    bool open(QString *error);
    QString path() const { return m_path; }

    // `feedKey` separates feeds (their index URL); `file` is the index path or "config.json".
    std::optional<Entry> get(const QString &feedKey, const QString &file) const;
    // The same without the body: what a conditional request needs, at a fraction of the I/O.
    std::optional<Entry> validators(const QString &feedKey, const QString &file) const;
    bool put(const QString &feedKey, const QString &file, const Entry &entry);
    // Only the derived form: on a 304 it is all the client reads. Empty when none was stored
    // (a row from before the column existed).
    QByteArray parsedForm(const QString &feedKey, const QString &file) const;
    bool setParsedForm(const QString &feedKey, const QString &file, const QByteArray &parsed);
    // A revalidation (304) only moves fetched_at. Revalidating a lockfile's worth of files
    // would otherwise be one write per answer, so touches are kept in
    // memory (and reported by get()/validators()) until flushTouches() writes them in one
    // transaction; the destructor flushes what is left.
    void touch(const QString &feedKey, const QString &file, const QDateTime &fetchedAt);
    bool flushTouches();
    bool hasPendingTouches() const { return !m_pendingTouches.isEmpty(); }
    bool remove(const QString &feedKey, const QString &file);
    // Every feed's files, config.json too, and the database file shrunk to match: what
    // Settings' "Clear" promises. Feeds then read from the network again (or not at all offline).
    bool clear();
    int count(const QString &feedKey) const;

    // Bodies and parsed forms are kept up to this many bytes. Past it, the files confirmed
    // longest ago (a revalidation counts as a use) go first, down to nine tenths of the
    // limit; config.json rows always stay. open() and put() prune by themselves.
    static constexpr qint64 DefaultSizeLimit = qint64(512) << 20;
    void setSizeLimit(qint64 bytes) { m_sizeLimit = bytes; }
    qint64 sizeLimit() const { return m_sizeLimit; }
    qint64 size() const; // bytes of bodies and parsed forms
    int prune();         // how many files went

    // The cached bodies of `feedKey` (up to `limit`, files only, config.json aside) that match
    // any of the SQL LIKE `patterns`. Reads the database at `databasePath` through a read-only
    // connection of its own, so it may run on any thread while the owner goes on writing.
    static QList<QByteArray> bodiesMatching(const QString &databasePath, const QString &feedKey, const QStringList &patterns, int limit);

    // Every thread that has run a statement on this store: one, or the rule above is broken.
    // What the tests check the app's threads against.
    QList<const QThread *> statementThreads() const { return m_statementThreads; }

private:
    QString m_path;
    QString m_connection;
    QHash<std::pair<QString, QString>, QDateTime> m_pendingTouches; // (feed, file) -> fetched_at
    qint64 m_sizeLimit = DefaultSizeLimit;
    qint64 m_bytes = 0; // size() at the last prune plus what put() wrote since: never less
    mutable QList<const QThread *> m_statementThreads;
    std::optional<Entry> withPendingTouch(const QString &feedKey, const QString &file, std::optional<Entry> entry) const;
    void noteThread() const;
    QSqlDatabase database() const; // the connection, noting the thread that uses it
};
