// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QPointer>

class LockfileAudit;

// The rows of a LockfileAudit, one per locked package, updated as each is settled: crate,
// version, status, and why (or the license, for rows that passed).
class LockfileAuditModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LockfileAuditModel)

public:
    enum Column { CrateColumn, VersionColumn, StatusColumn, LicenseColumn, DetailColumn, ColumnCount };

    explicit LockfileAuditModel(QObject *parent = nullptr);
    ~LockfileAuditModel() override;

    // Shows `audit`'s rows (it may still run); null shows nothing.
    void setAudit(LockfileAudit *audit);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString statusText(int status); // "Missing", "Blocked", … for people

private:
    void rowSettled(qsizetype row);

    QPointer<LockfileAudit> m_audit;
};
