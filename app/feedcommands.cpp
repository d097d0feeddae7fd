// SPDX-License-Identifier: GPL-3.0-or-later
#include "feedcommands.h"

#include "cliio.h"

#include "localfeed/feedstore.h"
#include "localfeed/localfeed.h"
#include "localfeed/localfeedlocations.h"
#include "localfeed/localfeedsettings.h"
#include "secrets/keychainsecretstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSettings>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;
using Cli::fail;

namespace {

const QCommandLineOption &dataOption()
{
    static const QCommandLineOption option(u"data"_s, u"The feed's data folder (default: %1)."_s.arg(FeedServerOptions::defaultDataDir()), u"dir"_s);
    return option;
}

// SIGINT/SIGTERM end the event loop normally, so the database is closed cleanly.
int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_signalPipe[1], &byte, 1);
}

void quitOnTerminationSignals()
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, QCoreApplication::instance());
    QObject::connect(notifier, &QSocketNotifier::activated, QCoreApplication::instance(), &QCoreApplication::quit);
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

} // namespace

int runServeCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Serve the local feed: a sparse Cargo registry on 127.0.0.1."_s);
    parser.addHelpOption();
    parser.addOption(dataOption());
    const QCommandLineOption port(
        u"port"_s,
        u"Port on 127.0.0.1 (default: the one in the app's Settings, %1 unless changed; 0 picks a free one)."_s.arg(FeedServerOptions::DefaultPort),
        u"n"_s);
    const QCommandLineOption authRequired(u"auth-required"_s, u"Require a token for reading the index and downloads too."_s);
    const QCommandLineOption maxSize(u"max-crate-size"_s, u"Largest accepted .crate in bytes (default 10 MiB)."_s, u"bytes"_s);
    const QCommandLineOption tlsCertificate(u"tls-cert"_s, u"Serve https with this PEM certificate (chain); needs --tls-key. HTTP/2 is offered."_s, u"file"_s);
    const QCommandLineOption tlsKey(u"tls-key"_s, u"The PEM private key of --tls-cert."_s, u"file"_s);
    parser.addOptions({port, authRequired, maxSize, tlsCertificate, tlsKey});
    if (!parser.parse(args))
        return fail(parser.errorText());
    if (parser.isSet(u"help"_s))
        parser.showHelp(0);
    if (!parser.positionalArguments().isEmpty())
        return fail(u"serve takes no arguments, got \"%1\""_s.arg(parser.positionalArguments().join(u' ')));

    FeedServerOptions options;
    options.dataDir = parser.value(dataOption());
    options.authRequired = parser.isSet(authRequired);
    QSettings settings;
    options.port = LocalFeedSettings(&settings).port(); // where `--feed local` and the app look for it
    if (parser.isSet(port)) {
        bool ok = false;
        const uint value = parser.value(port).toUInt(&ok);
        if (!ok || value > 65535)
            return fail(u"--port must be a number from 0 to 65535, not \"%1\""_s.arg(parser.value(port)));
        options.port = quint16(value);
    }
    if (parser.isSet(maxSize)) {
        bool ok = false;
        options.maxCrateBytes = parser.value(maxSize).toLongLong(&ok);
        if (!ok || options.maxCrateBytes <= 0)
            return fail(u"--max-crate-size must be a positive number of bytes, not \"%1\""_s.arg(parser.value(maxSize)));
    }

    if (parser.isSet(tlsCertificate) != parser.isSet(tlsKey))
        return fail(u"--tls-cert and --tls-key go together"_s);
    options.tlsCertificateFile = parser.value(tlsCertificate);
    options.tlsKeyFile = parser.value(tlsKey);

    // Connectors with credentials read them from the keychain when the feed starts.
    KeychainSecretStore secrets;
    LocalFeed feed(options);
    feed.setSecretStore(&secrets);
    if (const FeedError error = feed.start())
        return fail(error.detail);
    quitOnTerminationSignals();
    // `cratedesk credential` asks a server at this URL to prove it serves this data folder.
    LocalFeedLocations(&settings).remember(feed.indexUrl(), feed.store()->dataDir());
    // The one line on stdout: scripts read the index URL from it.
    std::printf("%s\n", qPrintable(feed.cargoIndexUrl()));
    std::fflush(stdout);
    return QCoreApplication::exec();
}

