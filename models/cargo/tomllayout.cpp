// SPDX-License-Identifier: GPL-3.0-or-later
#include "tomllayout.h"

#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;

namespace {

bool isBareKeyChar(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'_' || c == u'-';
}

// A recursive-descent reader that only finds boundaries; values are not interpreted (toml++
// does that). Any surprise ends the scan with a message instead of a guess.
class Scanner
{
public:
    Scanner(const QString &text, QList<TomlLayout::Table> *tables, QList<TomlLayout::Entry> *entries)
        : m_text(text)
        , m_tables(tables)
        , m_entries(entries)
    {
    }

    bool run(QString *error)
    {
        if (m_pos < m_text.size() && m_text.at(m_pos) == QChar(0xfeff))
            ++m_pos;
        QStringList tablePath;
        int tableIndex = -1;
        while (true) {
            skipBlank(true);
            if (atEnd())
                break;
            if (peek() == u'[') {
                TomlLayout::Table table;
                table.headerStart = m_pos;
                ++m_pos;
                if (peek() == u'[') {
                    table.arrayOfTables = true;
                    ++m_pos;
                }
                skipBlank(false);
                if (!readKey(&table.path))
                    return fail(error);
                skipBlank(false);
                if (!expect(u']') || (table.arrayOfTables && !expect(u']')))
                    return fail(error, QCoreApplication::translate("TomlLayout", "a table header is not closed with ]"));
                if (!endOfLine())
                    return fail(error, QCoreApplication::translate("TomlLayout", "unexpected text after a table header"));
                table.headerLineEnd = m_pos;
                if (!m_tables->isEmpty())
                    m_tables->last().bodyEnd = table.headerStart;
                m_tables->append(table);
                tablePath = table.path;
                tableIndex = int(m_tables->size() - 1);
                continue;
            }
            if (!readEntry(tablePath, tableIndex, false))
                return fail(error);
            if (!endOfLine())
                return fail(error, QCoreApplication::translate("TomlLayout", "unexpected text after a value"));
            (*m_entries)[m_lastLineEntry].lineEnd = m_pos;
        }
        if (!m_tables->isEmpty())
            m_tables->last().bodyEnd = m_text.size();
        return true;
    }

private:
    bool atEnd() const { return m_pos >= m_text.size(); }
    QChar peek(qsizetype ahead = 0) const { return m_pos + ahead < m_text.size() ? m_text.at(m_pos + ahead) : QChar(); }
    bool startsWith(QStringView what) const { return QStringView(m_text).sliced(m_pos).startsWith(what); }

    bool fail(QString *error, const QString &message = {})
    {
        const QString what = message.isEmpty() ? m_message : message;
        const qsizetype line = QStringView(m_text).first(std::min(m_pos, m_text.size())).count(u'\n') + 1;
        *error = QCoreApplication::translate("TomlLayout", "line %1: %2", "line number: what is wrong").arg(line).arg(what.isEmpty() ? QCoreApplication::translate("TomlLayout", "unexpected text") : what);
        return false;
    }

    bool expect(QChar c)
    {
        if (peek() != c)
            return false;
        ++m_pos;
        return true;
    }

    // Spaces and tabs; with `newlines`, also line breaks and comments.
    void skipBlank(bool newlines)
    {
        while (!atEnd()) {
            const QChar c = peek();
            if (c == u' ' || c == u'\t')
                ++m_pos;
            else if (newlines && (c == u'\n' || c == u'\r'))
                ++m_pos;
            else if (newlines && c == u'#')
                skipComment();
            else
                break;
        }
    }

    void skipComment()
    {
        while (!atEnd() && peek() != u'\n')
            ++m_pos;
    }

    // Optional blanks and comment, then a newline (consumed) or the end.
    bool endOfLine()
    {
        skipBlank(false);
        if (peek() == u'#')
            skipComment();
        if (peek() == u'\r')
            ++m_pos;
        if (atEnd())
            return true;
        return expect(u'\n');
    }

    bool readSimpleKey(QString *key)
    {
        if (peek() == u'"' || peek() == u'\'') {
            const qsizetype start = m_pos;
            if (!readString())
                return false;
            *key = unquote(QStringView(m_text).sliced(start, m_pos - start));
            return true;
        }
        const qsizetype start = m_pos;
        while (!atEnd() && isBareKeyChar(peek()))
            ++m_pos;
        if (m_pos == start) {
            m_message = QCoreApplication::translate("TomlLayout", "a key was expected");
            return false;
        }
        *key = m_text.sliced(start, m_pos - start);
        return true;
    }

    bool readKey(QStringList *path)
    {
        while (true) {
            QString part;
            if (!readSimpleKey(&part))
                return false;
            path->append(part);
            skipBlank(false);
            if (peek() != u'.')
                return true;
            ++m_pos;
            skipBlank(false);
        }
    }

    static QString unquote(QStringView quoted)
    {
        if (quoted.startsWith(u'\''))
            return quoted.sliced(1, quoted.size() - 2).toString();
        QString out;
        const QStringView inner = quoted.sliced(1, quoted.size() - 2);
        for (qsizetype i = 0; i < inner.size(); ++i) {
            const QChar c = inner.at(i);
            if (c != u'\\' || i + 1 >= inner.size()) {
                out.append(c);
                continue;
            }
            const QChar e = inner.at(++i);
            switch (e.unicode()) {
            case u'n': out.append(u'\n'); break;
            case u't': out.append(u'\t'); break;
            case u'r': out.append(u'\r'); break;
            case u'b': out.append(u'\b'); break;
            case u'f': out.append(u'\f'); break;
            case u'u':
            case u'U': {
                const qsizetype digits = e == u'u' ? 4 : 8;
                const char32_t code = inner.sliced(i + 1, std::min(digits, inner.size() - i - 1)).toUInt(nullptr, 16);
                out.append(QString::fromUcs4(&code, 1));
                i += digits;
                break;
            }
            default: out.append(e); break;
            }
        }
        return out;
    }

