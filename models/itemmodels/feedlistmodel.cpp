// SPDX-License-Identifier: GPL-3.0-or-later
#include "feedlistmodel.h"

#include "roles.h"

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

FeedListModel::FeedListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

FeedListModel::~FeedListModel() = default;

int FeedListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_feeds.size());
}

QVariant FeedListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Feed &feed = m_feeds.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Roles::FeedName:
        return feed.name;
    case Qt::ToolTipRole:
        return feed.origin == Feed::Origin::Local ? tr("%1 (served by CrateDesk)").arg(feed.cargoIndexUrl())
                                                  : feed.cargoIndexUrl();
    case Roles::FeedIndexUrl:
        return feed.indexUrl;
    case Roles::FeedIsLocal:
        return feed.origin == Feed::Origin::Local;
    case Roles::FeedAuthKind:
        return int(feed.auth);
    case Roles::FeedState:
        return int(state(feed.name));
    case Roles::FeedStateText:
        return stateText(state(feed.name));
    default:
        return {};
    }
}

QHash<int, QByteArray> FeedListModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert(Roles::FeedName, "feedName");
    names.insert(Roles::FeedIndexUrl, "feedIndexUrl");
    names.insert(Roles::FeedIsLocal, "feedIsLocal");
    names.insert(Roles::FeedAuthKind, "feedAuthKind");
    names.insert(Roles::FeedState, "feedState");
    names.insert(Roles::FeedStateText, "feedStateText");
    return names;
}

void FeedListModel::setFeeds(const FeedList &feeds)
{
    beginResetModel();
    m_feeds = feeds;
    // The local feed is the default a new user sees, so it leads; the rest keep their order.
    std::stable_partition(m_feeds.begin(), m_feeds.end(),
                          [](const Feed &f) { return f.origin == Feed::Origin::Local; });
    endResetModel();
}

int FeedListModel::rowOf(const QString &feedName) const
{
    const auto it = std::find_if(m_feeds.cbegin(), m_feeds.cend(), [&](const Feed &f) { return f.name == feedName; });
    return it == m_feeds.cend() ? -1 : int(it - m_feeds.cbegin());
}

void FeedListModel::setState(const QString &feedName, State newState)
{
    if (state(feedName) == newState)
        return;
    m_states.insert(feedName, newState);
    const int row = rowOf(feedName);
    if (row >= 0)
        Q_EMIT dataChanged(index(row), index(row), {Roles::FeedState, Roles::FeedStateText});
}

QString FeedListModel::stateText(State state)
{
    switch (state) {
    case State::Unknown: return {};
    case State::Online: return tr("online");
    case State::Offline: return tr("offline: showing the cache");
    case State::NeedsCredentials: return tr("needs credentials");
    }
    return {};
}
