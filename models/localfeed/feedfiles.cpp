// SPDX-License-Identifier: GPL-3.0-or-later
#include "feedfiles.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSaveFile>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

using namespace Qt::Literals::StringLiterals;

namespace FeedFiles {

namespace {

#ifdef Q_OS_UNIX
constexpr mode_t PrivateDirMode = 0700;
constexpr mode_t PrivateFileMode = 0600;

QString systemError(const QString &what, const QString &path)
{
    return u"%1 %2: %3"_s.arg(what, QDir::toNativeSeparators(path), QString::fromLocal8Bit(std::strerror(errno)));
}

// fsync() on macOS only hands the data to the drive; F_FULLFSYNC asks it to write it.
int fullSync(int fd)
{
#ifdef F_FULLFSYNC
    if (::fcntl(fd, F_FULLFSYNC) == 0)
        return 0;
#endif
    int result;
    do {
        result = ::fsync(fd);
    } while (result != 0 && errno == EINTR);
    return result;
}

bool writeAll(int fd, const QByteArray &bytes)
{
    const char *data = bytes.constData();
    qsizetype left = bytes.size();
    while (left > 0) {
        const ssize_t written = ::write(fd, data, size_t(left));
        if (written < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        data += written;
        left -= written;
    }
    return true;
}
#endif

} // namespace

bool syncEnabled()
{
    return qEnvironmentVariable("CRATEDESK_FEED_SYNC") != u"off"_s;
}

bool syncDirectory(const QString &dir, QString *error)
{
#ifdef Q_OS_UNIX
    if (!syncEnabled())
        return true;
    const int fd = ::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0 || fullSync(fd) != 0) {
        if (error)
            *error = systemError(u"cannot sync the folder"_s, dir);
        if (fd >= 0)
            ::close(fd);
        return false;
    }
    ::close(fd);
#else
    Q_UNUSED(dir)
    Q_UNUSED(error)
#endif
    return true;
}

bool makePrivateDir(const QString &dir, QString *error)
{
    const QString absolute = QDir::cleanPath(QDir(dir).absolutePath());
    if (QFileInfo(absolute).isDir())
        return true;
    // The missing folders, outermost first.
    QStringList missing;
    for (QString path = absolute; !QFileInfo::exists(path); path = QFileInfo(path).path()) {
        missing.prepend(path);
        if (QFileInfo(path).path() == path)
            break;
    }
    for (const QString &path : std::as_const(missing)) {
#ifdef Q_OS_UNIX
        const QByteArray native = QFile::encodeName(path);
        // mkdir's mode is filtered by the umask; chmod makes it exact.
        if ((::mkdir(native.constData(), PrivateDirMode) != 0 && errno != EEXIST) || ::chmod(native.constData(), PrivateDirMode) != 0) {
            *error = systemError(u"cannot create the folder"_s, path);
            return false;
        }
        if (!syncDirectory(QFileInfo(path).path(), error))
            return false;
#else
        if (!QDir().mkdir(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner)) {
            *error = u"cannot create the folder %1"_s.arg(QDir::toNativeSeparators(path));
            return false;
        }
#endif
    }
    return true;
}

QStringList tightenTree(const QString &root)
{
    QStringList changed;
#ifdef Q_OS_UNIX
    const auto tighten = [&changed](const QString &path) {
        const QByteArray native = QFile::encodeName(path);
        struct stat info;
        if (::lstat(native.constData(), &info) != 0 || S_ISLNK(info.st_mode))
            return;
        const mode_t wanted = S_ISDIR(info.st_mode) ? PrivateDirMode : PrivateFileMode;
        const mode_t current = info.st_mode & 07777;
        if (current == wanted)
            return;
        if (::chmod(native.constData(), wanted) == 0)
            changed << u"%1 (%2 -> %3)"_s.arg(path, u"0"_s + QString::number(current, 8), u"0"_s + QString::number(wanted, 8));
    };
    tighten(root);
    QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext())
        tighten(it.next());
#else
    Q_UNUSED(root)
#endif
    return changed;
}

bool makePrivate(const QString &path)
{
#ifdef Q_OS_UNIX
    return ::chmod(QFile::encodeName(path).constData(), PrivateFileMode) == 0;
#else
    return QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
#endif
}

bool createPrivateFile(const QString &path, bool *created, QString *error)
{
    *created = false;
    if (QFileInfo::exists(path))
        return true;
#ifdef Q_OS_UNIX
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, PrivateFileMode);
    if (fd < 0) {
        if (errno == EEXIST)
            return true;
        *error = systemError(u"cannot create"_s, path);
        return false;
    }
    const bool ok = ::fchmod(fd, PrivateFileMode) == 0 && (!syncEnabled() || fullSync(fd) == 0);
    ::close(fd);
    if (!ok) {
        *error = systemError(u"cannot create"_s, path);
        return false;
    }
#else
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFile::ReadOwner | QFile::WriteOwner)) {
        *error = u"cannot create %1: %2"_s.arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
#endif
    *created = true;
    return syncDirectory(QFileInfo(path).path(), error);
}

bool writeDurably(const QString &path, const QByteArray &bytes, QString *error)
{
#ifdef Q_OS_UNIX
    const QString folder = QFileInfo(path).path();
    const QString temporary = u"%1/.%2.%3.part"_s.arg(folder, QFileInfo(path).fileName())
                                  .arg(QRandomGenerator::global()->generate64(), 16, 16, QChar(u'0'));
    const QByteArray nativeTemporary = QFile::encodeName(temporary);
    const int fd = ::open(nativeTemporary.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, PrivateFileMode);
    if (fd < 0) {
        *error = systemError(u"cannot create"_s, temporary);
        return false;
    }
    bool ok = ::fchmod(fd, PrivateFileMode) == 0 && writeAll(fd, bytes) && (!syncEnabled() || fullSync(fd) == 0);
    if (!ok)
        *error = systemError(u"cannot write"_s, temporary);
    if (::close(fd) != 0 && ok) {
        *error = systemError(u"cannot write"_s, temporary);
        ok = false;
    }
    if (ok && ::rename(nativeTemporary.constData(), QFile::encodeName(path).constData()) != 0) {
        *error = systemError(u"cannot rename the new file to"_s, path);
        ok = false;
    }
    if (!ok) {
        ::unlink(nativeTemporary.constData());
        return false;
    }
    return syncDirectory(folder, error);
#else
    // QSaveFile flushes the file to the disk (FlushFileBuffers) before it replaces `path`.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        *error = u"cannot write %1: %2"_s.arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
#endif
}

} // namespace FeedFiles
