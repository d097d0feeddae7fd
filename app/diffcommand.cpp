// SPDX-License-Identifier: GPL-3.0-or-later
#include "diffcommand.h"

#include "browse/versioncomparison.h"
#include "clicontext.h"
#include "cliio.h"
#include "registry/registryclient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

#include <cstdio>
#include <memory>

using namespace Qt::Literals::StringLiterals;
using Cli::fail;
using Cli::finishWith;
using Cli::out;

namespace {

using Diff = CrateVersionDiff;

QJsonValue orNull(const std::optional<QString> &value)
{
    return value ? QJsonValue(*value) : QJsonValue();
}

QJsonObject dependencyJson(const IndexDependency &dependency)
{
    return {{u"req"_s, dependency.req},
            {u"package"_s, orNull(dependency.package)},
            {u"optional"_s, dependency.optional},
            {u"default_features"_s, dependency.defaultFeatures},
            {u"features"_s, QJsonArray::fromStringList(dependency.features)},
            {u"registry"_s, orNull(dependency.registry)}};
}

QJsonObject toJson(const Diff &diff)
{
    QJsonArray files;
    for (const Diff::File &file : diff.files) {
        files.append(QJsonObject{{u"path"_s, file.path},
                                 {u"change"_s, Diff::changeName(file.change)},
                                 {u"old_size"_s, file.oldSize < 0 ? QJsonValue() : QJsonValue(file.oldSize)},
                                 {u"new_size"_s, file.newSize < 0 ? QJsonValue() : QJsonValue(file.newSize)},
                                 {u"binary"_s, file.binary}});
    }
    QJsonArray dependencies;
    for (const Diff::Dependency &dependency : diff.dependencies) {
        const IndexDependency &either = dependency.either();
        dependencies.append(QJsonObject{{u"name"_s, either.name},
                                        {u"kind"_s, Diff::kindName(either.kind)},
                                        {u"target"_s, orNull(either.target)},
                                        {u"change"_s, Diff::changeName(dependency.change)},
                                        {u"before"_s, dependency.before ? QJsonValue(dependencyJson(*dependency.before)) : QJsonValue()},
                                        {u"after"_s, dependency.after ? QJsonValue(dependencyJson(*dependency.after)) : QJsonValue()}});
    }
    QJsonArray features;
    for (const Diff::Feature &feature : diff.features) {
        features.append(QJsonObject{{u"name"_s, feature.name},
                                    {u"change"_s, Diff::changeName(feature.change)},
                                    {u"before"_s, QJsonArray::fromStringList(feature.before)},
                                    {u"after"_s, QJsonArray::fromStringList(feature.after)}});
    }
    QJsonObject fields;
    for (const Diff::Field &field : diff.fields)
        fields.insert(field.name, QJsonObject{{u"before"_s, orNull(field.before)}, {u"after"_s, orNull(field.after)}});
    return {{u"name"_s, diff.crate},       {u"from"_s, diff.oldVersion},
            {u"to"_s, diff.newVersion},    {u"files"_s, files},
            {u"unchanged_files"_s, qint64(diff.unchangedFiles)},
            {u"dependencies"_s, dependencies},
            {u"features"_s, features},     {u"fields"_s, fields}};
}

// A crate's file names are the publisher's: control characters in them (a newline that starts
// a hunk of its own, a terminal escape) are shown as \xNN and never reach a patch raw.
QString withControlsEscaped(const QString &path)
{
    QString shown;
    for (const QChar c : path) {
        const char16_t u = c.unicode();
        if (u < 0x20 || u == 0x7f || (u >= 0x80 && u < 0xa0))
            shown += u"\\x%1"_s.arg(uint(u), 2, 16, QChar(u'0'));
        else
            shown += c;
    }
    return shown;
}

QString marker(Diff::Change change)
{
    return change == Diff::Change::Added ? u"+"_s : change == Diff::Change::Removed ? u"-"_s : u"~"_s;
}

void printReport(const Diff &diff)
{
    out(u"%1 %2 -> %3"_s.arg(diff.crate, diff.oldVersion, diff.newVersion));
    for (const Diff::Field &field : diff.fields)
        out(u"%1: %2 -> %3"_s.arg(field.name, field.before.value_or(u"(none)"_s), field.after.value_or(u"(none)"_s)));
    for (const Diff::Dependency &dependency : diff.dependencies) {
        const IndexDependency &either = dependency.either();
        QString what = u"%1 %2-dependency %3"_s.arg(marker(dependency.change), Diff::kindName(either.kind), either.name);
        if (either.target)
            what += u" (for %1)"_s.arg(*either.target);
        const QString before = dependency.before ? Diff::describe(*dependency.before) : QString();
        const QString after = dependency.after ? Diff::describe(*dependency.after) : QString();
        out(dependency.change == Diff::Change::Changed ? u"%1: %2 -> %3"_s.arg(what, before, after) : u"%1: %2"_s.arg(what, before + after));
    }
    for (const Diff::Feature &feature : diff.features) {
        const QString before = u"[%1]"_s.arg(feature.before.join(u", "_s));
        const QString after = u"[%1]"_s.arg(feature.after.join(u", "_s));
        out(feature.change == Diff::Change::Changed ? u"~ feature %1: %2 -> %3"_s.arg(feature.name, before, after)
                                                    : u"%1 feature %2: %3"_s.arg(marker(feature.change), feature.name,
                                                                                 feature.change == Diff::Change::Added ? after : before));
    }
    for (const Diff::File &file : diff.files) {
        const QString sizes = file.change == Diff::Change::Added     ? QString::number(file.newSize)
                              : file.change == Diff::Change::Removed ? QString::number(file.oldSize)
                                                                     : u"%1 -> %2"_s.arg(file.oldSize).arg(file.newSize);
        out(u"%1 %2 (%3 bytes%4)"_s.arg(marker(file.change), withControlsEscaped(file.path), sizes, file.binary ? u", binary"_s : QString()));
    }
    out(diff.isEmpty() ? u"no differences (%1 files the same)"_s.arg(diff.unchangedFiles)
                       : u"%1 files differ, %2 the same"_s.arg(diff.files.size()).arg(diff.unchangedFiles));
}

// A changed file that the patch leaves out, as `diff -r` words it, so that `patch` skips the
// line and the reader knows why.
QString leftOutLine(const CrateComparison::FileDiff &diff)
{
    using Outcome = CrateComparison::FileDiff::Outcome;
    const QString shown = withControlsEscaped(diff.path);
    if (shown != diff.path)
        return u"Files a/%1 and b/%1 differ (the file name holds control characters)"_s.arg(shown);
    if (diff.outcome == Outcome::Binary)
        return u"Binary files a/%1 and b/%1 differ"_s.arg(diff.path);
    if (diff.outcome == Outcome::TooLarge)
        return u"Files a/%1 and b/%1 differ (too large to diff: over %2 bytes, or too many changed lines)"_s.arg(diff.path, QString::number(CrateComparison::DefaultMaxFileSize));
    if (diff.truncated) // half a hunk would make the patch fail to apply
        return u"Files a/%1 and b/%1 differ (the diff is longer than %2 lines)"_s.arg(diff.path, QString::number(CrateComparison::DefaultMaxLines));
    return u"Files a/%1 and b/%1 differ (not readable)"_s.arg(diff.path);
}

// The changed files' diffs one after another, read on the comparison's worker one at a
// time: a patch that `patch -p1` applies inside the older version's folder.
void printPatch(VersionComparison *comparison)
{
    auto next = std::make_shared<qsizetype>(0);
    auto leftOut = std::make_shared<int>(0);
    QObject::connect(comparison, &VersionComparison::fileDiffRead, comparison,
                     [comparison, next, leftOut](const CrateComparison::FileDiff &diff) {
        const bool text = diff.outcome == CrateComparison::FileDiff::Outcome::Text && !diff.truncated
            && withControlsEscaped(diff.path) == diff.path;
        if (text) {
            out(diff.unified.endsWith(u'\n') ? diff.unified.chopped(1) : diff.unified);
        } else {
            out(leftOutLine(diff));
            ++*leftOut;
        }
        const QList<CrateVersionDiff::File> &files = comparison->result().files;
        if (++*next < files.size())
            return comparison->readFileDiff(files.at(*next).path);
        if (*leftOut > 0)
            std::fprintf(stderr, *leftOut == 1 ? "cratedesk: %d changed file is not in the patch (binary, too large or oddly named)\n"
                                               : "cratedesk: %d changed files are not in the patch (binary, too large or oddly named)\n", *leftOut);
        finishWith(0);
    });
    if (comparison->result().files.isEmpty())
        return finishWith(0);
    comparison->readFileDiff(comparison->result().files.first().path);
}

} // namespace

