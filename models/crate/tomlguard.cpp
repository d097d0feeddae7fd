// SPDX-License-Identifier: GPL-3.0-or-later
#include "tomlguard.h"

#include <QByteArrayView>
#include <QCoreApplication>
#include <QList>

#include <cctype>
#include <utility>

using namespace Qt::Literals::StringLiterals;

// What the pass guards against, each found by fuzzing toml++ 3.4 (fuzz_cargomanifest):
//
// - Depth. toml++ limits how deep arrays and inline tables nest, but not dotted keys:
//   "a.a.a... = 1" or "[a.a.a...]" a million parts long overflows its stack, and so does the
//   recursive walk of the tree it builds (200,000 parts in a cloned project's
//   .cargo/config.toml crashed `cargo-setup --project`). So one key may have MaxKeyParts
//   parts, and table name, dotted keys, arrays and inline tables together MaxDepth levels.
//   Floats and dates have one dot; only dots outside strings and comments count.
// - "[:x]": a table header that does not start with a key. parse_key() only assumes it does
//   (TOML_ASSERT_ASSUME, undefined behaviour in a release build).
// - "Is this whitespace?" on a non-ASCII character. is_non_ascii_horizontal_whitespace()
//   reaches TOML_UNREACHABLE (__builtin_unreachable()) for U+00A1-U+0499, U+2C5E-U+2FFF,
//   U+3001-U+3057 and U+FB26-U+FEFE: its generated lookup does not cover them (known
//   upstream; fixed after 3.4 by returning false). The parser asks it in three places only:
//   * outside strings and comments, where TOML allows nothing but ASCII: non-ASCII there
//     is refused. That includes a bare value (a number, date or boolean, or junk): toml++
//     reads it as one token to a blank, ',', ']', '}', '#' or the line end, so a quote inside
//     it (`x = +a="é"`) starts no string (found by fuzz_cargolock);
//   * on the character after a backslash in a multi-line basic string, and on the one
//     after the blanks that follow such a backslash: a non-ASCII character there is no TOML
//     at all ("\é" is no escape, and a line-ending backslash must end its line): refused,
//     in every basic string alike;
//   * on the first character after the whitespace that a line-ending backslash swallows,
//     which may validly be any character ("""a \<newline>  é"""). That one is rewritten as
//     its \uXXXX escape: the same string to every TOML reader, but toml++ then sees a
//     backslash, which ends its whitespace skipping. (toml++ also wrongly swallows non-ASCII
//     spaces there; escaped, they are kept, as the TOML spec and cargo keep them.)
//
//   fuzz_cargoconfig found toml++ reading on past where a bare value seems to end: after a
//   date, a space and a digit it reads a time as part of the same token, past '{', '"' or
//   '#' (`d = 1978-06-27 0#§`, `d = 19A9-05-27 07:3:00{"é`). So a bare value goes on over
//   that one space, and a comment's non-ASCII characters reach toml++ masked as ASCII (a
//   comment means nothing to the parse; one that is not UTF-8 is refused, as TOML requires).
//
// Why a guard and not a toml++ option: the product links Debian's compiled
// libtomlplusplus (TOML_HEADER_ONLY=0), so no macro of ours reaches its parser, and a
// patched copy of toml++ would be a fork to keep. A pass in front of the library keeps
// Debian's build and protects the product and the fuzz build alike.

namespace {

bool isBareKeyChar(char c)
{
    return std::isalnum(uchar(c)) || c == '_' || c == '-';
}

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

// The code point of the well-formed UTF-8 sequence at `at` and its length in bytes;
// nullopt for anything else (cut off, overlong, a surrogate, past U+10FFFF).
std::optional<std::pair<char32_t, int>> decodeUtf8(QByteArrayView text, qsizetype at)
{
    const auto byte = [&](qsizetype i) { return i < text.size() ? uchar(text.at(i)) : uchar(0); };
    const uchar lead = byte(at);
    int length = 0;
    char32_t code = 0;
    uchar low = 0x80;
    uchar high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) {
        length = 2;
        code = lead & 0x1f;
    } else if (lead >= 0xe0 && lead <= 0xef) {
        length = 3;
        code = lead & 0x0f;
        low = lead == 0xe0 ? 0xa0 : low;
        high = lead == 0xed ? 0x9f : high;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
        length = 4;
        code = lead & 0x07;
        low = lead == 0xf0 ? 0x90 : low;
        high = lead == 0xf4 ? 0x8f : high;
    } else {
        return std::nullopt;
    }
    for (int k = 1; k < length; ++k) {
        const uchar c = byte(at + k);
        if (c < (k == 1 ? low : 0x80) || c > (k == 1 ? high : 0xbf))
            return std::nullopt;
        code = (code << 6) | (c & 0x3f);
    }
    return std::pair{code, length};
}

