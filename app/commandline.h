// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

// The headless commands of the same executable (`cratedesk serve`, `cratedesk feed ...`).
// Returns the exit code, or nullopt when argv names no command and the GUI should start.
std::optional<int> runCommandLine(int argc, char **argv);