int runDiffCommand(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"What changed from one version of a crate to another: files, dependencies, features, "
                                     "license, rust-version, links and edition."_s);
    parser.addOptions({QCommandLineOption(u"feed"_s, u"The feed to read both versions from."_s, u"name"_s),
                       QCommandLineOption(u"index"_s, u"The feed given by its index URL."_s, u"url"_s),
                       QCommandLineOption(u"json"_s, u"Print one JSON document instead of lines."_s),
                       QCommandLineOption(u"patch"_s, u"Print the changed files as a unified diff that patch -p1 applies to the older version."_s)});
    QString error;
    if (!Cli::parseCommand(parser, QStringList{u"cratedesk diff"_s} + args.mid(1), 3,
                           u"diff NAME V1 V2 (--feed NAME | --index URL) [--json | --patch]"_s, &error))
        return fail(error);
    if (parser.isSet(u"json"_s) && parser.isSet(u"patch"_s))
        return fail(u"--json and --patch exclude each other"_s);
    CliContext context;
    const auto feed = context.resolveFeed(parser.value(u"feed"_s), parser.value(u"index"_s), &error);
    if (!feed)
        return fail(error);
    std::unique_ptr<RegistryClient> client(context.clientFor(*feed));
    VersionComparison comparison(QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + u"/crates"_s);
    const bool asJson = parser.isSet(u"json"_s);
    const bool asPatch = parser.isSet(u"patch"_s);
    QObject::connect(&comparison, &VersionComparison::finished, &comparison, [&comparison, asJson, asPatch] {
        if (asPatch)
            return printPatch(&comparison);
        if (asJson)
            out(QString::fromUtf8(QJsonDocument(toJson(comparison.result())).toJson(QJsonDocument::Indented)).trimmed());
        else
            printReport(comparison.result());
        finishWith(0);
    });
    QObject::connect(&comparison, &VersionComparison::failed, &comparison,
                     [](const RegistryError &failure) { finishWith(1, failure.message); });
    const QStringList positional = parser.positionalArguments();
    comparison.start(client.get(), positional.at(0), positional.at(1), positional.at(2));
    return QCoreApplication::exec();
}