namespace {

const QString TokenUsage = u"usage: cratedesk feed token create [--data DIR] [--login NAME] [--name NAME] | list [--data DIR] | revoke ID|NAME [--data DIR]"_s;

// Opens the feed of --data (or the default one) beside a running server, as SQLite's WAL allows.
std::unique_ptr<FeedStore> openStore(const QCommandLineParser &parser, QString *error)
{
    const QString dataDir = parser.isSet(dataOption()) ? parser.value(dataOption()) : FeedServerOptions::defaultDataDir();
    auto store = std::make_unique<FeedStore>(dataDir);
    if (const FeedError failure = store->open(FeedStore::OpenMode::Admin)) {
        *error = failure.detail;
        return nullptr;
    }
    return store;
}

int createToken(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Create a token for the local feed and print it."_s);
    parser.addOption(dataOption());
    const QCommandLineOption login(u"login"_s, u"The user the token acts as (default: %1); it keeps the case given."_s.arg(u"local"_s), u"name"_s, u"local"_s);
    const QCommandLineOption name(u"name"_s, u"A name to list and revoke the token by (a letter, then letters, digits, '.', '-', '_')."_s, u"name"_s);
    parser.addOptions({login, name});
    QString error;
    if (!Cli::parseCommand(parser, args, 0, u"feed token create [--data DIR] [--login NAME] [--name NAME]"_s, &error))
        return fail(error);
    const auto store = openStore(parser, &error);
    if (!store)
        return fail(error);
    QString token;
    if (const FeedError failure = store->createToken(parser.value(login), parser.value(name), &token))
        return fail(failure.detail);
    std::printf("%s\n", qPrintable(token));
    return 0;
}

int listTokens(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"List the local feed's tokens: id, name, login, created, last used (UTC)."_s);
    parser.addOption(dataOption());
    QString error;
    if (!Cli::parseCommand(parser, args, 0, u"feed token list [--data DIR]"_s, &error))
        return fail(error);
    const auto store = openStore(parser, &error);
    if (!store)
        return fail(error);
    QList<FeedStore::TokenInfo> tokens;
    if (const FeedError failure = store->tokens(&tokens))
        return fail(failure.detail);
    // One token a line, tab-separated, for people and scripts alike; never the token itself.
    for (const FeedStore::TokenInfo &token : std::as_const(tokens))
        Cli::out(u"%1\t%2\t%3\t%4\t%5"_s.arg(token.id)
                     .arg(token.name.isEmpty() ? u"-"_s : token.name, token.login, token.created,
                          token.lastUsed.isEmpty() ? u"never"_s : token.lastUsed));
    return 0;
}

int revokeToken(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Revoke a token of the local feed by its id or name (see `cratedesk feed token list`)."_s);
    parser.addOption(dataOption());
    QString error;
    if (!Cli::parseCommand(parser, args, 1, u"feed token revoke ID|NAME [--data DIR]"_s, &error))
        return fail(error);
    const auto store = openStore(parser, &error);
    if (!store)
        return fail(error);
    FeedStore::TokenInfo revoked;
    if (const FeedError failure = store->revokeToken(parser.positionalArguments().constFirst(), &revoked))
        return fail(failure.detail);
    Cli::out(u"revoked token %1%2 of %3"_s.arg(revoked.id).arg(revoked.name.isEmpty() ? QString() : u" (" + revoked.name + u')', revoked.login));
    return 0;
}

} // namespace

int runFeedCommand(const QStringList &args)
{
    if (args.size() < 3 || args.at(1) != u"token"_s)
        return fail(TokenUsage);
    const QStringList rest = QStringList{args.at(0)} + args.mid(3);
    if (args.at(2) == u"create"_s)
        return createToken(rest);
    if (args.at(2) == u"list"_s)
        return listTokens(rest);
    if (args.at(2) == u"revoke"_s)
        return revokeToken(rest);
    return fail(TokenUsage);
}
