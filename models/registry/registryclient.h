// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cargotypes/cratesummary.h"
#include "cargotypes/feed.h"
#include "cargotypes/indexentry.h"
#include "cargotypes/indexfileparser.h"
#include "cargotypes/registryconfig.h"
#include "cargotypes/registryerror.h"
#include "cargotypes/reversedependency.h"
#include "cargotypes/versionfacts.h"

#include <QDateTime>
#include <QFuture>
#include <QJsonDocument>
#include <QCache>
#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

class HttpClient;
class IndexCache;
class HttpJob;
class SecretStore;
struct HttpRequest;
struct HttpResponse;

// One operation on a feed. Finishes exactly once; the client deletes it afterwards, so read
// the results in the slot connected to finished().
class RegistryReply final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RegistryReply)

public:
    explicit RegistryReply(QObject *parent = nullptr);
    ~RegistryReply() override;

    const RegistryError &error() const { return m_error; }
    bool isFinished() const { return m_finished; }
    void cancel();

    // Filled according to the operation.
    QJsonDocument json;           // web API answers
    QByteArray body;              // raw index file
    QList<IndexEntry> entries;    // parsed index file
    bool parsedEarlier = false;   // entries not parsed again: kept from earlier in this session, or stored in the cache
    bool fromCache = false;       // served without a new download (304 or offline)
    bool stale = false;           // the feed could not be reached: what the cache had
    QDateTime fetchedAt;          // when the data was last confirmed by the feed
    QByteArray etag;              // fetchIndexFile: the validators of the body sent
    QByteArray lastModified;
    bool notModified = false;     // fetchIndexFile: 304, the caller's copy is current
    QString savedPath;            // downloads
    QList<CrateSummary> crates;   // listCrates
    QString nextPage;             // listCrates: where the listing goes on; empty when complete
    QString license;              // license
    QList<ReverseDependency> dependents; // cachedReverseDependencies
    VersionFacts facts; // license
    QStringList warnings;         // publish: what the server said it ignored or wants known;
                                  // fetchIndex: index lines left out, each naming feed and line

Q_SIGNALS:
    void progress(qint64 done, qint64 total);
    void uploadProgress(qint64 sent, qint64 total);
    // listCrates: crates[first] and after arrived; more may follow until finished().
    void cratesAdded(qsizetype first);
    void finished();

private:
    friend class RegistryClient;
    void finish(const RegistryError &error = {});
    void track(HttpJob *job);
    // Ends the operation now with `error`, whatever its job does later: the client that
    // started it is going away.
    void abandon(const RegistryError &error);

    RegistryError m_error;
    bool m_finished = false;
    bool m_cancelled = false;
    QPointer<HttpJob> m_job;
};

// Talks to one sparse feed as cargo does: config.json first, unauthenticated, and again
// with the credentials on a 401; the token on every request once the feed says
// auth-required; conditional index fetches from the cache; the web API under `api`.
class RegistryClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RegistryClient)

