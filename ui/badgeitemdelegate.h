// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QStyledItemDelegate>

// Draws a cell as usual, then small rounded badges at its right end, one for each bool role
// that is true ("yanked", "blocked"). Reads role ids only, never the model's type; colours
// come from the palette, so a dark theme keeps them readable.
class BadgeItemDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BadgeItemDelegate)

public:
    enum class Tone { Muted, Alarm };
    struct Badge
    {
        int role; // a bool role
        QString text; // translated by the caller
        Tone tone = Tone::Muted;
    };

    explicit BadgeItemDelegate(const QList<Badge> &badges, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The badges a cell shows, for tests and accessibility.
    QStringList badgesOf(const QModelIndex &index) const;

private:
    int badgesWidth(const QFontMetrics &metrics, const QModelIndex &index) const;

    QList<Badge> m_badges;
};
