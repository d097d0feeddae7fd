// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpclient.h"

#include "gzipstream.h"
#include "uploadbodydevice.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QTimeZone>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcHttp, "cratedesk.http", QtInfoMsg)

namespace {

bool isRedirect(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

QString byteCount(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

// Errors that a second try may not see, as cargo treats them ("spurious").
bool isTransient(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // the transfer timeout, when we did not cancel
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::ConnectionRefusedError:
        return true;
    default:
        return false;
    }
}

// The server's own words: cargo's {"errors":[{"detail"}]} shape, or a short text body.
QString serverDetail(const QByteArray &body)
{
    const QJsonArray errors = QJsonDocument::fromJson(body).object().value(u"errors"_s).toArray();
    QStringList details;
    for (const QJsonValue &error : errors)
        details << error.toObject().value(u"detail"_s).toString();
    details.removeAll(QString());
    if (!details.isEmpty())
        return details.join(u", "_s);
    const QString text = QString::fromUtf8(body.left(300)).simplified();
    return text.startsWith(u'<') ? QString() : text; // HTML error pages say nothing useful
}

RegistryError::Kind kindForStatus(int status)
{
    switch (status) {
    case 401:
        return RegistryError::Kind::AuthRequired;
    case 403:
        return RegistryError::Kind::Forbidden;
    case 404:
    case 410:
    case 451:
        return RegistryError::Kind::NotFound;
    default:
        return RegistryError::Kind::Http;
    }
}

// Retry-After is either delay-seconds or an HTTP date.
int retryAfterMs(const QByteArray &value)
{
    if (value.isEmpty())
        return 0;
    bool ok = false;
    const int seconds = value.trimmed().toInt(&ok);
    if (ok)
        return qMax(0, seconds) * 1000;
    QDateTime when = QLocale::c().toDateTime(QString::fromLatin1(value).trimmed(), u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s);
    when.setTimeZone(QTimeZone::UTC);
    return when.isValid() ? int(qMax<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(when))) : 0;
}

} // namespace

bool HttpRequest::isSameOrigin(const QUrl &a, const QUrl &b)
{
    return a.scheme() == b.scheme() && a.host().compare(b.host(), Qt::CaseInsensitive) == 0
        && a.port(a.scheme() == u"https"_s ? 443 : 80) == b.port(b.scheme() == u"https"_s ? 443 : 80);
}

void HttpRequest::setSecretHeader(const QByteArray &name, const QByteArray &value)
{
    secretHeaders.removeIf([&](const auto &header) { return header.first.compare(name, Qt::CaseInsensitive) == 0; });
    if (!value.isEmpty())
        secretHeaders.emplaceBack(name, value);
}

