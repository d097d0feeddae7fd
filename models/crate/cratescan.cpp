// SPDX-License-Identifier: GPL-3.0-or-later
#include "cratescan.h"

#include "cargotypes/semver.h"

#include <QtEndian>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;
using namespace TarFormat;
using CrateText::quoted;
using CrateText::sizeText;
using ErrorKind = CrateArchive::ErrorKind;

namespace {

// PATH_MAX on Linux; cargo never writes anything near it.
constexpr qint64 MaxPathBytes = 4096;
constexpr qint64 MaxPaxHeaderSize = 1024 * 1024;
// Cargo.toml is kept in memory for the life of the archive; web-sys' is about 100 KiB.
constexpr qint64 MaxManifestSize = 16 * 1024 * 1024;

CrateArchive::Error problem(ErrorKind kind, const QString &message)
{
    return {kind, message};
}

bool isExtension(char type)
{
    return type == 'L' || type == 'K' || type == 'x' || type == 'g';
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
    if (!nameOk || !SemVer::parse(version))
        return std::nullopt;
    return std::pair{name, version};
}

} // namespace

namespace CrateText {

QString sizeText(qint64 bytes)
{
    constexpr qint64 KiB = 1024;
    constexpr qint64 MiB = 1024 * KiB;
    if (bytes >= MiB && bytes % MiB == 0)
        return QCoreApplication::translate("CrateScan", "%1 MiB").arg(bytes / MiB);
    if (bytes >= MiB)
        return QCoreApplication::translate("CrateScan", "%1 MiB").arg(double(bytes) / MiB, 0, 'f', 1);
    if (bytes >= KiB)
        return QCoreApplication::translate("CrateScan", "%1 KiB").arg(double(bytes) / KiB, 0, 'f', 1);
    return QCoreApplication::translate("CrateScan", "%1 bytes").arg(bytes);
}

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

} // namespace CrateText

CrateScan::CrateScan(const QByteArray &crate, const CrateArchive::Limits &limits)
    : m_crate(crate)
    , m_limits(limits)
{
}

CrateArchive::Result CrateScan::run(const QString &displayName)
{
    if (const Problem found = scan()) {
        const QString message = displayName.isEmpty() ? found->message
                                                      : tr("%1: %2", "crate file: problem").arg(displayName, found->message);
        return {std::nullopt, {found->kind, message}};
    }
    return {finish(), {}};
}

CrateScan::Problem CrateScan::scan()
{
    if (Problem found = checkGzipHeader())
        return found;
    setBudget();
    if (!m_reader->open())
        return problem(ErrorKind::CorruptGzip, tr("cannot start decompressing"));
    if (Problem found = readEntries())
        return found;
    if (Problem found = checkNothingAfterEnd())
        return found;
    if (Problem found = checkGzipTrailer())
        return found;
    return checkManifestPresent();
}

CrateScan::Problem CrateScan::checkGzipHeader() const
{
    // KCompressionDevice passes data that is not gzip through unchanged, so check first.
    if (m_crate.isEmpty())
        return problem(ErrorKind::NotGzip, tr("the file is empty, not a gzip'd tar"));
    if (!m_crate.startsWith("\x1f\x8b")) {
        return problem(ErrorKind::NotGzip, tr("not a gzip file (it starts with %1, gzip with 1f 8b)").arg(
                                               QString::fromLatin1(m_crate.left(4).toHex(' '))));
    }
    if (m_crate.size() < 3 || m_crate.at(2) != 8)
        return problem(m_crate.size() < 3 ? ErrorKind::TruncatedGzip : ErrorKind::NotGzip,
                       tr("not a deflate-compressed gzip file"));
    // Header (10) + empty deflate block (2) + trailer (8): anything shorter is cut off.
    if (m_crate.size() < 20)
        return problem(ErrorKind::TruncatedGzip, tr("the gzip data ends early (%1 bytes)").arg(m_crate.size()));
    return std::nullopt;
}

