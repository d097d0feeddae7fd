// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectorcommands.h"

#include "cliio.h"

#include "curation/connectorconfig.h"
#include "curation/cratefilter.h"
#include "localfeed/connectorsaver.h"
#include "localfeed/connectorstore.h"
#include "localfeed/feedserveroptions.h"
#include "localfeed/feedstore.h"
#include "localfeed/upstreamconnector.h"
#include "net/httpclient.h"
#include "secrets/keychainsecretstore.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QCoreApplication>
#include <QNetworkAccessManager>

#include <cstdio>
#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace Cli;

namespace {

const QCommandLineOption &dataOption()
{
    static const QCommandLineOption option(u"data"_s, u"The local feed's data folder (default: %1)."_s.arg(FeedServerOptions::defaultDataDir()), u"dir"_s);
    return option;
}

// The feed's database, opened beside a running `cratedesk serve` (WAL allows it); a running
// server applies connector changes when it starts next.
struct FeedAccess
{
    std::unique_ptr<FeedStore> feed;
    std::unique_ptr<ConnectorStore> connectors;
};

std::optional<FeedAccess> openFeed(const QCommandLineParser &parser, QString *error)
{
    const QString dataDir = parser.isSet(dataOption()) ? parser.value(dataOption()) : FeedServerOptions::defaultDataDir();
    FeedAccess access;
    access.feed = std::make_unique<FeedStore>(dataDir);
    if (const FeedError failure = access.feed->open(FeedStore::OpenMode::Admin)) {
        *error = failure.detail;
        return std::nullopt;
    }
    access.connectors = std::make_unique<ConnectorStore>(access.feed.get());
    return access;
}

// "cratedesk connector VERB ARGS..." with `skip` leading words that are not the parser's.
bool parse(QCommandLineParser &parser, const QStringList &args, int skip, int positionals, const QString &usage, QString *error)
{
    parser.addOption(dataOption());
    return Cli::parseCommand(parser, QStringList{args.at(0)} + args.mid(skip), positionals, usage, error);
}

QString describe(const ConnectorConfig &config)
{
    static const char *auth[] = {"no auth", "token", "basic"};
    QStringList parts{config.name, config.indexUrl.toString(),
                      QString::fromLatin1(auth[int(config.auth)]) + (config.auth == ConnectorConfig::Auth::Basic ? u" (%1)"_s.arg(config.user) : QString())};
    parts << (config.filters.isEmpty() ? u"no filters"_s : u"filters: "_s + config.filters.join(u' '));
    if (!config.approved.isEmpty()) {
        QStringList approved;
        for (const ApprovedCrate &entry : config.approved)
            approved << entry.toString();
        parts << u"approved: "_s + approved.join(u", "_s);
    }
    if (config.licenses.isActive())
        parts << u"licenses: allowed [%1] blocked [%2] unknown %3"_s.arg(config.licenses.allowed.join(u' '), config.licenses.blocked.join(u' '),
                                                                         config.licenses.allowUnknown ? u"pass"_s : u"blocked"_s);
    if (!config.advisoryDatabase.isEmpty())
        parts << u"advisories: "_s + config.advisoryDatabase
                     + (config.blockSeverity.isEmpty() ? QString() : u" (blocks severity %1 and worse)"_s.arg(config.blockSeverity));
    if (config.minAgeDays > 0) {
        QStringList exceptions;
        for (const ApprovedCrate &entry : config.ageExceptions)
            exceptions << entry.toString();
        parts << u"holds new versions %1 days%2"_s.arg(config.minAgeDays).arg(
                     exceptions.isEmpty() ? QString() : u" (except %1)"_s.arg(exceptions.join(u", "_s)));
    }
    return parts.join(u'\t');
}

int connectorAdd(const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption tokenStdin(u"token-stdin"_s, u"Read the upstream's token from standard input."_s);
    const QCommandLineOption user(u"user"_s, u"Basic authentication user for the upstream."_s, u"user"_s);
    const QCommandLineOption passwordStdin(u"password-stdin"_s, u"Read the Basic password from standard input."_s);
    const QCommandLineOption allow(u"allow"_s, u"Serve only crates matching PATTERN ('*', '?'); repeatable."_s, u"pattern"_s);
    const QCommandLineOption block(u"block"_s, u"Never serve crates matching PATTERN; repeatable."_s, u"pattern"_s);
    const QCommandLineOption approve(u"approve"_s, u"Approved list entry \"NAME [REQ]\"; repeatable."_s, u"entry"_s);
    const QCommandLineOption allowLicense(u"allow-license"_s, u"Allowed SPDX license; repeatable."_s, u"id"_s);
    const QCommandLineOption blockLicense(u"block-license"_s, u"Blocked SPDX license; repeatable."_s, u"id"_s);
    const QCommandLineOption denyUnknown(u"deny-unknown-licenses"_s, u"Hide versions whose license is neither allowed nor blocked."_s);
    const QCommandLineOption timeout(u"timeout"_s, u"Seconds to wait for the upstream (default 30)."_s, u"s"_s, u"30"_s);
    const QCommandLineOption cache(u"cache-seconds"_s, u"Seconds an index file is served before asking again (default 60)."_s, u"s"_s, u"60"_s);
    const QCommandLineOption minAge(u"min-age"_s, u"Hold versions younger than DAYS (default 0: none)."_s, u"days"_s, u"0"_s);
    const QCommandLineOption minAgeExcept(u"min-age-except"_s, u"Never hold \"NAME [REQ]\"; repeatable."_s, u"entry"_s);
    const QCommandLineOption advisories(u"advisories"_s, u"A local RustSec advisory database (e.g. a clone of rustsec/advisory-db): "
                                                         u"block what it calls malicious."_s, u"dir"_s);
    const QCommandLineOption blockSeverity(u"block-severity"_s, u"Also block versions with an advisory of this CVSS severity or worse: "
                                                                u"low, medium, high or critical."_s, u"level"_s);
    parser.addOptions({tokenStdin, user, passwordStdin, allow, block, approve, allowLicense, blockLicense, denyUnknown, timeout, cache,
                       minAge, minAgeExcept, advisories, blockSeverity});
    QString error;
    if (!parse(parser, args, 2, 2, u"connector add NAME UPSTREAM_INDEX_URL [--data DIR] [--token-stdin | --user U --password-stdin] [--allow PATTERN]... [--block PATTERN]..."_s, &error))
        return fail(error);

    ConnectorConfig config;
    config.name = parser.positionalArguments().at(0);
    config.indexUrl = ConnectorConfig::normalizeIndexUrl(parser.positionalArguments().at(1), &error);
    if (config.indexUrl.isEmpty())
        return fail(error);
    if (parser.isSet(tokenStdin) && (parser.isSet(user) || parser.isSet(passwordStdin)))
        return fail(u"use either --token-stdin or --user with --password-stdin, not both"_s);
    if (parser.isSet(user) != parser.isSet(passwordStdin))
        return fail(u"Basic authentication needs both --user and --password-stdin"_s);
    config.auth = parser.isSet(tokenStdin) ? ConnectorConfig::Auth::Token : parser.isSet(user) ? ConnectorConfig::Auth::Basic : ConnectorConfig::Auth::None;
    config.user = parser.value(user);
    config.filters = parser.values(allow);
    for (const QString &pattern : parser.values(block))
        config.filters << (pattern.startsWith(u'!') ? pattern : u'!' + pattern);
    for (const QString &entry : parser.values(approve)) {
        const auto parsed = ConnectorConfig::parseApproved(entry, &error);
        if (!parsed)
            return fail(error);
        config.approved << *parsed;
    }
    config.licenses = {parser.values(allowLicense), parser.values(blockLicense), !parser.isSet(denyUnknown)};
    bool ok = false;
    config.timeoutSeconds = parser.value(timeout).toInt(&ok);
    if (!ok)
        return fail(u"--timeout must be a number of seconds, not \"%1\""_s.arg(parser.value(timeout)));
    config.cacheSeconds = parser.value(cache).toInt(&ok);
    if (!ok)
        return fail(u"--cache-seconds must be a number of seconds, not \"%1\""_s.arg(parser.value(cache)));
    config.minAgeDays = parser.value(minAge).toInt(&ok);
    if (!ok)
        return fail(u"--min-age must be a number of days, not \"%1\""_s.arg(parser.value(minAge)));
    for (const QString &entry : parser.values(minAgeExcept)) {
        const auto parsed = ConnectorConfig::parseApproved(entry, &error);
        if (!parsed)
            return fail(u"--min-age-except: "_s + error);
        config.ageExceptions << *parsed;
    }
    if (parser.isSet(advisories)) {
        const QFileInfo folder(parser.value(advisories));
        if (!QFileInfo(folder.absoluteFilePath() + u"/crates"_s).isDir())
            return fail(u"--advisories: %1 is not a RustSec advisory database (it has no crates/ folder)"_s.arg(folder.absoluteFilePath()));
        config.advisoryDatabase = folder.absoluteFilePath();
    }
    config.blockSeverity = parser.value(blockSeverity);
    if (const QString invalid = config.validationError(); !invalid.isEmpty())
        return fail(invalid);

    QByteArray secret;
    if (config.auth != ConnectorConfig::Auth::None) {
        secret = readSecretFromStdin();
        if (secret.isEmpty())
            return fail(u"nothing was read from standard input; pipe the secret in"_s);
    }
    auto access = openFeed(parser, &error);
    if (!access)
        return fail(error);
    KeychainSecretStore secrets;
    int code = -1; // set once the saver is done, at once or after the keychain answered
    ConnectorSaver(access->connectors.get(), &secrets).add(config, secret, nullptr, [&code, config](const ConnectorSaver::Outcome &outcome) {
        code = outcome.ok() ? 0 : 1;
        if (outcome.ok()) {
            out(config.auth == ConnectorConfig::Auth::None
                    ? u"added connector %1 (%2)"_s.arg(config.name, config.indexUrl.toString())
                    : u"added connector %1 (%2), secret in the keychain"_s.arg(config.name, config.indexUrl.toString()));
        }
        finishWith(code, outcome.error);
    });
    return code >= 0 ? code : QCoreApplication::exec();
}

int connectorList(const QStringList &args)
{
    QCommandLineParser parser;
    QString error;
    if (!parse(parser, args, 2, 0, u"connector list [--data DIR]"_s, &error))
        return fail(error);
    auto access = openFeed(parser, &error);
    if (!access)
        return fail(error);
    for (const ConnectorConfig &config : access->connectors->connectors())
        out(describe(config));
    // Names served from a connector stay with it; a local publish of them is refused.
    for (const ConnectorStore::Pin &pin : access->connectors->pins())
        out(u"pinned: %1 -> connector %2 (since %3)"_s.arg(pin.name, pin.connector, pin.pinned.toString(Qt::ISODate)));
    // Versions whose bytes an upstream changed: refused until an owner accepts them.
    for (const ConnectorStore::ChangedVersion &changed : access->connectors->changedVersions())
        out(u"changed: %1@%2 from connector %3: first listed %4 with sha256 %5, since %6 with %7; refused until "
            u"`cratedesk connector accept-change %3 %1@%2`"_s.arg(changed.name, changed.vers, changed.connector,
                                                                  changed.seen.firstSeen.toString(Qt::ISODate), changed.seen.cksum,
                                                                  changed.seen.changedSeen.toString(Qt::ISODate), changed.seen.changedCksum));
    return 0;
}

int connectorAcceptChange(const QStringList &args)
{
    QCommandLineParser parser;
    QString error;
    if (!parse(parser, args, 2, 2, u"connector accept-change CONNECTOR CRATE@VERSION [--data DIR]"_s, &error))
        return fail(error);
    const QString connector = parser.positionalArguments().at(0);
    const QString reference = parser.positionalArguments().at(1);
    const qsizetype at = reference.indexOf(u'@');
    if (at <= 0 || at == reference.size() - 1)
        return fail(u"name the version as CRATE@VERSION, not \"%1\""_s.arg(reference.left(120)));
    auto access = openFeed(parser, &error);
    if (!access)
        return fail(error);
    const QString name = reference.left(at).toLower();
    const QString vers = reference.mid(at + 1);
    if (const FeedError acceptError = access->connectors->acceptChange(connector, name, vers))
        return fail(acceptError.detail);
    out(u"connector %1 now serves %2@%3 with the bytes its upstream lists today (the feed's next start picks it up)"_s.arg(connector, name, vers));
    return 0;
}

int connectorUnpin(const QStringList &args)
{
    QCommandLineParser parser;
    QString error;
    if (!parse(parser, args, 2, 1, u"connector unpin CRATE [--data DIR]"_s, &error))
        return fail(error);
    auto access = openFeed(parser, &error);
    if (!access)
        return fail(error);
    const QString name = parser.positionalArguments().at(0).toLower();
    const auto pin = access->connectors->pin(name);
    if (const FeedError unpinError = access->connectors->unpin(name))
        return fail(unpinError.detail);
    out(u"crate %1 is no longer pinned to connector %2; a local publish or any connector may now serve it"_s.arg(name, pin->connector));
    return 0;
}

int connectorRemove(const QStringList &args)
{
    QCommandLineParser parser;
    QString error;
    if (!parse(parser, args, 2, 1, u"connector remove NAME [--data DIR]"_s, &error))
        return fail(error);
    auto access = openFeed(parser, &error);
    if (!access)
        return fail(error);
    const QString name = parser.positionalArguments().at(0);
    KeychainSecretStore secrets;
    int code = -1; // set once the saver is done, at once or after the keychain answered
    ConnectorSaver(access->connectors.get(), &secrets).remove(name, nullptr, [&code, name](const ConnectorSaver::Outcome &outcome) {
        code = outcome.ok() ? 0 : 1;
        if (!outcome.warning.isEmpty())
            std::fprintf(stderr, "cratedesk: warning: %s\n", qPrintable(outcome.warning));
        if (outcome.ok())
            out(u"removed connector %1"_s.arg(name));
        finishWith(code, outcome.error);
    });
    return code >= 0 ? code : QCoreApplication::exec();
}

int connectorTest(const QStringList &args)
{
    QCommandLineParser parser;
    QString error;
    if (!parse(parser, args, 2, 1, u"connector test NAME [--data DIR]"_s, &error))
        return fail(error);
    auto access = openFeed(parser, &error);
    if (!access)
        return fail(error);
    const auto config = access->connectors->connector(parser.positionalArguments().at(0));
    if (!config)
        return fail(u"the local feed has no connector named %1"_s.arg(parser.positionalArguments().at(0)));
    QNetworkAccessManager nam;
    HttpClient http(&nam);
    UpstreamConnector connector(*config, nullptr, &http);
    KeychainSecretStore secrets;
    if (config->auth != ConnectorConfig::Auth::None) {
        secrets.readSecret(ConnectorConfig::secretKey(access->feed->dataDir(), config->name), &connector,
                           [&connector](const SecretStore::Result &result) {
                               if (result.ok())
                                   connector.setSecret(result.secret);
                               else
                                   connector.setSecretError(result.message);
                           });
    }
    connector.testConnection([name = config->name](const RegistryError &failure, const QString &summary) {
        if (failure)
            return finishWith(1, u"connector %1: %2"_s.arg(name, failure.message));
        out(u"connector %1: %2"_s.arg(name, summary));
        finishWith(0);
    });
    return QCoreApplication::exec();
}

int connectorFilter(const QStringList &args)
{
    const QString verb = args.value(2);
    if (verb != u"add"_s && verb != u"remove"_s)
        return fail(u"usage: cratedesk connector filter add|remove NAME PATTERN [--data DIR]"_s);
    QCommandLineParser parser;
    QString error;
    if (!parse(parser, args, 3, 2, u"connector filter %1 NAME PATTERN [--data DIR]"_s.arg(verb), &error))
        return fail(error);
    auto access = openFeed(parser, &error);
    if (!access)
        return fail(error);
    const QString name = parser.positionalArguments().at(0);
    const QString pattern = parser.positionalArguments().at(1);
    auto config = access->connectors->connector(name);
    if (!config)
        return fail(u"the local feed has no connector named %1"_s.arg(name));
    if (verb == u"add"_s) {
        if (const QString invalid = CrateFilter::patternError(pattern); !invalid.isEmpty())
            return fail(invalid);
        if (config->filters.contains(pattern))
            return fail(u"connector %1 already has the filter \"%2\""_s.arg(name, pattern));
        config->filters << pattern;
    } else if (!config->filters.removeOne(pattern)) {
        return fail(u"connector %1 has no filter \"%2\"; it has: %3"_s.arg(name, pattern, config->filters.isEmpty() ? u"none"_s : config->filters.join(u' ')));
    }
    if (const FeedError saveError = access->connectors->saveConnector(*config))
        return fail(saveError.detail);
    out(u"connector %1 filters: %2"_s.arg(name, config->filters.isEmpty() ? u"none"_s : config->filters.join(u' ')));
    return 0;
}

} // namespace

int runConnectorCommand(const QStringList &args)
{
    const QString verb = args.value(1);
    if (verb == u"add"_s)
        return connectorAdd(args);
    if (verb == u"list"_s)
        return connectorList(args);
    if (verb == u"remove"_s)
        return connectorRemove(args);
    if (verb == u"test"_s)
        return connectorTest(args);
    if (verb == u"filter"_s)
        return connectorFilter(args);
    if (verb == u"unpin"_s)
        return connectorUnpin(args);
    if (verb == u"accept-change"_s)
        return connectorAcceptChange(args);
    return fail(u"usage: cratedesk connector add|list|remove|test|filter|unpin|accept-change ... (see cratedesk connector VERB --help)"_s);
}
