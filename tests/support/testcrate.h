// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QMap>
#include <QString>

// A small crate made in the test: a real gzip'd tar with NAME-VERSION/Cargo.toml and
// src/lib.rs, plus the publish metadata and the framed body that cargo would send for it.
struct TestCrate
{
    TestCrate(const QString &crateName, const QString &version, const QString &nameInManifest = {},
              const QString &versionInManifest = {})
        : name(crateName)
        , vers(version)
        , manifestName(nameInManifest)
        , manifestVersion(versionInManifest)
    {
    }

    QString name;
    QString vers;
    QString manifestName; // what Cargo.toml says; defaults to name
    QString manifestVersion; // defaults to vers
    QString description = QStringLiteral("A test crate");
    QJsonObject extraMetadata; // merged over the default publish JSON (deps, features, ...)
    QByteArray padding;        // extra bytes in the archive, to reach a size
    QByteArray license = "MIT"; // empty: the manifest declares none
    QByteArray edition = "2021";
    QByteArray extraManifest;  // TOML appended to Cargo.toml, e.g. a [dependencies] table
    QMap<QString, QByteArray> files; // more files, by path under the crate's folder ("README.md")

    QByteArray crateBytes() const;
    QJsonObject metadata() const;
    QByteArray publishBody() const;

    // Frames arbitrary parts as the publish protocol does (u32 LE length prefixes).
    static QByteArray frame(const QByteArray &json, const QByteArray &crate);
};
