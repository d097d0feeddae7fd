// SPDX-License-Identifier: GPL-3.0-or-later
#include "feedstore.h"

#include "feedfiles.h"
#include "feedschema.h"
#include "cargotypes/cratename.h"
#include "cargotypes/semver.h"
#include "storage/sqlitemigrations.h"

#include <QCryptographicHash>
#include <QDir>
#include <QJsonDocument>
#include <QFileInfo>
#include <QLockFile>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcFeedStore, "cratedesk.feed.store")

namespace {

// Crate files are named by their sha256: names that differ only in case (1.0.0-a and
// 1.0.0-A) would share one file on a case-insensitive file system.
const QString CrateFolder = u"/crates-by-sha256"_s;
// Where feeds before schema 4 kept them, as crates/NAME/NAME-VERSION.crate.
const QString LegacyCrateFolder = u"/crates"_s;

QString nowUtc()
{
    return QDateTime::currentDateTimeUtc().toString(u"yyyy-MM-dd'T'HH:mm:ss'Z'"_s);
}

QByteArray tokenHash(const QByteArray &token)
{
    return QCryptographicHash::hash(token, QCryptographicHash::Sha256);
}

// Runs one statement; logs and reports failure. Bound values are never secrets.
bool run(QSqlQuery &query, const QString &sql, const QVariantList &values = {})
{
    if (!query.prepare(sql)) {
        qCWarning(lcFeedStore) << "prepare failed:" << query.lastError().text() << sql;
        return false;
    }
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec()) {
        qCWarning(lcFeedStore) << "query failed:" << query.lastError().text() << sql;
        return false;
    }
    return true;
}

// Commits on request, rolls back otherwise: every early return leaves the database as it was.
class Transaction
{
public:
    explicit Transaction(const QSqlDatabase &db)
        : m_db(db)
    {
        QSqlQuery q(m_db);
        // IMMEDIATE takes the write lock now, so checks and writes see the same state.
        m_active = q.exec(u"BEGIN IMMEDIATE"_s);
    }
    ~Transaction()
    {
        if (m_active)
            QSqlQuery(m_db).exec(u"ROLLBACK"_s);
    }
    bool isActive() const { return m_active; }
    bool commit()
    {
        m_active = false;
        QSqlQuery q(m_db);
        return q.exec(u"COMMIT"_s);
    }

private:
    QSqlDatabase m_db;
    bool m_active = false;
};

QString joinLogins(const QStringList &logins)
{
    QStringList quoted;
    for (const QString &login : logins)
        quoted << u'`' + login + u'`';
    return quoted.join(u", "_s);
}

} // namespace

FeedStore::FeedStore(const QString &dataDir)
    : m_dataDir(QDir(dataDir).absolutePath())
    // Unique while this store lives, and a store lives on one thread: the name of one
    // connection on one thread, as QSqlDatabase wants it.
    , m_connection(u"cratedesk-feed-%1"_s.arg(quintptr(this), 0, 16))
    , m_indexCache(std::make_shared<FeedIndexCache>())
{
}

std::unique_ptr<FeedStore> FeedStore::reader() const
{
    auto reader = std::make_unique<FeedStore>(m_dataDir);
    reader->m_indexCache = m_indexCache;
    return reader;
}

FeedStore::~FeedStore()
{
    if (QSqlDatabase::contains(m_connection)) {
        QSqlDatabase::database(m_connection, false).close();
        QSqlDatabase::removeDatabase(m_connection);
    }
}

