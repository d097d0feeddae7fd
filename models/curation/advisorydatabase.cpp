// SPDX-License-Identifier: GPL-3.0-or-later
#include "advisorydatabase.h"

#include "cargotypes/cratename.h"
#include "cargotypes/semver.h"
#include "cargotypes/versionreq.h"
#include "crate/tomlguard.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

using namespace Qt::Literals::StringLiterals;

namespace {

// Advisories are a few KB; anything much larger is not one.
constexpr qint64 MaxAdvisoryBytes = 256 * 1024;

QStringList strings(const toml::node_view<const toml::node> &node)
{
    QStringList out;
    if (const toml::array *array = node.as_array()) {
        for (const toml::node &item : *array)
            if (const auto text = item.value<std::string>())
                out << QString::fromStdString(*text);
    }
    return out;
}

QString string(const toml::node_view<const toml::node> &node)
{
    return QString::fromStdString(node.value_or(std::string()));
}

// True when `version` meets any of the requirements; a requirement that does not parse meets
// nothing, so a bad "patched" entry never clears a version.
bool meetsAny(const QStringList &requirements, const SemVer &version)
{
    for (const QString &text : requirements) {
        if (const auto requirement = VersionReq::parse(text); requirement && requirement->matches(version))
            return true;
    }
    return false;
}

} // namespace

bool Advisory::affects(const QString &version) const
{
    const auto parsed = SemVer::parse(version);
    if (!parsed)
        return patched.isEmpty() && unaffected.isEmpty(); // only "every version" covers it
    return !meetsAny(patched, *parsed) && !meetsAny(unaffected, *parsed);
}

std::optional<CvssVector> Advisory::score() const
{
    if (!informational.isEmpty() || cvss.isEmpty())
        return std::nullopt;
    return CvssVector::parse(cvss);
}

std::optional<Advisory> AdvisoryDatabase::parse(const QByteArray &markdown, QString *error)
{
    const auto fail = [error](const QString &message) -> std::optional<Advisory> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    // V3 (2021 on): a ```toml fence at the top holds the metadata, Markdown follows.
    const qsizetype open = markdown.indexOf("```toml");
    const qsizetype start = open < 0 ? -1 : markdown.indexOf('\n', open);
    const qsizetype end = start < 0 ? -1 : markdown.indexOf("\n```", start);
    if (open != 0 || start < 0 || end < 0)
        return fail(u"no ```toml front matter at the top"_s);
    const TomlGuard::Parsed parsed = TomlGuard::parse(markdown.mid(start + 1, end - start), u"advisory"_s);
    if (!parsed.table)
        return fail(parsed.problem ? parsed.problem->message : u"not TOML"_s);
    const toml::table &table = *parsed.table;
    Advisory advisory;
    advisory.id = string(table["advisory"]["id"]);
    advisory.package = string(table["advisory"]["package"]);
    advisory.date = QDate::fromString(string(table["advisory"]["date"]), Qt::ISODate);
    advisory.categories = strings(table["advisory"]["categories"]);
    advisory.informational = string(table["advisory"]["informational"]);
    advisory.withdrawn = table["advisory"]["withdrawn"].is_value();
    advisory.cvss = string(table["advisory"]["cvss"]).left(256);
    if (!table["versions"]["patched"].is_array())
        return fail(u"no [versions] patched list"_s);
    advisory.patched = strings(table["versions"]["patched"]);
    advisory.unaffected = strings(table["versions"]["unaffected"]);
    if (!advisory.id.startsWith(u"RUSTSEC-"_s) || !CrateName::validationError(advisory.package).isEmpty())
        return fail(u"no RUSTSEC id or no valid package name"_s);
    // The title is the Markdown's first heading.
    const qsizetype heading = markdown.indexOf("\n# ", end);
    if (heading >= 0)
        advisory.title = QString::fromUtf8(markdown.mid(heading + 3, markdown.indexOf('\n', heading + 3) - heading - 3)).trimmed().left(200);
    return advisory;
}

AdvisoryDatabase AdvisoryDatabase::load(const QString &folder)
{
    AdvisoryDatabase database;
    const QString crates = folder + u"/crates"_s;
    if (!QFileInfo(crates).isDir()) {
        database.m_problems << u"%1 is not a RustSec advisory database: it has no crates/ folder"_s.arg(folder);
        return database;
    }
    QDirIterator files(crates, {u"*.md"_s}, QDir::Files | QDir::NoSymLinks, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QFileInfo info = files.nextFileInfo();
        QFile file(info.filePath());
        if (info.size() > MaxAdvisoryBytes || !file.open(QIODevice::ReadOnly)) {
            database.m_problems << u"%1: too large or unreadable"_s.arg(info.filePath());
            continue;
        }
        QString error;
        const auto advisory = parse(file.readAll(), &error);
        if (!advisory) {
            database.m_problems << u"%1: %2"_s.arg(info.filePath(), error);
            continue;
        }
        database.m_byCrate[CrateName::canonical(advisory->package)].append(*advisory);
        ++database.m_count;
    }
    return database;
}

QList<Advisory> AdvisoryDatabase::affecting(const QString &crateName, const QString &version) const
{
    QList<Advisory> found;
    for (const Advisory &advisory : m_byCrate.value(CrateName::canonical(crateName))) {
        if (!advisory.withdrawn && advisory.affects(version))
            found.append(advisory);
    }
    return found;
}
