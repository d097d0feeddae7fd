// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: CrateArchive::fromBytes on hostile bytes, then everything a caller may do
// with an archive it accepted.
//
// Random bytes rarely get past gzip's checksum, so the first input byte picks what the rest
// is: even, a .crate as it is (gzip framing, deflate, trailer); odd, a tar stream that is
// gzip'd here first, so that mutations reach the tar parser.
#include "crate/cargomanifest.h"
#include "crate/cratearchive.h"

#include <zlib.h>

#include <cstdint>
#include <cstdlib>

namespace {

// zlib at its fastest level: what is fuzzed is the reading, and speed buys iterations.
QByteArray gzip(const QByteArray &data)
{
    z_stream stream{};
    if (deflateInit2(&stream, 1, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        std::abort();
    QByteArray out(qsizetype(deflateBound(&stream, uLong(data.size()))), Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = uInt(data.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(out.size());
    if (deflate(&stream, Z_FINISH) != Z_STREAM_END)
        std::abort();
    out.truncate(qsizetype(stream.total_out));
    deflateEnd(&stream);
    return out;
}

// Fails the run loudly: an accepted archive must keep the promises its API makes.
void check(bool condition)
{
    if (!condition)
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const QByteArray rest(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    const QByteArray crate = (data[0] & 1) ? gzip(rest) : rest;

    // Small limits keep every input fast; the limit checks themselves are what is fuzzed.
    CrateArchive::Limits limits;
    limits.maxCrateSize = 1 << 20;
    limits.maxUnpackedSize = 4 << 20;
    limits.maxFileSize = 2 << 20;
    limits.maxEntries = 512;
    const auto result = CrateArchive::fromBytes(crate, limits, QStringLiteral("fuzz.crate"));
    if (!result.isOk()) {
        check(!result.error.message.isEmpty());
        check(result.error.kind != CrateArchive::ErrorKind::None);
        return 0;
    }
    const CrateArchive &archive = *result.archive;
    check(archive.topDirectory() == QString(archive.name() + u'-' + archive.version()));
    check(archive.contains(QStringLiteral("Cargo.toml")));
    check(archive.manifestBytes().size() == archive.file(QStringLiteral("Cargo.toml"))->size);
    // fileData() inflates from the start each time: three files cover first, middle and last.
    const auto &files = archive.files();
    for (const qsizetype index : {qsizetype(0), files.size() / 2, files.size() - 1}) {
        const CrateArchive::File &file = files.at(index);
        const auto bytes = archive.fileData(file.path, 4096);
        check(bytes.has_value());
        check(bytes->size() == std::min<qint64>(file.size, 4096));
    }
    check(!archive.fileData(QStringLiteral("no/such/file"), 1).has_value());
    (void)CargoManifest::parse(archive.manifestBytes(), archive.topDirectory() + QStringLiteral("/Cargo.toml"));
    return 0;
}
