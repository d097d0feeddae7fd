// SPDX-License-Identifier: GPL-3.0-or-later
#include "cliio.h"

#include <QCommandLineParser>

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

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

bool parseCommand(QCommandLineParser &parser, const QStringList &args, int positionals, const QString &usage, QString *error)
{
    parser.addHelpOption();
    parser.addPositionalArgument(u"args"_s, usage);
    if (!parser.parse(args)) {
        *error = parser.errorText();
        return false;
    }
    if (parser.isSet(u"help"_s))
        parser.showHelp(0);
    if (parser.positionalArguments().size() != positionals) {
        *error = u"usage: cratedesk %1"_s.arg(usage);
        return false;
    }
    return true;
}

} // namespace Cli
