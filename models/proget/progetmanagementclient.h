// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "progetconnector.h"
#include "cargotypes/registryerror.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>

class HttpClient;
class HttpJob;
struct HttpResponse;

// One call to ProGet's management API. Finishes exactly once; the client deletes it
// afterwards, so read the results in the slot connected to finished().
class ProGetCall final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProGetCall)

public:
    explicit ProGetCall(QObject *parent = nullptr);
    ~ProGetCall() override;

    const RegistryError &error() const { return m_error; }
    bool isFinished() const { return m_finished; }
    void cancel();

    QList<ProGetConnector> connectors; // list, and get/create/update as one entry
    QJsonObject feed;                  // feed calls: the feed as the server returned it
    QStringList notices;               // edition limits and the like, said plainly

Q_SIGNALS:
    void finished();

private:
    friend class ProGetManagementClient;
    void finish(const RegistryError &error = {});

    RegistryError m_error;
    bool m_finished = false;
    QPointer<HttpJob> m_job;
};

// ProGet's connector and feed management API (/api/management/connectors/*,
// /api/management/feeds/*) with X-ApiKey. Updates are partial and arrays replace, so
// adding a filter or attaching a connector reads the object first and sends the whole list.
// Every response's X-ProGet-Version / X-ProGet-Edition is remembered, and calls that use a
// paid feature on a Free server carry a plain notice.
class ProGetManagementClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProGetManagementClient)

public:
    ProGetManagementClient(const QUrl &server, HttpClient *http, QObject *parent = nullptr);
    ~ProGetManagementClient() override;

    void setApiKey(const QByteArray &key) { m_apiKey = key; }
    QUrl server() const { return m_server; }
    const ProGetEdition &edition() const { return m_edition; }

    ProGetCall *listConnectors();
    ProGetCall *getConnector(const QString &name);
    ProGetCall *createConnector(const ProGetConnector &connector);
    // Partial: only the fields set in `changes` (name is the one to update) are sent.
    ProGetCall *updateConnector(const QString &name, const ProGetConnector &changes);
    ProGetCall *deleteConnector(const QString &name);
    ProGetCall *addFilter(const QString &connector, const QString &pattern);
    ProGetCall *removeFilter(const QString &connector, const QString &pattern);

    ProGetCall *getFeed(const QString &feed);
    // Attaches (or with attach=false detaches) a connector: the feed's whole list is sent.
    ProGetCall *attachConnector(const QString &feed, const QString &connector, bool attach = true);

Q_SIGNALS:
    void editionChanged(const ProGetEdition &edition);

private:
    // What a request does, so that its error can say so in one whole sentence.
    enum class Action {
        ListConnectors,
        ReadConnector,
        CreateConnector,
        UpdateConnector,
        DeleteConnector,
        ChangeFilters, // of a connector
        ReadFeed,
        UpdateFeedConnectors,
    };
    using BodyCallback = std::function<void(const QByteArray &body)>;
    // `subject` names the connector or feed the action is about (none for ListConnectors).
    void request(ProGetCall *call, const QByteArray &verb, const QString &path, const QJsonObject &body, Action action,
                 const QString &subject, BodyCallback done, const QByteArray &fallbackVerb = {});
    void noticeHeaders(const HttpResponse &response);
    QString failedAction(Action action, const QString &subject) const;
    RegistryError explain(const RegistryError &error, Action action, const QString &subject) const;
    ProGetCall *changeFilters(const QString &connector, std::function<bool(QStringList *, QString *)> change);

    QUrl m_server;
    HttpClient *m_http;
    QByteArray m_apiKey;
    ProGetEdition m_edition;
};
