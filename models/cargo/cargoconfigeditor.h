// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tomllayout.h"

#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <optional>

// Surgical edits of a cargo config.toml (or credentials.toml) text. Every byte the edit does
// not mean to change stays as it was: comments, blank lines, key order, other tables, quoting
// style, line endings. A key that exists keeps its place and spelling and only gets its value
// replaced; a missing key joins the table, dotted-key group or inline table that already holds
// its parent, and only when there is none a new `[table]` goes after its siblings (or at the
// end). validate() then parses the result with toml++ and checks that it means exactly the
// original plus the values set, nothing more, nothing less.
class CargoConfigEditor final
{
    Q_DECLARE_TR_FUNCTIONS(CargoConfigEditor)

public:
    explicit CargoConfigEditor(const QString &text);

    // False when the original text is not valid TOML; errorString() says where.
    bool isValid() const { return m_valid; }
    QString errorString() const { return m_error; }

    // Sets the key at `path` (from the document root) to `tomlValue`, a TOML value as written
    // (use basicString()/stringArray()). A value equal to the present one changes nothing.
    bool setValue(const QStringList &path, const QString &tomlValue);

    QString text() const { return m_text; }
    bool isChanged() const { return m_text != m_original; }

    // Parses the edited text and compares it with the original plus every setValue().
    bool validate();

    // The parsed document as nested QVariantMaps/QVariantLists (tables, arrays, strings,
    // integers, floats, booleans; dates become strings); nullopt with *error on bad TOML.
    static std::optional<QVariantMap> parse(const QString &text, QString *error);

    static QString basicString(const QString &value);
    static QString stringArray(const QStringList &values);
    // `a.b."c d"`: bare where TOML allows, quoted otherwise.
    static QString keyText(const QStringList &path);

private:
    bool fail(const QString &message);
    void insertLine(qsizetype at, const QString &line);
    void addToInlineTable(const TomlLayout::Entry &holder, const QString &item);
    // A new [table] for `path`, after the last table of its family.
    void appendTable(const TomlLayout &layout, const QStringList &path, const QString &tomlValue);
    QString newline() const;

    QString m_original;
    QString m_text;
    QString m_error;
    bool m_valid = true;
    QList<QPair<QStringList, QString>> m_sets;
};
