// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

// A unified diff of two texts, line by line with three lines of context, as `diff -u` prints
// it: what the setup preview shows before a config file is written, and what Compare Versions
// shows of a file two versions of a crate hold.
namespace TextDiff {

// The longest-common-subsequence table is lines(before) x lines(after) after the lines both
// texts share at their start and end are set aside; past this many cells (4 bytes each) the
// texts are not compared. 16M cells: two 4,000-line files that differ everywhere.
constexpr qsizetype DefaultMaxCells = qsizetype(16) << 20;

// Empty when the texts are equal. `before` empty and `beforeName` "/dev/null" for a new file.
QString unified(const QString &before, const QString &after, const QString &beforeName, const QString &afterName);
// The same, or nullopt when the differing middle of the two texts is larger than maxCells.
std::optional<QString> unified(const QString &before, const QString &after, const QString &beforeName,
                               const QString &afterName, qsizetype maxCells);

} // namespace TextDiff
