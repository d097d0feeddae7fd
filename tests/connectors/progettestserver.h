// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractHttpServer>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QUrl>

class QTcpServer;

// A ProGet management API on 127.0.0.1 port 0 that follows the shapes of proget-api.md:
// /api/management/connectors/{list,get,create,update,delete} and
// /api/management/feeds/{get,update}, X-ApiKey required (403 with ProGet's plain-text
// message otherwise), partial updates whose arrays replace, connector delete by POST or
// DELETE, and X-ProGet-Version / X-ProGet-Edition on every response. Cargo feeds at
// /cargo/FEED/ (a sparse index, read without a key) and the promotion API,
// /api/promotions/{promote,list}, which moves index lines between them. The audit APIs:
// /api/packages/FEED/metadata (what setMetadata gave, or a plain "Local" answer for a version
// the feed has, 404 otherwise) and POST /api/sca/audit-package-vulns (from addVulnerability;
// 404 after setOffersVulnerabilityAudit(false), as an older server). In memory only.
class ProGetTestServer final : public QAbstractHttpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProGetTestServer)

public:
    struct Request
    {
        QByteArray method;
        QString path;
        QByteArray apiKey;
        QByteArray body;
    };

    explicit ProGetTestServer(const QByteArray &apiKey, QObject *parent = nullptr);
    ~ProGetTestServer() override;

    bool listen();
    QUrl url() const;

    void setEdition(const QByteArray &edition) { m_edition = edition; }
    void setDeleteVerb(const QByteArray &verb) { m_deleteVerb = verb; } // the one it accepts
    void addFeed(const QJsonObject &feed);

    void addCargoFeed(const QString &feed) { m_cargo[feed]; }
    // A record /api/promotions/list answers with, as ProGet's (or a hostile server's) own.
    void addPromotionRecord(const QJsonObject &record) { m_promotions.append(record); }
    // A Cargo feed's index line (a JSON object with at least name and vers).
    void addCargoVersion(const QString &feed, const QJsonObject &line);
    QUrl cargoIndexUrl(const QString &feed) const;
    // What /api/packages/FEED/metadata answers for NAME@VERSION, raw (a hostile server's too).
    void setMetadata(const QString &feed, const QString &name, const QString &version, const QByteArray &json)
    {
        m_metadata.insert(feed + u'/' + name + u'@' + version, json);
    }
    // A VulnerabilityInfo of the batch audit, naming NAME@VERSION (affectedPackages filled in).
    void addVulnerability(const QString &name, const QString &version, const QJsonObject &info)
    {
        m_vulnerabilities.append({name + u'@' + version, info});
    }
    void setOffersVulnerabilityAudit(bool offers) { m_offersVulnerabilityAudit = offers; }
    QList<QJsonObject> cargoVersions(const QString &feed) const { return m_cargo.value(feed); }

    QMap<QString, QJsonObject> connectors() const { return m_connectors; }
    QJsonObject feed(const QString &name) const { return m_feeds.value(name); }
    QList<Request> requests() const { return m_requests; }

protected:
    bool handleRequest(const QHttpServerRequest &request, QHttpServerResponder &responder) override;
    void missingHandler(const QHttpServerRequest &request, QHttpServerResponder &responder) override;

private:
    bool handleCargo(const QStringList &segments, QHttpServerResponder &responder);
    void handleMetadata(const QString &feed, const QHttpServerRequest &request, QHttpServerResponder &responder);
    void handleVulnerabilityAudit(const QHttpServerRequest &request, QHttpServerResponder &responder);
    void handlePromotions(const QHttpServerRequest &request, const QString &action, QHttpServerResponder &responder);
    void reply(QHttpServerResponder &responder, int status, const QByteArray &body, const QByteArray &type);

    QByteArray m_apiKey;
    QByteArray m_edition = "Basic";
    QByteArray m_deleteVerb = "POST";
    QTcpServer *m_tcp = nullptr;
    QMap<QString, QJsonObject> m_connectors;
    QMap<QString, QJsonObject> m_feeds;
    QList<Request> m_requests;
    QMap<QString, QList<QJsonObject>> m_cargo; // feed -> index lines
    QJsonArray m_promotions;                   // what /api/promotions/list answers from
    QHash<QString, QByteArray> m_metadata;     // "feed/name@version" -> metadata answer
    QList<std::pair<QString, QJsonObject>> m_vulnerabilities; // "name@version", VulnerabilityInfo
    bool m_offersVulnerabilityAudit = true;
};
