// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cargotypes/crateversiondiff.h"

#include <QAbstractTableModel>

// The files two versions of a crate do not share as they are: added, removed or changed, with
// their sizes in each version; by path, as CrateVersionDiff lists them.
class VersionDiffFileModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VersionDiffFileModel)

public:
    enum Column { PathColumn, ChangeColumn, OldSizeColumn, NewSizeColumn, ColumnCount };

    explicit VersionDiffFileModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setFiles(const QList<CrateVersionDiff::File> &files);

    // "added", "removed", "changed" ("changed, binary" for a binary file), translated: the
    // words the window shows for a change.
    static QString changeText(CrateVersionDiff::Change change, bool binary = false);

private:
    QList<CrateVersionDiff::File> m_files;
};