// The ratio limit lowers the budget for small files that claim to unpack to a lot.
void CrateScan::setBudget()
{
    m_budget = m_limits.maxUnpackedSize;
    m_ratioBound = false;
    if (m_limits.maxCompressionRatio > 0) {
        const qint64 byRatio = std::max(m_limits.ratioFreeSize, qint64(m_crate.size()) * m_limits.maxCompressionRatio);
        if (byRatio < m_budget) {
            m_budget = byRatio;
            m_ratioBound = true;
        }
    }
    m_reader.emplace(m_crate, m_budget);
}

CrateScan::Problem CrateScan::streamError(GzipReader::Status status, const Where &where) const
{
    switch (status) {
    case GzipReader::Status::Corrupt:
        return problem(ErrorKind::CorruptGzip, streamMessage(status, where));
    case GzipReader::Status::Truncated:
        return problem(ErrorKind::TruncatedGzip, streamMessage(status, where));
    case GzipReader::Status::OverBudget:
        return problem(ErrorKind::LimitExceeded, streamMessage(status, where));
    case GzipReader::Status::End:
        return problem(ErrorKind::TruncatedTar, streamMessage(status, where));
    case GzipReader::Status::Ok:
        break;
    }
    // Not an error; never reached, but never reported as success either.
    return problem(ErrorKind::CorruptTar, streamMessage(GzipReader::Status::Corrupt, where));
}

// One whole sentence for each way the stream can stop and each place it can stop in.
QString CrateScan::streamMessage(GzipReader::Status status, const Where &where) const
{
    switch (status) {
    case GzipReader::Status::Ok:
    case GzipReader::Status::Corrupt:
        return corruptMessage(where);
    case GzipReader::Status::Truncated:
        return truncatedMessage(where);
    case GzipReader::Status::End:
        return endedMessage(where);
    case GzipReader::Status::OverBudget:
        return m_ratioBound ? overRatioMessage(where) : overBudgetMessage(where);
    }
    return {};
}

QString CrateScan::corruptMessage(const Where &where)
{
    switch (where.place) {
    case Where::Place::TarHeader:
        return tr("the gzip data is corrupt (tar header at offset %1)").arg(where.offset);
    case Where::Place::ExtensionHeader:
        return tr("the gzip data is corrupt (tar extension header at offset %1)").arg(where.offset);
    case Where::Place::Entry:
        return tr("the gzip data is corrupt (entry %1)").arg(quoted(where.entry));
    case Where::Place::AfterEnd:
        break;
    }
    return tr("the gzip data is corrupt (after the end of the tar archive)");
}

QString CrateScan::truncatedMessage(const Where &where)
{
    switch (where.place) {
    case Where::Place::TarHeader:
        return tr("the gzip data ends early (tar header at offset %1); the file is truncated").arg(where.offset);
    case Where::Place::ExtensionHeader:
        return tr("the gzip data ends early (tar extension header at offset %1); the file is truncated").arg(where.offset);
    case Where::Place::Entry:
        return tr("the gzip data ends early (entry %1); the file is truncated").arg(quoted(where.entry));
    case Where::Place::AfterEnd:
        break;
    }
    return tr("the gzip data ends early (after the end of the tar archive); the file is truncated");
}

QString CrateScan::endedMessage(const Where &where)
{
    switch (where.place) {
    case Where::Place::TarHeader:
        return tr("the tar archive ends early, inside tar header at offset %1").arg(where.offset);
    case Where::Place::ExtensionHeader:
        return tr("the tar archive ends early, inside tar extension header at offset %1").arg(where.offset);
    case Where::Place::Entry:
        return tr("the tar archive ends early, inside entry %1").arg(quoted(where.entry));
    case Where::Place::AfterEnd:
        break;
    }
    return tr("the tar archive ends early");
}

