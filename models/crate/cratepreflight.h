// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "publishcandidate.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

// The checks that need only the .crate and the target's identity: run before any byte goes
// to a feed. What needs the feed itself (is the version already there?) is PublishPreflight's.
class CratePreflight
{
    Q_DECLARE_TR_FUNCTIONS(CratePreflight)

public:
    struct Target
    {
        QString indexUrl;               // the feed's index, with or without "sparse+"
        QString registryName;           // how cargo configs name it, for `package.publish`; may be empty
        qint64 maxCrateSize = 10 << 20; // crates.io's limit; a feed may allow more
    };

    // Reads and checks the file. Never throws, never stops at the first problem: the user
    // sees every finding at once.
    static PublishCandidate inspect(const QString &path, const Target &target);
    static PublishCandidate inspect(const QByteArray &crate, const QString &displayName, const Target &target);


private:
    static void inspectArchive(PublishCandidate &candidate, const Target &target);
};
