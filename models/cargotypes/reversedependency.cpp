// SPDX-License-Identifier: GPL-3.0-or-later
#include "reversedependency.h"

#include "cratename.h"
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
        found.append({version->first, version->second, dep.value(u"req"_s).toString().left(200), kind, dep.value(u"optional"_s).toBool()});
    }
    return found;
}
