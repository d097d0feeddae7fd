// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandline.h"

#include "cargocommands.h"
#include "connectorcommands.h"
#include "feedcommands.h"
#include "promotecommands.h"
#include "publishcommands.h"
#include "registrycommands.h"

#include <QCoreApplication>
#include <QStringList>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

std::optional<int> runCommandLine(int argc, char **argv)
{
    if (argc < 2)
        return std::nullopt;
    const QByteArray command(argv[1]);
    static const QList<QByteArray> commands = {"serve", "feed", "search", "info", "download", "yank", "owner", "closure", "audit",
                                                "publish", "promote", "cargo-setup", "credential", "connector",
                                                // cargo runs a credential provider as `EXE --cargo-plugin`
                                                "--cargo-plugin"};
    if (!commands.contains(command))
        return std::nullopt;

    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"cratedesk"_s);
    QCoreApplication::setOrganizationName(u"CrateDesk"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(CRATEDESK_VERSION));
    // Drop argv[0]: each command parses "NAME [options]".
    const QStringList args = QCoreApplication::arguments().mid(1);

    if (command == "serve")
        return runServeCommand(args);
    if (command == "publish")
        return runPublishCommand(args);
    if (command == "promote")
        return runPromoteCommand(args);
    if (command == "cargo-setup" || command == "credential" || command == "--cargo-plugin")
        return runCargoCommand(args);
    if (command == "connector")
        return runConnectorCommand(args);
    if (command == "feed" && args.value(1) == u"token"_s)
        return runFeedCommand(args);
    return runRegistryCommand(QCoreApplication::arguments());
}
