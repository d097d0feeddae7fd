// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectorstore.h"
#include "upstreamconnector.h"
#include "curation/advisorydatabase.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>

#include <functional>
#include <optional>

struct IndexEntry;

class HttpClient;
class SecretStore;

// The local feed's upstreams together: asks its connectors in order for crates the feed does
// not hold, applies each connector's curation (filters, approved list, license rules) and
// rewrites the index lines it serves so that cargo resolves and downloads through the local
// feed only. Keeps why each crate or version was left out, for CrateDesk to show.
class ConnectorHub final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectorHub)

public:
    // A version the connector's policy refuses. It stays in the served index file marked
    // yanked, so that a new resolution skips it and a lockfile that pins it hears why.
    struct Hidden
    {
        QString vers;
        QString reason;
        int status = 451;  // 451: blocked; 403: held until `until`
        QDateTime since;   // when the feed first saw it listed (or saw it change)
        QDateTime until;   // held: when it becomes available
    };

    struct Result
    {
        enum class State { Found, NotFound, Failed };
        State state = State::NotFound;
        QString connector;
        QByteArray body;               // the served lines, each ending in '\n'
        QByteArray etag;               // of body alone, computed once per upstream change
        QList<QByteArray> lines;
        QHash<QString, QString> cksums; // vers -> cksum of every served version
        QHash<QString, QString> licenses;
        QList<Hidden> hidden;
        QStringList available; // served and not yanked upstream: what `--precise` may name
        QHash<QString, QStringList> advisories; // vers -> "RUSTSEC-…: title" of served versions
        QDateTime recheckAt;   // the first time a held version comes free: judge again then
        QString reason; // NotFound/Failed: why, in words
        bool blocked = false; // NotFound: kept out by a connector's filters, approved list or a pin
        bool stale = false;
    };
    using ResultCallback = std::function<void(const Result &)>;

    struct Crate
    {
        int status = 200; // 200, or the HTTP status to answer with
        QString path;
        QString reason;
        qint64 retryAfterSeconds = 0; // held: until it comes free
    };
    using CrateCallback = std::function<void(const Crate &)>;

    ConnectorHub(ConnectorStore *store, HttpClient *http, SecretStore *secrets, QObject *parent = nullptr);
    ~ConnectorHub() override;

    // (Re)reads the connectors from the store and their secrets from the keychain.
    void reload();
    // The largest .crate any connector takes from its upstream: the feed's own maximum.
    void setMaxCrateBytes(qint64 bytes) { m_maxCrateBytes = bytes; }
    bool isEmpty() const { return m_connectors.isEmpty(); }
    QList<UpstreamConnector *> connectors() const { return m_connectors; }

    void index(const QString &lowerName, ResultCallback done);
    // The connector a crate name is pinned to, if any: a local publish of it is refused.
    std::optional<ConnectorStore::Pin> pinOf(const QString &lowerName) const;
    void crate(const QString &name, const QString &vers, CrateCallback done);
    // What CrateDesk shows: where the crate comes from, and every version left out and why.
    void curation(const QString &lowerName, std::function<void(const QJsonObject &)> done);

Q_SIGNALS:
    // The upstream listed other bytes for versions it had published: they are refused from now.
    void upstreamChanged(const QString &connector, const QString &lowerName, const QStringList &versions);

private:
    void indexFrom(qsizetype position, const QString &lowerName, QStringList reasons, bool blocked, ResultCallback done);
    Result process(UpstreamConnector *connector, const QString &lowerName, const UpstreamConnector::Index &index);
    QByteArray servedLine(const QByteArray &raw, const IndexEntry &entry, bool refused) const;
    std::optional<Hidden> refusal(const ConnectorConfig &config, const IndexEntry &entry, const QString &license,
                                  const ConnectorStore::SeenVersion &seen, const QList<Advisory> &advisories,
                                  const QDateTime &now) const;
    std::optional<Hidden> severityRefusal(const ConnectorConfig &config, const QString &vers, const QList<Advisory> &advisories,
                                          const ConnectorStore::SeenVersion &seen) const;
    QList<Advisory> advisoriesFor(const ConnectorConfig &config, const IndexEntry &entry) const;
    static QString refusalText(const QString &name, const QString &connector, const Hidden &hidden, const QStringList &available);

    ConnectorStore *m_store;
    HttpClient *m_http;
    SecretStore *m_secrets;
    QList<UpstreamConnector *> m_connectors;
    struct Processed
    {
        quint64 generation = 0;
        Result result;
    };
    QHash<QString, Processed> m_processed; // "connector/name"
    qint64 m_maxCrateBytes = 0;            // 0: the connectors' default
    QHash<QString, std::shared_ptr<const AdvisoryDatabase>> m_advisories; // by folder, read at reload()
};
