// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cargotypes/indexentry.h"

#include <QString>

class CargoWorkspace;

// A workspace as the root of a dependency closure: one stand-in index entry that depends on
// what the workspace's packages take from registries, as `cargo generate-lockfile` resolves
// them: every feature of every package on (so optional dependencies are in, and "dep/feat"
// asks dep for feat), dev-dependencies of members in, every target in. Path packages are the
// workspace's own and never looked up. The feed the closure runs against answers for every
// registry the manifests name, crates.io included: that is how a mirror, a ProGet connector
// or cargo's source replacement stands in for them.
namespace WorkspaceRoot {

// No crate can have this name (crate names are ASCII letters, digits, - and _), so the stand-in
// never shadows a crate of the feed.
inline const QString Name = QStringLiteral("[workspace]");

IndexEntry entry(const CargoWorkspace &workspace);

} // namespace WorkspaceRoot
