// SPDX-License-Identifier: GPL-3.0-or-later
#include "progetmanagementclient.h"

#include "net/httpclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>

using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcProGet, "cratedesk.proget")

ProGetCall::ProGetCall(QObject *parent)
    : QObject(parent)
{
}

ProGetCall::~ProGetCall() = default;

void ProGetCall::cancel()
{
    if (m_job)
        m_job->cancel();
    else if (!m_finished)
        finish(RegistryError::make(RegistryError::Kind::Cancelled, tr("cancelled")));
}

void ProGetCall::finish(const RegistryError &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = error;
    Q_EMIT finished();
    deleteLater();
}

ProGetManagementClient::ProGetManagementClient(const QUrl &server, HttpClient *http, QObject *parent)
    : QObject(parent)
    , m_server(server)
    , m_http(http)
{
}

ProGetManagementClient::~ProGetManagementClient() = default;

void ProGetManagementClient::noticeHeaders(const HttpResponse &response)
{
    const QByteArray edition = response.header("X-ProGet-Edition");
    const QByteArray version = response.header("X-ProGet-Version");
    if (edition.isEmpty() && version.isEmpty())
        return;
    const ProGetEdition seen{QString::fromLatin1(version), QString::fromLatin1(edition)};
    if (seen.edition != m_edition.edition || seen.version != m_edition.version) {
        m_edition = seen;
        Q_EMIT editionChanged(m_edition);
    }
}

// What was being done, as the start of a sentence whose reason follows a colon.
QString ProGetManagementClient::failedAction(Action action, const QString &subject) const
{
    const QString server = m_server.toDisplayString(QUrl::RemoveUserInfo);
    switch (action) {
    case Action::ListConnectors: return tr("cannot list the connectors of %1").arg(server);
    case Action::ReadConnector: return tr("cannot read connector %1 on %2").arg(subject, server);
    case Action::CreateConnector: return tr("cannot create connector %1 on %2").arg(subject, server);
    case Action::UpdateConnector: return tr("cannot update connector %1 on %2").arg(subject, server);
    case Action::DeleteConnector: return tr("cannot delete connector %1 on %2").arg(subject, server);
    case Action::ChangeFilters: return tr("cannot change the filters of connector %1 on %2").arg(subject, server);
    case Action::ReadFeed: return tr("cannot read feed %1 on %2").arg(subject, server);
    case Action::UpdateFeedConnectors: return tr("cannot update the connectors of feed %1 on %2").arg(subject, server);
    }
    return {};
}

RegistryError ProGetManagementClient::explain(const RegistryError &error, Action action, const QString &subject) const
{
    QString reason = error.message;
    const QString detail = error.serverDetail.isEmpty() ? u"HTTP %1"_s.arg(error.httpStatus) : error.serverDetail;
    if (error.kind == RegistryError::Kind::Forbidden || error.kind == RegistryError::Kind::AuthRequired)
        reason = tr("the server refused the key (%1); the connector API needs a system API key with \"Manage Feeds\", "
                    "feed keys cannot use it").arg(detail);
    else if (error.kind == RegistryError::Kind::NotFound)
        reason = error.serverDetail.isEmpty() ? tr("not found", "why a call failed, after a colon") : error.serverDetail;
    RegistryError explained = error;
    explained.message = tr("%1: %2", "what failed: why").arg(failedAction(action, subject), reason);
    return explained;
}

void ProGetManagementClient::request(ProGetCall *call, const QByteArray &verb, const QString &path, const QJsonObject &body,
                                     Action action, const QString &subject, BodyCallback done, const QByteArray &fallbackVerb)
{
    HttpRequest request;
    QUrl base = m_server;
    if (!base.path().endsWith(u'/'))
        base.setPath(base.path() + u'/');
    request.url = base.resolved(QUrl(path));
    request.verb = verb;
    request.retryable = verb == "GET";
    request.headers.emplaceBack("X-ApiKey", m_apiKey);
    request.headers.emplaceBack("Accept", "application/json");
    if (!body.isEmpty()) {
        request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        request.headers.emplaceBack("Content-Type", "application/json");
    }
    HttpJob *job = m_http->send(request);
    call->m_job = job;
    connect(job, &HttpJob::finished, call, [this, call, job, verb, path, body, action, subject, done, fallbackVerb] {
        noticeHeaders(job->response());
        const RegistryError &error = job->response().error;
        if (error && job->response().status == 405 && !fallbackVerb.isEmpty())
            return this->request(call, fallbackVerb, path, body, action, subject, done, {});
        if (error)
            return call->finish(explain(error, action, subject));
        done(job->response().body);
    });
}

namespace {

QList<ProGetConnector> parseConnectors(const QByteArray &body)
{
    QList<ProGetConnector> list;
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (doc.isArray()) {
        for (const QJsonValue &value : doc.array())
            list.append(ProGetConnector::fromJson(value.toObject()));
    } else if (doc.isObject()) {
        list.append(ProGetConnector::fromJson(doc.object()));
    }
    return list;
}

} // namespace

ProGetCall *ProGetManagementClient::listConnectors()
{
    auto *call = new ProGetCall(this);
    request(call, "GET", u"api/management/connectors/list"_s, {}, Action::ListConnectors, {}, [call](const QByteArray &body) {
        call->connectors = parseConnectors(body);
        call->finish();
    });
    return call;
}

