// SPDX-License-Identifier: GPL-3.0-or-later
#include "promotionhistorymodel.h"

#include <QLocale>

PromotionHistoryModel::PromotionHistoryModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int PromotionHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

int PromotionHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PromotionHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ProGetPromotion &record = m_records.at(index.row());
    if (role == Qt::ToolTipRole && index.column() == CommentsColumn && !record.comments.isEmpty())
        return record.comments;
    if (role == Qt::ToolTipRole && index.column() == DateColumn && record.date.isValid())
        return record.date.toString(Qt::ISODate);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case VersionColumn: return record.version;
    case FromColumn: return record.fromFeed;
    case ToColumn: return record.toFeed;
    case DateColumn: return record.date.isValid() ? QLocale().toString(record.date.toLocalTime(), QLocale::ShortFormat) : tr("unknown");
    case UserColumn: return record.user;
    case CommentsColumn: return record.comments.simplified();
    }
    return {};
}

QVariant PromotionHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case VersionColumn: return tr("Version");
    case FromColumn: return tr("From Feed");
    case ToColumn: return tr("To Feed");
    case DateColumn: return tr("When");
    case UserColumn: return tr("By");
    case CommentsColumn: return tr("Comment");
    }
    return {};
}

void PromotionHistoryModel::setRecords(const QList<ProGetPromotion> &records)
{
    beginResetModel();
    m_records = records;
    endResetModel();
}
