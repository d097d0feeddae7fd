// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cargotypes/curationreport.h"
#include "cargotypes/indexentry.h"

#include <QAbstractTableModel>

// The versions of one crate, newest first by SemVer precedence (not file order: a feed may
// publish a 0.9.x fix after 1.0.0). Yanked, invalid and too-new entries stay listed, as cargo
// lists them, and say so through roles; how they look is the view's business.
class VersionListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VersionListModel)

public:
    enum Column { VersionColumn, YankedColumn, RustVersionColumn, PublishedColumn, ChecksumColumn, ColumnCount };

    explicit VersionListModel(QObject *parent = nullptr);
    ~VersionListModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // The entries of one index file, in any order (reset).
    void setEntries(const QList<IndexEntry> &entries);
    void clear() { setEntries({}); }
    // Why the feed lists some of them as yanked: its connectors hold or block them (a
    // CrateDesk feed's curation report). Kept until the next setEntries().
    void setRefusals(const QHash<QString, CurationReport::Refusal> &refusals);
    // RustSec advisories the feed reports for versions it serves (a CrateDesk feed's curation).
    void setAdvisories(const QHash<QString, QStringList> &advisories);

    QString crateName() const { return m_entries.isEmpty() ? QString() : m_entries.constFirst().name; }
    const IndexEntry &entryAt(int row) const { return m_entries.at(m_order.at(row)); }
    // -1 when not listed. Exact text, build metadata included.
    int rowOf(const QString &version) const;
    // The row cargo would pick without a lock file (newest candidate release, else newest
    // candidate pre-release); -1 when every version is yanked or unusable.
    int latestRow() const { return m_latestRow; }

private:
    QList<IndexEntry> m_entries; // as given; shared with the caller, not copied
    QList<int> m_order;          // row -> index in m_entries
    QHash<QString, CurationReport::Refusal> m_refusals;
    QHash<QString, QStringList> m_advisories;
    int m_latestRow = -1;
};