FeedError FeedStore::open(OpenMode mode)
{
    if (mode == OpenMode::Read)
        return openReadOnly();
    // Other users of the machine must not read the crates or the database: the folder is
    // 0700 and its files 0600 whatever the umask, and a folder made before that is tightened.
    QString error;
    if (!FeedFiles::makePrivateDir(m_dataDir, &error))
        return FeedError::internal(tr("cannot create the feed folder: %1").arg(error));
    if (const QStringList tightened = FeedFiles::tightenTree(m_dataDir); !tightened.isEmpty()) {
        qCWarning(lcFeedStore).noquote() << "the local feed in" << m_dataDir << "could be read by other users:" << tightened.size()
                                         << "files and folders made private to their owner, such as" << tightened.mid(0, 5).join(u", "_s);
    }
    if (!FeedFiles::makePrivateDir(m_dataDir + CrateFolder, &error))
        return FeedError::internal(tr("cannot create the feed folder: %1").arg(error));
    if (!FeedFiles::syncEnabled())
        qCWarning(lcFeedStore) << "CRATEDESK_FEED_SYNC=off: acknowledged publishes can be lost on power loss (for benchmarks only)";

    m_lock = std::make_unique<QLockFile>(m_dataDir + u"/feed.lock"_s);
    m_lock->setStaleLockTime(0);
    if (mode == OpenMode::Serve && !m_lock->tryLock(0)) {
        qint64 pid = 0;
        QString host, app;
        m_lock->getLockInfo(&pid, &host, &app);
        return FeedError::internal(tr("the local feed in %1 is already in use by process %2; stop it first").arg(m_dataDir, QString::number(pid)));
    }
    if (mode == OpenMode::Serve)
        FeedFiles::makePrivate(m_lock->fileName()); // QLockFile creates it with the umask's mode

    // Made here as an empty 0600 file, which SQLite takes as a new database: SQLite would
    // create it with the umask's mode, and gives the -wal and -shm files the mode of this one.
    const QString databaseFile = m_dataDir + u"/feed.sqlite"_s;
    bool created = false;
    if (!FeedFiles::createPrivateFile(databaseFile, &created, &error))
        return FeedError::internal(error);
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connection);
    db.setDatabaseName(databaseFile);
    if (!db.open())
        return FeedError::internal(tr("cannot open %1: %2").arg(db.databaseName(), db.lastError().text()));
    QSqlQuery q(db);
    // WAL survives a killed process with every committed transaction intact. A publish is
    // acknowledged only once durable, so every commit syncs the WAL (FULL): with NORMAL a
    // power cut could drop the last commits. fullfsync matters on macOS only.
    const QString synchronous = FeedFiles::syncEnabled() ? u"PRAGMA synchronous=FULL"_s : u"PRAGMA synchronous=NORMAL"_s;
    for (const QString &pragma : {u"PRAGMA journal_mode=WAL"_s, synchronous, u"PRAGMA fullfsync=ON"_s,
                                  u"PRAGMA foreign_keys=ON"_s, u"PRAGMA busy_timeout=5000"_s}) {
        if (!q.exec(pragma))
            return FeedError::internal(tr("cannot configure %1: %2").arg(db.databaseName(), q.lastError().text()));
    }
    return migrate();
}

FeedError FeedStore::openReadOnly()
{
    // The writer has made, tightened and migrated the folder and holds its lock; a reader
    // only reads. SQLite refuses any write on this connection, so a reader cannot become a
    // second writer by mistake, and WAL lets it read while the writer commits.
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connection);
    db.setDatabaseName(m_dataDir + u"/feed.sqlite"_s);
    db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
    if (!db.open())
        return FeedError::internal(tr("cannot open %1 to read: %2").arg(db.databaseName(), db.lastError().text()));
    QSqlQuery q(db);
    for (const QString &pragma : {u"PRAGMA busy_timeout=5000"_s, u"PRAGMA query_only=ON"_s}) {
        if (!q.exec(pragma))
            return FeedError::internal(tr("cannot configure %1: %2").arg(db.databaseName(), q.lastError().text()));
    }
    if (!q.exec(u"PRAGMA journal_mode"_s) || !q.next() || q.value(0).toString() != u"wal"_s)
        return FeedError::internal(tr("%1 is not in WAL mode: a reader would block the writer").arg(db.databaseName()));
    return {};
}

FeedError FeedStore::migrate()
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    // The files move before the commit; run again after a crash, the move skips what it did.
    const auto moveFiles = [this](int version) {
        return version == FeedSchema::cratesByChecksumVersion() ? moveCratesToChecksumNames().detail : QString();
    };
    const auto migrated = [](int version) { qCInfo(lcFeedStore) << "feed database migrated to schema" << version; };
    if (const QString failure = SqliteMigrations::run(db, FeedSchema::migrations(), db.databaseName(), moveFiles, migrated);
        !failure.isEmpty())
        return FeedError::internal(failure);
    return {};
}

