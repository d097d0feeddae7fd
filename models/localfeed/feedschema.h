// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

// Numbered migrations of the local feed's database. Migration N brings PRAGMA user_version
// from N-1 to N; released migrations are never edited, only appended.
namespace FeedSchema {
const QList<QStringList> &migrations();

// The migration after which crate files are stored by checksum; FeedStore moves the files of
// an older feed as part of it.
int cratesByChecksumVersion();
// The migration that gives tokens a name and a last-used time.
int tokenLifecycleVersion();
}
