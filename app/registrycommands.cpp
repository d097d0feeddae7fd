// SPDX-License-Identifier: GPL-3.0-or-later
#include "registrycommands.h"

#include "cliio.h"

#include "audit/lockfileaudit.h"
#include "crate/cargolock.h"

#include "clicontext.h"
#include "registry/feedremover.h"
#include "registry/feedsaver.h"
#include "registry/feedsettings.h"
#include "cargotypes/feedurl.h"
#include "net/httpclient.h"
#include "cargotypes/cratefilepath.h"
#include "resolve/dependencyclosure.h"
#include "resolve/workspaceroot.h"
#include "crate/cargoworkspace.h"
#include "registry/registryclient.h"
#include "resolve/registryindexsource.h"
#include "cargotypes/versionreq.h"
#include "secrets/keychainsecretstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace Cli;

namespace {

// Failures end with one clear line on stderr and a non-zero exit.
const QCommandLineOption &feedOption()
{
    static const QCommandLineOption option(u"feed"_s, u"The feed (see `cratedesk feed list`; \"local\" is the embedded one)."_s, u"name"_s);
    return option;
}

const QCommandLineOption &indexOption()
{
    static const QCommandLineOption option(u"index"_s, u"A feed given by its index URL instead of a name."_s, u"url"_s);
    return option;
}

// Parses "cratedesk COMMAND ..." (the command word is argument 0 for the parser's purposes).
QJsonObject dependencyJson(const IndexDependency &dep)
{
    static const char *kinds[] = {"normal", "dev", "build"};
    QJsonObject object{{u"name"_s, dep.name},
                       {u"req"_s, dep.req},
                       {u"features"_s, QJsonArray::fromStringList(dep.features)},
                       {u"optional"_s, dep.optional},
                       {u"default_features"_s, dep.defaultFeatures},
                       {u"target"_s, dep.target ? QJsonValue(*dep.target) : QJsonValue()},
                       {u"kind"_s, QString::fromLatin1(kinds[int(dep.kind)])},
                       {u"registry"_s, dep.registry ? QJsonValue(*dep.registry) : QJsonValue()},
                       {u"package"_s, dep.package ? QJsonValue(*dep.package) : QJsonValue()}};
    return object;
}

QJsonObject versionJson(const IndexEntry &entry)
{
    QJsonArray deps;
    for (const IndexDependency &dep : entry.deps)
        deps.append(dependencyJson(dep));
    QJsonObject features;
    for (auto it = entry.features.cbegin(); it != entry.features.cend(); ++it)
        features.insert(it.key(), QJsonArray::fromStringList(it.value()));
    QJsonObject object{{u"vers"_s, entry.vers}, {u"yanked"_s, entry.yanked}, {u"cksum"_s, entry.cksum},
                       {u"deps"_s, deps}, {u"features"_s, features}};
    if (entry.rustVersion)
        object.insert(u"rust_version"_s, *entry.rustVersion);
    if (entry.links)
        object.insert(u"links"_s, *entry.links);
    if (!entry.isValid())
        object.insert(u"invalid"_s, entry.invalidReason);
    return object;
}

// The version `info` describes: the one asked for, else the highest cargo would pick.
const IndexEntry *selectVersion(const QList<IndexEntry> &entries, const QString &wanted)
{
    const IndexEntry *best = nullptr;
    for (const IndexEntry &entry : entries) {
        if (!wanted.isEmpty()) {
            if (entry.vers == wanted)
                return &entry;
            continue;
        }
        if (entry.isCandidate() && !entry.version.isPrerelease() && (!best || best->version < entry.version))
            best = &entry;
    }
    if (!best && wanted.isEmpty() && !entries.isEmpty())
        best = &entries.last();
    return best;
}

void printInfo(const Feed &feed, const QList<IndexEntry> &entries, const IndexEntry &chosen, const QString &license, bool stale)
{
    out(u"%1 %2 (%3%4)"_s.arg(chosen.name, chosen.vers, feed.name, stale ? u", from cache: the feed is unreachable"_s : QString()));
    if (!license.isEmpty())
        out(u"license: %1"_s.arg(license));
    if (chosen.rustVersion)
        out(u"rust-version: %1"_s.arg(*chosen.rustVersion));
    QStringList versions;
    for (auto it = entries.crbegin(); it != entries.crend(); ++it)
        versions << (it->yanked ? it->vers + u" (yanked)"_s : it->vers);
    out(u"versions: %1"_s.arg(versions.join(u", "_s)));
    out(u"dependencies:"_s);
    for (const IndexDependency &dep : chosen.deps) {
        QStringList notes;
        if (dep.kind == IndexDependency::Kind::Dev)
            notes << u"dev"_s;
        if (dep.kind == IndexDependency::Kind::Build)
            notes << u"build"_s;
        if (dep.optional)
            notes << u"optional"_s;
        if (dep.target)
            notes << *dep.target;
        if (dep.package)
            notes << u"package %1"_s.arg(*dep.package);
        out(u"  %1 = \"%2\"%3"_s.arg(dep.name, dep.req, notes.isEmpty() ? QString() : u"  (%1)"_s.arg(notes.join(u", "_s))));
    }
    out(u"features:"_s);
    for (auto it = chosen.features.cbegin(); it != chosen.features.cend(); ++it)
        out(u"  %1 = [%2]"_s.arg(it.key(), it.value().join(u", "_s)));
}

int feedAdd(CliContext &context, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption tokenStdin(u"token-stdin"_s, u"Read the feed's token from standard input."_s);
    const QCommandLineOption user(u"user"_s, u"User name for Basic authentication."_s, u"name"_s);
    const QCommandLineOption passwordStdin(u"password-stdin"_s, u"Read the Basic password from standard input."_s);
    parser.addOptions({tokenStdin, user, passwordStdin});
    QString error;
    if (!Cli::parseCommand(parser, args, 2, u"feed add NAME URL [--token-stdin | --user U --password-stdin]"_s, &error))
        return fail(error);
    const QString name = parser.positionalArguments().at(0);
    const QUrl url = FeedUrl::parse(parser.positionalArguments().at(1), &error);
    if (!url.isValid())
        return fail(error);
    if (parser.isSet(tokenStdin) && parser.isSet(user))
        return fail(u"use either --token-stdin or --user with --password-stdin, not both"_s);
    if (parser.isSet(user) != parser.isSet(passwordStdin))
        return fail(u"Basic authentication needs both --user and --password-stdin"_s);

    Feed feed;
    feed.name = name;
    feed.indexUrl = url;
    QByteArray secret;
    if (parser.isSet(tokenStdin)) {
        feed.auth = Feed::AuthKind::Token;
        secret = readSecretFromStdin();
    } else if (parser.isSet(user)) {
        feed.auth = Feed::AuthKind::Basic;
        feed.basicUser = parser.value(user);
        secret = readSecretFromStdin();
    }
    if (feed.auth != Feed::AuthKind::None && secret.isEmpty())
        return fail(u"nothing was read from standard input; pipe the secret in"_s);
    // The window's own order: the secret first, the feed only once its secret is stored.
    FeedSaver saver(&context.feeds(), &context.secrets());
    QObject::connect(&saver, &FeedSaver::finished, &saver, [](const Feed &saved, const QString &saveError) {
        if (!saveError.isEmpty())
            return finishWith(1, saveError);
        out(saved.auth == Feed::AuthKind::None ? u"added feed %1 (%2)"_s.arg(saved.name, saved.cargoIndexUrl())
                                               : u"added feed %1 (%2), secret in the keychain"_s.arg(saved.name, saved.cargoIndexUrl()));
        finishWith(0);
    });
    saver.save(feed, feed.auth == Feed::AuthKind::None ? FeedSaver::SecretChange::Forget : FeedSaver::SecretChange::Replace, secret);
    return QCoreApplication::exec();
}

int feedList(CliContext &context)
{
    static const char *auth[] = {"no auth", "token", "basic"};
    for (const Feed &feed : context.feeds().feeds())
        out(u"%1\t%2\t%3"_s.arg(feed.name, feed.cargoIndexUrl(), QString::fromLatin1(auth[int(feed.auth)])
                                   + (feed.auth == Feed::AuthKind::Basic ? u" (%1)"_s.arg(feed.basicUser) : QString())));
    return 0;
}

int feedRemove(CliContext &context, const QStringList &args)
{
    QCommandLineParser parser;
    QString error;
    if (!Cli::parseCommand(parser, args, 1, u"feed remove NAME"_s, &error))
        return fail(error);
    const QString name = parser.positionalArguments().at(0);
    FeedRemover remover(&context.feeds(), &context.secrets());
    QObject::connect(&remover, &FeedRemover::removed, &remover, [](const QString &removed, const QString &warning) {
        if (!warning.isEmpty())
            std::fprintf(stderr, "cratedesk: warning: %s\n", qPrintable(warning));
        out(u"removed feed %1"_s.arg(removed));
        finishWith(0);
    });
    if (!remover.remove(name))
        return fail(u"there is no feed called \"%1\""_s.arg(name));
    return QCoreApplication::exec();
}

// What a command on one feed works with.
struct FeedCommandRun
{
    RegistryClient *client;
    Feed feed;
    QStringList positional;
    const QCommandLineParser &parser;
    QString usage;
};

// A handler returns Started once its requests are on their way (finishWith() ends the run),
// or an exit code when it fails before that.
constexpr int Started = -1;

int startSearch(const FeedCommandRun &run)
{
    RegistryReply *reply = run.client->search(run.positional.at(0), qBound(1, run.parser.value(u"limit"_s).toInt(), 100));
    QObject::connect(reply, &RegistryReply::finished, reply, [reply] {
        if (reply->error())
            return finishWith(1, reply->error().message);
        const QJsonObject result = reply->json.object();
        const QJsonArray crates = result.value(u"crates"_s).toArray();
        for (const QJsonValue &value : crates) {
            const QJsonObject hit = value.toObject();
            const QString description = hit.value(u"description"_s).toString().simplified();
            out(u"%1 = \"%2\"%3"_s.arg(hit.value(u"name"_s).toString(), hit.value(u"max_version"_s).toString(),
                                      description.isEmpty() ? QString() : u"    # "_s + description));
        }
        const int total = result.value(u"meta"_s).toObject().value(u"total"_s).toInt();
        if (total > crates.size())
            out(u"... and %1 crates more"_s.arg(total - crates.size()));
        finishWith(0);
    });
    return Started;
}

void printInfoJson(const Feed &feed, const QList<IndexEntry> &entries, const IndexEntry &entry, const QString &license, bool stale)
{
    QJsonArray versions;
    for (const IndexEntry &e : entries)
        versions.append(versionJson(e));
    QJsonObject result{{u"name"_s, entry.name}, {u"feed"_s, feed.name}, {u"version"_s, entry.vers},
                       {u"license"_s, license.isEmpty() ? QJsonValue() : QJsonValue(license)},
                       {u"stale"_s, stale}, {u"versions"_s, versions}};
    out(QString::fromUtf8(QJsonDocument(result).toJson(QJsonDocument::Indented)).trimmed());
}

int startInfo(const FeedCommandRun &run)
{
    RegistryClient *client = run.client;
    RegistryReply *reply = client->fetchIndex(run.positional.at(0));
    const bool asJson = run.parser.isSet(u"json"_s);
    const QString wanted = run.parser.value(u"version"_s);
    QObject::connect(reply, &RegistryReply::finished, client, [client, reply, asJson, wanted, feed = run.feed] {
        if (reply->error())
            return finishWith(1, reply->error().message);
        const QList<IndexEntry> entries = reply->entries;
        const bool stale = reply->stale;
        const IndexEntry *chosen = selectVersion(entries, wanted);
        if (!chosen)
            return finishWith(1, u"%1 has no version %2 in %3"_s.arg(entries.value(0).name, wanted, feed.name));
        const IndexEntry entry = *chosen;
        RegistryReply *license = client->license(entry.name, entry.vers, entry.cksum);
        QObject::connect(license, &RegistryReply::finished, client, [license, entries, entry, asJson, stale, feed] {
            // A license that cannot be found does not hide the rest of the answer.
            const QString text = license->error() ? QString() : license->license;
            if (asJson)
                printInfoJson(feed, entries, entry, text, stale);
            else
                printInfo(feed, entries, entry, text, stale);
            finishWith(0);
        });
    });
    return Started;
}

int startDownload(const FeedCommandRun &run)
{
    RegistryClient *client = run.client;
    if (run.parser.isSet(u"max-crate-size"_s)) {
        bool ok = false;
        const qint64 bytes = run.parser.value(u"max-crate-size"_s).toLongLong(&ok);
        if (!ok || bytes < 1)
            return fail(u"--max-crate-size takes a number of bytes, not \"%1\""_s.arg(run.parser.value(u"max-crate-size"_s)));
        client->setMaxCrateBytes(bytes);
    }
    const QString wanted = run.positional.at(1);
    const QString dir = run.parser.value(u"o"_s);
    RegistryReply *index = client->fetchIndex(run.positional.at(0));
    QObject::connect(index, &RegistryReply::finished, client, [client, index, wanted, dir, feed = run.feed] {
        if (index->error())
            return finishWith(1, index->error().message);
        const IndexEntry *entry = selectVersion(index->entries, wanted);
        if (!entry)
            return finishWith(1, u"%1 has no version %2 in %3"_s.arg(index->entries.value(0).name, wanted, feed.name));
        // The entry passed the index rules, and the path is checked again where it is made.
        const QString target = CrateFilePath::crateFile(dir, entry->name, entry->vers);
        if (target.isEmpty())
            return finishWith(1, u"%1 names %2@%3, which is no file name for a crate"_s.arg(feed.name, entry->name, entry->vers));
        if (!QDir().mkpath(dir))
            return finishWith(1, u"cannot create %1"_s.arg(dir));
        RegistryReply *download = client->download(entry->name, entry->vers, entry->cksum, target);
        QObject::connect(download, &RegistryReply::finished, client, [download, target] {
            if (download->error())
                return finishWith(1, download->error().message);
            out(target);
            finishWith(0);
        });
    });
    return Started;
}

int startYank(const FeedCommandRun &run)
{
    const bool yank = !run.parser.isSet(u"undo"_s);
    const QString crate = run.positional.at(0);
    const QString version = run.positional.at(1);
    RegistryReply *reply = run.client->setYanked(crate, version, yank);
    QObject::connect(reply, &RegistryReply::finished, reply, [reply, crate, yank, version] {
        if (reply->error())
            return finishWith(1, reply->error().message);
        out(u"%1 %2@%3"_s.arg(yank ? u"yanked"_s : u"unyanked"_s, crate, version));
        finishWith(0);
    });
    return Started;
}

// Prints the graph when the closure is done; exits 1 when anything did not resolve.
void printClosureWhenDone(DependencyClosure *closure)
{
    QObject::connect(closure, &DependencyClosure::finished, closure, [closure] {
        const DependencyGraph graph = closure->graph();
        for (const QString &line : graph.summary())
            out(line);
        for (const auto &problem : graph.problems)
            std::fprintf(stderr, "cratedesk: %s\n", qPrintable(problem.message));
        finishWith(graph.root.isEmpty() || !graph.problems.isEmpty() ? 1 : 0);
    });
}

// `closure path/Cargo.toml`: what the workspace takes from the feed, as generate-lockfile
// would resolve it. Crate names hold no '/' or '.', so a manifest path is never one.
std::optional<IndexEntry> workspaceRoot(const QString &argument, QString *error)
{
    const CargoWorkspace::Result read = CargoWorkspace::read(argument);
    if (!read.isOk()) {
        *error = read.error;
        return std::nullopt;
    }
    for (const QString &note : read.workspace->notes)
        std::fprintf(stderr, "cratedesk: %s\n", qPrintable(note));
    return WorkspaceRoot::entry(*read.workspace);
}

int startClosure(const FeedCommandRun &run)
{
    const QString argument = run.positional.at(0);
    auto *source = new RegistryIndexSource(run.client, run.client);
    auto *closure = new DependencyClosure(source, run.client);
    printClosureWhenDone(closure);
    if (argument.endsWith(u"Cargo.toml"_s) || argument.contains(u'/')) {
        QString error;
        const auto root = workspaceRoot(argument, &error);
        if (!root)
            return fail(error);
        closure->start(*root);
        return Started;
    }
    const qsizetype at = argument.indexOf(u'@');
    QString reqError;
    const auto requirement = VersionReq::parse(at < 0 ? u"*"_s : argument.mid(at + 1), &reqError);
    if (!requirement)
        return fail(reqError);
    closure->start(at < 0 ? argument : argument.left(at), *requirement);
    return Started;
}

int startOwner(const FeedCommandRun &run)
{
    const QCommandLineParser &parser = run.parser;
    const QString crate = run.positional.at(0);
    const bool listing = parser.isSet(u"list"_s);
    if (int(listing) + int(parser.isSet(u"add"_s)) + int(parser.isSet(u"remove"_s)) != 1)
        return fail(u"usage: cratedesk %1"_s.arg(run.usage));
    RegistryReply *reply = listing ? run.client->owners(crate)
                                   : run.client->changeOwners(crate, {parser.isSet(u"add"_s) ? parser.value(u"add"_s) : parser.value(u"remove"_s)},
                                                              parser.isSet(u"add"_s));
    QObject::connect(reply, &RegistryReply::finished, reply, [reply, listing] {
        if (reply->error())
            return finishWith(1, reply->error().message);
        const QJsonObject result = reply->json.object();
        if (listing) {
            for (const QJsonValue &user : result.value(u"users"_s).toArray())
                out(user.toObject().value(u"login"_s).toString());
        } else {
            out(result.value(u"msg"_s).toString());
        }
        finishWith(0);
    });
    return Started;
}

void printAudit(const LockfileAudit &audit, bool asJson)
{
    using Status = LockfileAudit::Status;
    const QList<Status> statuses{Status::Ok, Status::Missing, Status::Yanked, Status::Blocked, Status::Held, Status::NotRegistry, Status::Error};
    if (asJson) {
        QJsonArray packages;
        for (const LockfileAudit::Row &row : audit.rows())
            packages.append(QJsonObject{{u"name"_s, row.name}, {u"version"_s, row.version}, {u"status"_s, LockfileAudit::statusName(row.status)},
                                        {u"reason"_s, row.reason.isEmpty() ? QJsonValue() : QJsonValue(row.reason)},
                                        {u"license"_s, row.license.isEmpty() ? QJsonValue() : QJsonValue(row.license)},
                                        {u"notes"_s, QJsonArray::fromStringList(row.notes)}});
        QJsonObject summary{{u"total"_s, int(audit.rows().size())}, {u"passed"_s, audit.passed()},
                            {u"warnings"_s, QJsonArray::fromStringList(audit.warnings())}};
        for (const Status status : statuses)
            summary.insert(LockfileAudit::statusName(status), audit.count(status));
        out(QString::fromUtf8(QJsonDocument(QJsonObject{{u"packages"_s, packages}, {u"summary"_s, summary}}).toJson(QJsonDocument::Indented)).trimmed());
        return;
    }
    out(audit.textReport());
}

// The bill of materials, written whole or not at all; empty, or what went wrong.
QString writeSbom(const QString &path, const LockfileAudit &audit, const QString &project)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(audit.billOfMaterials(project)) < 0 || !file.commit())
        return u"the bill of materials could not be written to %1: %2"_s.arg(path, file.errorString());
    return {};
}

