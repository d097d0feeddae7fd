// SPDX-License-Identifier: GPL-3.0-or-later
#include "localfeedlocations.h"

#include "feedserveroptions.h"

#include <QDir>
#include <QSettings>

using namespace Qt::Literals::StringLiterals;

namespace {

QString settingsKey(const QUrl &canonical)
{
    return u"localFeeds/%1-%2"_s.arg(canonical.scheme()).arg(canonical.port());
}

} // namespace

LocalFeedLocations::LocalFeedLocations(QSettings *settings)
    : m_settings(settings)
{
}

QUrl LocalFeedLocations::canonicalBaseUrl(const QUrl &url)
{
    const QString host = url.host().toLower();
    const bool loopback = host == u"127.0.0.1"_s || host == u"localhost"_s || host == u"::1"_s;
    const bool web = url.scheme() == u"http"_s || url.scheme() == u"https"_s;
    if (!loopback || !web || (url.path() != u"/"_s && !url.path().isEmpty()) || url.hasQuery() || !url.userInfo().isEmpty())
        return {};
    const int port = url.port(url.scheme() == u"https"_s ? 443 : 80);
    return QUrl(u"%1://127.0.0.1:%2/"_s.arg(url.scheme()).arg(port));
}

void LocalFeedLocations::remember(const QUrl &baseUrl, const QString &dataDir)
{
    const QUrl canonical = canonicalBaseUrl(baseUrl);
    if (canonical.isEmpty())
        return;
    m_settings->setValue(settingsKey(canonical), QDir(dataDir).absolutePath());
    m_settings->sync();
}

QString LocalFeedLocations::dataDirFor(const Feed &feed) const
{
    const QUrl canonical = canonicalBaseUrl(feed.indexUrl);
    if (canonical.isEmpty())
        return feed.origin == Feed::Origin::Local ? FeedServerOptions::defaultDataDir() : QString();
    const QString remembered = m_settings->value(settingsKey(canonical)).toString();
    if (!remembered.isEmpty())
        return remembered;
    // The default port is the local feed's own: whatever answers there must prove it is.
    if (feed.origin == Feed::Origin::Local || canonical.port() == FeedServerOptions::DefaultPort)
        return FeedServerOptions::defaultDataDir();
    return {};
}
