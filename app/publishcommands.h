// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

// `cratedesk publish FILE.crate... (--feed NAME | --index URL) [--dry-run] [--json]`. `args` starts with the command's name; returns the exit code.
int runPublishCommand(const QStringList &args);
