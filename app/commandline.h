// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

// The headless commands of the same executable (`cratedesk serve`, `cratedesk feed ...`).
// Returns the exit code, or nullopt when argv names no command and the GUI should start.
std::optional<int> runCommandLine(int argc, char **argv);

// The commands, one a line with what each does, for `cratedesk --help`. The man page is made
// from that text and from each command's own --help, so this list is the one to keep current.
QString commandLineSummary();