QByteArray escapeFor(char32_t code)
{
    return code <= 0xffff ? "\\u" + QByteArray::number(uint(code), 16).rightJustified(4, '0')
                          : "\\U" + QByteArray::number(uint(code), 16).rightJustified(8, '0');
}

// Where toml++ reads a bare value (a number, date, boolean, or junk it will refuse): from the
// first character of a value that is not a quote, '[' or '{', to a blank, ',', ']', '}', '#' or
// the line end.
class BareValue
{
public:
    // Called for every character outside strings and comments, with the one after it; true
    // while it is in one.
    bool inside(char c, char next)
    {
        // A date, a space and a digit: toml++ reads on for the time ("1979-05-27 07:32:00"), as
        // one token. Nothing else valid has a digit after a value and a space, so the token is
        // taken to go on there whatever it is (fuzz_cargoconfig found toml++ reading on).
        const bool timeFollows = c == ' ' && std::isdigit(uchar(next)) && !m_spaceTaken;
        if (m_inside && timeFollows) {
            m_spaceTaken = true;
            return true;
        }
        if (m_inside && (isBlank(c) || c == ',' || c == ']' || c == '}' || c == '#' || c == '\n' || c == '\r'))
            m_inside = false;
        if (m_valueNext && !isBlank(c) && c != '\r' && c != '\n' && c != '#') {
            m_valueNext = false;
            // An empty array or a trailing comma ends here without a value.
            m_inside = !QByteArrayView("\"'[{]},").contains(c);
            m_spaceTaken = false;
        }
        return m_inside;
    }
    void expectValue() { m_valueNext = true; }
    void open(char bracket)
    {
        m_open.append(bracket);
        m_valueNext = bracket == '['; // an array holds values, an inline table keys
    }
    void close()
    {
        if (!m_open.isEmpty())
            m_open.removeLast();
        m_valueNext = false;
    }
    void afterComma() { m_valueNext = !m_open.isEmpty() && m_open.last() == '['; }

private:
    QList<char> m_open; // '[' or '{' per open array or inline table
    bool m_valueNext = false;
    bool m_inside = false;
    bool m_spaceTaken = false; // the one space a date-time may hold
};

class Scanner
{
public:
    explicit Scanner(const QByteArray &toml)
        : m_toml(toml)
    {
    }

    std::optional<TomlGuard::Problem> run();
    QByteArray rewritten() const;

private:
    TomlGuard::Problem problemAt(qsizetype at, const QString &message) const
    {
        const QByteArrayView before = QByteArrayView(m_toml).first(std::min(at, m_toml.size()));
        return {int(before.count('\n')) + 1, int(at - before.lastIndexOf('\n')), message};
    }
    bool startsWith(qsizetype at, const char *text) const { return QByteArrayView(m_toml).sliced(at).startsWith(text); }
    std::optional<TomlGuard::Problem> skipString(qsizetype &i, char before);
    std::optional<TomlGuard::Problem> afterBackslash(qsizetype &i, bool multi);
    std::optional<TomlGuard::Problem> maskComment(qsizetype &i);

    struct Rewrite
    {
        qsizetype at = 0;
        int length = 0;
        QByteArray escape;
    };

    const QByteArray &m_toml;
    QList<Rewrite> m_rewrites;
};

