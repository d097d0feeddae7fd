// SPDX-License-Identifier: GPL-3.0-or-later
#include "cratefilterproxymodel.h"

#include "roles.h"

#include "cargotypes/semver.h"

#include <algorithm>

#include <cstring>
#include <numeric>

// The three ranks of a query's matches, each in source order.
struct CrateFilterProxyModel::Ranked
{
    QList<int> exact;
    QList<int> prefix;
    QList<int> substring;
    QList<int> matches; // all of them, ascending

    void add(int row, qsizetype at, qsizetype keySize, qsizetype querySize)
    {
        matches.append(row);
        if (at > 0)
            substring.append(row);
        else if (keySize == querySize)
            exact.append(row);
        else
            prefix.append(row);
    }
};

namespace {

// memchr for the first byte, memcmp for the rest: names are short, so this beats the
// general searchers, which pay a set-up per call.
qsizetype find(QByteArrayView key, QByteArrayView query)
{
    const qsizetype n = query.size();
    if (n == 0)
        return 0;
    if (key.size() < n)
        return -1;
    const char first = query.front();
    const char *begin = key.data();
    const char *last = begin + (key.size() - n);
    for (const char *p = begin; p <= last; ++p) {
        p = static_cast<const char *>(std::memchr(p, first, size_t(last - p + 1)));
        if (!p)
            return -1;
        if (std::memcmp(p + 1, query.data() + 1, size_t(n - 1)) == 0)
            return p - begin;
    }
    return -1;
}

// fold() for the common all-ASCII name, without the three temporary strings; false when the
// name has anything else (then nothing was appended).
bool foldAscii(QStringView name, CompactStringList &keys)
{
    char buffer[256];
    const QStringView trimmed = name.trimmed();
    if (trimmed.size() > qsizetype(sizeof buffer))
        return false;
    for (qsizetype i = 0; i < trimmed.size(); ++i) {
        const char16_t c = trimmed.at(i).unicode();
        if (c >= 0x80)
            return false;
        buffer[i] = c == u'_' ? '-' : (c >= u'A' && c <= u'Z') ? char(c + 32) : char(c);
    }
    keys.append(QByteArrayView(buffer, trimmed.size()));
    return true;
}

} // namespace

CrateFilterProxyModel::CrateFilterProxyModel(QObject *parent)
    : QAbstractProxyModel(parent)
    , m_filterRole(Roles::CrateName)
{
}

CrateFilterProxyModel::~CrateFilterProxyModel() = default;

QString CrateFilterProxyModel::fold(QStringView text)
{
    QString folded = text.trimmed().toString().toLower();
    folded.replace(u'_', u'-');
    return folded;
}

void CrateFilterProxyModel::setSourceModel(QAbstractItemModel *source)
{
    beginResetModel();
    for (const auto &connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
    QAbstractProxyModel::setSourceModel(source);
    if (source) {
        using M = QAbstractItemModel;
        m_connections = {
            connect(source, &M::modelAboutToBeReset, this, &CrateFilterProxyModel::sourceAboutToChange),
            connect(source, &M::modelReset, this, &CrateFilterProxyModel::sourceChanged),
            connect(source, &M::rowsInserted, this, &CrateFilterProxyModel::sourceRowsInserted),
            connect(source, &M::rowsAboutToBeRemoved, this, &CrateFilterProxyModel::sourceAboutToChange),
            connect(source, &M::rowsRemoved, this, &CrateFilterProxyModel::sourceChanged),
            connect(source, &M::rowsAboutToBeMoved, this, &CrateFilterProxyModel::sourceAboutToChange),
            connect(source, &M::rowsMoved, this, &CrateFilterProxyModel::sourceChanged),
            connect(source, &M::columnsAboutToBeInserted, this, &CrateFilterProxyModel::sourceAboutToChange),
            connect(source, &M::columnsInserted, this, &CrateFilterProxyModel::sourceChanged),
            connect(source, &M::columnsAboutToBeRemoved, this, &CrateFilterProxyModel::sourceAboutToChange),
            connect(source, &M::columnsRemoved, this, &CrateFilterProxyModel::sourceChanged),
            connect(source, &M::columnsAboutToBeMoved, this, &CrateFilterProxyModel::sourceAboutToChange),
            connect(source, &M::columnsMoved, this, &CrateFilterProxyModel::sourceChanged),
            connect(source, &M::layoutAboutToBeChanged, this, &CrateFilterProxyModel::sourceAboutToChange),
            connect(source, &M::layoutChanged, this, &CrateFilterProxyModel::sourceChanged),
            connect(source, &M::dataChanged, this, &CrateFilterProxyModel::sourceDataChanged),
            connect(source, &M::headerDataChanged, this, &QAbstractItemModel::headerDataChanged),
        };
    }
    rebuildKeys();
    refilter(false);
    endResetModel();
}

QModelIndex CrateFilterProxyModel::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!proxyIndex.isValid() || !sourceModel() || proxyIndex.row() >= m_rows.size())
        return {};
    return sourceModel()->index(m_rows.at(proxyIndex.row()), proxyIndex.column());
}

