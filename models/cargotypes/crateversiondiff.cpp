// SPDX-License-Identifier: GPL-3.0-or-later
#include "crateversiondiff.h"

#include "cratesio.h"

#include <QMap>

#include <tuple>

using namespace Qt::Literals::StringLiterals;

namespace {

using Key = std::tuple<int, QString, QString>; // kind, name, target

Key keyOf(const IndexDependency &dependency)
{
    return {int(dependency.kind), dependency.name, dependency.target.value_or(QString())};
}

QMap<Key, IndexDependency> byKey(const QList<IndexDependency> &dependencies)
{
    QMap<Key, IndexDependency> map;
    for (const IndexDependency &dependency : dependencies)
        map.insert(keyOf(dependency), dependency);
    return map;
}

} // namespace

void CrateVersionDiff::compareEntries(const IndexEntry &older, const IndexEntry &newer)
{
    const QMap<Key, IndexDependency> before = byKey(older.deps);
    const QMap<Key, IndexDependency> after = byKey(newer.deps);
    QMap<Key, Dependency> changes;
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        const auto now = after.constFind(it.key());
        if (now == after.cend())
            changes.insert(it.key(), {Change::Removed, it.value(), std::nullopt});
        else if (!(now.value() == it.value()))
            changes.insert(it.key(), {Change::Changed, it.value(), now.value()});
    }
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        if (!before.contains(it.key()))
            changes.insert(it.key(), {Change::Added, std::nullopt, it.value()});
    }
    dependencies = changes.values();

    for (auto it = older.features.cbegin(); it != older.features.cend(); ++it) {
        const auto now = newer.features.constFind(it.key());
        if (now == newer.features.cend())
            features.append({it.key(), Change::Removed, it.value(), {}});
        else if (now.value() != it.value())
            features.append({it.key(), Change::Changed, it.value(), now.value()});
    }
    for (auto it = newer.features.cbegin(); it != newer.features.cend(); ++it) {
        if (!older.features.contains(it.key()))
            features.append({it.key(), Change::Added, {}, it.value()});
    }
    std::ranges::sort(features, {}, &Feature::name);
    compareField(u"rust-version"_s, older.rustVersion, newer.rustVersion);
    compareField(u"links"_s, older.links, newer.links);
}

void CrateVersionDiff::compareField(const QString &name, const std::optional<QString> &before, const std::optional<QString> &after)
{
    if (before != after)
        fields.append({name, before, after});
}

QString CrateVersionDiff::changeName(Change change)
{
    switch (change) {
    case Change::Added:
        return u"added"_s;
    case Change::Removed:
        return u"removed"_s;
    case Change::Changed:
        break;
    }
    return u"changed"_s;
}

QString CrateVersionDiff::kindName(IndexDependency::Kind kind)
{
    switch (kind) {
    case IndexDependency::Kind::Dev:
        return u"dev"_s;
    case IndexDependency::Kind::Build:
        return u"build"_s;
    case IndexDependency::Kind::Normal:
        break;
    }
    return u"normal"_s;
}

QString CrateVersionDiff::describe(const IndexDependency &dependency)
{
    QStringList parts{dependency.req};
    if (dependency.package)
        parts << tr("package %1", "a renamed dependency: the crate it names").arg(*dependency.package);
    if (dependency.optional)
        parts << tr("optional", "a dependency");
    if (!dependency.features.isEmpty())
        parts << tr("features %1", "a dependency: the features it turns on").arg(dependency.features.join(u' '));
    if (!dependency.defaultFeatures)
        parts << tr("no default features", "a dependency");
    if (dependency.registry)
        parts << (CratesIo::isIndex(*dependency.registry) ? tr("from crates.io", "a dependency")
                                                          : tr("from %1", "a dependency: its registry's index URL").arg(*dependency.registry));
    return parts.join(u", "_s);
}
