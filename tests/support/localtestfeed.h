// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "localfeed/feedserveroptions.h"
#include "localfeed/localfeed.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace TestSupport {

struct StartedFeed
{
    std::unique_ptr<LocalFeed> feed;
    QByteArray token; // a token for the login the feed was started with
    QString error;    // empty when the feed runs
};

// The real local feed, in-process on a free port (whatever options.port says), with a token:
// what most tests that talk HTTP to a feed start from.
StartedFeed startLocalFeed(FeedServerOptions options, const QString &login = QStringLiteral("alice"));

} // namespace TestSupport
