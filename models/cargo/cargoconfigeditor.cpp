// SPDX-License-Identifier: GPL-3.0-or-later
#include "cargoconfigeditor.h"

#include "crate/tomlguard.h"
#include "tomllayout.h"

#include <toml++/toml.hpp>

#include <cmath>
#include <sstream>
#include <string_view>

using namespace Qt::Literals::StringLiterals;

namespace {

QString toQString(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

QVariant toVariant(const toml::node &node)
{
    if (const auto *table = node.as_table()) {
        QVariantMap map;
        for (const auto &[key, value] : *table)
            map.insert(toQString(key.str()), toVariant(value));
        return map;
    }
    if (const auto *array = node.as_array()) {
        QVariantList list;
        for (const auto &value : *array)
            list.append(toVariant(value));
        return list;
    }
    if (const auto *value = node.as_string())
        return toQString(value->get());
    if (const auto *value = node.as_integer())
        return qint64(value->get());
    if (const auto *value = node.as_floating_point()) {
        // NaN never equals itself, and validate() compares documents: a config holding
        // `x = nan` would never validate (found by fuzz_cargoconfig). Its spelling is its identity.
        if (std::isnan(value->get()))
            return u"nan"_s;
        return value->get();
    }
    if (const auto *value = node.as_boolean())
        return value->get();
    std::ostringstream out; // dates and times: their TOML spelling is identity enough
    node.visit([&out](const auto &v) { out << v; });
    return QString::fromStdString(out.str());
}

void setIn(QVariantMap &map, const QStringList &path, const QVariant &value)
{
    if (path.size() == 1) {
        map.insert(path.first(), value);
        return;
    }
    QVariantMap child = map.value(path.first()).toMap();
    setIn(child, path.mid(1), value);
    map.insert(path.first(), child);
}

bool isBareKey(const QString &key)
{
    if (key.isEmpty())
        return false;
    for (const QChar c : key)
        if (!((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'_' || c == u'-'))
            return false;
    return true;
}

std::optional<QVariant> parseValue(const QString &tomlValue)
{
    QString error;
    const auto doc = CargoConfigEditor::parse(u"v = "_s + tomlValue + u'\n', &error);
    if (!doc)
        return std::nullopt;
    return doc->value(u"v"_s);
}

} // namespace

CargoConfigEditor::CargoConfigEditor(const QString &text)
    : m_original(text)
    , m_text(text)
{
    QString error;
    if (!parse(text, &error)) {
        m_valid = false;
        m_error = error;
    }
}

std::optional<QVariantMap> CargoConfigEditor::parse(const QString &text, QString *error)
{
    // A cloned project's .cargo/config.toml is outside data: toml++ never sees what
    // TomlGuard refuses (200,000 dotted keys overflowed the stack, here and in toVariant()).
    const TomlGuard::Parsed parsed = TomlGuard::parse(text.toUtf8());
    if (const auto &problem = parsed.problem) {
        *error = tr("line %1, column %2: %3", "where in the TOML text: what is wrong").arg(problem->line).arg(problem->column).arg(problem->message);
        return std::nullopt;
    }
    return toVariant(*parsed.table).toMap();
}

QString CargoConfigEditor::basicString(const QString &value)
{
    QString out = u"\""_s;
    for (const QChar c : value) {
        switch (c.unicode()) {
        case u'"': out += u"\\\""_s; break;
        case u'\\': out += u"\\\\"_s; break;
        case u'\n': out += u"\\n"_s; break;
        case u'\t': out += u"\\t"_s; break;
        case u'\r': out += u"\\r"_s; break;
        default:
            if (c.unicode() < 0x20 || c.unicode() == 0x7f)
                out += u"\\u%1"_s.arg(uint(c.unicode()), 4, 16, QChar(u'0'));
            else
                out += c;
        }
    }
    return out + u'"';
}

QString CargoConfigEditor::stringArray(const QStringList &values)
{
    QStringList quoted;
    for (const QString &value : values)
        quoted.append(basicString(value));
    return u"["_s + quoted.join(u", "_s) + u']';
}

QString CargoConfigEditor::keyText(const QStringList &path)
{
    QStringList parts;
    for (const QString &key : path)
        parts.append(isBareKey(key) ? key : basicString(key));
    return parts.join(u'.');
}

bool CargoConfigEditor::fail(const QString &message)
{
    m_error = message;
    return false;
}

QString CargoConfigEditor::newline() const
{
    return m_text.contains(u"\r\n"_s) ? u"\r\n"_s : u"\n"_s;
}

void CargoConfigEditor::insertLine(qsizetype at, const QString &line)
{
    QString text = line + newline();
    // Only at the very end can the text lack its final newline.
    if (at == m_text.size() && !m_text.isEmpty() && !m_text.endsWith(u'\n'))
        text.prepend(newline());
    m_text.insert(at, text);
}

// `item` ("key = value") goes before the closing brace of an inline table.
void CargoConfigEditor::addToInlineTable(const TomlLayout::Entry &holder, const QString &item)
{
    qsizetype close = holder.valueEnd - 1; // the '}'
    while (close > holder.valueStart && m_text.at(close - 1).isSpace())
        --close;
    if (m_text.at(close - 1) == u'{')
        m_text.replace(holder.valueStart, holder.valueEnd - holder.valueStart, u"{ "_s + item + u" }"_s);
    else
        m_text.insert(close, (m_text.at(close - 1) == u',' ? u" "_s : u", "_s) + item);
}

void CargoConfigEditor::appendTable(const TomlLayout &layout, const QStringList &path, const QString &tomlValue)
{
    const qsizetype tableDepth = path.size() - 1;
    // A new table, after the last table of the same family ([registries.*] next to each other).
    const QStringList tablePath = path.first(tableDepth);
    const QString nl = newline();
    QString block = u"["_s + keyText(tablePath) + u']' + nl + keyText(path.sliced(tableDepth)) + u" = "_s + tomlValue + nl;
    qsizetype at = -1;
    for (qsizetype i = layout.tables().size() - 1; i >= 0 && !tablePath.isEmpty(); --i) {
        const TomlLayout::Table &table = layout.tables().at(i);
        if (table.arrayOfTables || table.path.value(0) != tablePath.first())
            continue;
        at = table.headerLineEnd;
        for (const TomlLayout::Entry &e : layout.entries())
            if (e.table == i && !e.inInlineTable)
                at = std::max(at, e.lineEnd);
        break;
    }
    if (at < 0) {
        at = m_text.size();
        if (!m_text.isEmpty() && !m_text.endsWith(u'\n'))
            m_text.append(nl);
        at = m_text.size();
        if (!m_text.trimmed().isEmpty())
            block.prepend(nl);
    } else {
        if (at == m_text.size() && !m_text.endsWith(u'\n')) {
            m_text.append(nl);
            at = m_text.size();
        }
        block.prepend(nl);
    }
    m_text.insert(at, block);
}

bool CargoConfigEditor::setValue(const QStringList &path, const QString &tomlValue)
{
    if (!m_valid || path.isEmpty())
        return false;
    const std::optional<QVariant> wanted = parseValue(tomlValue);
    if (!wanted)
        return fail(tr("internal error: %1 is not a TOML value").arg(tomlValue));
    QString error;
    const std::optional<TomlLayout> layout = TomlLayout::scan(m_text, &error);
    if (!layout)
        return fail(error);
    m_sets.emplaceBack(path, tomlValue);
    const auto inArrayTable = [&layout](const TomlLayout::Entry &e) {
        return e.table >= 0 && layout->tables().at(e.table).arrayOfTables;
    };

    for (const TomlLayout::Table &table : layout->tables()) {
        if (table.path.size() >= path.size() && table.path.first(path.size()) == path)
            return fail(tr("%1 is a table, not a value").arg(keyText(path)));
        // [[x]] makes x an array: a [x] table or an x.key next to it is no TOML (found by
        // fuzz_cargoconfig with [[source.crates-io]]).
        if (table.arrayOfTables && table.path.size() < path.size() && path.first(table.path.size()) == table.path)
            return fail(tr("%1 is an array of tables ([[%1]]), so %2 cannot be set").arg(keyText(table.path), keyText(path)));
    }
    // Dotted keys make tables too: `a.b.c = 1` makes a.b one (found by fuzz_cargoconfig).
    for (const TomlLayout::Entry &e : layout->entries()) {
        if (!inArrayTable(e) && e.path.size() > path.size() && e.path.first(path.size()) == path)
            return fail(tr("%1 is a table, not a value").arg(keyText(path)));
    }
    if (const TomlLayout::Entry *existing = layout->entry(path); existing && !inArrayTable(*existing)) {
        if (existing->isInlineTable)
            return fail(tr("%1 is a table, not a value").arg(keyText(path)));
        const QString present = m_text.sliced(existing->valueStart, existing->valueEnd - existing->valueStart);
        if (parseValue(present) != wanted) // same value spelled otherwise: leave it be
            m_text.replace(existing->valueStart, existing->valueEnd - existing->valueStart, tomlValue);
        return true;
    }

    const qsizetype tableDepth = path.size() - 1;
    if (tableDepth == 0)
        return fail(tr("internal error: cargo has no top-level keys such as %1").arg(keyText(path)));
    for (qsizetype n = tableDepth; n > 0; --n) {
        const QStringList prefix = path.first(n);
        const QStringList rest = path.sliced(n);
        if (const TomlLayout::Entry *holder = layout->entry(prefix); holder && !inArrayTable(*holder)) {
            if (!holder->isInlineTable)
                return fail(tr("%1 already has a value that is not a table, so %2 cannot be added").arg(keyText(prefix), keyText(path)));
            addToInlineTable(*holder, keyText(rest) + u" = "_s + tomlValue);
            return true;
        }
        const TomlLayout::Table *own = n == tableDepth ? layout->table(prefix) : nullptr;
        // Keys under `prefix` written as dotted keys in a shallower table, or in [prefix] itself.
        qsizetype after = -1;
        int ownIndex = own ? int(own - layout->tables().constData()) : -2;
        QStringList tablePath;
        for (const TomlLayout::Entry &e : layout->entries()) {
            if (e.inInlineTable || inArrayTable(e) || e.path.size() <= n || e.path.first(n) != prefix)
                continue;
            const QStringList base = e.table >= 0 ? layout->tables().at(e.table).path : QStringList();
            if (e.table == ownIndex || base.size() < n) {
                if (!own && after >= 0 && tablePath != base)
                    continue; // keep to the first table that spells the group
                after = std::max(after, e.lineEnd);
                tablePath = base;
            }
        }
        if (own && after < 0)
            after = own->headerLineEnd;
        if (after >= 0) {
            const QStringList relative = own ? rest : path.sliced(tablePath.size());
            insertLine(after, keyText(relative) + u" = "_s + tomlValue);
            return true;
        }
    }

    appendTable(*layout, path, tomlValue);
    return true;
}

bool CargoConfigEditor::validate()
{
    if (!m_valid)
        return false;
    QString error;
    const auto result = parse(m_text, &error);
    if (!result)
        return fail(tr("the edited file would not be valid TOML (%1)").arg(error));
    QVariantMap expected = *parse(m_original, &error);
    for (const auto &[path, value] : std::as_const(m_sets))
        setIn(expected, path, *parseValue(value));
    if (expected != *result)
        return fail(tr("internal error: the edited file does not mean what was intended"));
    return true;
}
