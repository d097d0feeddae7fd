// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "registry/feed.h"

#include <QAbstractListModel>

// The feeds pane: one row per configured feed, the local feed first.
class FeedListModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FeedListModel)

public:
    explicit FeedListModel(QObject *parent = nullptr);
    ~FeedListModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setFeeds(const FeedList &feeds);
    const FeedList &feeds() const { return m_feeds; }
    int rowOf(const QString &feedName) const;

private:
    FeedList m_feeds;
};
