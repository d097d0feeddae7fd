// SPDX-License-Identifier: GPL-3.0-or-later
#include "upstreamconnector.h"

#include "crate/cargomanifest.h"
#include "crate/cratearchive.h"
#include "cargotypes/cratefilepath.h"
#include "cargotypes/cratename.h"
#include "cargotypes/feed.h"
#include "net/httpclient.h"
#include "registry/registryclient.h"
#include "cargotypes/indexfileparser.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcUpstream, "cratedesk.feed.upstream")

namespace {

// A dead upstream is asked again only after this pause; meanwhile the cache answers at once.
constexpr int DownBackoffMs = 10000;
// Without a web API, at most this many versions per crate have their license read from the crate.
constexpr qsizetype MaxCratesForLicenses = 8;

// Errors that say "the upstream is not there right now" rather than "it said no".
bool isUnreachable(const RegistryError &error)
{
    using K = RegistryError::Kind;
    return error.kind == K::Network || error.kind == K::Timeout
        || (error.kind == K::Http && (error.httpStatus >= 500 || error.httpStatus == 429));
}

// The connector as the registry client sees it: a feed with the connector's name and credentials.
Feed feedOf(const ConnectorConfig &config)
{
    Feed feed;
    feed.name = config.name;
    feed.indexUrl = config.indexUrl;
    feed.basicUser = config.user;
    switch (config.auth) {
    case ConnectorConfig::Auth::None:
        feed.auth = Feed::AuthKind::None;
        break;
    case ConnectorConfig::Auth::Token:
        feed.auth = Feed::AuthKind::Token;
        break;
    case ConnectorConfig::Auth::Basic:
        feed.auth = Feed::AuthKind::Basic;
        break;
    }
    return feed;
}

QString licenseOfCrate(const QString &path)
{
    const auto archive = CrateArchive::open(path);
    if (!archive.isOk())
        return {};
    const auto manifest = CargoManifest::parse(archive.archive->manifestBytes());
    return manifest.isOk() ? manifest.manifest->license.value_or(QString()) : QString();
}

} // namespace

UpstreamConnector::UpstreamConnector(const ConnectorConfig &config, ConnectorStore *store, HttpClient *http, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_store(store)
    // No keychain and no cache of its own: the secret comes through setSecret(), and what is
    // cached, and for how long, is this connector's policy (the feed's ConnectorStore).
    , m_client(new RegistryClient(feedOf(config), http, nullptr, nullptr, this))
    , m_ready(config.auth == ConnectorConfig::Auth::None)
{
    // cargo waits on the other side: one quick retry, then the cache answers.
    m_client->setPatience(config.timeoutSeconds * 1000, 1);
    m_client->setAuthenticatesOwnOrigin(true);
}

UpstreamConnector::~UpstreamConnector()
{
    // Removed or reconfigured while cargo waits: every waiting request gets its answer now.
    Index gone;
    gone.state = Index::State::Failed;
    gone.error = u"connector %1 was removed or changed while the upstream was asked"_s.arg(m_config.name);
    for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
        const auto waiting = std::exchange(it->waiting, {});
        for (const auto &callback : waiting)
            callback(gone);
    }
    Download failed;
    failed.error = RegistryError::make(RegistryError::Kind::Cancelled, gone.error);
    const auto downloads = std::exchange(m_downloads, {});
    for (const auto &callbacks : downloads)
        for (const auto &callback : callbacks)
            callback(failed);
    // The client's replies still running end here, without calling back into this connector.
    m_client->retire(gone.error);
}

void UpstreamConnector::setMaxCrateBytes(qint64 bytes)
{
    m_client->setMaxCrateBytes(bytes);
}

void UpstreamConnector::setSecret(const QByteArray &secret)
{
    m_client->setCredential(secret);
    m_hasSecret = m_config.auth != ConnectorConfig::Auth::None && !secret.isEmpty();
    m_ready = true;
    const auto waiting = std::exchange(m_waitingForSecret, {});
    for (const auto &next : waiting)
        next();
}

void UpstreamConnector::setSecretError(const QString &message)
{
    // Go on without credentials: the upstream's 401 then tells the user what is missing.
    qCWarning(lcUpstream).noquote() << "connector" << m_config.name << ":" << message;
    m_secretError = message;
    setSecret({});
}

void UpstreamConnector::whenReady(std::function<void()> next)
{
    if (m_ready)
        next();
    else
        m_waitingForSecret.append(std::move(next));
}

