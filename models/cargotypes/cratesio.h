// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUrl>

// crates.io as cargo recognises it. Cargo compares registries by canonical URL, and crates.io
// has two spellings (the git index and the sparse one); every "is this crates.io?" asks here.
namespace CratesIo {

// The spelling cargo writes for crates.io in publish metadata and index lines.
QString gitIndexUrl();
// The sparse index, as a feed's URL is kept (ending in '/').
QUrl sparseIndexUrl();
// Cargo's canonical form of a registry index: no "sparse+"/"registry+", no trailing slash,
// a GitHub path in lower case without ".git"; crates.io in either spelling is "crates-io".
QString canonicalIndex(const QString &index);
bool isIndex(const QString &index);
bool isIndex(const QUrl &index);

} // namespace CratesIo
