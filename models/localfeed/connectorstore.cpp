// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectorstore.h"

#include "feedstore.h"
#include "cargotypes/cratefilepath.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcConnectorStore, "cratedesk.feed.connectors")

namespace {

bool run(QSqlQuery &query, const QString &sql, const QVariantList &values = {})
{
    if (!query.prepare(sql)) {
        qCWarning(lcConnectorStore) << "prepare failed:" << query.lastError().text() << sql;
        return false;
    }
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec()) {
        qCWarning(lcConnectorStore) << "query failed:" << query.lastError().text() << sql;
        return false;
    }
    return true;
}

QString nowUtc()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

} // namespace

ConnectorStore::ConnectorStore(FeedStore *feed)
    : m_feed(feed)
{
}

ConnectorStore::~ConnectorStore() = default;

QString ConnectorStore::dataDir() const
{
    return m_feed->dataDir();
}

QList<ConnectorConfig> ConnectorStore::connectors() const
{
    QList<ConnectorConfig> list;
    QSqlQuery q(QSqlDatabase::database(m_feed->connectionName()));
    if (!run(q, u"SELECT config FROM connectors ORDER BY position, name"_s))
        return list;
    while (q.next())
        list.append(ConnectorConfig::fromJson(QJsonDocument::fromJson(q.value(0).toByteArray()).object()));
    return list;
}

std::optional<ConnectorConfig> ConnectorStore::connector(const QString &name) const
{
    QSqlQuery q(QSqlDatabase::database(m_feed->connectionName()));
    if (!run(q, u"SELECT config FROM connectors WHERE name = ?"_s, {name}) || !q.next())
        return std::nullopt;
    return ConnectorConfig::fromJson(QJsonDocument::fromJson(q.value(0).toByteArray()).object());
}

FeedError ConnectorStore::saveConnector(const ConnectorConfig &config)
{
    if (const QString error = config.validationError(); !error.isEmpty())
        return FeedError::badRequest(error);
    const QString json = QString::fromUtf8(QJsonDocument(config.toJson()).toJson(QJsonDocument::Compact));
    if (const auto previous = connector(config.name); previous && previous->indexUrl != config.indexUrl) {
        qCInfo(lcConnectorStore).noquote() << "connector" << config.name << "now points at" << config.indexUrl.toDisplayString()
                                           << "; what the old upstream sent is forgotten";
        forgetUpstream(config.name, true);
    }
    QSqlQuery q(QSqlDatabase::database(m_feed->connectionName()));
    const bool ok = run(q, uR"(INSERT INTO connectors (name, position, config)
                               VALUES (?, (SELECT COALESCE(MAX(position), 0) + 1 FROM connectors), ?)
                               ON CONFLICT(name) DO UPDATE SET config = excluded.config)"_s,
                        {config.name, json});
    if (!ok)
        return FeedError::internal(tr("cannot save the connector %1").arg(config.name));
    return {};
}

FeedError ConnectorStore::removeConnector(const QString &name)
{
    QSqlDatabase db = QSqlDatabase::database(m_feed->connectionName());
    QSqlQuery q(db);
    if (!run(q, u"SELECT 1 FROM connectors WHERE name = ?"_s, {name}) || !q.next())
        return FeedError::notFound(tr("the local feed has no connector named %1").arg(name));
    if (!run(q, u"DELETE FROM connectors WHERE name = ?"_s, {name}))
        return FeedError::internal(tr("cannot remove the connector %1").arg(name));
    forgetUpstream(name, true);
    return {};
}

void ConnectorStore::forgetUpstream(const QString &connector, bool withPins)
{
    QSqlQuery q(QSqlDatabase::database(m_feed->connectionName()));
    // upstream_config holds what older versions cached of config.json: cleared with the rest.
    for (const QString &table : {u"upstream_config"_s, u"upstream_index"_s, u"upstream_crates"_s, u"upstream_versions"_s, u"connector_pins"_s}) {
        if (table != u"connector_pins"_s || withPins)
            run(q, u"DELETE FROM %1 WHERE connector = ?"_s.arg(table), {connector});
    }
    if (ConnectorConfig::validateName(connector).isEmpty())
        QDir(dataDir() + u"/upstream/"_s + connector).removeRecursively();
}

