// SPDX-License-Identifier: GPL-3.0-or-later
#include "indexentry.h"

#include "featurevalue.h"
#include "versionreq.h"

#include <QHash>
#include <QSet>
#include <QTimeZone>

using namespace Qt::Literals::StringLiterals;

namespace {

// What cargo's feature validation needs to know about one name used in Cargo.toml: several
// dependencies may share it (a target-specific copy, a build copy), and any one of them being
// optional counts.
struct DepUse
{
    bool any = false;
    bool optional = false;
};

// DepUse by name, for every line of every index file: most lines have a handful of
// dependencies, which a scan answers without allocating; a long list gets a hash, so that a
// hostile line cannot make the check quadratic.
class DependencyUses
{
public:
    explicit DependencyUses(const QList<IndexDependency> &deps)
        : m_deps(deps)
    {
        if (deps.size() <= ScanLimit)
            return;
        for (const IndexDependency &dep : deps) {
            DepUse &use = m_byName[dep.name];
            use.any = true;
            use.optional = use.optional || dep.optional;
        }
    }

    DepUse of(QStringView name) const
    {
        if (m_deps.size() > ScanLimit)
            return m_byName.value(name.toString());
        DepUse use;
        for (const IndexDependency &dep : m_deps) {
            if (dep.name == name) {
                use.any = true;
                use.optional = use.optional || dep.optional;
            }
        }
        return use;
    }

private:
    static constexpr qsizetype ScanLimit = 32;
    const QList<IndexDependency> &m_deps;
    QHash<QString, DepUse> m_byName;
};

// The dependencies some feature turns on with "dep:x": those get no implicit feature `x`.
QSet<QString> namedWithDep(const QMap<QString, QStringList> &features)
{
    QSet<QString> named;
    for (const QStringList &values : features) {
        for (const QString &value : values) {
            if (value.startsWith(u"dep:"))
                named.insert(value.mid(4));
        }
    }
    return named;
}

bool isDigits(QStringView text)
{
    if (text.isEmpty())
        return false;
    for (QChar c : text) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}

// Fixed-width decimal field of the pubtime pattern; -1 when it is not all digits.
int field(QStringView text, qsizetype from, qsizetype length)
{
    const QStringView part = text.mid(from, length);
    return isDigits(part) ? part.toInt() : -1;
}

} // namespace

QMap<QString, QStringList> IndexEntry::featuresWithImplicit() const
{
    const QSet<QString> withDep = namedWithDep(features);
    QMap<QString, QStringList> result = features;
    for (const IndexDependency &dep : deps) {
        if (dep.optional && !result.contains(dep.name) && !withDep.contains(dep.name))
            result.insert(dep.name, {u"dep:"_s + dep.name});
    }
    return result;
}

QString IndexEntry::featureReferenceError() const
{
    // The order and wording follow cargo's Summary::new and build_feature_map, so that the
    // reason shown matches what `cargo` would print for the same line.
    for (const IndexDependency &dep : deps) {
        if (dep.optional && dep.kind == IndexDependency::Kind::Dev)
            return tr("dev-dependencies are not allowed to be optional: `%1`").arg(dep.name);
    }
    // Checked for every line of every index file: most have no features to check, and only a
    // feature naming an optional dependency needs the implicit ones.
    if (features.isEmpty())
        return {};
    const DependencyUses uses(deps);
    std::optional<QSet<QString>> withDep;
    for (auto it = features.cbegin(); it != features.cend(); ++it) {
        const QString &feature = it.key();
        for (const QString &text : it.value()) {
            const FeatureValue::View value = FeatureValue::parseView(text);
            const DepUse use = uses.of(value.name);
            switch (value.type) {
            case FeatureValue::Type::Feature:
                if (features.contains(text)) // a Feature's name is its whole text
                    break;
                if (!use.any)
                    return tr("feature `%1` includes `%2` which is neither a dependency nor another feature").arg(feature, text);
                if (!use.optional)
                    return tr("feature `%1` includes `%2`, but `%2` is not an optional dependency").arg(feature, text);
                // An optional dependency has an implicit feature unless "dep:" names it.
                if (!withDep)
                    withDep = namedWithDep(features);
                if (withDep->contains(text))
                    return tr("feature `%1` includes `%2`, but `%2` is an optional dependency without an implicit feature").arg(feature, text);
                break;
            case FeatureValue::Type::Dep:
                if (!use.any)
                    return tr("feature `%1` includes `%2`, but `%3` is not listed as a dependency").arg(feature, text, value.name);
                if (!use.optional)
                    return tr("feature `%1` includes `%2`, but `%3` is not an optional dependency").arg(feature, text, value.name);
                break;
            case FeatureValue::Type::DepFeature:
                if (value.depFeature.contains(u'/'))
                    return tr("multiple slashes in feature `%1` (included by feature `%2`) are not allowed").arg(text, feature);
                if (value.name.startsWith(u"dep:"))
                    return tr("feature `%1` includes `%2` with both `dep:` and `/`").arg(feature, text);
                if (!use.any)
                    return tr("feature `%1` includes `%2`, but `%3` is not a dependency").arg(feature, text, value.name);
                if (value.weak && !use.optional)
                    return tr("feature `%1` includes `%2` with a `?`, but `%3` is not an optional dependency").arg(feature, text, value.name);
                break;
            }
        }
    }
    return {};
}

std::optional<QDateTime> IndexEntry::parsePubtime(QStringView text)
{
    // cargo: strptime("%Y-%m-%dT%H:%M:%SZ") plus a length check, so no fractions, no offset,
    // no unpadded fields; and the date must exist.
    if (text.size() != 20 || text.at(4) != u'-' || text.at(7) != u'-' || text.at(10) != u'T' || text.at(13) != u':'
        || text.at(16) != u':' || text.at(19) != u'Z')
        return std::nullopt;
    const int year = field(text, 0, 4);
    const int month = field(text, 5, 2);
    const int day = field(text, 8, 2);
    const int hour = field(text, 11, 2);
    const int minute = field(text, 14, 2);
    const int second = field(text, 17, 2);
    if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0)
        return std::nullopt;
    const QDate date(year, month, day);
    const QTime time(hour, minute, second);
    if (!date.isValid() || !time.isValid())
        return std::nullopt;
    return QDateTime(date, time, QTimeZone::UTC);
}

QString IndexEntry::rustVersionError(QStringView text)
{
    // Mirrors cargo's PartialVersion::from_str followed by RustVersion's checks. Called for
    // every line that has a rust_version: the messages are only made when one is wrong.
    const auto prerelease = [] { return tr("unexpected prerelease field, expected a version like \"1.32\""); };
    const auto build = [] { return tr("unexpected build field, expected a version like \"1.32\""); };
    if (const auto full = SemVer::parse(text)) {
        if (full->isPrerelease())
            return prerelease();
        if (!full->buildMetadata().isEmpty())
            return build();
        return {};
    }
    const auto req = VersionReq::parse(text);
    if (!req) {
        if (text.contains(u'-'))
            return prerelease();
        if (text.contains(u'+'))
            return build();
        return tr("expected a version like \"1.32\"");
    }
    const QList<VersionReq::Comparator> comparators = req->comparators();
    if (comparators.size() != 1 || comparators.first().op != VersionReq::Op::Caret || text.startsWith(u'^'))
        return tr("unexpected version requirement, expected a version like \"1.32\"");
    if (!comparators.first().prerelease.isEmpty())
        return prerelease();
    return {};
}

bool IndexEntry::isChecksum(QStringView text)
{
    if (text.size() != 64)
        return false;
    for (QChar c : text) {
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F')))
            return false;
    }
    return true;
}
