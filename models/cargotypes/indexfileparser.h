// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "indexentry.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// Reads a sparse index file (protocol notes 1.4 and 1.5) with cargo's tolerance, no more and
// no less: a browser that rejects what cargo accepts hides versions users can build with,
// and one that accepts what cargo rejects offers versions cargo will refuse.
//   - blank lines, lines that are not JSON, and lines without a string `name` and a SemVer
//     `vers` are skipped;
//   - a line with a usable name and version is always kept; anything else wrong with it only
//     sets IndexEntry::invalidReason, as cargo keeps it to say "the index entry is invalid";
//   - unknown fields are ignored, `v` above what cargo reads is kept (needsNewerCargo()).
class IndexFileParser
{
    Q_DECLARE_TR_FUNCTIONS(IndexFileParser)

public:
    struct Result
    {
        QList<IndexEntry> entries; // in file order; cargo never reorders lines
        QStringList problems;      // "line N: reason" for every non-blank line skipped
    };

    // `crate` is the name the file was asked for. When given, a line is also dropped when it
    // cannot be trusted to name files: its `name` is not a valid crate name equal to `crate`
    // (ASCII case-insensitively, as cargo compares), or its `cksum` is not 64 hex digits.
    static Result parse(const QByteArray &body, QStringView crate = {});

    // Empty when `entry` may stand in the index file of `crate` (the rules above), else why not.
    static QString untrustedReason(const IndexEntry &entry, QStringView crate);

    // One line, with or without its line ending. std::nullopt when the line is skipped;
    // *problem then says why, and stays empty for a blank line.
    static std::optional<IndexEntry> parseLine(QByteArrayView line, QString *problem = nullptr);
};
