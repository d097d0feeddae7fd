// SPDX-License-Identifier: GPL-3.0-or-later
#include "localfeedhost.h"

#include "connectorsaver.h"
#include "connectorstore.h"
#include "desktopfeedtoken.h"
#include "feedstore.h"
#include "localfeed.h"
#include "secrets/keychainsecretstore.h"

using namespace Qt::Literals::StringLiterals;

LocalFeedHost::LocalFeedHost(const FeedServerOptions &options, QObject *parent)
    : QObject(parent)
    , m_feed(new LocalFeed(options))
    , m_authRequired(options.authRequired)
{
    m_thread.setObjectName(u"cratedesk-local-feed"_s);
    m_feed->moveToThread(&m_thread);
    connect(m_feed, &LocalFeed::crateChanged, this, &LocalFeedHost::crateChanged); // queued: another thread
    m_thread.start();
}

LocalFeedHost::~LocalFeedHost()
{
    // The feed closes its connections and its database on the thread that opened them.
    QMetaObject::invokeMethod(m_feed, [feed = m_feed] {
        delete feed;
        QThread::currentThread()->quit();
    }, Qt::QueuedConnection);
    m_thread.wait();
}

QString LocalFeedHost::cargoIndexUrl() const
{
    return m_running ? u"sparse+"_s + m_indexUrl.toString() : QString();
}

void LocalFeedHost::runOnFeed(std::function<void(LocalFeed &)> work)
{
    QMetaObject::invokeMethod(m_feed, [feed = m_feed, work = std::move(work)] { work(*feed); }, Qt::QueuedConnection);
}

SecretStore *LocalFeedHost::feedSecrets()
{
    if (!m_feedSecrets)
        m_feedSecrets = m_secretStoreFactory ? m_secretStoreFactory(m_feed) : new KeychainSecretStore(u"CrateDesk"_s, m_feed);
    return m_feedSecrets;
}

void LocalFeedHost::start()
{
    runOnFeed([this](LocalFeed &feed) {
        feed.setSecretStore(feedSecrets());
        const FeedError error = feed.start();
        const QUrl url = feed.indexUrl();
        const QString dataDir = error ? QString() : feed.store()->dataDir();
        QMetaObject::invokeMethod(this, [this, error, url, dataDir] {
            m_error = error;
            m_running = !error;
            m_indexUrl = url;
            m_dataDir = dataDir;
            Q_EMIT started(error);
        }, Qt::QueuedConnection);
    });
}

void LocalFeedHost::setAuthRequired(bool required)
{
    m_authRequired = required;
    runOnFeed([required](LocalFeed &feed) { feed.setAuthRequired(required); });
}

void LocalFeedHost::obtainDesktopToken()
{
    runOnFeed([this](LocalFeed &feed) {
        auto *token = new DesktopFeedToken(feed.isRunning() ? feed.store() : nullptr, feedSecrets(), &feed);
        connect(token, &DesktopFeedToken::ready, this, [this, token](const QByteArray &value, const QString &warning) {
            token->deleteLater();
            QMetaObject::invokeMethod(this, [this, value, warning] { Q_EMIT desktopTokenReady(value, warning); },
                                      Qt::QueuedConnection);
        }, Qt::DirectConnection);
        token->obtain();
    });
}

void LocalFeedHost::addConnector(const ConnectorConfig &config, const QByteArray &secret)
{
    const auto report = [this, name = config.name](const QString &error) {
        QMetaObject::invokeMethod(this, [this, name, error] { Q_EMIT connectorAdded(name, error); }, Qt::QueuedConnection);
    };
    runOnFeed([this, config, secret, report](LocalFeed &feed) {
        if (!feed.connectorStore())
            return report(u"the local feed is not running"_s);
        ConnectorSaver(feed.connectorStore(), feedSecrets()).add(config, secret, &feed, [&feed, report](const ConnectorSaver::Outcome &outcome) {
            if (outcome.ok())
                feed.reloadConnectors();
            report(outcome.error);
        });
    });
}
