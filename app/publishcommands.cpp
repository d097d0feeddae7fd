// SPDX-License-Identifier: GPL-3.0-or-later
#include "publishcommands.h"

#include "cliio.h"

#include "clicontext.h"
#include "publish/cratepublisher.h"
#include "publish/publishqueue.h"
#include "publish/publishsession.h"
#include "registry/registryclient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>
#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace Cli;

namespace {

QString severityText(PreflightFinding::Severity severity)
{
    return severity == PreflightFinding::Severity::Error ? u"error"_s : u"warning"_s;
}

QString stageKey(CratePublisher::Stage stage)
{
    switch (stage) {
    case CratePublisher::Stage::Visible: return u"visible"_s;
    case CratePublisher::Stage::NotVisible: return u"uploaded"_s;
    case CratePublisher::Stage::Failed: return u"failed"_s;
    case CratePublisher::Stage::Cancelled: return u"cancelled"_s;
    default: return u"pending"_s;
    }
}

QJsonObject candidateJson(const PublishCandidate &candidate, bool withMetadata)
{
    QJsonArray findings;
    for (const PreflightFinding &finding : candidate.findings)
        findings.append(QJsonObject{{u"severity"_s, severityText(finding.severity)}, {u"message"_s, finding.message}});
    QJsonObject object{{u"file"_s, candidate.path}, {u"name"_s, candidate.name()}, {u"version"_s, candidate.version()},
                       {u"findings"_s, findings}, {u"publishable"_s, candidate.canPublish()}};
    if (withMetadata && candidate.metadata)
        object.insert(u"metadata"_s, QJsonDocument::fromJson(candidate.metadata->toJson()).object());
    return object;
}

// Runs preflight for every file, then (unless a dry run) publishes the good ones in
// dependency order, printing as it goes. Lives on the stack of runPublishCommand while the
// event loop runs.
class PublishRun
{
public:
    PublishRun(RegistryClient *client, bool dryRun, bool json)
        : m_session(client), m_feedName(client->feed().name), m_dryRun(dryRun), m_json(json)
    {
        QObject::connect(&m_session, &PublishSession::allChecked, &m_session, [this] { checked(); });
        QObject::connect(m_session.queue(), &PublishQueue::itemChanged, &m_session, [this](int row) { itemChanged(row); });
        QObject::connect(m_session.queue(), &PublishQueue::finished, &m_session, [this] { done(); });
    }

    PublishSession &session() { return m_session; }

    void start(const QStringList &files) { m_session.addFiles(files); }

private:
    void checked()
    {
        m_candidates = m_session.candidates();
        if (!m_json) {
            for (const PublishCandidate &c : std::as_const(m_candidates)) {
                // Problems go to stderr, one line each; remarks stay with the normal output.
                for (const PreflightFinding &finding : c.findings) {
                    if (finding.severity == PreflightFinding::Severity::Error)
                        std::fprintf(stderr, "cratedesk: %s\n", qPrintable(finding.message));
                    else
                        out(u"%1: warning: %2"_s.arg(c.label(), finding.message));
                }
                if (m_dryRun && c.metadata)
                    out(QString::fromUtf8(QJsonDocument::fromJson(c.metadata->toJson()).toJson(QJsonDocument::Indented)).trimmed());
                if (m_dryRun && c.canPublish())
                    out(u"%1: ready to publish to %2"_s.arg(c.label(), m_feedName));
            }
        }
        if (m_dryRun)
            return finishDryRun();
        m_failed = std::ranges::any_of(m_candidates, [](const PublishCandidate &c) { return !c.canPublish(); });
        if (!m_session.start())
            done(); // nothing could be sent
    }

    void itemChanged(int row)
    {
        const PublishItem &item = m_session.queue()->items().at(row);
        if (m_json || !CratePublisher::isFinal(item.stage))
            return;
        for (const QString &warning : item.warnings)
            out(u"%1: warning: %2"_s.arg(item.candidate.label(), warning));
        if (item.stage == CratePublisher::Stage::Visible)
            out(u"%1: published to %2, visible in the index"_s.arg(item.candidate.label(), m_feedName));
        else if (item.stage == CratePublisher::Stage::NotVisible)
            out(u"%1: uploaded to %2; %3"_s.arg(item.candidate.label(), m_feedName, item.error.message));
        else
            std::fprintf(stderr, "cratedesk: %s: %s\n", qPrintable(item.candidate.label()), qPrintable(item.error.message));
    }

