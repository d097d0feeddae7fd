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
    m_pending.insert(QCryptographicHash::hash(token, QCryptographicHash::Sha256), QDateTime::currentDateTimeUtc());
    if (!m_timer.isActive())
        m_timer.start();
}

int TokenUsageRecorder::flush()
{
    m_timer.stop();
    if (m_pending.isEmpty())
        return 0;
    const auto pending = std::exchange(m_pending, {});
    // A failed write only loses "last used" times, never access: not worth a retry loop.
    return m_store->recordTokenUse(pending) ? int(pending.size()) : 0;
}
