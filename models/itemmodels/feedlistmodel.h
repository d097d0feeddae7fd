// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cargotypes/feed.h"

#include <QAbstractListModel>
#include <QHash>

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

    // What the window last learned about talking to a feed.
    enum class State { Unknown, Online, Offline, NeedsCredentials };
    void setState(const QString &feedName, State state);
    State state(const QString &feedName) const { return m_states.value(feedName, State::Unknown); }
    static QString stateText(State state);

private:
    FeedList m_feeds;
    QHash<QString, State> m_states;
};
