// SPDX-License-Identifier: GPL-3.0-or-later
// The local feed's files on disk: private to their owner whatever the umask (every folder
// 0700, every file 0600, a feed made before tightened at start and the log saying so), and
// stored under names that cannot collide on a case-insensitive file system, with the files
// of an older feed moved by its migration.
#include "localfeed/feedschema.h"
#include "localfeed/feedstore.h"
#include "localfeed/localfeed.h"
#include "feedhttpclient.h"
#include "localtestfeed.h"
#include "testcrate.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::Literals::StringLiterals;

namespace {

QByteArray sha256Hex(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

// "PATH is 0644, not 0600" for every entry under `root` (root included) whose mode is not
// the private one; symbolic links count as wrong too, the feed makes none.
QStringList modeViolations(const QString &root, QStringList *seen)
{
    QStringList wrong;
    const auto check = [&](const QString &path) {
        struct stat info;
        if (::lstat(QFile::encodeName(path).constData(), &info) != 0) {
            wrong << path + u" cannot be examined"_s;
            return;
        }
        seen->append(QDir(root).relativeFilePath(path));
        const unsigned wanted = S_ISDIR(info.st_mode) ? 0700 : 0600;
        if (S_ISLNK(info.st_mode) || (info.st_mode & 07777) != wanted)
            wrong << u"%1 is 0%2, not 0%3"_s.arg(path).arg(info.st_mode & 07777, 0, 8).arg(wanted, 0, 8);
    };
    check(root);
    QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext())
        check(it.next());
    return wrong;
}

void setTreeMode(const QString &root, unsigned dirMode, unsigned fileMode)
{
    ::chmod(QFile::encodeName(root).constData(), dirMode);
    QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo info = it.nextFileInfo();
        ::chmod(QFile::encodeName(info.filePath()).constData(), info.isDir() ? dirMode : fileMode);
    }
}

// Sets the process umask for one test and puts the old one back.
class UmaskScope
{
    Q_DISABLE_COPY_MOVE(UmaskScope)

public:
    explicit UmaskScope(mode_t mask)
        : m_old(::umask(mask))
    {
    }
    ~UmaskScope() { ::umask(m_old); }

private:
    mode_t m_old;
};

} // namespace

class TestFeedFiles : public QObject
{
    Q_OBJECT

private:
    // On a connection of its own, as each `cargo publish` is a process of its own.
    static FeedHttpClient::Reply publish(const FeedHttpClient &http, const QByteArray &token, const TestCrate &crate)
    {
        return FeedHttpClient(http.base()).send("PUT", u"api/v1/crates/new"_s, crate.publishBody(), {{"Authorization", token}});
    }

private Q_SLOTS:
    void filesArePrivateWhateverTheUmask_data()
    {
        QTest::addColumn<int>("mask"); // the umask
        QTest::addColumn<bool>("madeBefore"); // by a feed that left folders 0755 and files 0644
        QTest::newRow("umask 022, new feed") << 022 << false;
        QTest::newRow("umask 000, new feed") << 000 << false;
        QTest::newRow("umask 000, feed made before with 0755 and 0644") << 000 << true;
        QTest::newRow("umask 022, feed made before with 0755 and 0644") << 022 << true;
    }

