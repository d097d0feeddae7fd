// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class MessageBanner;
class PromotionHistory;
class PromotionHistoryModel;
class QLabel;
class QTableView;
class RegistryClient;

// ProGet's record of how the versions of one crate came into a feed: from which feed, when,
// by whom and with what comment. The history session asks the server; this only shows it.
class PromotionHistoryDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PromotionHistoryDialog)

public:
    PromotionHistoryDialog(RegistryClient *feed, const QString &crate, QWidget *parent = nullptr);
    ~PromotionHistoryDialog() override;

    PromotionHistoryModel *model() const { return m_model; }
    QString stateText() const;

Q_SIGNALS:
    void settled(); // loaded or failed

private:
    void showRecords();
    void showFailure(const QString &error);

    PromotionHistory *m_history;
    PromotionHistoryModel *m_model;
    QTableView *m_view;
    QLabel *m_state;
    MessageBanner *m_message;
    QString m_feedName;
};
