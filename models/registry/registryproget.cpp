// SPDX-License-Identifier: GPL-3.0-or-later
// RegistryClient's plumbing for ProGet's own APIs: telling ProGet apart, where its Packages
// API lives for a feed, and one way to call any of its endpoints.
#include "registryclient.h"

#include "cargotypes/feedurl.h"
#include "net/httpclient.h"

#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

QUrl RegistryClient::proGetServerUrl(const QString &path) const
{
    const auto proGet = FeedUrl::proGetFeed(m_feed.indexUrl);
    if (!proGet)
        return {};
    QUrl url = proGet->server;
    url.setPath(proGet->server.path() + path);
    return url;
}

void RegistryClient::notice(const HttpResponse &response)
{
    // pgutil tells ProGet apart the same way: by the headers every ProGet answer carries.
    const QByteArray version = response.header("X-ProGet-Version");
    const QByteArray edition = response.header("X-ProGet-Edition");
    if (!version.isEmpty() || !edition.isEmpty())
        m_proGetVersion = QString::fromLatin1(version.isEmpty() ? edition : version);
}

QUrl RegistryClient::proGetUrl(const QString &path) const
{
    // ProGet's Packages API for a Cargo feed is at {server}/api/packages/{feed}.
    const auto proGet = FeedUrl::proGetFeed(m_feed.indexUrl);
    return proGet ? proGetServerUrl(u"/api/packages/"_s + proGet->feed + path) : QUrl();
}

void RegistryClient::requestProGet(
    RegistryReply *reply, const QString &pathAndQuery, std::function<void(const QByteArray &)> done)
{
    const qsizetype question = pathAndQuery.indexOf(u'?');
    QUrl url = proGetUrl(question < 0 ? pathAndQuery : pathAndQuery.left(question));
    if (question >= 0)
        url.setQuery(pathAndQuery.mid(question + 1));
    if (!url.isValid())
        return reply->finish(RegistryError::make(RegistryError::Kind::Http,
            tr("%1 is a ProGet server, but its index URL does not look like …/cargo/FEED/").arg(m_feed.name)));
    HttpRequest request;
    request.url = url;
    request.headers.emplaceBack("Accept", "application/json");
    callProGet(reply, request, std::move(done));
}

void RegistryClient::callProGet(RegistryReply *reply, HttpRequest request, std::function<void(const QByteArray &)> done)
{
    // ProGet's API takes an API key as X-ApiKey; Basic credentials as they are.
    if (m_feed.auth == Feed::AuthKind::Token && !m_authorization.isEmpty())
        request.setSecretHeader("X-ApiKey", m_authorization);
    HttpJob *job = send(request, m_feed.auth == Feed::AuthKind::Basic);
    reply->track(job);
    connect(job, &HttpJob::finished, reply, [this, reply, job, done = std::move(done)] {
        const HttpResponse &response = job->response();
        notice(response);
        if (response.error)
            return reply->finish(explain(response.error));
        done(response.body);
    });
}

void RegistryClient::finishWithJsonList(RegistryReply *reply, const QByteArray &body, const QString &notAList)
{
    reply->json = QJsonDocument::fromJson(body);
    if (!reply->json.isArray())
        return reply->finish(RegistryError::make(RegistryError::Kind::Parse, notAList));
    reply->finish();
}
