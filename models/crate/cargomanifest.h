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

// The parts of a normalized Cargo.toml (the one cargo writes into a .crate) that a registry
// and `cargo publish` care about. Absent optional keys stay nullopt, so "not set" and ""
// remain distinguishable, as they are in the publish JSON (null vs "").
struct CargoManifest
{
    Q_DECLARE_TR_FUNCTIONS(CargoManifest)

public:
    struct Dependency
    {
        enum class Kind { Normal, Development, Build };

        QString name; // the key in Cargo.toml: the alias when `package = ...` renames it
        std::optional<QString> package; // `package = "real-name"`
        QString versionRequirement; // as written; empty when the manifest gives none
        Kind kind = Kind::Normal;
        std::optional<QString> target; // the `[target.'...']` key
        bool optional = false;
        bool defaultFeatures = true;
        QStringList features;
        std::optional<QString> registryIndex; // `registry-index`; absent means crates.io
        std::optional<QString> registry; // a registry *name*: only in manifests cargo did not normalize

        QString packageName() const { return package.value_or(name); }
        friend bool operator==(const Dependency &, const Dependency &) = default;
    };

    struct Error
    {
        QString message; // "Cargo.toml:12:5: expected '='"
        int line = 0; // 1-based; 0 when the problem has no position
        int column = 0;
    };

    struct Result;

    // fileName prefixes error messages; "Cargo.toml" when empty.
    static Result parse(const QByteArray &toml, const QString &fileName = {});

    // The readme and the license file this manifest names, read from its package as cargo
    // finds them: `readme` as given, or without the key the first of README.md, README.txt
    // and README; `license-file` as given. Both must be UTF-8 text of at most maxBytes.
    struct PackageText
    {
        QString path; // relative to the package folder, as in CrateArchive::files()
        QString text;
        friend bool operator==(const PackageText &, const PackageText &) = default;
    };
    struct Texts
    {
        std::optional<PackageText> readme;
        std::optional<PackageText> licenseFile;
        QString error; // the first problem, naming the file; empty when there is none
    };
    static constexpr qint64 MaxTextSize = 10 * 1024 * 1024;
    Texts readTexts(const CrateArchive &archive, qint64 maxBytes = MaxTextSize) const;

    QString name;
    QString version; // cargo's default "0.0.0" when absent
    std::optional<QString> description;
    std::optional<QString> license;
    std::optional<QString> licenseFile;
    std::optional<QString> readme; // the path; `readme = true` means "README.md"
    bool readmeDisabled = false; // `readme = false`
    std::optional<QString> repository;
    std::optional<QString> homepage;
    std::optional<QString> documentation;
    std::optional<QString> rustVersion;
    std::optional<QString> edition;
    std::optional<QString> links;
    QStringList authors;
    QStringList keywords;
    QStringList categories;
    QMap<QString, QMap<QString, QString>> badges;
    // nullopt: any registry; empty: none (`publish = false`); else the allowed registry names.
    std::optional<QStringList> publish;
    QMap<QString, QStringList> features;
    // In cargo's order: [dependencies], [dev-dependencies], [build-dependencies], then per
    // target (sorted) normal, build, dev; each table sorted by key.
    QList<Dependency> dependencies;

    friend bool operator==(const CargoManifest &, const CargoManifest &) = default;
};

struct CargoManifest::Result
{
    std::optional<CargoManifest> manifest;
    Error error;

    bool isOk() const { return manifest.has_value(); }
};
