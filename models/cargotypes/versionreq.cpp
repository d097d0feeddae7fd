// SPDX-License-Identifier: GPL-3.0-or-later
#include "versionreq.h"

#include "semverlexer.h"

using namespace Qt::Literals::StringLiterals;

using Part = SemVerLexer::Part;
using Comparator = VersionReq::Comparator;
using Op = VersionReq::Op;

namespace {

Op readOp(SemVerLexer &lexer, bool *explicitOp)
{
    *explicitOp = true;
    if (lexer.consume(u'='))
        return Op::Exact;
    if (lexer.consume(u'>'))
        return lexer.consume(u'=') ? Op::GreaterEq : Op::Greater;
    if (lexer.consume(u'<'))
        return lexer.consume(u'=') ? Op::LessEq : Op::Less;
    if (lexer.consume(u'~'))
        return Op::Tilde;
    if (lexer.consume(u'^'))
        return Op::Caret;
    *explicitOp = false;
    return Op::Caret;
}

// One comparator and the spaces after it. *last is the part read last, for the message when
// something other than ',' follows. *error is only set when `error` is not null.
std::optional<Comparator> readComparator(SemVerLexer &lexer, Part *last, QString *error)
{
    const auto failed = [&lexer, error] {
        if (error)
            *error = lexer.error();
        return std::nullopt;
    };
    Comparator comparator;
    bool explicitOp = false;
    comparator.op = readOp(lexer, &explicitOp);
    lexer.skipSpaces();

    *last = Part::Major;
    const auto major = lexer.number(Part::Major);
    if (!major)
        return failed();
    comparator.major = *major;

    // A wildcard turns a bare version into Op::Wildcard, but "^1.*" stays a caret on "1":
    // that is how cargo reads (and re-displays) it.
    bool wildcard = false;
    if (lexer.consume(u'.')) {
        *last = Part::Minor;
        if (lexer.consumeWildcard()) {
            wildcard = true;
            if (!explicitOp)
                comparator.op = Op::Wildcard;
        } else if (const auto minor = lexer.number(Part::Minor)) {
            comparator.minor = *minor;
        } else {
            return failed();
        }
    }
    if (lexer.consume(u'.')) {
        *last = Part::Patch;
        if (lexer.consumeWildcard()) {
            if (!explicitOp)
                comparator.op = Op::Wildcard;
        } else if (wildcard) {
            if (error)
                *error = VersionReq::tr("a wildcard must not be followed by a number");
            return std::nullopt;
        } else if (const auto patch = lexer.number(Part::Patch)) {
            comparator.patch = *patch;
        } else {
            return failed();
        }
    }
    if (comparator.patch && lexer.consume(u'-')) {
        *last = Part::Prerelease;
        const auto prerelease = lexer.identifiers(Part::Prerelease);
        if (!prerelease)
            return failed();
        comparator.prerelease = *prerelease;
    }
    // Read to be validated, then dropped: build metadata never takes part in matching.
    if (comparator.patch && lexer.consume(u'+')) {
        *last = Part::Build;
        if (!lexer.identifiers(Part::Build))
            return failed();
    }
    lexer.skipSpaces();
    return comparator;
}

// The wildcard checks need to look ahead without consuming: a lexer is a cheap copy.
bool isLoneWildcard(SemVerLexer lexer, QChar *which, bool *followedByComma)
{
    *which = lexer.peek();
    if (!lexer.consumeWildcard())
        return false;
    lexer.skipSpaces();
    *followedByComma = lexer.peek() == u',';
    return lexer.atEnd() || *followedByComma;
}

// What stands after a comparator where a comma belongs: never a space (spaces after a
// comparator are read with it) nor the end, so a character. By the part read last.
QString expectedComma(const SemVerLexer &lexer, Part last)
{
    const QString found = lexer.characterHere();
    switch (last) {
    case Part::Major:
        return VersionReq::tr("expected a comma after major version, found character %1").arg(found);
    case Part::Minor:
        return VersionReq::tr("expected a comma after minor version, found character %1").arg(found);
    case Part::Patch:
        return VersionReq::tr("expected a comma after patch version, found character %1").arg(found);
    case Part::Prerelease:
        return VersionReq::tr("expected a comma after pre-release identifier, found character %1").arg(found);
    case Part::Build:
        break;
    }
    return VersionReq::tr("expected a comma after build metadata, found character %1").arg(found);
}

// After a wildcard that is not alone: a space or a character (the end would make it alone).
QString unexpectedAfterWildcard(const SemVerLexer &lexer)
{
    switch (lexer.foundHere()) {
    case SemVerLexer::Found::End:
        return VersionReq::tr("unexpected end of input after the wildcard");
    case SemVerLexer::Found::Space:
        return VersionReq::tr("unexpected space after the wildcard");
    case SemVerLexer::Found::Character:
        break;
    }
    return VersionReq::tr("unexpected character %1 after the wildcard").arg(lexer.characterHere());
}

int compareNumbers(quint64 lhs, quint64 rhs)
{
    return lhs < rhs ? -1 : (lhs > rhs ? 1 : 0);
}

bool matchesExact(const Comparator &c, const SemVer &v)
{
    return v.major() == c.major && (!c.minor || v.minor() == *c.minor) && (!c.patch || v.patch() == *c.patch)
        && v.prerelease() == c.prerelease;
}

// >0 when the version lies wholly above the comparator, <0 wholly below, 0 inside: ">1" and
// "<1" both exclude every 1.x.y, as a partial version stands for its whole range.
int compareBounded(const Comparator &c, const SemVer &v)
{
    if (v.major() != c.major)
        return compareNumbers(v.major(), c.major);
    if (!c.minor)
        return 0;
    if (v.minor() != *c.minor)
        return compareNumbers(v.minor(), *c.minor);
    if (!c.patch)
        return 0;
    if (v.patch() != *c.patch)
        return compareNumbers(v.patch(), *c.patch);
    return SemVer::comparePrerelease(v.prerelease(), c.prerelease);
}

bool matchesTilde(const Comparator &c, const SemVer &v)
{
    if (v.major() != c.major)
        return false;
    if (c.minor && v.minor() != *c.minor)
        return false;
    if (c.patch && v.patch() != *c.patch)
        return v.patch() > *c.patch;
    return SemVer::comparePrerelease(v.prerelease(), c.prerelease) >= 0;
}

bool matchesCaret(const Comparator &c, const SemVer &v)
{
    if (v.major() != c.major)
        return false;
    if (!c.minor)
        return true;
    const quint64 minor = *c.minor;
    if (!c.patch)
        return c.major > 0 ? v.minor() >= minor : v.minor() == minor;
    const quint64 patch = *c.patch;
    // The leftmost non-zero part is the one that may not change.
    if (c.major > 0) {
        if (v.minor() != minor)
            return v.minor() > minor;
        if (v.patch() != patch)
            return v.patch() > patch;
    } else if (minor > 0) {
        if (v.minor() != minor)
            return false;
        if (v.patch() != patch)
            return v.patch() > patch;
    } else if (v.minor() != minor || v.patch() != patch) {
        return false;
    }
    return SemVer::comparePrerelease(v.prerelease(), c.prerelease) >= 0;
}

bool allowsPrereleaseOf(const Comparator &c, const SemVer &v)
{
    return c.major == v.major() && c.minor == v.minor() && c.patch == v.patch() && !c.prerelease.isEmpty();
}

} // namespace