std::optional<TomlGuard::Problem> Scanner::run()
{
    int chain = 0; // dots joining the parts of the key being read
    int keyDepth = 0; // the depth of the value after the last '='
    QList<int> depths{0}; // [0]: the current table's; then one per open array or inline table
    bool inHeader = false;
    bool lineBlank = true; // nothing but blanks so far on this line
    char previous = '\n'; // the last character outside strings and comments, not counting blanks
    BareValue bare;
    const qsizetype size = m_toml.size();
    for (qsizetype i = 0; i < size; ++i) {
        const char c = m_toml.at(i);
        const bool blankBefore = lineBlank;
        const char before = previous;
        if (c != ' ' && c != '\t' && c != '\r' && c != '#')
            previous = c;
        if (c != ' ' && c != '\t' && c != '\r')
            lineBlank = false;
        if (bare.inside(c, i + 1 < size ? m_toml.at(i + 1) : '\0')) {
            // toml++ reads a bare value as one token up to its end, asking "whitespace?" of
            // every character in it: quotes, '=' and '.' there are no structure.
            if (uchar(c) >= 0x80)
                return problemAt(i, QCoreApplication::translate("TomlGuard", "a non-ASCII character outside a string or comment"));
            continue;
        }
        if (c == '\n') {
            chain = 0;
            lineBlank = true;
            inHeader = false;
        } else if (c == '[' && depths.size() == 1 && blankBefore) {
            qsizetype k = i + 1;
            if (k < size && m_toml.at(k) == '[')
                i = k++; // [[array of tables]]
            while (k < size && isBlank(m_toml.at(k)))
                ++k;
            if (k < size && !isBareKeyChar(m_toml.at(k)) && m_toml.at(k) != '"' && m_toml.at(k) != '\'' && m_toml.at(k) != ']') {
                const uchar bad = uchar(m_toml.at(k));
                if (bad < 0x80 && bad >= 0x20)
                    return problemAt(k, QCoreApplication::translate("TomlGuard", "a table header must start with a key, not '%1'").arg(QLatin1Char(char(bad))));
                return problemAt(k, QCoreApplication::translate("TomlGuard", "a table header must start with a key, not byte 0x%1")
                                        .arg(bad, 2, 16, QLatin1Char('0')));
            }
            chain = 0;
            inHeader = true;
        } else if (c == '[' || c == '{') {
            const int depth = (before == '=' ? keyDepth : depths.last()) + 1;
            if (depth > TomlGuard::MaxDepth)
                return problemAt(i, QCoreApplication::translate("TomlGuard", "tables, arrays and dotted keys nested more than %1 deep").arg(TomlGuard::MaxDepth));
            depths.append(depth);
            bare.open(c);
            chain = 0;
        } else if (c == ']' || c == '}') {
            if (depths.size() > 1) {
                depths.removeLast();
                bare.close();
            } else if (inHeader) {
                depths[0] = chain + 1; // a table's keys start below its name
                inHeader = false;
            }
            chain = 0;
        } else if (c == '=') {
            bare.expectValue();
            keyDepth = depths.last() + chain + 1;
            if (keyDepth > TomlGuard::MaxDepth)
                return problemAt(i, QCoreApplication::translate("TomlGuard", "tables, arrays and dotted keys nested more than %1 deep").arg(TomlGuard::MaxDepth));
            chain = 0;
        } else if (c == '#') {
            if (auto problem = maskComment(i))
                return problem;
        } else if (c == '"' || c == '\'') {
            if (auto problem = skipString(i, before))
                return problem;
        } else if (uchar(c) >= 0x80) {
            return problemAt(i, QCoreApplication::translate("TomlGuard", "a non-ASCII character outside a string or comment"));
        } else if (c == ',') {
            bare.afterComma();
            chain = 0;
        } else if (c == '.') {
            if (++chain + 1 > TomlGuard::MaxKeyParts)
                return problemAt(i, QCoreApplication::translate("TomlGuard", "a dotted key or table name with more than %1 parts").arg(TomlGuard::MaxKeyParts));
        } else if (!isBlank(c) && c != '_' && c != '-' && c != '+' && c != ':' && !std::isalnum(uchar(c))) {
            chain = 0;
        }
    }
    return std::nullopt;
}

// A string is one key part; i goes from its opening quote to its last byte (a single-line
// string cut by a newline stops before it, for run() to see the line end).
std::optional<TomlGuard::Problem> Scanner::skipString(qsizetype &i, char before)
{
    const qsizetype size = m_toml.size();
    const char quote = m_toml.at(i);
    // Only where a key or value may start is it a string for toml++ too ("+\"..." is not):
    // anywhere else its text must stay ASCII like the rest.
    const bool stringForToml = QByteArrayView("\n=[{,.").contains(before);
    const qsizetype opening = i;
    const char *const triple = quote == '"' ? "\"\"\"" : "'''";
    const bool multi = startsWith(i, triple);
    i += multi ? 3 : 1;
    for (; i < size; ++i) {
        const char d = m_toml.at(i);
        if (quote == '"' && d == '\\') {
            if (auto problem = afterBackslash(i, multi))
                return problem;
            continue;
        }
        if (d == '\n' && !multi) {
            --i;
            break;
        }
        if (d == quote && (!multi || startsWith(i, triple))) {
            i += multi ? 2 : 0;
            // Up to two more quotes belong to a multi-line string ("""a"""" is a + "), as
            // for toml++: else a valid `"""a""""  # é` would look like a stray string here.
            for (int extra = 0; multi && extra < 2 && i + 1 < size && m_toml.at(i + 1) == quote; ++extra)
                ++i;
            break;
        }
    }
    if (!stringForToml) {
        for (qsizetype k = opening; k < std::min(i + 1, size); ++k) {
            if (uchar(m_toml.at(k)) >= 0x80)
                return problemAt(k, QCoreApplication::translate("TomlGuard", "a non-ASCII character outside a string or comment"));
        }
    }
    return std::nullopt;
}

