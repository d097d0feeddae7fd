// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cargotypes/crateversiondiff.h"
#include "cargotypes/indexentry.h"
#include "cratearchive.h"

#include <QString>

// Two versions of a crate side by side: what Compare Versions and `cratedesk diff` show. Both
// archives were opened (and checked) by CrateArchive; this only reads them. Runs on a worker
// thread: it inflates both archives once.
namespace CrateComparison {

// Files by content, metadata from the index entries (what cargo resolves with) and from
// Cargo.toml (license and edition, which the index does not carry).
CrateVersionDiff compare(const CrateArchive &older, const IndexEntry &olderEntry, const CrateArchive &newer,
                         const IndexEntry &newerEntry);

// One file of the two versions as a unified diff, bounded: a side over maxFileSize bytes, or
// a diff whose table would pass TextDiff's budget, is TooLarge; bytes that are not UTF-8 text
// are Binary. At most maxLines lines of the diff are kept.
struct FileDiff
{
    enum class Outcome { Text, Binary, TooLarge, Missing };

    QString path;
    Outcome outcome = Outcome::Missing;
    QString unified; // Text: the diff, "--- a/PATH", "+++ b/PATH", hunks
    bool truncated = false; // Text: cut at maxLines
};
constexpr qint64 DefaultMaxFileSize = qint64(1) << 20;
constexpr qsizetype DefaultMaxLines = 20000;
// A side is null when the file is not in that version (added or removed).
FileDiff fileDiff(const CrateArchive *older, const CrateArchive *newer, const QString &path,
                  qint64 maxFileSize = DefaultMaxFileSize, qsizetype maxLines = DefaultMaxLines);

} // namespace CrateComparison
