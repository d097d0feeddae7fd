// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "semver.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

// One element of an index line's "deps" array (protocol notes 1.4). Field names follow the
// index, not Cargo.toml: for a renamed dependency `name` is the alias and `package` the crate.
struct IndexDependency
{
    enum class Kind { Normal, Dev, Build };

    QString name;                   // as in Cargo.toml: the alias when renamed
    std::optional<QString> package; // the real crate name when renamed
    QString req;
    QStringList features; // empty names already dropped, as cargo drops them
    bool optional = false;
    bool defaultFeatures = true;
    std::optional<QString> target; // cfg(...) expression or target triple
    Kind kind = Kind::Normal;
    std::optional<QString> registry; // null = the registry this index belongs to

    // The crate to look up in the index; features and `dep:` refer to `name` instead.
    QString packageName() const { return package.value_or(name); }

    friend bool operator==(const IndexDependency &, const IndexDependency &) = default;
};

// One line of a sparse index file: one published version of a crate.
struct IndexEntry
{
    Q_DECLARE_TR_FUNCTIONS(IndexEntry)

public:
    // cargo 1.95 reads schema versions up to this one; it lists newer lines but will not use
    // them (protocol notes 1.5).
    static constexpr int MaxSchemaVersion = 2;

    QString name; // exact published case: cargo matches it case-sensitively
    QString vers; // as written in the line
    SemVer version;
    QList<IndexDependency> deps;
    QString cksum;
    QMap<QString, QStringList> features; // features and features2 merged per key (appended)
    bool yanked = false;
    std::optional<QString> links;
    int schemaVersion = 1; // "v"
    std::optional<QString> rustVersion;
    std::optional<QDateTime> pubtime; // UTC
    // Non-empty when cargo would call the entry invalid ("version X's index entry is
    // invalid"): it lists the version but never selects it.
    QString invalidReason;

    bool needsNewerCargo() const { return schemaVersion > MaxSchemaVersion; }
    bool isValid() const { return invalidReason.isEmpty(); }
    // What cargo's resolver may pick when no lock file pins a version.
    bool isCandidate() const { return !yanked && isValid() && !needsNewerCargo(); }

    // `features` plus the implicit `x = ["dep:x"]` cargo adds for every optional dependency
    // that no feature names with "dep:". These are the features a dependent may ask for.
    QMap<QString, QStringList> featuresWithImplicit() const;

    // Empty when every feature refers to dependencies and features the entry has, else cargo's
    // reason for rejecting the entry. Checked at parse time; exposed for publish validation.
    QString featureReferenceError() const;

    // A sha256 as the index writes it: 64 hex digits.
    static bool isChecksum(QStringView text);

    // The strict forms cargo accepts; anything else invalidates the whole entry.
    // pubtime: exactly "YYYY-MM-DDTHH:MM:SSZ" naming a real instant.
    static std::optional<QDateTime> parsePubtime(QStringView text);
    // rust_version: a bare "1", "1.70" or "1.70.0"; no operator, pre-release or build.
    static QString rustVersionError(QStringView text);

    friend bool operator==(const IndexEntry &, const IndexEntry &) = default;
};

Q_DECLARE_METATYPE(IndexEntry)