    void finishDryRun()
    {
        bool anyError = false;
        QJsonArray crates;
        for (const PublishCandidate &c : std::as_const(m_candidates)) {
            anyError |= !c.canPublish();
            crates.append(candidateJson(c, true));
        }
        if (m_json)
            out(QString::fromUtf8(QJsonDocument(QJsonObject{{u"feed"_s, m_feedName}, {u"dry_run"_s, true}, {u"crates"_s, crates}})
                                      .toJson(QJsonDocument::Indented)).trimmed());
        std::fflush(stdout);
        QCoreApplication::exit(anyError ? 1 : 0);
    }

    void done()
    {
        QJsonArray crates;
        for (const PublishCandidate &c : std::as_const(m_candidates)) {
            if (!c.canPublish())
                crates.append(candidateJson(c, false));
        }
        for (const PublishItem &item : m_session.queue()->items()) {
            m_failed |= item.stage == CratePublisher::Stage::Failed || item.stage == CratePublisher::Stage::Cancelled;
            QJsonObject object = candidateJson(item.candidate, false);
            object.insert(u"result"_s, stageKey(item.stage));
            if (item.error)
                object.insert(u"error"_s, item.error.message);
            object.insert(u"warnings"_s, QJsonArray::fromStringList(item.warnings));
            crates.append(object);
        }
        if (m_json)
            out(QString::fromUtf8(QJsonDocument(QJsonObject{{u"feed"_s, m_feedName}, {u"dry_run"_s, false}, {u"crates"_s, crates}})
                                      .toJson(QJsonDocument::Indented)).trimmed());
        std::fflush(stdout);
        QCoreApplication::exit(m_failed ? 1 : 0);
    }

    PublishSession m_session;
    QString m_feedName;
    bool m_dryRun;
    bool m_json;
    bool m_failed = false;
    QList<PublishCandidate> m_candidates;
};

} // namespace

int runPublishCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Publishes prebuilt .crate files with the metadata cargo would send."_s);
    parser.addHelpOption();
    const QCommandLineOption feedOption(u"feed"_s, u"The feed (see `cratedesk feed list`; \"local\" is the embedded one)."_s, u"name"_s);
    const QCommandLineOption indexOption(u"index"_s, u"A feed given by its index URL instead of a name."_s, u"url"_s);
    const QCommandLineOption dryRun(u"dry-run"_s, u"Check and print the metadata; send nothing."_s);
    const QCommandLineOption json(u"json"_s, u"Print one JSON document instead of lines."_s);
    const QCommandLineOption tokenStdin(u"token-stdin"_s, u"Read the token from standard input instead of the keychain."_s);
    const QCommandLineOption proGet(u"proget-upload"_s, u"Use ProGet's package upload API instead of cargo's publish endpoint."_s);
    const QCommandLineOption timeout(u"timeout"_s, u"Seconds to wait for each crate to appear in the index (default 60, as cargo)."_s, u"seconds"_s, u"60"_s);
    parser.addOptions({feedOption, indexOption, dryRun, json, tokenStdin, proGet, timeout});
    parser.addPositionalArgument(u"files"_s, u"The .crate files."_s, u"FILE.crate..."_s);
    if (!parser.parse(args))
        return fail(parser.errorText());
    if (parser.isSet(u"help"_s))
        parser.showHelp(0);
    const QStringList files = parser.positionalArguments(); // args[0], "publish", is the parser's program name
    if (files.isEmpty())
        return fail(u"usage: cratedesk publish FILE.crate... (--feed NAME | --index URL) [--dry-run] [--json]"_s);
    bool timeoutOk = false;
    const int timeoutSeconds = parser.value(timeout).toInt(&timeoutOk);
    if (!timeoutOk || timeoutSeconds < 0)
        return fail(u"--timeout wants a number of seconds, not \"%1\""_s.arg(parser.value(timeout)));

    CliContext context;
    QString error;
    auto feed = context.resolveFeed(parser.value(feedOption), parser.value(indexOption), &error);
    if (!feed)
        return fail(error);
    if (parser.isSet(tokenStdin) && feed->auth == Feed::AuthKind::None)
        feed->auth = Feed::AuthKind::Token; // a feed given by URL: the piped secret is a token
    std::unique_ptr<RegistryClient> client(context.clientFor(*feed));
    if (parser.isSet(tokenStdin)) {
        const QByteArray token = QTextStream(stdin).readLine().trimmed().toUtf8();
        if (token.isEmpty())
            return fail(u"nothing was read from standard input; pipe the token in"_s);
        client->setCredential(token);
    }

    PublishRun run(client.get(), parser.isSet(dryRun), parser.isSet(json));
    run.session().setRoute(parser.isSet(proGet) ? CratePublisher::Route::ProGetUpload : CratePublisher::Route::CargoApi);
    run.session().queue()->setVisibilityTimeout(timeoutSeconds * 1000);
    run.start(files);
    return QCoreApplication::exec();
}
