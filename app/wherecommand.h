// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

// `cratedesk where NAME [--feed NAME]... [--index URL]... [--json]`: which versions of a crate
// each feed holds (every remembered feed unless some are named), and an alarm for a version
// two feeds serve with different checksums. `args` starts with the command's name; returns 0,
// or 1 when checksums differ or no feed could be asked.
int runWhereCommand(const QStringList &args);