bool VersionReq::Comparator::matches(const SemVer &version) const
{
    switch (op) {
    case Op::Exact:
    case Op::Wildcard:
        return matchesExact(*this, version);
    case Op::Greater:
        return compareBounded(*this, version) > 0;
    case Op::GreaterEq:
        return matchesExact(*this, version) || compareBounded(*this, version) > 0;
    case Op::Less:
        return compareBounded(*this, version) < 0;
    case Op::LessEq:
        return matchesExact(*this, version) || compareBounded(*this, version) < 0;
    case Op::Tilde:
        return matchesTilde(*this, version);
    case Op::Caret:
        return matchesCaret(*this, version);
    }
    return false;
}

QString VersionReq::Comparator::toString() const
{
    QString text;
    switch (op) {
    case Op::Exact:
        text = u"="_s;
        break;
    case Op::Greater:
        text = u">"_s;
        break;
    case Op::GreaterEq:
        text = u">="_s;
        break;
    case Op::Less:
        text = u"<"_s;
        break;
    case Op::LessEq:
        text = u"<="_s;
        break;
    case Op::Tilde:
        text = u"~"_s;
        break;
    case Op::Caret:
        text = u"^"_s;
        break;
    case Op::Wildcard:
        break;
    }
    text += QString::number(major);
    if (!minor) {
        if (op == Op::Wildcard)
            text += u".*"_s;
        return text;
    }
    text += u'.' + QString::number(*minor);
    if (!patch) {
        if (op == Op::Wildcard)
            text += u".*"_s;
        return text;
    }
    text += u'.' + QString::number(*patch);
    if (!prerelease.isEmpty())
        text += u'-' + prerelease.join(u'.');
    return text;
}

