// SPDX-License-Identifier: GPL-3.0-or-later
#include "progettestserver.h"

#include <QHttpHeaders>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpServer>
#include <QUrlQuery>

using namespace Qt::Literals::StringLiterals;

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    default:
        return "OTHER";
    }
}

// ProGet's partial update: every property given replaces the stored one, arrays included.
QJsonObject merged(QJsonObject stored, const QJsonObject &changes)
{
    for (auto it = changes.begin(); it != changes.end(); ++it)
        stored.insert(it.key(), it.value());
    return stored;
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

ProGetTestServer::ProGetTestServer(const QByteArray &apiKey, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_apiKey(apiKey)
{
}

ProGetTestServer::~ProGetTestServer() = default;

bool ProGetTestServer::listen()
{
    auto *tcp = new QTcpServer(this);
    if (!tcp->listen(QHostAddress::LocalHost, 0) || !bind(tcp)) {
        delete tcp;
        return false;
    }
    m_tcp = tcp;
    return true;
}

QUrl ProGetTestServer::url() const
{
    return QUrl(u"http://127.0.0.1:%1/"_s.arg(m_tcp ? m_tcp->serverPort() : 0));
}

void ProGetTestServer::addFeed(const QJsonObject &feed)
{
    m_feeds.insert(feed.value(u"name"_s).toString(), feed);
}

void ProGetTestServer::addCargoVersion(const QString &feed, const QJsonObject &line)
{
    m_cargo[feed].append(line);
}

QUrl ProGetTestServer::cargoIndexUrl(const QString &feed) const
{
    return url().resolved(QUrl(u"cargo/%1/"_s.arg(feed)));
}

bool ProGetTestServer::handleCargo(const QStringList &segments, QHttpServerResponder &responder)
{
    // cargo/FEED/config.json or cargo/FEED/<prefix>/NAME
    if (segments.size() < 3 || segments.at(0) != u"cargo"_s || !m_cargo.contains(segments.at(1)))
        return false;
    const QString feed = segments.at(1);
    if (segments.size() == 3 && segments.at(2) == u"config.json"_s) {
        reply(responder, 200, json(QJsonObject{{u"dl"_s, QString(cargoIndexUrl(feed).toString() + u"download"_s)}}), "application/json");
        return true;
    }
    QByteArray body;
    for (const QJsonObject &line : m_cargo.value(feed)) {
        if (line.value(u"name"_s).toString() == segments.last())
            body += json(line) + '\n';
    }
    if (body.isEmpty())
        reply(responder, 404, "Not found.", "text/plain");
    else
        reply(responder, 200, body, "text/plain");
    return true;
}

void ProGetTestServer::handleMetadata(const QString &feed, const QHttpServerRequest &request, QHttpServerResponder &responder)
{
    const QUrlQuery query(request.url());
    const QString name = query.queryItemValue(u"name"_s), version = query.queryItemValue(u"version"_s, QUrl::FullyDecoded);
    if (const auto given = m_metadata.constFind(feed + u'/' + name + u'@' + version); given != m_metadata.cend())
        return reply(responder, 200, *given, "application/json");
    const QList<QJsonObject> lines = m_cargo.value(feed);
    const bool there = std::ranges::any_of(lines, [&](const QJsonObject &line) {
        return line.value(u"name"_s).toString() == name && line.value(u"vers"_s).toString() == version;
    });
    if (!there)
        return reply(responder, 404, "Package not found.", "text/plain");
    reply(responder, 200,
          json(QJsonObject{{u"name"_s, name}, {u"version"_s, version}, {u"state"_s, u"Local"_s},
                           {u"status"_s, QJsonObject{{u"listed"_s, true}, {u"deprecated"_s, false}}}}),
          "application/json");
}

// ProGet's batch audit: each VulnerabilityInfo names the request's packages it affects by index.
void ProGetTestServer::handleVulnerabilityAudit(const QHttpServerRequest &request, QHttpServerResponder &responder)
{
    if (!m_offersVulnerabilityAudit)
        return reply(responder, 404, "Not found.", "text/plain");
    const QJsonArray asked = QJsonDocument::fromJson(request.body()).array();
    QJsonArray found;
    for (const auto &[package, info] : std::as_const(m_vulnerabilities)) {
        QJsonArray affected;
        for (qsizetype i = 0; i < asked.size(); ++i) {
            const QJsonObject p = asked.at(i).toObject();
            if (p.value(u"type"_s).toString() == u"cargo"_s && p.value(u"name"_s).toString() + u'@' + p.value(u"version"_s).toString() == package)
                affected.append(int(i));
        }
        if (!affected.isEmpty()) {
            QJsonObject answer = info;
            answer.insert(u"affectedPackages"_s, affected);
            found.append(answer);
        }
    }
    reply(responder, 200, QJsonDocument(found).toJson(QJsonDocument::Compact), "application/json");
}

// POST promote {fromFeed, toFeed, name, version}: the line goes into toFeed, with a record.
// GET list?toFeed=&package=: the records, grouped by package and version as ProGet does.
void ProGetTestServer::handlePromotions(const QHttpServerRequest &request, const QString &action, QHttpServerResponder &responder)
{
    const QJsonObject body = QJsonDocument::fromJson(request.body()).object();
    if (action == u"promote"_s && request.method() == QHttpServerRequest::Method::Post) {
        const QString from = body.value(u"fromFeed"_s).toString(), to = body.value(u"toFeed"_s).toString();
        const QString name = body.value(u"name"_s).toString(), version = body.value(u"version"_s).toString();
        const QList<QJsonObject> lines = m_cargo.value(from);
        const auto line = std::ranges::find_if(lines, [&](const QJsonObject &l) {
            return l.value(u"name"_s).toString() == name && l.value(u"vers"_s).toString() == version;
        });
        if (!m_cargo.contains(to) || line == lines.cend())
            return reply(responder, 400, "Package " + name.toUtf8() + " " + version.toUtf8() + " was not found in feed " + from.toUtf8() + ".", "text/plain");
        m_cargo[to].append(*line);
        m_promotions.append(QJsonObject{{u"group"_s, u""_s}, {u"package"_s, name}, {u"packageType"_s, u"cargo"_s}, {u"version"_s, version},
                                        {u"promotions"_s, QJsonArray{QJsonObject{{u"fromFeed"_s, from}, {u"toFeed"_s, to},
                                                                                {u"date"_s, u"2026-12-03T12:00:00Z"_s}, {u"user"_s, u"api"_s},
                                                                                {u"comments"_s, body.value(u"comments"_s)},
                                                                                {u"id"_s, int(m_promotions.size()) + 1}}}}});
        return reply(responder, 200, {}, "text/plain");
    }
    if (action == u"list"_s && request.method() == QHttpServerRequest::Method::Get) {
        const QUrlQuery query(request.url());
        QJsonArray found;
        for (const QJsonValue &record : std::as_const(m_promotions)) {
            const QJsonObject entry = record.toObject();
            const QJsonObject promotion = entry.value(u"promotions"_s).toArray().first().toObject();
            if (entry.value(u"package"_s).toString() == query.queryItemValue(u"package"_s)
                && promotion.value(u"toFeed"_s).toString() == query.queryItemValue(u"toFeed"_s))
                found.append(entry);
        }
        return reply(responder, 200, QJsonDocument(found).toJson(QJsonDocument::Compact), "application/json");
    }
    reply(responder, 405, "Method not allowed.", "text/plain");
}

void ProGetTestServer::reply(QHttpServerResponder &responder, int status, const QByteArray &body, const QByteArray &type)
{
    QHttpHeaders headers;
    headers.append(QHttpHeaders::WellKnownHeader::ContentType, type);
    headers.append("X-ProGet-Version", "2024.20");
    headers.append("X-ProGet-Edition", m_edition);
    responder.write(body, headers, static_cast<QHttpServerResponder::StatusCode>(status));
}

bool ProGetTestServer::handleRequest(const QHttpServerRequest &request, QHttpServerResponder &responder)
{
    const QByteArray method = methodName(request.method());
    const QString path = request.url().path();
    const QByteArray key = request.headers().value("X-ApiKey").toByteArray();
    m_requests.append({method, path, key, request.body()});
    const QStringList s = path.mid(1).split(u'/');
    if (handleCargo(s, responder))
        return true;
    if (key != m_apiKey) {
        reply(responder, 403, "The specified API key does not have the proper permissions to perform this action.", "text/plain");
        return true;
    }
    if (s.size() == 4 && s.at(0) == u"api"_s && s.at(1) == u"packages"_s && s.at(3) == u"metadata"_s) {
        handleMetadata(s.at(2), request, responder);
        return true;
    }
    if (s.size() == 3 && s.at(0) == u"api"_s && s.at(1) == u"sca"_s && s.at(2) == u"audit-package-vulns"_s) {
        handleVulnerabilityAudit(request, responder);
        return true;
    }
    if (s.size() == 3 && s.at(0) == u"api"_s && s.at(1) == u"promotions"_s) {
        handlePromotions(request, s.at(2), responder);
        return true;
    }
    if (s.size() < 4 || s.at(0) != u"api"_s || s.at(1) != u"management"_s) {
        reply(responder, 404, "Not found.", "text/plain");
        return true;
    }
    const QString kind = s.at(2), action = s.at(3), name = s.value(4);
    const QJsonObject body = QJsonDocument::fromJson(request.body()).object();

    if (kind == u"connectors"_s) {
        if (action == u"list"_s && method == "GET") {
            QJsonArray list;
            for (const QJsonObject &connector : std::as_const(m_connectors))
                list.append(connector);
            reply(responder, 200, QJsonDocument(list).toJson(QJsonDocument::Compact), "application/json");
        } else if (action == u"get"_s && method == "GET") {
            if (!m_connectors.contains(name))
                reply(responder, 404, "Connector not found.", "text/plain");
            else
                reply(responder, 200, json(m_connectors.value(name)), "application/json");
        } else if (action == u"create"_s && (method == "POST" || method == "PUT")) {
            const QString newName = body.value(u"name"_s).toString();
            if (newName.isEmpty() || body.value(u"url"_s).toString().isEmpty())
                reply(responder, 400, "Name and url are required.", "text/plain");
            else if (m_connectors.contains(newName))
                reply(responder, 400, "A connector with that name already exists.", "text/plain");
            else {
                QJsonObject stored = body;
                stored.remove(u"password"_s); // write-only
                m_connectors.insert(newName, stored);
                reply(responder, 200, json(stored), "application/json");
            }
        } else if (action == u"update"_s && method == "POST") {
            if (!m_connectors.contains(name)) {
                reply(responder, 404, "Connector not found.", "text/plain");
            } else {
                QJsonObject stored = merged(m_connectors.value(name), body);
                stored.remove(u"password"_s);
                m_connectors.insert(name, stored);
                reply(responder, 200, json(stored), "application/json");
            }
        } else if (action == u"delete"_s && (method == "POST" || method == "DELETE")) {
            if (method != m_deleteVerb)
                reply(responder, 405, "Method not allowed.", "text/plain");
            else if (!m_connectors.remove(name))
                reply(responder, 404, "Connector not found.", "text/plain");
            else
                reply(responder, 200, {}, "text/plain");
        } else {
            reply(responder, 405, "Method not allowed.", "text/plain");
        }
        return true;
    }
    if (kind == u"feeds"_s) {
        if (!m_feeds.contains(name)) {
            reply(responder, 404, "Feed not found.", "text/plain");
        } else if (action == u"get"_s && method == "GET") {
            reply(responder, 200, json(m_feeds.value(name)), "application/json");
        } else if (action == u"update"_s && method == "POST") {
            for (const QJsonValue &connector : body.value(u"connectors"_s).toArray()) {
                if (!m_connectors.contains(connector.toString())) {
                    reply(responder, 400, "Connector " + connector.toString().toUtf8() + " does not exist.", "text/plain");
                    return true;
                }
            }
            m_feeds.insert(name, merged(m_feeds.value(name), body));
            reply(responder, 200, json(m_feeds.value(name)), "application/json");
        } else {
            reply(responder, 405, "Method not allowed.", "text/plain");
        }
        return true;
    }
    reply(responder, 404, "Not found.", "text/plain");
    return true;
}

void ProGetTestServer::missingHandler(const QHttpServerRequest &, QHttpServerResponder &responder)
{
    reply(responder, 404, "Not found.", "text/plain");
}
