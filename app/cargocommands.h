// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

// `cratedesk cargo-setup ... and cratedesk credential (cargo's credential-provider protocol)`. `args` starts with the command's name; returns the exit code.
int runCargoCommand(const QStringList &args);
