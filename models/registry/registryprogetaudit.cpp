// SPDX-License-Identifier: GPL-3.0-or-later
// RegistryClient's use of ProGet's audit APIs: what the server says of a package version
// (status, license compliance, assessed vulnerabilities) and which known vulnerabilities
// name the packages of a lockfile.
#include "registryclient.h"

#include "cargotypes/cratename.h"
#include "net/httpclient.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUrlQuery>

using namespace Qt::Literals::StringLiterals;

RegistryReply *RegistryClient::proGetMetadata(const QString &crate, const QString &version)
{
    auto *reply = new RegistryReply(this);
    withConfig(reply, [this, reply, crate, version](const RegistryError &configError) {
        if (configError)
            return reply->finish(configError);
        if (const QString invalid = CrateName::validationError(crate); !invalid.isEmpty())
            return reply->finish(RegistryError::make(RegistryError::Kind::NotFound, invalid));
        QUrlQuery query;
        query.addQueryItem(u"name"_s, crate);
        query.addQueryItem(u"version"_s, QString::fromLatin1(QUrl::toPercentEncoding(version)));
        requestProGet(reply, u"/metadata?"_s + query.toString(QUrl::FullyEncoded), [this, reply, crate, version](const QByteArray &body) {
            reply->json = QJsonDocument::fromJson(body);
            if (!reply->json.isObject())
                return reply->finish(RegistryError::make(RegistryError::Kind::Parse,
                                                         tr("%1's metadata of %2@%3 is not a JSON object").arg(m_feed.name, crate, version)));
            reply->finish();
        });
    });
    return reply;
}

RegistryReply *RegistryClient::proGetVulnerabilityAudit(const QList<std::pair<QString, QString>> &packages)
{
    auto *reply = new RegistryReply(this);
    withConfig(reply, [this, reply, packages](const RegistryError &configError) {
        if (configError)
            return reply->finish(configError);
        const QUrl url = proGetServerUrl(u"/api/sca/audit-package-vulns"_s);
        if (!url.isValid())
            return reply->finish(RegistryError::make(RegistryError::Kind::Http, tr("%1 is not a ProGet Cargo feed (…/cargo/FEED/)").arg(m_feed.name)));
        QJsonArray body;
        for (const auto &[name, version] : packages)
            body.append(QJsonObject{{u"type"_s, u"cargo"_s}, {u"name"_s, name}, {u"version"_s, version}});
        HttpRequest request;
        request.url = url;
        request.verb = "POST";
        request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        request.headers.emplaceBack("Content-Type", "application/json");
        request.headers.emplaceBack("Accept", "application/json");
        callProGet(reply, request, [this, reply](const QByteArray &answer) {
            finishWithJsonList(reply, answer, tr("%1's vulnerability audit is not a JSON list").arg(m_feed.name));
        });
    });
    return reply;
}
