// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractHttpServer>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QUrl>

class QTcpServer;

// A ProGet management API on 127.0.0.1 port 0 that follows the shapes of proget-api.md:
// /api/management/connectors/{list,get,create,update,delete} and
// /api/management/feeds/{get,update}, X-ApiKey required (403 with ProGet's plain-text
// message otherwise), partial updates whose arrays replace, connector delete by POST or
// DELETE, and X-ProGet-Version / X-ProGet-Edition on every response. In memory only.
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

    QMap<QString, QJsonObject> connectors() const { return m_connectors; }
    QJsonObject feed(const QString &name) const { return m_feeds.value(name); }
    QList<Request> requests() const { return m_requests; }

protected:
    bool handleRequest(const QHttpServerRequest &request, QHttpServerResponder &responder) override;
    void missingHandler(const QHttpServerRequest &request, QHttpServerResponder &responder) override;

private:
    void reply(QHttpServerResponder &responder, int status, const QByteArray &body, const QByteArray &type);

    QByteArray m_apiKey;
    QByteArray m_edition = "Basic";
    QByteArray m_deleteVerb = "POST";
    QTcpServer *m_tcp = nullptr;
    QMap<QString, QJsonObject> m_connectors;
    QMap<QString, QJsonObject> m_feeds;
    QList<Request> m_requests;
};
