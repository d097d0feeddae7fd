// SPDX-License-Identifier: GPL-3.0-or-later
#include "publishpreflight.h"

#include "cargotypes/cratesio.h"
#include "registry/registryclient.h"

#include <QFutureWatcher>
#include <QtConcurrentRun>

using namespace Qt::Literals::StringLiterals;

PublishPreflight::PublishPreflight(RegistryClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    m_target.indexUrl = client->feed().indexUrl.toString();
    m_target.registryName = client->feed().name;
    if (CratesIo::isIndex(m_target.indexUrl))
        m_target.maxCrateSize = 10 << 20;
}

PublishPreflight::~PublishPreflight()
{
    cancel();
}

int PublishPreflight::inspect(const QString &path)
{
    const int ticket = m_nextTicket++;
    m_pending.insert(ticket, nullptr);
    auto *watcher = new QFutureWatcher<PublishCandidate>(this);
    connect(watcher, &QFutureWatcher<PublishCandidate>::finished, this, [this, watcher, ticket] {
        watcher->deleteLater();
        if (!m_pending.contains(ticket))
            return; // cancelled meanwhile
        askFeed(ticket, watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(qOverload<const QString &, const CratePreflight::Target &>(&CratePreflight::inspect),
                                         path, m_target));
    return ticket;
}

int PublishPreflight::checkAgainstFeed(const PublishCandidate &candidate)
{
    const int ticket = m_nextTicket++;
    m_pending.insert(ticket, nullptr);
    // Queued, so that the caller can connect to checked() with the ticket in hand.
    QMetaObject::invokeMethod(this, [this, ticket, candidate] {
        if (m_pending.contains(ticket))
            askFeed(ticket, candidate);
    }, Qt::QueuedConnection);
    return ticket;
}

void PublishPreflight::cancel()
{
    const auto pending = m_pending;
    m_pending.clear();
    for (const QPointer<RegistryReply> &reply : pending) {
        if (reply)
            reply->cancel();
    }
}

void PublishPreflight::abandon(const QString &reason)
{
    m_lost = reason;
    // The replies finish as cancelled (the client retires them); their handlers see m_lost.
}

void PublishPreflight::askFeed(int ticket, PublishCandidate candidate)
{
    if (!candidate.archive || !candidate.metadata || candidate.hasErrors())
        return deliver(ticket, candidate); // nothing the feed could add
    if (!m_lost.isEmpty() || !m_client || m_client->isRetired())
        return deliverLost(ticket, std::move(candidate));

    RegistryReply *reply = m_client->fetchIndex(candidate.name());
    m_pending.insert(ticket, reply);
    connect(reply, &RegistryReply::finished, this, [this, reply, ticket, candidate]() mutable {
        if (!m_pending.contains(ticket))
            return;
        if (!m_lost.isEmpty())
            return deliverLost(ticket, std::move(candidate));
        const QString feed = m_target.registryName;
        const RegistryError &error = reply->error();
        if (!error || error.kind == RegistryError::Kind::NotFound) {
            candidate.feedChecked = true;
            const SemVer version = *SemVer::parse(candidate.version());
            for (const IndexEntry &entry : std::as_const(reply->entries)) {
                // Registries tell versions apart without their build metadata (protocol 6.3).
                if (entry.version.withoutBuild() != version.withoutBuild())
                    continue;
                QString message;
                if (entry.vers == candidate.version()) {
                    message = entry.yanked
                        ? tr("%1 is already in %2, yanked; versions cannot be replaced, publish a new version instead").arg(candidate.label(), feed)
                        : tr("%1 is already in %2; versions cannot be replaced, publish a new version instead").arg(candidate.label(), feed);
                } else {
                    message = entry.yanked
                        ? tr("%1 is already in %2 as %3, yanked; versions cannot be replaced, publish a new version instead").arg(candidate.label(), feed, entry.vers)
                        : tr("%1 is already in %2 as %3; versions cannot be replaced, publish a new version instead").arg(candidate.label(), feed, entry.vers);
                }
                candidate.findings.append({PreflightFinding::Severity::Error, PreflightFinding::Check::AlreadyPublished, message});
                break;
            }
            if (reply->stale) {
                candidate.findings.append({PreflightFinding::Severity::Warning, PreflightFinding::Check::FeedUnreachable,
                    tr("%1 cannot be reached; only its cached index was checked for %2").arg(feed, candidate.label())});
            }
        } else if (error.kind != RegistryError::Kind::Cancelled) {
            candidate.findings.append({PreflightFinding::Severity::Warning, PreflightFinding::Check::FeedUnreachable,
                tr("could not check whether %1 is already in %2: %3").arg(candidate.label(), feed, error.message)});
        }
        deliver(ticket, candidate);
    });
}

void PublishPreflight::deliverLost(int ticket, PublishCandidate candidate)
{
    const QString reason = m_lost.isEmpty() ? tr("the feed %1 is no longer configured").arg(m_target.registryName) : m_lost;
    candidate.findings.append({PreflightFinding::Severity::Error, PreflightFinding::Check::FeedUnreachable,
        tr("%1 cannot be published: %2", "crate: why").arg(candidate.label(), reason)});
    deliver(ticket, candidate);
}

void PublishPreflight::deliver(int ticket, const PublishCandidate &candidate)
{
    m_pending.remove(ticket);
    Q_EMIT checked(ticket, candidate);
}
