// SPDX-License-Identifier: GPL-3.0-or-later
#include "cratearchive.h"

#include <KCompressionDevice>

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QStringDecoder>
#include <QtEndian>

#include <algorithm>
#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qint64 BlockSize = 512;
constexpr qint64 ChunkSize = 64 * 1024;
// PATH_MAX on Linux; cargo never writes anything near it.
constexpr qint64 MaxPathBytes = 4096;
constexpr qint64 MaxPaxHeaderSize = 1024 * 1024;
// Cargo.toml is kept in memory for the life of the archive; web-sys' is about 100 KiB.
constexpr qint64 MaxManifestSize = 16 * 1024 * 1024;

QString sizeText(qint64 bytes)
{
    constexpr qint64 KiB = 1024;
    constexpr qint64 MiB = 1024 * KiB;
    if (bytes >= MiB && bytes % MiB == 0)
        return u"%1 MiB"_s.arg(bytes / MiB);
    if (bytes >= MiB)
        return u"%1 MiB"_s.arg(double(bytes) / MiB, 0, 'f', 1);
    if (bytes >= KiB)
        return u"%1 KiB"_s.arg(double(bytes) / KiB, 0, 'f', 1);
    return u"%1 bytes"_s.arg(bytes);
}

// Entry names come from the archive: keep control characters out of messages and logs.
QString quoted(const QString &text)
{
    QString out = u"\""_s;
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            out += u"\\x%1"_s.arg(uint(c.unicode()), 2, 16, QChar(u'0'));
        else if (c == u'"' || c == u'\\')
            out += u'\\' + c;
        else
            out += c;
    }
    return out + u'"';
}

// Streams the tar out of the gzip'd bytes and counts every byte against a budget, so a bomb
// is stopped after at most `budget` bytes of work and never needs memory or disk.
class GzipReader
{
public:
    enum class Status { Ok, End, Corrupt, Truncated, OverBudget };

    GzipReader(const QByteArray &crate, qint64 budget)
        : m_device(&m_buffer, false, KCompressionDevice::GZip)
        , m_budget(budget)
    {
        m_buffer.setData(crate);
    }

    bool open() { return m_device.open(QIODevice::ReadOnly); }
    qint64 position() const { return m_position; }

    // Reads exactly `size` bytes unless the stream stops; *got says how many arrived.
    Status read(char *data, qint64 size, qint64 *got)
    {
        *got = 0;
        while (*got < size) {
            if (m_position >= m_budget) {
                // One byte more decides whether the stream really goes on past the budget.
                char probe;
                const qint64 n = m_device.read(&probe, 1);
                if (n > 0)
                    return Status::OverBudget;
                return n < 0 ? Status::Corrupt : endStatus();
            }
            const qint64 n = m_device.read(data + *got, std::min(size - *got, m_budget - m_position));
            if (n < 0)
                return Status::Corrupt;
            if (n == 0)
                return endStatus();
            *got += n;
            m_position += n;
        }
        return Status::Ok;
    }

    Status skip(qint64 size)
    {
        QByteArray scratch(int(std::min(size, ChunkSize)), Qt::Uninitialized);
        while (size > 0) {
            qint64 got = 0;
            const Status status = read(scratch.data(), std::min(size, ChunkSize), &got);
            if (status != Status::Ok)
                return status;
            size -= got;
        }
        return Status::Ok;
    }

private:
    // KCompressionDevice returns 0 at the real end, when the input runs out inside the
    // deflate stream, and once for bad data (-1 comes on the next call). Another read and
    // atEnd() tell them apart.
    Status endStatus()
    {
        char probe;
        const qint64 n = m_device.read(&probe, 1);
        if (n < 0)
            return Status::Corrupt;
        if (n > 0) // cannot happen after a 0, but never lose a byte silently
            return Status::Corrupt;
        return m_device.atEnd() ? Status::End : Status::Truncated;
    }

    QBuffer m_buffer;
    KCompressionDevice m_device;
    qint64 m_budget;
    qint64 m_position = 0;
};

bool isZeroBlock(const char *block)
{
    return std::all_of(block, block + BlockSize, [](char c) { return c == 0; });
}

