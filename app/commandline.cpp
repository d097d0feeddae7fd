// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandline.h"

#include "cargocommands.h"
#include "connectorcommands.h"
#include "diffcommand.h"
#include "feedcommands.h"
#include "promotecommands.h"
#include "publishcommands.h"
#include "registrycommands.h"
#include "wherecommand.h"

#include "net/extracacertificates.h"
#include "net/networkproxyfactory.h"

#include <QCoreApplication>
#include <QProcessEnvironment>
#include <QSettings>
#include <QStringList>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace {

struct CommandHelp
{
    const char *command; // the words before the command's own options, e.g. "feed token create"
    const char *summary;
};

constexpr CommandHelp commandHelp[] = {
    {"serve", "Serve the local feed, a sparse Cargo registry, on 127.0.0.1."},
    {"feed add", "Remember a feed; its token or password goes to the keychain."},
    {"feed list", "List the remembered feeds."},
    {"feed remove", "Forget a feed and its secret."},
    {"feed token create", "Create a token for the local feed and print it."},
    {"feed token list", "List the local feed's tokens (never the tokens themselves)."},
    {"feed token revoke", "Revoke a token of the local feed."},
    {"search", "Search a feed's web API."},
    {"info", "Versions, dependencies, features and license of a crate."},
    {"download", "Download a .crate, kept only if its sha256 matches the index."},
    {"yank", "Yank or unyank a version."},
    {"owner", "List, add or remove the owners of a crate."},
    {"closure", "The dependency closure of a crate, or of a workspace from its Cargo.toml."},
    {"audit", "Check every package a Cargo.lock pins against a feed."},
    {"publish", "Publish prebuilt .crate files with the metadata cargo would send."},
    {"promote", "Copy crate versions (and what they need) from one feed to another."},
    {"diff", "What changed between two versions of a crate: files, dependencies, features, license."},
    {"where", "Which versions of a crate each feed holds, with an alarm for differing checksums."},
    {"cargo-setup", "Register a feed in cargo's configuration."},
    {"credential", "Cargo's credential provider for CrateDesk's feeds (cargo runs it)."},
    {"connector add", "Give the local feed an upstream feed."},
    {"connector list", "List the local feed's upstreams and pinned crates."},
    {"connector remove", "Remove an upstream."},
    {"connector test", "Check that an upstream answers."},
    {"connector filter add", "Add a crate name pattern to an upstream's filter."},
    {"connector filter remove", "Remove a pattern from an upstream's filter."},
    {"connector unpin", "Release a crate name from the upstream it was first served from."},
    {"connector accept-change", "Accept an upstream's new bytes for a version."},
};

// The CAs the Settings dialog or cargo's CARGO_HTTP_CAINFO name, in place before any request.
// A bad file is said once and the command goes on: only feeds that needed it will fail.
void installExtraCaCertificates(const QSettings &settings)
{
    const QString file = ExtraCaCertificates::commandLineFile(settings, QProcessEnvironment::systemEnvironment());
    if (file.isEmpty())
        return;
    const ExtraCaCertificates::Loaded loaded = ExtraCaCertificates::load(file);
    if (!loaded.ok())
        std::fprintf(stderr, "cratedesk: %s\n", qUtf8Printable(loaded.error));
    ExtraCaCertificates::install(loaded);
}

} // namespace

QString commandLineSummary()
{
    QString text = u"Commands (cratedesk COMMAND --help shows a command's options):"_s;
    for (const CommandHelp &help : commandHelp)
        text += u"\n  %1  %2"_s.arg(QString::fromLatin1(help.command).leftJustified(24), QString::fromLatin1(help.summary));
    text += u"\n\nEnvironment:\n  %1=FILE  Trust the CA certificates of this PEM file as well as the system's, as cargo"
            "\n  does (default: the file named in the Settings dialog)."_s.arg(ExtraCaCertificates::CargoVariable);
    return text;
}

std::optional<int> runCommandLine(int argc, char **argv)
{
    if (argc < 2)
        return std::nullopt;
    const QByteArray command(argv[1]);
    // cargo runs a credential provider as `EXE --cargo-plugin`
    bool known = command == "--cargo-plugin";
    for (const CommandHelp &help : commandHelp)
        known = known || QByteArray(help.command).split(' ').constFirst() == command;
    if (!known)
        return std::nullopt;

    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"cratedesk"_s);
    QCoreApplication::setOrganizationName(u"CrateDesk"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(CRATEDESK_VERSION));
    // The proxy the Settings dialog chose, for every command (the local feed never goes through
    // it). Without the password of a manual proxy: the keychain answers only asynchronously, and
    // a command's first request may not wait for it; such a proxy's password comes with the
    // system's settings (http_proxy=http://USER:PASSWORD@HOST:PORT and "Use the system's proxy").
    {
        const QSettings settings;
        NetworkProxyFactory::install(ProxySettings::load(settings));
        installExtraCaCertificates(settings);
    }
    // Drop argv[0]: each command parses "NAME [options]".
    const QStringList args = QCoreApplication::arguments().mid(1);

    if (command == "serve")
        return runServeCommand(args);
    if (command == "publish")
        return runPublishCommand(args);
    if (command == "promote")
        return runPromoteCommand(args);
    if (command == "where")
        return runWhereCommand(args);
    if (command == "diff")
        return runDiffCommand(args);
    if (command == "cargo-setup" || command == "credential" || command == "--cargo-plugin")
        return runCargoCommand(args);
    if (command == "connector")
        return runConnectorCommand(args);
    if (command == "feed" && args.value(1) == u"token"_s)
        return runFeedCommand(args);
    return runRegistryCommand(QCoreApplication::arguments());
}
