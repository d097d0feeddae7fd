// SPDX-License-Identifier: GPL-3.0-or-later
#include "feedownershipcheck.h"

#include "localfeed/feedownership.h"
#include "localfeed/localfeedlocations.h"
#include "net/httpclient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTimer>
#include <QUrlQuery>

using namespace Qt::Literals::StringLiterals;

FeedOwnershipCheck::FeedOwnershipCheck(HttpClient *http, QObject *parent)
    : QObject(parent)
    , m_http(http)
{
}

FeedOwnershipCheck::~FeedOwnershipCheck() = default;

void FeedOwnershipCheck::verify(const QUrl &indexUrl, const QString &dataDir, Done done)
{
    const QUrl base = LocalFeedLocations::canonicalBaseUrl(indexUrl);
    const QString where = indexUrl.toDisplayString();
    const auto refuse = [done, where](const QString &why) {
        done(u"no token for %1: %2"_s.arg(where, why));
    };
    QString error;
    const QByteArray secret = FeedOwnership::readSecret(dataDir, &error);
    if (base.isEmpty() || secret.isEmpty()) {
        // Answer from the event loop, as any other outcome, so callers see one order.
        QTimer::singleShot(0, this, [refuse, error, base] { refuse(base.isEmpty() ? u"it is not a local feed's URL"_s : error); });
        return;
    }
    const QByteArray nonce = FeedOwnership::newNonce();
    HttpRequest request;
    request.url = indexUrl.resolved(QUrl(u"cratedesk/v1/proof"_s));
    request.url.setQuery(QUrlQuery{{u"nonce"_s, QString::fromLatin1(nonce)}});
    request.maxBodyBytes = MaxAnswerBytes;
    request.retryable = false;
    request.maxRetries = 0;
    request.timeoutMs = TimeoutMs;
    const QByteArray expected = FeedOwnership::proof(secret, nonce, base);
    HttpJob *job = m_http->send(request);
    // timeoutMs counts silence; a server that drips bytes is cut off here, whatever it sends.
    QTimer::singleShot(TimeoutMs, job, &HttpJob::cancel);
    const QUrl asked = request.url;
    connect(job, &HttpJob::finished, this, [job, asked, expected, refuse, dataDir, done] {
        const HttpResponse &response = job->response();
        const QString notOurs = u"the server there did not prove that it serves the local feed of %1, so it may be another "
                                u"program listening on the feed's port"_s.arg(dataDir);
        if (response.error.kind == RegistryError::Kind::Network)
            return refuse(u"the local feed is not running there (%1); start it and try again"_s.arg(response.error.message));
        if (response.error.kind == RegistryError::Kind::Cancelled || response.error.kind == RegistryError::Kind::Timeout)
            return refuse(u"%1 (it did not answer within %2 s)"_s.arg(notOurs).arg(TimeoutMs / 1000));
        if (response.error.kind == RegistryError::Kind::TooLarge)
            return refuse(u"%1 (its answer is larger than %2 bytes)"_s.arg(notOurs).arg(MaxAnswerBytes));
        if (response.status != 200 || response.finalUrl != asked)
            return refuse(u"%1 (HTTP %2 to its ownership proof)"_s.arg(notOurs).arg(response.status));
        const QByteArray proof = QJsonDocument::fromJson(response.body).object().value(u"proof"_s).toString().toLatin1();
        if (!FeedOwnership::equalConstantTime(proof, expected))
            return refuse(u"%1 (its ownership proof is wrong)"_s.arg(notOurs));
        done({});
    });
}
