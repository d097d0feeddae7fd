// SPDX-License-Identifier: GPL-3.0-or-later
#include "testcrate.h"

#include <KTar>

#include <QBuffer>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QtEndian>

using namespace Qt::Literals::StringLiterals;

QByteArray TestCrate::crateBytes() const
{
    const QString top = name + u'-' + vers;
    const QString inName = manifestName.isEmpty() ? name : manifestName;
    const QString inVersion = manifestVersion.isEmpty() ? vers : manifestVersion;
    const QByteArray manifest = "[package]\nedition = \"" + edition + "\"\nname = \"" + inName.toUtf8() + "\"\nversion = \""
        + inVersion.toUtf8() + "\"\ndescription = \"" + description.toUtf8() + "\"\n"
        + (license.isEmpty() ? QByteArray() : "license = \"" + license + "\"\n") + extraManifest;
    QTemporaryDir dir;
    const QString path = dir.filePath(top + u".crate"_s);
    {
        KTar tar(path, u"application/x-gzip"_s);
        if (!tar.open(QIODevice::WriteOnly))
            return {};
        // A fixed time, as cargo's own packaging has: the same crate gives the same bytes in
        // every call (a test compares a download with a second crateBytes()).
        const QDateTime when = QDateTime::fromSecsSinceEpoch(1153704088, QTimeZone::UTC);
        const auto add = [&](const QString &file, const QByteArray &data) {
            tar.writeFile(top + file, data, 0100644, {}, {}, when, when, when);
        };
        add(u"/Cargo.toml"_s, manifest);
        add(u"/src/lib.rs"_s, "pub fn answer() -> u32 { 42 }\n");
        if (!padding.isEmpty())
            add(u"/padding.bin"_s, padding);
        for (auto it = files.cbegin(); it != files.cend(); ++it)
            add(u'/' + it.key(), it.value());
        tar.close();
    }
    QFile file(path);
    QByteArray bytes = file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    // The gzip header holds the time of writing (bytes 4 to 7), which changed the bytes of two
    // calls a second apart; cargo writes a fixed one too. No header checksum covers it
    // (FHCRC, flag 0x02, is not set by KArchive), so it is set here.
    if (bytes.size() > 10 && bytes.startsWith("\x1f\x8b") && !(bytes.at(3) & 0x02))
        bytes.replace(4, 4, QByteArray(4, '\0'));
    return bytes;
}

QJsonObject TestCrate::metadata() const
{
    QJsonObject meta{{u"name"_s, name},
                     {u"vers"_s, vers},
                     {u"deps"_s, QJsonArray()},
                     {u"features"_s, QJsonObject()},
                     {u"authors"_s, QJsonArray()},
                     {u"description"_s, description},
                     {u"license"_s, u"MIT"_s},
                     {u"keywords"_s, QJsonArray()},
                     {u"categories"_s, QJsonArray()},
                     {u"badges"_s, QJsonObject()},
                     {u"links"_s, QJsonValue()}};
    for (auto it = extraMetadata.begin(); it != extraMetadata.end(); ++it)
        meta.insert(it.key(), it.value());
    return meta;
}

QByteArray TestCrate::publishBody() const
{
    return frame(QJsonDocument(metadata()).toJson(QJsonDocument::Compact), crateBytes());
}

QByteArray TestCrate::frame(const QByteArray &json, const QByteArray &crate)
{
    QByteArray body;
    char length[4];
    qToLittleEndian<quint32>(quint32(json.size()), length);
    body.append(length, 4).append(json);
    qToLittleEndian<quint32>(quint32(crate.size()), length);
    body.append(length, 4).append(crate);
    return body;
}
