// SPDX-License-Identifier: GPL-3.0-or-later
#include "crateacrossfeeds.h"

#include "semver.h"

#include <QSet>

#include <algorithm>

QStringList CrateAcrossFeeds::versions() const
{
    QStringList all;
    QSet<QString> seen;
    for (const Holding &holding : feeds) {
        for (const IndexEntry &entry : holding.entries) {
            if (!seen.contains(entry.vers)) {
                seen.insert(entry.vers);
                all << entry.vers;
            }
        }
    }
    std::ranges::stable_sort(all, [](const QString &a, const QString &b) {
        const auto va = SemVer::parse(a), vb = SemVer::parse(b);
        if (va && vb)
            return *vb < *va;
        return va.has_value() && !vb.has_value();
    });
    return all;
}

const IndexEntry *CrateAcrossFeeds::entry(qsizetype index, const QString &version) const
{
    if (index < 0 || index >= feeds.size())
        return nullptr;
    const QList<IndexEntry> &entries = feeds.at(index).entries;
    const auto found = std::ranges::find_if(entries, [&](const IndexEntry &e) { return e.vers == version; });
    return found == entries.cend() ? nullptr : &*found;
}

QList<CrateAcrossFeeds::Mismatch> CrateAcrossFeeds::mismatches() const
{
    QList<Mismatch> result;
    for (const QString &version : versions()) {
        Mismatch mismatch{version, {}};
        QSet<QString> distinct;
        for (qsizetype i = 0; i < feeds.size(); ++i) {
            if (const IndexEntry *e = entry(i, version)) {
                mismatch.sums.append({feeds.at(i).feed, e->cksum});
                distinct.insert(e->cksum);
            }
        }
        if (distinct.size() > 1)
            result.append(mismatch);
    }
    return result;
}
