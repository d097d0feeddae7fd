// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

// `cratedesk connector add|list|remove|test|filter ...`. `args` starts with the command's name; returns the exit code.
int runConnectorCommand(const QStringList &args);
