// SPDX-License-Identifier: GPL-3.0-or-later
#include "cratefiletreemodel.h"

#include "roles.h"

#include <QLocale>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

// Each index carries its node's position in m_nodes as internal id; node 0 is the root.

CrateFileTreeModel::CrateFileTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{
    setFiles({});
}

CrateFileTreeModel::~CrateFileTreeModel() = default;

const CrateFileTreeModel::Node &CrateFileTreeModel::nodeOf(const QModelIndex &index) const
{
    return m_nodes.at(index.isValid() ? qsizetype(index.internalId()) : 0);
}

QModelIndex CrateFileTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount || (parent.isValid() && parent.column() != 0))
        return {};
    const Node &node = nodeOf(parent);
    if (row >= node.children.size())
        return {};
    return createIndex(row, column, quintptr(node.children.at(row)));
}

QModelIndex CrateFileTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const int parent = m_nodes.at(qsizetype(child.internalId())).parent;
    if (parent <= 0)
        return {};
    return createIndex(m_nodes.at(parent).row, 0, quintptr(parent));
}

int CrateFileTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(nodeOf(parent).children.size());
}

int CrateFileTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant CrateFileTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node &node = nodeOf(index);
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == NameColumn)
            return node.name;
        return QLocale().formattedDataSize(node.size, 1, QLocale::DataSizeTraditionalFormat);
    case Qt::ToolTipRole:
        if (node.folder)
            return QString(node.path + u'/');
        // CrateArchive's limits keep a file far below 2 GiB, so its size fits the int that %Ln takes.
        return node.executable ? tr("%1 (%Ln byte(s), executable)", nullptr, int(qMin(node.size, qint64(INT_MAX)))).arg(node.path)
                               : tr("%1 (%Ln byte(s))", nullptr, int(qMin(node.size, qint64(INT_MAX)))).arg(node.path);
    case Qt::TextAlignmentRole:
        return index.column() == SizeColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case Roles::FilePath:
        return node.path;
    case Roles::FileSize:
        return node.size;
    case Roles::FileIsFolder:
        return node.folder;
    case Roles::FileIsExecutable:
        return node.executable;
    }
    return {};
}

QVariant CrateFileTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case SizeColumn:
        return tr("Size");
    }
    return {};
}

QHash<int, QByteArray> CrateFileTreeModel::roleNames() const
{
    auto names = QAbstractItemModel::roleNames();
    names.insert(Roles::FilePath, "filePath");
    names.insert(Roles::FileSize, "fileSize");
    names.insert(Roles::FileIsFolder, "fileIsFolder");
    names.insert(Roles::FileIsExecutable, "fileIsExecutable");
    return names;
}

void CrateFileTreeModel::setFiles(const QList<CrateArchive::File> &files)
{
    beginResetModel();
    m_nodes.clear();
    Node root;
    root.folder = true;
    m_nodes.append(std::move(root));
    m_fileCount = 0;
    // Folder lookups by path while building; a .crate rarely has more than a few hundred.
    for (const CrateArchive::File &file : files) {
        const QStringList parts = file.path.split(u'/', Qt::SkipEmptyParts);
        if (parts.isEmpty())
            continue;
        int parent = 0;
        QString path;
        for (qsizetype i = 0; i + 1 < parts.size(); ++i) {
            path += (path.isEmpty() ? QString() : u"/"_s) + parts.at(i);
            parent = childFolder(parent, parts.at(i), path);
        }
        Node leaf;
        leaf.name = parts.constLast();
        leaf.path = parts.join(u'/');
        leaf.size = file.size;
        leaf.parent = parent;
        leaf.executable = file.executable;
        m_nodes[parent].children.append(int(m_nodes.size()));
        m_nodes.append(std::move(leaf));
        ++m_fileCount;
    }
    finish(0);
    endResetModel();
}

int CrateFileTreeModel::childFolder(int parent, const QString &name, const QString &path)
{
    for (const int child : std::as_const(m_nodes.at(parent).children)) {
        if (m_nodes.at(child).folder && m_nodes.at(child).name == name)
            return child;
    }
    Node folder;
    folder.name = name;
    folder.path = path;
    folder.parent = parent;
    folder.folder = true;
    const int id = int(m_nodes.size());
    m_nodes[parent].children.append(id);
    m_nodes.append(std::move(folder));
    return id;
}

qint64 CrateFileTreeModel::finish(int node)
{
    QList<int> children = m_nodes.at(node).children;
    std::sort(children.begin(), children.end(), [this](int a, int b) {
        const Node &x = m_nodes.at(a);
        const Node &y = m_nodes.at(b);
        if (x.folder != y.folder)
            return x.folder;
        const int order = x.name.compare(y.name, Qt::CaseInsensitive);
        return order != 0 ? order < 0 : x.name < y.name;
    });
    qint64 size = 0;
    for (qsizetype row = 0; row < children.size(); ++row) {
        m_nodes[children.at(row)].row = int(row);
        if (m_nodes.at(children.at(row)).folder)
            size += finish(children.at(row));
        else
            size += m_nodes.at(children.at(row)).size;
    }
    Node &self = m_nodes[node];
    self.children = std::move(children);
    if (self.folder)
        self.size = size;
    return size;
}

QModelIndex CrateFileTreeModel::indexOf(const QString &path) const
{
    QModelIndex current;
    for (const QString &part : path.split(u'/', Qt::SkipEmptyParts)) {
        const Node &node = nodeOf(current);
        QModelIndex next;
        for (const int child : node.children) {
            if (m_nodes.at(child).name == part) {
                next = createIndex(m_nodes.at(child).row, 0, quintptr(child));
                break;
            }
        }
        if (!next.isValid())
            return {};
        current = next;
    }
    return current;
}
