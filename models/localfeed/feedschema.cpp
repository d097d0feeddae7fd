// SPDX-License-Identifier: GPL-3.0-or-later
#include "feedschema.h"

using namespace Qt::Literals::StringLiterals;

namespace FeedSchema {

namespace {
// Looks up files by checksum (orphans left by a crash, duplicates); it also marks the
// migration that moves the files, wherever it lands in the list.
const QString CratesByChecksumStatement = u"CREATE INDEX versions_cksum ON versions (cksum)"_s;
// Names tokens uniquely (NULLs, the unnamed tokens of older feeds, may repeat); it also marks
// the migration that gives tokens a life cycle, wherever it lands in the list.
const QString TokenNamesStatement = u"CREATE UNIQUE INDEX tokens_name ON tokens (name)"_s;

int versionOf(const QString &statement)
{
    const auto &all = migrations();
    for (qsizetype i = 0; i < all.size(); ++i) {
        if (all.at(i).contains(statement))
            return int(i + 1);
    }
    Q_UNREACHABLE_RETURN(0);
}
} // namespace

const QList<QStringList> &migrations()
{
    static const QList<QStringList> all = {
        // 1: crates, versions with their full index line, owners, users and hashed tokens.
        {
            uR"(CREATE TABLE users (
                id INTEGER PRIMARY KEY,
                login TEXT NOT NULL UNIQUE COLLATE NOCASE,
                created TEXT NOT NULL))"_s,
            uR"(CREATE TABLE tokens (
                id INTEGER PRIMARY KEY,
                user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                sha256 BLOB NOT NULL UNIQUE,
                created TEXT NOT NULL))"_s,
            uR"(CREATE TABLE crates (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                canonical TEXT NOT NULL UNIQUE,
                updated TEXT NOT NULL))"_s,
            uR"(CREATE TABLE versions (
                id INTEGER PRIMARY KEY,
                crate_id INTEGER NOT NULL REFERENCES crates(id),
                vers TEXT NOT NULL,
                precedence_key TEXT NOT NULL,
                index_line TEXT NOT NULL,
                cksum TEXT NOT NULL,
                size INTEGER NOT NULL,
                yanked INTEGER NOT NULL DEFAULT 0,
                pubtime TEXT NOT NULL,
                publisher_id INTEGER REFERENCES users(id),
                description TEXT,
                license TEXT,
                metadata TEXT NOT NULL,
                UNIQUE (crate_id, precedence_key)))"_s,
            uR"(CREATE TABLE owners (
                crate_id INTEGER NOT NULL REFERENCES crates(id),
                user_id INTEGER NOT NULL REFERENCES users(id),
                PRIMARY KEY (crate_id, user_id)))"_s,
        },
        // 2: upstream connectors (their settings; secrets stay in the keychain) and what the
        // feed cached from them, so that it can serve it while the upstream is unreachable.
        {
            uR"(CREATE TABLE connectors (
                name TEXT PRIMARY KEY,
                position INTEGER NOT NULL,
                config TEXT NOT NULL))"_s,
            uR"(CREATE TABLE upstream_config (
                connector TEXT PRIMARY KEY,
                body BLOB NOT NULL,
                fetched TEXT NOT NULL))"_s,
            uR"(CREATE TABLE upstream_index (
                connector TEXT NOT NULL,
                name TEXT NOT NULL,
                status INTEGER NOT NULL,
                body BLOB,
                etag TEXT,
                last_modified TEXT,
                licenses TEXT,
                fetched TEXT NOT NULL,
                PRIMARY KEY (connector, name)))"_s,
            uR"(CREATE TABLE upstream_crates (
                connector TEXT NOT NULL,
                name TEXT NOT NULL,
                vers TEXT NOT NULL,
                cksum TEXT NOT NULL,
                license TEXT,
                fetched TEXT NOT NULL,
                PRIMARY KEY (connector, name, vers)))"_s,
        },
        // 3: which connector a crate name is served from, so that no other upstream and no
        // local publish takes the name over silently (dependency confusion).
        {
            uR"(CREATE TABLE connector_pins (
                name TEXT PRIMARY KEY,
                connector TEXT NOT NULL,
                pinned TEXT NOT NULL))"_s,
        },
        // 4: crate files are stored by their sha256 (crates-by-sha256/ab/abcd...crate) instead
        // of NAME-VERSION.crate, whose names collide on case-insensitive file systems
        // (1.0.0-a and 1.0.0-A). FeedStore moves the files of an older feed in this migration.
        {
            CratesByChecksumStatement,
        },
        // 5: tokens have a life cycle: a name to list and revoke them by, and the time of
        // their last use (written in batches, see TokenUsageRecorder).
        {
            u"ALTER TABLE tokens ADD COLUMN name TEXT"_s,
            u"ALTER TABLE tokens ADD COLUMN last_used TEXT"_s,
            TokenNamesStatement,
        },
        // 6: each upstream version as the feed first saw it listed: its sha256 (an upstream
        // that later lists other bytes for it is refused until an owner accepts the change)
        // and the time (a release-age delay counts from it when the line has no pubtime).
        {
            uR"(CREATE TABLE upstream_versions (
                connector TEXT NOT NULL,
                name TEXT NOT NULL,
                vers TEXT NOT NULL,
                cksum TEXT NOT NULL,
                first_seen TEXT NOT NULL,
                changed_cksum TEXT,
                changed_seen TEXT,
                PRIMARY KEY (connector, name, vers)))"_s,
        },
    };
    return all;
}

int cratesByChecksumVersion()
{
    return versionOf(CratesByChecksumStatement);
}

int tokenLifecycleVersion()
{
    return versionOf(TokenNamesStatement);
}

} // namespace FeedSchema
