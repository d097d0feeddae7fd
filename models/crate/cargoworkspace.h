// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cargomanifest.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

// A Cargo workspace checked out on disk, read as `cargo generate-lockfile` sees it: its
// members are the root package, the folders `members` names (globs allowed) minus `exclude`,
// and every path dependency under the workspace folder. Each member's dependencies come with
// `workspace = true` replaced by [workspace.dependencies]; path dependencies are not listed
// (their crates are read as members or, outside the workspace folder, as path packages), and
// neither are git dependencies, which no registry serves: `notes` says which were left out.
//
// The files are the user's own checkout, read synchronously: call it off the GUI thread.
class CargoWorkspace
{
public:
    // Bounds that a real workspace stays far below (rust-lang/rust has about 300 members).
    static constexpr int MaxPackages = 4096;
    static constexpr qint64 MaxManifestSize = 4 * 1024 * 1024;

    struct Package
    {
        QString name;
        QString version; // "0.0.0" when the manifest gives none
        QString manifestPath;
        bool member = true; // false for a path dependency outside the workspace folder
        QMap<QString, QStringList> features;
        QList<CargoManifest::Dependency> dependencies; // registry dependencies only
    };

    struct Result;
    // manifestPath: a Cargo.toml, or the folder holding it.
    static Result read(const QString &manifestPath);

    QString rootFolder;
    QList<Package> packages; // the root package first, then in the order they were found
    QStringList notes; // dependencies left out, each naming its manifest
};

struct CargoWorkspace::Result
{
    std::optional<CargoWorkspace> workspace;
    QString error; // names the file and, where known, the line

    bool isOk() const { return workspace.has_value(); }
};
