// SPDX-License-Identifier: GPL-3.0-or-later
#include "cliio.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

namespace Cli {

void out(const QString &line)
{
    std::fputs(qPrintable(line + u'\n'), stdout);
}

int fail(const QString &message)
{
    // What went to stdout before the failure stays before it.
    std::fflush(stdout);
    std::fprintf(stderr, "cratedesk: %s\n", qPrintable(message));
    return 1;
}

void finishWith(int code, const QString &error)
{
    if (!error.isEmpty())
        fail(error);
    std::fflush(stdout);
    QCoreApplication::exit(code);
}

QByteArray readSecretFromStdin()
{
    QTextStream in(stdin);
    return in.readLine().trimmed().toUtf8();
}

} // namespace Cli
