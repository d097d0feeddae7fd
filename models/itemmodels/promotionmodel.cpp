// SPDX-License-Identifier: GPL-3.0-or-later
#include "promotionmodel.h"

#include "promote/promotionsession.h"
#include "roles.h"

using namespace Qt::Literals::StringLiterals;
using State = PromotionItem::State;

namespace {

QString stateText(State state)
{
    switch (state) {
    case State::Checking: return PromotionModel::tr("checking");
    case State::Ready: return PromotionModel::tr("to promote");
    case State::InTarget: return PromotionModel::tr("already there");
    case State::NotInSource: return PromotionModel::tr("not in the source");
    case State::Downloading: return PromotionModel::tr("downloading");
    case State::Publishing: return PromotionModel::tr("publishing");
    case State::Promoted: return PromotionModel::tr("promoted");
    case State::Failed: return PromotionModel::tr("failed");
    case State::Skipped: return PromotionModel::tr("skipped");
    case State::Cancelled: return PromotionModel::tr("cancelled");
    }
    return {};
}

} // namespace

PromotionModel::PromotionModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void PromotionModel::setSession(PromotionSession *session)
{
    beginResetModel();
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    m_rows = session ? int(session->items().size()) : 0;
    endResetModel();
    if (!session)
        return;
    connect(session, &PromotionSession::planned, this, [this] {
        beginResetModel();
        m_rows = int(m_session->items().size());
        endResetModel();
    });
    connect(session, &PromotionSession::itemChanged, this, [this](int row) {
        if (row >= 0 && row < m_rows)
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    });
}

int PromotionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int PromotionModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PromotionModel::data(const QModelIndex &index, int role) const
{
    // A new plan replaces the session's items before planned() resets the rows.
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || !m_session
        || index.row() >= m_session->items().size())
        return {};
    const PromotionItem &item = m_session->items().at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case CrateColumn: return item.name;
        case VersionColumn: return item.yanked ? tr("%1 (yanked)").arg(item.vers) : item.vers;
        case StateColumn: return stateText(item.state);
        case ReasonColumn: return item.message;
        }
        return {};
    case Qt::ToolTipRole:
        if (!item.needs.isEmpty())
            return tr("Needs %1").arg(item.needs.join(u", "_s));
        return item.message.isEmpty() ? QVariant() : QVariant(item.message);
    case Roles::PromotionState:
        return int(item.state);
    case Roles::PromotionIsDone:
        return item.isDone();
    }
    return {};
}

QVariant PromotionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case CrateColumn: return tr("Crate");
    case VersionColumn: return tr("Version");
    case StateColumn: return tr("State");
    case ReasonColumn: return tr("Why");
    }
    return {};
}