public:
    RegistryClient(const Feed &feed, HttpClient *http, IndexCache *cache, SecretStore *secrets, QObject *parent = nullptr);
    ~RegistryClient() override;

    const Feed &feed() const { return m_feed; }
    // Overrides the secret store for this session (the CLI's --token-stdin, tests).
    void setCredential(const QByteArray &secret);

    std::optional<RegistryConfig> config() const { return m_config; }
    QString loginUrl() const { return m_loginUrl; }

    RegistryReply *fetchConfig();
    RegistryReply *fetchIndex(const QString &crate);
    // The index file as the feed sends it, revalidated against the caller's validators (a 304
    // sets notModified and no body). Nothing is cached or parsed here: for a caller that keeps
    // its own copies under its own policy, the local feed's connectors. A crate the feed does
    // not have (404, 410, 451) ends with NotFound.
    RegistryReply *fetchIndexFile(const QString &crate, const QByteArray &etag, const QByteArray &lastModified);
    // The crates.io-style crate JSON (GET {api}/crates/NAME): every version with its license.
    RegistryReply *crateInfo(const QString &crate);
    // Who depends on `crate` (GET {api}/api/v1/crates/NAME/reverse_dependencies, crates.io's
    // shape, in json; ReverseDependency::fromJson reads it). The local feed answers it too.
    RegistryReply *reverseDependencies(const QString &crate);
    // For a feed without that API: the dependents among the index files this app has cached
    // from the feed, each crate with its newest cached version that depends (in dependents).
    // Partial by nature: crates never opened or resolved here are not in the cache. The scan
    // runs on a worker thread; NotFound without a cache.
    RegistryReply *cachedReverseDependencies(const QString &crate);
    RegistryReply *search(const QString &query, int perPage = 10);
    RegistryReply *setYanked(const QString &crate, const QString &version, bool yanked);
    RegistryReply *owners(const QString &crate);
    RegistryReply *changeOwners(const QString &crate, const QStringList &logins, bool add);
    // The crates of the feed where the server can list them: ProGet's Packages API
    // (/api/packages/{feed}/latest, one answer) or crates.io-style /api/v1/crates pages,
    // following the server's meta.next_page (crates.io's seek pagination) where it gives one.
    // Each page is announced with cratesAdded() as it arrives. With maxPages > 0 the reply
    // finishes after that many pages with nextPage set when there are more; pass it back as
    // `from` to go on. 0 lists everything.
    RegistryReply *listCrates(const QString &from = {}, int maxPages = 0);
    // The license of one version: from the server's own metadata (crates.io-style crate JSON,
    // ProGet's licenses), otherwise from the .crate's Cargo.toml, as `cargo info` does. From
    // the same answer, in facts: when, by whom and how large it was published, its downloads
    // (empty where the feed's API does not say).
    RegistryReply *license(const QString &crate, const QString &version, const QString &cksum);
    // A picture a crate's readme shows, from anywhere on the web (http or https): never with
    // the feed's credentials, at most `maxBytes`; in body.
    RegistryReply *fetchWebResource(const QUrl &url, qint64 maxBytes);
    // Why a CrateDesk feed does not serve a crate or some of its versions (its curation report,
    // GET {index}/cratedesk/v1/curation/NAME, in json): filters, approved list, license
    // rules, pins. Other servers answer 404 (NotFound).
    RegistryReply *curation(const QString &crate);
    // Set once a response carried X-ProGet-Version or X-ProGet-Edition.
    bool isProGet() const { return !m_proGetVersion.isEmpty(); }

    // PUT {api}/api/v1/crates/new with cargo's framed body (PublishMetadata::frame). Never
    // retried: a publish that reached the server must not be sent twice. `label` names the
    // crate in the log ("serde@1.0.0"); a failure's message gives the reason only. warnings holds the server's warnings.
    RegistryReply *publish(const QByteArray &framedBody, const QString &label);
    // ProGet's own upload (PUT /api/packages/{feed}/upload with the raw .crate).
    RegistryReply *uploadToProGet(const QByteArray &crate, const QString &label);
    // ProGet's promotion of NAME@VERSION from another feed of the same server into this one
    // (POST /api/promotions/promote; the API key needs the Promote permission). Never retried.
    RegistryReply *promoteOnProGet(const QString &fromFeed, const QString &crate, const QString &version);
    // This feed's promotion history for `crate` (GET /api/promotions/list?toFeed=…), in json.
    RegistryReply *proGetPromotions(const QString &crate);
    // ProGet's metadata of one version (GET /api/packages/{feed}/metadata, in json; read it
    // with ProGetPackageReport::fromMetadata): status, compliance, licenses, vulnerabilities.
    RegistryReply *proGetMetadata(const QString &crate, const QString &version);
    // ProGet's batch vulnerability audit (POST /api/sca/audit-package-vulns) of (name, version)
    // pairs, in json; ProGetPackageReport::fromVulnerabilityAudit maps it back to them.
    RegistryReply *proGetVulnerabilityAudit(const QList<std::pair<QString, QString>> &packages);

    // The largest .crate a download accepts (the feed's maximum crate size).
    void setMaxCrateBytes(qint64 bytes) { m_maxCrateBytes = bytes; }
    // How long any request may stall and how often it is tried again. A proxy with cargo
    // waiting on it (a connector) wants its own, shorter patience than a window does.
    void setPatience(int timeoutMs, int maxRetries) { m_patience = {timeoutMs, maxRetries}; }
    // Credentials on every request to the feed's own origin, not only where cargo sends them
    // (after a 401, or everywhere under auth-required). For a connector, whose owner gave it
    // credentials for that upstream: registries that leave auth-required out (Nexus) still get
    // them. Other origins (a CDN for downloads) still get them only under auth-required.
    void setAuthenticatesOwnOrigin(bool on) { m_authenticatesOwnOrigin = on; }
    qint64 maxCrateBytes() const { return m_maxCrateBytes; }

    // Streams the .crate to `targetFile`; it appears only if its sha256 equals `cksum`.
    RegistryReply *download(const QString &crate, const QString &version, const QString &cksum, const QString &targetFile);

    // The feed was edited or removed: every operation still running finishes now, cancelled
    // with `reason`, and retired() tells whoever holds this client to let go of it. The owner
    // deletes the client later (deleteLater), never while a caller is on its stack.
    void retire(const QString &reason);
    bool isRetired() const { return m_retired; }

Q_SIGNALS:
    void retired(const QString &reason);

