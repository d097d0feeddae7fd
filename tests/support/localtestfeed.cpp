// SPDX-License-Identifier: GPL-3.0-or-later
#include "localtestfeed.h"

#include "localfeed/feedstore.h"

namespace TestSupport {

StartedFeed startLocalFeed(FeedServerOptions options, const QString &login)
{
    StartedFeed started;
    options.port = 0;
    started.feed = std::make_unique<LocalFeed>(options);
    if (const FeedError error = started.feed->start()) {
        started.error = QStringLiteral("the local feed did not start: %1").arg(error.detail);
        started.feed.reset();
        return started;
    }
    QString token;
    if (const FeedError error = started.feed->store()->createToken(login, &token)) {
        started.error = QStringLiteral("no token for %1: %2").arg(login, error.detail);
        started.feed.reset();
        return started;
    }
    started.token = token.toLatin1();
    return started;
}

} // namespace TestSupport
