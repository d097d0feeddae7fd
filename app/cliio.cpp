// SPDX-License-Identifier: GPL-3.0-or-later
#include "cliio.h"

#include <QCommandLineParser>

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace {

// Lines carry what feeds sent (reasons, comments, names): a control character from a hostile
// server must not move the cursor, recolour or retitle the user's terminal. Tabs and line
// breaks are the command's own layout.
QString printable(QString text)
{
    for (QChar &c : text) {
        const char16_t code = c.unicode();
        if ((code < 0x20 && code != u'\t' && code != u'\n') || (code >= 0x7f && code <= 0x9f))
            c = QChar(0xfffd);
    }
    return text;
}

} // namespace

namespace Cli {

void out(const QString &line)
{
    std::fputs(qPrintable(printable(line) + u'\n'), stdout);
}

int fail(const QString &message)
{
    // What went to stdout before the failure stays before it.
    std::fflush(stdout);
    std::fprintf(stderr, "cratedesk: %s\n", qPrintable(printable(message)));
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
