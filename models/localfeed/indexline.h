// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "feederror.h"

#include <QJsonObject>

// Turns the metadata JSON of a publish request into the sparse index line that cargo reads
// (protocol notes 1.4 and 1.6): dependency renames swapped (`name` = alias, `package` =
// real name), `version_req` becomes `req`, `registry` copied verbatim, features that use
// `dep:` or `?/` moved to `features2` with `v: 2`. Rejects what would make cargo call the
// entry invalid. `cksum`, `yanked` and `pubtime` are added by the store.
namespace IndexLine {
FeedError fromPublishMetadata(const QJsonObject &metadata, QJsonObject *line);
}
