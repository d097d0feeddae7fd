// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cvss.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// One RustSec advisory: the TOML front matter of crates/NAME/RUSTSEC-YYYY-NNNN.md.
struct Advisory
{
    QString id;
    QString package; // as the advisory spells it
    QString title;
    QDate date;
    QStringList categories;  // "malicious", "code-execution", …
    QString informational;   // "unmaintained", "unsound", "notice"; empty for a vulnerability
    QStringList patched;     // version requirements
    QStringList unaffected;
    QString cvss; // a CVSS vector as written; empty when the advisory gives none
    bool withdrawn = false;

    bool isMalicious() const { return categories.contains(QStringLiteral("malicious")); }
    // The CVSS 3 base score's severity; nullopt without a vector CvssVector can score (none,
    // CVSS 4) and for informational advisories, which are not vulnerabilities.
    std::optional<CvssVector> score() const;
    // As cargo-audit reads it: neither patched nor unaffected. No patched versions at all
    // (what RustSec writes for a crate that is malware) makes every version affected.
    bool affects(const QString &version) const;
};

// A local copy of the RustSec advisory database (a clone of rustsec/advisory-db, or any
// folder laid out like it), read once: no network, the user updates it as they like. Files
// that are not advisories, or advisories that do not parse, are skipped and counted in
// problems(); the database never makes up an advisory from half a file.
class AdvisoryDatabase final
{
public:
    // Reads FOLDER/crates/*/*.md. A missing folder is an empty database with one problem.
    static AdvisoryDatabase load(const QString &folder);
    // One advisory from its Markdown file's text; nullopt and *error when it is not one.
    static std::optional<Advisory> parse(const QByteArray &markdown, QString *error = nullptr);

    bool isEmpty() const { return m_byCrate.isEmpty(); }
    qsizetype size() const { return m_count; }
    QStringList problems() const { return m_problems; }
    // Every advisory, withdrawn ones left out, that affects NAME at VERSION.
    QList<Advisory> affecting(const QString &crateName, const QString &version) const;

private:
    QHash<QString, QList<Advisory>> m_byCrate; // canonical crate name
    qsizetype m_count = 0;
    QStringList m_problems;
};
