// SPDX-License-Identifier: GPL-3.0-or-later
// One crate across feeds, in the window and on the command line, against two real local
// feeds and one that cannot be reached: which versions each holds (yanked too), and the alarm
// when the same version has other bytes in another feed (a substitute build). The model runs
// under QAbstractItemModelTester.
#include "cargotypes/crateacrossfeeds.h"
#include "clirun.h"
#include "crateacrossfeedsdialog.h"
#include "itemmodels/crateacrossfeedsmodel.h"
#include "itemmodels/roles.h"
#include "localtestfeed.h"
#include "net/httpclient.h"
#include "registry/feedsessions.h"
#include "registry/registryclient.h"
#include "registryoutcome.h"
#include "screenshot.h"
#include "testcrate.h"
#include "translations.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestCrateAcrossFeeds : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QNetworkAccessManager m_nam;
    std::unique_ptr<HttpClient> m_http;
    TestSupport::StartedFeed m_mirror;
    TestSupport::StartedFeed m_internal;
    std::unique_ptr<FeedSessions> m_sessions;
    QUrl m_unreachable;

    bool publish(const TestSupport::StartedFeed &target, const TestCrate &crate)
    {
        QNetworkRequest request(target.feed->indexUrl().resolved(QUrl(u"api/v1/crates/new"_s)));
        request.setRawHeader("Authorization", target.token);
        QNetworkReply *reply = m_nam.put(request, crate.publishBody());
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            finished.wait(30000);
        reply->deleteLater();
        return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200;
    }

    static Feed feed(const QString &name, const QUrl &url)
    {
        Feed description;
        description.name = name;
        description.indexUrl = url;
        return description;
    }

    FeedList feeds() const
    {
        return {feed(u"mirror"_s, m_mirror.feed->indexUrl()), feed(u"internal"_s, m_internal.feed->indexUrl()),
                feed(u"gone"_s, m_unreachable)};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        Translations::install(qApp);
        m_http = std::make_unique<HttpClient>(&m_nam);
        m_sessions = std::make_unique<FeedSessions>(m_http.get(), nullptr, nullptr);
        FeedServerOptions mirror, inside;
        mirror.dataDir = m_dir.filePath(u"mirror"_s);
        inside.dataDir = m_dir.filePath(u"internal"_s);
        m_mirror = TestSupport::startLocalFeed(mirror);
        m_internal = TestSupport::startLocalFeed(inside);
        QVERIFY2(m_mirror.error.isEmpty() && m_internal.error.isEmpty(), qPrintable(m_mirror.error + m_internal.error));
        {
            QTcpServer closed; // a port that was free a moment ago: nothing answers there
            QVERIFY(closed.listen(QHostAddress::LocalHost));
            m_unreachable = QUrl(u"http://127.0.0.1:%1/"_s.arg(closed.serverPort()));
        }
        TestCrate original(u"twin"_s, u"1.0.0"_s);
        TestCrate substitute(u"twin"_s, u"1.0.0"_s);
        substitute.description = u"The same version, built from other sources"_s;
        QVERIFY(publish(m_mirror, original));
        QVERIFY(publish(m_internal, substitute));
        QVERIFY(publish(m_mirror, TestCrate(u"twin"_s, u"1.1.0"_s)));
        QVERIFY(publish(m_internal, TestCrate(u"twin"_s, u"0.9.0"_s)));
        QVERIFY(publish(m_mirror, TestCrate(u"plain"_s, u"2.0.0"_s)));
        QVERIFY(publish(m_internal, TestCrate(u"plain"_s, u"2.0.0"_s)));
        Feed internal = feed(u"internal"_s, m_internal.feed->indexUrl());
        internal.auth = Feed::AuthKind::Token;
        RegistryClient yanker(internal, m_http.get(), nullptr, nullptr);
        yanker.setCredential(m_internal.token);
        QVERIFY(!runReply(yanker.setYanked(u"twin"_s, u"0.9.0"_s, true)).error);
    }

    void theWindowListsEveryFeedAndRaisesTheAlarm()
    {
        CrateAcrossFeedsDialog dialog(m_sessions.get(), feeds(), u"twin"_s);
        QAbstractItemModelTester tester(dialog.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy settled(&dialog, &CrateAcrossFeedsDialog::settled);
        dialog.show();
        QTRY_COMPARE_WITH_TIMEOUT(settled.size(), 1, 20000);
        const CrateAcrossFeedsModel *model = dialog.model();
        QCOMPARE(model->columnCount(), 5); // version, three feeds, checksums
        QCOMPARE(model->rowCount(), 3);
        const auto cell = [model](int row, int column) { return model->index(row, column).data().toString(); };
        QCOMPARE(QStringList({cell(0, 0), cell(1, 0), cell(2, 0)}), QStringList({u"1.1.0"_s, u"1.0.0"_s, u"0.9.0"_s}));
        QCOMPARE(QStringList({cell(0, 1), cell(0, 2)}), QStringList({u"yes"_s, u"—"_s}));
        QCOMPARE(cell(2, 2), u"yanked"_s);
        QCOMPARE(cell(1, model->checksumColumn()), u"DIFFERENT"_s);
        QVERIFY(model->index(1, 0).data(Roles::ChecksumsDiffer).toBool());
        QCOMPARE(cell(0, model->checksumColumn()), u"same"_s);
        QVERIFY(model->index(1, model->checksumColumn()).data(Qt::ToolTipRole).toString().contains(u"internal: "_s));
        QCOMPARE(model->headerData(3, Qt::Horizontal).toString(), u"gone (not reached)"_s);
        QVERIFY2(dialog.alarmText().contains(u"Different bytes under the same version: twin 1.0.0"_s), qPrintable(dialog.alarmText()));
        QCOMPARE(dialog.stateText(), u"twin is in 2 of 3 feeds."_s);
        QVERIFY(saveScreenshot(&dialog, u"crateacrossfeeds-light"_s));
        dialog.setPalette(darkPalette());
        QVERIFY(saveScreenshot(&dialog, u"crateacrossfeeds-dark"_s));

        CrateAcrossFeedsDialog same(m_sessions.get(), feeds(), u"plain"_s);
        QSignalSpy sameSettled(&same, &CrateAcrossFeedsDialog::settled);
        QTRY_COMPARE_WITH_TIMEOUT(sameSettled.size(), 1, 20000);
        QVERIFY(same.alarmText().isEmpty());
        QCOMPARE(same.model()->index(0, same.model()->checksumColumn()).data().toString(), u"same"_s);
    }

    void theCommandLineSaysWhereAndAlarms()
    {
        const QStringList indexes{u"--index"_s, m_mirror.feed->indexUrl().toString(), u"--index"_s, m_internal.feed->indexUrl().toString()};
        const CliResult twin = runCratedesk(QStringList{u"where"_s, u"twin"_s} + indexes);
        QCOMPARE(twin.exitCode, 1);
        QVERIFY2(twin.out.contains("ALARM: twin@1.0.0 has different checksums: "), qPrintable(twin.describe()));
        QVERIFY2(twin.out.contains("\n0.9.0\t-\tyanked\n"), qPrintable(twin.describe()));

        const CliResult json = runCratedesk(QStringList{u"where"_s, u"twin"_s, u"--json"_s} + indexes);
        const QJsonObject report = QJsonDocument::fromJson(json.out).object();
        QCOMPARE(report.value(u"mismatches"_s).toArray().size(), 1);
        QCOMPARE(report.value(u"mismatches"_s).toArray().first().toObject().value(u"vers"_s).toString(), u"1.0.0"_s);
        QCOMPARE(report.value(u"feeds"_s).toArray().size(), 2);

        const CliResult plain = runCratedesk(QStringList{u"where"_s, u"plain"_s} + indexes + QStringList{u"--index"_s, m_unreachable.toString()});
        QCOMPARE(plain.exitCode, 0);
        QVERIFY2(plain.out.contains("not reached"), qPrintable(plain.describe()));
        QVERIFY(!plain.out.contains("ALARM"));

        const CliResult hostile = runCratedesk(QStringList{u"where"_s, u"../etc"_s} + indexes);
        QCOMPARE(hostile.exitCode, 1);
    }

    // The rule itself: versions newest first, only real differences, feeds kept in order.
    void mismatchesAreOnlyRealDifferences()
    {
        IndexEntry a;
        a.name = u"x"_s;
        a.vers = u"1.0.0"_s;
        a.cksum = QString(64, u'a');
        IndexEntry b = a;
        b.vers = u"1.10.0"_s;
        IndexEntry c = a;
        c.cksum = QString(64, u'c');
        const CrateAcrossFeeds crate{u"x"_s, {{u"one"_s, {}, false, false, {a, b}}, {u"two"_s, {}, false, false, {a}},
                                             {u"three"_s, {}, false, false, {c}}}};
        QCOMPARE(crate.versions(), QStringList({u"1.10.0"_s, u"1.0.0"_s}));
        QCOMPARE(crate.mismatches().size(), 1);
        QCOMPARE(crate.mismatches().first().sums.size(), 3);
        QCOMPARE(crate.mismatches().first().sums.last().first, u"three"_s);
    }
};

QTEST_MAIN(TestCrateAcrossFeeds)
#include "tst_crateacrossfeeds.moc"
