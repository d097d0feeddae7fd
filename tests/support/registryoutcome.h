// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "registry/registryclient.h"

#include <QJsonObject>
#include <QTest>

#include <memory>

// What a RegistryReply delivered, copied in its finished() slot: the reply itself is gone
// afterwards.
struct RegistryOutcome
{
    bool done = false;
    RegistryError error;
    QList<IndexEntry> entries;
    QJsonObject json;
    bool fromCache = false;
    bool stale = false;
    QList<CrateSummary> crates;
    QString license;
    bool parsedEarlier = false;
    QByteArray body;
    QByteArray etag;
    bool notModified = false;
    QList<ReverseDependency> dependents;
    VersionFacts facts;
};

// Waits for `reply` on its signal (the servers of the test keep answering meanwhile); a reply
// that does not finish in time comes back as a Timeout error.
inline RegistryOutcome runReply(RegistryReply *reply, int timeoutMs = 30000)
{
    auto outcome = std::make_shared<RegistryOutcome>();
    QObject::connect(reply, &RegistryReply::finished, reply, [reply, outcome] {
        *outcome = {true, reply->error(), reply->entries, reply->json.object(), reply->fromCache, reply->stale,
                    reply->crates, reply->license, reply->parsedEarlier, reply->body, reply->etag, reply->notModified,
                    reply->dependents, reply->facts};
    });
    if (!QTest::qWaitFor([outcome] { return outcome->done; }, timeoutMs))
        outcome->error = RegistryError::make(RegistryError::Kind::Timeout,
                                             QStringLiteral("the reply did not finish within %1 ms").arg(timeoutMs));
    return *outcome;
}
