// SPDX-License-Identifier: GPL-3.0-or-later
#include "wherecommand.h"

#include "browse/cratewhereabouts.h"
#include "clicontext.h"
#include "cliio.h"
#include "registry/feedsettings.h"
#include "registry/registryclient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using Cli::fail;
using Cli::finishWith;
using Cli::out;

namespace {

// The feeds named with --feed and --index, or every remembered feed.
std::optional<QList<Feed>> chosenFeeds(CliContext &context, const QCommandLineParser &parser, QString *error)
{
    QList<Feed> feeds;
    for (const QString &name : parser.values(u"feed"_s)) {
        const auto feed = context.resolveFeed(name, {}, error);
        if (!feed)
            return std::nullopt;
        feeds.append(*feed);
    }
    for (const QString &url : parser.values(u"index"_s)) {
        auto feed = context.resolveFeed({}, url, error);
        if (!feed)
            return std::nullopt;
        feed->name = feed->indexUrl.toString(); // two feeds on one host must stay apart
        feeds.append(*feed);
    }
    if (feeds.isEmpty())
        feeds = context.feeds().feeds();
    if (feeds.isEmpty())
        *error = u"no feeds to look in: add one with `cratedesk feed add NAME URL`, or name them with --feed or --index"_s;
    return feeds.isEmpty() ? std::nullopt : std::optional(feeds);
}

QJsonObject toJson(const CrateAcrossFeeds &crate)
{
    QJsonArray feeds;
    for (const CrateAcrossFeeds::Holding &holding : crate.feeds) {
        QJsonArray versions;
        for (const IndexEntry &entry : holding.entries)
            versions.append(QJsonObject{{u"vers"_s, entry.vers}, {u"cksum"_s, entry.cksum}, {u"yanked"_s, entry.yanked}});
        feeds.append(QJsonObject{{u"feed"_s, holding.feed}, {u"error"_s, holding.error.isEmpty() ? QJsonValue() : QJsonValue(holding.error)},
                                 {u"missing"_s, holding.missing}, {u"stale"_s, holding.stale}, {u"versions"_s, versions}});
    }
    QJsonArray mismatches;
    for (const CrateAcrossFeeds::Mismatch &mismatch : crate.mismatches()) {
        QJsonObject sums;
        for (const auto &[feed, sum] : mismatch.sums)
            sums.insert(feed, sum);
        mismatches.append(QJsonObject{{u"vers"_s, mismatch.version}, {u"cksums"_s, sums}});
    }
    return {{u"name"_s, crate.crate}, {u"feeds"_s, feeds}, {u"mismatches"_s, mismatches}};
}

void printTable(const CrateAcrossFeeds &crate)
{
    QStringList header{u"version"_s};
    for (const CrateAcrossFeeds::Holding &holding : crate.feeds)
        header << holding.feed;
    out(header.join(u'\t'));
    for (const QString &version : crate.versions()) {
        QStringList row{version};
        for (qsizetype i = 0; i < crate.feeds.size(); ++i) {
            const IndexEntry *entry = crate.entry(i, version);
            row << (!entry ? u"-"_s : entry->yanked ? u"yanked"_s : u"yes"_s);
        }
        out(row.join(u'\t'));
    }
    for (const CrateAcrossFeeds::Holding &holding : crate.feeds) {
        if (!holding.error.isEmpty())
            out(u"%1: not reached: %2"_s.arg(holding.feed, holding.error));
        else if (holding.missing)
            out(u"%1: no crate %2"_s.arg(holding.feed, crate.crate));
    }
    for (const CrateAcrossFeeds::Mismatch &mismatch : crate.mismatches()) {
        QStringList sums;
        for (const auto &[feed, sum] : mismatch.sums)
            sums << u"%1 %2"_s.arg(feed, sum);
        out(u"ALARM: %1@%2 has different checksums: %3"_s.arg(crate.crate, mismatch.version, sums.join(u", "_s)));
    }
}

} // namespace

int runWhereCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Which versions of a crate each feed holds, and whether they are the same bytes."_s);
    parser.addOptions({QCommandLineOption(u"feed"_s, u"A feed to look in; repeat it (default: every remembered feed)."_s, u"name"_s),
                       QCommandLineOption(u"index"_s, u"A feed given by its index URL; repeat it."_s, u"url"_s),
                       QCommandLineOption(u"json"_s, u"Print one JSON document instead of lines."_s)});
    QString error;
    if (!Cli::parseCommand(parser, QStringList{u"cratedesk where"_s} + args.mid(1), 1, u"where NAME [--feed NAME]... [--index URL]... [--json]"_s, &error))
        return fail(error);
    CliContext context;
    const auto feeds = chosenFeeds(context, parser, &error);
    if (!feeds)
        return fail(error);
    std::vector<std::unique_ptr<RegistryClient>> clients;
    QList<RegistryClient *> asked;
    for (const Feed &feed : *feeds) {
        clients.emplace_back(context.clientFor(feed));
        asked.append(clients.back().get());
    }
    CrateWhereabouts whereabouts;
    const bool asJson = parser.isSet(u"json"_s);
    QObject::connect(&whereabouts, &CrateWhereabouts::finished, &whereabouts, [&whereabouts, asJson] {
        const CrateAcrossFeeds &crate = whereabouts.result();
        if (asJson)
            out(QString::fromUtf8(QJsonDocument(toJson(crate)).toJson(QJsonDocument::Indented)).trimmed());
        else
            printTable(crate);
        const bool reached = std::ranges::any_of(crate.feeds, [](const auto &holding) { return holding.error.isEmpty(); });
        finishWith(crate.mismatches().isEmpty() && reached ? 0 : 1);
    });
    whereabouts.start(parser.positionalArguments().at(0), asked);
    return QCoreApplication::exec();
}