bool HttpRequest::isCredentialHeader(QByteArrayView name)
{
    // What registries and their proxies take as proof of who is asking.
    static constexpr QByteArrayView Names[] = {"authorization", "proxy-authorization", "cookie", "x-apikey", "x-api-key",
                                               "x-jfrog-art-api", "private-token", "x-nuget-apikey"};
    for (QByteArrayView known : Names)
        if (name.compare(known, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

QByteArray HttpResponse::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

HttpJob::HttpJob(const HttpRequest &request, QObject *parent)
    : QObject(parent)
    , m_request(request)
    , m_currentUrl(request.url)
    , m_currentVerb(request.verb)
{
}

HttpJob::~HttpJob()
{
    if (m_reply) {
        // The reply's finished() would call back into the client, which may itself be in its
        // destructor (the jobs are its children): a job that goes away hears nothing more.
        m_reply->disconnect(this);
        m_reply->abort();
    }
    delete m_file; // an uncommitted QSaveFile leaves nothing behind
    delete m_hash;
}

void HttpJob::cancel()
{
    if (m_finished || m_cancelled)
        return;
    m_cancelled = true;
    if (m_reply) {
        m_reply->abort(); // finishes through onReplyFinished
        return;
    }
    // Queued or waiting to retry: complete from the event loop, never inside the caller.
    auto *client = static_cast<HttpClient *>(parent());
    QMetaObject::invokeMethod(client, [client, job = QPointer<HttpJob>(this)] {
        if (job && !job->m_finished)
            client->finish(job);
    }, Qt::QueuedConnection);
}

HttpClient::HttpClient(QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
{
}

HttpClient::~HttpClient() = default;

HttpJob *HttpClient::send(const HttpRequest &request)
{
    auto *job = new HttpJob(request, this);
    m_queue.enqueue(job);
    // Start from the event loop so callers can connect to the job first.
    QMetaObject::invokeMethod(this, &HttpClient::startNext, Qt::QueuedConnection);
    return job;
}

void HttpClient::startNext()
{
    while (m_active < m_maxConcurrent && !m_queue.isEmpty()) {
        HttpJob *job = m_queue.dequeue();
        if (!job || job->m_finished || job->m_cancelled)
            continue;
        ++m_active;
        startAttempt(job);
    }
}

void HttpClient::startAttempt(HttpJob *job)
{
    ++job->m_response.attempts;
    QNetworkRequest request(job->m_currentUrl);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, true);
    request.setTransferTimeout(job->m_request.timeoutMs);
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArray("CrateDesk/" CRATEDESK_VERSION));
    // Asked for explicitly, so that Qt leaves the bytes as sent and GzipStream checks them.
    request.setRawHeader("Accept-Encoding", "gzip");
    for (const auto &[name, value] : job->m_request.headers) {
        if (job->m_sendSecrets || !HttpRequest::isCredentialHeader(name))
            request.setRawHeader(name, value);
    }
    if (job->m_sendSecrets) {
        for (const auto &[name, value] : job->m_request.secretHeaders)
            request.setRawHeader(name, value);
    }

    job->m_buffer.clear();
    job->m_received = 0;
    job->m_wireBytes = 0;
    job->m_gzip.reset();
    QNetworkReply *reply = nullptr;
    if (job->m_request.body.isEmpty()) {
        reply = m_nam->sendCustomRequest(request, job->m_currentVerb, QByteArray());
    } else {
        auto *body = new UploadBodyDevice(job->m_request.body);
        reply = m_nam->sendCustomRequest(request, job->m_currentVerb, body);
        body->setParent(reply);
    }
    job->m_reply = reply;
    connect(reply, &QNetworkReply::metaDataChanged, job, [this, job, reply] { onMetaData(job, reply); });
    connect(reply, &QNetworkReply::downloadProgress, job, &HttpJob::progress);
    connect(reply, &QNetworkReply::uploadProgress, job, &HttpJob::uploadProgress);
    connect(reply, &QNetworkReply::readyRead, job, [this, job, reply] { onReadyRead(job, reply); });
    connect(reply, &QNetworkReply::finished, job, [this, job] { onReplyFinished(job); });
}

void HttpClient::onMetaData(HttpJob *job, QNetworkReply *reply)
{
    // A declared length over the cap is refused before a byte of the body is read. Under a
    // Content-Encoding the length is the compressed one, so only the bytes read can tell.
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray encoding = reply->rawHeader("Content-Encoding").trimmed().toLower();
    if (!encoding.isEmpty() && encoding != "identity" && !job->m_gzip && !job->m_response.error) {
        if (encoding != "gzip" && encoding != "x-gzip") {
            job->m_response.error = RegistryError::make(RegistryError::Kind::Parse,
                tr("%1 answered in the Content-Encoding \"%2\", which CrateDesk did not ask for").arg(
                    job->m_currentUrl.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery), QString::fromLatin1(encoding.left(40))),
                job->m_currentUrl, status);
            reply->abort();
            return;
        }
        job->m_gzip = std::make_unique<GzipStream>();
    }
    const QVariant declared = reply->header(QNetworkRequest::ContentLengthHeader);
    if (status >= 200 && status < 300 && declared.isValid() && !job->m_gzip)
        refuseOversize(job, reply, declared.toLongLong());
}

bool HttpClient::refuseOversize(HttpJob *job, QNetworkReply *reply, qint64 size)
{
    if (size <= job->m_request.maxBodyBytes || job->m_response.error)
        return size > job->m_request.maxBodyBytes;
    job->m_response.error = RegistryError::make(RegistryError::Kind::TooLarge,
        tr("%1 sent more than the %2 CrateDesk accepts for this answer; nothing was kept").arg(
            job->m_currentUrl.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery), byteCount(job->m_request.maxBodyBytes)),
        job->m_currentUrl, reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt());
    reply->abort();
    return true;
}

