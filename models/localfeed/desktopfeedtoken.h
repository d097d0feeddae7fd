// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QTimer>

class FeedStore;
class SecretStore;

// The desktop app's own token for its embedded feed: one token, named "desktop", kept in the
// keychain and reused at every start, instead of a new one minted per start that the feed
// keeps forever. A token the keychain lost, or that was revoked, is replaced (the old
// "desktop" token is revoked with it); when the keychain is unavailable the app still gets a
// token for this session, which then replaces the last one.
class DesktopFeedToken final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DesktopFeedToken)

public:
    static constexpr int KeychainTimeoutMs = 10000;
    static inline const QString TokenName = QStringLiteral("desktop");

    DesktopFeedToken(FeedStore *store, SecretStore *secrets, QObject *parent = nullptr);
    ~DesktopFeedToken() override;

    // Starts; ready() follows exactly once.
    void obtain();

    // The keychain entry for the feed of `dataDir`.
    static QString secretKey(const QString &dataDir);

Q_SIGNALS:
    // `token` is empty only when none could be made; `warning` says what went wrong, if anything.
    void ready(const QByteArray &token, const QString &warning);

private:
    void mint(const QString &why);
    void finish(const QByteArray &token, const QString &warning);

    FeedStore *m_store;
    SecretStore *m_secrets;
    QTimer m_timeout;
    bool m_minting = false;
    bool m_done = false;
};
