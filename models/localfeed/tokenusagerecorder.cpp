// SPDX-License-Identifier: GPL-3.0-or-later
#include "tokenusagerecorder.h"

#include "feedstore.h"

#include <QCryptographicHash>

TokenUsageRecorder::TokenUsageRecorder(FeedStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(FlushDelayMs);
    connect(&m_timer, &QTimer::timeout, this, &TokenUsageRecorder::flush);
}

TokenUsageRecorder::~TokenUsageRecorder()
{
    flush();
}

void TokenUsageRecorder::noteUse(const QByteArray &token)
{
    const QByteArray hash = QCryptographicHash::hash(token, QCryptographicHash::Sha256);
    bool first = false;
    {
        QMutexLocker lock(&m_mutex);
        first = m_pending.isEmpty();
        m_pending.insert(hash, QDateTime::currentDateTimeUtc());
    }
    // The timer belongs to this object's thread; only the first unwritten use starts it.
    if (first) {
        QMetaObject::invokeMethod(this, [this] {
            if (!m_timer.isActive())
                m_timer.start();
        });
    }
}

int TokenUsageRecorder::pendingCount() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_pending.size());
}

int TokenUsageRecorder::flush()
{
    m_timer.stop();
    QHash<QByteArray, QDateTime> pending;
    {
        QMutexLocker lock(&m_mutex);
        pending = std::exchange(m_pending, {});
    }
    if (pending.isEmpty())
        return 0;
    // A failed write only loses "last used" times, never access: not worth a retry loop.
    return m_store->recordTokenUse(pending) ? int(pending.size()) : 0;
}
