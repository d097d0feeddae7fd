// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cargotypes/feed.h"

#include <QDialog>

class CrateAcrossFeedsModel;
class CrateWhereabouts;
class FeedSessions;
class MessageBanner;
class QLabel;
class QTableView;

// One crate in every feed the user has: which versions each holds, and a red banner when two
// feeds serve a version with different checksums. The whereabouts session asks the feeds;
// this only shows what it gathered, feed by feed as the answers come.
class CrateAcrossFeedsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CrateAcrossFeedsDialog)

public:
    CrateAcrossFeedsDialog(FeedSessions *sessions, const FeedList &feeds, const QString &crate, QWidget *parent = nullptr);
    ~CrateAcrossFeedsDialog() override;

    CrateAcrossFeedsModel *model() const { return m_model; }
    QString stateText() const;
    QString alarmText() const;

Q_SIGNALS:
    void settled();

private:
    void showAnswers();
    void showSummary();

    CrateWhereabouts *m_whereabouts;
    CrateAcrossFeedsModel *m_model;
    MessageBanner *m_alarm;
    QLabel *m_state;
    QTableView *m_view;
};
