// SPDX-License-Identifier: GPL-3.0-or-later
#include "featuremodel.h"

#include "roles.h"

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {

// Features have internal id 0; a value carries its feature's row + 1.
constexpr quintptr FeatureId = 0;

// The features "default" turns on, following feature-to-feature links. "x/f" also turns on
// the feature x when there is one (cargo's implicit feature of an optional dependency).
QSet<QString> defaultSet(const QMap<QString, QStringList> &features)
{
    QSet<QString> on;
    QStringList pending{u"default"_s};
    while (!pending.isEmpty()) {
        const QString name = pending.takeLast();
        if (!features.contains(name) || on.contains(name))
            continue;
        on.insert(name);
        for (const QString &text : features.value(name)) {
            const FeatureValue value = FeatureValue::parse(text);
            if (value.type == FeatureValue::Type::Feature || (value.type == FeatureValue::Type::DepFeature && !value.weak))
                pending.append(value.name);
        }
    }
    return on;
}

} // namespace

FeatureModel::FeatureModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

FeatureModel::~FeatureModel() = default;

QString FeatureModel::describe(const FeatureValue &value)
{
    switch (value.type) {
    case FeatureValue::Type::Feature:
        return tr("feature %1").arg(value.name);
    case FeatureValue::Type::Dep:
        return tr("optional dependency %1").arg(value.name);
    case FeatureValue::Type::DepFeature:
        return value.weak ? tr("feature %1 of %2, if %2 is enabled otherwise").arg(value.depFeature, value.name)
                          : tr("feature %1 of %2").arg(value.depFeature, value.name);
    }
    return {};
}

QModelIndex FeatureModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row < m_features.size() ? createIndex(row, column, FeatureId) : QModelIndex();
    if (parent.internalId() != FeatureId || parent.column() != 0 || row >= m_features.at(parent.row()).values.size())
        return {};
    return createIndex(row, column, quintptr(parent.row()) + 1);
}

QModelIndex FeatureModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == FeatureId)
        return {};
    return createIndex(int(child.internalId() - 1), 0, FeatureId);
}

int FeatureModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_features.size());
    if (parent.internalId() == FeatureId && parent.column() == 0)
        return int(m_features.at(parent.row()).values.size());
    return 0;
}

int FeatureModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant FeatureModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == FeatureId)
        return featureData(m_features.at(index.row()), index.column(), role);
    return valueData(m_features.at(int(index.internalId() - 1)), index.row(), index.column(), role);
}

QVariant FeatureModel::featureData(const Feature &feature, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        if (column == NameColumn)
            return feature.name;
        return feature.enables.join(u", "_s);
    case Qt::ToolTipRole:
        if (feature.implicit)
            return tr("Implicit feature: turns on the optional dependency %1.").arg(feature.name);
        if (feature.isDefault)
            return feature.name == u"default"_s ? tr("Enabled unless a dependent sets default-features = false.")
                                                : tr("Part of the default feature set.");
        return {};
    case Roles::FeatureName:
        return feature.name;
    case Roles::FeatureEnables:
        return feature.enables;
    case Roles::FeatureIsDefault:
        return feature.isDefault;
    case Roles::FeatureIsImplicit:
        return feature.implicit;
    case Roles::FeatureIsValue:
        return false;
    }
    return {};
}

QVariant FeatureModel::valueData(const Feature &feature, int row, int column, int role) const
{
    const FeatureValue &value = feature.values.at(row);
    switch (role) {
    case Qt::DisplayRole:
        return column == NameColumn ? feature.enables.at(row) : describe(value);
    case Roles::FeatureName:
        return feature.enables.at(row);
    case Roles::FeatureIsDefault:
        return feature.isDefault;
    case Roles::FeatureValueType:
        return int(value.type);
    case Roles::FeatureValueIsWeak:
        return value.weak;
    case Roles::FeatureIsValue:
        return true;
    }
    return {};
}

QVariant FeatureModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Feature");
    case EnablesColumn:
        return tr("Enables");
    }
    return {};
}

QHash<int, QByteArray> FeatureModel::roleNames() const
{
    auto names = QAbstractItemModel::roleNames();
    names.insert(Roles::FeatureName, "featureName");
    names.insert(Roles::FeatureEnables, "featureEnables");
    names.insert(Roles::FeatureIsDefault, "featureIsDefault");
    names.insert(Roles::FeatureIsImplicit, "featureIsImplicit");
    names.insert(Roles::FeatureValueType, "featureValueType");
    names.insert(Roles::FeatureValueIsWeak, "featureValueIsWeak");
    names.insert(Roles::FeatureIsValue, "featureIsValue");
    return names;
}

void FeatureModel::setEntry(const IndexEntry &entry)
{
    beginResetModel();
    m_features.clear();
    const QMap<QString, QStringList> all = entry.featuresWithImplicit();
    const QSet<QString> defaults = defaultSet(all);
    for (auto it = all.cbegin(); it != all.cend(); ++it) {
        Feature feature;
        feature.name = it.key();
        feature.enables = it.value();
        for (const QString &text : it.value())
            feature.values.append(FeatureValue::parse(text));
        feature.isDefault = defaults.contains(it.key());
        feature.implicit = !entry.features.contains(it.key());
        m_features.append(std::move(feature));
    }
    // QMap already sorts by name; "default" leads because it is where a reader starts.
    std::stable_partition(m_features.begin(), m_features.end(),
                          [](const Feature &f) { return f.name == u"default"_s; });
    endResetModel();
}

void FeatureModel::clear()
{
    beginResetModel();
    m_features.clear();
    endResetModel();
}
