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
    connect(m_feed, &LocalFeed::upstreamChanged, this, &LocalFeedHost::connectorsChanged);
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

void LocalFeedHost::changePort(quint16 port)
{
    runOnFeed([this, port](LocalFeed &feed) {
        const FeedError error = feed.changePort(port);
        const QUrl url = feed.indexUrl();
        QMetaObject::invokeMethod(this, [this, error, url] {
            const QUrl old = m_indexUrl;
            if (m_running)
                m_indexUrl = url;
            Q_EMIT portChanged(old, m_indexUrl, error);
        }, Qt::QueuedConnection);
    });
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
            return report(tr("the local feed is not running"));
        ConnectorSaver(feed.connectorStore(), feedSecrets()).add(config, secret, &feed, [&feed, report](const ConnectorSaver::Outcome &outcome) {
            if (outcome.ok())
                feed.reloadConnectors();
            report(outcome.error);
        });
    });
}

void LocalFeedHost::reportChange(LocalFeed &feed, const QString &name, const QString &error, const QString &warning)
{
    if (error.isEmpty())
        feed.reloadConnectors();
    QMetaObject::invokeMethod(this, [this, name, error, warning] {
        Q_EMIT connectorChanged(name, error.isEmpty() ? warning : error);
        if (error.isEmpty())
            Q_EMIT connectorsChanged();
    }, Qt::QueuedConnection);
}

void LocalFeedHost::listConnectors(QObject *context, std::function<void(const Overviews &)> done)
{
    call<Overviews>([](LocalFeed &feed) {
        Overviews overviews;
        if (!feed.connectorStore())
            return overviews;
        const QList<ConnectorStore::ChangedVersion> changes = feed.connectorStore()->changedVersions();
        for (const ConnectorConfig &config : feed.connectorStore()->connectors()) {
            ConnectorOverview overview{config, {}};
            for (const ConnectorStore::ChangedVersion &change : changes) {
                if (change.connector == config.name)
                    overview.changes.append(change);
            }
            overviews.append(overview);
        }
        return overviews;
    }, context, [done = std::move(done)](const Overviews &overviews) { done(overviews); });
}

void LocalFeedHost::updateConnector(const ConnectorConfig &config, const QByteArray &secret)
{
    runOnFeed([this, config, secret](LocalFeed &feed) {
        if (!feed.connectorStore())
            return reportChange(feed, config.name, tr("the local feed is not running"));
        ConnectorSaver(feed.connectorStore(), feedSecrets()).update(config, secret, &feed, [this, &feed, name = config.name](const ConnectorSaver::Outcome &outcome) {
            reportChange(feed, name, outcome.error, outcome.warning);
        });
    });
}

void LocalFeedHost::removeConnector(const QString &name)
{
    runOnFeed([this, name](LocalFeed &feed) {
        if (!feed.connectorStore())
            return reportChange(feed, name, tr("the local feed is not running"));
        ConnectorSaver(feed.connectorStore(), feedSecrets()).remove(name, &feed, [this, &feed, name](const ConnectorSaver::Outcome &outcome) {
            reportChange(feed, name, outcome.error, outcome.warning);
        });
    });
}

void LocalFeedHost::acceptChanges(const QString &name, const QList<ConnectorStore::ChangedVersion> &changes)
{
    runOnFeed([this, name, changes](LocalFeed &feed) {
        if (!feed.connectorStore())
            return reportChange(feed, name, tr("the local feed is not running"));
        for (const ConnectorStore::ChangedVersion &change : changes) {
            if (const FeedError error = feed.connectorStore()->acceptChange(name, change.name, change.vers))
                return reportChange(feed, name, error.detail);
        }
        reportChange(feed, name, {});
    });
}
