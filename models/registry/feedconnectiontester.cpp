// SPDX-License-Identifier: GPL-3.0-or-later
#include "feedconnectiontester.h"

#include "registryclient.h"

#include <QLoggingCategory>

using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcFeedTest, "cratedesk.registry.feedtest")

QStringList FeedConnectionResult::findings() const
{
    if (!config)
        return {};
    QStringList out;
    out << tr("The sparse index at %1 answers.").arg(feed.cargoIndexUrl());
    if (config->authRequired)
        out << (feed.auth == Feed::AuthKind::None ? tr("Every request needs credentials (auth-required).")
                                                  : tr("Every request needs credentials (auth-required); yours were accepted."));
    else
        out << tr("Public: reading needs no credentials.");
    if (config->api.isEmpty())
        out << tr("No web API: browsing and downloading only, no publishing or yanking.");
    else
        out << tr("Web API at %1 (search, publish, yank, owners).").arg(config->api.toDisplayString());
    if (proGet)
        out << tr("ProGet detected.");
    return out;
}

FeedConnectionTester::FeedConnectionTester(HttpClient *http, SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_http(http)
    , m_secrets(secrets)
{
}

FeedConnectionTester::~FeedConnectionTester()
{
    stop();
}

void FeedConnectionTester::start(const Feed &feed, const std::optional<QByteArray> &secret)
{
    stop();
    qCDebug(lcFeedTest) << "testing" << feed.indexUrl.toDisplayString();
    // No cache: a test must reach the feed, never answer from what it said last time.
    m_client = new RegistryClient(feed, m_http, nullptr, m_secrets, this);
    if (secret)
        m_client->setCredential(*secret);
    RegistryClient *client = m_client;
    m_reply = client->fetchConfig();
    connect(m_reply, &RegistryReply::finished, this, [this, client, feed] {
        FeedConnectionResult result;
        result.feed = feed;
        result.error = m_reply->error();
        if (!result.error)
            result.config = client->config();
        result.proGet = client->isProGet();
        result.loginUrl = client->loginUrl();
        m_reply = nullptr;
        client->deleteLater();
        qCDebug(lcFeedTest) << "result" << (result.ok() ? u"online"_s : result.error.message);
        Q_EMIT finished(result);
    });
}

void FeedConnectionTester::cancel()
{
    stop();
}

void FeedConnectionTester::stop()
{
    if (m_reply) {
        disconnect(m_reply, nullptr, this, nullptr);
        m_reply->cancel();
        m_reply = nullptr;
    }
    if (m_client)
        m_client->deleteLater();
    m_client = nullptr;
}
