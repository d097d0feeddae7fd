// SPDX-License-Identifier: GPL-3.0-or-later
// A power cut after the 200, not only a killed process: `cratedesk serve` runs under the
// lostwrites shim (tests/support/lostwrites.c), publishes are acknowledged, the process is
// killed with SIGKILL, and PowerCut then undoes every write and every name that no fsync
// made durable, as a power cut at that moment could. After a restart every acknowledged
// version must be listed and download with its cksum. With syncing switched off
// (CRATEDESK_FEED_SYNC=off: SQLite's synchronous=NORMAL and no fsync of the crate file and
// its folder, the feed as it was) the same run must lose acknowledged publishes, which shows
// that the shim really models lost writes.
#include "cargoproject.h" // ServeProcess
#include "feedhttpclient.h"
#include "powercut.h"
#include "testcrate.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

struct Published
{
    QString name;
    QString vers;
    QByteArray sha256; // hex of the .crate bytes sent
};

// Where cargo looks for a name of four letters or more; computed here, not by the feed.
QString indexPath(const QString &name)
{
    const QString lower = name.toLower();
    return lower.left(2) + u'/' + lower.mid(2, 2) + u'/' + lower;
}

// The shim for the server's LD_PRELOAD; behind the sanitizer's runtime in a sanitizer build.
QString lostWritesPreload()
{
#ifdef SANITIZER_RUNTIME
    return QStringLiteral(SANITIZER_RUNTIME " " LOSTWRITES_LIBRARY);
#else
    return QStringLiteral(LOSTWRITES_LIBRARY);
#endif
}

} // namespace

