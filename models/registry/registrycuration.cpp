// SPDX-License-Identifier: GPL-3.0-or-later
// RegistryClient's call of CrateDesk's own API: a feed's curation report.
#include "registryclient.h"

#include "cargotypes/cratename.h"
#include "net/httpclient.h"

#include <QJsonDocument>

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
                return reply->finish(RegistryError::make(RegistryError::Kind::Parse, u"the curation report of %1 is not a JSON object"_s.arg(crate)));
            reply->finish();
        });
    });
    return reply;
}
