// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

// The pieces SemVer and VersionReq have in common, read left to right with the rules of Rust's
// `semver` crate. Shared so that a version and a requirement reject the same text in the same
// words. Internal to models/cargotypes: callers use SemVer::parse and VersionReq::parse.
class SemVerLexer
{
    Q_DECLARE_TR_FUNCTIONS(SemVerLexer)

public:
    enum class Part { Major, Minor, Patch, Prerelease, Build };
    // What stands at a position, for a message: each case has sentences of its own.
    enum class Found { End, Space, Character };

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

    // Why number() or identifiers() failed. Put together only when asked: a parse that may
    // fail on purpose (a rust_version tried as a full version first) needs no message.
    QString error() const;

    // "unexpected character 'v' after patch version", "missing patch version", ...
    QString unexpectedAfter(Part part) const;
    Found foundHere() const { return foundAt(m_pos); }
    // The character here as messages quote it: 'v', or U+0009 when it does not print.
    QString characterHere() const { return characterAt(m_pos); }

    static bool isNumeric(QStringView identifier);

private:
    enum class Failure { None, LeadingZero, Overflow, Unexpected, UnexpectedInIdentifier, EmptyIdentifier, LeadingZeroIdentifier };

    Found foundAt(qsizetype at) const;
    QString characterAt(qsizetype at) const;
    void fail(Failure failure, Part part, qsizetype at, qsizetype length = 0);

    QStringView m_text;
    qsizetype m_pos = 0;
    // The last failure, kept as facts; error() words it.
    Failure m_failure = Failure::None;
    Part m_failurePart = Part::Major;
    qsizetype m_failureAt = 0;
    qsizetype m_failureLength = 0;
};