void UpstreamConnector::testConnection(TestCallback done)
{
    whenReady([this, done] {
        RegistryReply *reply = m_client->fetchConfig();
        connect(reply, &RegistryReply::finished, this, [this, reply, done] {
            if (reply->error()) {
                RegistryError error = reply->error();
                if (error.kind == RegistryError::Kind::Parse)
                    error.message = tr("%1 answered, but its config.json is not a sparse registry's: %2").arg(
                        m_config.indexUrl.toDisplayString(), error.message);
                if (!m_secretError.isEmpty())
                    error.message = tr("%1 (the connector's secret could not be read: %2)", "upstream error (keychain error)")
                                        .arg(error.message, m_secretError);
                return done(error, {});
            }
            const RegistryConfig config = *m_client->config();
            const QString url = m_config.indexUrl.toDisplayString();
            const bool api = !config.api.isEmpty();
            QString summary;
            if (!config.authRequired)
                summary = api ? tr("%1 is a sparse registry with a web API").arg(url)
                              : tr("%1 is a sparse registry without a web API").arg(url);
            else if (m_hasSecret)
                summary = api ? tr("%1 is a sparse registry with a web API; it requires credentials, which it accepted").arg(url)
                              : tr("%1 is a sparse registry without a web API; it requires credentials, which it accepted").arg(url);
            else
                summary = api ? tr("%1 is a sparse registry with a web API; it requires credentials, and none are set").arg(url)
                              : tr("%1 is a sparse registry without a web API; it requires credentials, and none are set").arg(url);
            done({}, summary);
        });
    });
}

UpstreamConnector::Index UpstreamConnector::fromCache(const Entry &entry, bool stale) const
{
    Index index;
    index.stale = stale;
    index.generation = entry.generation;
    if (!entry.cached) {
        index.state = Index::State::Failed;
        return index;
    }
    index.state = entry.cached->status == 200 ? Index::State::Found : Index::State::NotFound;
    index.body = entry.cached->body;
    index.licenses = entry.cached->licenses;
    return index;
}

void UpstreamConnector::index(const QString &lowerName, IndexCallback done)
{
    Entry &entry = m_entries[lowerName];
    if (!entry.loaded) {
        entry.loaded = true;
        if (m_store)
            entry.cached = m_store->cachedIndex(m_config.name, lowerName);
        entry.generation = ++m_generation;
    }
    if (entry.cached && (!entry.freshUntil.hasExpired() || !m_downUntil.hasExpired()))
        return done(fromCache(entry, !m_downUntil.hasExpired()));
    entry.waiting.append(std::move(done));
    if (entry.fetching)
        return;
    entry.fetching = true;
    whenReady([this, lowerName] { fetchIndex(lowerName); });
}

void UpstreamConnector::fetchIndex(const QString &lowerName)
{
    const Entry &entry = m_entries[lowerName];
    const bool revalidate = entry.cached && entry.cached->status == 200;
    RegistryReply *reply = m_client->fetchIndexFile(lowerName, revalidate ? entry.cached->etag : QByteArray(),
                                                    revalidate ? entry.cached->lastModified : QByteArray());
    connect(reply, &RegistryReply::finished, this, [this, lowerName, reply] { indexFetched(lowerName, reply); });
}

void UpstreamConnector::indexFetched(const QString &lowerName, RegistryReply *reply)
{
    Entry &entry = m_entries[lowerName];
    const RegistryError &error = reply->error();

    if (error && error.kind != RegistryError::Kind::NotFound) {
        if (isUnreachable(error))
            m_downUntil.setRemainingTime(DownBackoffMs);
        qCWarning(lcUpstream).noquote() << "connector" << m_config.name << ":" << error.message
                                        << (entry.cached ? "; serving the cached copy" : "; nothing cached");
        if (entry.cached && isUnreachable(error))
            return complete(lowerName, fromCache(entry, true));
        Index failed;
        failed.state = Index::State::Failed;
        failed.error = error.message;
        return complete(lowerName, failed);
    }

    ConnectorStore::CachedIndex fresh;
    fresh.fetched = QDateTime::currentDateTimeUtc();
    if (error) { // 404, 410, 451: the upstream does not have the crate
        fresh.status = 404;
    } else if (reply->notModified && entry.cached) {
        fresh = *entry.cached;
        fresh.fetched = QDateTime::currentDateTimeUtc();
        // Rules switched on since the file was cached: learn its licenses now.
        if (m_config.licenses.isActive() && fresh.licenses.isEmpty())
            return fetchLicenses(lowerName, fresh);
    } else {
        fresh.status = 200;
        fresh.body = reply->body;
        fresh.etag = reply->etag;
        fresh.lastModified = reply->lastModified;
        if (entry.cached && entry.cached->body == fresh.body)
            fresh.licenses = entry.cached->licenses;
        if (m_config.licenses.isActive() && fresh.licenses.isEmpty())
            return fetchLicenses(lowerName, fresh);
    }
    const bool changed = !entry.cached || entry.cached->status != fresh.status || entry.cached->body != fresh.body;
    entry.cached = fresh;
    if (changed)
        entry.generation = ++m_generation;
    if (m_store)
        m_store->storeIndex(m_config.name, lowerName, fresh);
    entry.freshUntil.setRemainingTime(qint64(m_config.cacheSeconds) * 1000);
    complete(lowerName, fromCache(entry, false));
}

