// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cargotypes/progetpromotion.h"

#include <QAbstractTableModel>

// ProGet's promotion history of a crate as the window shows it: one row per promotion,
// newest first. The comment is the promoter's own text, shown as plain text.
class PromotionHistoryModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PromotionHistoryModel)

public:
    enum Column { VersionColumn, FromColumn, ToColumn, DateColumn, UserColumn, CommentsColumn, ColumnCount };

    explicit PromotionHistoryModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setRecords(const QList<ProGetPromotion> &records);

private:
    QList<ProGetPromotion> m_records;
};
