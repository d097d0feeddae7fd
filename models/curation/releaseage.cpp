// SPDX-License-Identifier: GPL-3.0-or-later
#include "releaseage.h"

#include "cargotypes/semver.h"

#include <QTimeZone>

namespace ReleaseAge {

namespace {

// The first crates were published on crates.io in 2014; a clock may run an hour ahead.
const QDateTime Earliest(QDate(2014, 1, 1), QTime(0, 0), QTimeZone::UTC);
constexpr qint64 ClockSkewSeconds = 3600;

bool compatible(const SemVer &a, const SemVer &b)
{
    if (a.major() != b.major())
        return false;
    if (a.major() > 0)
        return true;
    if (a.minor() != b.minor())
        return false;
    return a.minor() > 0 || a.patch() == b.patch();
}

} // namespace

bool isPlausible(const std::optional<QDateTime> &pubtime, const QDateTime &now)
{
    return pubtime && pubtime->isValid() && *pubtime >= Earliest && *pubtime <= now.addSecs(ClockSkewSeconds);
}

QDateTime published(const std::optional<QDateTime> &pubtime, const QDateTime &firstSeen, const QDateTime &now)
{
    return isPlausible(pubtime, now) ? *pubtime : firstSeen;
}

QString preciseTarget(const QString &locked, const QStringList &available)
{
    const auto lockedVersion = SemVer::parse(locked);
    std::optional<SemVer> newest;
    std::optional<SemVer> newestCompatible;
    for (const QString &text : available) {
        const auto version = SemVer::parse(text);
        if (!version || !version->prerelease().isEmpty())
            continue;
        if (!newest || *version > *newest)
            newest = version;
        if (lockedVersion && compatible(*version, *lockedVersion) && (!newestCompatible || *version > *newestCompatible))
            newestCompatible = version;
    }
    const auto chosen = newestCompatible ? newestCompatible : newest;
    return chosen ? chosen->toString() : QString();
}

} // namespace ReleaseAge
