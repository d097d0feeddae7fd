// SPDX-License-Identifier: GPL-3.0-or-later
#include "settingssession.h"

#include "localfeed/localfeedhost.h"
#include "localfeed/localfeedsettings.h"
#include "net/extracacertificates.h"
#include "net/networkproxyfactory.h"
#include "secrets/secretstore.h"
#include "storage/indexcache.h"
#include "storage/indexcachesettings.h"

#include <QFuture>
#include <QSettings>
#include <QtConcurrentRun>

using namespace Qt::Literals::StringLiterals;

SettingsSession::SettingsSession(QSettings *settings, SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_secrets(secrets)
{
}

SettingsSession::~SettingsSession() = default;

void SettingsSession::setLocalFeed(LocalFeedHost *feed)
{
    m_localFeed = feed;
}

void SettingsSession::setIndexCache(IndexCache *cache)
{
    m_cache = cache;
}

int SettingsSession::minimumCacheMiB()
{
    return IndexCacheSettings::MinimumMiB;
}

int SettingsSession::maximumCacheMiB()
{
    return IndexCacheSettings::MaximumMiB;
}

SettingsSession::Values SettingsSession::values() const
{
    const LocalFeedSettings feed(m_settings);
    Values values;
    const bool running = m_localFeed && m_localFeed->isRunning();
    values.localFeedPort = running ? quint16(m_localFeed->indexUrl().port()) : feed.port();
    values.requireTokenToRead = m_localFeed ? m_localFeed->authRequired() : feed.requireTokenToRead();
    values.cacheLimitMiB = IndexCacheSettings(m_settings).sizeLimitMiB();
    values.proxy = ProxySettings::load(*m_settings);
    values.caFile = ExtraCaCertificates::configuredFile(*m_settings);
    return values;
}

void SettingsSession::apply(const Values &wanted, const std::optional<QByteArray> &proxyPassword)
{
    if (isApplying())
        return;
    const Values current = values();
    m_outcome = {};
    LocalFeedSettings feed(m_settings);
    if (wanted.requireTokenToRead != current.requireTokenToRead) {
        feed.setRequireTokenToRead(wanted.requireTokenToRead);
        if (m_localFeed)
            m_localFeed->setAuthRequired(wanted.requireTokenToRead);
    }
    if (wanted.cacheLimitMiB != current.cacheLimitMiB) {
        IndexCacheSettings cache(m_settings);
        cache.setSizeLimitMiB(wanted.cacheLimitMiB);
        if (m_cache)
            m_cache->setSizeLimit(IndexCacheSettings::bytes(cache.sizeLimitMiB()));
    }
    // Counted before either starts, so that one finishing at once does not end the other.
    const bool proxyChanged = wanted.proxy != current.proxy || proxyPassword.has_value();
    const bool portChanged = wanted.localFeedPort != current.localFeedPort;
    const bool caChanged = wanted.caFile != current.caFile;
    m_waiting = 1 + int(proxyChanged) + int(portChanged) + int(caChanged);
    if (proxyChanged)
        applyProxy(wanted.proxy, proxyPassword);
    if (caChanged) {
        // Kept and put to work only once it loads: a mistyped path must not undo a file that works.
        loadCaCertificates(wanted.caFile, [this](const ExtraCaCertificates::Loaded &loaded) {
            if (loaded.ok()) {
                ExtraCaCertificates::setConfiguredFile(*m_settings, loaded.file);
                ExtraCaCertificates::install(loaded);
                m_caProblem.clear();
            }
            m_outcome.caError = loaded.error;
            done();
        });
    }
    if (portChanged)
        movePort(wanted.localFeedPort);
    // applied() always comes from the event loop, as the slower changes' does.
    QMetaObject::invokeMethod(this, &SettingsSession::done, Qt::QueuedConnection);
}

void SettingsSession::applyProxy(const ProxySettings &proxy, const std::optional<QByteArray> &password)
{
    proxy.save(*m_settings);
    if (!proxy.needsPassword()) {
        NetworkProxyFactory::install(proxy);
        return done();
    }
    const QString key = ProxySettings::PasswordSecretKey;
    if (!password) {
        m_secrets->readSecret(key, this, [this, proxy](const SecretStore::Result &result) {
            NetworkProxyFactory::install(proxy, result.secret);
            if (!result.ok() && result.error != SecretStore::Error::NotFound)
                m_outcome.proxyError = result.message;
            done();
        });
        return;
    }
    // Installed at once: the proxy works for this run even when the keychain refuses to keep it.
    NetworkProxyFactory::install(proxy, *password);
    m_secrets->writeSecret(key, *password, this, [this](const SecretStore::Result &result) {
        if (!result.ok())
            m_outcome.proxyError = result.message;
        done();
    });
}

void SettingsSession::movePort(quint16 port)
{
    if (!m_localFeed || !m_localFeed->isRunning()) {
        LocalFeedSettings(m_settings).setPort(port);
        m_outcome.portForNextStart = true;
        return done();
    }
    connect(m_localFeed, &LocalFeedHost::portChanged, this, [this, port](const QUrl &, const QUrl &, const FeedError &error) {
        // Kept only once the feed listens there: a port that cannot be had is not the next
        // start's either.
        if (error)
            m_outcome.portError = error;
        else
            LocalFeedSettings(m_settings).setPort(port);
        done();
    }, Qt::SingleShotConnection);
    m_localFeed->changePort(port);
}

void SettingsSession::done()
{
    if (--m_waiting == 0)
        Q_EMIT applied(m_outcome);
}

void SettingsSession::measureCache()
{
    if (!m_cache) {
        Q_EMIT cacheMeasured(0);
        return;
    }
    QtConcurrent::run([path = m_cache->path()] { return IndexCacheSettings::bytesOnDisk(path); })
        .then(this, [this](qint64 bytes) { Q_EMIT cacheMeasured(bytes); });
}

void SettingsSession::clearCache()
{
    if (!m_cache) {
        QMetaObject::invokeMethod(this, [this] { Q_EMIT cacheCleared(false); }, Qt::QueuedConnection);
        return;
    }
    m_cache->clear().then(this, [this](bool ok) {
        Q_EMIT cacheCleared(ok);
        measureCache();
    });
}

void SettingsSession::installProxy()
{
    const ProxySettings proxy = ProxySettings::load(*m_settings);
    NetworkProxyFactory::install(proxy);
    if (!proxy.needsPassword()) {
        QMetaObject::invokeMethod(this, [this] { Q_EMIT proxyInstalled({}); }, Qt::QueuedConnection);
        return;
    }
    m_secrets->readSecret(ProxySettings::PasswordSecretKey, this, [this, proxy](const SecretStore::Result &result) {
        NetworkProxyFactory::install(proxy, result.secret);
        Q_EMIT proxyInstalled(result.ok() ? QString() : result.message);
    });
}

void SettingsSession::installCaCertificates()
{
    loadCaCertificates(ExtraCaCertificates::configuredFile(*m_settings), [this](const ExtraCaCertificates::Loaded &loaded) {
        // A stored file that went bad since leaves the system's CAs alone in effect.
        ExtraCaCertificates::install(loaded);
        m_caProblem = loaded.error;
        Q_EMIT caCertificatesInstalled(loaded.error);
    });
}

void SettingsSession::loadCaCertificates(const QString &file, const std::function<void(const ExtraCaCertificates::Loaded &)> &then)
{
    const int load = ++m_caLoads;
    QtConcurrent::run([file] { return ExtraCaCertificates::load(file); })
        .then(this, [this, load, then](const ExtraCaCertificates::Loaded &loaded) {
            // then() runs at once when the load finished before it was attached; the answer
            // always comes from the event loop all the same, as the proxy's does. Only the
            // latest load counts: an older one may finish after it.
            QMetaObject::invokeMethod(this, [this, load, then, loaded] {
                if (load == m_caLoads)
                    then(loaded);
            }, Qt::QueuedConnection);
        });
}