std::optional<ConnectorStore::CachedIndex> ConnectorStore::cachedIndex(const QString &connector, const QString &lowerName) const
{
    QSqlQuery q(QSqlDatabase::database(m_feed->connectionName()));
    if (!run(q, u"SELECT status, body, etag, last_modified, licenses, fetched FROM upstream_index WHERE connector = ? AND name = ?"_s,
             {connector, lowerName})
        || !q.next())
        return std::nullopt;
    CachedIndex index;
    index.status = q.value(0).toInt();
    index.body = q.value(1).toByteArray();
    index.etag = q.value(2).toByteArray();
    index.lastModified = q.value(3).toByteArray();
    const QJsonObject licenses = QJsonDocument::fromJson(q.value(4).toByteArray()).object();
    for (auto it = licenses.begin(); it != licenses.end(); ++it)
        index.licenses.insert(it.key(), it.value().toString());
    index.fetched = QDateTime::fromString(q.value(5).toString(), Qt::ISODate);
    return index;
}

void ConnectorStore::storeIndex(const QString &connector, const QString &lowerName, const CachedIndex &index)
{
    QJsonObject licenses;
    for (auto it = index.licenses.cbegin(); it != index.licenses.cend(); ++it)
        licenses.insert(it.key(), it.value());
    QSqlQuery q(QSqlDatabase::database(m_feed->connectionName()));
    run(q, uR"(INSERT OR REPLACE INTO upstream_index (connector, name, status, body, etag, last_modified, licenses, fetched)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?))"_s,
        {connector, lowerName, index.status, index.body, QString::fromLatin1(index.etag), QString::fromLatin1(index.lastModified),
         QString::fromUtf8(QJsonDocument(licenses).toJson(QJsonDocument::Compact)), index.fetched.toString(Qt::ISODate)});
}

QString ConnectorStore::cratePath(const QString &connector, const QString &cksum) const
{
    if (!ConnectorConfig::validateName(connector).isEmpty())
        return {};
    return CrateFilePath::byChecksum(CrateFilePath::within(dataDir(), u"upstream/"_s + connector), cksum);
}

std::optional<ConnectorStore::CachedCrate> ConnectorStore::cachedCrate(const QString &connector, const QString &name,
                                                                       const QString &vers) const
{
    QSqlQuery q(QSqlDatabase::database(m_feed->connectionName()));
    if (!run(q, u"SELECT cksum, license FROM upstream_crates WHERE connector = ? AND name = ? AND vers = ?"_s,
             {connector, name.toLower(), vers})
        || !q.next())
        return std::nullopt;
    CachedCrate crate{cratePath(connector, q.value(0).toString()), q.value(0).toString(), q.value(1).toString()};
    if (crate.path.isEmpty() || !QFile::exists(crate.path))
        return std::nullopt; // removed by hand: fetch it again
    return crate;
}

void ConnectorStore::recordCrate(const QString &connector, const QString &name, const QString &vers, const QString &cksum,
                                 const QString &license)
{
    QSqlQuery q(QSqlDatabase::database(m_feed->connectionName()));
    run(q, u"INSERT OR REPLACE INTO upstream_crates (connector, name, vers, cksum, license, fetched) VALUES (?, ?, ?, ?, ?, ?)"_s,
        {connector, name.toLower(), vers, cksum, license, nowUtc()});
}

