// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

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

    static constexpr qsizetype MaxEntries = 10000;
    static QList<ReverseDependency> fromJson(const QJsonObject &json);
    friend bool operator==(const ReverseDependency &, const ReverseDependency &) = default;
};