// Tar numbers: octal ASCII ended by NUL or space, or GNU's base-256 for large values.
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

bool isPosixUstar(const char *block) { return memcmp(block + 257, "ustar\0" "00", 8) == 0; }
bool isGnuTar(const char *block) { return memcmp(block + 257, "ustar  \0", 8) == 0; }

// The version part of NAME-VERSION: SemVer 2.0, build metadata allowed.
bool isSemVer(QStringView text)
{
    const auto isIdentifierChar = [](QChar c) {
        return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'-';
    };
    const auto isNumber = [](QStringView s) {
        return !s.isEmpty() && std::all_of(s.begin(), s.end(), [](QChar c) { return c >= u'0' && c <= u'9'; })
            && (s.size() == 1 || s.front() != u'0');
    };
    const auto identifiersOk = [&](QStringView s, bool numericNoLeadingZero) {
        for (const QStringView part : s.split(u'.')) {
            if (part.isEmpty() || !std::all_of(part.begin(), part.end(), isIdentifierChar))
                return false;
            const bool numeric = std::all_of(part.begin(), part.end(), [](QChar c) { return c.isDigit(); });
            if (numericNoLeadingZero && numeric && !isNumber(part))
                return false;
        }
        return true;
    };
    QStringView core = text;
    const qsizetype plus = core.indexOf(u'+');
    if (plus >= 0) {
        if (!identifiersOk(core.mid(plus + 1), false))
            return false;
        core = core.left(plus);
    }
    const qsizetype dash = core.indexOf(u'-');
    if (dash >= 0) {
        if (!identifiersOk(core.mid(dash + 1), true))
            return false;
        core = core.left(dash);
    }
    const auto numbers = core.split(u'.');
    return numbers.size() == 3 && std::all_of(numbers.begin(), numbers.end(), isNumber);
}

// Package names have no '.', so the version starts after the last '-' before the first '.'.
std::optional<std::pair<QString, QString>> splitTopDirectory(const QString &top)
{
    const qsizetype dot = top.indexOf(u'.');
    if (dot < 0)
        return std::nullopt;
    const qsizetype dash = top.lastIndexOf(u'-', dot);
    if (dash <= 0)
        return std::nullopt;
    const QString name = top.left(dash);
    const QString version = top.mid(dash + 1);
    const bool nameOk = std::all_of(name.begin(), name.end(), [](QChar c) {
        return c.isLetterOrNumber() || c == u'-' || c == u'_';
    });
    if (!nameOk || !isSemVer(version))
        return std::nullopt;
    return std::pair{name, version};
}

struct PaxRecords
{
    std::optional<QByteArray> path;
    std::optional<QByteArray> linkPath;
    std::optional<qint64> size;
};

// "LEN key=value\n" records, LEN counting the whole record.
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

qint64 padded(qint64 size)
{
    return (size + BlockSize - 1) / BlockSize * BlockSize;
}

} // namespace

CrateArchive::Result CrateArchive::open(const QString &path)
{
    return open(path, Limits());
}

CrateArchive::Result CrateArchive::fromBytes(const QByteArray &crate, const QString &displayName)
{
    return fromBytes(crate, Limits(), displayName);
}

CrateArchive::Result CrateArchive::open(const QString &path, const Limits &limits)
{
    const QString displayName = QFileInfo(path).fileName();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {std::nullopt, {ErrorKind::Io, u"%1: cannot open: %2"_s.arg(displayName, file.errorString())}};
    if (file.size() > limits.maxCrateSize) {
        return {std::nullopt,
                {ErrorKind::LimitExceeded,
                 u"%1: the file is %2, more than the %3 a .crate may have"_s.arg(displayName, sizeText(file.size()),
                                                                                  sizeText(limits.maxCrateSize))}};
    }
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return {std::nullopt, {ErrorKind::Io, u"%1: cannot read: %2"_s.arg(displayName, file.errorString())}};
    return scan(bytes, limits, displayName);
}

