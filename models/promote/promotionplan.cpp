// SPDX-License-Identifier: GPL-3.0-or-later
#include "promotionplan.h"

#include "cargotypes/cratename.h"
#include "cargotypes/semver.h"
#include "cargotypes/versionreq.h"

#include <QCoreApplication>
#include <QSet>

using namespace Qt::Literals::StringLiterals;

QString PromotionItem::keyOf(const QString &name, const QString &vers)
{
    return name.toLower() + u'@' + vers;
}

bool PromotionItem::isDone() const
{
    switch (state) {
    case State::InTarget:
    case State::NotInSource:
    case State::Promoted:
    case State::Failed:
    case State::Skipped:
    case State::Cancelled:
        return true;
    default:
        return false;
    }
}

QString PromotionItem::stateName(State state)
{
    switch (state) {
    case State::Checking: return u"checking"_s;
    case State::Ready: return u"ready"_s;
    case State::InTarget: return u"in-target"_s;
    case State::NotInSource: return u"not-in-source"_s;
    case State::Downloading: return u"downloading"_s;
    case State::Publishing: return u"publishing"_s;
    case State::Promoted: return u"promoted"_s;
    case State::Failed: return u"failed"_s;
    case State::Skipped: return u"skipped"_s;
    case State::Cancelled: return u"cancelled"_s;
    }
    return {};
}

namespace {

const IndexEntry *findVersion(const QList<IndexEntry> &entries, const QString &vers)
{
    for (const IndexEntry &entry : entries) {
        if (entry.vers == vers)
            return &entry;
    }
    return nullptr;
}

// The plan's items that `entry` needs: for each normal or build dependency, the versions of
// the plan its requirement accepts.
QStringList needsOf(const IndexEntry &entry, const QList<PromotionItem> &items)
{
    QStringList needs;
    for (const IndexDependency &dep : entry.deps) {
        if (dep.kind == IndexDependency::Kind::Dev)
            continue;
        const auto requirement = VersionReq::parse(dep.req);
        for (const PromotionItem &other : items) {
            if (other.name.compare(dep.packageName(), Qt::CaseInsensitive) != 0)
                continue;
            const auto version = SemVer::parse(other.vers);
            if (requirement && version && requirement->matches(*version) && !needs.contains(other.key()))
                needs << other.key();
        }
    }
    return needs;
}

// Kahn's algorithm, taking the earliest ready item each time so that independent items keep
// their input order; a cycle (which normal and build dependencies cannot form in a registry
// cargo accepted) is broken in input order.
QList<PromotionItem> dependenciesFirst(const QList<PromotionItem> &items)
{
    QList<PromotionItem> ordered;
    QSet<QString> placed;
    QList<bool> taken(items.size(), false);
    while (ordered.size() < items.size()) {
        qsizetype pick = -1;
        for (qsizetype i = 0; i < items.size() && pick < 0; ++i) {
            if (!taken[i] && std::ranges::all_of(items[i].needs, [&](const QString &need) { return placed.contains(need) || need == items[i].key(); }))
                pick = i;
        }
        if (pick < 0)
            pick = taken.indexOf(false);
        taken[pick] = true;
        placed.insert(items[pick].key());
        ordered.append(items[pick]);
    }
    return ordered;
}

} // namespace

QList<PromotionItem> PromotionPlan::settle(QList<PromotionItem> items, const Answers &answers)
{
    for (PromotionItem &item : items) {
        const QString lower = item.name.toLower();
        // Names and versions come from the user or a lockfile: only real ones reach a feed.
        if (const QString invalid = CrateName::validationError(item.name); !invalid.isEmpty() || !SemVer::parse(item.vers)) {
            item.state = PromotionItem::State::NotInSource;
            item.message = invalid.isEmpty() ? QCoreApplication::translate("PromotionPlan", "\"%1\" is not a version").arg(item.vers.left(64)) : invalid;
            continue;
        }
        if (const auto error = answers.sourceErrors.constFind(lower); error != answers.sourceErrors.cend()) {
            item.state = PromotionItem::State::NotInSource;
            item.message = *error;
            continue;
        }
        const IndexEntry *source = findVersion(answers.source.value(lower), item.vers);
        if (!source) {
            item.state = PromotionItem::State::NotInSource;
            item.message = QCoreApplication::translate("PromotionPlan", "the source feed has no %1 %2").arg(item.name, item.vers);
            continue;
        }
        item.name = source->name; // as published
        item.cksum = source->cksum;
        item.yanked = source->yanked;
        item.needs = needsOf(*source, items);
        item.needs.removeAll(item.key());
        if (const IndexEntry *target = findVersion(answers.target.value(lower), item.vers)) {
            item.state = PromotionItem::State::InTarget;
            if (target->cksum != source->cksum)
                item.message = QCoreApplication::translate("PromotionPlan", "the target holds other bytes for this version (sha256 %1, the source's %2)").arg(
                    target->cksum.left(16), source->cksum.left(16));
            continue;
        }
        item.state = PromotionItem::State::Ready;
    }
    return dependenciesFirst(items);
}
