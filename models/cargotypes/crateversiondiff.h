// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "indexentry.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// What changed from one version of a crate to another: the files of the two .crate files and
// what a dependent sees of the metadata (dependencies, features, license, MSRV, `links`,
// edition). Plain data, made by CrateComparison and shown by the window and `cratedesk diff`.
struct CrateVersionDiff
{
    Q_DECLARE_TR_FUNCTIONS(CrateVersionDiff)

public:
    enum class Change { Added, Removed, Changed };

    struct File
    {
        QString path; // relative to the package folder
        Change change = Change::Changed;
        qint64 oldSize = -1; // -1: not in that version
        qint64 newSize = -1;
        bool binary = false; // either side holds bytes that are not text
        friend bool operator==(const File &, const File &) = default;
    };
    // A dependency is the same one across versions when its name (the alias, as features
    // refer to it), kind and target are.
    struct Dependency
    {
        Change change = Change::Changed;
        std::optional<IndexDependency> before;
        std::optional<IndexDependency> after;
        const IndexDependency &either() const { return after ? *after : *before; }
        friend bool operator==(const Dependency &, const Dependency &) = default;
    };
    struct Feature
    {
        QString name;
        Change change = Change::Changed;
        QStringList before;
        QStringList after;
        friend bool operator==(const Feature &, const Feature &) = default;
    };
    // license, rust-version, links, edition: nullopt where the version does not set it.
    struct Field
    {
        QString name; // as in Cargo.toml
        std::optional<QString> before;
        std::optional<QString> after;
        friend bool operator==(const Field &, const Field &) = default;
    };

    QString crate;
    QString oldVersion;
    QString newVersion;
    QList<File> files; // by path
    qsizetype unchangedFiles = 0;
    QList<Dependency> dependencies; // by kind, name, target
    QList<Feature> features; // by name
    QList<Field> fields;

    bool isEmpty() const { return files.isEmpty() && dependencies.isEmpty() && features.isEmpty() && fields.isEmpty(); }

    // Dependencies, features, rust-version and links, as the two index entries give them.
    void compareEntries(const IndexEntry &older, const IndexEntry &newer);
    // Records `name` when it differs.
    void compareField(const QString &name, const std::optional<QString> &before, const std::optional<QString> &after);

    // "added", "removed", "changed": the words of the JSON report.
    static QString changeName(Change change);
    // "normal", "dev", "build".
    static QString kindName(IndexDependency::Kind kind);
    // The requirement and what else a dependent gets: "^1.0, optional, features a b, no default
    // features, from crates.io" (no registry: the feed's own). A list: each item is whole.
    static QString describe(const IndexDependency &dependency);

    friend bool operator==(const CrateVersionDiff &, const CrateVersionDiff &) = default;
};
