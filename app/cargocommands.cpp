// SPDX-License-Identifier: GPL-3.0-or-later
#include "cargocommands.h"

#include "cliio.h"

#include "cargo/cargocredentialprovider.h"
#include "cargo/cargosetupplan.h"
#include "cargo/feedownershipcheck.h"
#include "clicontext.h"
#include "localfeed/localfeedlocations.h"
#include "registry/feedsettings.h"
#include "secrets/keychainsecretstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QTimer>

#include <cstdio>
#include <iostream>
#include <string>

#include <unistd.h>

using namespace Qt::Literals::StringLiterals;
using Cli::fail;

namespace {

void out(const QString &text)
{
    std::fputs(qPrintable(text), stdout);
}

void warn(const QString &message)
{
    std::fprintf(stderr, "cratedesk: warning: %s\n", qPrintable(message));
}

QString defaultCargoHome()
{
    const QString env = qEnvironmentVariable("CARGO_HOME");
    return env.isEmpty() ? QDir::homePath() + u"/.cargo"_s : env;
}

// The keychain secret as cargo would send it ("Basic …" for user and password feeds);
// `done` gets an empty value when there is none.
void readFeedSecret(CliContext &context, const Feed &feed, std::function<void(const QByteArray &, const QString &)> done)
{
    if (feed.auth == Feed::AuthKind::None)
        return done({}, {});
    context.secrets().readSecret(feed.secretKey(), nullptr, [feed, done = std::move(done)](const SecretStore::Result &result) {
        if (!result.ok())
            return done({}, result.message);
        done(feed.authorization(result.secret), {});
    });
}

// Registers the feed with cargo once its secret is read: the plan, its diff, and the files.
void applySetup(CliContext &context, const Feed &feed, CargoSetupOptions options, bool dryRun, std::function<void(int)> finish)
{
    const bool copyToken = options.tokenHandling == CargoSetupOptions::TokenHandling::CargoToken;
    // The keychain is read first: for cargo-token to copy the secret, for keychain to warn
    // early when cargo would find nothing there.
    readFeedSecret(context, feed, [=](const QByteArray &secret, const QString &secretError) mutable {
        if (copyToken && secret.isEmpty())
            return finish(fail(u"there is no secret for \"%1\" in the keychain to copy (%2)"_s.arg(feed.name, secretError)));
        if (!copyToken && secret.isEmpty() && feed.auth != Feed::AuthKind::None)
            warn(u"cargo will get no token for \"%1\" until the keychain has one (%2); `cargo login --registry %1` stores it there"_s.arg(feed.name, secretError));
        if (copyToken)
            options.token = dryRun ? QByteArray("<token from the keychain>") : secret; // a preview never holds the secret
        const CargoSetupPlan plan = CargoSetupPlan::make(options);
        if (!plan.isValid())
            return finish(fail(plan.errorString()));
        for (const QString &warning : plan.warnings())
            warn(warning);
        if (!plan.hasChanges()) {
            out(u"%1 already registers \"%2\" this way; nothing to change\n"_s.arg(plan.configFile(), feed.name));
            return finish(0);
        }
        out(plan.diff());
        if (dryRun)
            return finish(0);
        QString applyError;
        if (!plan.apply(&applyError))
            return finish(fail(applyError));
        for (const CargoSetupPlan::FileChange &change : plan.changes())
            out(change.existed ? u"updated %1 (backup: %2)\n"_s.arg(change.path, CargoSetupPlan::backupPath(change.path))
                               : u"created %1\n"_s.arg(change.path));
        out(u"undo with: cratedesk cargo-setup --undo%1\n"_s.arg(options.projectDir.isEmpty() ? u" --cargo-home "_s + options.cargoHome
                                                                                         : u" --project "_s + options.projectDir));
        finish(0);
    });
}

int undoSetup(const CargoSetupOptions &options)
{
    QStringList restored;
    QString error;
    if (!CargoSetupPlan::undo(options.configDir(), &restored, &error))
        return fail(error);
    for (const QString &file : std::as_const(restored))
        out(QFileInfo::exists(file) ? u"restored %1\n"_s.arg(file) : u"removed %1 (it did not exist before)\n"_s.arg(file));
    return 0;
}

int runSetup(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Register a feed with cargo: [registries.NAME] with a credential provider, and optionally make it the default or route crates.io through it."_s);
    parser.addHelpOption();
    const QCommandLineOption feedOption(u"feed"_s, u"The feed to register (see `cratedesk feed list`)."_s, u"name"_s);
    const QCommandLineOption defaultOption(u"default"_s, u"Make it cargo's default registry ([registry] default)."_s);
    const QCommandLineOption proxyOption(u"proxy-crates-io"_s, u"Fetch every crates.io dependency through the feed ([source.crates-io] replace-with)."_s);
    const QCommandLineOption homeOption(u"cargo-home"_s, u"Cargo's home (default: $CARGO_HOME or ~/.cargo)."_s, u"dir"_s);
    const QCommandLineOption projectOption(u"project"_s, u"Edit PROJECT/.cargo/config.toml instead of the global config."_s, u"dir"_s);
    const QCommandLineOption dryRunOption(u"dry-run"_s, u"Print the changes as a diff; write nothing."_s);
    const QCommandLineOption undoOption(u"undo"_s, u"Restore the files the last cargo-setup changed."_s);
    const QCommandLineOption tokenOption(u"token-provider"_s, u"keychain (default: cargo asks cratedesk, the token stays in the keychain) or cargo-token (copies the token in plain text to credentials.toml)."_s, u"kind"_s, u"keychain"_s);
    const QCommandLineOption envOption(u"print-env"_s, u"Print the equivalent environment variables; write nothing."_s);
    parser.addOptions({feedOption, defaultOption, proxyOption, homeOption, projectOption, dryRunOption, undoOption, tokenOption, envOption});
    if (!parser.parse(args))
        return fail(parser.errorText());
    if (parser.isSet(u"help"_s))
        parser.showHelp(0);
    if (!parser.positionalArguments().isEmpty())
        return fail(u"cargo-setup takes no arguments, got \"%1\""_s.arg(parser.positionalArguments().join(u' ')));

    CargoSetupOptions options;
    options.cargoHome = parser.isSet(homeOption) ? QDir(parser.value(homeOption)).absolutePath() : defaultCargoHome();
    if (parser.isSet(projectOption))
        options.projectDir = QDir(parser.value(projectOption)).absolutePath();
    if (parser.isSet(undoOption))
        return undoSetup(options);

    const QString tokenKind = parser.value(tokenOption);
    if (tokenKind != u"keychain"_s && tokenKind != u"cargo-token"_s)
        return fail(u"--token-provider is keychain or cargo-token, not \"%1\""_s.arg(tokenKind));
    CliContext context;
    QString error;
    const std::optional<Feed> feed = context.resolveFeed(parser.value(feedOption), {}, &error);
    if (!feed)
        return fail(error);
    options.registryName = feed->registryName();
    options.cargoIndexUrl = feed->cargoIndexUrl();
    options.makeDefault = parser.isSet(defaultOption);
    options.proxyCratesIo = parser.isSet(proxyOption);
    options.tokenHandling = tokenKind == u"keychain"_s ? CargoSetupOptions::TokenHandling::Keychain : CargoSetupOptions::TokenHandling::CargoToken;
    options.providerCommand = CargoSetupOptions::providerCommandFor(feed->commandLineName());

    if (parser.isSet(envOption)) {
        const CargoSetupPlan plan = CargoSetupPlan::make(options);
        if (!plan.isValid())
            return fail(plan.errorString());
        out(plan.environmentLines().join(u'\n') + u'\n');
        return 0;
    }

    int exitCode = -1; // set when the setup is done, at once or after the keychain answered
    applySetup(context, *feed, options, parser.isSet(dryRunOption), [&exitCode](int code) {
        exitCode = code;
        QCoreApplication::exit(code);
    });
    if (exitCode < 0)
        QCoreApplication::exec();
    std::fflush(stdout);
    return exitCode;
}

// What cargo runs: `cratedesk --cargo-plugin` with the configured arguments in each request.
int runCredential(const QStringList &args)
{
    if (!args.contains(u"--cargo-plugin"_s) && ::isatty(STDIN_FILENO)) {
        std::fprintf(stderr, "cratedesk credential is cargo's credential provider for CrateDesk's feeds; cargo runs it.\n"
                             "Set it up with: cratedesk cargo-setup --feed NAME\n");
        return 2;
    }
    // Cargo shows the provider's stderr in the middle of its own output: no debug chatter
    // (a missing keychain entry is an answer here, not news) unless someone asked for it.
    if (!qEnvironmentVariableIsSet("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(u"cratedesk.*.debug=false"_s);
    CliContext context;
    CargoCredentialProvider provider(
        &context.secrets(),
        [&context](const QString &name) {
            QString ignored;
            return context.resolveFeed(name, {}, &ignored);
        },
        context.feeds().feeds());
    // The token of a local feed goes only to a server that proves it serves the feed's data.
    FeedOwnershipCheck ownershipCheck(&context.http());
    const LocalFeedLocations locations(&context.settings());
    provider.setOwnershipCheck(&ownershipCheck, [&locations](const Feed &feed) { return locations.dataDirFor(feed); });
    std::fputs(CargoCredentialProvider::hello().append('\n').constData(), stdout);
    std::fflush(stdout);
    // One request line at a time until cargo closes stdin; cargo waits for each answer
    // before it writes again, so a blocking read between answers loses nothing.
    std::function<void()> next = [&provider, &next] {
        std::string line;
        if (!std::getline(std::cin, line)) {
            QCoreApplication::exit(0);
            return;
        }
        provider.handleRequest(QByteArray::fromStdString(line), [&next](const QByteArray &reply) {
            std::fputs(QByteArray(reply + '\n').constData(), stdout);
            std::fflush(stdout);
            QTimer::singleShot(0, QCoreApplication::instance(), next);
        });
    };
    QTimer::singleShot(0, QCoreApplication::instance(), next);
    return QCoreApplication::exec();
}

} // namespace

int runCargoCommand(const QStringList &args)
{
    if (args.value(0) == u"cargo-setup"_s)
        return runSetup(args);
    return runCredential(args);
}
