// SPDX-License-Identifier: GPL-3.0-or-later
#include "tarformat.h"

#include <algorithm>
#include <cstring>
#include <limits>

namespace TarFormat {

bool isZeroBlock(const char *block)
{
    return std::all_of(block, block + BlockSize, [](char c) { return c == 0; });
}

bool isPosixUstar(const char *block) { return memcmp(block + 257, "ustar\0" "00", 8) == 0; }
bool isGnuTar(const char *block) { return memcmp(block + 257, "ustar  \0", 8) == 0; }

std::optional<qint64> parseNumber(const char *field, int length)
{
    const auto *bytes = reinterpret_cast<const uchar *>(field);
    if (bytes[0] & 0x80) {
        if (bytes[0] == 0xff)
            return std::nullopt; // negative
        qint64 value = bytes[0] & 0x7f;
        for (int i = 1; i < length; ++i) {
            if (value > (std::numeric_limits<qint64>::max() >> 8))
                return std::nullopt;
            value = (value << 8) | bytes[i];
        }
        return value;
    }
    int i = 0;
    while (i < length && bytes[i] == ' ')
        ++i;
    qint64 value = 0;
    for (; i < length && bytes[i] >= '0' && bytes[i] <= '7'; ++i) {
        if (value > (std::numeric_limits<qint64>::max() >> 3))
            return std::nullopt;
        value = (value << 3) | (bytes[i] - '0');
    }
    for (; i < length; ++i) {
        if (bytes[i] != 0 && bytes[i] != ' ')
            return std::nullopt;
    }
    return value;
}

bool checksumMatches(const char *block)
{
    const auto stored = parseNumber(block + 148, 8);
    if (!stored)
        return false;
    qint64 unsignedSum = 0;
    qint64 signedSum = 0; // some old tars summed signed chars
    for (int i = 0; i < BlockSize; ++i) {
        const bool inChecksum = i >= 148 && i < 156;
        unsignedSum += inChecksum ? ' ' : uchar(block[i]);
        signedSum += inChecksum ? ' ' : qint8(block[i]);
    }
    return *stored == unsignedSum || *stored == signedSum;
}

QByteArray cString(const char *field, qsizetype length)
{
    return QByteArray(field, qstrnlen(field, length));
}

qint64 padded(qint64 size)
{
    return (size + BlockSize - 1) / BlockSize * BlockSize;
}

std::optional<PaxRecords> parsePax(const QByteArray &data)
{
    PaxRecords records;
    qsizetype pos = 0;
    while (pos < data.size()) {
        const qsizetype space = data.indexOf(' ', pos);
        if (space < 0)
            return std::nullopt;
        bool ok = false;
        const qsizetype length = data.mid(pos, space - pos).toLongLong(&ok);
        if (!ok || length <= space - pos + 1 || length > data.size() - pos || data.at(pos + length - 1) != '\n')
            return std::nullopt;
        const QByteArray record = data.mid(space + 1, length - (space - pos) - 2);
        const qsizetype equals = record.indexOf('=');
        if (equals < 0)
            return std::nullopt;
        const QByteArray key = record.left(equals);
        const QByteArray value = record.mid(equals + 1);
        if (key == "path") {
            records.path = value;
        } else if (key == "linkpath") {
            records.linkPath = value;
        } else if (key == "size") {
            const qint64 size = value.toLongLong(&ok);
            if (!ok || size < 0)
                return std::nullopt;
            records.size = size;
        }
        pos += length;
    }
    return records;
}

} // namespace TarFormat
