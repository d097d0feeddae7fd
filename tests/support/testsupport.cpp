// SPDX-License-Identifier: GPL-3.0-or-later
#include "testsupport.h"

#include "cargotypes/feed.h"

#include <QDirIterator>
#include <QFile>

namespace TestSupport {

QString cratedeskExecutable()
{
    return QStringLiteral(CRATEDESK_EXECUTABLE);
}

QString sourceDir()
{
    return QStringLiteral(CRATEDESK_SOURCE_DIR);
}

QString realCratesDir()
{
    return qEnvironmentVariable("CRATEDESK_REAL_CRATES_DIR");
}

QStringList filesContaining(const QStringList &dirs, const QByteArray &needle)
{
    QStringList hits;
    for (const QString &dir : dirs) {
        QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
                hits.append(file.fileName());
        }
    }
    hits.removeDuplicates();
    return hits;
}

QString tokenSecretKey(const QString &feedName)
{
    Feed feed;
    feed.name = feedName;
    feed.auth = Feed::AuthKind::Token;
    return feed.secretKey();
}

QString passwordSecretKey(const QString &feedName)
{
    Feed feed;
    feed.name = feedName;
    feed.auth = Feed::AuthKind::Basic;
    return feed.secretKey();
}

} // namespace TestSupport
