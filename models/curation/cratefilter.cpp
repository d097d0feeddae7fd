// SPDX-License-Identifier: GPL-3.0-or-later
#include "cratefilter.h"

#include "cargotypes/cratename.h"
#include "cargotypes/semver.h"
#include "cargotypes/versionreq.h"

#include <QCoreApplication>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace CrateFilter {

namespace {

QString canonicalPattern(QString pattern)
{
    return pattern.toLower().replace(u'-', u'_');
}

} // namespace

QString patternError(const QString &pattern)
{
    const QString body = pattern.startsWith(u'!') ? pattern.mid(1) : pattern;
    static const QRegularExpression valid(u"^[A-Za-z0-9_*?-]+$"_s);
    if (!valid.match(body).hasMatch())
        return QCoreApplication::translate("CrateFilter", "filter \"%1\" is not a crate name pattern: use letters, digits, '-', '_', '*' and '?', "
                                                          "with '!' in front to block")
            .arg(pattern);
    return {};
}

bool matches(const QString &pattern, const QString &crateName)
{
    const QString body = canonicalPattern(pattern.startsWith(u'!') ? pattern.mid(1) : pattern);
    const QString name = CrateName::canonical(crateName);
    // Iterative wildcard match: no regular expression built per request.
    qsizetype p = 0, n = 0, star = -1, mark = 0;
    while (n < name.size()) {
        if (p < body.size() && (body.at(p) == u'?' || body.at(p) == name.at(n))) {
            ++p;
            ++n;
        } else if (p < body.size() && body.at(p) == u'*') {
            star = p++;
            mark = n;
        } else if (star >= 0) {
            p = star + 1;
            n = ++mark;
        } else {
            return false;
        }
    }
    while (p < body.size() && body.at(p) == u'*')
        ++p;
    return p == body.size();
}

// The verdicts' reasons are the local feed's words to cargo and in its curation answers, so
// they stay untranslated; only patternError() speaks to the user.
CurationVerdict check(const QStringList &filters, const QString &crateName)
{
    bool hasAllow = false;
    QString allowedBy;
    for (const QString &filter : filters) {
        if (filter.startsWith(u'!')) {
            if (matches(filter, crateName))
                return CurationVerdict::block(u"blocked by the connector filter \"%1\""_s.arg(filter));
            continue;
        }
        hasAllow = true;
        if (allowedBy.isEmpty() && matches(filter, crateName))
            allowedBy = filter;
    }
    if (hasAllow && allowedBy.isEmpty())
        return CurationVerdict::block(u"matches none of the connector's allow filters (%1)"_s.arg(
            filters.filter(QRegularExpression(u"^[^!]"_s)).join(u", "_s)));
    return CurationVerdict::allow(allowedBy.isEmpty() ? QString() : u"allowed by the filter \"%1\""_s.arg(allowedBy));
}

CurationVerdict checkApproved(const QList<ApprovedCrate> &approved, const QString &crateName)
{
    if (approved.isEmpty())
        return CurationVerdict::allow();
    const QString canonical = CrateName::canonical(crateName);
    for (const ApprovedCrate &entry : approved)
        if (CrateName::canonical(entry.name) == canonical)
            return CurationVerdict::allow(u"on the approved list"_s);
    return CurationVerdict::block(u"not on the connector's approved list"_s);
}

CurationVerdict checkApprovedVersion(const QList<ApprovedCrate> &approved, const QString &crateName, const QString &version)
{
    if (approved.isEmpty())
        return CurationVerdict::allow();
    const QString canonical = CrateName::canonical(crateName);
    const auto semver = SemVer::parse(version);
    QStringList requirements;
    for (const ApprovedCrate &entry : approved) {
        if (CrateName::canonical(entry.name) != canonical)
            continue;
        if (entry.requirement.isEmpty())
            return CurationVerdict::allow(u"approved in every version"_s);
        const auto req = VersionReq::parse(entry.requirement);
        if (req && semver && req->matches(*semver))
            return CurationVerdict::allow(u"approved as %1"_s.arg(entry.toString()));
        requirements << entry.requirement;
    }
    if (requirements.isEmpty())
        return CurationVerdict::block(u"not on the connector's approved list"_s);
    return CurationVerdict::block(u"version %1 is outside the approved %2"_s.arg(version, requirements.join(u" or "_s)));
}

} // namespace CrateFilter
