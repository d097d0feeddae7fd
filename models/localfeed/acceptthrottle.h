// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QTimer>

class QTcpServer;

// Keeps a QTcpServer from running out of file descriptors, and from staying deaf after it
// did. Out of descriptors, Qt 6.8 calls accept() again and again (EMFILE counts as a
// temporary error: one core at 100% for as long as it lasts), and other Qt versions pause
// accepting for good after acceptError(). Instead, once a new connection leaves fewer than
// ReserveDescriptors free, or accept() fails, this pauses accepting: new clients wait in
// the listen backlog, and the descriptors left stay for the store (SQLite, crate files).
// Every RetryMs it checks whether descriptors came free and resumes.
class AcceptThrottle final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AcceptThrottle)

public:
    // Watches `server` and lives as its child.
    explicit AcceptThrottle(QTcpServer *server);
    ~AcceptThrottle() override;

    static constexpr int ReserveDescriptors = 16;
    static constexpr int RetryMs = 100;

private:
    // True when fewer than ReserveDescriptors descriptors are free.
    static bool descriptorsLow();
    void pause(const QString &reason);
    void retry();

    QTcpServer *m_server;
    QTimer m_retry;
    bool m_paused = false;
    int m_maxPending; // the server's own, restored when accepting resumes
};
