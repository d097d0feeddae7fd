// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

// Starts the desktop app; returns the process exit code.
int runGuiApp(int argc, char **argv);
