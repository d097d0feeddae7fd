// SPDX-License-Identifier: GPL-3.0-or-later
#include "desktopfeedtoken.h"

#include "feedstore.h"
#include "secrets/secretstore.h"

#include <QLoggingCategory>

using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcDesktopToken, "cratedesk.feed.desktoptoken")

DesktopFeedToken::DesktopFeedToken(FeedStore *store, SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_secrets(secrets)
{
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(KeychainTimeoutMs);
    // A keychain that never answers (a prompt nobody sees) must not keep the window away.
    connect(&m_timeout, &QTimer::timeout, this, [this] { mint(u"the keychain did not answer in time"_s); });
}

DesktopFeedToken::~DesktopFeedToken() = default;

QString DesktopFeedToken::secretKey(const QString &dataDir)
{
    return u"localfeed/"_s + dataDir + u"/desktop-token"_s;
}

void DesktopFeedToken::obtain()
{
    if (!m_secrets) {
        mint(u"no keychain"_s);
        return;
    }
    m_timeout.start();
    m_secrets->readSecret(secretKey(m_store->dataDir()), this, [this](const SecretStore::Result &result) {
        if (m_done || m_minting)
            return; // the timeout came first
        if (result.ok() && m_store->userForToken(result.secret)) {
            qCDebug(lcDesktopToken) << "reusing the desktop token from the keychain";
            return finish(result.secret, {});
        }
        mint(result.ok() ? u"the token in the keychain is no longer valid"_s : result.message);
    });
}

void DesktopFeedToken::mint(const QString &why)
{
    if (m_done || m_minting)
        return;
    m_minting = true;
    m_timeout.stop();
    qCDebug(lcDesktopToken).noquote() << "making a new desktop token:" << why;
    QString token;
    if (const FeedError error = m_store->createToken(u"desktop"_s, TokenName, &token, true))
        return finish({}, error.detail);
    const QByteArray raw = token.toUtf8();
    if (!m_secrets)
        return finish(raw, {});
    m_secrets->writeSecret(secretKey(m_store->dataDir()), raw, this, [this, raw](const SecretStore::Result &result) {
        // Without the keychain the token serves this session only; the next start replaces it.
        finish(raw, result.ok() ? QString() : result.message);
    });
}

void DesktopFeedToken::finish(const QByteArray &token, const QString &warning)
{
    if (m_done)
        return;
    m_done = true;
    m_timeout.stop();
    Q_EMIT ready(token, warning);
}
