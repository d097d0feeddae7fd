// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QMutex>
#include <QObject>
#include <QTimer>

class FeedStore;

// Notes when each token was last used without a database write per request: uses are kept
// in memory (by the token's hash) and written in one transaction a short while after the
// first unwritten one, and when the recorder goes away. A feed under load thus writes at
// most once per FlushDelayMs, whatever its request rate. noteUse() may be called from any
// thread (the feed's serving threads); the writing happens on the recorder's own thread,
// through the writer's store.
class TokenUsageRecorder final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TokenUsageRecorder)

public:
    static constexpr int FlushDelayMs = 2000;

    explicit TokenUsageRecorder(FeedStore *store, QObject *parent = nullptr);
    ~TokenUsageRecorder() override;

    void noteUse(const QByteArray &token);
    // Writes what is pending now; returns the number of tokens written.
    int flush();
    int pendingCount() const;

private:
    FeedStore *m_store;
    mutable QMutex m_mutex;
    QHash<QByteArray, QDateTime> m_pending; // sha256 of the token -> last use; under m_mutex
    QTimer m_timer;
};
