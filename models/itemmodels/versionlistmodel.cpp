// SPDX-License-Identifier: GPL-3.0-or-later
#include "versionlistmodel.h"

#include "roles.h"

#include <QCoreApplication>

#include <algorithm>
#include <numeric>

using namespace Qt::Literals::StringLiterals;

namespace {

QString problemOf(const IndexEntry &entry)
{
    if (!entry.isValid())
        return QCoreApplication::translate("VersionListModel", "cargo will not use this version: %1").arg(entry.invalidReason);
    if (entry.needsNewerCargo())
        return QCoreApplication::translate("VersionListModel", "needs a newer cargo (index schema v%1)").arg(entry.schemaVersion);
    return {};
}

} // namespace

VersionListModel::VersionListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

VersionListModel::~VersionListModel() = default;

void VersionListModel::setRefusals(const QHash<QString, CurationReport::Refusal> &refusals)
{
    m_refusals = refusals;
    if (!m_order.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void VersionListModel::setAdvisories(const QHash<QString, QStringList> &advisories)
{
    m_advisories = advisories;
    if (!m_order.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int VersionListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_order.size());
}

int VersionListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant VersionListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const IndexEntry &entry = entryAt(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case VersionColumn:
            return entry.vers;
        case YankedColumn:
            if (const auto refusal = m_refusals.constFind(entry.vers); entry.yanked && refusal != m_refusals.constEnd())
                return refusal->held ? tr("held until %1").arg(refusal->until.toString(u"yyyy-MM-dd"_s)) : tr("blocked");
            if (entry.yanked)
                return tr("yanked");
            if (const QStringList advisories = m_advisories.value(entry.vers); !advisories.isEmpty())
                return tr("advisory %1").arg(advisories.first().section(u':', 0, 0));
            return QString();
        case RustVersionColumn:
            return entry.rustVersion.value_or(QString());
        case PublishedColumn:
            return entry.pubtime ? entry.pubtime->toString(u"yyyy-MM-dd HH:mm 'UTC'"_s) : QString();
        case ChecksumColumn:
            // The first 12 digits tell versions apart; the whole hash is in the tooltip and role.
            return entry.cksum.left(12);
        }
        return {};
    case Qt::ToolTipRole: {
        QStringList lines{entry.name + u' ' + entry.vers};
        if (const auto refusal = m_refusals.constFind(entry.vers); entry.yanked && refusal != m_refusals.constEnd())
            lines << (refusal->held ? tr("Held by the feed until %1: %2").arg(refusal->until.toString(u"yyyy-MM-dd HH:mm 'UTC'"_s), refusal->reason)
                                    : tr("Blocked by the feed: %1").arg(refusal->reason));
        else if (entry.yanked)
            lines << tr("Yanked: cargo keeps it for existing lock files but never picks it for new ones.");
        for (const QString &advisory : m_advisories.value(entry.vers))
            lines << tr("Advisory %1").arg(advisory);
        if (const QString problem = problemOf(entry); !problem.isEmpty())
            lines << problem;
        if (index.column() == ChecksumColumn)
            lines << u"sha256 "_s + entry.cksum;
        return lines.join(u'\n');
    }
    case Roles::VersionText:
        return entry.vers;
    case Roles::VersionYanked:
        return entry.yanked;
    case Roles::VersionRustVersion:
        return entry.rustVersion.value_or(QString());
    case Roles::VersionPublished:
        return entry.pubtime.value_or(QDateTime());
    case Roles::VersionChecksum:
        return entry.cksum;
    case Roles::VersionIsPrerelease:
        return entry.version.isPrerelease();
    case Roles::VersionIsLatest:
        return index.row() == m_latestRow;
    case Roles::VersionProblem:
        return problemOf(entry);
    case Roles::VersionIndexEntry:
        return QVariant::fromValue(entry);
    case Roles::VersionAdvisories:
        return m_advisories.value(entry.vers);
    case Roles::VersionRefusal:
    case Roles::VersionRefusalReason:
    case Roles::VersionHeldUntil: {
        const auto refusal = m_refusals.constFind(entry.vers);
        if (!entry.yanked || refusal == m_refusals.constEnd())
            return role == Roles::VersionHeldUntil ? QVariant(QDateTime()) : QVariant(QString());
        if (role == Roles::VersionRefusal)
            return refusal->held ? u"held"_s : u"blocked"_s;
        return role == Roles::VersionRefusalReason ? QVariant(refusal->reason) : QVariant(refusal->held ? refusal->until : QDateTime());
    }
    }
    return {};
}

QVariant VersionListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case VersionColumn:
        return tr("Version");
    case YankedColumn:
        return tr("State");
    case RustVersionColumn:
        return tr("MSRV");
    case PublishedColumn:
        return tr("Published");
    case ChecksumColumn:
        return tr("Checksum");
    }
    return {};
}

QHash<int, QByteArray> VersionListModel::roleNames() const
{
    auto names = QAbstractTableModel::roleNames();
    names.insert(Roles::VersionText, "versionText");
    names.insert(Roles::VersionYanked, "versionYanked");
    names.insert(Roles::VersionRustVersion, "versionRustVersion");
    names.insert(Roles::VersionPublished, "versionPublished");
    names.insert(Roles::VersionChecksum, "versionChecksum");
    names.insert(Roles::VersionIsPrerelease, "versionIsPrerelease");
    names.insert(Roles::VersionIsLatest, "versionIsLatest");
    names.insert(Roles::VersionProblem, "versionProblem");
    names.insert(Roles::VersionRefusal, "versionRefusal");
    names.insert(Roles::VersionAdvisories, "versionAdvisories");
    names.insert(Roles::VersionRefusalReason, "versionRefusalReason");
    names.insert(Roles::VersionHeldUntil, "versionHeldUntil");
    return names;
}

void VersionListModel::setEntries(const QList<IndexEntry> &entries)
{
    beginResetModel();
    m_entries = entries;
    m_refusals.clear();
    m_advisories.clear();
    m_order.resize(m_entries.size());
    std::iota(m_order.begin(), m_order.end(), 0);
    // Equal precedence (1.0.0+a, 1.0.0+b): the later line is the later publish, so it leads.
    std::stable_sort(m_order.begin(), m_order.end(), [this](int a, int b) {
        const int order = m_entries.at(a).version.comparePrecedence(m_entries.at(b).version);
        return order != 0 ? order > 0 : a > b;
    });
    m_latestRow = -1;
    for (int row = 0; row < m_order.size() && m_latestRow < 0; ++row) {
        const IndexEntry &entry = entryAt(row);
        if (entry.isCandidate() && !entry.version.isPrerelease())
            m_latestRow = row;
    }
    for (int row = 0; row < m_order.size() && m_latestRow < 0; ++row) {
        if (entryAt(row).isCandidate())
            m_latestRow = row;
    }
    endResetModel();
}

int VersionListModel::rowOf(const QString &version) const
{
    for (int row = 0; row < m_order.size(); ++row) {
        if (entryAt(row).vers == version)
            return row;
    }
    return -1;
}
