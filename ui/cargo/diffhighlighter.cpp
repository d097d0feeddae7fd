// SPDX-License-Identifier: GPL-3.0-or-later
#include "diffhighlighter.h"

#include "statuscolours.h"

#include <QGuiApplication>
#include <QPalette>

using namespace Qt::Literals::StringLiterals;

DiffHighlighter::DiffHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
}

void DiffHighlighter::highlightBlock(const QString &text)
{
    using StatusColours::Tone;
    const QPalette palette = QGuiApplication::palette();
    QTextCharFormat format;
    if (text.startsWith(u"+++ "_s) || text.startsWith(u"--- "_s) || text.startsWith(u"@@"_s)) {
        format.setForeground(palette.color(QPalette::PlaceholderText));
        format.setFontWeight(QFont::DemiBold);
    } else if (text.startsWith(u'+')) {
        format.setForeground(StatusColours::text(Tone::Positive, palette));
        format.setBackground(StatusColours::tint(Tone::Positive, palette));
    } else if (text.startsWith(u'-')) {
        format.setForeground(StatusColours::text(Tone::Negative, palette));
        format.setBackground(StatusColours::tint(Tone::Negative, palette));
    } else {
        return;
    }
    setFormat(0, int(text.size()), format);
}