QString CrateScan::overBudgetMessage(const Where &where) const
{
    const QString budget = sizeText(m_budget);
    const QString offset = QString::number(where.offset);
    switch (where.place) {
    case Where::Place::TarHeader:
        return tr("unpacks to more than %1 (while reading tar header at offset %2)").arg(budget, offset);
    case Where::Place::ExtensionHeader:
        return tr("unpacks to more than %1 (while reading tar extension header at offset %2)").arg(budget, offset);
    case Where::Place::Entry:
        return tr("unpacks to more than %1 (while reading entry %2)").arg(budget, quoted(where.entry));
    case Where::Place::AfterEnd:
        break;
    }
    return tr("unpacks to more than %1 (while reading after the end of the tar archive)").arg(budget);
}

QString CrateScan::overRatioMessage(const Where &where) const
{
    const QString budget = sizeText(m_budget);
    const QString ratio = QString::number(m_limits.maxCompressionRatio);
    const QString compressed = sizeText(m_crate.size());
    const QString offset = QString::number(where.offset);
    switch (where.place) {
    case Where::Place::TarHeader:
        return tr("unpacks to more than %1, over %2 times its compressed size of %3 (a decompression bomb?) "
                  "(while reading tar header at offset %4)").arg(budget, ratio, compressed, offset);
    case Where::Place::ExtensionHeader:
        return tr("unpacks to more than %1, over %2 times its compressed size of %3 (a decompression bomb?) "
                  "(while reading tar extension header at offset %4)").arg(budget, ratio, compressed, offset);
    case Where::Place::Entry:
        return tr("unpacks to more than %1, over %2 times its compressed size of %3 (a decompression bomb?) "
                  "(while reading entry %4)").arg(budget, ratio, compressed, quoted(where.entry));
    case Where::Place::AfterEnd:
        break;
    }
    return tr("unpacks to more than %1, over %2 times its compressed size of %3 (a decompression bomb?) "
              "(while reading after the end of the tar archive)").arg(budget, ratio, compressed);
}

CrateScan::Problem CrateScan::readEntries()
{
    char header[BlockSize];
    for (;;) {
        const qint64 offset = m_reader->position();
        bool end = false;
        if (Problem found = readHeader(header, offset, &end))
            return found;
        if (end)
            return std::nullopt;
        const std::optional<qint64> size = parseNumber(header + 124, 12);
        if (!size)
            return problem(ErrorKind::CorruptTar, tr("the tar header at offset %1 has a bad size field").arg(offset));
        const char type = header[156];
        if (isExtension(type)) {
            if (Problem found = readExtension(type, *size, offset))
                return found;
            continue;
        }
        Entry entry = takeEntry(header, type, *size, offset);
        if (Problem found = checkEntry(entry))
            return found;
        if (Problem found = readEntryData(entry))
            return found;
    }
}

CrateScan::Problem CrateScan::readHeader(char *header, qint64 offset, bool *end)
{
    qint64 got = 0;
    const GzipReader::Status status = m_reader->read(header, BlockSize, &got);
    // Like the tar crate cargo and crates.io use, a stream that stops cleanly between
    // entries is finished even without the end-of-archive blocks.
    if (status == GzipReader::Status::End && got == 0 && offset > 0) {
        *end = true;
        return std::nullopt;
    }
    if (status != GzipReader::Status::Ok)
        return streamError(status, {Where::Place::TarHeader, offset, {}});
    if (isZeroBlock(header)) {
        *end = true;
        return std::nullopt;
    }
    if (!isPosixUstar(header) && !isGnuTar(header)) {
        // The tar crate reads pre-POSIX headers too, but cargo never writes them and they
        // have no room for the long paths real crates need.
        if (offset == 0 && checksumMatches(header))
            return problem(ErrorKind::CorruptTar, tr("a pre-POSIX (v7) tar archive; cargo writes GNU or POSIX ustar headers"));
        return problem(ErrorKind::CorruptTar, offset == 0 ? tr("the gzip data is not a tar archive")
                                                          : tr("no tar header at offset %1").arg(offset));
    }
    if (!checksumMatches(header))
        return problem(ErrorKind::CorruptTar, tr("the tar header at offset %1 has a bad checksum").arg(offset));
    return std::nullopt;
}

