// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

// Paints the rows of the publish panel from PublishRoles only: the crate column as a state
// icon, the crate and one line of explanation (the error, warning or server message); the
// status column as a progress bar while a crate uploads or waits for the index; the action
// column as a button ("Cancel", "Retry") that emits actionClicked().
class PublishItemDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PublishItemDelegate)

public:
    explicit PublishItemDelegate(QObject *parent = nullptr);
    ~PublishItemDelegate() override;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override;

    static QIcon stateIcon(int state, const QWidget *widget);

Q_SIGNALS:
    void actionClicked(const QModelIndex &index);

private:
    void paintCrate(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const;
    void paintStatus(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const;
    void paintAction(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const;
    static QRect buttonRect(const QStyleOptionViewItem &option, const QString &text);

    QPersistentModelIndex m_pressed;
};
