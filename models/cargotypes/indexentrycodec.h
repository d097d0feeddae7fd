// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "indexentry.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <optional>

// The parsed form of an index file, as the index cache keeps it next to the raw file. A 304
// says the file is unchanged, so what IndexFileParser made of it last time still holds:
// reading this back skips the JSON, the validation and most allocations (equal strings, and
// an unchanged dependency list or feature map from one version to the next, come back
// shared). Parsing again would make a revalidation of a lockfile cost as much as
// downloading it.
//
// Compact and little-endian: a magic, a format number, a table of the distinct strings,
// then the entries referring to it. decode() checks every length and reference and answers
// std::nullopt for anything it did not write itself, so a damaged or older blob only means
// parsing the raw file again.
class IndexEntryCodec
{
public:
    // Bump whenever IndexEntry gains a field or IndexFileParser reads a line differently:
    // stored forms of another number are ignored and the raw file is parsed again.
    static constexpr quint16 FormatVersion = 1;

    static QByteArray encode(const QList<IndexEntry> &entries);
    static std::optional<QList<IndexEntry>> decode(QByteArrayView data);
};
