// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the body of `PUT /api/v1/crates/new` as the local feed receives it from
// anyone who can reach it. PublishValidator::validate reads the u32-LE framing, the
// metadata JSON (IndexLine turns it into the index line) and the .crate inside (archive and
// Cargo.toml); whatever the bytes, it must accept or refuse, never fault, and what it
// accepts must be what it promises.
//
// Random framing almost never lines up, so the first input byte picks what the rest is:
// even, a whole body as sent; odd, "JSON\0CRATE", framed here with correct lengths, so that
// mutations reach the JSON and archive readers behind the framing checks.
#include "localfeed/publishvalidator.h"

#include <QtEndian>

#include <cstdint>
#include <cstdlib>

namespace {

QByteArray framed(const QByteArray &json, const QByteArray &crate)
{
    QByteArray body(4, Qt::Uninitialized);
    qToLittleEndian<quint32>(quint32(json.size()), body.data());
    body += json;
    QByteArray length(4, Qt::Uninitialized);
    qToLittleEndian<quint32>(quint32(crate.size()), length.data());
    return body + length + crate;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const QByteArray rest(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    QByteArray body = rest;
    if (data[0] & 1) {
        const qsizetype split = rest.indexOf('\0');
        body = split < 0 ? framed(rest, {}) : framed(rest.first(split), rest.sliced(split + 1));
    }
    FeedStore::NewVersion version;
    const FeedError error = PublishValidator::validate(body, 1 << 20, &version);
    if (error) {
        if (error.detail.isEmpty())
            std::abort();
        return 0;
    }
    // Accepted: the name and version are the ones the archive's own manifest gave.
    if (version.name.isEmpty() || version.vers.isEmpty() || version.crateBytes.isEmpty())
        std::abort();
    return 0;
}
