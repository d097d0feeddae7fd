// SPDX-License-Identifier: GPL-3.0-or-later
#include "reversedependency.h"

#include "cratename.h"
#include "indexentry.h"
#include "semver.h"

#include <QHash>
#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

QList<ReverseDependency> ReverseDependency::fromJson(const QJsonObject &json)
{
    // versions[] names the dependent crate and version; dependencies[] points at it by id.
    QHash<qint64, std::pair<QString, QString>> versions;
    for (const QJsonValue &value : json.value(u"versions"_s).toArray()) {
        const QJsonObject version = value.toObject();
        const QString crate = version.value(u"crate"_s).toString();
        const QString num = version.value(u"num"_s).toString();
        if (versions.size() < MaxEntries && CrateName::validationError(crate).isEmpty() && SemVer::parse(num))
            versions.insert(version.value(u"id"_s).toInteger(-1), {crate, num});
    }
    QList<ReverseDependency> found;
    for (const QJsonValue &value : json.value(u"dependencies"_s).toArray()) {
        if (found.size() >= MaxEntries)
            break;
        const QJsonObject dep = value.toObject();
        const auto version = versions.constFind(dep.value(u"version_id"_s).toInteger(-1));
        if (version == versions.cend())
            continue;
        QString kind = dep.value(u"kind"_s).toString();
        if (kind != u"build"_s && kind != u"dev"_s)
            kind = u"normal"_s;
        found.append({version->first, version->second, dep.value(u"req"_s).toString().left(200), kind, dep.value(u"optional"_s).toBool(),
                      dep.value(u"target"_s).toString().left(200)});
    }
    return found;
}

std::optional<ReverseDependency> ReverseDependency::of(const IndexEntry &entry, const QString &crateName)
{
    const QString wanted = CrateName::canonical(crateName);
    if (CrateName::canonical(entry.name) == wanted)
        return std::nullopt; // a crate's own lines name it too
    const auto dep = std::ranges::find_if(entry.deps, [&wanted](const IndexDependency &d) {
        return !d.registry && CrateName::canonical(d.packageName()) == wanted;
    });
    if (dep == entry.deps.cend())
        return std::nullopt;
    const QString kind = dep->kind == IndexDependency::Kind::Dev ? u"dev"_s : dep->kind == IndexDependency::Kind::Build ? u"build"_s : u"normal"_s;
    return ReverseDependency{entry.name, entry.vers, dep->req.left(200), kind, dep->optional, dep->target.value_or(QString()).left(200)};
}

std::optional<ReverseDependency> ReverseDependency::newestIn(const QList<IndexEntry> &entries, const QString &crateName)
{
    std::optional<ReverseDependency> newest;
    std::optional<SemVer> newestVersion;
    for (const IndexEntry &entry : entries) {
        const auto dependent = of(entry, crateName);
        const auto version = dependent ? SemVer::parse(entry.vers) : std::nullopt;
        if (version && (!newestVersion || *newestVersion < *version)) {
            newest = dependent;
            newestVersion = version;
        }
    }
    return newest;
}
