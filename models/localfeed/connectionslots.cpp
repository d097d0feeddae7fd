// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionslots.h"

#include "connectionguard.h"

#include <QLoggingCategory>
#include <QMutexLocker>
#include <QThread>

Q_DECLARE_LOGGING_CATEGORY(lcFeedGuard)

ConnectionSlots::Slot::Slot(ConnectionGuard *guard, bool evictable)
    : m_state(evictable ? Idle : Busy)
    , m_guard(guard)
{
}

ConnectionSlots::Slot::~Slot() = default;

bool ConnectionSlots::Slot::claim()
{
    int expected = Idle;
    return m_state.compare_exchange_strong(expected, Busy) || expected == Busy;
}

void ConnectionSlots::Slot::release()
{
    int expected = Busy;
    m_state.compare_exchange_strong(expected, Idle); // an evicted slot stays evicted
}

ConnectionSlots::ConnectionSlots(int maxConnections)
    : m_max(maxConnections)
{
}

ConnectionSlots::~ConnectionSlots() = default;

ConnectionSlots::SlotPtr ConnectionSlots::take(ConnectionGuard *guard, bool evictable, quint64 order)
{
    SlotPtr evicted;
    auto slot = std::make_shared<Slot>(guard, evictable);
    slot->m_order = order ? order : nextOrder();
    {
        QMutexLocker lock(&m_mutex);
        if (m_slots.size() >= m_max) {
            for (const SlotPtr &candidate : std::as_const(m_slots)) {
                int expected = Slot::Idle;
                if (candidate->m_state.compare_exchange_strong(expected, Slot::Evicted)) {
                    evicted = candidate;
                    break;
                }
            }
            if (!evicted)
                return nullptr;
            m_slots.removeOne(evicted);
            qCDebug(lcFeedGuard) << "connection cap reached: closing the oldest idle connection";
            // Posted while the lock keeps the other guard from going away (forgetGuard());
            // once it is gone, Qt drops what was posted to it.
            if (evicted->m_guard->thread() != QThread::currentThread()) {
                ConnectionGuard *owner = evicted->m_guard;
                QMetaObject::invokeMethod(owner, [owner, evicted] { owner->evicted(evicted); }, Qt::QueuedConnection);
                evicted.reset();
            }
        }
        // Usually the newest; one accepted earlier may be admitted later on another thread.
        qsizetype at = m_slots.size();
        while (at > 0 && m_slots.at(at - 1)->m_order > slot->m_order)
            --at;
        m_slots.insert(at, slot);
    }
    if (evicted)
        evicted->m_guard->evicted(evicted); // on this thread: at once, as before there were threads
    return slot;
}

void ConnectionSlots::give(const SlotPtr &slot)
{
    QMutexLocker lock(&m_mutex);
    m_slots.removeOne(slot);
}

void ConnectionSlots::forgetGuard(ConnectionGuard *guard)
{
    QMutexLocker lock(&m_mutex);
    m_slots.removeIf([guard](const SlotPtr &slot) { return slot->m_guard == guard; });
}

int ConnectionSlots::count() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_slots.size());
}
