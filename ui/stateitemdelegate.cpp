// SPDX-License-Identifier: GPL-3.0-or-later
#include "stateitemdelegate.h"

#include <QApplication>
#include <QPainter>

StateItemDelegate::StateItemDelegate(int dimRole, int subtitleRole, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_dimRole(dimRole)
    , m_subtitleRole(subtitleRole)
{
}

void StateItemDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (m_dimRole && index.data(m_dimRole).toBool()) {
        option->font.setStrikeOut(true);
        option->palette.setColor(QPalette::Text, option->palette.color(QPalette::Disabled, QPalette::Text));
    }
}

void StateItemDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QString subtitle = m_subtitleRole ? index.data(m_subtitleRole).toString() : QString();
    if (subtitle.isEmpty())
        return QStyledItemDelegate::paint(painter, option, index);

    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString title = opt.text;
    opt.text.clear();
    const QStyle *style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    const QRect text = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, opt.widget).adjusted(2, 0, -2, 0);
    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorRole role = selected ? QPalette::HighlightedText : QPalette::Text;
    const int lineHeight = opt.fontMetrics.height();
    painter->save();
    painter->setFont(opt.font);
    painter->setPen(opt.palette.color(QPalette::Normal, role));
    painter->drawText(QRect(text.left(), text.top() + 2, text.width(), lineHeight), Qt::AlignLeft | Qt::AlignVCenter,
                      opt.fontMetrics.elidedText(title, Qt::ElideRight, text.width()));
    QFont small = opt.font;
    small.setPointSizeF(small.pointSizeF() * 0.85);
    painter->setFont(small);
    QColor dim = opt.palette.color(QPalette::Normal, role);
    dim.setAlphaF(0.65f);
    painter->setPen(dim);
    painter->drawText(QRect(text.left(), text.top() + 2 + lineHeight, text.width(), lineHeight), Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(small).elidedText(subtitle, Qt::ElideRight, text.width()));
    painter->restore();
}

QSize StateItemDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    if (m_subtitleRole && !index.data(m_subtitleRole).toString().isEmpty())
        size.setHeight(size.height() + option.fontMetrics.height() + 4);
    return size;
}
