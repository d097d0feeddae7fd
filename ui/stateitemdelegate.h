// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

// Draws what the roles say about a row's state: a yanked version struck through and dimmed,
// a feed with its state ("offline: showing the cache") on a dimmed second line. Reads role
// ids only, never the model's type.
class StateItemDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StateItemDelegate)

public:
    // dimRole: a bool role that dims and strikes the row; subtitleRole: a QString role shown
    // under the display text. Either may be 0.
    StateItemDelegate(int dimRole, int subtitleRole, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    int m_dimRole;
    int m_subtitleRole;
};