void HttpClient::onReadyRead(HttpJob *job, QNetworkReply *reply)
{
    if (job->m_response.error)
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const bool success = status >= 200 && status < 300;
    QByteArray chunk = reply->readAll();
    job->m_wireBytes += chunk.size();
    if (job->m_gzip) {
        QByteArray plain;
        const qint64 room = (success ? job->m_request.maxBodyBytes : BodyLimit::ErrorBody) - job->m_received;
        if (!job->m_gzip->decode(chunk, qMax<qint64>(0, room), &plain)) {
            job->m_response.error = RegistryError::make(RegistryError::Kind::Parse,
                tr("%1 sent a gzip body that is not gzip; nothing was kept").arg(
                    job->m_currentUrl.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery)),
                job->m_currentUrl, status);
            reply->abort();
            return;
        }
        chunk = std::move(plain);
    }
    job->m_received += chunk.size();
    if (!success) {
        // Only the start of an error answer is worth keeping: it is shown, never parsed for data.
        job->m_buffer.append(chunk.left(qMax<qint64>(0, BodyLimit::ErrorBody - job->m_buffer.size())));
        return;
    }
    if (refuseOversize(job, reply, job->m_received))
        return;
    if (job->m_request.saveTo.isEmpty()) {
        job->m_buffer.append(chunk);
        return;
    }
    if (!job->m_file) {
        job->m_file = new QSaveFile(job->m_request.saveTo);
        job->m_hash = new QCryptographicHash(QCryptographicHash::Sha256);
        if (!job->m_file->open(QIODevice::WriteOnly)) {
            job->m_response.error = RegistryError::make(RegistryError::Kind::Local,
                tr("cannot write %1: %2").arg(job->m_request.saveTo, job->m_file->errorString()), job->m_currentUrl);
            reply->abort();
            return;
        }
    }
    job->m_hash->addData(chunk);
    if (job->m_file->write(chunk) != chunk.size()) {
        job->m_response.error = RegistryError::make(RegistryError::Kind::Local,
            tr("cannot write %1: %2").arg(job->m_request.saveTo, job->m_file->errorString()), job->m_currentUrl);
        reply->abort();
    }
}

// How a finished reply's transfer went, before deciding what to make of it.
struct HttpClient::Transfer
{
    int status = 0;
    QNetworkReply::NetworkError netError = QNetworkReply::NoError;
    qint64 declaredBytes = -1; // Content-Length, -1 when absent
    bool gzipCut = false;      // the gzip stream never reached its end
    bool cutShort = false;     // a 2xx that ended before its declared length
    bool success() const { return status >= 200 && status < 300; }
};

void HttpClient::onReplyFinished(HttpJob *job)
{
    QNetworkReply *reply = job->m_reply;
    job->m_reply = nullptr;
    reply->deleteLater();
    HttpResponse &response = job->m_response;

    if (job->m_cancelled) {
        response.error = RegistryError::make(RegistryError::Kind::Cancelled, u"cancelled"_s, job->m_currentUrl);
        return finish(job);
    }
    onReadyRead(job, reply); // what arrived with the end of the reply
    if (response.error) // a local write failure or an oversized body ended the transfer
        return finish(job);

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response.status = status;
    response.headers = reply->rawHeaderPairs();
    response.finalUrl = job->m_currentUrl;
    response.http2 = reply->attribute(QNetworkRequest::Http2WasUsedAttribute).toBool();
    if (isRedirect(status) && reply->hasRawHeader("Location"))
        return followRedirect(job, reply);

    const Transfer transfer = assess(job, reply);
    if (transfer.success() && job->m_request.saveTo.isEmpty() && transfer.netError == QNetworkReply::NoError)
        response.body = std::exchange(job->m_buffer, {});
    const bool transientStatus = status == 429 || (status >= 500 && status <= 599);
    const bool transientNetwork = status == 0 && isTransient(transfer.netError);
    const bool truncated = transfer.success() && (transfer.netError != QNetworkReply::NoError || transfer.cutShort);
    if ((transientStatus || transientNetwork || truncated) && job->m_request.retryable
        && response.attempts <= job->m_request.maxRetries && scheduleRetry(job, reply->rawHeader("Retry-After")))
        return;

    // 304 answers our own conditional request: a success with no body.
    if (status == 304 && transfer.netError == QNetworkReply::NoError)
        return finish(job);
    if (transfer.success() && transfer.netError == QNetworkReply::NoError && !transfer.cutShort) {
        if (!job->m_request.saveTo.isEmpty())
            commitDownload(job, reply);
        return finish(job);
    }
    reportFailure(job, reply, transfer);
    finish(job);
}

