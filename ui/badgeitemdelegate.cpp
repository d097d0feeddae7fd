// SPDX-License-Identifier: GPL-3.0-or-later
#include "badgeitemdelegate.h"

#include "statuscolours.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace {

constexpr int Padding = 5; // inside a badge, left and right
constexpr int Gap = 4; // between badges and before the first

QFont badgeFont(const QFont &font)
{
    QFont small = font;
    small.setPointSizeF(font.pointSizeF() * 0.85);
    return small;
}

// Between text and background: present, but quieter than the text beside it.
QColor mutedColour(const QPalette &palette)
{
    const QColor text = palette.color(QPalette::Text);
    const QColor base = palette.color(QPalette::Base);
    return QColor::fromRgbF(text.redF() * 0.55f + base.redF() * 0.45f, text.greenF() * 0.55f + base.greenF() * 0.45f,
        text.blueF() * 0.55f + base.blueF() * 0.45f);
}

// Red that reads on light and dark bases alike.
QColor alarmColour(const QPalette &palette)
{
    return StatusColours::text(StatusColours::Tone::Negative, palette);
}

} // namespace

BadgeItemDelegate::BadgeItemDelegate(const QList<Badge> &badges, QObject *parent) : QStyledItemDelegate(parent), m_badges(badges)
{ }

QStringList BadgeItemDelegate::badgesOf(const QModelIndex &index) const
{
    QStringList shown;
    for (const Badge &badge : m_badges) {
        if (index.data(badge.role).toBool())
            shown << badge.text;
    }
    return shown;
}

int BadgeItemDelegate::badgesWidth(const QFontMetrics &metrics, const QModelIndex &index) const
{
    int width = 0;
    for (const QString &text : badgesOf(index))
        width += Gap + metrics.horizontalAdvance(text) + 2 * Padding;
    return width;
}

void BadgeItemDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QFontMetrics metrics(badgeFont(option.font));
    const int reserved = badgesWidth(metrics, index);
    if (reserved == 0)
        return QStyledItemDelegate::paint(painter, option, index);

    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    // The text keeps the room left of the badges; the background spans the whole cell.
    const QString text = opt.text;
    opt.text.clear();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
    const QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, opt.widget).adjusted(2, 0, -reserved - 2, 0);
    const bool selected = opt.state & QStyle::State_Selected;
    const QColor textColour = opt.palette.color(QPalette::Normal, selected ? QPalette::HighlightedText : QPalette::Text);
    painter->save();
    painter->setFont(opt.font);
    painter->setPen(textColour);
    painter->drawText(
        textRect, Qt::AlignLeft | Qt::AlignVCenter, opt.fontMetrics.elidedText(text, Qt::ElideRight, textRect.width()));

    painter->setFont(badgeFont(opt.font));
    painter->setRenderHint(QPainter::Antialiasing);
    int x = textRect.right() + 2 + Gap;
    const int height = metrics.height() + 2;
    const int top = opt.rect.top() + (opt.rect.height() - height) / 2;
    for (const Badge &badge : m_badges) {
        if (!index.data(badge.role).toBool())
            continue;
        const QRect pill(x, top, metrics.horizontalAdvance(badge.text) + 2 * Padding, height);
        const QColor colour = selected  ? textColour
            : badge.tone == Tone::Alarm ? alarmColour(opt.palette)
                                        : mutedColour(opt.palette);
        QPainterPath path;
        path.addRoundedRect(QRectF(pill).adjusted(0.5, 0.5, -0.5, -0.5), height / 2.0, height / 2.0);
        painter->setPen(QPen(colour, 1));
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(path);
        painter->drawText(pill, Qt::AlignCenter, badge.text);
        x = pill.right() + 1 + Gap;
    }
    painter->restore();
}

QSize BadgeItemDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(size.width() + badgesWidth(QFontMetrics(badgeFont(option.font)), index));
    return size;
}
