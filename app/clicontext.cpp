// SPDX-License-Identifier: GPL-3.0-or-later
#include "clicontext.h"

#include "localfeed/localfeedsettings.h"
#include "registry/feedsettings.h"
#include "cargotypes/feedurl.h"
#include "net/httpclient.h"
#include "registry/registryclient.h"
#include "secrets/keychainsecretstore.h"
#include "storage/indexcache.h"

#include <QStandardPaths>

#include <cstdio>
#include <cstdlib>

using namespace Qt::Literals::StringLiterals;

CliContext::CliContext()
    : m_feeds(std::make_unique<FeedSettings>(&m_settings))
    , m_secrets(std::make_unique<KeychainSecretStore>())
    , m_http(std::make_unique<HttpClient>(&m_nam))
{
    m_cache = std::make_unique<IndexCache>(QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + u"/index.sqlite"_s);
    // A cache that cannot be opened answers as none would: every read goes to the feed, which
    // still works.
    m_cache->open();
}

CliContext::~CliContext() = default;

void CliContext::endProcess(int exitCode)
{
    m_cache.reset(); // runs the jobs queued before it (the writes land), then joins its thread
    m_settings.sync();
    std::fflush(nullptr);
    std::_Exit(exitCode);
}

std::optional<Feed> CliContext::resolveFeed(const QString &name, const QString &indexUrl, QString *error) const
{
    if (!indexUrl.isEmpty()) {
        const QUrl url = FeedUrl::parse(indexUrl, error);
        if (!url.isValid())
            return std::nullopt;
        Feed feed;
        feed.name = url.host();
        feed.indexUrl = url;
        return feed;
    }
    if (name.isEmpty()) {
        *error = u"name a feed with --feed NAME or --index URL (see `cratedesk feed list`)"_s;
        return std::nullopt;
    }
    if (auto feed = m_feeds->feed(name))
        return feed;
    if (name == Feed::LocalName) {
        Feed local;
        local.name = name;
        // Where the desktop app serves it: the port its Settings name.
        local.indexUrl = QUrl(u"http://127.0.0.1:%1/"_s.arg(LocalFeedSettings::port(m_settings)));
        local.auth = Feed::AuthKind::Token;
        local.origin = Feed::Origin::Local;
        return local;
    }
    *error = u"there is no feed called \"%1\"; add it with `cratedesk feed add %1 URL`"_s.arg(name);
    return std::nullopt;
}

RegistryClient *CliContext::clientFor(const Feed &feed)
{
    return new RegistryClient(feed, m_http.get(), m_cache.get(), m_secrets.get(), nullptr);
}
