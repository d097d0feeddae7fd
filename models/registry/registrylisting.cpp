// SPDX-License-Identifier: GPL-3.0-or-later
// RegistryClient's listing of a feed's crates: ProGet's Packages API or crates.io-style pages.
#include "registryclient.h"

#include "net/httpclient.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUrlQuery>

using namespace Qt::Literals::StringLiterals;

namespace {

// A license as listings spell it: an SPDX string, or ProGet's list of codes or {code} objects.
QString licenseOf(const QJsonObject &object)
{
    if (const QJsonValue license = object.value(u"license"_s); license.isString())
        return license.toString().simplified();
    QStringList codes;
    for (const QJsonValue &value : object.value(u"licenses"_s).toArray()) {
        const QString code = value.isObject() ? value.toObject().value(u"code"_s).toString() : value.toString();
        if (!code.simplified().isEmpty())
            codes << code.simplified();
    }
    return codes.join(u" OR "_s);
}

// ProGet's PackageVersionInfo: unlisted is how ProGet yanks; allowDownload false blocks.
CrateSummary fromProGet(const QJsonObject &package)
{
    CrateSummary crate {package.value(u"name"_s).toString(), package.value(u"version"_s).toString(), {}, licenseOf(package)};
    crate.yanked = package.value(u"listed"_s) == QJsonValue(false);
    crate.blocked = package.value(u"allowDownload"_s) == QJsonValue(false);
    return crate;
}

// A crates.io-style search hit; crates.io gives no license there, the local feed and some
// private registries do.
CrateSummary fromCratesIoStyle(const QJsonObject &hit)
{
    QString latest = hit.value(u"max_version"_s).toString();
    if (latest.isEmpty())
        latest = hit.value(u"newest_version"_s).toString();
    CrateSummary crate {hit.value(u"name"_s).toString(), latest, hit.value(u"description"_s).toString(), licenseOf(hit)};
    crate.yanked = hit.value(u"yanked"_s) == QJsonValue(true);
    return crate;
}

} // namespace

RegistryReply *RegistryClient::listCrates(const QString &from, int maxPages)
{
    auto *reply = new RegistryReply(this);
    withConfig(reply, [this, reply, from, maxPages](const RegistryError &configError) {
        if (configError)
            return reply->finish(configError);
        if (isProGet()) {
            return requestProGet(reply, u"/latest"_s, [reply](const QByteArray &body) {
                const QJsonArray packages = QJsonDocument::fromJson(body).array();
                for (const QJsonValue &value : packages)
                    reply->crates.append(fromProGet(value.toObject()));
                Q_EMIT reply->cratesAdded(0);
                reply->finish();
            });
        }
        if (m_config->api.isEmpty())
            return reply->finish(RegistryError::make(RegistryError::Kind::Http,
                tr("%1 has no web API, so its crates cannot be listed; open crates by name instead").arg(m_feed.name)));
        listPage(reply, from.isEmpty() ? u"?page=1&per_page=100"_s : from, maxPages > 0 ? maxPages : -1);
    });
    return reply;
}

void RegistryClient::listPage(RegistryReply *reply, const QString &query, int pagesLeft)
{
    constexpr int PerPage = 100;
    constexpr int MaxPages = 5000; // 500,000 crates: more than crates.io has
    HttpRequest request;
    request.url = m_config->apiUrl(u"/crates"_s + query);
    request.headers.emplaceBack("Accept", "application/json");
    HttpJob *job = send(request, m_config->authRequired);
    reply->track(job);
    connect(job, &HttpJob::finished, reply, [this, reply, job, query, pagesLeft] {
        const HttpResponse &response = job->response();
        if (response.error)
            return reply->finish(explain(response.error));
        const QJsonObject result = QJsonDocument::fromJson(response.body).object();
        const QJsonArray crates = result.value(u"crates"_s).toArray();
        const qsizetype first = reply->crates.size();
        for (const QJsonValue &value : crates)
            reply->crates.append(fromCratesIoStyle(value.toObject()));
        if (!crates.isEmpty())
            Q_EMIT reply->cratesAdded(first);

        // Where the server says the next page is (crates.io: seek pagination, because deep
        // page numbers are refused there), else the next page number while `total` says so.
        const QJsonObject meta = result.value(u"meta"_s).toObject();
        const int page = QUrlQuery(query.mid(query.indexOf(u'?') + 1)).queryItemValue(u"page"_s).toInt();
        QString next = meta.value(u"next_page"_s).toString();
        if (!next.isEmpty() && !next.startsWith(u'?'))
            next = u'?' + QUrl(next).query(QUrl::FullyEncoded); // an absolute or path form
        if (next.isEmpty() && page > 0 && page < MaxPages && qint64(page) * PerPage < meta.value(u"total"_s).toInteger())
            next = u"?page=%1&per_page=%2"_s.arg(page + 1).arg(PerPage);
        if (crates.isEmpty() || next == query || reply->crates.size() >= MaxPages * PerPage)
            next.clear(); // an empty page, or a server pointing at the same page again: the end
        if (next.isEmpty())
            return reply->finish();
        if (pagesLeft == 1) {
            reply->nextPage = next;
            return reply->finish();
        }
        listPage(reply, next, pagesLeft - 1);
    });
}
