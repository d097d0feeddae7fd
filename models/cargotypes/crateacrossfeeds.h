// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "indexentry.h"

#include <QList>
#include <QString>
#include <QStringList>

// One crate as several feeds hold it: which versions each has, yanked or not, and where two
// feeds serve the same version with different checksums. Cargo treats NAME@VERSION as one
// immutable build; the same name and version from other bytes is a supply-chain red flag
// (a dependency-confusion or a rebuilt release), whichever feed is right.
struct CrateAcrossFeeds
{
    struct Holding
    {
        QString feed;
        QString error;            // the feed could not be asked; entries empty
        bool missing = false;     // the feed has no such crate
        bool stale = false;       // from the cache: the feed could not be reached
        QList<IndexEntry> entries;
    };
    struct Mismatch
    {
        QString version;
        QList<std::pair<QString, QString>> sums; // (feed, cksum), in feed order
    };

    QString crate;
    QList<Holding> feeds;

    // Every version any feed holds, newest first (SemVer precedence; unparsable ones last).
    QStringList versions() const;
    // The entry of `version` in feed `index`, or null.
    const IndexEntry *entry(qsizetype index, const QString &version) const;
    QList<Mismatch> mismatches() const;
};