QHash<QString, ConnectorStore::SeenVersion> ConnectorStore::noteListed(const QString &connector, const QString &lowerName,
                                                                       const QList<Listed> &listed, QStringList *changedNow)
{
    QSqlDatabase db = QSqlDatabase::database(m_feed->connectionName());
    QSqlQuery q(db);
    QHash<QString, SeenVersion> seen;
    if (run(q, u"SELECT vers, cksum, first_seen, changed_cksum, changed_seen FROM upstream_versions WHERE connector = ? AND name = ?"_s,
            {connector, lowerName})) {
        while (q.next())
            seen.insert(q.value(0).toString(), {q.value(1).toString(), QDateTime::fromString(q.value(2).toString(), Qt::ISODate),
                                                q.value(3).toString(), QDateTime::fromString(q.value(4).toString(), Qt::ISODate)});
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    bool inTransaction = false;
    for (const Listed &version : listed) {
        const auto known = seen.find(version.vers);
        const bool fresh = known == seen.end();
        if (!fresh && (known->cksum == version.cksum || !known->changedCksum.isEmpty()))
            continue; // nothing new, or a change already waiting for an owner
        if (!inTransaction)
            inTransaction = db.transaction();
        if (fresh) {
            run(q, u"INSERT OR IGNORE INTO upstream_versions (connector, name, vers, cksum, first_seen) VALUES (?, ?, ?, ?, ?)"_s,
                {connector, lowerName, version.vers, version.cksum, now.toString(Qt::ISODate)});
            seen.insert(version.vers, {version.cksum, now, {}, {}});
        } else {
            qCWarning(lcConnectorStore).noquote() << "connector" << connector << "now lists" << lowerName << version.vers << "with sha256"
                                                  << version.cksum << "instead of" << known->cksum;
            run(q, u"UPDATE upstream_versions SET changed_cksum = ?, changed_seen = ? WHERE connector = ? AND name = ? AND vers = ?"_s,
                {version.cksum, now.toString(Qt::ISODate), connector, lowerName, version.vers});
            known->changedCksum = version.cksum;
            known->changedSeen = now;
            if (changedNow)
                changedNow->append(version.vers);
        }
    }
    if (inTransaction && !db.commit())
        qCWarning(lcConnectorStore) << "recording upstream versions failed:" << db.lastError().text();
    return seen;
}

QList<ConnectorStore::ChangedVersion> ConnectorStore::changedVersions() const
{
    QSqlQuery q(QSqlDatabase::database(m_feed->connectionName()));
    QList<ChangedVersion> changed;
    if (!run(q, u"SELECT connector, name, vers, cksum, first_seen, changed_cksum, changed_seen FROM upstream_versions "
                u"WHERE changed_cksum IS NOT NULL ORDER BY connector, name, vers"_s))
        return changed;
    while (q.next())
        changed.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                        {q.value(3).toString(), QDateTime::fromString(q.value(4).toString(), Qt::ISODate), q.value(5).toString(),
                         QDateTime::fromString(q.value(6).toString(), Qt::ISODate)}});
    return changed;
}

FeedError ConnectorStore::acceptChange(const QString &connector, const QString &lowerName, const QString &vers)
{
    QSqlQuery q(QSqlDatabase::database(m_feed->connectionName()));
    if (!run(q, u"UPDATE upstream_versions SET cksum = changed_cksum, changed_cksum = NULL, changed_seen = NULL "
                u"WHERE connector = ? AND name = ? AND vers = ? AND changed_cksum IS NOT NULL"_s,
             {connector, lowerName, vers}))
        return FeedError::internal(tr("the feed's database could not be written"));
    if (q.numRowsAffected() != 1)
        return FeedError::notFound(tr("connector %1 has no changed version %2@%3 to accept").arg(connector, lowerName, vers));
    qCInfo(lcConnectorStore).noquote() << "connector" << connector << ": the new bytes of" << lowerName << vers << "were accepted";
    return {};
}

std::optional<ConnectorStore::Pin> ConnectorStore::pin(const QString &lowerName) const
{
    QSqlQuery q(QSqlDatabase::database(m_feed->connectionName()));
    if (!run(q, u"SELECT name, connector, pinned FROM connector_pins WHERE name = ?"_s, {lowerName}) || !q.next())
        return std::nullopt;
    return Pin{q.value(0).toString(), q.value(1).toString(), QDateTime::fromString(q.value(2).toString(), Qt::ISODate)};
}

QList<ConnectorStore::Pin> ConnectorStore::pins() const
{
    QList<Pin> list;
    QSqlQuery q(QSqlDatabase::database(m_feed->connectionName()));
    if (!run(q, u"SELECT name, connector, pinned FROM connector_pins ORDER BY name"_s))
        return list;
    while (q.next())
        list.append({q.value(0).toString(), q.value(1).toString(), QDateTime::fromString(q.value(2).toString(), Qt::ISODate)});
    return list;
}

std::optional<ConnectorStore::Pin> ConnectorStore::pinIfFree(const QString &lowerName, const QString &connector)
{
    QSqlQuery q(QSqlDatabase::database(m_feed->connectionName()));
    if (run(q, u"INSERT OR IGNORE INTO connector_pins (name, connector, pinned) VALUES (?, ?, ?)"_s, {lowerName, connector, nowUtc()})
        && q.numRowsAffected() > 0)
        qCInfo(lcConnectorStore).noquote() << "crate" << lowerName << "is now pinned to connector" << connector;
    return pin(lowerName);
}

FeedError ConnectorStore::unpin(const QString &lowerName)
{
    QSqlQuery q(QSqlDatabase::database(m_feed->connectionName()));
    if (!run(q, u"DELETE FROM connector_pins WHERE name = ?"_s, {lowerName}))
        return FeedError::internal(u"cannot unpin %1"_s.arg(lowerName));
    if (q.numRowsAffected() == 0)
        return FeedError::notFound(u"crate `%1` is not pinned to a connector"_s.arg(lowerName));
    return {};
}
