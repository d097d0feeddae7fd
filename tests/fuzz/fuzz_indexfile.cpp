// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: an index file as a feed might send it. IndexFileParser must read any
// bytes without a fault, and what it keeps must come back unchanged from the form the cache
// stores (IndexEntryCodec), because a 304 trusts that form instead of parsing again. The
// same bytes read as a stored form must be refused or read, never a fault. A file's lines share
// what repeats from one line to the next; each must still read exactly as the line does alone.
#include "cargotypes/indexentrycodec.h"
#include "cargotypes/indexfileparser.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    const IndexFileParser::Result parsed = IndexFileParser::parse(body);
    const std::optional<QList<IndexEntry>> decoded = IndexEntryCodec::decode(IndexEntryCodec::encode(parsed.entries));
    if (!decoded || *decoded != parsed.entries)
        std::abort();
    qsizetype kept = 0;
    for (const QByteArray &line : body.split('\n')) {
        const std::optional<IndexEntry> alone = IndexFileParser::parseLine(line);
        if (alone && (kept >= parsed.entries.size() || parsed.entries.at(kept++) != *alone))
            std::abort();
    }
    if (kept != parsed.entries.size())
        std::abort();
    (void)IndexEntryCodec::decode(body);
    return 0;
}
