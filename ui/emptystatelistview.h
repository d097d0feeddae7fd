// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QListView>

// A list view that tells the user what to do when it has no rows, instead of a blank pane.
class EmptyStateListView final : public QListView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmptyStateListView)

public:
    explicit EmptyStateListView(QWidget *parent = nullptr);
    ~EmptyStateListView() override;

    void setEmptyText(const QString &title, const QString &hint);
    QString emptyTitle() const { return m_title; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_title;
    QString m_hint;
};
