// SPDX-License-Identifier: GPL-3.0-or-later
#include "indexline.h"

#include "cargotypes/versionreq.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

using namespace Qt::Literals::StringLiterals;

namespace {

FeedError bad(const QString &detail)
{
    return FeedError::badRequest(u"invalid publish metadata: "_s + detail);
}

// Optional string fields: absent and null mean the same; anything else must be a string.
bool optionalString(const QJsonObject &object, const QString &key, QJsonValue *out)
{
    const QJsonValue value = object.value(key);
    if (value.isUndefined() || value.isNull()) {
        *out = QJsonValue::Null;
        return true;
    }
    if (!value.isString())
        return false;
    *out = value;
    return true;
}

struct DepNames
{
    QSet<QString> all;      // every non-dev dependency, by the name features use
    QSet<QString> optional; // the optional ones among them
};

FeedError convertDependency(const QJsonValue &value, int index, QJsonObject *out, DepNames *names)
{
    if (!value.isObject())
        return bad(u"deps[%1] is not an object"_s.arg(index));
    const QJsonObject dep = value.toObject();
    const QString realName = dep.value(u"name"_s).toString();
    if (realName.isEmpty())
        return bad(u"deps[%1] has no name"_s.arg(index));
    const QString where = u"dependency `%1`"_s.arg(realName);
    const QJsonValue alias = dep.value(u"explicit_name_in_toml"_s);
    if (!alias.isUndefined() && !alias.isNull() && (!alias.isString() || alias.toString().isEmpty()))
        return bad(where + u" has an invalid explicit_name_in_toml"_s);
    const bool renamed = alias.isString();
    const QString nameInToml = renamed ? alias.toString() : realName;

    const QString req = dep.value(u"version_req"_s).toString();
    QString reqError;
    if (!dep.value(u"version_req"_s).isString() || !VersionReq::parse(req, &reqError))
        return bad(where + u" has an invalid version requirement \"%1\"%2"_s.arg(req, reqError.isEmpty() ? QString() : u": "_s + reqError));

    QJsonArray features;
    for (const QJsonValue &feature : dep.value(u"features"_s).toArray()) {
        if (!feature.isString())
            return bad(where + u" has a feature that is not a string"_s);
        if (!feature.toString().isEmpty()) // cargo drops empty names
            features.append(feature);
    }
    const QString kind = dep.value(u"kind"_s).toString(u"normal"_s);
    if (kind != u"normal"_s && kind != u"dev"_s && kind != u"build"_s)
        return bad(where + u" has the unknown kind \"%1\""_s.arg(kind));
    QJsonValue target, registry;
    if (!optionalString(dep, u"target"_s, &target) || !optionalString(dep, u"registry"_s, &registry))
        return bad(where + u" has a target or registry that is not a string"_s);
    const bool optional = dep.value(u"optional"_s).toBool(false);

    QJsonObject entry{{u"name"_s, nameInToml},
                      {u"req"_s, req},
                      {u"features"_s, features},
                      {u"optional"_s, optional},
                      {u"default_features"_s, dep.value(u"default_features"_s).toBool(true)},
                      {u"target"_s, target},
                      {u"kind"_s, kind}};
    // null means "this registry": a crates.io dependency must keep its URL (pitfall 10).
    if (registry.isString())
        entry.insert(u"registry"_s, registry);
    if (renamed)
        entry.insert(u"package"_s, realName);
    *out = entry;
    if (kind != u"dev"_s) {
        names->all.insert(nameInToml);
        if (optional)
            names->optional.insert(nameInToml);
    }
    return {};
}

// Cargo marks an index entry invalid when a feature points at a dependency it does not have.
FeedError checkFeatureReference(const QString &feature, const QString &ref, const QJsonObject &features, const DepNames &deps)
{
    const QString where = u"feature `%1` refers to `%2`, "_s.arg(feature, ref);
    if (ref.startsWith(u"dep:"_s)) {
        if (!deps.optional.contains(ref.mid(4)))
            return bad(where + u"which is not an optional dependency"_s);
        return {};
    }
    if (const qsizetype slash = ref.indexOf(u'/'); slash > 0) {
        QString dep = ref.left(slash);
        if (dep.endsWith(u'?'))
            dep.chop(1);
        if (!deps.all.contains(dep) && !features.contains(dep))
            return bad(where + u"but `%1` is not a dependency"_s.arg(dep));
        return {};
    }
    if (!features.contains(ref) && !deps.optional.contains(ref))
        return bad(where + u"which is neither a feature nor an optional dependency"_s);
    return {};
}

} // namespace

namespace IndexLine {

FeedError fromPublishMetadata(const QJsonObject &metadata, QJsonObject *line)
{
    const QJsonValue depsValue = metadata.value(u"deps"_s);
    if (!depsValue.isArray() && !depsValue.isUndefined())
        return bad(u"\"deps\" must be an array"_s);
    QJsonArray deps;
    DepNames depNames;
    const QJsonArray rawDeps = depsValue.toArray();
    for (int i = 0; i < rawDeps.size(); ++i) {
        QJsonObject entry;
        if (const FeedError error = convertDependency(rawDeps.at(i), i, &entry, &depNames))
            return error;
        deps.append(entry);
    }

    const QJsonValue featuresValue = metadata.value(u"features"_s);
    if (!featuresValue.isObject() && !featuresValue.isUndefined() && !featuresValue.isNull())
        return bad(u"\"features\" must be an object"_s);
    const QJsonObject rawFeatures = featuresValue.toObject();
    QJsonObject features, features2;
    for (auto it = rawFeatures.begin(); it != rawFeatures.end(); ++it) {
        if (!it.value().isArray())
            return bad(u"feature `%1` must list strings"_s.arg(it.key()));
        bool newSyntax = false;
        for (const QJsonValue &ref : it.value().toArray()) {
            if (!ref.isString())
                return bad(u"feature `%1` must list strings"_s.arg(it.key()));
            if (const FeedError error = checkFeatureReference(it.key(), ref.toString(), rawFeatures, depNames))
                return error;
            newSyntax = newSyntax || ref.toString().startsWith(u"dep:"_s) || ref.toString().contains(u"?/"_s);
        }
        // Older cargo cannot read `dep:` and `?/`, so, like crates.io, keep them apart.
        (newSyntax ? features2 : features).insert(it.key(), it.value());
    }

    QJsonValue links, rustVersion;
    if (!optionalString(metadata, u"links"_s, &links))
        return bad(u"\"links\" must be a string"_s);
    if (!optionalString(metadata, u"rust_version"_s, &rustVersion))
        return bad(u"\"rust_version\" must be a string"_s);
    static const QRegularExpression msrv(u"^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))?$"_s);
    if (rustVersion.isString() && !msrv.match(rustVersion.toString()).hasMatch())
        return bad(u"rust_version \"%1\" must look like 1.70 or 1.70.0"_s.arg(rustVersion.toString()));

    QJsonObject out{{u"name"_s, metadata.value(u"name"_s)},
                    {u"vers"_s, metadata.value(u"vers"_s)},
                    {u"deps"_s, deps},
                    {u"features"_s, features},
                    {u"links"_s, links},
                    {u"v"_s, features2.isEmpty() ? 1 : 2}};
    if (!features2.isEmpty())
        out.insert(u"features2"_s, features2);
    if (rustVersion.isString())
        out.insert(u"rust_version"_s, rustVersion);
    *line = out;
    return {};
}

} // namespace IndexLine