// GNU long names (L, K) and pax headers (x, g) describe the entry that follows.
CrateScan::Problem CrateScan::readExtension(char type, qint64 size, qint64 offset)
{
    const bool longName = type == 'L' || type == 'K';
    const qint64 cap = longName ? MaxPathBytes + 1 : MaxPaxHeaderSize;
    if (size > cap && longName)
        return problem(ErrorKind::UnsafePath, tr("the long name at offset %1 is longer than %2 bytes").arg(offset).arg(MaxPathBytes));
    if (size > cap) {
        return problem(ErrorKind::LimitExceeded, tr("the pax header at offset %1 is %2, more than the %3 allowed")
                                                     .arg(QString::number(offset), sizeText(size), sizeText(cap)));
    }
    QByteArray data(size, Qt::Uninitialized);
    qint64 got = 0;
    const Where where{Where::Place::ExtensionHeader, offset, {}};
    if (const auto status = m_reader->read(data.data(), size, &got); status != GzipReader::Status::Ok)
        return streamError(status, where);
    if (const auto status = m_reader->skip(padded(size) - size); status != GzipReader::Status::Ok)
        return streamError(status, where);
    return keepExtension(type, std::move(data), offset);
}

CrateScan::Problem CrateScan::keepExtension(char type, QByteArray data, qint64 offset)
{
    if (type == 'L' || type == 'K') {
        // GNU tar ends the name at the first NUL, the tar crate cargo uses only drops a final
        // one: a NUL inside would give the two different paths.
        while (data.endsWith('\0'))
            data.chop(1);
        if (data.contains('\0')) {
            const QString shown = quoted(QString::fromUtf8(data));
            return problem(ErrorKind::UnsafePath,
                           type == 'L' ? tr("the long name at offset %1 contains a NUL byte: %2").arg(QString::number(offset), shown)
                                       : tr("the long link name at offset %1 contains a NUL byte: %2").arg(QString::number(offset), shown));
        }
        (type == 'L' ? m_longName : m_longLink) = data;
        return std::nullopt;
    }
    const auto records = parsePax(data);
    if (!records)
        return problem(ErrorKind::CorruptTar, tr("the pax header at offset %1 is malformed").arg(offset));
    for (const auto &value : {records->path, records->linkPath}) {
        if (value && value->contains('\0')) {
            return problem(ErrorKind::UnsafePath, tr("the pax header at offset %1 gives a path with a NUL byte: %2")
                                                      .arg(QString::number(offset), quoted(QString::fromUtf8(*value))));
        }
    }
    if (type == 'x') {
        m_pax = records;
    } else if (records->path || records->linkPath || records->size) {
        // A global header would rename or resize every later entry for some readers and for
        // none in others (the tar crate ignores it); cargo never writes one. git archive's,
        // which holds only a comment, is harmless and passes.
        return problem(ErrorKind::UnsupportedEntry,
                       tr("the pax global header at offset %1 sets a path or size for every entry").arg(offset));
    }
    return std::nullopt;
}

// The entry's name, link and size: from the extension headers before it, else its own header.
CrateScan::Entry CrateScan::takeEntry(const char *header, char type, qint64 size, qint64 offset)
{
    Entry entry;
    entry.headerOffset = offset;
    entry.type = type;
    entry.size = (m_pax && m_pax->size) ? *m_pax->size : size;
    entry.mode = parseNumber(header + 100, 8).value_or(0644);
    if (m_longName) {
        entry.rawName = *m_longName;
    } else if (m_pax && m_pax->path) {
        entry.rawName = *m_pax->path;
    } else {
        entry.rawName = cString(header, 100);
        const QByteArray ustarPrefix = isPosixUstar(header) ? cString(header + 345, 155) : QByteArray();
        if (!ustarPrefix.isEmpty())
            entry.rawName = ustarPrefix + '/' + entry.rawName;
    }
    entry.rawLink = m_longLink ? *m_longLink : (m_pax && m_pax->linkPath) ? *m_pax->linkPath : cString(header + 157, 100);
    m_longName.reset();
    m_longLink.reset();
    m_pax.reset();
    return entry;
}