int startAudit(const FeedCommandRun &run)
{
    const CargoLock::Result parsed = CargoLock::readFile(run.positional.at(0));
    if (!parsed.lock)
        return fail(parsed.error);
    auto *audit = new LockfileAudit(run.client, run.client);
    const QStringList allowed = run.parser.values(u"allow-license"_s);
    if (!allowed.isEmpty())
        audit->setLicensePolicy({allowed, {}, false}); // a license that cannot be read is not allowed
    const bool asJson = run.parser.isSet(u"json"_s);
    const QString sbom = run.parser.value(u"sbom"_s);
    audit->setLooksUpLicenses(!sbom.isEmpty());
    const QString project = QFileInfo(run.positional.at(0)).absoluteDir().dirName();
    QObject::connect(audit, &LockfileAudit::finished, audit, [audit, asJson, sbom, project] {
        printAudit(*audit, asJson);
        if (!sbom.isEmpty()) {
            if (const QString error = writeSbom(sbom, *audit, project); !error.isEmpty())
                return finishWith(2, error);
        }
        finishWith(audit->passed() ? 0 : 1);
    });
    audit->start(*parsed.lock);
    return Started;
}

// The commands that work on one feed: their options, arguments and handler.
struct FeedCommand
{
    QString name;
    QList<QCommandLineOption> options;
    int positionals;
    QString usage;
    int (*start)(const FeedCommandRun &);
    // Only reads (and writes nothing a destructor finishes): the process may end without
    // tearing down what it built. See CliContext::endProcess().
    bool readsOnly = false;
};

