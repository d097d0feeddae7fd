// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compactstringlist.h"

#include <QAbstractProxyModel>

#include <functional>

// Search-as-you-type over a flat list of crates (CrateListModel), fast enough for one
// keystroke per frame over crates.io's 200,000 names.
//
// Names are compared the way cargo tells crates apart: case-insensitively, with '-' and '_'
// alike. The query matches anywhere in the name; the exact name comes first, then names that
// start with the query, then the rest, each in source order.
//
// Why not QSortFilterProxyModel: it asks filterAcceptsRow() through QVariant for every row on
// each change and reports the difference as row insertions and removals. Here the folded
// names are kept as one byte buffer, a query that extends the previous one only searches the
// previous matches, and a change is one layoutChanged() (persistent indexes follow their
// crate, so the selection survives typing).
//
// sort() orders the rows by a column (names as the filter folds them, versions by SemVer
// precedence, other text case-insensitively, ties in source order); with a query, the exact
// and prefix matches still come first, each rank sorted on its own. Column -1: source order.
class CrateFilterProxyModel final : public QAbstractProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CrateFilterProxyModel)

public:
    enum class MatchKind { None = -1, Exact = 0, Prefix = 1, Substring = 2 };

    explicit CrateFilterProxyModel(QObject *parent = nullptr);
    ~CrateFilterProxyModel() override;

    void setSourceModel(QAbstractItemModel *sourceModel) override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    QModelIndex sibling(int row, int column, const QModelIndex &idx) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    // The source role holding the name, read from column 0. Default: Roles::CrateName.
    void setFilterRole(int role);
    int filterRole() const { return m_filterRole; }

    QString filterText() const { return m_filterText; }
    void setFilterText(const QString &text);

    // How many rows of each kind the current query found (for a status line).
    int exactAndPrefixCount() const { return int(m_prefixEnd); }

    // The folding both sides go through: lower case, '_' as '-', surrounding space dropped.
    static QString fold(QStringView text);

Q_SIGNALS:
    void filterTextChanged(const QString &text);

private:
    struct Ranked;

    void rebuildKeys();
    void appendKeys(int first, int last);
    void refilter(bool narrow);
    void rankAll(Ranked &ranked) const;
    void rank(Ranked &ranked, const QList<int> &candidates) const;
    void adoptRanking(Ranked &&ranked);
    void resetAll();
    void sourceRowsInserted(const QModelIndex &parent, int first, int last);
    void sourceAboutToChange();
    void sourceChanged();
    void sourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles);
    MatchKind matchKind(int sourceRow, qsizetype *start) const;
    // Rows reordered in place (a new query or sort order): one layout change that keeps
    // persistent indexes on their crates.
    void relayout(const std::function<void()> &reorder);
    void rebuildSortRanks();
    void sortRank(QList<int> &rows) const;

    int m_filterRole;
    QString m_filterText;
    QString m_foldedQuery;
    QByteArray m_query;       // m_foldedQuery as UTF-8, what the keys are searched for
    CompactStringList m_keys; // folded UTF-8 name of every source row
    QList<int> m_matches;     // matching source rows, ascending
    QList<int> m_rows;        // proxy row -> source row, ranked
    QList<int> m_proxyRows;   // source row -> proxy row, -1 when filtered out
    qsizetype m_exactEnd = 0; // m_rows[0, m_exactEnd) are exact matches
    qsizetype m_prefixEnd = 0; // [m_exactEnd, m_prefixEnd) prefix matches, the rest substring
    bool m_resetting = false;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    QList<int> m_sortRanks; // source row -> its place in the sort order
    QList<QMetaObject::Connection> m_connections;
};
