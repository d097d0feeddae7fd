// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "localfeed/feedserveroptions.h"
#include "localfeed/localfeed.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>

class RegistryClient;

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

// Publishes .crate files through `feed` as the window does (the metadata cargo would send,
// dependencies first) and waits until the index lists each; empty, or what went wrong.
QString publishCrates(RegistryClient *feed, const QList<QByteArray> &crates);

} // namespace TestSupport