void UpstreamConnector::fetchLicenses(const QString &lowerName, ConnectorStore::CachedIndex fresh)
{
    auto finish = [this, lowerName](ConnectorStore::CachedIndex done) {
        Entry &entry = m_entries[lowerName];
        entry.cached = done;
        entry.generation = ++m_generation;
        if (m_store)
            m_store->storeIndex(m_config.name, lowerName, done);
        entry.freshUntil.setRemainingTime(qint64(m_config.cacheSeconds) * 1000);
        complete(lowerName, fromCache(entry, false));
    };
    // crates.io's crate JSON (and the local feed's) names every version's license; an upstream
    // without a web API answers with an error, and the crates themselves are read instead.
    RegistryReply *reply = m_client->crateInfo(lowerName);
    connect(reply, &RegistryReply::finished, this, [this, reply, lowerName, fresh, finish]() mutable {
        const QJsonArray versions = reply->json.object().value(u"versions"_s).toArray();
        for (const QJsonValue &value : versions) {
            const QJsonObject version = value.toObject();
            const QJsonValue license = version.value(u"license"_s);
            if (license.isString() && !license.toString().isEmpty())
                fresh.licenses.insert(version.value(u"num"_s).toString(), license.toString());
        }
        licensesFromCrates(lowerName, fresh, finish);
    });
}

void UpstreamConnector::complete(const QString &lowerName, Index result)
{
    Entry &entry = m_entries[lowerName];
    entry.fetching = false;
    const auto waiting = std::exchange(entry.waiting, {});
    for (const auto &callback : waiting)
        callback(result);
}

void UpstreamConnector::crate(const QString &name, const QString &vers, const QString &cksum, DownloadCallback done)
{
    // Only what passed the index rules reaches here; checked again because it names a file.
    const QString path = m_store ? m_store->cratePath(m_config.name, cksum) : CrateFilePath::byChecksum(QDir::tempPath(), cksum);
    if (path.isEmpty() || CrateFilePath::fileName(name, vers).isEmpty()) {
        Download refused;
        refused.error = RegistryError::make(RegistryError::Kind::Parse,
            u"connector %1 offers `%2@%3` without a valid name, version and sha256 checksum; it is not downloaded"_s.arg(
                m_config.name, name.left(80), vers.left(80)));
        return done(refused);
    }
    if (m_store) {
        if (const auto cached = m_store->cachedCrate(m_config.name, name, vers); cached && cached->cksum == cksum)
            return done({cached->path, cached->license, {}});
    }
    const QString key = name.toLower() + u'/' + vers;
    auto &waiting = m_downloads[key];
    waiting.append(std::move(done));
    if (waiting.size() > 1)
        return;
    whenReady([this, key, name, vers, cksum, path] {
        QDir().mkpath(QFileInfo(path).absolutePath());
        // The bytes are kept only when they hash to the upstream index's cksum.
        RegistryReply *reply = m_client->download(name, vers, cksum, path);
        connect(reply, &RegistryReply::finished, this, [this, key, name, vers, cksum, reply, path] {
            downloadFinished(key, name, vers, cksum, reply, path);
        });
    });
}

void UpstreamConnector::downloadFinished(const QString &key, const QString &name, const QString &vers, const QString &cksum,
                                         RegistryReply *reply, const QString &path)
{
    Download result;
    result.error = reply->error();
    if (result.error) {
        if (isUnreachable(result.error))
            m_downUntil.setRemainingTime(DownBackoffMs);
        qCWarning(lcUpstream).noquote() << "connector" << m_config.name << ":" << result.error.message;
    } else {
        result.path = path;
        result.license = licenseOfCrate(path);
        if (m_store)
            m_store->recordCrate(m_config.name, name, vers, cksum, result.license);
        qCInfo(lcUpstream).noquote() << "connector" << m_config.name << "cached" << name << vers;
    }
    const auto callbacks = m_downloads.take(key);
    for (const auto &callback : callbacks)
        callback(result);
}

void UpstreamConnector::licensesFromCrates(const QString &lowerName, ConnectorStore::CachedIndex fresh,
                                           std::function<void(ConnectorStore::CachedIndex)> finish)
{
    // The web API named no license for these versions: read the crates' own Cargo.toml, newest
    // first and a bounded number of them (they are cached, as cargo would fetch one anyway).
    // Only lines that pass the index rules: their name and version become a download.
    struct Missing
    {
        QString name, vers, cksum;
    };
    QList<Missing> missing;
    const QList<IndexEntry> entries = IndexFileParser::parse(fresh.body, lowerName).entries;
    for (auto it = entries.crbegin(); it != entries.crend() && missing.size() < MaxCratesForLicenses; ++it) {
        if (it->yanked || fresh.licenses.contains(it->vers))
            continue;
        missing.append({it->name, it->vers, it->cksum});
    }
    if (missing.isEmpty())
        return finish(fresh);
    auto state = std::make_shared<std::pair<ConnectorStore::CachedIndex, qsizetype>>(fresh, missing.size());
    for (const Missing &entry : std::as_const(missing)) {
        crate(entry.name, entry.vers, entry.cksum, [state, finish, vers = entry.vers](const Download &download) {
            if (!download.error && !download.license.isEmpty())
                state->first.licenses.insert(vers, download.license);
            if (--state->second == 0)
                finish(state->first);
        });
    }
}
