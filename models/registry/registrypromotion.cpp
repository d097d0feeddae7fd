// SPDX-License-Identifier: GPL-3.0-or-later
// RegistryClient's use of ProGet's promotion API: one server moves a version between its
// feeds itself, keeping its own records (who promoted what, when, from where).
#include "registryclient.h"

#include "cargotypes/feedurl.h"
#include "net/httpclient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

using namespace Qt::Literals::StringLiterals;

RegistryReply *RegistryClient::promoteOnProGet(const QString &fromFeed, const QString &crate, const QString &version)
{
    auto *reply = new RegistryReply(this);
    withCredentials([this, reply, fromFeed, crate, version] {
        const auto proGet = FeedUrl::proGetFeed(m_feed.indexUrl);
        if (!proGet)
            return reply->finish(RegistryError::make(RegistryError::Kind::Http, tr("%1 is not a ProGet Cargo feed (…/cargo/FEED/)").arg(m_feed.name)));
        if (m_authorization.isEmpty())
            return reply->finish(RegistryError::make(RegistryError::Kind::AuthRequired,
                tr("ProGet needs an API key with the Promote permission to promote into %1: add one to the feed").arg(m_feed.name)));
        HttpRequest request;
        request.url = proGetServerUrl(u"/api/promotions/promote"_s);
        request.verb = "POST";
        request.retryable = false;
        request.body = QJsonDocument(QJsonObject{{u"fromFeed"_s, fromFeed}, {u"toFeed"_s, proGet->feed}, {u"name"_s, crate},
                                                 {u"version"_s, version}, {u"comments"_s, u"promoted with CrateDesk"_s}})
                           .toJson(QJsonDocument::Compact);
        request.headers.emplaceBack("Content-Type", "application/json");
        callProGet(reply, request, [reply](const QByteArray &) { reply->finish(); });
    });
    return reply;
}

RegistryReply *RegistryClient::proGetPromotions(const QString &crate)
{
    auto *reply = new RegistryReply(this);
    withCredentials([this, reply, crate] {
        const auto proGet = FeedUrl::proGetFeed(m_feed.indexUrl);
        if (!proGet)
            return reply->finish(RegistryError::make(RegistryError::Kind::Http, tr("%1 is not a ProGet Cargo feed (…/cargo/FEED/)").arg(m_feed.name)));
        HttpRequest request;
        request.url = proGetServerUrl(u"/api/promotions/list"_s);
        request.url.setQuery(QUrlQuery{{u"toFeed"_s, proGet->feed}, {u"package"_s, crate}});
        request.headers.emplaceBack("Accept", "application/json");
        callProGet(reply, request, [this, reply](const QByteArray &body) {
            finishWithJsonList(reply, body, tr("%1's promotion history is not a JSON list").arg(m_feed.name));
        });
    });
    return reply;
}
