// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

// The pieces SemVer and VersionReq have in common, read left to right with the rules of Rust's
// `semver` crate. Shared so that a version and a requirement reject the same text in the same
// words. Internal to models/cargotypes: callers use SemVer::parse and VersionReq::parse.
class SemVerLexer
{
public:
    enum class Part { Major, Minor, Patch, Prerelease, Build };

    explicit SemVerLexer(QStringView text);

    bool atEnd() const { return m_pos >= m_text.size(); }
    QChar peek() const { return atEnd() ? QChar() : m_text.at(m_pos); }
    bool consume(QChar c);
    bool consumeWildcard(); // '*', 'x' or 'X'
    // Only the space character: cargo's parser trims nothing else, and a tab in a requirement
    // is an error there too.
    void skipSpaces();

    // A u64 with no leading zero. On failure error() says why and nothing is consumed.
    std::optional<quint64> number(Part part);
    // Dot-separated [0-9A-Za-z-]+ identifiers, at least one. Stops at the first other
    // character, which the caller judges.
    std::optional<QStringList> identifiers(Part part);

    QString error() const { return m_error; }

    // "unexpected character 'v' after patch version", "missing patch version", ...
    QString unexpectedAfter(Part part) const;
    QString unexpectedHere() const { return describeAt(m_pos); } // "character 'v'", "space", ...

    static QString partName(Part part);
    static bool isNumeric(QStringView identifier);

private:
    QString describeAt(qsizetype at) const;

    QStringView m_text;
    qsizetype m_pos = 0;
    QString m_error;
};