// i is at a comment's '#'; leaves it at the comment's last byte. Its non-ASCII characters
// reach toml++ as as many 'x's as they have bytes: a comment means nothing to the parse, and
// the columns of toml++'s messages stay right.
std::optional<TomlGuard::Problem> Scanner::maskComment(qsizetype &i)
{
    const qsizetype size = m_toml.size();
    while (i + 1 < size && m_toml.at(i + 1) != '\n') {
        ++i;
        if (uchar(m_toml.at(i)) < 0x80)
            continue;
        const auto decoded = decodeUtf8(m_toml, i);
        if (!decoded)
            return problemAt(i, QCoreApplication::translate("TomlGuard", "the text is not UTF-8"));
        m_rewrites.append({i, decoded->second, QByteArray(decoded->second, 'x')});
        i += decoded->second - 1;
    }
    return std::nullopt;
}

// i is at a backslash in a basic string; leaves it at the last byte the escape takes.
std::optional<TomlGuard::Problem> Scanner::afterBackslash(qsizetype &i, bool multi)
{
    const qsizetype size = m_toml.size();
    qsizetype k = i + 1;
    if (k >= size)
        return std::nullopt; // toml++ reports the open string
    if (uchar(m_toml.at(k)) >= 0x80)
        return problemAt(k, QCoreApplication::translate("TomlGuard", "a backslash followed by a non-ASCII character in a string (no TOML escape)"));
    const bool lineEnding = multi && (isBlank(m_toml.at(k)) || m_toml.at(k) == '\r' || m_toml.at(k) == '\n');
    if (!lineEnding) {
        // An escape letter (\u's hex digits are read as plain text), or a newline that
        // ends a single-line string: that one is left for the string loop to see.
        i = m_toml.at(k) == '\n' ? i : k;
        return std::nullopt;
    }
    while (k < size && isBlank(m_toml.at(k)))
        ++k;
    if (k < size && uchar(m_toml.at(k)) >= 0x80)
        return problemAt(k, QCoreApplication::translate("TomlGuard", "a backslash followed by blanks and a non-ASCII character in a string (a line-ending "
                                                          "backslash must end its line)"));
    if (k >= size || (m_toml.at(k) != '\r' && m_toml.at(k) != '\n')) {
        i = k - 1; // not a line end after all: toml++ refuses it
        return std::nullopt;
    }
    while (k < size && (isBlank(m_toml.at(k)) || m_toml.at(k) == '\r' || m_toml.at(k) == '\n'))
        ++k;
    if (k < size && uchar(m_toml.at(k)) >= 0x80) {
        const auto decoded = decodeUtf8(m_toml, k);
        if (!decoded)
            return problemAt(k, QCoreApplication::translate("TomlGuard", "the text is not UTF-8"));
        m_rewrites.append({k, decoded->second, escapeFor(decoded->first)});
        k += decoded->second;
    }
    i = k - 1;
    return std::nullopt;
}

QByteArray Scanner::rewritten() const
{
    if (m_rewrites.isEmpty())
        return m_toml;
    QByteArray out;
    out.reserve(m_toml.size() + m_rewrites.size() * 10);
    qsizetype from = 0;
    for (const Rewrite &rewrite : m_rewrites) {
        out += QByteArrayView(m_toml).sliced(from, rewrite.at - from);
        out += rewrite.escape;
        from = rewrite.at + rewrite.length;
    }
    out += QByteArrayView(m_toml).sliced(from);
    return out;
}

} // namespace

TomlGuard::Result TomlGuard::prepare(const QByteArray &toml)
{
    Scanner scanner(toml);
    if (auto problem = scanner.run())
        return {{}, std::move(problem)};
    return {scanner.rewritten(), std::nullopt};
}

TomlGuard::Parsed TomlGuard::parse(const QByteArray &toml, const QString &sourceName)
{
    Result guarded = prepare(toml);
    if (guarded.problem)
        return {std::nullopt, std::move(guarded.problem)};
    try {
        return {toml::parse(std::string_view(guarded.text.constData(), size_t(guarded.text.size())), sourceName.toStdString()),
                std::nullopt};
    } catch (const toml::parse_error &error) {
        const std::string_view description = error.description();
        return {std::nullopt, Problem{int(error.source().begin.line), int(error.source().begin.column),
                                      QString::fromUtf8(description.data(), qsizetype(description.size()))}};
    }
}
