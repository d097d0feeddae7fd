// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cargotypes/reversedependency.h"

#include <QAbstractTableModel>

// "Used by" on the crate page: the crates of the feed that depend on the open crate, with the
// version that does and the requirement it puts on it.
class ReverseDependencyModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReverseDependencyModel)

public:
    enum Column { CrateColumn, VersionColumn, RequirementColumn, KindColumn, ColumnCount };

    explicit ReverseDependencyModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setEntries(const QList<ReverseDependency> &entries);
    void clear() { setEntries({}); }

private:
    QList<ReverseDependency> m_entries;
};
