// SPDX-License-Identifier: GPL-3.0-or-later
#include "cratelistmodel.h"

#include "roles.h"

using namespace Qt::Literals::StringLiterals;

CrateListModel::CrateListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

CrateListModel::~CrateListModel() = default;

int CrateListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_names.size());
}

int CrateListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CrateListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return m_names.at(row);
        case VersionColumn:
            return m_versions.at(row);
        case DescriptionColumn: {
            const QString description = m_descriptions.at(row);
            return description.isEmpty() ? m_licenses.value(row) : description.simplified();
        }
        }
        return {};
    case Qt::ToolTipRole: {
        QString tip = m_names.at(row) + u' ' + m_versions.at(row);
        if (const QString description = m_descriptions.at(row); !description.isEmpty())
            tip += u'\n' + description;
        if (const QString license = m_licenses.value(row); !license.isEmpty())
            tip += u"\nLicense: "_s + license;
        return tip;
    }
    case Roles::CrateName:
        return m_names.at(row);
    case Roles::CrateLatestVersion:
        return m_versions.at(row);
    case Roles::CrateDescription:
        return m_descriptions.at(row);
    case Roles::CrateLicense:
        return m_licenses.value(row);
    }
    return {};
}

QVariant CrateListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return u"Name"_s;
    case VersionColumn:
        return u"Latest version"_s;
    case DescriptionColumn:
        return u"Description"_s;
    }
    return {};
}

QHash<int, QByteArray> CrateListModel::roleNames() const
{
    auto names = QAbstractTableModel::roleNames();
    names.insert(Roles::CrateName, "crateName");
    names.insert(Roles::CrateLatestVersion, "crateLatestVersion");
    names.insert(Roles::CrateDescription, "crateDescription");
    names.insert(Roles::CrateLicense, "crateLicense");
    return names;
}

void CrateListModel::setCrates(const QList<CrateSummary> &crates)
{
    beginResetModel();
    m_names.clear();
    m_versions.clear();
    m_descriptions.clear();
    m_licenses.clear();
    store(crates);
    endResetModel();
}

void CrateListModel::appendCrates(const QList<CrateSummary> &crates)
{
    if (crates.isEmpty())
        return;
    const int first = int(m_names.size());
    beginInsertRows({}, first, first + int(crates.size()) - 1);
    store(crates);
    endInsertRows();
}

void CrateListModel::clear()
{
    setCrates({});
}

void CrateListModel::setLicense(int row, const QString &license)
{
    if (row < 0 || row >= m_names.size() || m_licenses.value(row) == license)
        return;
    if (license.isEmpty())
        m_licenses.remove(row);
    else
        m_licenses.insert(row, license);
    const QModelIndex changed = index(row, DescriptionColumn);
    Q_EMIT dataChanged(index(row, 0), changed, {Qt::DisplayRole, Qt::ToolTipRole, Roles::CrateLicense});
}

CrateSummary CrateListModel::crateAt(int row) const
{
    return {m_names.at(row), m_versions.at(row), m_descriptions.at(row)};
}

int CrateListModel::rowOf(const QString &name) const
{
    const QByteArray utf8 = name.toUtf8();
    for (qsizetype i = 0; i < m_names.size(); ++i) {
        if (m_names.utf8At(i) == QByteArrayView(utf8))
            return int(i);
    }
    return -1;
}

qsizetype CrateListModel::bytesUsed() const
{
    return m_names.bytesUsed() + m_versions.bytesUsed() + m_descriptions.bytesUsed();
}

void CrateListModel::store(const QList<CrateSummary> &crates)
{
    for (const CrateSummary &crate : crates) {
        m_names.append(QStringView(crate.name));
        m_versions.append(QStringView(crate.latestVersion));
        m_descriptions.append(QStringView(crate.description));
    }
}
