// SPDX-License-Identifier: GPL-3.0-or-later
#include "localtestfeed.h"

#include "crate/cratepreflight.h"
#include "localfeed/feedstore.h"
#include "publish/publishqueue.h"
#include "registry/registryclient.h"

#include <QSignalSpy>

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

QString publishCrates(RegistryClient *feed, const QList<QByteArray> &crates)
{
    QList<PublishCandidate> candidates;
    for (const QByteArray &crate : crates)
        candidates << CratePreflight::inspect(crate, QStringLiteral("published.crate"), {feed->feed().indexUrl.toString(), {}});
    PublishQueue queue(feed);
    queue.setPollInterval(20);
    queue.setCandidates(candidates);
    QSignalSpy finished(&queue, &PublishQueue::finished);
    queue.start();
    if (!finished.wait(30000))
        return QStringLiteral("the publish did not finish within 30 s");
    for (const PublishItem &item : queue.items()) {
        if (item.stage != CratePublisher::Stage::Visible)
            return item.error.message.isEmpty() ? QStringLiteral("a crate was not published") : item.error.message;
    }
    return {};
}

} // namespace TestSupport
