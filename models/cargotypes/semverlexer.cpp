// SPDX-License-Identifier: GPL-3.0-or-later
#include "semverlexer.h"

#include <algorithm>
#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace {

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool isIdentifierChar(QChar c)
{
    return isDigit(c) || (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'-';
}

// Whole sentences by what was found (SemVerLexer::Found: the end, a space, a character %1)
// and by the part being read (SemVerLexer::Part), translated where they are used.
constexpr const char *UnexpectedInNumber[3][3] = {
    {QT_TRANSLATE_NOOP("SemVerLexer", "unexpected end of input while parsing major version"),
     QT_TRANSLATE_NOOP("SemVerLexer", "unexpected end of input while parsing minor version"),
     QT_TRANSLATE_NOOP("SemVerLexer", "unexpected end of input while parsing patch version")},
    {QT_TRANSLATE_NOOP("SemVerLexer", "unexpected space while parsing major version"),
     QT_TRANSLATE_NOOP("SemVerLexer", "unexpected space while parsing minor version"),
     QT_TRANSLATE_NOOP("SemVerLexer", "unexpected space while parsing patch version")},
    {QT_TRANSLATE_NOOP("SemVerLexer", "unexpected character %1 while parsing major version"),
     QT_TRANSLATE_NOOP("SemVerLexer", "unexpected character %1 while parsing minor version"),
     QT_TRANSLATE_NOOP("SemVerLexer", "unexpected character %1 while parsing patch version")},
};

constexpr const char *UnexpectedAfter[3][5] = {
    {QT_TRANSLATE_NOOP("SemVerLexer", "missing minor version"), QT_TRANSLATE_NOOP("SemVerLexer", "missing patch version"),
     QT_TRANSLATE_NOOP("SemVerLexer", "unexpected end of input after patch version"),
     QT_TRANSLATE_NOOP("SemVerLexer", "unexpected end of input after pre-release identifier"),
     QT_TRANSLATE_NOOP("SemVerLexer", "unexpected end of input after build metadata")},
    {QT_TRANSLATE_NOOP("SemVerLexer", "unexpected space after major version"),
     QT_TRANSLATE_NOOP("SemVerLexer", "unexpected space after minor version"),
     QT_TRANSLATE_NOOP("SemVerLexer", "unexpected space after patch version"),
     QT_TRANSLATE_NOOP("SemVerLexer", "unexpected space after pre-release identifier"),
     QT_TRANSLATE_NOOP("SemVerLexer", "unexpected space after build metadata")},
    {QT_TRANSLATE_NOOP("SemVerLexer", "unexpected character %1 after major version"),
     QT_TRANSLATE_NOOP("SemVerLexer", "unexpected character %1 after minor version"),
     QT_TRANSLATE_NOOP("SemVerLexer", "unexpected character %1 after patch version"),
     QT_TRANSLATE_NOOP("SemVerLexer", "unexpected character %1 after pre-release identifier"),
     QT_TRANSLATE_NOOP("SemVerLexer", "unexpected character %1 after build metadata")},
};

// Numbers are the major, minor and patch version; identifiers the pre-release and build ones.
int numberIndex(SemVerLexer::Part part)
{
    return std::min(int(part), int(SemVerLexer::Part::Patch));
}

bool isBuild(SemVerLexer::Part part)
{
    return part == SemVerLexer::Part::Build;
}

} // namespace

SemVerLexer::SemVerLexer(QStringView text)
    : m_text(text)
{
}

bool SemVerLexer::consume(QChar c)
{
    if (atEnd() || m_text.at(m_pos) != c)
        return false;
    ++m_pos;
    return true;
}

bool SemVerLexer::consumeWildcard()
{
    return consume(u'*') || consume(u'x') || consume(u'X');
}

void SemVerLexer::skipSpaces()
{
    while (consume(u' ')) { }
}

std::optional<quint64> SemVerLexer::number(Part part)
{
    constexpr quint64 max = std::numeric_limits<quint64>::max();
    const qsizetype start = m_pos;
    qsizetype end = m_pos;
    quint64 value = 0;
    while (end < m_text.size() && isDigit(m_text.at(end))) {
        if (end > start && value == 0) {
            fail(Failure::LeadingZero, part, end);
            return std::nullopt;
        }
        const quint64 digit = m_text.at(end).unicode() - u'0';
        if (value > (max - digit) / 10) {
            fail(Failure::Overflow, part, end);
            return std::nullopt;
        }
        value = value * 10 + digit;
        ++end;
    }
    if (end == start) {
        fail(Failure::Unexpected, part, m_pos);
        return std::nullopt;
    }
    m_pos = end;
    return value;
}