FeedError FeedStore::moveCratesToChecksumNames()
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (!run(q, u"SELECT crates.name, versions.vers, versions.cksum FROM versions JOIN crates ON crates.id = versions.crate_id"_s))
        return FeedError::internal(u"cannot list the versions to move to their new file names"_s);
    struct Stored
    {
        QString name, vers, cksum;
    };
    QList<Stored> versions;
    while (q.next())
        versions.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString()});
    int moved = 0;
    QSet<QString> legacyFolders;
    QString error;
    for (const Stored &version : std::as_const(versions)) {
        const QString lower = version.name.toLower();
        const QString &cksum = version.cksum;
        const QString legacy = m_dataDir + LegacyCrateFolder + u'/' + lower + u'/' + lower + u'-' + version.vers + u".crate"_s;
        const QString target = cratePath(cksum);
        legacyFolders.insert(QFileInfo(legacy).path());
        if (QFileInfo::exists(target) || !QFileInfo::exists(legacy))
            continue; // moved before a crash, or lost (warned below)
        QFile file(legacy);
        QCryptographicHash sha256(QCryptographicHash::Sha256);
        if (!file.open(QIODevice::ReadOnly) || !sha256.addData(&file))
            return FeedError::internal(u"cannot read %1: %2"_s.arg(legacy, file.errorString()));
        file.close();
        // On a case-insensitive file system two versions may have shared this file; it moves
        // with the version whose bytes it holds.
        if (QString::fromLatin1(sha256.result().toHex()) != cksum)
            continue;
        if (!FeedFiles::makePrivateDir(QFileInfo(target).path(), &error) || !QFile::rename(legacy, target)
            || !FeedFiles::syncDirectory(QFileInfo(target).path(), &error))
            return FeedError::internal(u"cannot move %1 to %2 %3"_s.arg(legacy, target, error));
        ++moved;
    }
    int lost = 0;
    for (const Stored &version : std::as_const(versions)) {
        if (!QFileInfo::exists(cratePath(version.cksum))) {
            ++lost;
            qCWarning(lcFeedStore).noquote() << "the bytes of" << version.name + u'@' + version.vers
                                             << "are missing (overwritten by another version on a case-insensitive file system?); its download will fail";
        }
    }
    for (const QString &folder : std::as_const(legacyFolders)) {
        QDir().rmdir(folder); // only when empty
        FeedFiles::syncDirectory(QFileInfo(folder).path());
    }
    QDir().rmdir(m_dataDir + LegacyCrateFolder);
    qCInfo(lcFeedStore) << "moved" << moved << "crate files to names by sha256;" << lost << "missing";
    return {};
}

FeedError FeedStore::createToken(const QString &login, QString *token)
{
    return createToken(login, {}, token);
}

QString FeedStore::tokenNameError(const QString &name)
{
    static const QRegularExpression valid(u"^[A-Za-z][A-Za-z0-9_.-]{0,63}$"_s);
    if (!valid.match(name).hasMatch())
        return u"invalid token name \"%1\": start with a letter, then letters, digits, '.', '-' and '_' (at most 64)"_s.arg(name.left(80));
    return {};
}

