// SPDX-License-Identifier: GPL-3.0-or-later
#include "workspaceroot.h"

#include "crate/cargoworkspace.h"

using namespace Qt::Literals::StringLiterals;

namespace {

IndexDependency::Kind indexKind(CargoManifest::Dependency::Kind kind)
{
    switch (kind) {
    case CargoManifest::Dependency::Kind::Build:
        return IndexDependency::Kind::Build;
    // The resolver follows no dev edges, and a member's dev-dependencies are in the lockfile.
    case CargoManifest::Dependency::Kind::Development:
    case CargoManifest::Dependency::Kind::Normal:
        break;
    }
    return IndexDependency::Kind::Normal;
}

// What "dep/feat" and "dep?/feat" in the package's features ask of its dependency `alias`.
QStringList featuresAskedOf(const CargoWorkspace::Package &package, const QString &alias)
{
    QStringList asked;
    for (const QStringList &values : package.features) {
        for (const QString &value : values) {
            const qsizetype slash = value.indexOf(u'/');
            if (slash < 0)
                continue;
            QStringView dep = QStringView(value).left(slash);
            if (dep.endsWith(u'?'))
                dep.chop(1);
            if (dep == alias)
                asked.append(value.mid(slash + 1));
        }
    }
    return asked;
}

IndexDependency indexDependency(const CargoWorkspace::Package &package, const CargoManifest::Dependency &dep)
{
    IndexDependency result;
    result.name = dep.name;
    result.package = dep.package;
    result.req = dep.versionRequirement.isEmpty() ? u"*"_s : dep.versionRequirement; // cargo warns and takes any
    result.features = dep.features + featuresAskedOf(package, dep.name);
    result.features.removeDuplicates();
    result.optional = false; // every feature is on
    result.defaultFeatures = dep.defaultFeatures;
    result.target = dep.target;
    result.kind = indexKind(dep.kind);
    // One feed answers for crates.io and any registry named (see the header).
    result.registry = std::nullopt;
    return result;
}

} // namespace

IndexEntry WorkspaceRoot::entry(const CargoWorkspace &workspace)
{
    IndexEntry entry;
    entry.name = Name;
    entry.vers = u"0.0.0"_s;
    entry.version = *SemVer::parse(entry.vers);
    for (const CargoWorkspace::Package &package : workspace.packages) {
        for (const CargoManifest::Dependency &dep : package.dependencies)
            entry.deps.append(indexDependency(package, dep));
    }
    return entry;
}
