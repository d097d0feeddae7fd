// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandline.h"

#include "feedcommands.h"

#include <QCoreApplication>
#include <QStringList>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

std::optional<int> runCommandLine(int argc, char **argv)
{
    if (argc < 2)
        return std::nullopt;
    const QByteArray command(argv[1]);
    if (command != "serve" && command != "feed")
        return std::nullopt;

    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"cratedesk"_s);
    QCoreApplication::setOrganizationName(u"CrateDesk"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(CRATEDESK_VERSION));
    // Drop argv[0]: each command parses "NAME [options]".
    const QStringList args = QCoreApplication::arguments().mid(1);

    if (command == "serve")
        return runServeCommand(args);
    return runFeedCommand(args);
}