void HttpClient::followRedirect(HttpJob *job, QNetworkReply *reply)
{
    const int status = job->m_response.status;
    const QUrl target = job->m_currentUrl.resolved(QUrl::fromEncoded(reply->rawHeader("Location")));
    if (++job->m_redirects > 10 || !target.isValid() || (target.scheme() != u"http"_s && target.scheme() != u"https"_s)) {
        job->m_response.error = RegistryError::make(RegistryError::Kind::Http,
            tr("%1 redirects too often or to an invalid place").arg(job->m_request.url.toDisplayString()), job->m_currentUrl, status);
        return finish(job);
    }
    // Like curl: credentials are for the origin they were configured for, never for where it
    // sends us, and never in clear text after https.
    if (!HttpRequest::isSameOrigin(target, job->m_request.url) || (job->m_currentUrl.scheme() == u"https"_s && target.scheme() != u"https"_s))
        job->m_sendSecrets = false;
    if (status == 303 || ((status == 301 || status == 302) && job->m_currentVerb == "POST")) {
        job->m_currentVerb = "GET";
        job->m_request.body.clear();
    }
    qCDebug(lcHttp).noquote() << "redirect" << job->m_currentUrl.toDisplayString() << "->" << target.toDisplayString();
    job->m_currentUrl = target;
    startAttempt(job);
}

// Qt now and then reports a body cut short by a reset as complete (seen on Linux under load),
// so a 2xx that ends before its Content-Length, or whose gzip stream never reached its end,
// counts as the cut transfer it is, in memory and on disk alike.
HttpClient::Transfer HttpClient::assess(HttpJob *job, QNetworkReply *reply) const
{
    Transfer transfer;
    transfer.status = job->m_response.status;
    transfer.netError = reply->error();
    const QVariant declared = reply->header(QNetworkRequest::ContentLengthHeader);
    transfer.declaredBytes = declared.isValid() ? declared.toLongLong() : -1;
    transfer.gzipCut = job->m_gzip && !job->m_gzip->isComplete();
    transfer.cutShort = transfer.success() && transfer.netError == QNetworkReply::NoError && job->m_currentVerb != "HEAD"
        && transfer.status != 204 && ((declared.isValid() && job->m_wireBytes < transfer.declaredBytes) || transfer.gzipCut);
    return transfer;
}

// A streamed download appears only complete and, when a checksum was given, only if it matches.
void HttpClient::commitDownload(HttpJob *job, QNetworkReply *reply)
{
    HttpResponse &response = job->m_response;
    if (!job->m_file)
        onReadyRead(job, reply); // an empty body still makes its file
    if (response.error)
        return;
    const QByteArray actual = job->m_hash->result().toHex();
    if (!job->m_request.expectedSha256.isEmpty() && actual != job->m_request.expectedSha256.toLower()) {
        job->m_file->cancelWriting();
        response.error = RegistryError::make(RegistryError::Kind::Checksum,
            tr("the download from %1 is corrupt: its sha256 is %2 but the index says %3; nothing was saved").arg(
                job->m_currentUrl.toDisplayString(), QString::fromLatin1(actual), QString::fromLatin1(job->m_request.expectedSha256)),
            job->m_currentUrl, response.status);
    } else if (!job->m_file->commit()) {
        response.error = RegistryError::make(RegistryError::Kind::Local,
            tr("cannot save %1: %2").arg(job->m_request.saveTo, job->m_file->errorString()), job->m_currentUrl);
    }
}

