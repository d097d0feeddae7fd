// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

class QCommandLineParser;

// How every headless command talks to its caller: results on stdout, one line per failure
// on stderr ("cratedesk: ..."), secrets only from stdin.
namespace Cli {

void out(const QString &line); // with a newline
int fail(const QString &message); // returns the exit code 1
// Ends the event loop of an asynchronous command, first printing `error` when there is one.
void finishWith(int code, const QString &error = {});
QByteArray readSecretFromStdin(); // one line, trimmed
// Parses `args` (the program name first) with --help added and exactly `positionals`
// arguments expected; otherwise *error is the parser's message or "usage: cratedesk USAGE".
bool parseCommand(QCommandLineParser &parser, const QStringList &args, int positionals, const QString &usage, QString *error);

} // namespace Cli