const QList<FeedCommand> &feedCommands()
{
    static const QList<FeedCommand> commands{
        {u"search"_s, {QCommandLineOption(u"limit"_s, u"How many results (at most 100)."_s, u"n"_s, u"10"_s)}, 1,
         u"search QUERY --feed NAME [--limit N]"_s, startSearch},
        {u"info"_s,
         {QCommandLineOption(u"version"_s, u"The version to describe."_s, u"version"_s), QCommandLineOption(u"json"_s, u"Print JSON."_s)}, 1,
         u"info CRATE [--feed NAME | --index URL] [--version V] [--json]"_s, startInfo},
        {u"download"_s,
         {QCommandLineOption(u"o"_s, u"Folder to download into."_s, u"dir"_s, u"."_s),
          QCommandLineOption(u"max-crate-size"_s, u"The largest .crate accepted, in bytes (default %1)."_s.arg(BodyLimit::Download), u"bytes"_s)},
         2, u"download CRATE VERSION (--feed NAME | --index URL) -o DIR [--max-crate-size BYTES]"_s, startDownload},
        {u"yank"_s, {QCommandLineOption(u"undo"_s, u"Unyank instead."_s)}, 2, u"yank CRATE VERSION [--undo] --feed NAME"_s, startYank},
        {u"closure"_s, {}, 1, u"closure (CRATE[@REQ] | PATH/Cargo.toml) (--feed NAME | --index URL)"_s, startClosure, true},
        {u"owner"_s,
         {QCommandLineOption(u"list"_s, u"List the owners."_s), QCommandLineOption(u"add"_s, u"Add an owner."_s, u"login"_s),
          QCommandLineOption(u"remove"_s, u"Remove an owner."_s, u"login"_s)},
         1, u"owner CRATE --list|--add LOGIN|--remove LOGIN --feed NAME"_s, startOwner},
        {u"audit"_s,
         {QCommandLineOption(u"allow-license"_s, u"A license (SPDX id) the project may use; repeat it. Without it, licenses are not checked."_s, u"id"_s),
          QCommandLineOption(u"json"_s, u"Print JSON."_s),
          QCommandLineOption(u"sbom"_s, u"Also write a CycloneDX 1.5 JSON bill of materials of the lockfile's packages to FILE."_s, u"file"_s)},
         1, u"audit Cargo.lock (--feed NAME | --index URL) [--allow-license ID]... [--json] [--sbom FILE]"_s, startAudit, true},
    };
    return commands;
}