void HttpClient::reportFailure(HttpJob *job, QNetworkReply *reply, const Transfer &transfer)
{
    HttpResponse &response = job->m_response;
    const int status = transfer.status;
    const QString where = QString::fromLatin1(job->m_request.verb) + u' ' + job->m_request.url.toDisplayString(QUrl::RemoveUserInfo);
    if (status == 0 || transfer.success()) {
        const bool timedOut = transfer.netError == QNetworkReply::TimeoutError || transfer.netError == QNetworkReply::OperationCanceledError;
        QString message;
        if (timedOut)
            message = tr("%1 timed out: the server sent nothing for %2 s").arg(where, QString::number(job->m_request.timeoutMs / 1000.0));
        else if (!transfer.cutShort)
            message = tr("%1 failed: %2", "request: the network library's reason").arg(where, reply->errorString());
        else if (transfer.gzipCut)
            message = tr("%1 failed: its gzip stream ended early").arg(where);
        else
            message = tr("%1 failed: the connection ended after %2 of %3 bytes")
                          .arg(where, QString::number(job->m_wireBytes), QString::number(transfer.declaredBytes));
        response.body.clear();
        response.error = RegistryError::make(timedOut ? RegistryError::Kind::Timeout : RegistryError::Kind::Network, message,
            job->m_currentUrl, status);
        return;
    }
    const QByteArray body = std::exchange(job->m_buffer, {});
    const QString detail = serverDetail(body);
    const QString reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
    response.body = body;
    response.error = RegistryError::make(kindForStatus(status),
        detail.isEmpty() ? tr("%1 answered %2 %3", "request, HTTP status, the server's reason phrase").arg(where, QString::number(status), reason)
                         : tr("%1 answered %2 %3: %4", "request, HTTP status, the server's reason phrase: its words").arg(where, QString::number(status), reason, detail),
        job->m_currentUrl, status, detail);
}

bool HttpClient::scheduleRetry(HttpJob *job, const QByteArray &retryAfter)
{
    const int backoff = m_retryBaseDelayMs * (1 << qMin(job->m_response.attempts - 1, 6));
    const int jittered = backoff / 2 + int(QRandomGenerator::global()->bounded(backoff / 2 + 1));
    const int serverAsked = retryAfterMs(retryAfter);
    if (serverAsked > m_maxRetryAfterSeconds * 1000)
        return false; // the server wants a long pause: report it instead of hanging
    const int delay = qMax(jittered, serverAsked);
    qCDebug(lcHttp).noquote() << "retrying" << job->m_currentUrl.toDisplayString() << "in" << delay << "ms";
    delete job->m_file;
    job->m_file = nullptr;
    delete job->m_hash;
    job->m_hash = nullptr;
    if (!job->m_retryTimer) {
        job->m_retryTimer = new QTimer(job);
        job->m_retryTimer->setSingleShot(true);
        connect(job->m_retryTimer, &QTimer::timeout, this, [this, job] {
            if (!job->m_cancelled)
                startAttempt(job);
        });
    }
    job->m_retryTimer->start(delay);
    return true;
}

void HttpClient::finish(HttpJob *job)
{
    if (job->m_finished)
        return;
    if (job->m_cancelled && !job->m_response.error)
        job->m_response.error = RegistryError::make(RegistryError::Kind::Cancelled, u"cancelled"_s, job->m_currentUrl);
    job->m_finished = true;
    if (job->m_retryTimer)
        job->m_retryTimer->stop();
    // A queued job never took a slot; one that started did.
    if (job->m_response.attempts > 0)
        --m_active;
    if (job->m_response.error)
        qCDebug(lcHttp).noquote() << job->m_response.error.message;
    Q_EMIT job->finished();
    job->deleteLater();
    startNext();
}
