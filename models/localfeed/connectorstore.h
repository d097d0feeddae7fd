// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "feederror.h"
#include "curation/connectorconfig.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

class FeedStore;

// The local feed's connectors and what it cached from their upstreams, in the feed's own
// database (schema 2): settings per connector, index files with
// their validators and licenses, and the .crate files it downloaded (under upstream/ in the
// data folder). Same thread as the FeedStore it shares the connection with.
class ConnectorStore final
{
    Q_DECLARE_TR_FUNCTIONS(ConnectorStore)
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
    // Adds a new connector at the end, or replaces the settings of the one with that name. A
    // connector given another upstream starts with an empty cache and no pins: nothing the old
    // upstream sent is served as the new one's.
    FeedError saveConnector(const ConnectorConfig &config);
    // Forgets the connector, everything cached from it and the names pinned to it.
    FeedError removeConnector(const QString &name);

    std::optional<CachedIndex> cachedIndex(const QString &connector, const QString &lowerName) const;
    void storeIndex(const QString &connector, const QString &lowerName, const CachedIndex &index);

    // Where a downloaded crate goes, named by its sha256 alone (no name the network chose makes
    // a folder); empty for anything but a 64-hex cksum. It counts as cached once recordCrate() ran.
    QString cratePath(const QString &connector, const QString &cksum) const;
    std::optional<CachedCrate> cachedCrate(const QString &connector, const QString &name, const QString &vers) const;
    void recordCrate(const QString &connector, const QString &name, const QString &vers, const QString &cksum,
                     const QString &license);

    // An upstream version as the feed first saw it listed. Neither field ever moves: another
    // sha256 listed later is kept as the change an owner has to accept.
    struct SeenVersion
    {
        QString cksum;
        QDateTime firstSeen;
        QString changedCksum; // empty unless the upstream changed the version's bytes
        QDateTime changedSeen;
    };
    struct Listed
    {
        QString vers;
        QString cksum;
    };
    // Records the versions listed now that were never seen and every first change of a seen
    // one's sha256, in one transaction; returns what the feed knows of each listed version.
    // `changedNow` gets the versions whose change this call recorded.
    QHash<QString, SeenVersion> noteListed(const QString &connector, const QString &lowerName, const QList<Listed> &listed,
                                           QStringList *changedNow = nullptr);
    struct ChangedVersion
    {
        QString connector;
        QString name;
        QString vers;
        SeenVersion seen;
    };
    QList<ChangedVersion> changedVersions() const;
    // An owner trusts the upstream's new bytes for `vers`: they become the version's sha256.
    FeedError acceptChange(const QString &connector, const QString &lowerName, const QString &vers);

    // A crate name served from an upstream belongs to that connector from then on: another
    // connector or a local publish cannot take it over without an owner unpinning it.
    struct Pin
    {
        QString name; // lower case
        QString connector;
        QDateTime pinned;
    };
    std::optional<Pin> pin(const QString &lowerName) const;
    QList<Pin> pins() const;
    // Pins `lowerName` to `connector` unless it is pinned already; returns the pin in force.
    std::optional<Pin> pinIfFree(const QString &lowerName, const QString &connector);
    FeedError unpin(const QString &lowerName);

private:
    void forgetUpstream(const QString &connector, bool withPins);

    FeedStore *m_feed;
};
