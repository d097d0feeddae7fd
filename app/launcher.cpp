// SPDX-License-Identifier: GPL-3.0-or-later
// `cratedesk`: runs a command itself, or becomes the desktop app (cratedesk-desktop, which
// links the widgets) when given none. The window's options and --help/--version are its.
#include "commandline.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include <unistd.h>

namespace {

// Beside this program in a build tree, else where the package installs it (libexec).
std::string desktopProgram()
{
    char self[4096];
    const ssize_t length = readlink("/proc/self/exe", self, sizeof self - 1);
    if (length <= 0)
        return {};
    std::string dir(self, size_t(length));
    dir.erase(dir.rfind('/') + 1);
    for (const std::string &candidate : {dir + "cratedesk-desktop", dir + CRATEDESK_DESKTOP_FROM_BINDIR}) {
        if (access(candidate.c_str(), X_OK) == 0)
            return candidate;
    }
    return dir + CRATEDESK_DESKTOP_FROM_BINDIR; // for the message below
}

} // namespace

int main(int argc, char **argv)
{
    if (const auto exitCode = runCommandLine(argc, argv))
        return *exitCode;
    const std::string desktop = desktopProgram();
    execv(desktop.c_str(), argv);
    std::fprintf(stderr, "cratedesk: cannot start the desktop app %s: %s\n", desktop.c_str(), std::strerror(errno));
    return 127;
}