CrateArchive::Result CrateArchive::fromBytes(const QByteArray &crate, const Limits &limits, const QString &displayName)
{
    if (crate.size() > limits.maxCrateSize) {
        const QString prefix = displayName.isEmpty() ? QString() : displayName + u": "_s;
        return {std::nullopt,
                {ErrorKind::LimitExceeded,
                 prefix + u"the .crate is %1, more than the %2 allowed"_s.arg(sizeText(crate.size()),
                                                                               sizeText(limits.maxCrateSize))}};
    }
    return scan(crate, limits, displayName);
}

CrateArchive::Result CrateArchive::scan(const QByteArray &crate, const Limits &limits, const QString &displayName)
{
    const QString prefix = displayName.isEmpty() ? QString() : displayName + u": "_s;
    const auto fail = [&](ErrorKind kind, const QString &message) {
        return Result{std::nullopt, {kind, prefix + message}};
    };

    // KCompressionDevice passes data that is not gzip through unchanged, so check first.
    if (crate.isEmpty())
        return fail(ErrorKind::NotGzip, u"the file is empty, not a gzip'd tar"_s);
    if (!crate.startsWith("\x1f\x8b")) {
        return fail(ErrorKind::NotGzip,
                    u"not a gzip file (it starts with %1, gzip with 1f 8b)"_s.arg(QString::fromLatin1(crate.left(4).toHex(' '))));
    }
    if (crate.size() < 3 || crate.at(2) != 8)
        return fail(crate.size() < 3 ? ErrorKind::TruncatedGzip : ErrorKind::NotGzip, u"not a deflate-compressed gzip file"_s);
    // Header (10) + empty deflate block (2) + trailer (8): anything shorter is cut off.
    if (crate.size() < 20)
        return fail(ErrorKind::TruncatedGzip, u"the gzip data ends early (%1 bytes)"_s.arg(crate.size()));

    // The ratio limit lowers the budget for small files that claim to unpack to a lot.
    qint64 budget = limits.maxUnpackedSize;
    bool ratioBound = false;
    if (limits.maxCompressionRatio > 0) {
        const qint64 byRatio = std::max(limits.ratioFreeSize, qint64(crate.size()) * limits.maxCompressionRatio);
        if (byRatio < budget) {
            budget = byRatio;
            ratioBound = true;
        }
    }
    const QString overBudget = ratioBound
        ? u"unpacks to more than %1, over %2 times its compressed size of %3 (a decompression bomb?)"_s.arg(
              sizeText(budget)).arg(limits.maxCompressionRatio).arg(sizeText(crate.size()))
        : u"unpacks to more than %1"_s.arg(sizeText(budget));
    GzipReader reader(crate, budget);
    if (!reader.open())
        return fail(ErrorKind::CorruptGzip, u"cannot start decompressing"_s);

    const auto streamError = [&](GzipReader::Status status, const QString &where) {
        switch (status) {
        case GzipReader::Status::Corrupt:
            return fail(ErrorKind::CorruptGzip, u"the gzip data is corrupt (%1)"_s.arg(where));
        case GzipReader::Status::Truncated:
            return fail(ErrorKind::TruncatedGzip, u"the gzip data ends early (%1); the file is truncated"_s.arg(where));
        case GzipReader::Status::OverBudget:
            return fail(ErrorKind::LimitExceeded, u"%1 (while reading %2)"_s.arg(overBudget, where));
        case GzipReader::Status::End:
            return fail(ErrorKind::TruncatedTar, u"the tar archive ends early, inside %1"_s.arg(where));
        case GzipReader::Status::Ok:
            break;
        }
        return fail(ErrorKind::CorruptTar, where);
    };

    CrateArchive archive;
    archive.m_crate = crate;
    QList<std::pair<File, qint64>> files;
    QHash<QString, QString> seenFiles; // case-folded relative path -> as written
    QHash<QString, QString> seenFolders;
    std::optional<QByteArray> longName;
    std::optional<QByteArray> longLink;
    std::optional<PaxRecords> pax;
    int entries = 0;
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);

    // Registers a path (and the folders it implies), refusing case-twins and file/folder clashes.
    const auto claim = [&](const QString &relative, bool isFolder) -> std::optional<Result> {
        const QString top = archive.m_topDirectory + u'/';
        QStringList parts = relative.split(u'/');
        if (!isFolder)
            parts.removeLast();
        QString folder;
        for (const QString &part : std::as_const(parts)) {
            folder = folder.isEmpty() ? part : folder + u'/' + part;
            const QString folded = folder.toCaseFolded();
            if (const auto it = seenFiles.constFind(folded); it != seenFiles.cend())
                return fail(ErrorKind::DuplicatePath, u"%1 is both a file and a folder"_s.arg(quoted(top + folder)));
            const auto it = seenFolders.constFind(folded);
            if (it != seenFolders.cend() && *it != folder) {
                return fail(ErrorKind::DuplicatePath,
                            u"folders %1 and %2 differ only in case"_s.arg(quoted(top + *it), quoted(top + folder)));
            }
            seenFolders.insert(folded, folder);
        }
        if (isFolder)
            return std::nullopt;
        const QString folded = relative.toCaseFolded();
        if (seenFolders.contains(folded))
            return fail(ErrorKind::DuplicatePath, u"%1 is both a file and a folder"_s.arg(quoted(top + relative)));
        if (const auto it = seenFiles.constFind(folded); it != seenFiles.cend()) {
            if (*it == relative)
                return fail(ErrorKind::DuplicatePath, u"entry %1 appears twice"_s.arg(quoted(top + relative)));
            return fail(ErrorKind::DuplicatePath,
                        u"entries %1 and %2 differ only in case"_s.arg(quoted(top + *it), quoted(top + relative)));
        }
        seenFiles.insert(folded, relative);
        return std::nullopt;
    };

    char header[BlockSize];
    for (;;) {
        const qint64 headerOffset = reader.position();
        qint64 got = 0;
        const GzipReader::Status status = reader.read(header, BlockSize, &got);
        // Like the tar crate cargo and crates.io use, a stream that stops cleanly between
        // entries is finished even without the end-of-archive blocks.
        if (status == GzipReader::Status::End && got == 0 && headerOffset > 0)
            break;
        if (status != GzipReader::Status::Ok)
            return streamError(status, u"tar header at offset %1"_s.arg(headerOffset));
        if (isZeroBlock(header))
            break;
        if (!isPosixUstar(header) && !isGnuTar(header)) {
            // The tar crate reads pre-POSIX headers too, but cargo never writes them and they
            // have no room for the long paths real crates need.
            if (headerOffset == 0 && checksumMatches(header))
                return fail(ErrorKind::CorruptTar, u"a pre-POSIX (v7) tar archive; cargo writes GNU or POSIX ustar headers"_s);
            return fail(ErrorKind::CorruptTar, headerOffset == 0 ? u"the gzip data is not a tar archive"_s
                                                                 : u"no tar header at offset %1"_s.arg(headerOffset));
        }
        if (!checksumMatches(header))
            return fail(ErrorKind::CorruptTar, u"the tar header at offset %1 has a bad checksum"_s.arg(headerOffset));
        std::optional<qint64> size = parseNumber(header + 124, 12);
        if (!size)
            return fail(ErrorKind::CorruptTar, u"the tar header at offset %1 has a bad size field"_s.arg(headerOffset));
        const char type = header[156];

        // Extension headers describe the next entry.
        if (type == 'L' || type == 'K' || type == 'x' || type == 'g') {
            const qint64 cap = (type == 'L' || type == 'K') ? MaxPathBytes + 1 : MaxPaxHeaderSize;
            if (*size > cap && (type == 'L' || type == 'K')) {
                return fail(ErrorKind::UnsafePath,
                            u"the long name at offset %1 is longer than %2 bytes"_s.arg(headerOffset).arg(MaxPathBytes));
            }
            if (*size > cap) {
                return fail(ErrorKind::LimitExceeded, u"the pax header at offset %1 is %2, more than the %3 allowed"_s.arg(headerOffset)
                                                          .arg(sizeText(*size), sizeText(cap)));
            }
            QByteArray data(*size, Qt::Uninitialized);
            const GzipReader::Status dataStatus = reader.read(data.data(), *size, &got);
            if (dataStatus != GzipReader::Status::Ok)
                return streamError(dataStatus, u"tar extension header at offset %1"_s.arg(headerOffset));
            if (const auto padStatus = reader.skip(padded(*size) - *size); padStatus != GzipReader::Status::Ok)
                return streamError(padStatus, u"tar extension header at offset %1"_s.arg(headerOffset));
            if (type == 'L' || type == 'K') {
                // GNU tar ends the name at the first NUL, the tar crate cargo uses only drops
                // a final one: a NUL inside would give the two different paths.
                while (data.endsWith('\0'))
                    data.chop(1);
                if (data.contains('\0')) {
                    return fail(ErrorKind::UnsafePath, u"the long %1 at offset %2 contains a NUL byte: %3"_s.arg(
                                                           type == 'L' ? u"name"_s : u"link name"_s).arg(headerOffset)
                                                           .arg(quoted(QString::fromUtf8(data))));
                }
                (type == 'L' ? longName : longLink) = data;
                continue;
            }
            const auto records = parsePax(data);
            if (!records)
                return fail(ErrorKind::CorruptTar, u"the pax header at offset %1 is malformed"_s.arg(headerOffset));
            for (const auto &value : {records->path, records->linkPath}) {
                if (value && value->contains('\0')) {
                    return fail(ErrorKind::UnsafePath, u"the pax header at offset %1 gives a path with a NUL byte: %2"_s.arg(headerOffset)
                                                           .arg(quoted(QString::fromUtf8(*value))));
                }
            }
            if (type == 'x') {
                pax = records;
            } else if (records->path || records->linkPath || records->size) {
                // A global header would rename or resize every later entry for some readers
                // and for none in others (the tar crate ignores it); cargo never writes one.
                // git archive's, which holds only a comment, is harmless and passes.
                return fail(ErrorKind::UnsupportedEntry,
                            u"the pax global header at offset %1 sets a path or size for every entry"_s.arg(headerOffset));
            }
            continue;
        }

        QByteArray rawName;
        if (longName) {
            rawName = *longName;
        } else if (pax && pax->path) {
            rawName = *pax->path;
        } else {
            rawName = cString(header, 100);
            const QByteArray ustarPrefix = isPosixUstar(header) ? cString(header + 345, 155) : QByteArray();
            if (!ustarPrefix.isEmpty())
                rawName = ustarPrefix + '/' + rawName;
        }
        QByteArray rawLink = longLink ? *longLink : (pax && pax->linkPath) ? *pax->linkPath : cString(header + 157, 100);
        if (pax && pax->size)
            size = pax->size;
        longName.reset();
        longLink.reset();
        pax.reset();

        if (++entries > limits.maxEntries)
            return fail(ErrorKind::LimitExceeded, u"holds more than %1 entries"_s.arg(limits.maxEntries));

        const QString name = utf8.decode(rawName);
        if (utf8.hasError())
            return fail(ErrorKind::UnsafePath, u"entry %1 is not valid UTF-8"_s.arg(quoted(name)));
        if (rawName.size() > MaxPathBytes)
            return fail(ErrorKind::UnsafePath,
                        u"entry %1 has a path longer than %2 bytes"_s.arg(quoted(name.left(100) + u"…"_s)).arg(MaxPathBytes));
        if (name.isEmpty())
            return fail(ErrorKind::UnsafePath, u"the entry at offset %1 has an empty path"_s.arg(headerOffset));
        if (name.startsWith(u'/'))
            return fail(ErrorKind::UnsafePath, u"entry %1 has an absolute path"_s.arg(quoted(name)));
        if (name.contains(u'\\'))
            return fail(ErrorKind::UnsafePath,
                        u"entry %1 contains a backslash, a folder separator on Windows"_s.arg(quoted(name)));

        const bool isFolder = type == '5';
        QStringList parts = name.split(u'/');
        if (isFolder && parts.size() > 1 && parts.last().isEmpty())
            parts.removeLast();
        for (const QString &part : std::as_const(parts)) {
            if (part == u".."_s)
                return fail(ErrorKind::UnsafePath, u"entry %1 leaves the package folder"_s.arg(quoted(name)));
            if (part.isEmpty() || part == u"."_s)
                return fail(ErrorKind::UnsafePath, u"entry %1 is not a normalized path"_s.arg(quoted(name)));
        }

        if (archive.m_topDirectory.isEmpty()) {
            if (parts.size() < 2 && !isFolder)
                return fail(ErrorKind::OutsideTopDirectory,
                            u"entry %1 is not inside a NAME-VERSION folder"_s.arg(quoted(name)));
            const auto split = splitTopDirectory(parts.first());
            if (!split)
                return fail(ErrorKind::BadTopDirectory,
                            u"the package folder %1 is not NAME-VERSION"_s.arg(quoted(parts.first())));
            archive.m_topDirectory = parts.first();
            archive.m_name = split->first;
            archive.m_version = split->second;
        } else if (parts.first() != archive.m_topDirectory || (parts.size() < 2 && !isFolder)) {
            return fail(ErrorKind::OutsideTopDirectory,
                        u"entry %1 is outside the package folder %2"_s.arg(quoted(name), quoted(archive.m_topDirectory + u'/')));
        }

        // Cargo writes only regular files; crates.io refuses links, and anything else has no
        // meaning in a source package.
        const auto refuse = [&](const QString &what) {
            return fail(ErrorKind::UnsupportedEntry, u"entry %1 is %2; a .crate holds only regular files"_s.arg(quoted(name), what));
        };
        const QString link = quoted(QString::fromUtf8(rawLink));
        switch (type) {
        case '0':
        case '\0':
        case '7':
        case '5':
            break;
        case '1':
            return refuse(u"a hard link to %1"_s.arg(link));
        case '2':
            return refuse(u"a symbolic link to %1"_s.arg(link));
        case '3':
        case '4':
            return refuse(u"a device"_s);
        case '6':
            return refuse(u"a FIFO"_s);
        default:
            return refuse(u"of the unsupported tar type %1"_s.arg(quoted(QString(QLatin1Char(type)))));
        }

        parts.removeFirst();
        const QString relative = parts.join(u'/');
        if (isFolder) {
            if (!relative.isEmpty()) {
                if (auto error = claim(relative, true))
                    return *error;
            }
        } else if (auto error = claim(relative, false)) {
            return *error;
        }
        // Folders too: the data of any entry is skipped, and padded() must not overflow.
        if (*size > limits.maxFileSize) {
            return fail(ErrorKind::LimitExceeded, u"entry %1 is %2, more than the %3 allowed for one file"_s.arg(
                                                      quoted(name), sizeText(*size), sizeText(limits.maxFileSize)));
        }
        // Known before decompressing anything, so a bomb is refused without doing the work.
        if (reader.position() + padded(*size) > budget)
            return fail(ErrorKind::LimitExceeded, u"%1 (at entry %2)"_s.arg(overBudget, quoted(name)));

        const QString where = u"entry %1"_s.arg(quoted(name));
        const qint64 dataOffset = reader.position();
        if (!isFolder && relative == u"Cargo.toml"_s) {
            if (*size > MaxManifestSize)
                return fail(ErrorKind::LimitExceeded, u"%1 is %2, more than the %3 allowed for a manifest"_s.arg(
                                                          quoted(name), sizeText(*size), sizeText(MaxManifestSize)));
            archive.m_manifest = QByteArray(*size, Qt::Uninitialized);
            if (const auto s = reader.read(archive.m_manifest.data(), *size, &got); s != GzipReader::Status::Ok)
                return streamError(s, where);
            if (const auto s = reader.skip(padded(*size) - *size); s != GzipReader::Status::Ok)
                return streamError(s, where);
        } else if (const auto s = reader.skip(padded(*size)); s != GzipReader::Status::Ok) {
            return streamError(s, where);
        }
        if (!isFolder) {
            const auto mode = parseNumber(header + 100, 8).value_or(0644);
            files.append({File{relative, *size, (mode & 0111) != 0}, dataOffset});
        }
    }

    // Read to the end so that gzip's own checksum and length are verified too. Cargo, crates.io
    // and GNU tar stop at the first zero block and never look further, so anything but the
    // zeros tar writers pad with is hidden from them: a second, concatenated tar archive, or
    // data that other tools might still unpack. Cargo never writes it, so it is refused.
    const qint64 endOffset = reader.position() - BlockSize;
    for (;;) {
        char scratch[BlockSize];
        qint64 got = 0;
        const qint64 offset = reader.position();
        const GzipReader::Status status = reader.read(scratch, BlockSize, &got);
        if (!std::all_of(scratch, scratch + got, [](char c) { return c == 0; })) {
            return fail(ErrorKind::CorruptTar, u"there is data after the end of the tar archive (at offset %1, the end is at %2), "
                                               u"which cargo would never read"_s.arg(offset).arg(endOffset));
        }
        if (status == GzipReader::Status::End)
            break;
        if (status != GzipReader::Status::Ok)
            return streamError(status, u"after the end of the tar archive"_s);
    }
    // Cargo writes one gzip member, and cargo and crates.io (flate2's GzDecoder) read only the
    // first; KCompressionDevice reads them all. The last member's length field then disagrees
    // with the total, unless the members before it are empty, which leaves cargo an empty
    // tar that it refuses on its own.
    const quint32 trailerSize = qFromLittleEndian<quint32>(crate.constData() + crate.size() - 4);
    if (trailerSize != quint32(reader.position())) {
        return fail(ErrorKind::CorruptGzip, u"the gzip data unpacks to %1 bytes but its trailer says %2: it holds several gzip "
                                            u"members (cargo writes one and reads only the first) or a wrong length"_s
                                                .arg(reader.position()).arg(trailerSize));
    }

    if (archive.m_topDirectory.isEmpty())
        return fail(ErrorKind::MissingManifest, u"the archive holds no files"_s);
    if (!seenFiles.contains(u"cargo.toml"_s) || seenFiles.value(u"cargo.toml"_s) != u"Cargo.toml"_s) {
        QString message = u"%1 is missing"_s.arg(quoted(archive.m_topDirectory + u"/Cargo.toml"_s));
        if (seenFiles.contains(u"cargo.toml"_s))
            message += u" (there is %1, which has the wrong case)"_s.arg(
                quoted(archive.m_topDirectory + u'/' + seenFiles.value(u"cargo.toml"_s)));
        return fail(ErrorKind::MissingManifest, message);
    }

    std::sort(files.begin(), files.end(), [](const auto &a, const auto &b) { return a.first.path < b.first.path; });
    archive.m_files.reserve(files.size());
    archive.m_dataOffsets.reserve(files.size());
    for (const auto &[file, offset] : std::as_const(files)) {
        archive.m_files.append(file);
        archive.m_dataOffsets.append(offset);
    }
    return {std::move(archive), {}};
}