std::optional<QStringList> SemVerLexer::identifiers(Part part)
{
    QStringList result;
    qsizetype end = m_pos;
    for (;;) {
        const qsizetype start = end;
        while (end < m_text.size() && isIdentifierChar(m_text.at(end)))
            ++end;
        const QStringView identifier = m_text.sliced(start, end - start);
        if (identifier.isEmpty()) {
            const bool separator = end >= m_text.size() || m_text.at(end) == u'.' || m_text.at(end) == u'+';
            fail(separator ? Failure::EmptyIdentifier : Failure::UnexpectedInIdentifier, part, end);
            return std::nullopt;
        }
        // Build metadata is exempt: the spec only forbids leading zeros where they would change
        // precedence.
        if (part == Part::Prerelease && identifier.size() > 1 && identifier.startsWith(u'0')
            && isNumeric(identifier)) {
            fail(Failure::LeadingZeroIdentifier, part, start, identifier.size());
            return std::nullopt;
        }
        result.append(identifier.toString());
        if (end >= m_text.size() || m_text.at(end) != u'.')
            break;
        ++end;
    }
    m_pos = end;
    return result;
}

void SemVerLexer::fail(Failure failure, Part part, qsizetype at, qsizetype length)
{
    m_failure = failure;
    m_failurePart = part;
    m_failureAt = at;
    m_failureLength = length;
}

QString SemVerLexer::error() const
{
    const Part part = m_failurePart;
    switch (m_failure) {
    case Failure::None:
        break;
    case Failure::LeadingZero:
        if (part == Part::Major)
            return tr("leading zero in major version");
        return part == Part::Minor ? tr("leading zero in minor version") : tr("leading zero in patch version");
    case Failure::Overflow: {
        const quint64 max = std::numeric_limits<quint64>::max();
        if (part == Part::Major)
            return tr("major version exceeds %1").arg(max);
        return part == Part::Minor ? tr("minor version exceeds %1").arg(max) : tr("patch version exceeds %1").arg(max);
    }
    case Failure::Unexpected: {
        const Found found = foundAt(m_failureAt);
        const QString message = tr(UnexpectedInNumber[int(found)][numberIndex(part)]);
        return found == Found::Character ? message.arg(characterAt(m_failureAt)) : message;
    }
    case Failure::UnexpectedInIdentifier:
        switch (foundAt(m_failureAt)) {
        case Found::End: // the end is a separator: an empty identifier, below
            break;
        case Found::Space:
            return isBuild(part) ? tr("unexpected space in build metadata") : tr("unexpected space in pre-release identifier");
        case Found::Character:
            return (isBuild(part) ? tr("unexpected character %1 in build metadata")
                                  : tr("unexpected character %1 in pre-release identifier"))
                .arg(characterAt(m_failureAt));
        }
        Q_FALLTHROUGH();
    case Failure::EmptyIdentifier:
        return isBuild(part) ? tr("empty build metadata identifier") : tr("empty pre-release identifier");
    case Failure::LeadingZeroIdentifier:
        return tr("leading zero in numeric pre-release identifier \"%1\"").arg(m_text.sliced(m_failureAt, m_failureLength));
    }
    return {};
}

QString SemVerLexer::unexpectedAfter(Part part) const
{
    const Found found = foundHere();
    const QString message = tr(UnexpectedAfter[int(found)][int(part)]);
    return found == Found::Character ? message.arg(characterHere()) : message;
}

SemVerLexer::Found SemVerLexer::foundAt(qsizetype at) const
{
    if (at >= m_text.size())
        return Found::End;
    return m_text.at(at) == u' ' ? Found::Space : Found::Character;
}

QString SemVerLexer::characterAt(qsizetype at) const
{
    if (at >= m_text.size())
        return {};
    const QChar c = m_text.at(at);
    if (c.isPrint() && !c.isSpace() && !c.isSurrogate())
        return u"'%1'"_s.arg(c);
    if (c == u' ')
        return u"' '"_s;
    return u"U+"_s + QString::number(c.unicode(), 16).rightJustified(4, u'0').toUpper();
}

bool SemVerLexer::isNumeric(QStringView identifier)
{
    if (identifier.isEmpty())
        return false;
    for (const QChar c : identifier) {
        if (!isDigit(c))
            return false;
    }
    return true;
}
