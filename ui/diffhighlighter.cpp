// SPDX-License-Identifier: GPL-3.0-or-later
#include "diffhighlighter.h"

#include <QApplication>
#include <QPalette>
#include <QWidget>

using namespace Qt::Literals::StringLiterals;

namespace {

QColor mixed(const QColor &base, const QColor &tint, float amount)
{
    return QColor::fromRgbF(base.redF() * (1 - amount) + tint.redF() * amount, base.greenF() * (1 - amount) + tint.greenF() * amount,
                            base.blueF() * (1 - amount) + tint.blueF() * amount);
}

} // namespace

DiffHighlighter::DiffHighlighter(QTextDocument *document, QWidget *view)
    : QSyntaxHighlighter(document)
    , m_view(view)
{
}

void DiffHighlighter::highlightBlock(const QString &text)
{
    const QPalette palette = m_view ? m_view->palette() : QApplication::palette();
    const QColor base = palette.color(QPalette::Base);
    // Only the hue is fixed; how much of it shows depends on how dark the palette is, so the
    // palette's own text colour stays readable on it.
    const float amount = base.lightness() < 128 ? 0.28f : 0.16f;
    QTextCharFormat format;
    if (text.startsWith(u"+++ "_s) || text.startsWith(u"--- "_s) || text.startsWith(u"@@"_s)) {
        format.setForeground(palette.color(QPalette::PlaceholderText));
        format.setFontWeight(QFont::DemiBold);
    } else if (text.startsWith(u'+')) {
        format.setForeground(palette.color(QPalette::Text));
        format.setBackground(mixed(base, QColor(0x2e, 0xa0, 0x43), amount));
    } else if (text.startsWith(u'-')) {
        format.setForeground(palette.color(QPalette::Text));
        format.setBackground(mixed(base, QColor(0xd7, 0x3a, 0x49), amount));
    } else {
        return;
    }
    setFormat(0, int(text.size()), format);
}