CrateScan::Problem CrateScan::checkEntry(Entry &entry)
{
    if (++m_entries > m_limits.maxEntries)
        return problem(ErrorKind::LimitExceeded, tr("holds more than %1 entries").arg(m_limits.maxEntries));
    if (Problem found = checkPath(entry))
        return found;
    if (Problem found = placeInPackageFolder(entry))
        return found;
    if (Problem found = checkEntryType(entry))
        return found;
    entry.relative = entry.parts.mid(1).join(u'/');
    if (!entry.isFolder() || !entry.relative.isEmpty()) {
        if (Problem found = claim(entry.relative, entry.isFolder()))
            return found;
    }
    return checkEntrySize(entry);
}

CrateScan::Problem CrateScan::checkPath(Entry &entry)
{
    entry.name = m_utf8.decode(entry.rawName);
    const QString &name = entry.name;
    if (m_utf8.hasError())
        return problem(ErrorKind::UnsafePath, tr("entry %1 is not valid UTF-8").arg(quoted(name)));
    if (entry.rawName.size() > MaxPathBytes)
        return problem(ErrorKind::UnsafePath, tr("entry %1 has a path longer than %2 bytes")
                                                  .arg(quoted(name.left(100) + u"…"_s), QString::number(MaxPathBytes)));
    if (name.isEmpty())
        return problem(ErrorKind::UnsafePath, tr("the entry at offset %1 has an empty path").arg(entry.headerOffset));
    if (name.startsWith(u'/'))
        return problem(ErrorKind::UnsafePath, tr("entry %1 has an absolute path").arg(quoted(name)));
    if (name.contains(u'\\'))
        return problem(ErrorKind::UnsafePath, tr("entry %1 contains a backslash, a folder separator on Windows").arg(quoted(name)));

    entry.parts = name.split(u'/');
    if (entry.isFolder() && entry.parts.size() > 1 && entry.parts.last().isEmpty())
        entry.parts.removeLast();
    for (const QString &part : std::as_const(entry.parts)) {
        if (part == u".."_s)
            return problem(ErrorKind::UnsafePath, tr("entry %1 leaves the package folder").arg(quoted(name)));
        if (part.isEmpty() || part == u"."_s)
            return problem(ErrorKind::UnsafePath, tr("entry %1 is not a normalized path").arg(quoted(name)));
    }
    return std::nullopt;
}

// The first entry names the one NAME-VERSION folder; every other entry must be inside it.
CrateScan::Problem CrateScan::placeInPackageFolder(const Entry &entry)
{
    const QStringList &parts = entry.parts;
    const bool belowTop = parts.size() >= 2 || entry.isFolder();
    if (m_archive.m_topDirectory.isEmpty()) {
        if (!belowTop)
            return problem(ErrorKind::OutsideTopDirectory, tr("entry %1 is not inside a NAME-VERSION folder").arg(quoted(entry.name)));
        const auto split = splitTopDirectory(parts.first());
        if (!split)
            return problem(ErrorKind::BadTopDirectory, tr("the package folder %1 is not NAME-VERSION").arg(quoted(parts.first())));
        m_archive.m_topDirectory = parts.first();
        m_archive.m_name = split->first;
        m_archive.m_version = split->second;
    } else if (parts.first() != m_archive.m_topDirectory || !belowTop) {
        return problem(ErrorKind::OutsideTopDirectory, tr("entry %1 is outside the package folder %2")
                                                           .arg(quoted(entry.name), quoted(m_archive.m_topDirectory + u'/')));
    }
    return std::nullopt;
}

