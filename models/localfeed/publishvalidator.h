// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "feederror.h"
#include "feedstore.h"

#include <QByteArray>

// Checks a `PUT /api/v1/crates/new` body completely before anything is stored: the u32-LE
// framing, the metadata JSON, the crate name and version rules, and that the .crate really
// is NAME-VERSION with a Cargo.toml saying the same name and version.
namespace PublishValidator {
FeedError validate(const QByteArray &body, qint64 maxCrateBytes, FeedStore::NewVersion *out);
// The largest body validate() can accept: both u32 lengths, the metadata (readme included)
// and the .crate; ConnectionGuard refuses a larger Content-Length before reading it.
qint64 maxBodyBytes(qint64 maxCrateBytes);
}
