// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractItemModel>
#include <QStringList>

// Models compared as text: one line per row, depth shown by two spaces per level, the
// columns' display text joined by " | " (trailing empty columns dropped).
namespace ModelDump {

inline QString row(const QAbstractItemModel &model, const QModelIndex &index)
{
    QStringList cells;
    for (int column = 0; column < model.columnCount(index.parent()); ++column)
        cells << model.index(index.row(), column, index.parent()).data().toString();
    while (cells.size() > 1 && cells.constLast().isEmpty())
        cells.removeLast();
    return cells.join(QStringLiteral(" | "));
}

inline void dumpInto(const QAbstractItemModel &model, const QModelIndex &parent, int depth, QStringList &lines)
{
    for (int r = 0; r < model.rowCount(parent); ++r) {
        const QModelIndex index = model.index(r, 0, parent);
        lines << QString(depth * 2, QLatin1Char(' ')) + row(model, index);
        dumpInto(model, index, depth + 1, lines);
    }
}

inline QStringList dump(const QAbstractItemModel &model)
{
    QStringList lines;
    dumpInto(model, {}, 0, lines);
    return lines;
}

// Column 0 of the top-level rows only.
inline QStringList names(const QAbstractItemModel &model)
{
    QStringList lines;
    for (int r = 0; r < model.rowCount(); ++r)
        lines << model.index(r, 0).data().toString();
    return lines;
}

} // namespace ModelDump