// Cargo writes only regular files; crates.io refuses links, and anything else has no meaning
// in a source package.
CrateScan::Problem CrateScan::checkEntryType(const Entry &entry) const
{
    const auto refuse = [](const QString &message) { return problem(ErrorKind::UnsupportedEntry, message); };
    const QString name = quoted(entry.name);
    const QString link = quoted(QString::fromUtf8(entry.rawLink));
    switch (entry.type) {
    case '0':
    case '\0':
    case '7':
    case '5':
        return std::nullopt;
    case '1':
        return refuse(tr("entry %1 is a hard link to %2; a .crate holds only regular files").arg(name, link));
    case '2':
        return refuse(tr("entry %1 is a symbolic link to %2; a .crate holds only regular files").arg(name, link));
    case '3':
    case '4':
        return refuse(tr("entry %1 is a device; a .crate holds only regular files").arg(name));
    case '6':
        return refuse(tr("entry %1 is a FIFO; a .crate holds only regular files").arg(name));
    default:
        return refuse(tr("entry %1 is of the unsupported tar type %2; a .crate holds only regular files")
                          .arg(name, quoted(QString(QLatin1Char(entry.type)))));
    }
}

CrateScan::Problem CrateScan::checkEntrySize(const Entry &entry) const
{
    // Folders too: the data of any entry is skipped, and padded() must not overflow.
    if (entry.size > m_limits.maxFileSize) {
        return problem(ErrorKind::LimitExceeded, tr("entry %1 is %2, more than the %3 allowed for one file")
                                                     .arg(quoted(entry.name), sizeText(entry.size), sizeText(m_limits.maxFileSize)));
    }
    // Known before decompressing anything, so a bomb is refused without doing the work.
    if (m_reader->position() + padded(entry.size) > m_budget)
        return streamError(GzipReader::Status::OverBudget, {Where::Place::Entry, 0, entry.name});
    return std::nullopt;
}

// Registers a path (and the folders it implies), refusing case-twins and file/folder clashes.
CrateScan::Problem CrateScan::claim(const QString &relative, bool isFolder)
{
    const QString top = m_archive.m_topDirectory + u'/';
    QStringList parts = relative.split(u'/');
    if (!isFolder)
        parts.removeLast();
    QString folder;
    for (const QString &part : std::as_const(parts)) {
        folder = folder.isEmpty() ? part : folder + u'/' + part;
        const QString folded = folder.toCaseFolded();
        if (m_seenFiles.contains(folded))
            return problem(ErrorKind::DuplicatePath, tr("%1 is both a file and a folder").arg(quoted(top + folder)));
        const auto it = m_seenFolders.constFind(folded);
        if (it != m_seenFolders.cend() && *it != folder) {
            return problem(ErrorKind::DuplicatePath,
                           tr("folders %1 and %2 differ only in case").arg(quoted(top + *it), quoted(top + folder)));
        }
        m_seenFolders.insert(folded, folder);
    }
    if (isFolder)
        return std::nullopt;
    const QString folded = relative.toCaseFolded();
    if (m_seenFolders.contains(folded))
        return problem(ErrorKind::DuplicatePath, tr("%1 is both a file and a folder").arg(quoted(top + relative)));
    if (const auto it = m_seenFiles.constFind(folded); it != m_seenFiles.cend()) {
        if (*it == relative)
            return problem(ErrorKind::DuplicatePath, tr("entry %1 appears twice").arg(quoted(top + relative)));
        return problem(ErrorKind::DuplicatePath,
                       tr("entries %1 and %2 differ only in case").arg(quoted(top + *it), quoted(top + relative)));
    }
    m_seenFiles.insert(folded, relative);
    return std::nullopt;
}