    // Any string form; leaves m_pos after the closing quote(s).
    bool readString()
    {
        const QChar quote = peek();
        const bool multi = startsWith(quote == u'"' ? u"\"\"\"" : u"'''");
        m_pos += multi ? 3 : 1;
        while (!atEnd()) {
            const QChar c = peek();
            if (c == u'\\' && quote == u'"') {
                m_pos += 2;
                continue;
            }
            if (!multi && c == u'\n')
                break;
            if (c == quote) {
                if (!multi) {
                    ++m_pos;
                    return true;
                }
                if (peek(1) == quote && peek(2) == quote) {
                    m_pos += 3;
                    // Up to two more quotes belong to the string ("""a"""" is a + ").
                    for (int extra = 0; extra < 2 && peek() == quote; ++extra)
                        ++m_pos;
                    return true;
                }
            }
            ++m_pos;
        }
        m_message = QCoreApplication::translate("TomlLayout", "a string is not closed");
        return false;
    }

    bool readValue(const QStringList &path, bool record)
    {
        // Arrays and inline tables recurse: bound them before the stack does (toml++ has
        // refused deeper text already when the editor calls this, but scan() takes any text).
        if (m_depth >= MaxDepth) {
            m_message = QCoreApplication::translate("TomlLayout", "arrays and inline tables nested more than %1 deep").arg(MaxDepth);
            return false;
        }
        ++m_depth;
        const bool read = readNestedValue(path, record);
        --m_depth;
        return read;
    }

    bool readNestedValue(const QStringList &path, bool record)
    {
        const QChar c = peek();
        if (c == u'"' || c == u'\'')
            return readString();
        if (c == u'[') {
            ++m_pos;
            while (true) {
                skipBlank(true);
                if (expect(u']'))
                    return true;
                if (!readValue(path, false))
                    return false;
                skipBlank(true);
                if (expect(u','))
                    continue;
                if (expect(u']'))
                    return true;
                m_message = QCoreApplication::translate("TomlLayout", "an array is not closed with ]");
                return false;
            }
        }
        if (c == u'{') {
            ++m_pos;
            while (true) {
                skipBlank(true);
                if (expect(u'}'))
                    return true;
                if (!readEntry(path, -1, true, record))
                    return false;
                skipBlank(true);
                if (expect(u','))
                    continue;
                if (expect(u'}'))
                    return true;
                m_message = QCoreApplication::translate("TomlLayout", "an inline table is not closed with }");
                return false;
            }
        }
        const qsizetype start = m_pos;
        while (!atEnd()) {
            const QChar d = peek();
            // A date and a time may be separated by one space: 1979-05-27 07:32:00.
            if (d == u' ' && m_pos - start == 10 && m_text.at(start + 4) == u'-' && peek(1).isDigit()) {
                ++m_pos;
                continue;
            }
            if (d == u' ' || d == u'\t' || d == u'\n' || d == u'\r' || d == u',' || d == u']' || d == u'}' || d == u'#')
                break;
            ++m_pos;
        }
        if (m_pos == start) {
            m_message = QCoreApplication::translate("TomlLayout", "a value was expected");
            return false;
        }
        return true;
    }

    bool readEntry(const QStringList &base, int tableIndex, bool inInline, bool record = true)
    {
        TomlLayout::Entry entry;
        if (!readKey(&entry.writtenKey))
            return false;
        skipBlank(false);
        if (!expect(u'=')) {
            m_message = QCoreApplication::translate("TomlLayout", "= was expected after a key");
            return false;
        }
        skipBlank(false);
        entry.path = base + entry.writtenKey;
        entry.table = tableIndex;
        entry.inInlineTable = inInline;
        entry.isInlineTable = peek() == u'{';
        entry.valueStart = m_pos;
        // Inline tables record their own entries first; this entry is patched afterwards.
        const qsizetype index = record ? m_entries->size() : -1;
        if (record)
            m_entries->append(entry);
        if (!readValue(entry.path, record))
            return false;
        if (record) {
            (*m_entries)[index].valueEnd = m_pos;
            if (!inInline)
                m_lastLineEntry = index;
        }
        return true;
    }

    static constexpr int MaxDepth = 128;

    const QString &m_text;
    QList<TomlLayout::Table> *m_tables;
    QList<TomlLayout::Entry> *m_entries;
    qsizetype m_pos = 0;
    qsizetype m_lastLineEntry = -1;
    int m_depth = 0;
    QString m_message;
};

} // namespace

std::optional<TomlLayout> TomlLayout::scan(const QString &text, QString *error)
{
    TomlLayout layout;
    Scanner scanner(text, &layout.m_tables, &layout.m_entries);
    if (!scanner.run(error))
        return std::nullopt;
    return layout;
}

const TomlLayout::Entry *TomlLayout::entry(const QStringList &path) const
{
    for (const Entry &entry : m_entries)
        if (entry.path == path)
            return &entry;
    return nullptr;
}

const TomlLayout::Table *TomlLayout::table(const QStringList &path) const
{
    for (const Table &table : m_tables)
        if (!table.arrayOfTables && table.path == path)
            return &table;
    return nullptr;
}
