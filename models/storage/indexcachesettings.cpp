// SPDX-License-Identifier: GPL-3.0-or-later
#include "indexcachesettings.h"

#include "indexcache.h"

#include <QFileInfo>
#include <QStringList>
#include <QSettings>

using namespace Qt::Literals::StringLiterals;

IndexCacheSettings::IndexCacheSettings(QSettings *settings)
    : m_settings(settings)
{
}

int IndexCacheSettings::defaultMiB()
{
    return int(IndexCache::DefaultSizeLimit >> 20);
}

int IndexCacheSettings::sizeLimitMiB() const
{
    bool ok = false;
    const int mib = m_settings->value(SizeLimitKey, defaultMiB()).toInt(&ok);
    return ok ? qBound(MinimumMiB, mib, MaximumMiB) : defaultMiB();
}

void IndexCacheSettings::setSizeLimitMiB(int mib)
{
    m_settings->setValue(SizeLimitKey, qBound(MinimumMiB, mib, MaximumMiB));
}

qint64 IndexCacheSettings::bytesOnDisk(const QString &databasePath)
{
    qint64 bytes = 0;
    for (const QString &file : QStringList{databasePath, databasePath + u"-wal"_s}) {
        if (const QFileInfo info(file); info.exists())
            bytes += info.size();
    }
    return bytes;
}
