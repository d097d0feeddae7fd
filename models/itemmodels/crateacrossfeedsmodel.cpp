// SPDX-License-Identifier: GPL-3.0-or-later
#include "crateacrossfeedsmodel.h"

#include "roles.h"

using namespace Qt::Literals::StringLiterals;

CrateAcrossFeedsModel::CrateAcrossFeedsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int CrateAcrossFeedsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_versions.size());
}

int CrateAcrossFeedsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : checksumColumn() + 1;
}

QVariant CrateAcrossFeedsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QString &version = m_versions.at(index.row());
    const auto mismatch = m_mismatches.constFind(version);
    if (role == Roles::ChecksumsDiffer)
        return mismatch != m_mismatches.cend();
    if (index.column() == 0)
        return role == Qt::DisplayRole ? QVariant(version) : QVariant();
    if (index.column() < checksumColumn())
        return feedCell(index.column() - 1, version, role);
    if (mismatch == m_mismatches.cend())
        return role == Qt::DisplayRole ? QVariant(tr("same")) : QVariant();
    if (role == Qt::DisplayRole)
        return tr("DIFFERENT");
    if (role == Qt::ToolTipRole) {
        QStringList sums;
        for (const auto &[feed, sum] : mismatch->sums)
            sums << tr("%1: %2").arg(feed, sum);
        return tr("The same version with other bytes:\n%1").arg(sums.join(u'\n'));
    }
    return {};
}

QVariant CrateAcrossFeedsModel::feedCell(qsizetype feed, const QString &version, int role) const
{
    const IndexEntry *entry = m_crate.entry(feed, version);
    if (!entry)
        return role == Qt::DisplayRole ? QVariant(u"—"_s) : QVariant();
    if (role == Qt::DisplayRole)
        return entry->yanked ? tr("yanked") : tr("yes");
    if (role == Qt::ToolTipRole)
        return tr("sha256 %1").arg(entry->cksum);
    return {};
}

QVariant CrateAcrossFeedsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section > checksumColumn())
        return {};
    if (section == 0)
        return role == Qt::DisplayRole ? QVariant(tr("Version")) : QVariant();
    if (section == checksumColumn())
        return role == Qt::DisplayRole ? QVariant(tr("Checksums")) : QVariant();
    const CrateAcrossFeeds::Holding &holding = m_crate.feeds.at(section - 1);
    if (role == Qt::DisplayRole) {
        if (!holding.error.isEmpty())
            return tr("%1 (not reached)").arg(holding.feed);
        if (holding.missing)
            return tr("%1 (no such crate)").arg(holding.feed);
        return holding.stale ? tr("%1 (cached)").arg(holding.feed) : holding.feed;
    }
    if (role == Qt::ToolTipRole && !holding.error.isEmpty())
        return holding.error;
    return {};
}

void CrateAcrossFeedsModel::setCrate(const CrateAcrossFeeds &crate)
{
    beginResetModel();
    m_crate = crate;
    m_versions = crate.versions();
    m_mismatches.clear();
    for (const CrateAcrossFeeds::Mismatch &mismatch : crate.mismatches())
        m_mismatches.insert(mismatch.version, mismatch);
    endResetModel();
}
