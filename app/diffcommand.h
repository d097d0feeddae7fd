// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

// `cratedesk diff NAME V1 V2 (--feed NAME | --index URL) [--json]`: what changed from V1 to V2
// of a crate as the feed serves it: files added, removed and changed, dependencies, features,
// license, rust-version, links and edition. `args` starts with the command's name; returns 0
// (also when the versions differ), or 1 when they could not be compared.
int runDiffCommand(const QStringList &args);