int runFeedSubcommand(CliContext &context, const QStringList &args)
{
    const QString sub = args.value(2);
    const QStringList subArgs = QStringList{u"cratedesk feed "_s + sub} + args.mid(3);
    if (sub == u"add"_s)
        return feedAdd(context, subArgs);
    if (sub == u"list"_s)
        return feedList(context);
    if (sub == u"remove"_s)
        return feedRemove(context, subArgs);
    return fail(u"unknown command `feed %1`; try feed add, feed list, feed remove or feed token create"_s.arg(sub));
}

} // namespace

int runRegistryCommand(const QStringList &args)
{
    CliContext context;
    const QString command = args.value(1);
    if (command == u"feed"_s)
        return runFeedSubcommand(context, args);
    const auto &commands = feedCommands();
    const auto spec = std::find_if(commands.cbegin(), commands.cend(), [&](const FeedCommand &c) { return c.name == command; });
    if (spec == commands.cend())
        return fail(u"unknown command `%1`"_s.arg(command));

    QCommandLineParser parser;
    parser.addOptions({feedOption(), indexOption()});
    parser.addOptions(spec->options);
    QString error;
    if (!Cli::parseCommand(parser, QStringList{u"cratedesk "_s + command} + args.mid(2), spec->positionals, spec->usage, &error))
        return fail(error);
    const auto feed = context.resolveFeed(parser.value(feedOption()), parser.value(indexOption()), &error);
    if (!feed)
        return fail(error);
    std::unique_ptr<RegistryClient> client(context.clientFor(*feed));
    const int started = spec->start({client.get(), *feed, parser.positionalArguments(), parser, spec->usage});
    if (started != Started)
        return started;
    const int exitCode = QCoreApplication::exec();
    if (spec->readsOnly)
        context.endProcess(exitCode);
    return exitCode;
}
