// SPDX-License-Identifier: GPL-3.0-or-later
#include "cratefilepath.h"

#include "cratename.h"
#include "indexentry.h"
#include "semver.h"

#include <QDir>
#include <QFileInfo>

using namespace Qt::Literals::StringLiterals;

namespace CrateFilePath {

QString fileName(QStringView name, QStringView vers)
{
    if (!CrateName::isValid(name) || !SemVer::parse(vers))
        return {};
    return name + u'-' + vers + u".crate"_s;
}

QString within(const QString &folder, const QString &relative)
{
    if (folder.isEmpty() || relative.isEmpty() || QDir::isAbsolutePath(relative) || relative.contains(u'\\')
        || relative.contains(QChar(0)))
        return {};
    const QString root = QDir::cleanPath(QFileInfo(folder).absoluteFilePath());
    const QString path = QDir::cleanPath(root + u'/' + relative);
    const QString prefix = root.endsWith(u'/') ? root : root + u'/';
    return path.startsWith(prefix) && path.size() > prefix.size() ? path : QString();
}

QString crateFile(const QString &folder, QStringView name, QStringView vers)
{
    const QString file = fileName(name, vers);
    return file.isEmpty() ? QString() : within(folder, file);
}

QString byChecksum(const QString &folder, QStringView cksum)
{
    if (!IndexEntry::isChecksum(cksum))
        return {};
    const QString lower = cksum.toString().toLower();
    return within(folder, lower.left(2) + u'/' + lower + u".crate"_s);
}

} // namespace CrateFilePath
