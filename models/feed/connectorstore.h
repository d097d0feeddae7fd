// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "feederror.h"
#include "connectors/connectorconfig.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

class FeedStore;

// The local feed's connectors and what it cached from their upstreams, in the feed's own
// database (schema 2): settings per connector, the upstream's config.json, index files with
// their validators and licenses, and the .crate files it downloaded (under upstream/ in the
// data folder). Same thread as the FeedStore it shares the connection with.
class ConnectorStore final
{
    Q_DISABLE_COPY_MOVE(ConnectorStore)

public:
    struct CachedIndex
    {
        int status = 0; // 200: body holds the file; 404: the upstream does not have the crate
        QByteArray body;
        QByteArray etag;
        QByteArray lastModified;
        QHash<QString, QString> licenses; // version -> SPDX expression, where known
        QDateTime fetched;
    };

    struct CachedCrate
    {
        QString path;
        QString cksum;
        QString license;
    };

    explicit ConnectorStore(FeedStore *feed);
    ~ConnectorStore();

    QString dataDir() const;

    QList<ConnectorConfig> connectors() const;
    std::optional<ConnectorConfig> connector(const QString &name) const;
    // Adds a new connector at the end, or replaces the settings of the one with that name.
    FeedError saveConnector(const ConnectorConfig &config);
    // Forgets the connector and everything cached from it.
    FeedError removeConnector(const QString &name);

    std::optional<QByteArray> cachedConfig(const QString &connector) const;
    void storeConfig(const QString &connector, const QByteArray &body);

    std::optional<CachedIndex> cachedIndex(const QString &connector, const QString &lowerName) const;
    void storeIndex(const QString &connector, const QString &lowerName, const CachedIndex &index);

    // Where a downloaded crate goes; it counts as cached once recordCrate() ran.
    QString cratePath(const QString &connector, const QString &name, const QString &vers) const;
    std::optional<CachedCrate> cachedCrate(const QString &connector, const QString &name, const QString &vers) const;
    void recordCrate(const QString &connector, const QString &name, const QString &vers, const QString &cksum,
                     const QString &license);

private:
    FeedStore *m_feed;
};