FeedError FeedStore::createToken(const QString &login, const QString &name, QString *token, bool replace)
{
    if (login.trimmed().isEmpty() || login.contains(QRegularExpression(u"[^A-Za-z0-9_.-]"_s)))
        return FeedError::badRequest(u"invalid login \"%1\": use letters, digits, '.', '-' and '_'"_s.arg(login));
    if (!name.isEmpty())
        if (const QString error = tokenNameError(name); !error.isEmpty())
            return FeedError::badRequest(error);
    QByteArray random(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(random.data()),
                                         reinterpret_cast<quint32 *>(random.data() + random.size()));
    const QByteArray raw = "cdk_" + random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);

    QSqlDatabase db = QSqlDatabase::database(m_connection);
    Transaction tx(db);
    QSqlQuery q(db);
    // The login keeps the case it was first given; logins match without regard to case
    // (COLLATE NOCASE), so `Alice` and `alice` are one user, shown as first written.
    if (!run(q, u"INSERT OR IGNORE INTO users (login, created) VALUES (?, ?)"_s, {login, nowUtc()})
        || !run(q, u"SELECT id FROM users WHERE login = ?"_s, {login}) || !q.next())
        return FeedError::internal(u"cannot create the user %1"_s.arg(login));
    const qint64 userId = q.value(0).toLongLong();
    if (!name.isEmpty()) {
        if (replace && !run(q, u"DELETE FROM tokens WHERE name = ?"_s, {name}))
            return FeedError::internal(u"cannot replace the token %1"_s.arg(name));
        if (!run(q, u"SELECT 1 FROM tokens WHERE name = ?"_s, {name}))
            return FeedError::internal(u"cannot look up the token %1"_s.arg(name));
        if (q.next())
            return FeedError::conflict(u"a token named \"%1\" exists already; revoke it first (cratedesk feed token revoke %1)"_s.arg(name));
    }
    if (!run(q, u"INSERT INTO tokens (user_id, sha256, created, name) VALUES (?, ?, ?, ?)"_s,
             {userId, tokenHash(raw), nowUtc(), name.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(name)})
        || !tx.commit())
        return FeedError::internal(u"cannot store the new token"_s);
    *token = QString::fromLatin1(raw);
    return {};
}

FeedError FeedStore::tokens(QList<TokenInfo> *list) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (!run(q, u"SELECT tokens.id, tokens.name, users.login, tokens.created, tokens.last_used FROM tokens "
                u"JOIN users ON users.id = tokens.user_id ORDER BY tokens.id"_s))
        return FeedError::internal(u"cannot list the tokens of %1"_s.arg(m_dataDir));
    list->clear();
    while (q.next())
        list->append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(), q.value(4).toString()});
    return {};
}

FeedError FeedStore::revokeToken(const QString &idOrName, TokenInfo *revoked)
{
    bool isId = false;
    const qint64 id = idOrName.toLongLong(&isId);
    QList<TokenInfo> all;
    if (const FeedError error = tokens(&all))
        return error;
    const auto found = std::find_if(all.cbegin(), all.cend(), [&](const TokenInfo &info) {
        return isId ? info.id == id : info.name == idOrName;
    });
    if (found == all.cend())
        return FeedError::notFound(u"this feed has no token %1 \"%2\" (see cratedesk feed token list)"_s.arg(isId ? u"with id"_s : u"named"_s, idOrName.left(80)));
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (!run(q, u"DELETE FROM tokens WHERE id = ?"_s, {found->id}))
        return FeedError::internal(u"cannot revoke the token %1"_s.arg(found->id));
    *revoked = *found;
    qCInfo(lcFeedStore).noquote() << "revoked token" << found->id << found->name << "of" << found->login;
    return {};
}

bool FeedStore::recordTokenUse(const QHash<QByteArray, QDateTime> &lastUseByHash)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    Transaction tx(db);
    QSqlQuery q(db);
    for (auto it = lastUseByHash.cbegin(); it != lastUseByHash.cend(); ++it) {
        if (!run(q, u"UPDATE tokens SET last_used = ? WHERE sha256 = ?"_s,
                 {it.value().toString(u"yyyy-MM-dd'T'HH:mm:ss'Z'"_s), it.key()}))
            return false;
    }
    return tx.commit();
}

std::optional<FeedStore::User> FeedStore::userForToken(const QByteArray &token) const
{
    if (token.isEmpty())
        return std::nullopt;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    // Looking up the hash keeps the raw token out of the database and out of timing.
    if (!run(q, u"SELECT users.id, users.login FROM tokens JOIN users ON users.id = tokens.user_id WHERE tokens.sha256 = ?"_s,
             {tokenHash(token)})
        || !q.next())
        return std::nullopt;
    return User{q.value(0).toLongLong(), q.value(1).toString()};
}

std::optional<FeedStore::User> FeedStore::userByLogin(const QString &login) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (!run(q, u"SELECT id, login FROM users WHERE login = ?"_s, {login}) || !q.next())
        return std::nullopt;
    return User{q.value(0).toLongLong(), q.value(1).toString()};
}

