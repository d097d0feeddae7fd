// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectorlistmodel.h"

#include "roles.h"

#include <QLocale>

using namespace Qt::Literals::StringLiterals;

ConnectorListModel::ConnectorListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int ConnectorListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_connectors.size());
}

int ConnectorListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConnectorListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LocalFeedHost::ConnectorOverview &row = m_connectors.at(index.row());
    const ConnectorConfig &config = row.config;
    switch (role) {
    case Roles::ConnectorName:
        return config.name;
    case Roles::ConnectorChangeCount:
        return int(row.changes.size());
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn: return config.name;
        case UpstreamColumn: return config.indexUrl.toDisplayString();
        case PolicyColumn: return policySummary(config);
        case AttentionColumn:
            return row.changes.isEmpty() ? tr("OK") : tr("%n version(s) changed upstream", nullptr, int(row.changes.size()));
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == AttentionColumn && !row.changes.isEmpty())
            return changesText(row.changes);
        if (index.column() == UpstreamColumn)
            return config.auth == ConnectorConfig::Auth::None ? tr("No credentials")
                 : config.auth == ConnectorConfig::Auth::Token ? tr("A token from the keychain")
                                                               : tr("Basic authentication as %1, password in the keychain").arg(config.user);
        return {};
    }
    return {};
}

QVariant ConnectorListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Name");
    case UpstreamColumn: return tr("Upstream");
    case PolicyColumn: return tr("Policy");
    case AttentionColumn: return tr("State");
    }
    return {};
}

void ConnectorListModel::setConnectors(const LocalFeedHost::Overviews &connectors)
{
    beginResetModel();
    m_connectors = connectors;
    endResetModel();
}

int ConnectorListModel::rowOf(const QString &name) const
{
    for (qsizetype row = 0; row < m_connectors.size(); ++row) {
        if (m_connectors.at(row).config.name == name)
            return int(row);
    }
    return -1;
}

qsizetype ConnectorListModel::changeCount() const
{
    qsizetype count = 0;
    for (const LocalFeedHost::ConnectorOverview &row : m_connectors)
        count += row.changes.size();
    return count;
}

QString ConnectorListModel::policySummary(const ConnectorConfig &config)
{
    QStringList parts;
    if (!config.filters.isEmpty())
        parts << tr("%n filter(s)", nullptr, int(config.filters.size()));
    if (!config.approved.isEmpty())
        parts << tr("%n approved", nullptr, int(config.approved.size()));
    if (config.licenses.isActive())
        parts << tr("license rules");
    if (config.minAgeDays > 0)
        parts << tr("holds new versions %n day(s)", nullptr, config.minAgeDays);
    if (!config.advisoryDatabase.isEmpty()) {
        parts << (config.blockSeverity.isEmpty() ? tr("advisories: blocks malware")
                                                 : tr("advisories: blocks malware and %1 or worse").arg(config.blockSeverity));
    }
    return parts.isEmpty() ? tr("serves everything") : parts.join(u" · "_s);
}

QString ConnectorListModel::changesText(const QList<ConnectorStore::ChangedVersion> &changes)
{
    QStringList lines;
    const QLocale locale;
    for (const ConnectorStore::ChangedVersion &change : changes) {
        lines << tr("%1 %2: first sha256 %3 (%4), now %5 (%6)")
                     .arg(change.name, change.vers, change.seen.cksum.left(16), locale.toString(change.seen.firstSeen.toLocalTime(), QLocale::ShortFormat),
                          change.seen.changedCksum.left(16), locale.toString(change.seen.changedSeen.toLocalTime(), QLocale::ShortFormat));
    }
    return lines.join(u'\n');
}
