// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QMutex>
#include <QSet>
#include <QString>

#include <optional>

// One crate's index file as the local feed serves it.
struct FeedIndexFile
{
    QByteArray body; // one JSON line per version, each ending in '\n'
    QByteArray etag; // quoted strong validator derived from the body
    QDateTime lastModified;
    QByteArray lastModifiedHttp; // lastModified as an HTTP date, made once rather than per request

    // HTTP dates (RFC 9110 IMF-fixdate), as Last-Modified and If-Modified-Since write them.
    static QByteArray httpDate(const QDateTime &time);
    static QDateTime parseHttpDate(const QByteArray &value);
};

// The index files the local feed has built from its database, and the names it was asked for
// that it does not hold, shared by the FeedStore of the writer and those of the serving
// threads (FeedStore::reader()); every member may be called from any thread.
//
// A reader fills the cache from a database snapshot that a publish on another thread may
// have overtaken by then. So the writer bumps a generation with every change (after its
// commit, before its answer goes out), and a fill is kept only when no change came between
// the reader's look-up and its fill: a stale file never outlives the change that made it
// stale, and a read that starts after a publish was answered sees the new line.
class FeedIndexCache final
{
    Q_DISABLE_COPY_MOVE(FeedIndexCache)

public:
    FeedIndexCache() = default;
    ~FeedIndexCache() = default;

    struct Lookup
    {
        std::optional<FeedIndexFile> file;
        bool missing = false; // known not to be in the feed
        quint64 generation = 0; // to hand back to fill() or fillMissing()
    };
    Lookup find(const QString &lowerName) const;
    void fill(const QString &lowerName, const FeedIndexFile &file, quint64 generation);
    void fillMissing(const QString &lowerName, quint64 generation);
    // After a committed change to the crate: its file is rebuilt on the next read.
    void invalidate(const QString &lowerName);

private:
    mutable QMutex m_mutex;
    quint64 m_generation = 0;
    QHash<QString, FeedIndexFile> m_files;
    // Names asked for that the feed does not hold (a connector's crates): no query each time.
    QSet<QString> m_missing;
};
