// SPDX-License-Identifier: GPL-3.0-or-later
#include "textdiff.h"

#include <QList>
#include <QStringList>

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

// Longest common subsequence; config files are a few hundred lines at most.
QList<Op> script(const QStringList &a, const QStringList &b)
{
    const qsizetype n = a.size();
    const qsizetype m = b.size();
    QList<int> lcs((n + 1) * (m + 1), 0);
    const auto at = [m](qsizetype i, qsizetype j) { return i * (m + 1) + j; };
    for (qsizetype i = n - 1; i >= 0; --i)
        for (qsizetype j = m - 1; j >= 0; --j)
            lcs[at(i, j)] = a.at(i) == b.at(j) ? lcs.at(at(i + 1, j + 1)) + 1 : std::max(lcs.at(at(i + 1, j)), lcs.at(at(i, j + 1)));
    QList<Op> ops;
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && a.at(i) == b.at(j)) {
            ops.append({' ', i++, j++});
        } else if (i < n && (j == m || lcs.at(at(i + 1, j)) >= lcs.at(at(i, j + 1)))) {
            ops.append({'-', i++, j}); // removals before additions, as diff -u shows them
        } else {
            ops.append({'+', i, j++});
        }
    }
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
    if (before == after)
        return {};
    const QStringList a = linesOf(before);
    const QStringList b = linesOf(after);
    const QList<Op> ops = script(a, b);
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
