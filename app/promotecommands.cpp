// SPDX-License-Identifier: GPL-3.0-or-later
#include "promotecommands.h"

#include "cargotypes/progetpromotion.h"
#include "clicontext.h"
#include "cliio.h"
#include "crate/cargolock.h"
#include "promote/promotionsession.h"
#include "registry/registryclient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace Cli;
using State = PromotionItem::State;

namespace {

constexpr auto Usage = "usage: cratedesk promote [NAME@VERSION...] [--lockfile Cargo.lock] (--from FEED | --from-index URL) "
                       "(--to FEED | --to-index URL) [--token-stdin] [--with-dependencies] [--dry-run] [--json]";

QString line(const PromotionItem &item)
{
    QString text = u"%1 %2@%3"_s.arg(PromotionItem::stateName(item.state), item.name, item.vers);
    if (!item.message.isEmpty())
        text += u": "_s + item.message;
    return text;
}

QJsonObject summaryOf(const PromotionSession &session)
{
    QJsonObject summary{{u"total"_s, int(session.items().size())}};
    for (const State state : {State::Ready, State::InTarget, State::NotInSource, State::Promoted, State::Failed, State::Skipped, State::Cancelled}) {
        if (const int n = session.count(state))
            summary.insert(PromotionItem::stateName(state), n);
    }
    return summary;
}

void print(const PromotionSession &session, bool json, const QString &heading)
{
    if (json) {
        QJsonArray items;
        for (const PromotionItem &item : session.items())
            items.append(QJsonObject{{u"name"_s, item.name}, {u"version"_s, item.vers}, {u"status"_s, PromotionItem::stateName(item.state)},
                                     {u"reason"_s, item.message}, {u"yanked"_s, item.yanked}, {u"needs"_s, QJsonArray::fromStringList(item.needs)}});
        return out(QString::fromUtf8(QJsonDocument(QJsonObject{{u"items"_s, items}, {u"summary"_s, summaryOf(session)}}).toJson(QJsonDocument::Indented)).trimmed());
    }
    out(heading);
    for (const PromotionItem &item : session.items())
        out(u"  "_s + line(item));
    QStringList counts;
    const QJsonObject summary = summaryOf(session);
    for (auto it = summary.begin(); it != summary.end(); ++it) {
        if (it.key() != u"total"_s)
            counts << u"%1 %2"_s.arg(it.value().toInt()).arg(it.key());
    }
    out(u"%1 versions: %2"_s.arg(session.items().size()).arg(counts.join(u", "_s)));
}

// NAME@VERSION arguments, or the registry packages of a lockfile.
std::optional<QList<std::pair<QString, QString>>> requested(const QStringList &specs, const QString &lockfile, QString *error)
{
    QList<std::pair<QString, QString>> versions;
    for (const QString &spec : specs) {
        const qsizetype at = spec.indexOf(u'@');
        if (at <= 0 || at == spec.size() - 1) {
            *error = u"\"%1\" is not NAME@VERSION"_s.arg(spec);
            return std::nullopt;
        }
        versions.append({spec.left(at), spec.mid(at + 1)});
    }
    if (!lockfile.isEmpty()) {
        const CargoLock::Result parsed = CargoLock::readFile(lockfile);
        if (!parsed.lock) {
            *error = parsed.error;
            return std::nullopt;
        }
        for (const CargoLock::Package &package : parsed.lock->packages) {
            if (package.origin == CargoLock::Package::Origin::Registry)
                versions.append({package.name, package.version});
        }
    }
    if (versions.isEmpty()) {
        *error = QString::fromLatin1(Usage);
        return std::nullopt;
    }
    return versions;
}

// `--history NAME --to FEED`: ProGet's record of promotions of NAME into the feed.
int printHistory(RegistryClient *target, const QString &crate, bool asJson)
{
    RegistryReply *reply = target->proGetPromotions(crate);
    QObject::connect(reply, &RegistryReply::finished, reply, [reply, crate, asJson] {
        if (reply->error())
            return finishWith(1, reply->error().message);
        if (asJson) {
            out(QString::fromUtf8(reply->json.toJson(QJsonDocument::Indented)).trimmed());
            return finishWith(0);
        }
        const QList<ProGetPromotion> promotions = ProGetPromotion::listFromJson(reply->json.array());
        for (const ProGetPromotion &p : promotions) {
            out(u"%1@%2\tfrom %3 to %4\t%5 by %6\t%7"_s.arg(p.crate, p.version, p.fromFeed, p.toFeed,
                                                          p.date.isValid() ? p.date.toString(Qt::ISODate) : u"(no date)"_s, p.user, p.comments));
        }
        const qsizetype count = promotions.size();
        if (count == 0)
            out(u"no promotions of %1 into this feed"_s.arg(crate));
        finishWith(0);
    });
    return QCoreApplication::exec();
}

} // namespace

int runPromoteCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Copies crate versions from one feed to another, dependencies first, with cargo's exact metadata."_s);
    parser.addHelpOption();
    const QCommandLineOption from(u"from"_s, u"The feed to promote from (see `cratedesk feed list`)."_s, u"feed"_s);
    const QCommandLineOption fromIndex(u"from-index"_s, u"The source given by its index URL instead."_s, u"url"_s);
    const QCommandLineOption to(u"to"_s, u"The feed to promote to."_s, u"feed"_s);
    const QCommandLineOption toIndex(u"to-index"_s, u"The target given by its index URL instead."_s, u"url"_s);
    const QCommandLineOption tokenStdin(u"token-stdin"_s, u"Read the target's token from standard input instead of the keychain."_s);
    const QCommandLineOption lockfile(u"lockfile"_s, u"Promote every registry package of this Cargo.lock."_s, u"file"_s);
    const QCommandLineOption withDependencies(u"with-dependencies"_s, u"Also promote what each version needs, as cargo resolves it from the source."_s);
    const QCommandLineOption dryRun(u"dry-run"_s, u"Print the plan; change nothing."_s);
    const QCommandLineOption json(u"json"_s, u"Print one JSON document instead of lines."_s);
    const QCommandLineOption history(u"history"_s, u"Print ProGet's promotion history of NAME into the --to feed instead."_s, u"name"_s);
    parser.addOptions({from, fromIndex, to, toIndex, tokenStdin, lockfile, withDependencies, dryRun, json, history});
    parser.addPositionalArgument(u"versions"_s, u"Crate versions to promote."_s, u"NAME@VERSION..."_s);
    if (!parser.parse(args))
        return fail(parser.errorText());
    if (parser.isSet(u"help"_s))
        parser.showHelp(0);
    QString error;
    CliContext context;
    if (parser.isSet(history)) {
        auto feed = context.resolveFeed(parser.value(to), parser.value(toIndex), &error);
        if (!feed)
            return fail(u"--to: "_s + error);
        if (parser.isSet(tokenStdin) && feed->auth == Feed::AuthKind::None)
            feed->auth = Feed::AuthKind::Token;
        std::unique_ptr<RegistryClient> client(context.clientFor(*feed));
        if (parser.isSet(tokenStdin))
            client->setCredential(readSecretFromStdin());
        return printHistory(client.get(), parser.value(history), parser.isSet(json));
    }
    const auto versions = requested(parser.positionalArguments(), parser.value(lockfile), &error);
    if (!versions)
        return fail(error);

    const auto sourceFeed = context.resolveFeed(parser.value(from), parser.value(fromIndex), &error);
    if (!sourceFeed)
        return fail(u"--from: "_s + error);
    auto targetFeed = context.resolveFeed(parser.value(to), parser.value(toIndex), &error);
    if (!targetFeed)
        return fail(u"--to: "_s + error);
    if (sourceFeed->indexUrl == targetFeed->indexUrl)
        return fail(u"the source and the target are the same feed"_s);
    if (parser.isSet(tokenStdin) && targetFeed->auth == Feed::AuthKind::None)
        targetFeed->auth = Feed::AuthKind::Token;
    std::unique_ptr<RegistryClient> source(context.clientFor(*sourceFeed));
    std::unique_ptr<RegistryClient> target(context.clientFor(*targetFeed));
    if (parser.isSet(tokenStdin)) {
        const QByteArray token = readSecretFromStdin();
        if (token.isEmpty())
            return fail(u"nothing was read from standard input; pipe the token in"_s);
        target->setCredential(token);
    }

    PromotionSession session(source.get(), target.get());
    const bool asJson = parser.isSet(json);
    const bool onlyPlan = parser.isSet(dryRun);
    QObject::connect(&session, &PromotionSession::planned, &session, [&] {
        if (onlyPlan || session.count(State::Ready) == 0) {
            print(session, asJson, u"Plan (nothing changed):"_s);
            return QCoreApplication::exit(session.succeeded() || (onlyPlan && session.count(State::NotInSource) == 0) ? 0 : 1);
        }
        if (!asJson)
            out(u"Promoting %1 of %2 versions from %3 to %4, dependencies first"_s.arg(session.count(State::Ready)).arg(session.items().size())
                    .arg(sourceFeed->name, targetFeed->name));
        session.start();
    });
    QObject::connect(&session, &PromotionSession::itemChanged, &session, [&](int row) {
        const PromotionItem &item = session.items().at(row);
        if (!asJson && item.isDone())
            out(u"  "_s + line(item));
    });
    QObject::connect(&session, &PromotionSession::finished, &session, [&] {
        print(session, asJson, u"Result:"_s);
        QCoreApplication::exit(session.succeeded() ? 0 : 1);
    });
    if (parser.isSet(withDependencies))
        session.planWithDependencies(*versions);
    else
        session.plan(*versions);
    return QCoreApplication::exec();
}
