// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cargotypes/crateacrossfeeds.h"

#include <QList>
#include <QObject>
#include <QPointer>

class RegistryClient;
class RegistryReply;

// Asks every feed it is given for one crate's index file, all at once, and gathers the answers
// into a CrateAcrossFeeds as they arrive (feedAnswered), so that "where else is this crate,
// and is it the same there?" is answered in the time of the slowest feed. A feed that fails
// is reported in its place, never drops the others. Cancellable; the window's dialog and
// `cratedesk where` drive it.
class CrateWhereabouts final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CrateWhereabouts)

public:
    explicit CrateWhereabouts(QObject *parent = nullptr);
    ~CrateWhereabouts() override;

    // `feeds` are asked in this order, and keep it in the result.
    void start(const QString &crate, const QList<RegistryClient *> &feeds);
    void cancel();
    bool isFinished() const { return m_pending == 0; }
    const CrateAcrossFeeds &result() const { return m_result; }

Q_SIGNALS:
    void feedAnswered(qsizetype index);
    void finished();

private:
    void answered(qsizetype index, RegistryReply *reply);

    CrateAcrossFeeds m_result;
    QList<QPointer<RegistryReply>> m_replies;
    int m_pending = 0;
};