QModelIndex CrateFilterProxyModel::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!sourceIndex.isValid() || sourceIndex.parent().isValid() || sourceIndex.row() >= m_proxyRows.size())
        return {};
    const int row = m_proxyRows.at(sourceIndex.row());
    return row < 0 ? QModelIndex() : createIndex(row, sourceIndex.column());
}

QModelIndex CrateFilterProxyModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || column < 0 || row >= m_rows.size() || column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex CrateFilterProxyModel::parent(const QModelIndex &) const
{
    return {};
}

QModelIndex CrateFilterProxyModel::sibling(int row, int column, const QModelIndex &idx) const
{
    return idx.isValid() ? index(row, column) : QModelIndex();
}

int CrateFilterProxyModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CrateFilterProxyModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !sourceModel() ? 0 : sourceModel()->columnCount();
}

bool CrateFilterProxyModel::hasChildren(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_rows.isEmpty();
}

QVariant CrateFilterProxyModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    switch (role) {
    case Roles::FilterMatchKind:
    case Roles::FilterMatchStart:
    case Roles::FilterMatchLength: {
        if (m_query.isEmpty())
            return role == Roles::FilterMatchKind ? int(MatchKind::None) : role == Roles::FilterMatchStart ? -1 : 0;
        if (role == Roles::FilterMatchLength)
            return int(m_foldedQuery.size());
        qsizetype start = -1;
        const MatchKind kind = matchKind(m_rows.at(index.row()), &start);
        return role == Roles::FilterMatchKind ? int(kind) : int(start);
    }
    }
    return QAbstractProxyModel::data(index, role);
}

QHash<int, QByteArray> CrateFilterProxyModel::roleNames() const
{
    auto names = QAbstractProxyModel::roleNames();
    names.insert(Roles::FilterMatchKind, "filterMatchKind");
    names.insert(Roles::FilterMatchStart, "filterMatchStart");
    names.insert(Roles::FilterMatchLength, "filterMatchLength");
    return names;
}

void CrateFilterProxyModel::setFilterRole(int role)
{
    if (role == m_filterRole)
        return;
    beginResetModel();
    m_filterRole = role;
    rebuildKeys();
    refilter(false);
    endResetModel();
}

void CrateFilterProxyModel::setFilterText(const QString &text)
{
    const QString folded = fold(text);
    m_filterText = text;
    if (folded == m_foldedQuery) {
        Q_EMIT filterTextChanged(text);
        return;
    }
    // Every name containing the new query contains the old one: search only those.
    const bool narrow = !m_query.isEmpty() && folded.contains(m_foldedQuery);
    m_foldedQuery = folded;
    m_query = folded.toUtf8();

    relayout([this, narrow] { refilter(narrow); });
    Q_EMIT filterTextChanged(text);
}

void CrateFilterProxyModel::relayout(const std::function<void()> &reorder)
{
    Q_EMIT layoutAboutToBeChanged();
    const QModelIndexList before = persistentIndexList();
    QList<QPair<int, int>> sourceCells; // (source row, column) of each persistent index
    sourceCells.reserve(before.size());
    for (const QModelIndex &index : before)
        sourceCells.emplaceBack(m_rows.value(index.row(), -1), index.column());
    reorder();
    QModelIndexList after;
    after.reserve(before.size());
    for (const auto &[sourceRow, column] : std::as_const(sourceCells)) {
        const int row = sourceRow < 0 ? -1 : m_proxyRows.value(sourceRow, -1);
        after.append(row < 0 ? QModelIndex() : createIndex(row, column));
    }
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged();
}

void CrateFilterProxyModel::sort(int column, Qt::SortOrder order)
{
    if (column == m_sortColumn && order == m_sortOrder)
        return;
    m_sortColumn = column < columnCount() ? column : -1;
    m_sortOrder = order;
    relayout([this] {
        rebuildSortRanks();
        refilter(false);
    });
}

