// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cratearchive.h"
#include "publishmetadata.h"

#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

// One problem or remark found before publishing. Errors stop the crate; warnings do not.
struct PreflightFinding
{
    enum class Severity { Error, Warning };
    enum class Check {
        Archive,     // the file is not a readable, safe .crate
        Manifest,    // Cargo.toml or the metadata cargo derives from it
        Name,
        Version,
        TopFolder,   // NAME-VERSION/ does not match the manifest
        Size,
        License,
        Registry,    // a dependency from a registry the target refuses
        PublishList, // package.publish does not allow this registry
        AlreadyPublished,
        FeedUnreachable,
    };

    Severity severity = Severity::Error;
    Check check = Check::Archive;
    QString message; // one sentence naming the crate or file and what to do

    friend bool operator==(const PreflightFinding &, const PreflightFinding &) = default;
};

// A .crate file on its way to a feed: what it is, what cargo would send for it, and what the
// preflight checks found. A value type, so that queues and views can copy it freely.
struct PublishCandidate
{
    QString path;      // as the user gave it
    QString fileName;  // for messages
    std::optional<CrateArchive> archive;
    std::optional<PublishMetadata> metadata;
    QList<PreflightFinding> findings;
    bool feedChecked = false; // the target feed was asked whether the version exists

    QString name() const { return metadata ? metadata->name : (archive ? archive->name() : QString()); }
    QString version() const { return metadata ? metadata->vers : (archive ? archive->version() : QString()); }
    // "serde@1.0.200", or the file name while the archive is unreadable.
    QString label() const;
    bool hasErrors() const;
    bool canPublish() const { return archive && metadata && !hasErrors(); }
    QStringList messages(PreflightFinding::Severity severity) const;
};

Q_DECLARE_METATYPE(PublishCandidate)
