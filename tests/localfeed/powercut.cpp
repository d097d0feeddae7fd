// SPDX-License-Identifier: GPL-3.0-or-later
#include "powercut.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QHash>
#include <QList>
#include <QSet>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace {

struct Record
{
    char type = 0;
    quint64 dev = 0; // W, S: the file; C, D, R, U: the folder that holds the name
    quint64 ino = 0;
    quint64 sourceIno = 0; // R
    qint64 offset = 0;     // W
    qint64 oldSize = 0;    // W
    QByteArray bytes;      // W
    QByteArray path;       // C, D, U; R: the source
    QByteArray target;     // R
    QByteArray backup;     // R, U
    bool durable = false;
};

using Inode = QPair<quint64, quint64>;

bool parse(const QByteArray &journal, QList<Record> *records, QString *error)
{
    qsizetype at = 0;
    while (at < journal.size()) {
        const qsizetype end = journal.indexOf('\n', at);
        if (end < 0) {
            *error = u"the journal ends in the middle of a record"_s;
            return false;
        }
        const QList<QByteArray> fields = journal.mid(at, end - at).split('\t');
        at = end + 1;
        Record record;
        record.type = fields.value(0).isEmpty() ? '?' : fields.at(0).at(0);
        const auto number = [&fields](int i) { return fields.value(i).toULongLong(); };
        static const QHash<char, qsizetype> fieldCounts{{'W', 6}, {'S', 3}, {'A', 1}, {'C', 4}, {'D', 4}, {'R', 7}, {'U', 5}, {'X', 2}};
        if (fields.size() != fieldCounts.value(record.type, -1)) {
            *error = u"unknown journal record: %1"_s.arg(QString::fromUtf8(fields.join('\t')));
            return false;
        }
        switch (record.type) {
        case 'W': {
            record.dev = number(1);
            record.ino = number(2);
            record.offset = fields.at(3).toLongLong();
            record.oldSize = fields.at(4).toLongLong();
            const qsizetype count = fields.at(5).toLongLong();
            if (at + count + 1 > journal.size()) {
                *error = u"the journal ends in the middle of saved bytes"_s;
                return false;
            }
            record.bytes = journal.mid(at, count);
            at += count + 1;
            break;
        }
        case 'S':
            record.dev = number(1);
            record.ino = number(2);
            break;
        case 'C':
        case 'D':
            record.dev = number(1);
            record.ino = number(2);
            record.path = fields.at(3);
            break;
        case 'R':
            record.dev = number(1);
            record.ino = number(2);
            record.sourceIno = number(3);
            record.path = fields.at(4);
            record.target = fields.at(5);
            record.backup = fields.at(6);
            break;
        case 'U':
            record.dev = number(1);
            record.ino = number(2);
            record.path = fields.at(3);
            record.backup = fields.at(4);
            break;
        case 'X':
            *error = u"the process did something the shim cannot undo: %1"_s.arg(QString::fromUtf8(fields.at(1)));
            return false;
        default:
            break;
        }
        records->append(record);
    }
    return true;
}

bool exists(const QByteArray &path, struct stat *info = nullptr)
{
    struct stat local;
    return ::lstat(path.constData(), info ? info : &local) == 0;
}

// Where each file of the tree is now, by inode.
QHash<Inode, QByteArray> filesByInode(const QStringList &roots)
{
    QHash<Inode, QByteArray> files;
    for (const QString &root : roots) {
        QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QByteArray path = QFile::encodeName(it.next());
            struct stat info;
            if (::lstat(path.constData(), &info) == 0 && S_ISREG(info.st_mode))
                files.insert({quint64(info.st_dev), quint64(info.st_ino)}, path);
        }
    }
    return files;
}

} // namespace

QString PowerCut::Result::summary() const
{
    return u"%1 journal records, %2 syncs; undone: %3 writes, %4 name operations"_s.arg(records).arg(syncs).arg(undoneWrites).arg(undoneNames);
}

PowerCut::Result PowerCut::apply(const QString &journal, const QString &root, const QString &trash)
{
    Result result;
    QFile file(journal);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = u"cannot read the journal %1: %2"_s.arg(journal, file.errorString());
        return result;
    }
    QList<Record> records;
    if (!parse(file.readAll(), &records, &result.error))
        return result;
    result.records = int(records.size());

    // Backwards: a sync makes what came before it durable, for that file or folder.
    QSet<Inode> synced;
    bool everything = false;
    for (qsizetype i = records.size() - 1; i >= 0; --i) {
        Record &record = records[i];
        switch (record.type) {
        case 'S':
            synced.insert({record.dev, record.ino});
            ++result.syncs;
            record.durable = true;
            break;
        case 'A':
            everything = true;
            record.durable = true;
            break;
        default:
            record.durable = everything || synced.contains({record.dev, record.ino});
        }
    }

    // Names first, newest first, so that each path means what it meant when recorded.
    for (qsizetype i = records.size() - 1; i >= 0; --i) {
        const Record &record = records.at(i);
        if (record.durable || record.type == 'W')
            continue;
        struct stat info;
        switch (record.type) {
        case 'C':
            if (exists(record.path, &info) && !S_ISDIR(info.st_mode) && ::unlink(record.path.constData()) == 0) {
                result.log << u"created, lost: "_s + QString::fromUtf8(record.path);
                ++result.undoneNames;
            }
            break;
        case 'D':
            if (exists(record.path) && QDir(QFile::decodeName(record.path)).removeRecursively()) {
                result.log << u"new folder, lost: "_s + QString::fromUtf8(record.path);
                ++result.undoneNames;
            }
            break;
        case 'R':
            if (exists(record.target, &info) && quint64(info.st_ino) == record.sourceIno
                && ::rename(record.target.constData(), record.path.constData()) == 0) {
                if (record.backup != "-" && exists(record.backup))
                    ::rename(record.backup.constData(), record.target.constData());
                result.log << u"rename, lost: %1 -> %2"_s.arg(QString::fromUtf8(record.path), QString::fromUtf8(record.target));
                ++result.undoneNames;
            }
            break;
        case 'U':
            if (record.backup == "-" ? ::mkdir(record.path.constData(), 0700) == 0
                                     : exists(record.backup) && ::rename(record.backup.constData(), record.path.constData()) == 0) {
                result.log << u"removal, lost: "_s + QString::fromUtf8(record.path);
                ++result.undoneNames;
            }
            break;
        default:
            break;
        }
    }

    // Then the bytes, by inode wherever the file now is, newest first: each file ends as it
    // was at its last sync.
    const QHash<Inode, QByteArray> files = filesByInode({root, trash});
    for (qsizetype i = records.size() - 1; i >= 0; --i) {
        const Record &record = records.at(i);
        if (record.durable || record.type != 'W')
            continue;
        const QByteArray path = files.value({record.dev, record.ino});
        if (path.isEmpty())
            continue; // its name did not survive
        const int fd = ::open(path.constData(), O_WRONLY | O_CLOEXEC);
        if (fd < 0 || (!record.bytes.isEmpty() && ::pwrite(fd, record.bytes.constData(), size_t(record.bytes.size()), record.offset) != record.bytes.size())
            || ::ftruncate(fd, record.oldSize) != 0) {
            result.error = u"cannot undo a write to %1"_s.arg(QString::fromUtf8(path));
            if (fd >= 0)
                ::close(fd);
            return result;
        }
        ::close(fd);
        ++result.undoneWrites;
    }
    result.ok = true;
    return result;
}
