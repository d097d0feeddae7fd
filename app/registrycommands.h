// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

// `cratedesk feed add|list|remove`, `search`, `info`, `download`, `yank`, `owner`: the
// registry client for scripts and CI. `args` is the whole command line.
int runRegistryCommand(const QStringList &args);
