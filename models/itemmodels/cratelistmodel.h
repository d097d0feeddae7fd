// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compactstringlist.h"
#include "cargotypes/cratesummary.h"

#include <QAbstractTableModel>

// The crates of one feed: name, latest version, license and description, as the feed's
// listing gives them, and whether the listed version is yanked or blocked. Rows are stored compactly (CompactStringList) so that
// crates.io's 200,000 crates cost a few megabytes.
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
    enum Column { NameColumn, VersionColumn, LicenseColumn, DescriptionColumn, ColumnCount };

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

    // A license learnt later, one crate at a time (RegistryClient::license), over the listing's.
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
    CompactStringList m_listedLicenses; // as the listing gave them
    QHash<int, QString> m_licenses; // sparse: learnt later, for few crates
    enum Flag : quint8 { Yanked = 1, Blocked = 2 };
    QList<quint8> m_flags;

    QString licenseAt(int row) const;
};
