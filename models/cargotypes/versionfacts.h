// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

// What a feed's web API says about one published version beyond the index: when and by whom
// it was published, the size of its .crate, how often it was downloaded, and (ProGet) how it
// fares against the feed's license rules. Each field may be unknown: feeds say more or less.
// The JSON comes from the network: every field is checked, strings are bounded.
struct VersionFacts
{
    QDateTime published; // UTC; invalid when unknown
    QString publishedBy; // a login
    qint64 crateSize = -1; // bytes
    qint64 versionDownloads = -1;
    qint64 crateDownloads = -1; // all versions together
    // ProGet's compliance verdict against the feed's license and vulnerability rules:
    // "Compliant", "Warn", "Inconclusive" or "Noncompliant"; empty when the feed has none.
    QString compliance;

    bool isEmpty() const;

    // crates.io's crate JSON (GET /api/v1/crates/NAME), the version `version` of it; the local
    // feed and many private registries answer in the same shape.
    static VersionFacts fromCratesIo(const QJsonObject &crateJson, const QString &version);
    // ProGet's PackageMetadata (GET /api/packages/FEED/metadata?name=&version=).
    static VersionFacts fromProGetMetadata(const QJsonObject &metadata);
};
