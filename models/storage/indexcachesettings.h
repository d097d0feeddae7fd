// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLatin1StringView>
#include <QString>

class QSettings;

// The index cache's size limit as the user sets it, in MiB; its key and bounds live here only
// (the default is IndexCache's own). Apart from indexcache.* so that the cache itself need
// not know about settings.
class IndexCacheSettings final
{
public:
    static constexpr QLatin1StringView SizeLimitKey{"cache/indexSizeLimitMiB"};
    // Less would drop files a single large lockfile needs again at once; more than 64 GiB is
    // a typo rather than a wish.
    static constexpr int MinimumMiB = 16;
    static constexpr int MaximumMiB = 64 * 1024;

    explicit IndexCacheSettings(QSettings *settings);

    static int defaultMiB();
    int sizeLimitMiB() const;
    void setSizeLimitMiB(int mib);
    static qint64 bytes(int mib) { return qint64(mib) << 20; }

    // The bytes the cache database takes on disk (its file and write-ahead log): file sizes
    // only, no SQL, so any thread may ask while the owner goes on using the cache.
    static qint64 bytesOnDisk(const QString &databasePath);

private:
    QSettings *m_settings;
};
