// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "feederror.h"
#include "feedindexcache.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>

#include <memory>
#include <optional>

class QLockFile;

// The local feed's storage: a data folder with the .crate files and a SQLite database
// (WAL) holding crates, versions with their full index line, owners and hashed tokens.
// The database is the source of truth; index files are generated from it, so an index line
// is either fully there or not at all. One FeedStore owns a data folder at a time (lock file)
// and writes to it; each store, the readers of the serving threads included, is used only on
// the thread that opened it.
class FeedStore final
{
    Q_DISABLE_COPY_MOVE(FeedStore)
    // Only for what open() says: it reaches the window ("The local feed is not running: …"),
    // never cargo. Everything the feed answers over HTTP stays in the protocol's English.
    Q_DECLARE_TR_FUNCTIONS(FeedStore)

public:
    struct User
    {
        qint64 id = 0;
        QString login;
    };

    using IndexFile = FeedIndexFile;

    // One version ready to store: the index line lacks only cksum and pubtime, which the
    // store sets from the bytes it actually keeps and the time it keeps them.
    struct NewVersion
    {
        QString name;
        QString vers;
        QString precedenceKey; // vers without build metadata: the uniqueness key
        QJsonObject indexLine;
        QByteArray crateBytes;
        QString description;
        QString license;
        QByteArray metadataJson; // the publish JSON as received, for the web API and UI
    };

    struct VersionInfo
    {
        QString vers;
        QString license;
        QString description;
        bool yanked = false;
        qint64 size = 0; // of the stored .crate
        QString pubtime; // UTC, as the index line has it
        QString publisher; // login; empty when the user is gone
    };

    struct SearchHit
    {
        QString name;
        QString maxVersion;
        QString description; // of maxVersion
        QString license; // of maxVersion
        bool yanked = false; // every version is yanked, so maxVersion is too
    };

    struct SearchResult
    {
        QList<SearchHit> hits;
        int total = 0;
    };

    // Serve takes the data folder's lock: one server per feed. Admin (token creation from the
    // command line) shares the database with a running server, which SQLite's WAL allows.
    // Read is a reader() of a store open to Serve: a read-only connection, nothing migrated.
    enum class OpenMode { Serve, Admin, Read };

    explicit FeedStore(const QString &dataDir);
    ~FeedStore();

    FeedError open(OpenMode mode = OpenMode::Serve);
    // A store for another thread of the same feed: its own read-only connection to the
    // database (open it with OpenMode::Read on that thread, which then alone uses it), and the
    // index cache of this store, so that a change made here is seen there at once.
    std::unique_ptr<FeedStore> reader() const;
    QString dataDir() const { return m_dataDir; }
    // The SQLite connection of this store, for the connector store that shares its database
    // (same thread only).
    QString connectionName() const { return m_connection; }

    // Creates the user when new; the token itself is returned once and stored only hashed.
    FeedError createToken(const QString &login, QString *token);
    // The same with a name (see tokenNameError()) that `token list` shows and `token revoke`
    // takes. With `replace`, a token of that name is revoked in the same transaction.
    FeedError createToken(const QString &login, const QString &name, QString *token, bool replace = false);

    struct TokenInfo
    {
        qint64 id = 0;
        QString name; // empty for tokens created without one
        QString login;
        QString created;  // UTC, ISO 8601
        QString lastUsed; // UTC, ISO 8601; empty when never used
    };
    FeedError tokens(QList<TokenInfo> *list) const;
    // Deletes the token with this id (all digits) or name; it is refused from then on.
    FeedError revokeToken(const QString &idOrName, TokenInfo *revoked);
    // Sets the last-used times of tokens by their sha256, in one transaction.
    bool recordTokenUse(const QHash<QByteArray, QDateTime> &lastUseByHash);
    // Why `name` cannot name a token: a letter first, then letters, digits, '.', '-', '_'.
    static QString tokenNameError(const QString &name);
    std::optional<User> userForToken(const QByteArray &token) const;
    std::optional<User> userByLogin(const QString &login) const;

    // `lowerName` is the name as it appears in the index path.
    std::optional<IndexFile> indexFile(const QString &lowerName);

    FeedError publish(const NewVersion &version, const User &publisher, QString *cksum = nullptr);
    FeedError setYanked(const QString &name, const QString &vers, bool yanked, const User &actor);

    FeedError owners(const QString &name, QList<User> *owners) const;
    FeedError addOwners(const QString &name, const QStringList &logins, const User &actor, QString *message);
    FeedError removeOwners(const QString &name, const QStringList &logins, const User &actor, QString *message);

    // `page` counts from 1; (page - 1) * perPage is computed in 64 bits.
    SearchResult search(const QString &query, int perPage, int page) const;

    // The stored .crate of one version, by any spelling of the crate name.
    FeedError crateFile(const QString &name, const QString &vers, QString *path) const;

    int crateCount() const;

    // Every version of a crate, in publish order, with its exact name in *name.
    FeedError versions(const QString &anySpelling, QString *name, QList<VersionInfo> *versions) const;

    // Index lines that may name `crateName` as a dependency (a cheap text match over every
    // version: the caller parses them to be sure), newest first per crate, at most `limit`.
    struct LineOfCrate
    {
        QString crate;
        QByteArray line;
    };
    QList<LineOfCrate> linesMentioning(const QString &crateName, int limit) const;

private:
    struct CrateRow
    {
        qint64 id = 0;
        QString name;
    };
    std::optional<CrateRow> findCrate(const QString &anySpelling) const;
    bool isOwner(qint64 crateId, qint64 userId) const;
    FeedError requireOwner(const QString &name, const User &actor, CrateRow *crate) const;
    QString cratePath(const QString &cksum) const;
    FeedError openReadOnly();
    FeedError migrate();
    FeedError moveCratesToChecksumNames();
    void invalidate(const QString &name);

    QString m_dataDir;
    QString m_connection;
    std::unique_ptr<QLockFile> m_lock;
    std::shared_ptr<FeedIndexCache> m_indexCache;
};
