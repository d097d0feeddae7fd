// SPDX-License-Identifier: GPL-3.0-or-later
#include "plaintexttooltips.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHelpEvent>
#include <QToolTip>

using namespace Qt::Literals::StringLiterals;

PlainTextToolTips::PlainTextToolTips(QObject *parent)
    : QObject(parent)
{
    setObjectName(u"plainTextToolTips"_s);
}

void PlainTextToolTips::install()
{
    if (!qApp || qApp->findChild<PlainTextToolTips *>(u"plainTextToolTips"_s, Qt::FindDirectChildrenOnly))
        return;
    qApp->installEventFilter(new PlainTextToolTips(qApp));
}

QString PlainTextToolTips::toRichText(const QString &text)
{
    return u"<p style=\"white-space:pre-wrap\">"_s + text.toHtmlEscaped() + u"</p>"_s;
}

bool PlainTextToolTips::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::ToolTip || !watched->isWidgetType())
        return false;
    auto *widget = static_cast<QWidget *>(watched);
    auto *help = static_cast<QHelpEvent *>(event);
    QString text = widget->toolTip();
    QRect area;
    // An item view's tooltips come from its model, asked at the viewport.
    if (auto *view = qobject_cast<QAbstractItemView *>(widget->parentWidget()); view && view->viewport() == widget) {
        const QModelIndex index = view->indexAt(help->pos());
        text = index.isValid() ? index.data(Qt::ToolTipRole).toString() : QString();
        area = view->visualRect(index);
        if (text.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
            return true;
        }
    }
    // Widgets that make their tooltips themselves (tabs, headers, menus) show our own strings.
    if (text.isEmpty())
        return false;
    QToolTip::showText(help->globalPos(), toRichText(text), widget, area);
    return true;
}
