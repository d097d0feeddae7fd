// SPDX-License-Identifier: GPL-3.0-or-later
#include "versiondiffmetadatamodel.h"

#include "roles.h"
#include "versiondifffilemodel.h"

using namespace Qt::Literals::StringLiterals;

namespace {

using Change = CrateVersionDiff::Change;

Change changeOf(bool before, bool after)
{
    return !before ? Change::Added : !after ? Change::Removed : Change::Changed;
}

QString dependencyTitle(const IndexDependency &dependency)
{
    if (dependency.target) {
        switch (dependency.kind) {
        case IndexDependency::Kind::Dev:
            return VersionDiffMetadataModel::tr("dev-dependency %1 (for %2)").arg(dependency.name, *dependency.target);
        case IndexDependency::Kind::Build:
            return VersionDiffMetadataModel::tr("build-dependency %1 (for %2)").arg(dependency.name, *dependency.target);
        case IndexDependency::Kind::Normal:
            break;
        }
        return VersionDiffMetadataModel::tr("dependency %1 (for %2)").arg(dependency.name, *dependency.target);
    }
    switch (dependency.kind) {
    case IndexDependency::Kind::Dev:
        return VersionDiffMetadataModel::tr("dev-dependency %1").arg(dependency.name);
    case IndexDependency::Kind::Build:
        return VersionDiffMetadataModel::tr("build-dependency %1").arg(dependency.name);
    case IndexDependency::Kind::Normal:
        break;
    }
    return VersionDiffMetadataModel::tr("dependency %1").arg(dependency.name);
}

} // namespace

VersionDiffMetadataModel::VersionDiffMetadataModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int VersionDiffMetadataModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int VersionDiffMetadataModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant VersionDiffMetadataModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    if (role == Roles::DiffChange)
        return int(row.change);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case WhatColumn:
        return row.what;
    case ChangeColumn:
        return VersionDiffFileModel::changeText(row.change);
    case BeforeColumn:
        return row.before;
    case AfterColumn:
        return row.after;
    default:
        return {};
    }
}

QVariant VersionDiffMetadataModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case WhatColumn:
        return tr("What");
    case ChangeColumn:
        return tr("Change");
    case BeforeColumn:
        return tr("Before");
    case AfterColumn:
        return tr("After");
    default:
        return {};
    }
}

void VersionDiffMetadataModel::setDiff(const CrateVersionDiff &diff)
{
    beginResetModel();
    m_rows.clear();
    for (const CrateVersionDiff::Field &field : diff.fields)
        m_rows.append({field.name, changeOf(field.before.has_value(), field.after.has_value()), field.before.value_or(QString()),
                       field.after.value_or(QString())});
    for (const CrateVersionDiff::Dependency &dependency : diff.dependencies) {
        m_rows.append({dependencyTitle(dependency.either()), dependency.change,
                       dependency.before ? CrateVersionDiff::describe(*dependency.before) : QString(),
                       dependency.after ? CrateVersionDiff::describe(*dependency.after) : QString()});
    }
    for (const CrateVersionDiff::Feature &feature : diff.features) {
        m_rows.append({tr("feature %1").arg(feature.name), feature.change, feature.before.join(u", "_s),
                       feature.after.join(u", "_s)});
    }
    endResetModel();
}
