// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "resolve/indexsource.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

// An IndexSource over index files held in memory, answering after a per-crate delay so that
// tests see answers arrive out of order, as they do from a real feed. Files go through
// IndexFileParser, so tests exercise the same path as the network implementation.
class MemoryIndexSource final : public IndexSource
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MemoryIndexSource)

public:
    explicit MemoryIndexSource(QObject *parent = nullptr);
    ~MemoryIndexSource() override;

    // Appends one line to the crate's index file (named by the lower-cased crate name).
    void addLine(const QString &crateName, const QByteArray &line);
    void setFailure(const QString &crateName, const QString &message);

    // Delays: a fixed one per crate, else one derived from the name and the seed (0..30 ms),
    // so that changing the seed reorders the answers. Synchronous answers come from inside
    // requestIndex() itself.
    void setDelay(const QString &crateName, int milliseconds);
    void setSeed(size_t seed) { m_seed = seed; }
    void setSynchronous(bool synchronous) { m_synchronous = synchronous; }

    void requestIndex(const QString &crateName) override;

    QStringList requests() const { return m_requests; } // in request order
    int inFlight() const { return m_inFlight; }
    int maxInFlight() const { return m_maxInFlight; }

private:
    void answer(const QString &crateName);

    QHash<QString, QByteArray> m_files;
    QHash<QString, QString> m_failures;
    QHash<QString, int> m_delays;
    QStringList m_requests;
    size_t m_seed = 0;
    bool m_synchronous = false;
    int m_inFlight = 0;
    int m_maxInFlight = 0;
};