std::optional<FeedStore::CrateRow> FeedStore::findCrate(const QString &anySpelling) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (!run(q, u"SELECT id, name FROM crates WHERE canonical = ?"_s, {CrateName::canonical(anySpelling)}) || !q.next())
        return std::nullopt;
    return CrateRow{q.value(0).toLongLong(), q.value(1).toString()};
}

std::optional<FeedStore::IndexFile> FeedStore::indexFile(const QString &lowerName)
{
    const FeedIndexCache::Lookup cached = m_indexCache->find(lowerName);
    if (cached.file || cached.missing)
        return cached.file;
    const auto crate = findCrate(lowerName);
    // The index path is the lowercased name; `foo_bar` does not serve the file of `foo-bar`.
    if (!crate || crate->name.toLower() != lowerName) {
        m_indexCache->fillMissing(lowerName, cached.generation);
        return std::nullopt;
    }
    QSqlQuery q(QSqlDatabase::database(m_connection));
    // One statement, so one snapshot: a publish committed on the writer's thread in between
    // cannot pair old lines with a new date (which would answer 304 to a stale copy).
    if (!run(q, u"SELECT versions.index_line, crates.updated FROM versions JOIN crates ON crates.id = versions.crate_id "
                u"WHERE versions.crate_id = ? ORDER BY versions.id"_s,
             {crate->id}))
        return std::nullopt;
    IndexFile file;
    QString updated;
    while (q.next()) {
        file.body += q.value(0).toByteArray();
        file.body += '\n';
        updated = q.value(1).toString();
    }
    if (updated.isEmpty()) {
        if (!run(q, u"SELECT updated FROM crates WHERE id = ?"_s, {crate->id}) || !q.next())
            return std::nullopt;
        updated = q.value(0).toString();
    }
    file.lastModified = QDateTime::fromString(updated, Qt::ISODate);
    file.etag = '"' + QCryptographicHash::hash(file.body, QCryptographicHash::Sha256).toHex().left(32) + '"';
    if (file.lastModified.isValid())
        file.lastModifiedHttp = FeedIndexFile::httpDate(file.lastModified);
    m_indexCache->fill(lowerName, file, cached.generation);
    return file;
}

void FeedStore::invalidate(const QString &name)
{
    m_indexCache->invalidate(name.toLower());
}

QString FeedStore::cratePath(const QString &cksum) const
{
    return m_dataDir + CrateFolder + u'/' + cksum.left(2) + u'/' + cksum + u".crate"_s;
}

bool FeedStore::isOwner(qint64 crateId, qint64 userId) const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    return run(q, u"SELECT 1 FROM owners WHERE crate_id = ? AND user_id = ?"_s, {crateId, userId}) && q.next();
}

FeedError FeedStore::requireOwner(const QString &name, const User &actor, CrateRow *crate) const
{
    const auto found = findCrate(name);
    if (!found)
        return FeedError::notFound(u"crate `%1` does not exist in this feed"_s.arg(name));
    if (!isOwner(found->id, actor.id))
        return FeedError::forbidden(u"`%1` is not an owner of crate `%2`"_s.arg(actor.login, found->name));
    *crate = *found;
    return {};
}

