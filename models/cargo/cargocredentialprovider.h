// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cargotypes/feed.h"

#include <QByteArray>
#include <QObject>

#include <functional>
#include <optional>

class FeedOwnershipCheck;
class SecretStore;

// Cargo's credential-provider protocol (version 1, as cargo 1.85 and 1.95 speak it), answered
// from the keychain entry CrateDesk already keeps for a feed, so the token exists once.
//
// Why a provider of our own instead of cargo:libsecret: cargo:libsecret works with Debian 13's
// cargo too, but it reads its own item (schema org.rust-lang.cargo.registry, attribute url),
// so the token would live twice in the keychain and drift apart on every rotation; it also
// exists only on Linux, and cannot turn a Basic user and password into the header the feed
// expects. This provider reads the feed's own entry, on every platform QtKeychain serves.
//
// Cargo starts the provider as `EXE --cargo-plugin` (the configured arguments arrive in the
// request's "args", not on the command line), reads the hello line, writes one request line
// per operation and closes stdin. Requests:
//   get    {"kind":"get","operation":"read"|"publish"|"yank"|"unyank"|"owners",...}
//   login  {"kind":"login","token":"…"}     (`cargo login --registry NAME`: store)
//   logout {"kind":"logout"}               (`cargo logout --registry NAME`: erase)
// Replies are {"Ok":{"kind":…}} or {"Err":{"kind":"not-found"|"url-not-supported"|
// "operation-not-supported"|"other","message":…}}. A get answer is cached for the session
// ("cache":"session") and valid for every operation.
class CargoCredentialProvider final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CargoCredentialProvider)

public:
    using FeedLookup = std::function<std::optional<Feed>(const QString &name)>;

    // `feedByName` resolves `--feed NAME` from the request's args; `feeds` are searched by
    // index URL when no name is given (a provider configured for every registry).
    CargoCredentialProvider(SecretStore *secrets, FeedLookup feedByName, const FeedList &feeds, QObject *parent = nullptr);
    ~CargoCredentialProvider() override;

    // The first line the provider writes: {"v":[1]}.
    static QByteArray hello();

    // Answers one request line; `reply` is called exactly once with one JSON line (no newline).
    void handleRequest(const QByteArray &line, const std::function<void(const QByteArray &)> &reply);

    // A squatter gets no token: before a `get` of a local feed's token (a feed for which
    // `localDataDir` names a data folder), the server at the feed's URL must prove with
    // `check` that it serves that folder; otherwise cargo gets an error saying why. Feeds
    // without a data folder (remote feeds) are answered as before.
    using LocalDataDir = std::function<QString(const Feed &feed)>;
    void setOwnershipCheck(FeedOwnershipCheck *check, LocalDataDir localDataDir);

private:
    // Answers from the first of `keys` the keychain holds.
    void answerGet(const Feed &feed, QStringList keys, const std::function<void(const QByteArray &)> &reply);
    // For the embedded feed pinned by name: takes the loopback URL cargo asked for.
    bool adoptLocalFeedUrl(Feed *feed, const QString &indexUrl) const;

    SecretStore *m_secrets;
    FeedLookup m_feedByName;
    FeedList m_feeds;
    FeedOwnershipCheck *m_check = nullptr;
    LocalDataDir m_localDataDir;
};
