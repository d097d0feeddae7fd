// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

// The packages a Cargo.lock pins (lockfile versions 1 to 4). A lockfile comes from a project
// someone else wrote, so it is read as outside data: through TomlGuard, with every name,
// version and checksum checked before it can become a request or a path.
struct CargoLock
{
    Q_DECLARE_TR_FUNCTIONS(CargoLock)

public:
    struct Package
    {
        enum class Origin {
            Registry, // "registry+URL" (git index) or "sparse+URL"
            Git,      // "git+URL#commit"
            Path,     // no source: a workspace member or a path dependency
        };

        QString name;
        QString version;
        Origin origin = Origin::Path;
        QString source;   // as written, empty for Path
        QString checksum; // 64 lowercase hex digits, or empty where the lockfile has none

        // The registry's index URL as cargo spells it ("sparse+https://…/" or a git URL), for Registry.
        QString registryIndex() const;
        friend bool operator==(const Package &, const Package &) = default;
    };

    int version = 1; // the lockfile format; files before version 3 have no `version` key
    QList<Package> packages;

    struct Result;
    static Result parse(const QByteArray &toml, const QString &fileName = {});
    // Reads and parses a file of at most MaxFileBytes; blocking, so not on the GUI thread.
    static Result readFile(const QString &path);
    static constexpr qint64 MaxFileBytes = 16 << 20;
};

struct CargoLock::Result
{
    std::optional<CargoLock> lock;
    QString error; // "Cargo.lock: package 3 (serde): the version \"1.x\" is not SemVer"
};
