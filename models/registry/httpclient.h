// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "registryerror.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QQueue>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;
class QSaveFile;
class QCryptographicHash;
class QTimer;

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

struct HttpRequest
{
    QUrl url;
    QByteArray verb = "GET";
    QByteArray body;
    HttpHeaders headers;
    // Sent only while the request stays on the origin of `url`: a redirect elsewhere drops it.
    QByteArray authorization;
    // When set, a 2xx body streams into this file and is committed only if complete (and, with
    // expectedSha256, only if it hashes to that lowercase hex value).
    QString saveTo;
    QByteArray expectedSha256;
    bool retryable = true; // false for non-idempotent calls such as publish
    int maxRetries = 3;
    int timeoutMs = 30000; // without any bytes moving
};

struct HttpResponse
{
    int status = 0;
    QByteArray body; // empty when streamed to a file
    HttpHeaders headers;
    QUrl finalUrl;
    int attempts = 0;
    bool http2 = false; // the answer came over HTTP/2 (offered on every https request)
    RegistryError error;

    QByteArray header(const QByteArray &name) const;
};

// One request in flight. Finishes exactly once (finished()), also when cancelled; the client
// deletes it afterwards, so read response() in the slot connected to finished().
class HttpJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpJob)

public:
    ~HttpJob() override;

    const HttpRequest &request() const { return m_request; }
    const HttpResponse &response() const { return m_response; }
    bool isFinished() const { return m_finished; }
    void cancel();

Q_SIGNALS:
    void progress(qint64 received, qint64 total);
    void uploadProgress(qint64 sent, qint64 total);
    void finished();

private:
    friend class HttpClient;
    HttpJob(const HttpRequest &request, QObject *parent);

    HttpRequest m_request;
    HttpResponse m_response;
    QUrl m_currentUrl;
    QByteArray m_currentVerb;
    bool m_sendAuthorization = true;
    int m_redirects = 0;
    bool m_cancelled = false;
    bool m_finished = false;
    QPointer<QNetworkReply> m_reply;
    QSaveFile *m_file = nullptr;
    QCryptographicHash *m_hash = nullptr;
    QTimer *m_retryTimer = nullptr;
};

// The one way CrateDesk talks HTTP: a shared QNetworkAccessManager, a user agent, bounded
// parallelism, timeouts, retries with backoff on 5xx/429 (honouring Retry-After) and on
// transient network errors, redirects that keep Authorization within one origin, and typed
// errors. Never blocks.
class HttpClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpClient)
    friend class HttpJob;

public:
    explicit HttpClient(QNetworkAccessManager *nam, QObject *parent = nullptr);
    ~HttpClient() override;

    HttpJob *send(const HttpRequest &request);

    void setMaxConcurrent(int count) { m_maxConcurrent = qMax(1, count); }
    int maxConcurrent() const { return m_maxConcurrent; }
    // The first retry waits this long, then twice as long each time (tests shorten it).
    void setRetryBaseDelay(int ms) { m_retryBaseDelayMs = ms; }
    void setMaxRetryAfter(int seconds) { m_maxRetryAfterSeconds = seconds; }
    int activeCount() const { return m_active; }

private:
    void startNext();
    void startAttempt(HttpJob *job);
    void onReadyRead(HttpJob *job, QNetworkReply *reply);
    void onReplyFinished(HttpJob *job);
    bool scheduleRetry(HttpJob *job, const QByteArray &retryAfter);
    void finish(HttpJob *job);

    QNetworkAccessManager *m_nam;
    QQueue<QPointer<HttpJob>> m_queue;
    int m_active = 0;
    int m_maxConcurrent = 24;
    int m_retryBaseDelayMs = 500;
    int m_maxRetryAfterSeconds = 60;
};
