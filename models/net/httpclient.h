// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cargotypes/registryerror.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QQueue>
#include <QUrl>

#include <memory>

class GzipStream;
class QNetworkAccessManager;
class QNetworkReply;
class QSaveFile;
class QCryptographicHash;
class QTimer;

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

// The longest bodies CrateDesk reads into memory, by what they are. A server that sends more
// is cut off with RegistryError::Kind::TooLarge; counted after any Content-Encoding is undone,
// so a compressed bomb is cut at the same size.
namespace BodyLimit {
inline constexpr qint64 ConfigJson = 1 << 20;
// crates.io's largest index files are a few MB; this leaves room for a registry that keeps
// far more versions, and none for an endless stream.
inline constexpr qint64 IndexFile = 64 << 20;
inline constexpr qint64 ApiJson = 32 << 20;
// A download's cap is the feed's maximum crate size; this is the default.
inline constexpr qint64 Download = 64 << 20;
// What an error answer may hold: enough for any detail a person will read.
inline constexpr qint64 ErrorBody = 64 << 10;
} // namespace BodyLimit

struct HttpRequest
{
    QUrl url;
    QByteArray verb = "GET";
    QByteArray body;
    HttpHeaders headers;
    // Credentials: sent only while the request stays on the origin of `url` and never after a
    // redirect from https to http; once dropped they stay dropped. A header in `headers` whose
    // name is a credential (isCredentialHeader) is treated the same, so none can slip through.
    HttpHeaders secretHeaders;
    void setSecretHeader(const QByteArray &name, const QByteArray &value);
    void setAuthorization(const QByteArray &value) { setSecretHeader("Authorization", value); }
    static bool isCredentialHeader(QByteArrayView name);
    // Scheme, host (case-insensitive) and port, default ports filled in: where a credential
    // for one URL may also go.
    static bool isSameOrigin(const QUrl &a, const QUrl &b);
    // The longest 2xx body accepted, in memory or streamed to saveTo.
    qint64 maxBodyBytes = BodyLimit::ApiJson;
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
    bool m_sendSecrets = true;
    QByteArray m_buffer; // the body read so far, when kept in memory
    qint64 m_received = 0;  // body bytes, decoded
    qint64 m_wireBytes = 0; // body bytes as sent, to compare with Content-Length
    std::unique_ptr<GzipStream> m_gzip;
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
// transient network errors, redirects that keep credentials within one origin, bounded
// bodies, and typed errors. Never blocks.
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
    void onMetaData(HttpJob *job, QNetworkReply *reply);
    void onReadyRead(HttpJob *job, QNetworkReply *reply);
    bool refuseOversize(HttpJob *job, QNetworkReply *reply, qint64 size);
    void onReplyFinished(HttpJob *job);
    struct Transfer; // how a finished reply's transfer went
    void followRedirect(HttpJob *job, QNetworkReply *reply);
    Transfer assess(HttpJob *job, QNetworkReply *reply) const;
    void commitDownload(HttpJob *job, QNetworkReply *reply);
    void reportFailure(HttpJob *job, QNetworkReply *reply, const Transfer &transfer);
    bool scheduleRetry(HttpJob *job, const QByteArray &retryAfter);
    void finish(HttpJob *job);

    QNetworkAccessManager *m_nam;
    QQueue<QPointer<HttpJob>> m_queue;
    int m_active = 0;
    int m_maxConcurrent = 24;
    int m_retryBaseDelayMs = 500;
    int m_maxRetryAfterSeconds = 60;
};
