// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

// How old an upstream version is, for a connector's release-age delay, and what to offer
// instead of a version it holds or blocks.
namespace ReleaseAge {

// The index line's pubtime, when it is one a connector can believe: in UTC (the parser takes
// only "YYYY-MM-DDTHH:MM:SSZ"), not before crates.io existed (2014) and not in the future.
bool isPlausible(const std::optional<QDateTime> &pubtime, const QDateTime &now);
// When the version counts as published: its plausible pubtime, else when the feed first saw it.
QDateTime published(const std::optional<QDateTime> &pubtime, const QDateTime &firstSeen, const QDateTime &now);
// The version to name in `cargo update -p NAME@LOCKED --precise …`: the newest of `available`
// that cargo treats as compatible with `locked` (same major, or same minor below 1.0), else
// the newest of all; empty when nothing is available.
QString preciseTarget(const QString &locked, const QStringList &available);

} // namespace ReleaseAge
