// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "crate/cratearchive.h"

#include <QAbstractItemModel>

// The files of a .crate as a folder tree: folders first, then files, each by name. A
// folder's size is the sum of its files. FilePath gives the path to ask the archive for.
class CrateFileTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CrateFileTreeModel)

public:
    enum Column { NameColumn, SizeColumn, ColumnCount };

    explicit CrateFileTreeModel(QObject *parent = nullptr);
    ~CrateFileTreeModel() override;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Paths relative to the package folder, as CrateArchive::files() lists them.
    void setFiles(const QList<CrateArchive::File> &files);
    void clear() { setFiles({}); }

    // The index of a file or folder by its path; invalid when there is none.
    QModelIndex indexOf(const QString &path) const;
    int fileCount() const { return m_fileCount; }

private:
    struct Node
    {
        QString name;
        QString path;
        qint64 size = 0;
        int parent = -1; // node index; -1 for the (invisible) root
        int row = 0;     // within the parent
        bool folder = false;
        bool executable = false;
        QList<int> children;
    };

    int childFolder(int parent, const QString &name, const QString &path);
    qint64 finish(int node);
    const Node &nodeOf(const QModelIndex &index) const;

    QList<Node> m_nodes; // m_nodes[0] is the root
    int m_fileCount = 0;
};