std::optional<VersionReq> VersionReq::parse(QStringView text, QString *error)
{
    // `reason` is only called when a message is wanted: most callers only test the text.
    auto fail = [&](auto reason) -> std::optional<VersionReq> {
        if (error)
            *error = tr("\"%1\" is not a valid version requirement: %2").arg(text, reason());
        return std::nullopt;
    };

    SemVerLexer lexer(text);
    lexer.skipSpaces();
    QChar wildcard;
    bool followedByComma = false;
    if (isLoneWildcard(lexer, &wildcard, &followedByComma)) {
        if (!followedByComma)
            return VersionReq();
    } else if (SemVerLexer probe = lexer; probe.consumeWildcard()) {
        return fail([&probe] { return unexpectedAfterWildcard(probe); });
    }

    VersionReq req;
    for (;;) {
        if (isLoneWildcard(lexer, &wildcard, &followedByComma))
            return fail([wildcard] { return tr("the wildcard %1 must be the only comparator").arg(wildcard); });
        Part last = Part::Major;
        QString reason;
        const auto comparator = readComparator(lexer, &last, error ? &reason : nullptr);
        if (!comparator)
            return fail([&reason] { return reason; });
        req.m_comparators.append(*comparator);
        if (lexer.atEnd())
            return req;
        if (!lexer.consume(u','))
            return fail([&lexer, last] { return expectedComma(lexer, last); });
        lexer.skipSpaces();
        if (req.m_comparators.size() == MaxComparators)
            return fail([] { return tr("more than %n comparators", nullptr, int(MaxComparators)); });
    }
}

bool VersionReq::matches(const SemVer &version) const
{
    for (const Comparator &comparator : m_comparators) {
        if (!comparator.matches(version))
            return false;
    }
    if (!version.isPrerelease())
        return true;
    for (const Comparator &comparator : m_comparators) {
        if (allowsPrereleaseOf(comparator, version))
            return true;
    }
    return false;
}

std::optional<SemVer> VersionReq::highestMatching(const QList<SemVer> &versions) const
{
    std::optional<SemVer> best;
    for (const SemVer &version : versions) {
        if (matches(version) && (!best || version > *best))
            best = version;
    }
    return best;
}

QString VersionReq::toString() const
{
    if (m_comparators.isEmpty())
        return u"*"_s;
    QStringList parts;
    parts.reserve(m_comparators.size());
    for (const Comparator &comparator : m_comparators)
        parts.append(comparator.toString());
    return parts.join(u", "_s);
}
