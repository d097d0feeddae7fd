// SPDX-License-Identifier: GPL-3.0-or-later
#include "publishvalidator.h"

#include "crate/cratearchive.h"
#include "crate/cargomanifest.h"
#include "indexline.h"
#include "cargotypes/cratename.h"
#include "cargotypes/semver.h"

#include <QJsonDocument>
#include <QtEndian>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qint64 MaxMetadataBytes = 16 * 1024 * 1024; // readme included

QString humanSize(qint64 bytes)
{
    if (bytes >= 1024 * 1024)
        return u"%1 MiB"_s.arg(double(bytes) / (1024 * 1024), 0, 'f', 1);
    if (bytes >= 1024)
        return u"%1 KiB"_s.arg(double(bytes) / 1024, 0, 'f', 1);
    return u"%1 bytes"_s.arg(bytes);
}

FeedError checkArchive(const QByteArray &crateBytes, const QString &name, const QString &vers)
{
    const QString expectedTop = name + u'-' + vers;
    const auto opened = CrateArchive::fromBytes(crateBytes, {}, expectedTop + u".crate"_s);
    if (!opened.isOk())
        return FeedError::badRequest(u"the .crate file is not valid: "_s + opened.error.message);
    const CrateArchive &archive = *opened.archive;
    if (archive.topDirectory() != expectedTop)
        return FeedError::badRequest(u"the .crate file's folder is `%1`, but the metadata says `%2`"_s.arg(archive.topDirectory(), expectedTop));
    const auto parsed = CargoManifest::parse(archive.manifestBytes(), expectedTop + u"/Cargo.toml"_s);
    if (!parsed.isOk())
        return FeedError::badRequest(u"the .crate's Cargo.toml cannot be read: "_s + parsed.error.message);
    if (parsed.manifest->name != name || parsed.manifest->version != vers)
        return FeedError::badRequest(u"the metadata says `%1@%2` but the .crate's Cargo.toml says `%3@%4`"_s.arg(
            name, vers, parsed.manifest->name, parsed.manifest->version));
    return {};
}

} // namespace

namespace PublishValidator {

qint64 maxBodyBytes(qint64 maxCrateBytes)
{
    return 4 + MaxMetadataBytes + 4 + maxCrateBytes;
}

FeedError validate(const QByteArray &body, qint64 maxCrateBytes, FeedStore::NewVersion *out)
{
    const qint64 size = body.size();
    if (size < 4)
        return FeedError::badRequest(u"the publish body is %1 bytes long; it must start with a 4-byte JSON length"_s.arg(size));
    const qint64 jsonLength = qFromLittleEndian<quint32>(body.constData());
    if (jsonLength > MaxMetadataBytes)
        return FeedError::tooLarge(u"the publish metadata is %1; at most %2 is accepted"_s.arg(humanSize(jsonLength), humanSize(MaxMetadataBytes)));
    if (4 + jsonLength + 4 > size)
        return FeedError::badRequest(u"the publish body is truncated: it announces %1 bytes of metadata but only %2 bytes follow"_s.arg(jsonLength).arg(size - 4));
    const qint64 crateLength = qFromLittleEndian<quint32>(body.constData() + 4 + jsonLength);
    if (crateLength > maxCrateBytes)
        return FeedError::tooLarge(u"the .crate file is %1; this feed accepts at most %2"_s.arg(humanSize(crateLength), humanSize(maxCrateBytes)));
    if (8 + jsonLength + crateLength != size)
        return FeedError::badRequest(u"the publish body is %1 bytes, but its lengths announce %2 (8 + %3 bytes of metadata + %4 bytes of .crate)"_s
                                         .arg(size).arg(8 + jsonLength + crateLength).arg(jsonLength).arg(crateLength));

    const QByteArray json = body.mid(4, jsonLength);
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return FeedError::badRequest(u"the publish metadata is not valid JSON (at byte %1: %2)"_s.arg(parseError.offset).arg(parseError.errorString()));
    if (!doc.isObject())
        return FeedError::badRequest(u"the publish metadata must be a JSON object"_s);
    const QJsonObject metadata = doc.object();

    const QString name = metadata.value(u"name"_s).toString();
    if (!metadata.value(u"name"_s).isString())
        return FeedError::badRequest(u"the publish metadata has no crate name"_s);
    if (const QString error = CrateName::validationError(name); !error.isEmpty())
        return FeedError::badRequest(error);
    const QString vers = metadata.value(u"vers"_s).toString();
    QString versionError;
    const auto version = SemVer::parse(vers, &versionError);
    if (!version)
        return FeedError::badRequest(versionError.isEmpty() ? u"\"%1\" is not a valid version"_s.arg(vers) : versionError);

    QJsonObject line;
    if (const FeedError error = IndexLine::fromPublishMetadata(metadata, &line))
        return error;
    const QByteArray crateBytes = body.mid(8 + jsonLength, crateLength);
    if (const FeedError error = checkArchive(crateBytes, name, vers))
        return error;

    out->name = name;
    out->vers = vers;
    out->precedenceKey = version->precedenceKey();
    out->indexLine = line;
    out->crateBytes = crateBytes;
    out->description = metadata.value(u"description"_s).toString();
    out->license = metadata.value(u"license"_s).toString();
    out->metadataJson = json;
    return {};
}

} // namespace PublishValidator
