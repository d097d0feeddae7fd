// SPDX-License-Identifier: GPL-3.0-or-later
#include "dependencymodel.h"

#include "roles.h"

#include "cargotypes/cratesio.h"

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {

// Headings have internal id 0; a dependency carries its group's row + 1.
constexpr quintptr HeadingId = 0;

QString normalisedRegistry(QString url)
{
    if (url.startsWith(u"sparse+"_s))
        url.remove(0, 7);
    while (url.endsWith(u'/'))
        url.chop(1);
    return url;
}

} // namespace

DependencyModel::DependencyModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

DependencyModel::~DependencyModel() = default;

QString DependencyModel::kindTitle(IndexDependency::Kind kind, qsizetype count)
{
    switch (kind) {
    case IndexDependency::Kind::Normal:
        return tr("Dependencies (%1)").arg(count);
    case IndexDependency::Kind::Build:
        return tr("Build dependencies (%1)").arg(count);
    case IndexDependency::Kind::Dev:
        return tr("Dev dependencies (%1)").arg(count);
    }
    return {};
}

QModelIndex DependencyModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row < m_groups.size() ? createIndex(row, column, HeadingId) : QModelIndex();
    if (parent.internalId() != HeadingId || parent.column() != 0 || row >= m_groups.at(parent.row()).deps.size())
        return {};
    return createIndex(row, column, quintptr(parent.row()) + 1);
}

QModelIndex DependencyModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == HeadingId)
        return {};
    return createIndex(int(child.internalId() - 1), 0, HeadingId);
}

int DependencyModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_groups.size());
    if (parent.internalId() == HeadingId && parent.column() == 0)
        return int(m_groups.at(parent.row()).deps.size());
    return 0;
}

int DependencyModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant DependencyModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == HeadingId)
        return groupData(m_groups.at(index.row()), index.column(), role);
    const Group &group = m_groups.at(int(index.internalId() - 1));
    if (role == Roles::DependencyKind)
        return int(group.kind);
    return dependencyData(group.deps.at(index.row()), index.column(), role);
}

QVariant DependencyModel::groupData(const Group &group, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        return column == NameColumn ? kindTitle(group.kind, group.deps.size()) : QVariant();
    case Roles::DependencyIsGroup:
        return true;
    case Roles::DependencyKind:
        return int(group.kind);
    }
    return {};
}

QVariant DependencyModel::dependencyData(const IndexDependency &dep, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return dep.package ? u"%1 → %2"_s.arg(dep.name, *dep.package) : dep.name;
        case RequirementColumn:
            return dep.req;
        case OptionalColumn:
            return dep.optional ? tr("optional") : QString();
        case TargetColumn:
            return dep.target.value_or(QString());
        case FeaturesColumn:
            return dep.features.join(u", "_s);
        case DefaultFeaturesColumn:
            return dep.defaultFeatures ? tr("yes") : tr("no");
        case RegistryColumn:
            return registryLabel(dep);
        }
        return {};
    case Qt::ToolTipRole: {
        QStringList lines;
        lines << (dep.package ? tr("%1, renamed from the crate %2 %3", "dependency name, crate, version requirement").arg(dep.name, *dep.package, dep.req)
                              : u"%1 %2"_s.arg(dep.name, dep.req));
        if (dep.optional)
            lines << tr("Optional: only built when a feature turns it on.");
        if (dep.target)
            lines << tr("Only for target %1").arg(*dep.target);
        if (!dep.defaultFeatures)
            lines << tr("Without its default features.");
        if (!dep.features.isEmpty())
            lines << tr("Features: %1").arg(dep.features.join(u", "_s));
        if (const QString registry = registryLabel(dep); !registry.isEmpty())
            lines << tr("From %1").arg(dep.registry.value_or(registry));
        return lines.join(u'\n');
    }
    case Roles::DependencyIsGroup:
        return false;
    case Roles::DependencyName:
        return dep.name;
    case Roles::DependencyPackage:
        return dep.packageName();
    case Roles::DependencyIsRenamed:
        return dep.package.has_value();
    case Roles::DependencyRequirement:
        return dep.req;
    case Roles::DependencyIsOptional:
        return dep.optional;
    case Roles::DependencyTarget:
        return dep.target.value_or(QString());
    case Roles::DependencyFeatures:
        return dep.features;
    case Roles::DependencyDefaultFeatures:
        return dep.defaultFeatures;
    case Roles::DependencyRegistry:
        return registryLabel(dep).isEmpty() ? QString() : dep.registry.value_or(QString());
    }
    return {};
}

QString DependencyModel::registryLabel(const IndexDependency &dep) const
{
    if (!dep.registry)
        return {};
    const QString registry = normalisedRegistry(*dep.registry);
    if (!m_feedIndexUrl.isEmpty() && registry == m_feedIndexUrl)
        return {};
    if (CratesIo::isIndex(registry))
        return CratesIo::isIndex(m_feedIndexUrl) ? QString() : u"crates.io"_s;
    return *dep.registry;
}

QVariant DependencyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case RequirementColumn:
        return tr("Requirement");
    case OptionalColumn:
        return tr("Optional");
    case TargetColumn:
        return tr("Target");
    case FeaturesColumn:
        return tr("Features");
    case DefaultFeaturesColumn:
        return tr("Default features");
    case RegistryColumn:
        return tr("Registry");
    }
    return {};
}

QHash<int, QByteArray> DependencyModel::roleNames() const
{
    auto names = QAbstractItemModel::roleNames();
    names.insert(Roles::DependencyIsGroup, "dependencyIsGroup");
    names.insert(Roles::DependencyKind, "dependencyKind");
    names.insert(Roles::DependencyName, "dependencyName");
    names.insert(Roles::DependencyPackage, "dependencyPackage");
    names.insert(Roles::DependencyIsRenamed, "dependencyIsRenamed");
    names.insert(Roles::DependencyRequirement, "dependencyRequirement");
    names.insert(Roles::DependencyIsOptional, "dependencyIsOptional");
    names.insert(Roles::DependencyTarget, "dependencyTarget");
    names.insert(Roles::DependencyFeatures, "dependencyFeatures");
    names.insert(Roles::DependencyDefaultFeatures, "dependencyDefaultFeatures");
    names.insert(Roles::DependencyRegistry, "dependencyRegistry");
    return names;
}

void DependencyModel::setEntry(const IndexEntry &entry, const QString &feedIndexUrl)
{
    beginResetModel();
    m_groups.clear();
    m_feedIndexUrl = normalisedRegistry(feedIndexUrl);
    for (const auto kind : {IndexDependency::Kind::Normal, IndexDependency::Kind::Build, IndexDependency::Kind::Dev}) {
        Group group{kind, {}};
        for (const IndexDependency &dep : entry.deps) {
            if (dep.kind == kind)
                group.deps.append(dep);
        }
        if (group.deps.isEmpty())
            continue;
        // By name, then target: the same crate often appears once per platform.
        std::stable_sort(group.deps.begin(), group.deps.end(), [](const IndexDependency &a, const IndexDependency &b) {
            const int order = a.name.compare(b.name, Qt::CaseInsensitive);
            return order != 0 ? order < 0 : a.target.value_or(QString()) < b.target.value_or(QString());
        });
        m_groups.append(std::move(group));
    }
    endResetModel();
}

void DependencyModel::clear()
{
    beginResetModel();
    m_groups.clear();
    endResetModel();
}