FeedError FeedStore::publish(const NewVersion &version, const User &publisher, QString *cksumOut)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    Transaction tx(db);
    if (!tx.isActive())
        return FeedError::internal(u"the feed database is busy; try again"_s);
    QSqlQuery q(db);

    auto crate = findCrate(version.name);
    if (crate) {
        if (crate->name != version.name)
            return FeedError::badRequest(u"crate `%1` is already published as `%2`; names that differ only in case or in '-' and '_' are the same crate"_s.arg(version.name, crate->name));
        if (!isOwner(crate->id, publisher.id))
            return FeedError::forbidden(u"`%1` is not an owner of crate `%2`, so it cannot publish new versions"_s.arg(publisher.login, crate->name));
        if (!run(q, u"SELECT vers FROM versions WHERE crate_id = ? AND precedence_key = ?"_s, {crate->id, version.precedenceKey}))
            return FeedError::internal(u"cannot check existing versions"_s);
        if (q.next()) {
            const QString existing = q.value(0).toString();
            return FeedError::conflict(existing == version.vers
                                           ? u"crate version `%1@%2` is already uploaded"_s.arg(crate->name, version.vers)
                                           : u"crate version `%1@%2` conflicts with the existing `%3`: versions that differ only in build metadata are the same"_s.arg(crate->name, version.vers, existing));
        }
    }

    const QString now = nowUtc();
    if (!crate) {
        if (!run(q, u"INSERT INTO crates (name, canonical, updated) VALUES (?, ?, ?)"_s, {version.name, CrateName::canonical(version.name), now}))
            return FeedError::internal(u"cannot record crate `%1`"_s.arg(version.name));
        crate = CrateRow{q.lastInsertId().toLongLong(), version.name};
        // The first publisher owns the crate.
        if (!run(q, u"INSERT INTO owners (crate_id, user_id) VALUES (?, ?)"_s, {crate->id, publisher.id}))
            return FeedError::internal(u"cannot record the owner of `%1`"_s.arg(version.name));
    } else if (!run(q, u"UPDATE crates SET updated = ? WHERE id = ?"_s, {now, crate->id})) {
        return FeedError::internal(u"cannot update crate `%1`"_s.arg(version.name));
    }

    const QString cksum = QString::fromLatin1(QCryptographicHash::hash(version.crateBytes, QCryptographicHash::Sha256).toHex());
    QJsonObject line = version.indexLine;
    line.insert(u"cksum"_s, cksum);
    line.insert(u"yanked"_s, false);
    line.insert(u"pubtime"_s, now);
    const QByteArray lineJson = QJsonDocument(line).toJson(QJsonDocument::Compact);
    if (!run(q, uR"(INSERT INTO versions (crate_id, vers, precedence_key, index_line, cksum, size, pubtime,
                                         publisher_id, description, license, metadata)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))"_s,
             {crate->id, version.vers, version.precedenceKey, QString::fromUtf8(lineJson), cksum, version.crateBytes.size(),
              now, publisher.id, version.description, version.license, QString::fromUtf8(version.metadataJson)}))
        return FeedError::internal(u"cannot record `%1@%2`"_s.arg(version.name, version.vers));

    // The file goes in place (atomically, and synced with its folder) before the commit,
    // which syncs the WAL: a version the index lists always has its bytes, and the 200 that
    // follows holds through a power cut. A crash in between leaves an unlisted file, which is
    // harmless.
    const QString path = cratePath(cksum);
    const bool existed = QFileInfo::exists(path);
    QString error;
    if (!FeedFiles::makePrivateDir(QFileInfo(path).path(), &error) || !FeedFiles::writeDurably(path, version.crateBytes, &error))
        return FeedError::internal(error);
    if (!tx.commit()) {
        if (!existed)
            QFile::remove(path);
        return FeedError::internal(u"cannot commit `%1@%2`: %3"_s.arg(version.name, version.vers, db.lastError().text()));
    }
    invalidate(version.name);
    if (cksumOut)
        *cksumOut = cksum;
    qCInfo(lcFeedStore).noquote() << "published" << version.name << version.vers << "by" << publisher.login;
    return {};
}

FeedError FeedStore::setYanked(const QString &name, const QString &vers, bool yanked, const User &actor)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    Transaction tx(db);
    CrateRow crate;
    if (const FeedError error = requireOwner(name, actor, &crate))
        return error;
    QSqlQuery q(db);
    if (!run(q, u"SELECT id, index_line FROM versions WHERE crate_id = ? AND vers = ?"_s, {crate.id, vers}) || !q.next())
        return FeedError::notFound(u"crate `%1` has no version %2"_s.arg(crate.name, vers));
    const qint64 id = q.value(0).toLongLong();
    QJsonObject line = QJsonDocument::fromJson(q.value(1).toByteArray()).object();
    line.insert(u"yanked"_s, yanked);
    const QString lineJson = QString::fromUtf8(QJsonDocument(line).toJson(QJsonDocument::Compact));
    if (!run(q, u"UPDATE versions SET yanked = ?, index_line = ? WHERE id = ?"_s, {yanked ? 1 : 0, lineJson, id})
        || !run(q, u"UPDATE crates SET updated = ? WHERE id = ?"_s, {nowUtc(), crate.id}) || !tx.commit())
        return FeedError::internal(u"cannot change the yanked state of `%1@%2`"_s.arg(crate.name, vers));
    invalidate(crate.name);
    qCInfo(lcFeedStore).noquote() << (yanked ? "yanked" : "unyanked") << crate.name << vers << "by" << actor.login;
    return {};
}

