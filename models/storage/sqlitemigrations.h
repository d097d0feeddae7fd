// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

class QSqlDatabase;

// How every CrateDesk database moves to the schema this build knows. Migration N brings
// PRAGMA user_version from N-1 to N in one transaction; released migrations are only ever
// appended to. A database written by a newer CrateDesk is refused, never "migrated" down.
namespace SqliteMigrations {

// Work a migration does besides its SQL (moving files, say), inside its transaction; returns
// what failed, or an empty string.
using BeforeCommit = std::function<QString(int version)>;

// Brings `db` up to date; returns what failed (naming `what`, the database's file as the user
// knows it: data, never a phrase), or an empty string. `migrated` hears each version reached.
QString run(QSqlDatabase &db, const QList<QStringList> &migrations, const QString &what,
            const BeforeCommit &beforeCommit = {}, const std::function<void(int)> &migrated = {});

} // namespace SqliteMigrations
