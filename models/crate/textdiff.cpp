// SPDX-License-Identifier: GPL-3.0-or-later
#include "textdiff.h"

#include <QList>
#include <QStringList>

#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace {

QStringList linesOf(const QString &text)
{
    if (text.isEmpty())
        return {};
    QStringList lines = text.split(u'\n');
    if (text.endsWith(u'\n'))
        lines.removeLast();
    for (QString &line : lines)
        if (line.endsWith(u'\r'))
            line.chop(1);
    return lines;
}

struct Op
{
    char kind; // ' ', '-', '+'
    qsizetype oldLine;
    qsizetype newLine;
};

// Longest common subsequence of the lines between the shared start and end; nullopt past
// maxCells. Config files are a few hundred lines; a crate's file differs in a few places.
std::optional<QList<Op>> script(const QStringList &a, const QStringList &b, qsizetype maxCells)
{
    qsizetype head = 0;
    while (head < a.size() && head < b.size() && a.at(head) == b.at(head))
        ++head;
    qsizetype tail = 0;
    while (tail < a.size() - head && tail < b.size() - head && a.at(a.size() - 1 - tail) == b.at(b.size() - 1 - tail))
        ++tail;
    const qsizetype n = a.size() - head - tail;
    const qsizetype m = b.size() - head - tail;
    if (n > 0 && m > 0 && (n + 1) > maxCells / (m + 1))
        return std::nullopt;
    QList<Op> ops;
    ops.reserve(head + n + m + tail);
    for (qsizetype k = 0; k < head; ++k)
        ops.append({' ', k, k});
    QList<int> lcs((n + 1) * (m + 1), 0);
    const auto at = [m](qsizetype i, qsizetype j) { return i * (m + 1) + j; };
    const auto same = [&](qsizetype i, qsizetype j) { return a.at(head + i) == b.at(head + j); };
    for (qsizetype i = n - 1; i >= 0; --i)
        for (qsizetype j = m - 1; j >= 0; --j)
            lcs[at(i, j)] = same(i, j) ? lcs.at(at(i + 1, j + 1)) + 1 : std::max(lcs.at(at(i + 1, j)), lcs.at(at(i, j + 1)));
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && same(i, j)) {
            ops.append({' ', head + i++, head + j++});
        } else if (i < n && (j == m || lcs.at(at(i + 1, j)) >= lcs.at(at(i, j + 1)))) {
            ops.append({'-', head + i++, head + j}); // removals before additions, as diff -u shows them
        } else {
            ops.append({'+', head + i, head + j++});
        }
    }
    for (qsizetype k = 0; k < tail; ++k)
        ops.append({' ', head + n + k, head + m + k});
    return ops;
}

QString range(qsizetype start, qsizetype count)
{
    // diff -u numbers from 1, and names the line before an empty range.
    return count == 1 ? QString::number(start + 1) : u"%1,%2"_s.arg(count == 0 ? start : start + 1).arg(count);
}

} // namespace

namespace TextDiff {

QString unified(const QString &before, const QString &after, const QString &beforeName, const QString &afterName)
{
    // Config files are small: no budget that a real one could reach.
    return unified(before, after, beforeName, afterName, std::numeric_limits<qsizetype>::max()).value_or(QString());
}

std::optional<QString> unified(const QString &before, const QString &after, const QString &beforeName,
                               const QString &afterName, qsizetype maxCells)
{
    if (before == after)
        return QString();
    const QStringList a = linesOf(before);
    const QStringList b = linesOf(after);
    const std::optional<QList<Op>> edits = script(a, b, maxCells);
    if (!edits)
        return std::nullopt;
    const QList<Op> &ops = *edits;
    constexpr qsizetype Context = 3;
    QString out = u"--- %1\n+++ %2\n"_s.arg(beforeName, afterName);
    qsizetype i = 0;
    while (i < ops.size()) {
        if (ops.at(i).kind == ' ') {
            ++i;
            continue;
        }
        // A hunk: from Context lines before this change to Context lines after the last
        // change that is no more than 2 * Context lines from the previous one.
        const qsizetype start = std::max<qsizetype>(0, i - Context);
        qsizetype end = i;
        qsizetype lastChange = i;
        while (end < ops.size()) {
            if (ops.at(end).kind != ' ')
                lastChange = end;
            else if (end - lastChange > 2 * Context)
                break;
            ++end;
        }
        end = std::min(ops.size(), lastChange + Context + 1);
        qsizetype oldCount = 0;
        qsizetype newCount = 0;
        QString body;
        for (qsizetype k = start; k < end; ++k) {
            const Op &op = ops.at(k);
            if (op.kind != '+')
                ++oldCount;
            if (op.kind != '-')
                ++newCount;
            body += QChar(QLatin1Char(op.kind)) + (op.kind == '+' ? b.at(op.newLine) : a.at(op.oldLine)) + u'\n';
        }
        out += u"@@ -%1 +%2 @@\n"_s.arg(range(ops.at(start).oldLine, oldCount), range(ops.at(start).newLine, newCount)) + body;
        i = end;
    }
    return out;
}

} // namespace TextDiff