private:
    using ConfigCallback = std::function<void(const RegistryError &)>;

    void withCredentials(std::function<void()> next);
    void withConfig(RegistryReply *reply, ConfigCallback next);
    void requestConfig(bool withAuth);
    void sendConfigRequest(bool withAuth, bool cachedConfig);
    // The feed cannot be reached: the config it last sent, if the cache has it, else `unreachable`.
    void configFromCache(const RegistryError &unreachable);
    // "FEED cannot be reached (why)", and that CRATE is not cached when one is named.
    QString unreachableMessage(const QString &uncachedCrate) const;
    void configFinished(const RegistryError &error);
    RegistryReply *apiCall(const QByteArray &verb, const QString &path, const QByteArray &body, bool needsAuth,
                           const QByteArray &contentType = "application/json");
    HttpJob *send(HttpRequest request, bool withAuth);
    HttpRequest indexRequest(const QString &path, const QByteArray &etag, const QByteArray &lastModified) const;
    RegistryReply *invalidName(const QString &crate);
    // The reason of a failure, worded for the user and naming the feed: what was being done is
    // the caller's headline ("Could not read serde: …", the command line).
    RegistryError explain(const RegistryError &error) const;
    // "the feed … needs a token: add one to the feed", with where to get one when it said.
    QString needsToken() const;
    QString feedKey() const;
    void notice(const HttpResponse &response);
    QUrl proGetServerUrl(const QString &path) const; // {server}{path}, or empty
    QUrl proGetUrl(const QString &path) const;
    void requestProGet(RegistryReply *reply, const QString &path, std::function<void(const QByteArray &)> done);
    // Any ProGet API call: the API key as X-ApiKey (Basic credentials as cargo sends them),
    // a failure explained, `done` with the body of a success.
    void callProGet(RegistryReply *reply, HttpRequest request, std::function<void(const QByteArray &)> done);
    // The body as the JSON list a ProGet API answers with, into reply->json; finishes the reply,
    // with `notAList` as the error when it is none.
    void finishWithJsonList(RegistryReply *reply, const QByteArray &body, const QString &notAList);
    void listPage(RegistryReply *reply, const QString &query, int pagesLeft);
    void licenseFromCrate(RegistryReply *reply, const QString &crate, const QString &version, const QString &cksum);

    Feed m_feed;
    HttpClient *m_http;
    IndexCache *m_cache;
    SecretStore *m_secrets;
    QByteArray m_authorization;
    bool m_credentialsLoaded = false;
    QList<std::function<void()>> m_credentialWaiters;
    std::optional<RegistryConfig> m_config;
    bool m_configFromCache = false;
    // Why the feed could not be reached when the config came from the cache: a refused
    // connection and an untrusted certificate are both "offline", but the user must see which.
    QString m_unreachableReason;
    QString m_loginUrl;
    QString m_proGetVersion;
    bool m_retired = false;
    qint64 m_maxCrateBytes;
    struct Patience
    {
        int timeoutMs;
        int maxRetries;
    };
    std::optional<Patience> m_patience;
    bool m_authenticatesOwnOrigin = false;
    bool m_configInFlight = false;
    QList<ConfigCallback> m_configWaiters;
    // Parsed index files of this session, valid while the feed's validators say unchanged.
    struct Validators
    {
        QByteArray etag;
        QByteArray lastModified;
        bool isEmpty() const { return etag.isEmpty() && lastModified.isEmpty(); }
        bool operator==(const Validators &) const = default;
    };
    struct ParsedIndex
    {
        Validators validators;
        QList<IndexEntry> entries;
    };
    QCache<QString, ParsedIndex> m_parsed{200000}; // cost: versions held
    // What the cache holds of a file besides its body: enough for a conditional request.
    struct Cached
    {
        Validators validators;
        QDateTime fetchedAt;
    };
    // fetchIndex() once the config and the cached validators are known.
    void fetchIndexFrom(RegistryReply *reply, const QString &crate, const QString &path, const std::optional<Cached> &cached,
                        const RegistryError &configError);
    // Finishes `reply` with a cached file's entries, without parsing where possible: this
    // session's, else the parsed form stored beside the file; sets reply->parsedEarlier (or
    // reply->body when it parses).
    void serveCached(RegistryReply *reply, const QString &crate, const QString &path, const Cached &cached, bool stale);
    // The lines that may stand in `crate`'s file, parsed off this thread; kept in the cache
    // with their parsed form when there is one.
    QFuture<IndexFileParser::Result> parseAndKeep(const QString &crate, const QString &path, const QByteArray &body,
                                                  const Validators &validators, const QDateTime &fetchedAt);
    void rememberParsed(const QString &path, const Validators &validators, const QList<IndexEntry> &entries);
    // Each line left out becomes a warning on reply.
    void warnAboutLeftOutLines(const QString &crate, const QStringList &problems, RegistryReply *reply) const;
    // `next(answer)` on this thread once the cache has answered, while the reply still waits
    // for it: never after this client, or the reply, is gone.
    template<typename T, typename Next>
    void whenCached(RegistryReply *reply, QFuture<T> answer, Next next);
};
