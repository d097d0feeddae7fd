// SPDX-License-Identifier: GPL-3.0-or-later
#include "versiondifffilemodel.h"

#include "roles.h"

#include <QLocale>

using namespace Qt::Literals::StringLiterals;

VersionDiffFileModel::VersionDiffFileModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int VersionDiffFileModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_files.size());
}

int VersionDiffFileModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString VersionDiffFileModel::changeText(CrateVersionDiff::Change change, bool binary)
{
    switch (change) {
    case CrateVersionDiff::Change::Added:
        return binary ? tr("added, binary") : tr("added");
    case CrateVersionDiff::Change::Removed:
        return binary ? tr("removed, binary") : tr("removed");
    case CrateVersionDiff::Change::Changed:
        break;
    }
    return binary ? tr("changed, binary") : tr("changed");
}

QVariant VersionDiffFileModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CrateVersionDiff::File &file = m_files.at(index.row());
    const auto size = [](qint64 bytes) {
        return bytes < 0 ? u"—"_s : QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
    };
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case PathColumn:
            return file.path;
        case ChangeColumn:
            return changeText(file.change, file.binary);
        case OldSizeColumn:
            return size(file.oldSize);
        case NewSizeColumn:
            return size(file.newSize);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return index.column() == PathColumn ? QVariant(file.path) : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() >= OldSizeColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case Roles::DiffChange:
        return int(file.change);
    case Roles::DiffFilePath:
        return file.path;
    case Roles::DiffFileIsBinary:
        return file.binary;
    default:
        return {};
    }
}

QVariant VersionDiffFileModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case PathColumn:
        return tr("File");
    case ChangeColumn:
        return tr("Change");
    case OldSizeColumn:
        return tr("Before");
    case NewSizeColumn:
        return tr("After");
    default:
        return {};
    }
}

QHash<int, QByteArray> VersionDiffFileModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(Roles::DiffChange, "diffChange");
    names.insert(Roles::DiffFilePath, "diffFilePath");
    names.insert(Roles::DiffFileIsBinary, "diffFileIsBinary");
    return names;
}

void VersionDiffFileModel::setFiles(const QList<CrateVersionDiff::File> &files)
{
    beginResetModel();
    m_files = files;
    endResetModel();
}
