// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// Where things are in a TOML text: every table header and every key/value (inline tables
// included) with its full key path and its character span. toml++ forgets comments and layout
// when it writes a document back, so cargo's config is edited by splicing text at these
// offsets instead; toml++ then checks the result.
class TomlLayout final
{
public:
    struct Table
    {
        QStringList path;
        bool arrayOfTables = false;
        qsizetype headerStart = 0;
        qsizetype headerLineEnd = 0; // just after the header line's newline (or the text's end)
        qsizetype bodyEnd = 0;       // where the next header starts, or the text's end
    };

    struct Entry
    {
        QStringList path;           // full path from the document root
        QStringList writtenKey;     // the key as written, relative to its table or inline table
        int table = -1;             // index into tables(); -1 for the root table
        bool inInlineTable = false; // `a = { b = 1 }`: the entry for b
        bool isInlineTable = false; // the value is `{ ... }`
        qsizetype valueStart = 0;
        qsizetype valueEnd = 0;
        qsizetype lineEnd = 0; // for line entries: just after the newline ending the entry
    };

    // nullopt when the text is not TOML this scanner understands; *error says where.
    static std::optional<TomlLayout> scan(const QString &text, QString *error);

    const QList<Table> &tables() const { return m_tables; }
    const QList<Entry> &entries() const { return m_entries; }

    // The entry whose full path is `path`, or nullptr.
    const Entry *entry(const QStringList &path) const;
    // The explicit `[path]` header (not an array of tables), or nullptr.
    const Table *table(const QStringList &path) const;

private:
    QList<Table> m_tables;
    QList<Entry> m_entries;
};
