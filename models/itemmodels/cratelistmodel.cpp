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
        case LicenseColumn:
            return licenseAt(row);
        case DescriptionColumn:
            return m_descriptions.at(row).simplified();
        }
        return {};
    case Qt::ToolTipRole: {
        QString tip = m_names.at(row) + u' ' + m_versions.at(row);
        if (const QString description = m_descriptions.at(row); !description.isEmpty())
            tip += u'\n' + description;
        if (const QString license = licenseAt(row); !license.isEmpty())
            tip += u"\n"_s + tr("License: %1").arg(license);
        if (m_flags.at(row) & Yanked)
            tip += u"\n"_s + tr("The listed version is yanked.");
        if (m_flags.at(row) & Blocked)
            tip += u"\n"_s + tr("The feed blocks downloads of the listed version.");
        return tip;
    }
    case Roles::CrateName:
        return m_names.at(row);
    case Roles::CrateLatestVersion:
        return m_versions.at(row);
    case Roles::CrateDescription:
        return m_descriptions.at(row);
    case Roles::CrateLicense:
        return licenseAt(row);
    case Roles::CrateYanked:
        return bool(m_flags.at(row) & Yanked);
    case Roles::CrateBlocked:
        return bool(m_flags.at(row) & Blocked);
    }
    return {};
}

QVariant CrateListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case VersionColumn:
        return tr("Latest version");
    case LicenseColumn:
        return tr("License");
    case DescriptionColumn:
        return tr("Description");
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
    names.insert(Roles::CrateYanked, "crateYanked");
    names.insert(Roles::CrateBlocked, "crateBlocked");
    return names;
}

void CrateListModel::setCrates(const QList<CrateSummary> &crates)
{
    beginResetModel();
    m_names.clear();
    m_versions.clear();
    m_descriptions.clear();
    m_listedLicenses.clear();
    m_licenses.clear();
    m_flags.clear();
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
    if (row < 0 || row >= m_names.size() || licenseAt(row) == license)
        return;
    m_licenses.insert(row, license);
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1), {Qt::DisplayRole, Qt::ToolTipRole, Roles::CrateLicense});
}

QString CrateListModel::licenseAt(int row) const
{
    const auto later = m_licenses.constFind(row);
    return later != m_licenses.cend() ? *later : m_listedLicenses.at(row);
}

CrateSummary CrateListModel::crateAt(int row) const
{
    return {m_names.at(row), m_versions.at(row), m_descriptions.at(row), licenseAt(row), bool(m_flags.at(row) & Yanked),
        bool(m_flags.at(row) & Blocked)};
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
    return m_names.bytesUsed() + m_versions.bytesUsed() + m_descriptions.bytesUsed() + m_listedLicenses.bytesUsed()
        + m_flags.capacity() * qsizetype(sizeof(quint8));
}

void CrateListModel::store(const QList<CrateSummary> &crates)
{
    for (const CrateSummary &crate : crates) {
        m_names.append(QStringView(crate.name));
        m_versions.append(QStringView(crate.latestVersion));
        m_descriptions.append(QStringView(crate.description));
        m_listedLicenses.append(QStringView(crate.license));
        m_flags.append(quint8((crate.yanked ? Yanked : 0) | (crate.blocked ? Blocked : 0)));
    }
}