FeedError FeedStore::owners(const QString &name, QList<User> *result) const
{
    const auto crate = findCrate(name);
    if (!crate)
        return FeedError::notFound(u"crate `%1` does not exist in this feed"_s.arg(name));
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (!run(q, u"SELECT users.id, users.login FROM owners JOIN users ON users.id = owners.user_id WHERE owners.crate_id = ? ORDER BY users.login"_s, {crate->id}))
        return FeedError::internal(u"cannot list the owners of `%1`"_s.arg(name));
    result->clear();
    while (q.next())
        result->append(User{q.value(0).toLongLong(), q.value(1).toString()});
    return {};
}

FeedError FeedStore::addOwners(const QString &name, const QStringList &logins, const User &actor, QString *message)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    Transaction tx(db);
    CrateRow crate;
    if (const FeedError error = requireOwner(name, actor, &crate))
        return error;
    if (logins.isEmpty())
        return FeedError::badRequest(u"no users given to add as owners"_s);
    QSqlQuery q(db);
    for (const QString &login : logins) {
        const auto user = userByLogin(login);
        if (!user)
            return FeedError::notFound(u"no user `%1` in this feed; create a token for it first (cratedesk feed token create --login %1)"_s.arg(login));
        if (!run(q, u"INSERT OR IGNORE INTO owners (crate_id, user_id) VALUES (?, ?)"_s, {crate.id, user->id}))
            return FeedError::internal(u"cannot add `%1` as an owner"_s.arg(login));
    }
    if (!tx.commit())
        return FeedError::internal(u"cannot commit the new owners of `%1`"_s.arg(crate.name));
    *message = u"user(s) %1 are now owners of crate %2"_s.arg(joinLogins(logins), crate.name);
    return {};
}

FeedError FeedStore::removeOwners(const QString &name, const QStringList &logins, const User &actor, QString *message)
{
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    Transaction tx(db);
    CrateRow crate;
    if (const FeedError error = requireOwner(name, actor, &crate))
        return error;
    QSqlQuery q(db);
    for (const QString &login : logins) {
        const auto user = userByLogin(login);
        if (!user || !isOwner(crate.id, user->id))
            return FeedError::notFound(u"`%1` is not an owner of crate `%2`"_s.arg(login, crate.name));
        if (!run(q, u"DELETE FROM owners WHERE crate_id = ? AND user_id = ?"_s, {crate.id, user->id}))
            return FeedError::internal(u"cannot remove `%1`"_s.arg(login));
    }
    if (!run(q, u"SELECT COUNT(*) FROM owners WHERE crate_id = ?"_s, {crate.id}) || !q.next() || q.value(0).toInt() == 0)
        return FeedError::badRequest(u"cannot remove every owner of crate `%1`; add another owner first"_s.arg(crate.name));
    if (!tx.commit())
        return FeedError::internal(u"cannot commit the owners of `%1`"_s.arg(crate.name));
    *message = u"owners successfully removed"_s;
    return {};
}

