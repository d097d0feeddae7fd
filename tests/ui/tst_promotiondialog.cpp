// SPDX-License-Identifier: GPL-3.0-or-later
// Promotion in the window: the audit of a lockfile offers to promote what the feed is
// missing, and the dialog plans from the feed the user picks (with or without the closure),
// then promotes row by row. Two real local feeds over HTTP.
#include "audit/lockfileaudit.h"
#include "crate/cratearchive.h"
#include "crate/publishmetadata.h"
#include "itemmodels/promotionmodel.h"
#include "itemmodels/roles.h"
#include "localfeed/localfeed.h"
#include "localtestfeed.h"
#include "lockfileauditwindow.h"
#include "messagebanner.h"
#include "net/httpclient.h"
#include "promote/promotionsession.h"
#include "promotiondialog.h"
#include "registry/feedsessions.h"
#include "registry/registryclient.h"
#include "screenshot.h"
#include "testcrate.h"
#include "translations.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using State = PromotionItem::State;

class TestPromotionDialog : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QNetworkAccessManager m_nam;
    std::unique_ptr<HttpClient> m_http;
    TestSupport::StartedFeed m_staging;
    TestSupport::StartedFeed m_approved;
    std::unique_ptr<FeedSessions> m_sessions;
    FeedList m_feeds;

    Feed feed(const QString &name, const TestSupport::StartedFeed &started)
    {
        Feed description;
        description.name = name;
        description.indexUrl = started.feed->indexUrl();
        description.auth = Feed::AuthKind::Token;
        m_sessions->setCredential(name, started.token);
        return description;
    }

    bool publish(const TestSupport::StartedFeed &target, const TestCrate &crate)
    {
        const QString path = m_dir.filePath(crate.name + u".crate"_s);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(crate.crateBytes()) <= 0)
            return false;
        file.close();
        const auto archive = CrateArchive::open(path);
        const auto metadata = archive.isOk() ? PublishMetadata::fromArchive(*archive.archive, target.feed->indexUrl().toString())
                                             : PublishMetadata::Result{};
        if (!metadata.isOk())
            return false;
        QNetworkRequest request(target.feed->indexUrl().resolved(QUrl(u"api/v1/crates/new"_s)));
        request.setRawHeader("Authorization", target.token);
        QNetworkReply *reply = m_nam.put(request, PublishMetadata::frame(metadata.metadata->toJson(), crate.crateBytes()));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            finished.wait(30000);
        reply->deleteLater();
        return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200;
    }

    TestCrate crateOn(const QString &name, const QString &dep = {})
    {
        TestCrate crate(name, u"1.0.0"_s);
        if (!dep.isEmpty())
            crate.extraManifest = "[dependencies." + dep.toUtf8() + "]\nversion = \"1\"\nregistry-index = \"sparse+"
                                  + m_staging.feed->indexUrl().toString().toUtf8() + "\"\n";
        return crate;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setApplicationDisplayName(u"CrateDesk"_s);
        Translations::install(qApp);
        QVERIFY(m_dir.isValid());
        m_http = std::make_unique<HttpClient>(&m_nam);
        FeedServerOptions options;
        options.dataDir = m_dir.filePath(u"staging"_s);
        m_staging = TestSupport::startLocalFeed(options, u"owner"_s);
        QVERIFY2(m_staging.error.isEmpty(), qPrintable(m_staging.error));
        options.dataDir = m_dir.filePath(u"approved"_s);
        m_approved = TestSupport::startLocalFeed(options, u"owner"_s);
        QVERIFY2(m_approved.error.isEmpty(), qPrintable(m_approved.error));
        QVERIFY(publish(m_staging, crateOn(u"acme-base"_s)));
        QVERIFY(publish(m_staging, crateOn(u"acme-app"_s, u"acme-base"_s)));
        QVERIFY(publish(m_staging, crateOn(u"acme-tool"_s)));
        m_sessions = std::make_unique<FeedSessions>(m_http.get(), nullptr, nullptr);
        m_feeds = {feed(u"Approved"_s, m_approved), feed(u"Staging"_s, m_staging)};
    }

    // The audit of a project that needs crates the approved feed lacks offers to promote them.
    void theAuditOffersToPromoteWhatIsMissing()
    {
        const QString lockfile = m_dir.filePath(u"Cargo.lock"_s);
        QFile file(lockfile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        const QByteArray source = "registry+https://github.com/rust-lang/crates.io-index";
        file.write("version = 3\n\n[[package]]\nname = \"acme-app\"\nversion = \"1.0.0\"\nsource = \"" + source
                   + "\"\n\n[[package]]\nname = \"acme-tool\"\nversion = \"1.0.0\"\nsource = \"" + source
                   + "\"\n\n[[package]]\nname = \"project\"\nversion = \"0.1.0\"\n");
        file.close();
        LockfileAuditWindow window(m_sessions->client(m_feeds.first()), u"Approved"_s, lockfile);
        QVERIFY(!window.promoteButton()->isEnabled());
        QSignalSpy done(window.audit(), &LockfileAudit::finished);
        QVERIFY(done.wait(30000));
        QVERIFY(window.promoteButton()->isEnabled());
        QSignalSpy requested(&window, &LockfileAuditWindow::promoteRequested);
        window.promoteButton()->click();
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.first().at(0).toString(), u"Approved"_s);
        QCOMPARE(window.missing(), (QList<std::pair<QString, QString>>{{u"acme-app"_s, u"1.0.0"_s}, {u"acme-tool"_s, u"1.0.0"_s}}));

        // The report as the command line prints it, and the bill of materials, from here too.
        QVERIFY(window.copyReportButton()->isEnabled());
        window.copyReportButton()->click();
        const QString report = QGuiApplication::clipboard()->text();
        QVERIFY2(report.contains(u"missing\tacme-app 1.0.0\t"_s) && report.endsWith(u"3 packages: 2 missing, 1 not-registry"_s), qPrintable(report));
        QSignalSpy exported(&window, &LockfileAuditWindow::exported);
        const QString bom = m_dir.filePath(u"bom.cdx.json"_s);
        window.exportBillOfMaterials(bom);
        QVERIFY(exported.wait(10000));
        QCOMPARE(exported.first().at(1).toString(), QString());
        QFile saved(bom);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        const QJsonObject document = QJsonDocument::fromJson(saved.readAll()).object();
        QCOMPARE(document.value(u"specVersion"_s).toString(), u"1.5"_s);
        QCOMPARE(document.value(u"components"_s).toArray().size(), 3);
        window.exportBillOfMaterials(m_dir.filePath(u"no-such-folder/bom.json"_s));
        QVERIFY(exported.wait(10000));
        QVERIFY(!exported.last().at(1).toString().isEmpty());
        QCOMPARE(window.findChild<MessageBanner *>()->kind(), MessageBanner::Kind::Error);
    }

    // The plan shows what the closure needs once asked; promoting fills the target.
    void theDialogPlansThenPromotes()
    {
        PromotionDialog dialog(m_sessions.get(), m_feeds, u"Approved"_s, {{u"acme-app"_s, u"1.0.0"_s}, {u"acme-tool"_s, u"1.0.0"_s}});
        QAbstractItemModelTester tester(dialog.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(dialog.sourceChooser()->currentText(), u"Staging"_s); // every feed but the target
        QCOMPARE(dialog.sourceChooser()->count(), 1);
        QSignalSpy planned(&dialog, &PromotionDialog::planned);
        QVERIFY(planned.wait(30000));
        QCOMPARE(dialog.model()->rowCount(), 2);
        QCOMPARE(dialog.summaryText(), u"2 to promote, 0 already in Approved, 0 not in the source."_s);

        dialog.findChild<QCheckBox *>(u"withDependencies"_s)->setChecked(true);
        QVERIFY(planned.wait(30000));
        QCOMPARE(dialog.model()->rowCount(), 3);
        QStringList rows;
        for (int row = 0; row < 3; ++row)
            rows << dialog.model()->index(row, PromotionModel::CrateColumn).data().toString();
        QVERIFY2(rows.indexOf(u"acme-base"_s) < rows.indexOf(u"acme-app"_s), qPrintable(rows.join(u' '))); // dependencies first
        QCOMPARE(dialog.model()->index(0, PromotionModel::StateColumn).data().toString(), u"to promote"_s);
        dialog.show();
        QVERIFY(saveScreenshot(&dialog, u"promotion-plan"_s));

        QSignalSpy finished(&dialog, &PromotionDialog::finished);
        auto *promote = dialog.findChild<QPushButton *>(u"promote"_s);
        QVERIFY(promote->isEnabled());
        promote->click();
        QVERIFY(finished.wait(120000));
        for (int row = 0; row < 3; ++row)
            QCOMPARE(dialog.model()->index(row, 0).data(Roles::PromotionState).toInt(), int(State::Promoted));
        QCOMPARE(dialog.findChild<MessageBanner *>()->kind(), MessageBanner::Kind::Positive);
        QVERIFY(saveScreenshot(&dialog, u"promotion-done"_s));
        dialog.setPalette(darkPalette());
        QVERIFY(saveScreenshot(&dialog, u"promotion-done-dark"_s));

        dialog.replan(); // now everything is there
        QVERIFY(planned.wait(30000));
        QCOMPARE(dialog.summaryText(), u"0 to promote, 3 already in Approved, 0 not in the source."_s);
        QVERIFY(!dialog.findChild<QPushButton *>(u"promote"_s)->isEnabled());
    }
};

QTEST_MAIN(TestPromotionDialog)
#include "tst_promotiondialog.moc"
