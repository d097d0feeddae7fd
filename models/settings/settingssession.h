// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "localfeed/feederror.h"
#include "net/extracacertificates.h"
#include "net/proxysettings.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

class IndexCache;
class LocalFeedHost;
class QSettings;
class SecretStore;

// What the Settings dialog shows and changes, applied to the running app without a restart
// and kept in the user's settings: the local feed's port and read rule, the index cache's
// size limit, the network proxy and the CAs trusted besides the system's. The dialog drives it; the composition root gives it the
// parts it changes. Nothing here blocks: the feed moves on its own thread, the proxy's
// password goes through the keychain, the cache is measured on a worker thread.
class SettingsSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsSession)

public:
    struct Values
    {
        quint16 localFeedPort = 0;
        bool requireTokenToRead = false;
        int cacheLimitMiB = 0;
        ProxySettings proxy;
        QString caFile; // PEM file of CAs trusted besides the system's; empty: none

        friend bool operator==(const Values &, const Values &) = default;
    };
    struct Outcome
    {
        // The port could not be had; the feed still serves the one it had.
        FeedError portError;
        // The new port is kept for the next start only: the feed is not running.
        bool portForNextStart = false;
        // The proxy's password could not be kept (or read); the proxy is used without it.
        QString proxyError;
        // The new CA file cannot be used; the one before stays in effect and stored.
        QString caError;

        bool ok() const { return !portError && proxyError.isEmpty() && caError.isEmpty(); }
    };

    SettingsSession(QSettings *settings, SecretStore *secrets, QObject *parent = nullptr);
    ~SettingsSession() override;

    // The running embedded feed (may be null: the port is then kept for the next start).
    void setLocalFeed(LocalFeedHost *feed);
    // The cache whose limit changes at once (may be null); it prunes to it at its next write.
    void setIndexCache(IndexCache *cache);

    static int minimumCacheMiB();
    static int maximumCacheMiB();

    // What is in effect: the running feed's port and rule, else what is stored.
    Values values() const;
    // Stores what differs from values() and puts it to work; applied() follows, once. The
    // password is the manual proxy's new one; nullopt keeps the one in the keychain.
    void apply(const Values &wanted, const std::optional<QByteArray> &proxyPassword = std::nullopt);
    bool isApplying() const { return m_waiting > 0; }

    // The index cache's bytes on disk, measured on a worker thread; cacheMeasured() follows.
    void measureCache();
    // Empties the index cache on its own thread; cacheCleared() follows, then cacheMeasured().
    void clearCache();

    // At start (the app, the command line): the stored proxy for every request of the
    // process, its password read from the keychain when it needs one; proxyInstalled() follows.
    void installProxy();
    // At start: the CA file's certificates, read on a worker thread, trusted besides the
    // system's; caCertificatesInstalled() follows.
    void installCaCertificates();
    // Why the CA file in effect could not be used; empty when it was, or none is set.
    QString caCertificatesProblem() const { return m_caProblem; }

Q_SIGNALS:
    void applied(const SettingsSession::Outcome &outcome);
    void cacheMeasured(qint64 bytes);
    void cacheCleared(bool ok);
    void proxyInstalled(const QString &error);
    void caCertificatesInstalled(const QString &error);

private:
    void applyProxy(const ProxySettings &proxy, const std::optional<QByteArray> &password);
    void movePort(quint16 port);
    void loadCaCertificates(const QString &file, const std::function<void(const ExtraCaCertificates::Loaded &)> &then);
    void done();

    QSettings *m_settings;
    SecretStore *m_secrets;
    QPointer<LocalFeedHost> m_localFeed;
    IndexCache *m_cache = nullptr;
    int m_waiting = 0;
    Outcome m_outcome;
    QString m_caProblem;
    int m_caLoads = 0;
};