FeedStore::SearchResult FeedStore::search(const QString &query, int perPage, int page) const
{
    SearchResult result;
    QString pattern = CrateName::canonical(query.trimmed());
    pattern.replace(u'\\', u"\\\\"_s).replace(u'%', u"\\%"_s).replace(u'_', u"\\_"_s);
    pattern = u'%' + pattern + u'%';
    QSqlQuery q(QSqlDatabase::database(m_connection));
    const QString where = u" FROM crates WHERE canonical LIKE ? ESCAPE '\\' OR id IN (SELECT crate_id FROM versions WHERE description LIKE ? ESCAPE '\\')"_s;
    const QString descriptionPattern = u'%' + query.trimmed() + u'%';
    if (!run(q, u"SELECT COUNT(*)"_s + where, {pattern, descriptionPattern}) || !q.next())
        return result;
    result.total = q.value(0).toInt();
    // Exact name matches first, as cargo users expect `cargo search serde` to show serde.
    if (!run(q, u"SELECT id, name"_s + where + u" ORDER BY canonical <> ?, canonical LIMIT ? OFFSET ?"_s,
             {pattern, descriptionPattern, CrateName::canonical(query.trimmed()), perPage, qint64(page - 1) * perPage}))
        return result;
    QSqlQuery versions(QSqlDatabase::database(m_connection));
    while (q.next()) {
        SearchHit hit;
        hit.name = q.value(1).toString();
        if (!run(versions, u"SELECT vers, yanked, description, license FROM versions WHERE crate_id = ?"_s, {q.value(0)}))
            continue;
        std::optional<SemVer> best;
        bool bestYanked = true;
        while (versions.next()) {
            const auto v = SemVer::parse(versions.value(0).toString());
            const bool yanked = versions.value(1).toBool();
            // The highest version that is not yanked wins; yanked ones only when all are.
            if (v && (!best || (bestYanked && !yanked) || (yanked == bestYanked && *best < *v))) {
                best = v;
                bestYanked = yanked;
                hit.description = versions.value(2).toString();
                hit.license = versions.value(3).toString();
            }
        }
        hit.maxVersion = best ? best->toString() : QString();
        hit.yanked = best && bestYanked;
        result.hits.append(hit);
    }
    return result;
}

FeedError FeedStore::crateFile(const QString &name, const QString &vers, QString *path) const
{
    const auto crate = findCrate(name);
    if (!crate)
        return FeedError::notFound(u"crate `%1` does not exist in this feed"_s.arg(name));
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (!run(q, u"SELECT cksum FROM versions WHERE crate_id = ? AND vers = ?"_s, {crate->id, vers}) || !q.next())
        return FeedError::notFound(u"crate `%1` has no version %2"_s.arg(crate->name, vers));
    *path = cratePath(q.value(0).toString());
    return {};
}

int FeedStore::crateCount() const
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    return run(q, u"SELECT COUNT(*) FROM crates"_s) && q.next() ? q.value(0).toInt() : 0;
}

QList<FeedStore::LineOfCrate> FeedStore::linesMentioning(const QString &crateName, int limit) const
{
    QList<LineOfCrate> lines;
    if (!CrateName::validationError(crateName).isEmpty())
        return lines;
    // LIKE's '_' matches one character: "serde_json" and "serde-json" alike, as cargo's names
    // are the same crate. ASCII case does not matter to LIKE either.
    QString pattern = u"%\"name\":\""_s + crateName + u"\"%"_s;
    pattern.replace(u'-', u'_');
    QString renamed = u"%\"package\":\""_s + crateName + u"\"%"_s;
    renamed.replace(u'-', u'_');
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (!run(q, u"SELECT c.name, v.index_line FROM versions v JOIN crates c ON c.id = v.crate_id "
                u"WHERE (v.index_line LIKE ? OR v.index_line LIKE ?) AND c.canonical != ? "
                u"ORDER BY c.canonical, v.precedence_key DESC LIMIT ?"_s,
             {pattern, renamed, CrateName::canonical(crateName), limit}))
        return lines;
    while (q.next())
        lines.append({q.value(0).toString(), q.value(1).toByteArray()});
    return lines;
}

FeedError FeedStore::versions(const QString &anySpelling, QString *name, QList<VersionInfo> *result) const
{
    const auto crate = findCrate(anySpelling);
    if (!crate)
        return FeedError::notFound(u"crate `%1` does not exist in this feed"_s.arg(anySpelling));
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (!run(q,
            u"SELECT v.vers, v.license, v.description, v.yanked, v.size, v.pubtime, u.login FROM versions v "
            u"LEFT JOIN users u ON u.id = v.publisher_id WHERE v.crate_id = ? ORDER BY v.id"_s,
            {crate->id}))
        return FeedError::internal(u"cannot list the versions of `%1`"_s.arg(crate->name));
    *name = crate->name;
    result->clear();
    while (q.next()) {
        result->append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toBool(),
            q.value(4).toLongLong(), q.value(5).toString(), q.value(6).toString()});
    }
    return {};
}