void CrateFilterProxyModel::rebuildSortRanks()
{
    m_sortRanks.clear();
    QAbstractItemModel *source = sourceModel();
    if (m_sortColumn < 0 || !source)
        return;
    const int rows = source->rowCount();
    QList<int> order(rows);
    std::iota(order.begin(), order.end(), 0);
    // Keys once per row, not per comparison: 200,000 crates sort in well under a second.
    if (m_sortColumn == 0) {
        std::ranges::stable_sort(order, [this](int a, int b) { return m_keys.utf8At(a) < m_keys.utf8At(b); });
    } else {
        QStringList texts(rows);
        for (int row = 0; row < rows; ++row)
            texts[row] = source->index(row, m_sortColumn).data().toString();
        QList<std::optional<SemVer>> versions(rows);
        if (std::ranges::all_of(texts, [](const QString &text) { return text.isEmpty() || SemVer::parse(text); })) {
            for (int row = 0; row < rows; ++row)
                versions[row] = SemVer::parse(texts.at(row));
        }
        std::ranges::stable_sort(order, [&](int a, int b) {
            if (versions.at(a) && versions.at(b))
                return *versions.at(a) < *versions.at(b);
            if (versions.at(a).has_value() != versions.at(b).has_value())
                return !versions.at(a).has_value(); // no version first
            return texts.at(a).compare(texts.at(b), Qt::CaseInsensitive) < 0;
        });
    }
    if (m_sortOrder == Qt::DescendingOrder)
        std::ranges::reverse(order);
    m_sortRanks.resize(rows);
    for (int place = 0; place < rows; ++place)
        m_sortRanks[order.at(place)] = place;
}

void CrateFilterProxyModel::sortRank(QList<int> &rows) const
{
    if (m_sortRanks.isEmpty())
        return;
    std::ranges::sort(rows, [this](int a, int b) { return m_sortRanks.value(a) < m_sortRanks.value(b); });
}

void CrateFilterProxyModel::rebuildKeys()
{
    m_keys.clear();
    m_proxyRows.clear();
    appendKeys(0, sourceModel() ? sourceModel()->rowCount() - 1 : -1);
    rebuildSortRanks();
}

void CrateFilterProxyModel::appendKeys(int first, int last)
{
    if (last < first)
        return;
    QAbstractItemModel *source = sourceModel();
    if (first == 0)
        m_keys.reserve(last + 1, 0);
    for (int row = first; row <= last; ++row) {
        const QString name = source->index(row, 0).data(m_filterRole).toString();
        if (!foldAscii(name, m_keys))
            m_keys.append(QStringView(fold(name)));
    }
    m_proxyRows.resize(last + 1, -1);
}

void CrateFilterProxyModel::refilter(bool narrow)
{
    Ranked ranked;
    if (m_query.isEmpty()) {
        ranked.substring.resize(m_keys.size());
        std::iota(ranked.substring.begin(), ranked.substring.end(), 0);
        ranked.matches = ranked.substring;
    } else if (narrow) {
        rank(ranked, m_matches);
    } else {
        rankAll(ranked);
    }
    adoptRanking(std::move(ranked));
}

void CrateFilterProxyModel::rankAll(Ranked &ranked) const
{
    // One pass over all names back to back: memchr skips the names without the query's first
    // byte at memory speed, and a hit is mapped to its row by walking the end offsets forward.
    const qsizetype rows = m_keys.size();
    const QByteArrayView all = m_keys.allUtf8();
    const quint32 *ends = m_keys.ends();
    const char *base = all.data();
    const qsizetype total = all.size();
    const qsizetype length = m_query.size();
    const char first = m_query.front();
    ranked.matches.reserve(rows / 2);
    qsizetype pos = 0;
    qsizetype row = 0;
    while (row < rows && pos < total) {
        const auto *hit = static_cast<const char *>(std::memchr(base + pos, first, size_t(total - pos)));
        if (!hit)
            break;
        const qsizetype at = hit - base;
        while (ends[row] <= quint32(at))
            ++row;
        const qsizetype end = ends[row];
        if (at + length <= end && std::memcmp(hit + 1, m_query.constData() + 1, size_t(length - 1)) == 0) {
            const qsizetype begin = row == 0 ? 0 : ends[row - 1];
            ranked.add(int(row), at - begin, end - begin, length);
            pos = end; // the first hit in a name decides its rank
            ++row;
        } else {
            pos = at + 1;
        }
    }
}

void CrateFilterProxyModel::rank(Ranked &ranked, const QList<int> &candidates) const
{
    for (const int row : candidates) {
        const QByteArrayView key = m_keys.utf8At(row);
        if (const qsizetype at = find(key, m_query); at >= 0)
            ranked.add(row, at, key.size(), m_query.size());
    }
}

