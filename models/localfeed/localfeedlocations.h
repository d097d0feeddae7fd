// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cargotypes/feed.h"

#include <QString>
#include <QUrl>

class QSettings;

// Which loopback URLs are local feeds that this user served, and from which data folder, so
// that `cratedesk credential` knows whose ownership key a server at such a URL must prove it
// holds (FeedOwnership). Kept in the user's settings: another user cannot add entries there.
class LocalFeedLocations final
{
public:
    explicit LocalFeedLocations(QSettings *settings);

    // Called by `cratedesk serve` and the desktop app once the feed listens at `baseUrl`.
    void remember(const QUrl &baseUrl, const QString &dataDir);

    // The data folder of the local feed that `feed` points at, or empty when `feed` is no
    // local feed of this user (a remote feed, or another program on the loopback). The
    // embedded feed (Feed::Origin::Local) and the default port map to the default folder.
    QString dataDirFor(const Feed &feed) const;

    // http://127.0.0.1:PORT/ for any loopback spelling of a root URL; empty otherwise.
    static QUrl canonicalBaseUrl(const QUrl &url);

private:
    QSettings *m_settings;
};