ProGetCall *ProGetManagementClient::getConnector(const QString &name)
{
    auto *call = new ProGetCall(this);
    request(call, "GET", u"api/management/connectors/get/"_s + QString::fromLatin1(QUrl::toPercentEncoding(name)), {}, Action::ReadConnector, name,
            [call](const QByteArray &body) {
                call->connectors = parseConnectors(body);
                call->finish();
            });
    return call;
}

ProGetCall *ProGetManagementClient::createConnector(const ProGetConnector &connector)
{
    auto *call = new ProGetCall(this);
    if (connector.filters && !connector.filters->isEmpty() && !m_edition.filtersLimitation().isEmpty())
        call->notices << m_edition.filtersLimitation();
    request(call, "POST", u"api/management/connectors/create"_s, connector.toJson(), Action::CreateConnector, connector.name, [call](const QByteArray &body) {
        call->connectors = parseConnectors(body);
        call->finish();
    });
    return call;
}

ProGetCall *ProGetManagementClient::updateConnector(const QString &name, const ProGetConnector &changes)
{
    auto *call = new ProGetCall(this);
    if (changes.filters && !changes.filters->isEmpty() && !m_edition.filtersLimitation().isEmpty())
        call->notices << m_edition.filtersLimitation();
    request(call, "POST", u"api/management/connectors/update/"_s + QString::fromLatin1(QUrl::toPercentEncoding(name)), changes.toJson(),
            Action::UpdateConnector, name, [call](const QByteArray &body) {
                call->connectors = parseConnectors(body);
                call->finish();
            });
    return call;
}

ProGetCall *ProGetManagementClient::deleteConnector(const QString &name)
{
    auto *call = new ProGetCall(this);
    const QString path = u"api/management/connectors/delete/"_s + QString::fromLatin1(QUrl::toPercentEncoding(name));
    // pgutil POSTs, the docs say DELETE: POST first, DELETE when the server answers 405.
    request(call, "POST", path, {}, Action::DeleteConnector, name, [call](const QByteArray &) { call->finish(); }, "DELETE");
    return call;
}

ProGetCall *ProGetManagementClient::changeFilters(const QString &connector, std::function<bool(QStringList *, QString *)> change)
{
    // Arrays replace on update: read the connector, change its list, send the whole list.
    auto *call = new ProGetCall(this);
    request(call, "GET", u"api/management/connectors/get/"_s + QString::fromLatin1(QUrl::toPercentEncoding(connector)), {},
            Action::ReadConnector, connector, [this, call, connector, change](const QByteArray &body) {
                const QList<ProGetConnector> found = parseConnectors(body);
                QStringList filters = found.isEmpty() ? QStringList() : found.first().filters.value_or(QStringList());
                QString error;
                if (!change(&filters, &error))
                    return call->finish(RegistryError::make(RegistryError::Kind::Local, error));
                ProGetConnector changes;
                changes.feedType.clear();
                changes.filters = filters;
                if (!filters.isEmpty() && !m_edition.filtersLimitation().isEmpty())
                    call->notices << m_edition.filtersLimitation();
                request(call, "POST", u"api/management/connectors/update/"_s + QString::fromLatin1(QUrl::toPercentEncoding(connector)),
                        changes.toJson(), Action::ChangeFilters, connector, [call](const QByteArray &updated) {
                            call->connectors = parseConnectors(updated);
                            call->finish();
                        });
            });
    return call;
}

ProGetCall *ProGetManagementClient::addFilter(const QString &connector, const QString &pattern)
{
    return changeFilters(connector, [pattern, connector](QStringList *filters, QString *error) {
        if (filters->contains(pattern)) {
            *error = tr("connector %1 already has the filter \"%2\"").arg(connector, pattern);
            return false;
        }
        filters->append(pattern);
        return true;
    });
}

ProGetCall *ProGetManagementClient::removeFilter(const QString &connector, const QString &pattern)
{
    return changeFilters(connector, [pattern, connector](QStringList *filters, QString *error) {
        if (!filters->removeOne(pattern)) {
            *error = tr("connector %1 has no filter \"%2\"").arg(connector, pattern);
            return false;
        }
        return true;
    });
}

ProGetCall *ProGetManagementClient::getFeed(const QString &feed)
{
    auto *call = new ProGetCall(this);
    request(call, "GET", u"api/management/feeds/get/"_s + QString::fromLatin1(QUrl::toPercentEncoding(feed)), {}, Action::ReadFeed, feed, [call](const QByteArray &body) {
        call->feed = QJsonDocument::fromJson(body).object();
        call->finish();
    });
    return call;
}

ProGetCall *ProGetManagementClient::attachConnector(const QString &feed, const QString &connector, bool attach)
{
    auto *call = new ProGetCall(this);
    const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(feed));
    request(call, "GET", u"api/management/feeds/get/"_s + encoded, {}, Action::ReadFeed, feed, [this, call, encoded, feed, connector, attach](const QByteArray &body) {
        QStringList list;
        for (const QJsonValue &value : QJsonDocument::fromJson(body).object().value(u"connectors"_s).toArray())
            list << value.toString();
        if (attach && !list.contains(connector))
            list << connector;
        if (!attach)
            list.removeAll(connector);
        const QJsonObject changes{{u"connectors"_s, QJsonArray::fromStringList(list)}};
        request(call, "POST", u"api/management/feeds/update/"_s + encoded, changes, Action::UpdateFeedConnectors, feed, [call](const QByteArray &updated) {
            call->feed = QJsonDocument::fromJson(updated).object();
            call->finish();
        });
    });
    return call;
}
