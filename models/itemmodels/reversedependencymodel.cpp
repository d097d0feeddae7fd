// SPDX-License-Identifier: GPL-3.0-or-later
#include "reversedependencymodel.h"

#include "roles.h"

using namespace Qt::Literals::StringLiterals;

ReverseDependencyModel::ReverseDependencyModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int ReverseDependencyModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int ReverseDependencyModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReverseDependencyModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ReverseDependency &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case CrateColumn: return entry.crate;
        case VersionColumn: return entry.version;
        case RequirementColumn: return entry.optional ? tr("%1 (optional)").arg(entry.req) : entry.req;
        case KindColumn:
            return entry.kind == u"dev"_s ? tr("development") : entry.kind == u"build"_s ? tr("build") : tr("normal");
        }
        return {};
    case Roles::ReverseDependencyCrate:
        return entry.crate;
    }
    return {};
}

QVariant ReverseDependencyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case CrateColumn: return tr("Crate");
    case VersionColumn: return tr("Version");
    case RequirementColumn: return tr("Requires");
    case KindColumn: return tr("Kind");
    }
    return {};
}

void ReverseDependencyModel::setEntries(const QList<ReverseDependency> &entries)
{
    beginResetModel();
    m_entries = entries;
    endResetModel();
}
