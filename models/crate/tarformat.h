// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

#include <optional>

// The pieces of the tar format (POSIX ustar, GNU, pax) that a .crate uses.
namespace TarFormat {

constexpr qint64 BlockSize = 512;

bool isZeroBlock(const char *block);
bool isPosixUstar(const char *block);
bool isGnuTar(const char *block);
bool checksumMatches(const char *block);
// Octal ASCII ended by NUL or space, or GNU's base-256 for large values.
std::optional<qint64> parseNumber(const char *field, int length);
// A NUL-terminated field of at most `length` bytes.
QByteArray cString(const char *field, qsizetype length);
// The size rounded up to whole blocks.
qint64 padded(qint64 size);

struct PaxRecords
{
    std::optional<QByteArray> path;
    std::optional<QByteArray> linkPath;
    std::optional<qint64> size;
};

// "LEN key=value\n" records, LEN counting the whole record; nullopt when malformed.
std::optional<PaxRecords> parsePax(const QByteArray &data);

} // namespace TarFormat
