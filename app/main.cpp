// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandline.h"
#include "guiapp.h"

int main(int argc, char **argv)
{
    if (const auto exitCode = runCommandLine(argc, argv))
        return *exitCode;
    return runGuiApp(argc, argv);
}
