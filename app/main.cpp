// SPDX-License-Identifier: GPL-3.0-or-later
#include "guiapp.h"

int main(int argc, char **argv)
{
    return runGuiApp(argc, argv);
}