// Cargo.toml is kept; every other entry's data is skipped, remembering where it starts.
CrateScan::Problem CrateScan::readEntryData(const Entry &entry)
{
    const Where where{Where::Place::Entry, 0, entry.name};
    const qint64 dataOffset = m_reader->position();
    const qint64 size = entry.size;
    if (!entry.isFolder() && entry.relative == u"Cargo.toml"_s) {
        if (size > MaxManifestSize)
            return problem(ErrorKind::LimitExceeded, tr("%1 is %2, more than the %3 allowed for a manifest")
                                                         .arg(quoted(entry.name), sizeText(size), sizeText(MaxManifestSize)));
        m_archive.m_manifest = QByteArray(size, Qt::Uninitialized);
        qint64 got = 0;
        if (const auto s = m_reader->read(m_archive.m_manifest.data(), size, &got); s != GzipReader::Status::Ok)
            return streamError(s, where);
        if (const auto s = m_reader->skip(padded(size) - size); s != GzipReader::Status::Ok)
            return streamError(s, where);
    } else if (const auto s = m_reader->skip(padded(size)); s != GzipReader::Status::Ok) {
        return streamError(s, where);
    }
    if (!entry.isFolder())
        m_files.append({CrateArchive::File{entry.relative, size, (entry.mode & 0111) != 0}, dataOffset});
    return std::nullopt;
}

// Read to the end so that gzip's own checksum and length are verified too. Cargo, crates.io
// and GNU tar stop at the first zero block and never look further, so anything but the zeros
// tar writers pad with is hidden from them: a second, concatenated tar archive, or data that
// other tools might still unpack. Cargo never writes it, so it is refused.
CrateScan::Problem CrateScan::checkNothingAfterEnd()
{
    const qint64 endOffset = m_reader->position() - BlockSize;
    for (;;) {
        char scratch[BlockSize];
        qint64 got = 0;
        const qint64 offset = m_reader->position();
        const GzipReader::Status status = m_reader->read(scratch, BlockSize, &got);
        if (!std::all_of(scratch, scratch + got, [](char c) { return c == 0; })) {
            return problem(ErrorKind::CorruptTar, tr("there is data after the end of the tar archive (at offset %1, the end is at %2), "
                                                     "which cargo would never read").arg(offset).arg(endOffset));
        }
        if (status == GzipReader::Status::End)
            return std::nullopt;
        if (status != GzipReader::Status::Ok)
            return streamError(status, {Where::Place::AfterEnd, offset, {}});
    }
}

// Cargo writes one gzip member, and cargo and crates.io (flate2's GzDecoder) read only the
// first; KCompressionDevice reads them all. The last member's length field then disagrees with
// the total, unless the members before it are empty, which leaves cargo an empty tar that it
// refuses on its own.
CrateScan::Problem CrateScan::checkGzipTrailer() const
{
    const quint32 trailerSize = qFromLittleEndian<quint32>(m_crate.constData() + m_crate.size() - 4);
    if (trailerSize != quint32(m_reader->position())) {
        return problem(ErrorKind::CorruptGzip, tr("the gzip data unpacks to %1 bytes but its trailer says %2: it holds several gzip "
                                                  "members (cargo writes one and reads only the first) or a wrong length")
                                                   .arg(m_reader->position()).arg(trailerSize));
    }
    return std::nullopt;
}

CrateScan::Problem CrateScan::checkManifestPresent() const
{
    if (m_archive.m_topDirectory.isEmpty())
        return problem(ErrorKind::MissingManifest, tr("the archive holds no files"));
    const QString manifest = m_seenFiles.value(u"cargo.toml"_s);
    if (manifest == u"Cargo.toml"_s)
        return std::nullopt;
    const QString expected = quoted(m_archive.m_topDirectory + u"/Cargo.toml"_s);
    if (manifest.isEmpty())
        return problem(ErrorKind::MissingManifest, tr("%1 is missing").arg(expected));
    return problem(ErrorKind::MissingManifest, tr("%1 is missing (there is %2, which has the wrong case)")
                                                   .arg(expected, quoted(m_archive.m_topDirectory + u'/' + manifest)));
}

CrateArchive CrateScan::finish()
{
    std::sort(m_files.begin(), m_files.end(), [](const auto &a, const auto &b) { return a.first.path < b.first.path; });
    m_archive.m_crate = m_crate;
    m_archive.m_files.reserve(m_files.size());
    m_archive.m_dataOffsets.reserve(m_files.size());
    for (const auto &[file, offset] : std::as_const(m_files)) {
        m_archive.m_files.append(file);
        m_archive.m_dataOffsets.append(offset);
    }
    return std::move(m_archive);
}
