// SPDX-License-Identifier: GPL-3.0-or-later
#include "semverlexer.h"

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
            m_error = u"leading zero in %1"_s.arg(partName(part));
            return std::nullopt;
        }
        const quint64 digit = m_text.at(end).unicode() - u'0';
        if (value > (max - digit) / 10) {
            m_error = u"%1 exceeds %2"_s.arg(partName(part)).arg(max);
            return std::nullopt;
        }
        value = value * 10 + digit;
        ++end;
    }
    if (end == start) {
        m_error = u"unexpected %1 while parsing %2"_s.arg(unexpectedHere(), partName(part));
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
            if (!separator)
                m_error = u"unexpected %1 in %2"_s.arg(describeAt(end), partName(part));
            else if (part == Part::Build)
                m_error = u"empty build metadata identifier"_s;
            else
                m_error = u"empty %1"_s.arg(partName(part));
            return std::nullopt;
        }
        // Build metadata is exempt: the spec only forbids leading zeros where they would change
        // precedence.
        if (part == Part::Prerelease && identifier.size() > 1 && identifier.startsWith(u'0')
            && isNumeric(identifier)) {
            m_error = u"leading zero in numeric pre-release identifier \"%1\""_s.arg(identifier);
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

QString SemVerLexer::unexpectedAfter(Part part) const
{
    if (atEnd()) {
        if (part == Part::Major)
            return u"missing minor version"_s;
        if (part == Part::Minor)
            return u"missing patch version"_s;
        return u"unexpected end of input after %1"_s.arg(partName(part));
    }
    return u"unexpected %1 after %2"_s.arg(unexpectedHere(), partName(part));
}

QString SemVerLexer::describeAt(qsizetype at) const
{
    if (at >= m_text.size())
        return u"end of input"_s;
    const QChar c = m_text.at(at);
    if (c == u' ')
        return u"space"_s;
    if (c.isPrint() && !c.isSpace() && !c.isSurrogate())
        return u"character '%1'"_s.arg(c);
    return u"character U+"_s + QString::number(c.unicode(), 16).rightJustified(4, u'0').toUpper();
}

QString SemVerLexer::partName(Part part)
{
    switch (part) {
    case Part::Major:
        return u"major version"_s;
    case Part::Minor:
        return u"minor version"_s;
    case Part::Patch:
        return u"patch version"_s;
    case Part::Prerelease:
        return u"pre-release identifier"_s;
    case Part::Build:
        return u"build metadata"_s;
    }
    return {};
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
