// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "crate/cratepreflight.h"
#include "crate/publishcandidate.h"

#include <QHash>
#include <QObject>
#include <QPointer>

class RegistryClient;
class RegistryReply;

// Everything checked before a crate is published to one feed: the file itself (on a worker
// thread, since a large crate takes a moment to read) and then the feed, which must not have
// the version yet. Each inspect() ends in exactly one checked() unless cancelled.
class PublishPreflight final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PublishPreflight)

public:
    explicit PublishPreflight(RegistryClient *client, QObject *parent = nullptr);
    ~PublishPreflight() override;

    CratePreflight::Target target() const { return m_target; }
    void setMaxCrateSize(qint64 bytes) { m_target.maxCrateSize = bytes; }

    // Returns a ticket that checked() carries.
    int inspect(const QString &path);
    // The feed half alone, for a candidate whose file was already read.
    int checkAgainstFeed(const PublishCandidate &candidate);
    void cancel();
    // The feed went away: every file still being checked is checked() with `reason` as an error.
    void abandon(const QString &reason);
    int pendingCount() const { return int(m_pending.size()); }

Q_SIGNALS:
    void checked(int ticket, const PublishCandidate &candidate);

private:
    void askFeed(int ticket, PublishCandidate candidate);
    void deliver(int ticket, const PublishCandidate &candidate);
    void deliverLost(int ticket, PublishCandidate candidate);

    QPointer<RegistryClient> m_client;
    QString m_lost; // why the feed can no longer be asked
    CratePreflight::Target m_target;
    int m_nextTicket = 1;
    QHash<int, QPointer<RegistryReply>> m_pending; // null while the file is being read
};
