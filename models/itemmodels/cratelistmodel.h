// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compactstringlist.h"
#include "cargotypes/cratesummary.h"

#include <QAbstractTableModel>

// The crates of one feed: name, latest version, and the description or, failing that, the
// license. Rows are stored compactly (CompactStringList) so that crates.io's 200,000 crates
// cost a few megabytes.
//
// Paging: the service that lists the feed appends each page as it arrives (appendCrates).
// It is not offered through canFetchMore()/fetchMore(): QTreeView calls fetchMore() on every
// layout, not only when scrolled to the end, which would list all of crates.io. The window
// asks CrateBrowser for more when its list is scrolled to the end. The model never does I/O.
class CrateListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CrateListModel)

public:
    enum Column { NameColumn, VersionColumn, DescriptionColumn, ColumnCount };

    explicit CrateListModel(QObject *parent = nullptr);
    ~CrateListModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // A new listing replaces the old one (reset).
    void setCrates(const QList<CrateSummary> &crates);
    // One more page of the same listing (rowsInserted at the end).
    void appendCrates(const QList<CrateSummary> &crates);
    void clear();


    // Licenses arrive later and one at a time (RegistryClient::license).
    void setLicense(int row, const QString &license);

    QString nameAt(int row) const { return m_names.at(row); }
    CrateSummary crateAt(int row) const;
    // Exact name, case-sensitive as cargo matches it; -1 when not listed. Linear: for a
    // selection restored after a refresh, not per keystroke.
    int rowOf(const QString &name) const;

    // Heap bytes of the stored rows (for the memory benchmark).
    qsizetype bytesUsed() const;

private:
    void store(const QList<CrateSummary> &crates);

    CompactStringList m_names;
    CompactStringList m_versions;
    CompactStringList m_descriptions;
    QHash<int, QString> m_licenses; // sparse: known for few crates, and later
};
