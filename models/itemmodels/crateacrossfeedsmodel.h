// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cargotypes/crateacrossfeeds.h"

#include <QAbstractTableModel>

// One crate across feeds as a table: a row per version (newest first), a column per feed
// saying whether it holds the version (and yanked), and a last column that raises the alarm
// when feeds serve the version with different checksums.
class CrateAcrossFeedsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CrateAcrossFeedsModel)

public:
    explicit CrateAcrossFeedsModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setCrate(const CrateAcrossFeeds &crate);
    int checksumColumn() const { return int(m_crate.feeds.size()) + 1; }

private:
    QVariant feedCell(qsizetype feed, const QString &version, int role) const;

    CrateAcrossFeeds m_crate;
    QStringList m_versions;
    QHash<QString, CrateAcrossFeeds::Mismatch> m_mismatches; // by version
};
