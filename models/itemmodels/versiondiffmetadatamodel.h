// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cargotypes/crateversiondiff.h"

#include <QAbstractTableModel>

// What a dependent of the crate sees change between two versions, one row each: license,
// rust-version, links and edition first, then dependencies (with kind and target), then
// features; each with its value before and after.
class VersionDiffMetadataModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VersionDiffMetadataModel)

public:
    enum Column { WhatColumn, ChangeColumn, BeforeColumn, AfterColumn, ColumnCount };

    explicit VersionDiffMetadataModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setDiff(const CrateVersionDiff &diff);

private:
    struct Row
    {
        QString what;
        CrateVersionDiff::Change change;
        QString before;
        QString after;
    };

    QList<Row> m_rows;
};
