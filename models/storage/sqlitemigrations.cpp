// SPDX-License-Identifier: GPL-3.0-or-later
#include "sqlitemigrations.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::Literals::StringLiterals;

namespace SqliteMigrations {

QString run(QSqlDatabase &db, const QList<QStringList> &migrations, const QString &what,
            const BeforeCommit &beforeCommit, const std::function<void(int)> &migrated)
{
    QSqlQuery q(db);
    if (!q.exec(u"PRAGMA user_version"_s) || !q.next())
        return QCoreApplication::translate("SqliteMigrations", "cannot read the schema version of %1: %2").arg(what, q.lastError().text());
    const int current = q.value(0).toInt();
    if (current > migrations.size())
        return QCoreApplication::translate("SqliteMigrations", "%1 was written by a newer CrateDesk (schema %2, this one knows %3)").arg(what).arg(current).arg(migrations.size());
    for (int version = current + 1; version <= migrations.size(); ++version) {
        if (!db.transaction())
            return QCoreApplication::translate("SqliteMigrations", "cannot start migration %1 of %2: %3").arg(version).arg(what, db.lastError().text());
        QString failure;
        for (const QString &statement : migrations.at(version - 1)) {
            if (!q.exec(statement)) {
                failure = QCoreApplication::translate("SqliteMigrations", "migration %1 of %2 failed: %3").arg(version).arg(what, q.lastError().text());
                break;
            }
        }
        if (failure.isEmpty() && beforeCommit)
            failure = beforeCommit(version);
        if (failure.isEmpty() && (!q.exec(u"PRAGMA user_version=%1"_s.arg(version)) || !db.commit()))
            failure = QCoreApplication::translate("SqliteMigrations", "migration %1 of %2 could not be committed: %3").arg(version).arg(what, db.lastError().text());
        if (!failure.isEmpty()) {
            db.rollback();
            return failure;
        }
        if (migrated)
            migrated(version);
    }
    return {};
}

} // namespace SqliteMigrations
