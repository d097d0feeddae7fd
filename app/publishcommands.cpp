// SPDX-License-Identifier: GPL-3.0-or-later
#include "publishcommands.h"

#include <cstdio>

int runPublishCommand(const QStringList &args)
{
    std::fprintf(stderr, "cratedesk: %s is not available yet\n", qPrintable(args.value(0)));
    return 2;
}
