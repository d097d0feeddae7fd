// SPDX-License-Identifier: GPL-3.0-or-later
#include "cratearchive.h"

#include "cratescan.h"
#include "gzipreader.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>

#include <algorithm>
#include <limits>
#include <numeric>

using namespace Qt::Literals::StringLiterals;
using CrateText::sizeText;

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
        return {std::nullopt, {ErrorKind::Io, tr("%1: cannot open: %2").arg(displayName, file.errorString())}};
    if (file.size() > limits.maxCrateSize) {
        return {std::nullopt,
                {ErrorKind::LimitExceeded,
                 tr("%1: the file is %2, more than the %3 a .crate may have").arg(displayName, sizeText(file.size()),
                                                                                  sizeText(limits.maxCrateSize))}};
    }
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return {std::nullopt, {ErrorKind::Io, tr("%1: cannot read: %2").arg(displayName, file.errorString())}};
    return scan(bytes, limits, displayName);
}

CrateArchive::Result CrateArchive::fromBytes(const QByteArray &crate, const Limits &limits, const QString &displayName)
{
    if (crate.size() > limits.maxCrateSize) {
        const QString message = tr("the .crate is %1, more than the %2 allowed").arg(sizeText(crate.size()), sizeText(limits.maxCrateSize));
        return {std::nullopt,
                {ErrorKind::LimitExceeded,
                 displayName.isEmpty() ? message : tr("%1: %2", "crate file: problem").arg(displayName, message)}};
    }
    return scan(crate, limits, displayName);
}

CrateArchive::Result CrateArchive::scan(const QByteArray &crate, const Limits &limits, const QString &displayName)
{
    return CrateScan(crate, limits).run(displayName);
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

namespace {

constexpr qint64 BinarySniffBytes = 8000;

bool looksBinary(QByteArrayView start, bool complete)
{
    if (start.contains('\0'))
        return true;
    // A cut inside a multi-byte character is no reason to call the file binary.
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    [[maybe_unused]] const QString text = utf8.decode(complete ? start : start.first(std::max<qsizetype>(0, start.size() - 3)));
    return utf8.hasError();
}

CrateArchive::Fingerprint fingerprintOf(const QByteArray &data)
{
    return {QCryptographicHash::hash(data, QCryptographicHash::Sha256),
            looksBinary(QByteArrayView(data).first(std::min<qsizetype>(data.size(), BinarySniffBytes)),
                        data.size() <= BinarySniffBytes)};
}

} // namespace

QList<CrateArchive::Fingerprint> CrateArchive::fingerprints() const
{
    QList<Fingerprint> result(m_files.size());
    QList<qsizetype> byOffset(m_files.size());
    std::iota(byOffset.begin(), byOffset.end(), 0);
    std::ranges::sort(byOffset, {}, [this](qsizetype i) { return m_dataOffsets.at(i); });
    // The bytes were fully checked by scan(), so the stream cannot fail here short of memory.
    GzipReader reader(m_crate, std::numeric_limits<qint64>::max());
    if (!reader.open())
        return {};
    QByteArray chunk(1 << 16, Qt::Uninitialized);
    for (const qsizetype index : std::as_const(byOffset)) {
        const File &entry = m_files.at(index);
        if (entry.path == u"Cargo.toml"_s) { // what fileData() answers for it
            result[index] = fingerprintOf(m_manifest);
            continue;
        }
        if (reader.skip(m_dataOffsets.at(index) - reader.position()) != GzipReader::Status::Ok)
            return {};
        QCryptographicHash hash(QCryptographicHash::Sha256);
        QByteArray start;
        for (qint64 left = entry.size; left > 0;) {
            qint64 got = 0;
            const qint64 want = std::min<qint64>(left, chunk.size());
            if (reader.read(chunk.data(), want, &got) != GzipReader::Status::Ok || got != want)
                return {};
            hash.addData(QByteArrayView(chunk.constData(), got));
            if (start.size() < BinarySniffBytes)
                start.append(chunk.constData(), std::min<qint64>(got, BinarySniffBytes - start.size()));
            left -= got;
        }
        result[index] = {hash.result(), looksBinary(start, entry.size <= BinarySniffBytes)};
    }
    return result;
}
