// SPDX-License-Identifier: GPL-3.0-or-later
#include "emptystatelistview.h"

#include <QPainter>

EmptyStateListView::EmptyStateListView(QWidget *parent)
    : QListView(parent)
{
}

EmptyStateListView::~EmptyStateListView() = default;

void EmptyStateListView::setEmptyText(const QString &title, const QString &hint)
{
    m_title = title;
    m_hint = hint;
    viewport()->update();
}

void EmptyStateListView::paintEvent(QPaintEvent *event)
{
    QListView::paintEvent(event);
    if (model() && model()->rowCount(rootIndex()) > 0)
        return;

    QPainter painter(viewport());
    const QRect area = viewport()->rect().adjusted(16, 0, -16, 0);
    QFont titleFont = font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    titleFont.setBold(true);
    painter.setFont(titleFont);
    painter.setPen(palette().color(QPalette::Disabled, QPalette::Text));
    const QRect titleRect(area.left(), area.height() / 3, area.width(), QFontMetrics(titleFont).height() * 2);
    painter.drawText(titleRect, Qt::AlignHCenter | Qt::AlignBottom | Qt::TextWordWrap, m_title);

    painter.setFont(font());
    const QRect hintRect(area.left(), titleRect.bottom() + 8, area.width(), area.height() - titleRect.bottom());
    painter.drawText(hintRect, Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, m_hint);
}
