// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

struct IndexEntry;

// One crate version that depends on the crate being looked at, as a registry's
// reverse_dependencies answer (crates.io's shape) lists it. The answer comes from the
// network: names and versions are checked, texts cut, the list bounded.
struct ReverseDependency
{
    QString crate;   // the dependent crate
    QString version; // its version that depends
    QString req;     // the requirement it puts on the crate looked at
    QString kind;    // "normal", "build" or "dev"
    bool optional = false;
    QString target;  // the cfg() or triple it is limited to; empty for every target

    static constexpr qsizetype MaxEntries = 10000;
    static QList<ReverseDependency> fromJson(const QJsonObject &json);
    // `entry` as a dependent of `crateName` (any spelling cargo treats as the same crate, also
    // under a rename), when it depends on it from its own registry; nothing otherwise.
    static std::optional<ReverseDependency> of(const IndexEntry &entry, const QString &crateName);
    // Of one crate's index lines, the newest version that depends on `crateName`.
    static std::optional<ReverseDependency> newestIn(const QList<IndexEntry> &entries, const QString &crateName);
    friend bool operator==(const ReverseDependency &, const ReverseDependency &) = default;
};
