// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

class CrateArchive;
struct CargoManifest;

// The metadata `cargo publish` sends with a .crate (PUT /api/v1/crates/new), derived the way
// cargo derives it from the normalized manifest, so that publishing from CrateDesk gives a
// registry exactly what cargo would have. Field names follow the wire format.
struct PublishMetadata
{
    Q_DECLARE_TR_FUNCTIONS(PublishMetadata)

public:
    struct Dependency
    {
        QString name; // the real package name
        std::optional<QString> explicitNameInToml; // the alias, only when `package =` renames it
        QString versionReq; // in cargo's display form: "^1.0", ">=0.1, <0.3", "*"
        QStringList features;
        bool optional = false;
        bool defaultFeatures = true;
        std::optional<QString> target; // "cfg(unix)" or a target triple
        QString kind; // "normal", "build" or "dev"
        std::optional<QString> registry; // nullopt: the registry being published to

        friend bool operator==(const Dependency &, const Dependency &) = default;
    };

    struct Result;

    // `readme` is the text of the manifest's readme file; targetIndexUrl the index of the
    // registry being published to, with or without "sparse+".
    static Result fromManifest(const CargoManifest &manifest, const std::optional<QString> &readme,
                               const QString &targetIndexUrl);
    // Parses the archive's Cargo.toml, reads its readme and checks that its license file is
    // there, as cargo does before uploading.
    static Result fromArchive(const CrateArchive &archive, const QString &targetIndexUrl);

    // Compact JSON with cargo's field order; what goes between the two length prefixes.
    QByteArray toJson() const;

    // The publish body: u32 LE JSON length, JSON, u32 LE .crate length, .crate.
    static QByteArray frame(const QByteArray &json, const QByteArray &crate);
    struct Body
    {
        QByteArray json;
        QByteArray crate;
    };
    // nullopt unless the lengths account for every byte of the body.
    static std::optional<Body> unframe(const QByteArray &body);

    // Cargo's re-display of a requirement: "0.1" -> "^0.1", " >= 0.1 ,  < 0.3 " -> ">=0.1, <0.3".
    // nullopt (and *error set) for what the semver crate would refuse.
    static std::optional<QString> normalizeVersionReq(const QString &requirement, QString *error = nullptr);
    // The `registry` of a dependency given its `registry-index` (absent = crates.io).
    static std::optional<QString> dependencyRegistry(const std::optional<QString> &registryIndex,
                                                     const QString &targetIndexUrl);
    // `cfg(...)` keys re-displayed as cargo does ("cfg(target_os = \"linux\")"); others as they are.
    static QString normalizePlatform(const QString &target);

    QString name;
    QString vers;
    QList<Dependency> deps;
    QMap<QString, QStringList> features;
    QStringList authors;
    std::optional<QString> description;
    std::optional<QString> documentation;
    std::optional<QString> homepage;
    std::optional<QString> readme; // the readme's text
    std::optional<QString> readmeFile; // its path, as the manifest gives it
    QStringList keywords;
    QStringList categories;
    std::optional<QString> license;
    std::optional<QString> licenseFile;
    std::optional<QString> repository;
    QMap<QString, QMap<QString, QString>> badges;
    std::optional<QString> links;
    std::optional<QString> rustVersion;

    friend bool operator==(const PublishMetadata &, const PublishMetadata &) = default;
};

struct PublishMetadata::Result
{
    std::optional<PublishMetadata> metadata;
    QString error;

    bool isOk() const { return metadata.has_value(); }
};
