// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

// Raw index files (and each feed's config.json) as last fetched, with the validators needed
// to revalidate them, in SQLite under the cache location. Lets every pane work offline and
// turns most refreshes into 304s. Used only on the thread that opened it.
class IndexCache final
{
    Q_DISABLE_COPY_MOVE(IndexCache)

public:
    struct Entry
    {
        QByteArray body;
        QByteArray etag;
        QByteArray lastModified;
        QDateTime fetchedAt;
    };

    explicit IndexCache(const QString &databasePath);
    ~IndexCache();

    bool open(QString *error);
    QString path() const { return m_path; }

    // `feedKey` separates feeds (their index URL); `file` is the index path or "config.json".
    std::optional<Entry> get(const QString &feedKey, const QString &file) const;
    // The same without the body: what a conditional request needs, at a fraction of the I/O.
    std::optional<Entry> validators(const QString &feedKey, const QString &file) const;
    bool put(const QString &feedKey, const QString &file, const Entry &entry);
    bool touch(const QString &feedKey, const QString &file, const QDateTime &fetchedAt);
    bool remove(const QString &feedKey, const QString &file);
    int count(const QString &feedKey) const;

private:
    QString m_path;
    QString m_connection;
};
