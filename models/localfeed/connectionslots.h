// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMutex>

#include <atomic>
#include <memory>

class ConnectionGuard;

// The cap on the local feed's open connections (ConnectionLimits::maxConnections), held for
// the feed as a whole while its connections live on several serving threads, each under a
// ConnectionGuard of its own. Every member may be called from any thread.
//
// Each open connection holds a slot. A slot is idle between requests; a connection claims it
// before it reads a request and releases it once the answer is out. When every slot is taken,
// the oldest idle one is evicted for a newcomer, whichever thread its connection is on: the
// eviction wins the slot with one atomic step against a claim, so a connection is either
// closed before it reads another request or kept because it claimed first, never in between.
class ConnectionSlots final
{
    Q_DISABLE_COPY_MOVE(ConnectionSlots)

public:
    class Slot
    {
        Q_DISABLE_COPY_MOVE(Slot)

    public:
        explicit Slot(ConnectionGuard *guard, bool evictable);
        ~Slot();
        // On the connection's thread, before it reads a request: false when it was evicted
        // (and must close).
        bool claim();
        // On the connection's thread, once the answer is out: it may be evicted again.
        void release();
        ConnectionGuard *guard() const { return m_guard; }

    private:
        friend class ConnectionSlots;
        enum State : int { Idle, Busy, Evicted };
        std::atomic<int> m_state;
        ConnectionGuard *const m_guard;
        quint64 m_order = 0;
    };
    using SlotPtr = std::shared_ptr<Slot>;

    explicit ConnectionSlots(int maxConnections);
    ~ConnectionSlots();

    // The place of a connection just accepted among all the feed's connections: the oldest
    // is the one accepted first, whichever thread comes to admit it first.
    quint64 nextOrder() { return ++m_lastOrder; }
    // A slot for a new connection of `guard` accepted as `order` (0: now), or null when every
    // slot is busy. An HTTP/2 connection is never idle as this class sees it (`evictable`
    // false). The connection of an evicted slot is closed by its guard on its own thread
    // (ConnectionGuard::evicted()).
    SlotPtr take(ConnectionGuard *guard, bool evictable = true, quint64 order = 0);
    // The connection closed (or was evicted): its slot is free.
    void give(const SlotPtr &slot);
    // The guard goes away: no eviction is sent to it from now on.
    void forgetGuard(ConnectionGuard *guard);
    int count() const;

private:
    const int m_max;
    std::atomic<quint64> m_lastOrder = 0;
    mutable QMutex m_mutex;
    QList<SlotPtr> m_slots; // oldest (lowest order) first
};