    void filesArePrivateWhateverTheUmask()
    {
        QFETCH(int, mask);
        QFETCH(bool, madeBefore);
        const UmaskScope scope{mode_t(mask)};
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        FeedServerOptions options;
        options.dataDir = dir.filePath(u"parent/feed"_s); // the parent does not exist yet either

        if (madeBefore) {
            auto before = TestSupport::startLocalFeed(options);
            QVERIFY2(before.error.isEmpty(), qPrintable(before.error));
            FeedHttpClient http(before.feed->indexUrl());
            QCOMPARE(publish(http, before.token, {u"earlier"_s, u"0.1.0"_s}).status, 200);
            before.feed.reset();
            // What the feed made with the default umask before it cared; and a file of the user's.
            QFile notes(options.dataDir + u"/notes.txt"_s);
            QVERIFY(notes.open(QIODevice::WriteOnly));
            notes.close();
            setTreeMode(options.dataDir, 0755, 0644);
            QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"the local feed in .* could be read by other users: \\d+ files and folders made private"_s));
        }

        auto started = TestSupport::startLocalFeed(options);
        QVERIFY2(started.error.isEmpty(), qPrintable(started.error));
        FeedHttpClient http(started.feed->indexUrl());
        QCOMPARE(publish(http, started.token, {u"private-crate"_s, u"1.0.0"_s}).status, 200);
        QCOMPARE(publish(http, started.token, {u"private-crate"_s, u"1.1.0"_s}).status, 200);
        QString second;
        QVERIFY(!started.feed->store()->createToken(u"bob"_s, &second));

        // While it runs: the database with its -wal and -shm, the lock, the crates.
        QStringList seen;
        const QStringList wrong = modeViolations(options.dataDir, &seen);
        for (const QString &expected : {u"feed.sqlite"_s, u"feed.sqlite-wal"_s, u"feed.sqlite-shm"_s, u"feed.lock"_s})
            QVERIFY2(seen.contains(expected), qPrintable(u"%1 was not there to check; found: %2"_s.arg(expected, seen.join(u", "_s))));
        QVERIFY2(seen.filter(QRegularExpression(u"\\.crate$"_s)).size() >= 2, qPrintable(seen.join(u", "_s)));
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(u'\n')));
        QVERIFY(!QFileInfo(options.dataDir + u"/feed.sqlite"_s).permissions().testAnyFlags(QFile::ReadOther | QFile::ReadGroup));
    }

    // 1.0.0-a and 1.0.0-A are two versions (pre-release identifiers compare case-sensitively),
    // and on macOS or Windows crates/x/x-1.0.0-a.crate and x-1.0.0-A.crate were one file: the
    // second publish replaced the bytes of the first. No two stored names may differ only in
    // case, and each version keeps its own bytes.
    void versionsDifferingInCaseKeepTheirOwnBytes()
    {
        QTemporaryDir dir;
        FeedServerOptions options;
        options.dataDir = dir.path();
        auto started = TestSupport::startLocalFeed(options);
        QVERIFY2(started.error.isEmpty(), qPrintable(started.error));
        FeedHttpClient http(started.feed->indexUrl());
        TestCrate lower(u"casey"_s, u"1.0.0-a"_s);
        TestCrate upper(u"casey"_s, u"1.0.0-A"_s);
        lower.padding = "lower";
        upper.padding = "UPPER";
        QCOMPARE(publish(http, started.token, lower).status, 200);
        QCOMPARE(publish(http, started.token, upper).status, 200);

        for (const TestCrate *crate : {&lower, &upper}) {
            const auto download = http.get(u"api/v1/crates/casey/%1/download"_s.arg(crate->vers));
            QCOMPARE(download.status, 200);
            QVERIFY2(download.body == crate->crateBytes(), qPrintable(u"%1 does not download its own bytes"_s.arg(crate->vers)));
        }
        QHash<QString, QString> byFoldedName;
        QDirIterator it(dir.path(), QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = QDir(dir.path()).relativeFilePath(it.next());
            const QString folded = path.toCaseFolded();
            QVERIFY2(!byFoldedName.contains(folded), qPrintable(u"%1 and %2 are one file on a case-insensitive file system"_s.arg(byFoldedName.value(folded), path)));
            byFoldedName.insert(folded, path);
        }
    }

    // A feed from before: crates/NAME/NAME-VERSION.crate and the schema before the move. It
    // was on a case-insensitive file system, so 1.0.0-a and 1.0.0-A share one file (emulated
    // with a hard link) holding the bytes of the later publish, 1.0.0-A.
    void migrationMovesTheFilesOfAnOlderFeed()
    {
        QTemporaryDir dir;
        const QString data = dir.path();
        const int moveVersion = FeedSchema::cratesByChecksumVersion();
        QVERIFY(moveVersion > 1);
        struct Old
        {
            TestCrate crate;
            bool lostOnDisk = false;
        };
        QList<Old> old{{TestCrate(u"Old_Crate"_s, u"0.1.0"_s)}, {TestCrate(u"Old_Crate"_s, u"0.2.0+build"_s)},
                       {TestCrate(u"casey"_s, u"1.0.0-a"_s), true}, {TestCrate(u"casey"_s, u"1.0.0-A"_s)}};
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"legacy"_s);
            db.setDatabaseName(data + u"/feed.sqlite"_s);
            QVERIFY(db.open());
            QSqlQuery q(db);
            for (int version = 1; version < moveVersion; ++version) {
                for (const QString &statement : FeedSchema::migrations().at(version - 1))
                    QVERIFY2(q.exec(statement), qPrintable(q.lastError().text()));
            }
            QVERIFY(q.exec(u"PRAGMA user_version=%1"_s.arg(moveVersion - 1)));
            QVERIFY(q.exec(u"INSERT INTO users (id, login, created) VALUES (1, 'alice', '2026-01-01T00:00:00Z')"_s));
            QVERIFY(q.exec(u"INSERT INTO crates (id, name, canonical, updated) VALUES (1, 'Old_Crate', 'old_crate', '2026-01-01T00:00:00Z'), (2, 'casey', 'casey', '2026-01-01T00:00:00Z')"_s));
            QVERIFY(q.exec(u"INSERT INTO owners (crate_id, user_id) VALUES (1, 1), (2, 1)"_s));
            for (const Old &entry : std::as_const(old)) {
                const TestCrate &crate = entry.crate;
                const QByteArray cksum = sha256Hex(crate.crateBytes());
                const QJsonObject line{{u"name"_s, crate.name}, {u"vers"_s, crate.vers}, {u"deps"_s, QJsonArray()}, {u"cksum"_s, QString::fromLatin1(cksum)},
                                       {u"features"_s, QJsonObject()}, {u"yanked"_s, false}};
                QVERIFY(q.prepare(uR"(INSERT INTO versions (crate_id, vers, precedence_key, index_line, cksum, size, pubtime, publisher_id, metadata)
                                      VALUES (?, ?, ?, ?, ?, ?, '2026-01-01T00:00:00Z', 1, '{}'))"_s));
                q.addBindValue(crate.name == u"casey"_s ? 2 : 1);
                q.addBindValue(crate.vers);
                q.addBindValue(crate.vers.section(u'+', 0, 0));
                q.addBindValue(QString::fromUtf8(QJsonDocument(line).toJson(QJsonDocument::Compact)));
                q.addBindValue(QString::fromLatin1(cksum));
                q.addBindValue(crate.crateBytes().size());
                QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
                const QString lower = crate.name.toLower();
                const QString path = u"%1/crates/%2/%2-%3.crate"_s.arg(data, lower, crate.vers);
                QVERIFY(QDir().mkpath(QFileInfo(path).path()));
                if (entry.lostOnDisk)
                    continue;
                QFile file(path);
                QVERIFY(file.open(QIODevice::WriteOnly));
                file.write(crate.crateBytes());
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(u"legacy"_s);
        const QString sharedName = data + u"/crates/casey/casey-1.0.0-a.crate"_s;
        QVERIFY(::link(QFile::encodeName(data + u"/crates/casey/casey-1.0.0-A.crate"_s).constData(), QFile::encodeName(sharedName).constData()) == 0);

        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"the bytes of casey@1.0.0-a are missing"_s));
        FeedServerOptions options;
        options.dataDir = data;
        auto started = TestSupport::startLocalFeed(options);
        QVERIFY2(started.error.isEmpty(), qPrintable(started.error));
        FeedHttpClient http(started.feed->indexUrl());
        for (const Old &entry : std::as_const(old)) {
            const auto download = http.get(u"api/v1/crates/%1/%2/download"_s.arg(entry.crate.name, QString::fromLatin1(QUrl::toPercentEncoding(entry.crate.vers))));
            if (entry.lostOnDisk) {
                QVERIFY2(download.status != 200, "the version whose file held another version's bytes must not serve them");
                continue;
            }
            QVERIFY2(download.status == 200, qPrintable(u"%1@%2: HTTP %3 %4"_s.arg(entry.crate.name, entry.crate.vers).arg(download.status).arg(QString::fromUtf8(download.body))));
            QVERIFY(download.body == entry.crate.crateBytes());
        }
        QVERIFY2(!QFileInfo::exists(data + u"/crates/old_crate"_s), "the emptied old folder should be gone");
        // And it is a feed that works on: a new version lands under the new names.
        TestCrate next(u"casey"_s, u"1.0.0-b"_s);
        QCOMPARE(publish(http, started.token, next).status, 200);
        QCOMPARE(http.get(u"api/v1/crates/casey/1.0.0-b/download"_s).body, next.crateBytes());
    }
};

QTEST_GUILESS_MAIN(TestFeedFiles)
#include "tst_feedfiles.moc"
