// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QUrl>

// A Cargo feed as the user configured it. Holds no secret: those live in the SecretStore.
struct Feed
{
    enum class AuthKind { None, Token, Basic };
    enum class Origin { Remote, Local }; // Local = the embedded feed CrateDesk serves itself
    // What the command line and cargo's config call the embedded feed.
    static inline const QString LocalName = QStringLiteral("local");

    QString name;
    QUrl indexUrl; // without the "sparse+" prefix, always ending in '/'
    AuthKind auth = AuthKind::None;
    QString basicUser; // only for AuthKind::Basic; the password is in the SecretStore
    Origin origin = Origin::Remote;

    // How cargo's config spells the index: "sparse+" + indexUrl.
    QString cargoIndexUrl() const;
    bool isCratesIo() const;
    // The name cargo's config gives this feed unless the user picks another: `local` for the
    // embedded feed (as `--feed local` names it), else the feed's name as cargo accepts it.
    QString registryName() const;
    // How `cratedesk … --feed NAME` names this feed: `local` for the embedded one.
    QString commandLineName() const;

    // The keychain entry that holds this feed's secret; empty when it needs none.
    QString secretKey() const;
    // Every entry a feed of this name may have in the keychain, whatever its kind of secret.
    static QStringList secretKeys(const QString &feedName);
    // The Authorization header cargo sends to this feed, given its secret.
    QByteArray authorization(const QByteArray &secret) const;
    // "Basic base64(user:password)", as cargo and every registry expect it.
    static QByteArray basicAuthorization(const QString &user, const QByteArray &password);

    friend bool operator==(const Feed &, const Feed &) = default;
};

using FeedList = QList<Feed>;

Q_DECLARE_METATYPE(Feed)
