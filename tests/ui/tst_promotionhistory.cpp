// SPDX-License-Identifier: GPL-3.0-or-later
// ProGet's promotion history in the window: the dialog asks a ProGet server (the ProGet test
// server, over HTTP) how a crate's versions came into a feed and lists them newest first; an
// empty history and a refused key each get their own words; a promoter's comment with markup
// stays text. The model runs under QAbstractItemModelTester.
#include "cargotypes/progetpromotion.h"
#include "itemmodels/promotionhistorymodel.h"
#include "messagebanner.h"
#include "net/httpclient.h"
#include "progettestserver.h"
#include "promotionhistorydialog.h"
#include "registry/registryclient.h"
#include "screenshot.h"
#include "translations.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QJsonArray>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestPromotionHistory : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_nam;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<ProGetTestServer> m_server;

    static QJsonObject record(const QString &crate, const QString &version, const QString &from, const QString &date, const QString &comments)
    {
        return {{u"group"_s, u""_s}, {u"package"_s, crate}, {u"packageType"_s, u"cargo"_s}, {u"version"_s, version},
                {u"promotions"_s, QJsonArray{QJsonObject{{u"fromFeed"_s, from}, {u"toFeed"_s, u"approved"_s}, {u"date"_s, date},
                                                         {u"user"_s, u"jsmith"_s}, {u"comments"_s, comments}}}}};
    }

    std::unique_ptr<RegistryClient> client(const QByteArray &key) const
    {
        Feed feed;
        feed.name = u"approved"_s;
        feed.indexUrl = m_server->cargoIndexUrl(u"approved"_s);
        feed.auth = Feed::AuthKind::Token;
        auto result = std::make_unique<RegistryClient>(feed, m_http.get(), nullptr, nullptr);
        result->setCredential(key);
        return result;
    }

private Q_SLOTS:
    void initTestCase()
    {
        Translations::install(qApp);
        m_http = std::make_unique<HttpClient>(&m_nam);
        m_server = std::make_unique<ProGetTestServer>("history-key");
        QVERIFY(m_server->listen());
        m_server->addCargoFeed(u"approved"_s);
        m_server->addPromotionRecord(record(u"serde"_s, u"1.0.200"_s, u"staging"_s, u"2026-11-02T09:15:00Z"_s, u"security review SEC-112"_s));
        m_server->addPromotionRecord(record(u"serde"_s, u"1.0.210"_s, u"staging"_s, u"2026-12-01T16:40:00Z"_s,
                                            u"<img src=x onerror=alert(1)><b>approved</b>"_s));
        m_server->addPromotionRecord(record(u"serde"_s, u"1.0.190"_s, u"crates-io-mirror"_s, u"not a date"_s, u""_s));
    }

    void theHistoryIsListedNewestFirst()
    {
        const auto feed = client("history-key");
        PromotionHistoryDialog dialog(feed.get(), u"serde"_s);
        QAbstractItemModelTester tester(dialog.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy settled(&dialog, &PromotionHistoryDialog::settled);
        dialog.show();
        QTRY_COMPARE_WITH_TIMEOUT(settled.size(), 1, 10000);
        PromotionHistoryModel *model = dialog.model();
        QCOMPARE(model->rowCount(), 3);
        QCOMPARE(model->index(0, PromotionHistoryModel::VersionColumn).data().toString(), u"1.0.210"_s);
        QCOMPARE(model->index(1, PromotionHistoryModel::VersionColumn).data().toString(), u"1.0.200"_s);
        QCOMPARE(model->index(1, PromotionHistoryModel::FromColumn).data().toString(), u"staging"_s);
        QCOMPARE(model->index(1, PromotionHistoryModel::UserColumn).data().toString(), u"jsmith"_s);
        QCOMPARE(model->index(1, PromotionHistoryModel::CommentsColumn).data().toString(), u"security review SEC-112"_s);
        QCOMPARE(model->index(2, PromotionHistoryModel::DateColumn).data().toString(), u"unknown"_s);
        QCOMPARE(dialog.stateText(), u"3 promotions of serde into approved, newest first."_s);
        // Markup from the server is shown as it was typed, never rendered.
        QCOMPARE(model->index(0, PromotionHistoryModel::CommentsColumn).data().toString(), u"<img src=x onerror=alert(1)><b>approved</b>"_s);
        QVERIFY(!Qt::mightBeRichText(dialog.stateText()) || dialog.findChild<QLabel *>(u"historyState"_s)->textFormat() == Qt::PlainText);
        const auto requests = m_server->requests();
        QVERIFY(std::ranges::any_of(requests, [](const auto &r) { return r.path == u"/api/promotions/list"_s && r.apiKey == "history-key"; }));
        QVERIFY(saveScreenshot(&dialog, u"promotionhistory-light"_s));
        dialog.setPalette(darkPalette());
        QVERIFY(saveScreenshot(&dialog, u"promotionhistory-dark"_s));
    }

    void aCrateNeverPromotedSaysSo()
    {
        const auto feed = client("history-key");
        PromotionHistoryDialog dialog(feed.get(), u"tokio"_s);
        QSignalSpy settled(&dialog, &PromotionHistoryDialog::settled);
        QTRY_COMPARE_WITH_TIMEOUT(settled.size(), 1, 10000);
        QCOMPARE(dialog.model()->rowCount(), 0);
        QVERIFY2(dialog.stateText().contains(u"no record of tokio being promoted into approved"_s), qPrintable(dialog.stateText()));
    }

    void aRefusedKeyIsShownNotSwallowed()
    {
        const auto feed = client("view-only");
        PromotionHistoryDialog dialog(feed.get(), u"serde"_s);
        QSignalSpy settled(&dialog, &PromotionHistoryDialog::settled);
        dialog.show();
        QTRY_COMPARE_WITH_TIMEOUT(settled.size(), 1, 10000);
        auto *message = dialog.findChild<MessageBanner *>(u"historyMessage"_s);
        QVERIFY(message && message->isVisible());
        QVERIFY2(message->text().contains(u"proper permissions"_s), qPrintable(message->text()));
        QVERIFY(saveScreenshot(&dialog, u"promotionhistory-refused"_s));
    }

    // A hostile history: thousands of records, huge strings; kept to a bounded list of bounded text.
    void aHostileHistoryIsBounded()
    {
        QJsonArray records;
        QJsonArray promotions;
        for (int i = 0; i < 12000; ++i)
            promotions.append(QJsonObject{{u"fromFeed"_s, QString(300, u'f')}, {u"comments"_s, QString(1000, u'c')}});
        records.append(QJsonObject{{u"package"_s, u"serde"_s}, {u"version"_s, u"1.0.0"_s}, {u"promotions"_s, promotions}});
        const QList<ProGetPromotion> parsed = ProGetPromotion::listFromJson(records);
        QCOMPARE(parsed.size(), 10000);
        QCOMPARE(parsed.first().fromFeed.size(), 200);
        QCOMPARE(parsed.first().comments.size(), 600);
    }
};

QTEST_MAIN(TestPromotionHistory)
#include "tst_promotionhistory.moc"
