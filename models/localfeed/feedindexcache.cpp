// SPDX-License-Identifier: GPL-3.0-or-later
#include "feedindexcache.h"

#include <QLocale>
#include <QMutexLocker>
#include <QTimeZone>

using namespace Qt::Literals::StringLiterals;

QByteArray FeedIndexFile::httpDate(const QDateTime &time)
{
    return QLocale::c().toString(time.toUTC(), u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s).toLatin1();
}

QDateTime FeedIndexFile::parseHttpDate(const QByteArray &value)
{
    QDateTime time = QLocale::c().toDateTime(QString::fromLatin1(value).trimmed(), u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s);
    time.setTimeZone(QTimeZone::UTC);
    return time;
}

FeedIndexCache::Lookup FeedIndexCache::find(const QString &lowerName) const
{
    QMutexLocker lock(&m_mutex);
    Lookup lookup;
    lookup.generation = m_generation;
    if (const auto it = m_files.constFind(lowerName); it != m_files.constEnd())
        lookup.file = *it;
    else
        lookup.missing = m_missing.contains(lowerName);
    return lookup;
}

void FeedIndexCache::fill(const QString &lowerName, const FeedIndexFile &file, quint64 generation)
{
    QMutexLocker lock(&m_mutex);
    if (generation == m_generation)
        m_files.insert(lowerName, file);
}

void FeedIndexCache::fillMissing(const QString &lowerName, quint64 generation)
{
    QMutexLocker lock(&m_mutex);
    if (generation != m_generation)
        return;
    if (m_missing.size() > 100000)
        m_missing.clear(); // a bound, not an eviction policy: a refill costs one query each
    m_missing.insert(lowerName);
}

void FeedIndexCache::invalidate(const QString &lowerName)
{
    QMutexLocker lock(&m_mutex);
    ++m_generation;
    m_files.remove(lowerName);
    // Any spelling may have been asked for before the crate existed.
    m_missing.clear();
}