qsizetype CrateArchive::indexOf(const QString &path) const
{
    const auto it = std::lower_bound(m_files.cbegin(), m_files.cend(), path,
                                     [](const File &file, const QString &p) { return file.path < p; });
    return (it != m_files.cend() && it->path == path) ? it - m_files.cbegin() : -1;
}

std::optional<CrateArchive::File> CrateArchive::file(const QString &path) const
{
    const qsizetype index = indexOf(path);
    if (index < 0)
        return std::nullopt;
    return m_files.at(index);
}

std::optional<QByteArray> CrateArchive::fileData(const QString &path, qint64 maxBytes) const
{
    const qsizetype index = indexOf(path);
    if (index < 0)
        return std::nullopt;
    const File &entry = m_files.at(index);
    if (path == u"Cargo.toml"_s)
        return m_manifest.left(std::max<qint64>(0, maxBytes));
    const qint64 length = std::clamp<qint64>(maxBytes, 0, entry.size);
    // The bytes were fully checked by scan(), so the stream cannot fail here short of memory.
    GzipReader reader(m_crate, std::numeric_limits<qint64>::max());
    if (!reader.open() || reader.skip(m_dataOffsets.at(index)) != GzipReader::Status::Ok)
        return std::nullopt;
    QByteArray data(length, Qt::Uninitialized);
    qint64 got = 0;
    if (reader.read(data.data(), length, &got) != GzipReader::Status::Ok)
        return std::nullopt;
    return data;
}