void CrateFilterProxyModel::adoptRanking(Ranked &&ranked)
{
    // Forget the old rows' reverse mapping only where it was set: cheaper than a full fill
    // when the previous query matched few names.
    if (m_rows.size() * 4 < m_proxyRows.size()) {
        for (const int row : std::as_const(m_rows))
            m_proxyRows[row] = -1;
    } else {
        m_proxyRows.fill(-1);
    }
    sortRank(ranked.exact);
    sortRank(ranked.prefix);
    sortRank(ranked.substring);
    m_exactEnd = ranked.exact.size();
    m_prefixEnd = m_exactEnd + ranked.prefix.size();
    m_rows = std::move(ranked.exact);
    m_rows.append(ranked.prefix);
    m_rows.append(ranked.substring);
    m_matches = std::move(ranked.matches);
    for (qsizetype i = 0; i < m_rows.size(); ++i)
        m_proxyRows[m_rows.at(i)] = int(i);
}

void CrateFilterProxyModel::sourceRowsInserted(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    if (first != m_keys.size()) {
        // Not a page appended at the end: start over.
        beginResetModel();
        rebuildKeys();
        refilter(false);
        endResetModel();
        return;
    }
    appendKeys(first, last);
    QList<int> fresh(last - first + 1);
    std::iota(fresh.begin(), fresh.end(), first);
    Ranked ranked;
    if (m_query.isEmpty()) {
        ranked.substring = fresh;
        ranked.matches = fresh;
    } else {
        rank(ranked, fresh);
    }
    m_matches.append(ranked.matches);
    // New source rows come last in source order, so they go to the end of their rank.
    const auto insert = [this](qsizetype at, const QList<int> &rows, qsizetype *rankEnd1, qsizetype *rankEnd2) {
        if (rows.isEmpty())
            return;
        beginInsertRows({}, int(at), int(at + rows.size() - 1));
        m_rows.insert(at, rows.size(), 0);
        std::copy(rows.cbegin(), rows.cend(), m_rows.begin() + at);
        for (qsizetype i = at; i < m_rows.size(); ++i)
            m_proxyRows[m_rows.at(i)] = int(i);
        if (rankEnd1)
            *rankEnd1 += rows.size();
        if (rankEnd2)
            *rankEnd2 += rows.size();
        endInsertRows();
    };
    insert(m_exactEnd, ranked.exact, &m_exactEnd, &m_prefixEnd);
    insert(m_prefixEnd, ranked.prefix, &m_prefixEnd, nullptr);
    insert(m_rows.size(), ranked.substring, nullptr, nullptr);
    if (m_sortColumn >= 0) {
        // A page of a sorted list: inserted at the end of its rank above, moved into place here.
        relayout([this] {
            rebuildSortRanks();
            refilter(false);
        });
    }
}

void CrateFilterProxyModel::sourceAboutToChange()
{
    if (m_resetting)
        return;
    m_resetting = true;
    beginResetModel();
}

void CrateFilterProxyModel::sourceChanged()
{
    if (!m_resetting)
        beginResetModel();
    if (m_sortColumn >= sourceModel()->columnCount())
        m_sortColumn = -1;
    rebuildKeys();
    refilter(false);
    m_resetting = false;
    endResetModel();
}

void CrateFilterProxyModel::sourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                                              const QList<int> &roles)
{
    if (topLeft.parent().isValid())
        return;
    if (topLeft.column() == 0 && (roles.isEmpty() || roles.contains(m_filterRole))) {
        // A name changed: its rank may have too.
        beginResetModel();
        rebuildKeys();
        refilter(false);
        endResetModel();
        return;
    }
    if (m_sortColumn >= topLeft.column() && m_sortColumn <= bottomRight.column()) {
        // The sorted column changed (a license learnt later): the rows may move.
        relayout([this] {
            rebuildSortRanks();
            refilter(false);
        });
        return;
    }
    int first = int(m_rows.size());
    int last = -1;
    for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
        const int proxyRow = m_proxyRows.value(row, -1);
        if (proxyRow >= 0) {
            first = std::min(first, proxyRow);
            last = std::max(last, proxyRow);
        }
    }
    if (last >= 0)
        Q_EMIT dataChanged(index(first, topLeft.column()), index(last, bottomRight.column()), roles);
}

CrateFilterProxyModel::MatchKind CrateFilterProxyModel::matchKind(int sourceRow, qsizetype *start) const
{
    const QString name = fold(sourceModel()->index(sourceRow, 0).data(m_filterRole).toString());
    *start = name.indexOf(m_foldedQuery);
    if (*start < 0)
        return MatchKind::None;
    if (*start > 0)
        return MatchKind::Substring;
    return name.size() == m_foldedQuery.size() ? MatchKind::Exact : MatchKind::Prefix;
}
