// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

// `cratedesk promote [NAME@VERSION...] [--lockfile Cargo.lock] (--from FEED | --from-index URL)
// (--to FEED | --to-index URL) [--with-dependencies] [--dry-run] [--json]`. `args` starts with
// the command's name; returns the exit code: 0 when the target serves every version asked for.
int runPromoteCommand(const QStringList &args);
