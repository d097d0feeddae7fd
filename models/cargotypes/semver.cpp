// SPDX-License-Identifier: GPL-3.0-or-later
#include "semver.h"

#include "semverlexer.h"

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

using Part = SemVerLexer::Part;

namespace {

int sign(qsizetype value)
{
    return value < 0 ? -1 : (value > 0 ? 1 : 0);
}

template<typename T>
int compareNumbers(T lhs, T rhs)
{
    return lhs < rhs ? -1 : (lhs > rhs ? 1 : 0);
}

int compareIdentifier(const QString &lhs, const QString &rhs)
{
    const bool lhsNumeric = SemVerLexer::isNumeric(lhs);
    const bool rhsNumeric = SemVerLexer::isNumeric(rhs);
    if (lhsNumeric && rhsNumeric) {
        // Numeric identifiers have no leading zero and need not fit in 64 bits, so the
        // longer one is the larger and equal lengths compare digit by digit.
        if (lhs.size() != rhs.size())
            return compareNumbers(lhs.size(), rhs.size());
        return sign(QStringView(lhs).compare(rhs, Qt::CaseSensitive));
    }
    if (lhsNumeric != rhsNumeric)
        return lhsNumeric ? -1 : 1;
    // Identifiers are ASCII, so UTF-16 code unit order is the ASCII order the spec asks for.
    return sign(QStringView(lhs).compare(rhs, Qt::CaseSensitive));
}

} // namespace

SemVer::SemVer(quint64 major, quint64 minor, quint64 patch)
    : m_major(major)
    , m_minor(minor)
    , m_patch(patch)
{
}

std::optional<SemVer> SemVer::parse(QStringView text, QString *error)
{
    // `reason` is only called when a message is wanted: callers that only test text leave
    // `error` null, and a failed parse costs them no message.
    auto fail = [&](auto reason) -> std::optional<SemVer> {
        if (error)
            *error = tr("\"%1\" is not a valid version: %2").arg(text, reason());
        return std::nullopt;
    };
    if (text.isEmpty())
        return fail([] { return tr("the version is empty"); });

    SemVerLexer lexer(text);
    const auto lexerError = [&lexer] { return lexer.error(); };
    SemVer version;
    const auto major = lexer.number(Part::Major);
    if (!major)
        return fail(lexerError);
    if (!lexer.consume(u'.'))
        return fail([&lexer] { return lexer.unexpectedAfter(Part::Major); });
    const auto minor = lexer.number(Part::Minor);
    if (!minor)
        return fail(lexerError);
    if (!lexer.consume(u'.'))
        return fail([&lexer] { return lexer.unexpectedAfter(Part::Minor); });
    const auto patch = lexer.number(Part::Patch);
    if (!patch)
        return fail(lexerError);
    version.m_major = *major;
    version.m_minor = *minor;
    version.m_patch = *patch;

    Part last = Part::Patch;
    if (lexer.consume(u'-')) {
        const auto prerelease = lexer.identifiers(Part::Prerelease);
        if (!prerelease)
            return fail(lexerError);
        version.m_prerelease = *prerelease;
        last = Part::Prerelease;
    }
    if (lexer.consume(u'+')) {
        const auto build = lexer.identifiers(Part::Build);
        if (!build)
            return fail(lexerError);
        version.m_build = build->join(u'.');
        last = Part::Build;
    }
    if (!lexer.atEnd())
        return fail([&lexer, last] { return lexer.unexpectedAfter(last); });
    return version;
}

QString SemVer::toString() const
{
    if (m_build.isEmpty())
        return withoutBuild();
    return withoutBuild() + u'+' + m_build;
}

QString SemVer::withoutBuild() const
{
    QString text = QString::number(m_major) + u'.' + QString::number(m_minor) + u'.' + QString::number(m_patch);
    if (!m_prerelease.isEmpty())
        text += u'-' + m_prerelease.join(u'.');
    return text;
}

int SemVer::comparePrecedence(const SemVer &other) const
{
    if (m_major != other.m_major)
        return compareNumbers(m_major, other.m_major);
    if (m_minor != other.m_minor)
        return compareNumbers(m_minor, other.m_minor);
    if (m_patch != other.m_patch)
        return compareNumbers(m_patch, other.m_patch);
    return comparePrerelease(m_prerelease, other.m_prerelease);
}

int SemVer::comparePrerelease(const QStringList &lhs, const QStringList &rhs)
{
    // No pre-release means the release, which outranks all of its pre-releases.
    if (lhs.isEmpty() || rhs.isEmpty())
        return compareNumbers(lhs.isEmpty(), rhs.isEmpty());
    const qsizetype common = std::min(lhs.size(), rhs.size());
    for (qsizetype i = 0; i < common; ++i) {
        if (const int order = compareIdentifier(lhs.at(i), rhs.at(i)); order != 0)
            return order;
    }
    return compareNumbers(lhs.size(), rhs.size());
}
