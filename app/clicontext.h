// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cargotypes/feed.h"

#include <QNetworkAccessManager>
#include <QSettings>
#include <QString>

#include <memory>

class FeedSettings;
class HttpClient;
class IndexCache;
class KeychainSecretStore;
class RegistryClient;

// What every registry command needs, built once: settings, keychain, the one network
// manager and HTTP client, and the index cache. The command line's composition root.
class CliContext final
{
    Q_DISABLE_COPY_MOVE(CliContext)

public:
    CliContext();
    ~CliContext();

    FeedSettings &feeds() { return *m_feeds; }
    KeychainSecretStore &secrets() { return *m_secrets; }
    HttpClient &http() { return *m_http; }
    QSettings &settings() { return m_settings; }

    // The feed named on the command line (`--feed NAME`, "local" for the embedded feed when
    // not configured otherwise) or given by URL (`--index URL`); sets *error when neither works.
    std::optional<Feed> resolveFeed(const QString &name, const QString &indexUrl, QString *error) const;
    RegistryClient *clientFor(const Feed &feed);

    // Ends the process once a command that only reads is done: the index cache writes what
    // was queued and the settings are synced, then the process exits without freeing what
    // the command built. A closure of a large workspace holds hundreds of thousands of index
    // entries, and freeing them one by one took about a tenth of the whole command.
    [[noreturn]] void endProcess(int exitCode);

private:
    QSettings m_settings;
    QNetworkAccessManager m_nam;
    std::unique_ptr<FeedSettings> m_feeds;
    std::unique_ptr<KeychainSecretStore> m_secrets;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<IndexCache> m_cache;
};
