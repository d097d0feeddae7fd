// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "localfeed/localfeedhost.h"

#include <QAbstractTableModel>

// The local feed's upstreams, one row each: where it points, what its policy lets through,
// and the versions whose bytes it changed after first serving them (refused until accepted).
class ConnectorListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectorListModel)

public:
    enum Column { NameColumn, UpstreamColumn, PolicyColumn, AttentionColumn, ColumnCount };

    explicit ConnectorListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setConnectors(const LocalFeedHost::Overviews &connectors);
    const LocalFeedHost::Overviews &connectors() const { return m_connectors; }
    int rowOf(const QString &name) const;
    qsizetype changeCount() const; // over every connector

    // "filters 3 · approved list · licenses · holds 7 days · advisories (blocks high)".
    static QString policySummary(const ConnectorConfig &config);
    // One line per changed version: what it was first published as and what it is now.
    static QString changesText(const QList<ConnectorStore::ChangedVersion> &changes);

private:
    LocalFeedHost::Overviews m_connectors;
};
