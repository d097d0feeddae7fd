// SPDX-License-Identifier: GPL-3.0-or-later
#include "registryclient.h"

#include "cargotypes/feedurl.h"

#include "cargotypes/cratename.h"
#include "crate/cargomanifest.h"
#include "crate/cratearchive.h"
#include "net/httpclient.h"
#include "cargotypes/indexentrycodec.h"
#include "cargotypes/indexfileparser.h"
#include "secrets/secretstore.h"
#include "storage/indexcache.h"
#include "storage/indexcachestore.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QtConcurrentRun>
#include <QTemporaryDir>
#include <QUrlQuery>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcRegistry, "cratedesk.registry", QtInfoMsg)

namespace {

const QString ConfigFile = u"config.json"_s;

// `WWW-Authenticate: Cargo login_url="https://…"`; other schemes are not ours.
QString loginUrlFrom(const QByteArray &challenge)
{
    static const QRegularExpression pattern(u"(?i)\\bcargo\\b.*\\blogin_url\\s*=\\s*\"([^\"]*)\""_s);
    const auto match = pattern.match(QString::fromLatin1(challenge));
    if (!match.hasMatch())
        return {};
    // Offered to the user to open: only a web page, never file:, javascript: or an app's scheme.
    const QUrl url(match.captured(1), QUrl::StrictMode);
    const bool web = url.isValid() && !url.host().isEmpty() && (url.scheme() == u"https"_s || url.scheme() == u"http"_s);
    return web ? url.toString() : QString();
}

QStringList jsonStrings(const QJsonValue &value)
{
    QStringList out;
    for (const QJsonValue &item : value.toArray()) {
        if (item.isString() && !item.toString().isEmpty())
            out << item.toString();
    }
    return out;
}

// Only a 200 carries an index file: a 304 to a request that revalidated nothing, a 204 or a
// 206 would otherwise pass for an empty or partial file, and every version would vanish.
RegistryError notAnIndexFile(const HttpResponse &response, const QString &crate, const QString &feed)
{
    return RegistryError::make(RegistryError::Kind::Http,
                               QCoreApplication::translate("RegistryClient", "%1 answered HTTP %2 for the index file of %3, which carries no index file")
                                   .arg(feed, QString::number(response.status), crate),
                               response.finalUrl, response.status);
}

// A cached index file's entries, as readCachedEntries() found them.
struct CachedEntries
{
    bool found = false;         // the file is in the cache
    bool parsedEarlier = false; // from the parsed form kept beside it: no parse
    QList<IndexEntry> entries;
    QStringList problems; // lines left out, when it was parsed now
    QByteArray body;      // when it was parsed now
};

// On the cache's thread: the parsed form kept beside the file, else the file parsed once and
// its form kept from then on.
CachedEntries readCachedEntries(IndexCacheStore *store, const QString &key, const QString &path, const QString &crate)
{
    if (!store)
        return {};
    std::optional<QList<IndexEntry>> stored = IndexEntryCodec::decode(store->parsedForm(key, path));
    // The cache is a file others can write to: its entries meet the same rules as the network's.
    const auto trusted = [&crate](const IndexEntry &entry) { return IndexFileParser::untrustedReason(entry, crate).isEmpty(); };
    if (stored && std::ranges::all_of(*stored, trusted))
        return {true, true, std::move(*stored), {}, {}};
    // A row from an older cache, or a parsed form of another format: parse once, keep it.
    const std::optional<IndexCache::Entry> full = store->get(key, path);
    if (!full)
        return {};
    IndexFileParser::Result parsed = IndexFileParser::parse(full->body, crate);
    store->setParsedForm(key, path, IndexEntryCodec::encode(parsed.entries));
    return {true, false, std::move(parsed.entries), std::move(parsed.problems), full->body};
}

} // namespace

RegistryReply::RegistryReply(QObject *parent)
    : QObject(parent)
{
}

RegistryReply::~RegistryReply() = default;

void RegistryReply::cancel()
{
    if (m_finished || m_cancelled)
        return;
    m_cancelled = true;
    if (m_job)
        m_job->cancel(); // its completion finishes this reply as cancelled
    else
        QMetaObject::invokeMethod(this, [this] { finish(RegistryError::make(RegistryError::Kind::Cancelled, u"cancelled"_s)); },
                                  Qt::QueuedConnection);
}

