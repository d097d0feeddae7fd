// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

// Numbered migrations of the local feed's database. Migration N brings PRAGMA user_version
// from N-1 to N; released migrations are never edited, only appended.
namespace FeedSchema {
const QList<QStringList> &migrations();
}