class TestFeedDurability : public QObject
{
    Q_OBJECT

private:
    // What the restarted feed no longer has of the acknowledged publishes, one line each.
    static QStringList lostVersions(const QUrl &base, const QList<Published> &acknowledged)
    {
        FeedHttpClient http(base);
        QStringList lost;
        QHash<QString, QByteArray> indexFiles;
        for (const Published &version : acknowledged) {
            const QString label = version.name + u'@' + version.vers;
            if (!indexFiles.contains(version.name)) {
                const auto index = http.get(indexPath(version.name));
                indexFiles.insert(version.name, index.status == 200 ? index.body : QByteArray());
            }
            QString listedCksum;
            for (const QByteArray &line : indexFiles.value(version.name).split('\n')) {
                const QJsonObject entry = QJsonDocument::fromJson(line).object();
                if (entry.value(u"vers"_s).toString() == version.vers)
                    listedCksum = entry.value(u"cksum"_s).toString();
            }
            if (listedCksum.isEmpty()) {
                lost << label + u": not in the index"_s;
                continue;
            }
            if (listedCksum.toLatin1() != version.sha256) {
                lost << label + u": listed with another cksum"_s;
                continue;
            }
            const auto download = http.get(u"api/v1/crates/%1/%2/download"_s.arg(version.name, version.vers));
            const QByteArray sha256 = QCryptographicHash::hash(download.body, QCryptographicHash::Sha256).toHex();
            if (download.status != 200 || sha256 != version.sha256)
                lost << label + u": listed, but the download gives HTTP %1 with sha256 %2"_s.arg(download.status).arg(QString::fromLatin1(sha256));
        }
        return lost;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(TestSupport::cratedeskExecutable()).isExecutable(),
                 qPrintable(u"%1 is not built"_s.arg(TestSupport::cratedeskExecutable())));
        QVERIFY2(QFileInfo::exists(QStringLiteral(LOSTWRITES_LIBRARY)), LOSTWRITES_LIBRARY " is not built");
    }

    void acknowledgedPublishesSurviveAPowerCut_data()
    {
        QTest::addColumn<bool>("durable");
        QTest::addColumn<int>("parallel"); // publishes in flight at once
        QTest::addColumn<int>("paddingBytes");
        QTest::newRow("one at a time") << true << 1 << 4096;
        QTest::newRow("4 concurrent publishers, larger crates") << true << 4 << 96 * 1024;
        QTest::newRow("control: sync off loses acknowledged publishes") << false << 4 << 4096;
    }

    void acknowledgedPublishesSurviveAPowerCut()
    {
        QFETCH(bool, durable);
        QFETCH(int, parallel);
        QFETCH(int, paddingBytes);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString dataDir = dir.filePath(u"data"_s);
        const QString journal = dir.filePath(u"journal"_s);
        const QString trash = dir.filePath(u"trash"_s); // on the same file system, for renames
        QVERIFY(QDir().mkpath(trash));
        ServeProcess server(TestSupport::cratedeskExecutable(), dataDir, dir.filePath(u"serve.log"_s));

        // The feed is made and the token stored for real, before the shim comes in.
        QString error;
        QVERIFY2(server.start({}, &error), qPrintable(error));
        const QByteArray token = server.createToken(u"durable"_s, &error).toLatin1();
        QVERIFY2(!token.isEmpty(), qPrintable(error));
        QCOMPARE(server.stop(), 0);

        QProcessEnvironment shim;
        shim.insert(u"LD_PRELOAD"_s, lostWritesPreload());
        shim.insert(u"LOSTWRITES_ROOT"_s, QDir(dataDir).absolutePath());
        shim.insert(u"LOSTWRITES_JOURNAL"_s, journal);
        shim.insert(u"LOSTWRITES_TRASH"_s, trash);
        if (!durable)
            shim.insert(u"CRATEDESK_FEED_SYNC"_s, u"off"_s);
        server.setNextStart(shim);
        QVERIFY2(server.start({}, &error), qPrintable(error));

        const QStringList names{u"powercut-one"_s, u"powercut-two"_s, u"Powercut_Three"_s};
        QList<Published> acknowledged;
        for (int round = 0; round < 12 / parallel; ++round) {
            FeedHttpClient http(server.baseUrl()); // new connections each round, as new cargo processes
            QList<QByteArray> bodies;
            QList<Published> sent;
            for (int i = 0; i < parallel; ++i) {
                const int n = round * parallel + i;
                TestCrate crate(names.at(n % names.size()), u"1.%1.0"_s.arg(n));
                crate.padding = QByteArray(paddingBytes, char('a' + n % 26));
                bodies << crate.publishBody();
                sent.append({crate.name, crate.vers, QCryptographicHash::hash(crate.crateBytes(), QCryptographicHash::Sha256).toHex()});
            }
            const auto replies = http.sendConcurrently("PUT", u"api/v1/crates/new"_s, bodies, {{"Authorization", token}});
            for (qsizetype i = 0; i < replies.size(); ++i) {
                QVERIFY2(replies.at(i).status == 200, qPrintable(u"%1@%2: HTTP %3 %4\n%5"_s.arg(sent.at(i).name, sent.at(i).vers).arg(replies.at(i).status)
                                                                     .arg(QString::fromUtf8(replies.at(i).body), server.logTail())));
                acknowledged.append(sent.at(i));
            }
        }

        // The power goes: the process dies, and what was not synced with it.
        server.kill();
        const PowerCut::Result cut = PowerCut::apply(journal, dataDir, trash);
        QVERIFY2(cut.ok, qPrintable(cut.error));
        qInfo().noquote() << "power cut:" << cut.summary();
        QVERIFY2(cut.records > 0, "the shim recorded nothing: it did not see the feed's writes");

        QVERIFY2(server.start({}, &error), qPrintable(u"restart after the power cut failed: "_s + error));
        const QStringList lost = lostVersions(server.baseUrl(), acknowledged);
        if (durable) {
            QVERIFY2(lost.isEmpty(), qPrintable(u"acknowledged with 200, lost in the power cut (%1):\n%2\nundone:\n%3"_s.arg(cut.summary(), lost.join(u'\n'),
                                                                                                                     cut.log.join(u'\n'))));
        } else {
            QVERIFY2(!lost.isEmpty(), qPrintable(u"nothing was lost without syncing, so the shim models no lost writes (%1)"_s.arg(cut.summary())));
            qInfo().noquote() << "without syncing," << lost.size() << "of" << acknowledged.size() << "acknowledged versions were lost, e.g." << lost.first();
        }
        QCOMPARE(server.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(TestFeedDurability)
#include "tst_feeddurability.moc"
