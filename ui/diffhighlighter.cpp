// SPDX-License-Identifier: GPL-3.0-or-later
#include "diffhighlighter.h"

#include "statuscolours.h"

#include <QApplication>
#include <QPalette>
#include <QWidget>

using namespace Qt::Literals::StringLiterals;

DiffHighlighter::DiffHighlighter(QTextDocument *document, QWidget *view)
    : QSyntaxHighlighter(document)
    , m_view(view)
{
}

void DiffHighlighter::highlightBlock(const QString &text)
{
    const QPalette palette = m_view ? m_view->palette() : QApplication::palette();
    // The palette's own text on a tint chosen for that palette: readable in light and dark.
    using StatusColours::Tone;
    QTextCharFormat format;
    if (text.startsWith(u"+++ "_s) || text.startsWith(u"--- "_s) || text.startsWith(u"@@"_s)) {
        format.setForeground(palette.color(QPalette::PlaceholderText));
        format.setFontWeight(QFont::DemiBold);
    } else if (text.startsWith(u'+')) {
        format.setForeground(palette.color(QPalette::Text));
        format.setBackground(StatusColours::tint(Tone::Positive, palette));
    } else if (text.startsWith(u'-')) {
        format.setForeground(palette.color(QPalette::Text));
        format.setBackground(StatusColours::tint(Tone::Negative, palette));
    } else {
        return;
    }
    setFormat(0, int(text.size()), format);
}