void RegistryReply::track(HttpJob *job)
{
    m_job = job;
    connect(job, &HttpJob::progress, this, &RegistryReply::progress);
    connect(job, &HttpJob::uploadProgress, this, &RegistryReply::uploadProgress);
}

void RegistryReply::abandon(const RegistryError &error)
{
    if (m_job) {
        // The job's handlers would reach into the client; it goes on alone and is dropped.
        m_job->disconnect(this);
        m_job->cancel();
        m_job = nullptr;
    }
    setParent(nullptr); // outlives the client until finished() has been delivered
    finish(error);
}

void RegistryReply::finish(const RegistryError &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_error = m_cancelled && !error ? RegistryError::make(RegistryError::Kind::Cancelled, u"cancelled"_s) : error;
    // Always from the event loop: a call can fail before it returns its reply (no token, no
    // web API), and the caller must still see finished() after connecting to it.
    QMetaObject::invokeMethod(this, [this] {
        Q_EMIT finished();
        deleteLater();
    }, Qt::QueuedConnection);
}

RegistryClient::RegistryClient(const Feed &feed, HttpClient *http, IndexCache *cache, SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_feed(feed)
    , m_http(http)
    , m_cache(cache)
    , m_secrets(secrets)
    , m_maxCrateBytes(BodyLimit::Download)
{
}

// The cache writes the revalidations of this session by itself, shortly after their burst;
// whatever the cache still has to answer this client is dropped with it.
RegistryClient::~RegistryClient() = default;

template<typename T, typename Next>
void RegistryClient::whenCached(RegistryReply *reply, QFuture<T> answer, Next next)
{
    reply->m_job = nullptr; // no request of its own runs now: cancel() finishes it at once
    answer.then(this, [reply = QPointer(reply), next = std::move(next)](T value) mutable {
        if (!reply || reply->isFinished())
            return; // cancelled, or abandoned by retire()
        if (reply->m_cancelled)
            return reply->finish();
        next(std::move(value));
    });
}

void RegistryClient::retire(const QString &reason)
{
    if (m_retired)
        return;
    m_retired = true;
    if (m_cache)
        m_cache->flushTouches(); // now rather than after the burst: the feed changed
    const RegistryError gone = RegistryError::make(RegistryError::Kind::Cancelled, reason);
    const auto replies = findChildren<RegistryReply *>(Qt::FindDirectChildrenOnly);
    for (RegistryReply *reply : replies) {
        if (!reply->isFinished())
            reply->abandon(gone);
        else
            reply->setParent(nullptr); // its finished() is on its way and deletes it after
    }
    Q_EMIT retired(reason);
}

void RegistryClient::setCredential(const QByteArray &secret)
{
    m_authorization = m_feed.authorization(secret);
    m_credentialsLoaded = true;
}

QString RegistryClient::feedKey() const
{
    return m_feed.indexUrl.toString();
}

void RegistryClient::withCredentials(std::function<void()> next)
{
    if (m_credentialsLoaded || m_feed.auth == Feed::AuthKind::None || !m_secrets) {
        m_credentialsLoaded = true;
        next();
        return;
    }
    m_credentialWaiters.append(std::move(next));
    if (m_credentialWaiters.size() > 1)
        return; // already asking the keychain
    m_secrets->readSecret(m_feed.secretKey(), this, [this](const SecretStore::Result &result) {
        // A missing secret is not fatal: public feeds answer anyway, others say 401 clearly.
        if (result.ok())
            m_authorization = m_feed.authorization(result.secret);
        m_credentialsLoaded = true;
        const auto waiters = std::exchange(m_credentialWaiters, {});
        for (const auto &waiter : waiters)
            waiter();
    });
}

HttpJob *RegistryClient::send(HttpRequest request, bool withAuth)
{
    if (m_patience) {
        request.timeoutMs = m_patience->timeoutMs;
        request.maxRetries = qMin(request.maxRetries, m_patience->maxRetries);
    }
    if (withAuth || (m_authenticatesOwnOrigin && HttpRequest::isSameOrigin(request.url, m_feed.indexUrl)))
        request.setAuthorization(m_authorization);
    return m_http->send(request);
}

QString RegistryClient::needsToken() const
{
    return m_loginUrl.isEmpty() ? tr("the feed %1 needs a token: add one to the feed").arg(m_feed.name)
                                : tr("the feed %1 needs a token: add one to the feed (get it at %2)").arg(m_feed.name, m_loginUrl);
}

RegistryError RegistryClient::explain(const RegistryError &error) const
{
    RegistryError explained = error;
    const QString &feed = m_feed.name;
    const QString &detail = error.serverDetail;
    switch (error.kind) {
    case RegistryError::Kind::AuthRequired:
        if (m_authorization.isEmpty())
            explained.message = needsToken();
        else if (detail.isEmpty())
            explained.message = tr("the feed %1 rejected the token: check or replace it").arg(feed);
        else
            explained.message = tr("the feed %1 rejected the token: check or replace it (%2)").arg(feed, detail);
        break;
    case RegistryError::Kind::Forbidden:
        if (detail.isEmpty())
            explained.message = tr("the feed %1 does not allow this token to do that: use a token with that permission").arg(feed);
        else
            explained.message = tr("the feed %1 does not allow this token to do that: use a token with that permission (%2)").arg(feed, detail);
        break;
    case RegistryError::Kind::Http:
        if (!detail.isEmpty())
            explained.message = tr("the feed %1 answered HTTP %2: %3").arg(feed, QString::number(error.httpStatus), detail);
        break;
    default:
        break;
    }
    return explained;
}

RegistryReply *RegistryClient::fetchConfig()
{
    auto *reply = new RegistryReply(this);
    withConfig(reply, [this, reply](const RegistryError &error) {
        reply->fromCache = m_configFromCache;
        reply->stale = m_configFromCache;
        reply->finish(error);
    });
    return reply;
}

void RegistryClient::withConfig(RegistryReply *reply, ConfigCallback next)
{
    if (m_config && !m_configFromCache) {
        next({});
        return;
    }
    QPointer<RegistryReply> guard(reply);
    m_configWaiters.append([guard, next = std::move(next)](const RegistryError &error) {
        if (guard && !guard->m_cancelled)
            next(error);
        else if (guard)
            guard->finish();
    });
    if (m_configInFlight)
        return;
    m_configInFlight = true;
    withCredentials([this] {
        // Cargo's order: unauthenticated first; the credentials only after a 401.
        requestConfig(false);
    });
}

void RegistryClient::requestConfig(bool withAuth)
{
    if (m_configFromCache || !m_cache)
        return sendConfigRequest(withAuth, m_configFromCache);
    m_cache->validators(feedKey(), ConfigFile).then(this, [this, withAuth](const std::optional<IndexCache::Entry> &cached) {
        sendConfigRequest(withAuth, cached.has_value());
    });
}

void RegistryClient::sendConfigRequest(bool withAuth, bool cachedConfig)
{
    HttpRequest request;
    request.url = m_feed.indexUrl.resolved(QUrl(ConfigFile));
    request.maxBodyBytes = BodyLimit::ConfigJson;
    // With a cached config to fall back on, one failed try is enough: retrying with backoff
    // would hold every view for seconds while the feed is unreachable.
    if (cachedConfig) {
        request.maxRetries = 0;
        request.timeoutMs = 5000;
    }
    HttpJob *job = send(request, withAuth);
    connect(job, &HttpJob::finished, this, [this, job, withAuth, cachedConfig] {
        const HttpResponse &response = job->response();
        notice(response);
        if (response.error.kind == RegistryError::Kind::AuthRequired) {
            const QString login = loginUrlFrom(response.header("WWW-Authenticate"));
            if (!login.isEmpty())
                m_loginUrl = login;
            if (!withAuth && !m_authorization.isEmpty()) {
                sendConfigRequest(true, cachedConfig);
                return;
            }
        }
        if (response.error) {
            // Offline (or the feed is down): the last config we saw still describes the feed.
            const bool unreachable = response.error.kind == RegistryError::Kind::Network
                || response.error.kind == RegistryError::Kind::Timeout || response.error.kind == RegistryError::Kind::Http;
            const RegistryError error = explain(response.error);
            if (unreachable && m_cache)
                return configFromCache(error);
            configFinished(error);
            return;
        }
        QString parseError;
        auto config = RegistryConfig::parse(response.body, &parseError);
        if (!config) {
            configFinished(RegistryError::make(RegistryError::Kind::Parse, tr("%1: %2", "feed: what is wrong with its config.json").arg(m_feed.name, parseError),
                                               response.finalUrl));
            return;
        }
        m_config = config;
        m_configFromCache = false;
        if (m_cache)
            m_cache->put(feedKey(), ConfigFile, {response.body, {}, {}, QDateTime::currentDateTimeUtc(), {}});
        configFinished({});
    });
}

void RegistryClient::configFromCache(const RegistryError &unreachable)
{
    auto stored = m_cache->run([key = feedKey()](IndexCacheStore *store) -> std::optional<RegistryConfig> {
        const auto cached = store ? store->get(key, ConfigFile) : std::nullopt;
        QString ignored;
        return cached ? RegistryConfig::parse(cached->body, &ignored) : std::nullopt;
    });
    stored.then(this, [this, unreachable](const std::optional<RegistryConfig> &config) {
        if (!config)
            return configFinished(unreachable);
        m_config = config;
        m_configFromCache = true;
        m_unreachableReason = unreachable.message;
        configFinished({});
    });
}

void RegistryClient::configFinished(const RegistryError &error)
{
    m_configInFlight = false;
    const auto waiters = std::exchange(m_configWaiters, {});
    for (const auto &waiter : waiters)
        waiter(error);
}

QString RegistryClient::unreachableMessage(const QString &uncachedCrate) const
{
    if (uncachedCrate.isEmpty())
        return tr("%1 cannot be reached (%2)").arg(m_feed.name, m_unreachableReason);
    return tr("%1 cannot be reached (%2), and %3 is not in the cache").arg(m_feed.name, m_unreachableReason, uncachedCrate);
}

RegistryReply *RegistryClient::invalidName(const QString &crate)
{
    auto *reply = new RegistryReply(this);
    reply->finish(RegistryError::make(RegistryError::Kind::NotFound, tr("\"%1\" is not a valid crate name").arg(crate.left(80))));
    return reply;
}

HttpRequest RegistryClient::indexRequest(const QString &path, const QByteArray &etag, const QByteArray &lastModified) const
{
    HttpRequest request;
    request.url = m_feed.indexUrl.resolved(QUrl(path));
    request.maxBodyBytes = BodyLimit::IndexFile;
    request.headers.emplaceBack("cargo-protocol", "version=1");
    request.headers.emplaceBack("Accept", "text/plain");
    // ETag wins over Last-Modified, as in cargo.
    if (!etag.isEmpty())
        request.headers.emplaceBack("If-None-Match", etag);
    else if (!lastModified.isEmpty())
        request.headers.emplaceBack("If-Modified-Since", lastModified);
    return request;
}

RegistryReply *RegistryClient::fetchIndexFile(const QString &crate, const QByteArray &etag, const QByteArray &lastModified)
{
    const QString path = CrateName::indexPath(crate);
    if (path.isEmpty() || !CrateName::validationError(crate).isEmpty())
        return invalidName(crate);
    auto *reply = new RegistryReply(this);
    withConfig(reply, [this, reply, path, crate, etag, lastModified](const RegistryError &configError) {
        if (configError.kind == RegistryError::Kind::NotFound) // about the feed, never "no such crate"
            return reply->finish(RegistryError::make(RegistryError::Kind::Http,
                tr("%1 has no config.json: its index URL is wrong, or it is not a sparse registry").arg(m_feed.name),
                configError.url, configError.httpStatus));
        if (configError || m_configFromCache)
            return reply->finish(configError ? configError
                                             : RegistryError::make(RegistryError::Kind::Network, unreachableMessage({})));
        HttpJob *job = send(indexRequest(path, etag, lastModified), m_config->authRequired);
        reply->track(job);
        connect(job, &HttpJob::finished, reply, [this, reply, job, crate, revalidated = !etag.isEmpty() || !lastModified.isEmpty()] {
            const HttpResponse &response = job->response();
            reply->fetchedAt = QDateTime::currentDateTimeUtc();
            if (response.status == 304 && revalidated) {
                reply->notModified = true;
                return reply->finish();
            }
            if (response.error.kind == RegistryError::Kind::NotFound)
                return reply->finish(RegistryError::make(RegistryError::Kind::NotFound,
                    tr("there is no crate %1 in %2").arg(crate, m_feed.name), response.finalUrl, response.status));
            if (response.error)
                return reply->finish(explain(response.error));
            if (response.status != 200)
                return reply->finish(notAnIndexFile(response, crate, m_feed.name));
            reply->body = response.body;
            reply->etag = response.header("ETag");
            reply->lastModified = response.header("Last-Modified");
            reply->finish();
        });
    });
    return reply;
}

RegistryReply *RegistryClient::crateInfo(const QString &crate)
{
    if (!CrateName::validationError(crate).isEmpty())
        return invalidName(crate);
    return apiCall("GET", u"/crates/"_s + crate, {}, false);
}

RegistryReply *RegistryClient::reverseDependencies(const QString &crate)
{
    if (!CrateName::validationError(crate).isEmpty())
        return invalidName(crate);
    return apiCall("GET", u"/crates/%1/reverse_dependencies?per_page=100"_s.arg(crate), {}, false);
}

RegistryReply *RegistryClient::fetchIndex(const QString &crate)
{
    const QString path = CrateName::indexPath(crate);
    if (path.isEmpty() || !CrateName::validationError(crate).isEmpty())
        return invalidName(crate);
    auto *reply = new RegistryReply(this);
    // Only the validators now, read while the config is on its way; the body is read from disk
    // only if it is needed and not parsed yet.
    QFuture<std::optional<Cached>> cached = QtFuture::makeReadyValueFuture(std::optional<Cached>());
    if (m_cache) {
        cached = m_cache->run([key = feedKey(), path](IndexCacheStore *store) -> std::optional<Cached> {
            const auto entry = store ? store->validators(key, path) : std::nullopt;
            return entry ? std::optional<Cached>(Cached{{entry->etag, entry->lastModified}, entry->fetchedAt}) : std::nullopt;
        });
    }
    withConfig(reply, [this, reply, path, crate, cached](const RegistryError &configError) {
        whenCached(reply, cached, [this, reply, path, crate, configError](const std::optional<Cached> &validators) {
            fetchIndexFrom(reply, crate, path, validators, configError);
        });
    });
    return reply;
}

void RegistryClient::fetchIndexFrom(RegistryReply *reply, const QString &crate, const QString &path,
                                    const std::optional<Cached> &cached, const RegistryError &configError)
{
    if (configError || m_configFromCache) {
        if (cached)
            return serveCached(reply, crate, path, *cached, true);
        return reply->finish(configError ? configError
                                         : RegistryError::make(RegistryError::Kind::Network, unreachableMessage(crate)));
    }
    const Validators held = cached ? cached->validators : Validators();
    HttpJob *job = send(indexRequest(path, held.etag, held.lastModified), m_config->authRequired);
    reply->track(job);
    connect(job, &HttpJob::finished, reply, [this, reply, job, path, crate, cached] {
        const HttpResponse &response = job->response();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        if (response.status == 304 && cached) {
            m_cache->touch(feedKey(), path, now);
            return serveCached(reply, crate, path, *cached, false);
        }
        if (response.error) {
            if (response.error.kind == RegistryError::Kind::NotFound) {
                if (m_cache)
                    m_cache->remove(feedKey(), path);
                return reply->finish(RegistryError::make(RegistryError::Kind::NotFound,
                    tr("there is no crate %1 in %2").arg(crate, m_feed.name), response.finalUrl, response.status));
            }
            const bool unreachable = response.error.kind == RegistryError::Kind::Network
                || response.error.kind == RegistryError::Kind::Timeout || response.error.kind == RegistryError::Kind::Http;
            if (unreachable && cached)
                return serveCached(reply, crate, path, *cached, true);
            return reply->finish(explain(response.error));
        }
        if (response.status != 200)
            return reply->finish(notAnIndexFile(response, crate, m_feed.name));
        // ETag wins over Last-Modified, as in cargo.
        const QByteArray etag = response.header("ETag");
        const Validators validators{etag, etag.isEmpty() ? response.header("Last-Modified") : QByteArray()};
        reply->body = response.body;
        reply->fetchedAt = now;
        whenCached(reply, parseAndKeep(crate, path, response.body, validators, now),
                   [this, reply, crate, path, validators](IndexFileParser::Result parsed) {
                       warnAboutLeftOutLines(crate, parsed.problems, reply);
                       reply->entries = std::move(parsed.entries);
                       rememberParsed(path, validators, reply->entries);
                       reply->finish();
                   });
    });
}

RegistryReply *RegistryClient::apiCall(const QByteArray &verb, const QString &path, const QByteArray &body, bool needsAuth,
                                       const QByteArray &contentType)
{
    auto *reply = new RegistryReply(this);
    withConfig(reply, [this, reply, verb, path, body, needsAuth, contentType](const RegistryError &configError) {
        if (configError)
            return reply->finish(configError);
        if (m_config->api.isEmpty())
            return reply->finish(RegistryError::make(RegistryError::Kind::Http,
                tr("the feed %1 has no web API: its config.json names no \"api\"").arg(m_feed.name)));
        if (needsAuth && m_authorization.isEmpty())
            return reply->finish(RegistryError::make(RegistryError::Kind::AuthRequired, needsToken()));
        HttpRequest request;
        request.url = m_config->apiUrl(path);
        request.verb = verb;
        request.body = body;
        request.headers.emplaceBack("Accept", "application/json");
        if (!body.isEmpty())
            request.headers.emplaceBack("Content-Type", contentType);
        request.retryable = verb == "GET";
        HttpJob *job = send(request, needsAuth || m_config->authRequired);
        reply->track(job);
        connect(job, &HttpJob::finished, reply, [this, reply, job] {
            const HttpResponse &response = job->response();
            if (response.error)
                return reply->finish(explain(response.error));
            QJsonParseError parseError;
            reply->json = QJsonDocument::fromJson(response.body, &parseError);
            if (!response.body.isEmpty() && parseError.error != QJsonParseError::NoError)
                return reply->finish(RegistryError::make(RegistryError::Kind::Parse,
                    tr("the feed %1 answered something that is not JSON").arg(m_feed.name), response.finalUrl, response.status));
            // cargo treats an errors array as a failure even in a 2xx answer.
            const QJsonArray errors = reply->json.object().value(u"errors"_s).toArray();
            if (!errors.isEmpty())
                return reply->finish(RegistryError::make(RegistryError::Kind::Http,
                    tr("the feed %1 answered with an error: %2").arg(m_feed.name, errors.at(0).toObject().value(u"detail"_s).toString()),
                    response.finalUrl, response.status));
            reply->finish();
        });
    });
    return reply;
}

RegistryReply *RegistryClient::publish(const QByteArray &framedBody, const QString &label)
{
    qCDebug(lcRegistry).noquote() << "publishing" << label << "to" << m_feed.name;
    RegistryReply *reply = apiCall("PUT", u"/crates/new"_s, framedBody, true, "application/octet-stream");
    connect(reply, &RegistryReply::finished, reply, [reply] {
        if (reply->error())
            return;
        // Cargo prints every list under "warnings"; crates.io fills these three.
        const QJsonObject warnings = reply->json.object().value(u"warnings"_s).toObject();
        const QStringList categories = jsonStrings(warnings.value(u"invalid_categories"_s));
        const QStringList badges = jsonStrings(warnings.value(u"invalid_badges"_s));
        if (!categories.isEmpty())
            reply->warnings << tr("the following are not valid category slugs and were ignored: %1").arg(categories.join(u", "_s));
        if (!badges.isEmpty())
            reply->warnings << tr("the following are not valid badges and were ignored: %1").arg(badges.join(u", "_s));
        reply->warnings << jsonStrings(warnings.value(u"other"_s));
    });
    return reply;
}

RegistryReply *RegistryClient::uploadToProGet(const QByteArray &crate, const QString &label)
{
    auto *reply = new RegistryReply(this);
    withCredentials([this, reply, crate, label] {
        const QUrl url = proGetUrl(u"/upload"_s);
        if (!url.isValid())
            return reply->finish(RegistryError::make(RegistryError::Kind::Http,
                tr("%1 does not look like a ProGet Cargo feed (…/cargo/FEED/), so %2 cannot go through ProGet's upload").arg(m_feed.name, label)));
        if (m_authorization.isEmpty())
            return reply->finish(RegistryError::make(RegistryError::Kind::AuthRequired,
                tr("ProGet needs an API key to upload %1 to %2: add one to the feed").arg(label, m_feed.name)));
        HttpRequest request;
        request.url = url;
        request.verb = "PUT";
        request.body = crate;
        request.retryable = false;
        request.headers.emplaceBack("Content-Type", "application/octet-stream");
        if (m_feed.auth == Feed::AuthKind::Token)
            request.setSecretHeader("X-ApiKey", m_authorization);
        HttpJob *job = send(request, m_feed.auth == Feed::AuthKind::Basic);
        reply->track(job);
        connect(job, &HttpJob::finished, reply, [this, reply, job] {
            const HttpResponse &response = job->response();
            notice(response);
            if (response.error)
                return reply->finish(explain(response.error));
            reply->finish();
        });
    });
    return reply;
}

RegistryReply *RegistryClient::search(const QString &query, int perPage)
{
    QUrlQuery params;
    params.addQueryItem(u"q"_s, QString::fromLatin1(QUrl::toPercentEncoding(query)));
    params.addQueryItem(u"per_page"_s, QString::number(perPage));
    return apiCall("GET", u"/crates?"_s + params.toString(QUrl::FullyEncoded), {}, false);
}

RegistryReply *RegistryClient::setYanked(const QString &crate, const QString &version, bool yanked)
{
    const QString path = u"/crates/%1/%2/%3"_s.arg(crate, version, yanked ? u"yank"_s : u"unyank"_s);
    return apiCall(yanked ? "DELETE" : "PUT", path, {}, true);
}

RegistryReply *RegistryClient::owners(const QString &crate)
{
    return apiCall("GET", u"/crates/%1/owners"_s.arg(crate), {}, true);
}

RegistryReply *RegistryClient::changeOwners(const QString &crate, const QStringList &logins, bool add)
{
    const QByteArray body = QJsonDocument(QJsonObject{{u"users"_s, QJsonArray::fromStringList(logins)}}).toJson(QJsonDocument::Compact);
    return apiCall(add ? "PUT" : "DELETE", u"/crates/%1/owners"_s.arg(crate), body, true);
}

void RegistryClient::rememberParsed(const QString &path, const Validators &validators, const QList<IndexEntry> &entries)
{
    if (!validators.isEmpty())
        m_parsed.insert(path, new ParsedIndex{validators, entries}, qMax<qsizetype>(1, entries.size()));
}

void RegistryClient::warnAboutLeftOutLines(const QString &crate, const QStringList &problems, RegistryReply *reply) const
{
    for (const QString &problem : problems) {
        // cargo skips such lines too; a line it could not have written is worth a word.
        const QString warning = tr("%1: the index file of %2 has a line that was left out: %3").arg(m_feed.name, crate, problem);
        qCWarning(lcRegistry).noquote() << warning;
        if (reply->warnings.size() < 20)
            reply->warnings << warning;
    }
}

QFuture<IndexFileParser::Result> RegistryClient::parseAndKeep(const QString &crate, const QString &path, const QByteArray &body,
                                                              const Validators &validators, const QDateTime &fetchedAt)
{
    if (!m_cache)
        return QtConcurrent::run([crate, body] { return IndexFileParser::parse(body, crate); });
    // Parsed (and put in the cache's form) on the cache's workers, then kept on its thread with
    // the body, so that the two never disagree and a 304 in a later session needs no parse. The
    // entries go out before the write: a closure waits for them to find what to fetch next.
    struct ParsedFile
    {
        IndexFileParser::Result result;
        QByteArray encoded;
    };
    IndexCache::Entry entry{body, validators.etag, validators.lastModified, fetchedAt, {}};
    return m_cache
        ->computeThenKeep(
            [crate, body] {
                IndexFileParser::Result result = IndexFileParser::parse(body, crate);
                QByteArray encoded = IndexEntryCodec::encode(result.entries);
                return ParsedFile{std::move(result), std::move(encoded)};
            },
            [key = feedKey(), path, entry](IndexCacheStore *store, const ParsedFile &parsed) mutable {
                if (!store)
                    return;
                entry.parsed = parsed.encoded;
                store->put(key, path, entry);
            })
        .then([](const ParsedFile &parsed) { return parsed.result; });
}

void RegistryClient::serveCached(RegistryReply *reply, const QString &crate, const QString &path, const Cached &cached,
                                 bool stale)
{
    reply->fromCache = true;
    reply->stale = stale;
    reply->fetchedAt = cached.fetchedAt;
    const Validators &validators = cached.validators;
    if (const ParsedIndex *known = m_parsed.object(path); known && !validators.isEmpty() && known->validators == validators) {
        reply->parsedEarlier = true;
        reply->entries = known->entries;
        return reply->finish();
    }
    auto read = m_cache->run([key = feedKey(), path, crate](IndexCacheStore *store) {
        return readCachedEntries(store, key, path, crate);
    });
    whenCached(reply, read, [this, reply, crate, path, validators = cached.validators](CachedEntries file) {
        reply->parsedEarlier = file.parsedEarlier;
        reply->body = std::move(file.body);
        warnAboutLeftOutLines(crate, file.problems, reply);
        if (file.found)
            rememberParsed(path, validators, file.entries);
        reply->entries = std::move(file.entries);
        reply->finish();
    });
}
