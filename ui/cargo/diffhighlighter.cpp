// SPDX-License-Identifier: GPL-3.0-or-later
#include "diffhighlighter.h"

#include <QGuiApplication>
#include <QPalette>

using namespace Qt::Literals::StringLiterals;

DiffHighlighter::DiffHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
}

void DiffHighlighter::highlightBlock(const QString &text)
{
    const bool dark = QGuiApplication::palette().color(QPalette::Base).lightness() < 128;
    QTextCharFormat format;
    if (text.startsWith(u"+++ "_s) || text.startsWith(u"--- "_s) || text.startsWith(u"@@"_s)) {
        format.setForeground(QGuiApplication::palette().color(QPalette::PlaceholderText));
        format.setFontWeight(QFont::DemiBold);
    } else if (text.startsWith(u'+')) {
        format.setForeground(dark ? QColor(0x8a, 0xe2, 0x8a) : QColor(0x1b, 0x7a, 0x2e));
        format.setBackground(dark ? QColor(0x1e, 0x3a, 0x24) : QColor(0xe6, 0xf6, 0xe9));
    } else if (text.startsWith(u'-')) {
        format.setForeground(dark ? QColor(0xf2, 0x8b, 0x82) : QColor(0xb0, 0x20, 0x20));
        format.setBackground(dark ? QColor(0x40, 0x1f, 0x1f) : QColor(0xfb, 0xe9, 0xe9));
    } else {
        return;
    }
    setFormat(0, int(text.size()), format);
}
