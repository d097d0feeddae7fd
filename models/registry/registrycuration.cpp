// SPDX-License-Identifier: GPL-3.0-or-later
// RegistryClient's curation questions: a CrateDesk feed's curation report, and what depends
// on a crate as far as the cached index files of a feed tell.
#include "registryclient.h"

#include "cargotypes/cratename.h"
#include "cargotypes/indexfileparser.h"
#include "net/httpclient.h"
#include "storage/indexcache.h"
#include "storage/indexcachestore.h"

#include <QFutureWatcher>
#include <QJsonDocument>
#include <QtConcurrentRun>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

RegistryReply *RegistryClient::curation(const QString &crate)
{
    auto *reply = new RegistryReply(this);
    if (const QString invalid = CrateName::validationError(crate); !invalid.isEmpty()) {
        QMetaObject::invokeMethod(reply, [reply, invalid] { reply->finish(RegistryError::make(RegistryError::Kind::NotFound, invalid)); },
                                  Qt::QueuedConnection);
        return reply;
    }
    withConfig(reply, [this, reply, crate](const RegistryError &configError) {
        if (configError)
            return reply->finish(configError);
        HttpRequest request;
        request.url = m_feed.indexUrl.resolved(QUrl(u"cratedesk/v1/curation/"_s + crate.toLower()));
        request.headers.emplaceBack("Accept", "application/json");
        HttpJob *job = send(request, m_config->authRequired);
        reply->track(job);
        connect(job, &HttpJob::finished, reply, [reply, job, crate] {
            const HttpResponse &response = job->response();
            if (response.error)
                return reply->finish(response.error);
            reply->json = QJsonDocument::fromJson(response.body);
            if (!reply->json.isObject())
                return reply->finish(RegistryError::make(RegistryError::Kind::Parse, tr("the curation report of %1 is not a JSON object").arg(crate)));
            reply->finish();
        });
    });
    return reply;
}

RegistryReply *RegistryClient::cachedReverseDependencies(const QString &crate)
{
    if (!CrateName::validationError(crate).isEmpty())
        return invalidName(crate);
    auto *reply = new RegistryReply(this);
    if (!m_cache) {
        QMetaObject::invokeMethod(reply, [reply] { reply->finish(RegistryError::make(RegistryError::Kind::NotFound, tr("no index cache"))); },
                                  Qt::QueuedConnection);
        return reply;
    }
    // LIKE's '_' matches one character: "serde_json" and "serde-json" alike, as cargo's names
    // are the same crate; a rename names it as "package". The parse below decides.
    QString name = u"%\"name\":\""_s + crate + u"\"%"_s;
    QString renamed = u"%\"package\":\""_s + crate + u"\"%"_s;
    name.replace(u'-', u'_');
    renamed.replace(u'-', u'_');
    auto scan = [path = m_cache->path(), key = feedKey(), crate, patterns = QStringList{name, renamed}] {
        constexpr int MaxFiles = 5000;
        QList<ReverseDependency> found;
        for (const QByteArray &body : IndexCacheStore::bodiesMatching(path, key, patterns, MaxFiles)) {
            if (const auto dependent = ReverseDependency::newestIn(IndexFileParser::parse(body).entries, crate))
                found.append(*dependent);
        }
        std::ranges::sort(found, [](const ReverseDependency &a, const ReverseDependency &b) { return a.crate < b.crate; });
        return found;
    };
    auto *watcher = new QFutureWatcher<QList<ReverseDependency>>(reply);
    connect(watcher, &QFutureWatcherBase::finished, reply, [reply, watcher] {
        reply->dependents = watcher->result();
        reply->finish();
    });
    watcher->setFuture(QtConcurrent::run(scan));
    return reply;
}
