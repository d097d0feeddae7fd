// SPDX-License-Identifier: GPL-3.0-or-later
#include "lockfileauditmodel.h"

#include "audit/lockfileaudit.h"
#include "roles.h"

using Status = LockfileAudit::Status;

LockfileAuditModel::LockfileAuditModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

LockfileAuditModel::~LockfileAuditModel() = default;

void LockfileAuditModel::setAudit(LockfileAudit *audit)
{
    beginResetModel();
    if (m_audit)
        disconnect(m_audit, nullptr, this, nullptr);
    m_audit = audit;
    if (audit) {
        connect(audit, &LockfileAudit::rowSettled, this, &LockfileAuditModel::rowSettled);
        // start() makes every row at once.
        connect(audit, &LockfileAudit::started, this, [this] {
            beginResetModel();
            endResetModel();
        });
        connect(audit, &QObject::destroyed, this, [this] {
            beginResetModel();
            endResetModel();
        });
    }
    endResetModel();
}

int LockfileAuditModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_audit ? 0 : int(m_audit->rows().size());
}

int LockfileAuditModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString LockfileAuditModel::statusText(int status)
{
    switch (Status(status)) {
    case Status::Checking: return tr("Checking…");
    case Status::Ok: return tr("OK");
    case Status::Missing: return tr("Missing");
    case Status::Yanked: return tr("Yanked");
    case Status::Blocked: return tr("Blocked");
    case Status::Held: return tr("Held");
    case Status::NotRegistry: return tr("Not from a registry");
    case Status::Error: return tr("Not checked");
    }
    return {};
}

QVariant LockfileAuditModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid) || !m_audit)
        return {};
    const LockfileAudit::Row &row = m_audit->rows().at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case CrateColumn: return row.name;
        case VersionColumn: return row.version;
        case StatusColumn: return statusText(int(row.status));
        case LicenseColumn: return row.license;
        case DetailColumn: return row.detail();
        case ColumnCount: break;
        }
        return {};
    case Qt::ToolTipRole:
        return row.detail().isEmpty() ? QVariant() : row.detail();
    case Roles::AuditStatus:
        return int(row.status);
    case Roles::AuditReason:
        return row.reason;
    case Roles::AuditNeedsAttention:
        return row.status == Status::Missing || row.status == Status::Yanked || row.status == Status::Blocked || row.status == Status::Held || row.status == Status::Error;
    default:
        return {};
    }
}

QVariant LockfileAuditModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case CrateColumn: return tr("Crate");
    case VersionColumn: return tr("Version");
    case StatusColumn: return tr("Status");
    case LicenseColumn: return tr("License");
    case DetailColumn: return tr("Why");
    case ColumnCount: break;
    }
    return {};
}

void LockfileAuditModel::rowSettled(qsizetype row)
{
    Q_EMIT dataChanged(index(int(row), 0), index(int(row), ColumnCount - 1));
}
