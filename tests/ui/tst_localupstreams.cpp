// SPDX-License-Identifier: GPL-3.0-or-later
// The local feed's upstreams in the window: the banner that says an upstream changed a
// published version, the list of upstreams with their policy, accepting changed bytes after
// a confirmation, editing and removing. A real local feed on its own thread, a real keyring.
#include "connectors/localupstreamsdialog.h"
#include "curation/connectorconfig.h"
#include "itemmodels/connectorlistmodel.h"
#include "itemmodels/feedlistmodel.h"
#include "itemmodels/roles.h"
#include "localfeed/connectorstore.h"
#include "localfeed/localfeed.h"
#include "localfeed/localfeedhost.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include "net/httpclient.h"
#include "registry/feedsessions.h"
#include "screenshot.h"
#include "translations.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestLocalUpstreams : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QNetworkAccessManager m_nam;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<LocalFeedHost> m_host;
    std::unique_ptr<FeedSessions> m_sessions;
    std::unique_ptr<FeedListModel> m_feeds;
    std::unique_ptr<MainWindow> m_window;

    // What the feed's hub records when an upstream lists other bytes for a published version.
    bool listChange(const QString &connector, const QString &crate, const QString &vers)
    {
        bool done = false;
        m_host->call<bool>([=](LocalFeed &feed) {
            ConnectorStore *store = feed.connectorStore();
            store->noteListed(connector, crate, {{vers, QString(64, u'a')}});
            QStringList changed;
            store->noteListed(connector, crate, {{vers, QString(64, u'b')}}, &changed);
            return changed == QStringList{vers};
        }, this, [&done](bool ok) { done = ok; });
        return QTest::qWaitFor([&done] { return done; }, 10000);
    }

    static ConnectorConfig connector(const QString &name, const QStringList &filters = {})
    {
        ConnectorConfig config;
        config.name = name;
        config.indexUrl = QUrl(u"https://%1.example.org/index/"_s.arg(name));
        config.filters = filters;
        return config;
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
        options.dataDir = m_dir.filePath(u"feed"_s);
        options.port = 0;
        m_host = std::make_unique<LocalFeedHost>(options);
        QSignalSpy started(m_host.get(), &LocalFeedHost::started);
        m_host->start();
        QVERIFY(started.wait(30000));
        QVERIFY(m_host->isRunning());

        for (const ConnectorConfig &config : {connector(u"crates-io"_s, {u"serde*"_s, u"!left-pad"_s}), connector(u"mirror"_s)}) {
            QSignalSpy added(m_host.get(), &LocalFeedHost::connectorAdded);
            m_host->addConnector(config, {});
            QVERIFY(added.wait(10000));
            QCOMPARE(added.first().at(1).toString(), QString());
        }
        QVERIFY(listChange(u"mirror"_s, u"shifty"_s, u"1.0.0"_s));

        Feed local;
        local.name = u"Local feed"_s;
        local.origin = Feed::Origin::Local;
        local.indexUrl = m_host->indexUrl();
        m_feeds = std::make_unique<FeedListModel>();
        m_feeds->setFeeds({local});
        m_sessions = std::make_unique<FeedSessions>(m_http.get(), nullptr, nullptr);
        m_window = std::make_unique<MainWindow>(MainWindowContext{m_feeds.get(), nullptr, m_sessions.get(), nullptr, m_host.get()});
        m_window->resize(1100, 700);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    // Opening the window with a change on record: the banner names it and leads to the list.
    void aChangedVersionShowsInTheWindow()
    {
        MessageBanner *banner = m_window->banner();
        QTRY_VERIFY(banner->isVisible());
        QCOMPARE(banner->kind(), MessageBanner::Kind::Error);
        QVERIFY2(banner->text().contains(u"changed 1 published version of its crates: shifty 1.0.0 from mirror"_s), qPrintable(banner->text()));
        QVERIFY(saveScreenshot(m_window.get(), u"upstream-changed-banner"_s));
        auto *review = banner->findChild<QPushButton *>(u"reviewUpstreams"_s);
        QVERIFY(review);

        review->click();
        auto *dialog = m_window->findChild<LocalUpstreamsDialog *>(u"localUpstreamsDialog"_s);
        QVERIFY(dialog);
        QAbstractItemModelTester tester(dialog->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_COMPARE(dialog->model()->rowCount(), 2);
        const ConnectorListModel *model = dialog->model();
        QCOMPARE(model->index(0, ConnectorListModel::NameColumn).data().toString(), u"crates-io"_s);
        QCOMPARE(model->index(0, ConnectorListModel::PolicyColumn).data().toString(), u"2 filters"_s);
        QCOMPARE(model->index(0, ConnectorListModel::AttentionColumn).data().toString(), u"OK"_s);
        QCOMPARE(model->index(1, ConnectorListModel::AttentionColumn).data().toString(), u"1 version changed upstream"_s);
        QVERIFY(model->index(1, ConnectorListModel::AttentionColumn).data(Qt::ToolTipRole).toString().startsWith(u"shifty 1.0.0: first sha256 aaaa"_s));
        QCOMPARE(m_window->openLocalUpstreams(), dialog); // one dialog, raised again
        QVERIFY(saveScreenshot(dialog, u"local-upstreams"_s));
        dialog->setPalette(darkPalette());
        QVERIFY(saveScreenshot(dialog, u"local-upstreams-dark"_s));
        dialog->setPalette(QPalette());
    }

    // Accepting needs the selected upstream and a confirmation naming the versions; then the
    // change is gone from the list and from the window's banner.
    void acceptingChangedBytesAsksFirst()
    {
        auto *dialog = m_window->findChild<LocalUpstreamsDialog *>(u"localUpstreamsDialog"_s);
        QVERIFY(dialog);
        auto *accept = dialog->findChild<QPushButton *>(u"acceptChanges"_s);
        dialog->selectConnector(u"crates-io"_s);
        QVERIFY(!accept->isEnabled());
        dialog->selectConnector(u"mirror"_s);
        QVERIFY(accept->isEnabled());
        accept->click();
        auto *box = dialog->findChild<QMessageBox *>(u"confirmAccept"_s);
        QVERIFY(box);
        QVERIFY(box->detailedText().startsWith(u"shifty 1.0.0: first sha256 aaaaaaaaaaaaaaaa"_s));
        QAbstractButton *yes = nullptr;
        for (QAbstractButton *button : box->buttons())
            if (box->buttonRole(button) == QMessageBox::DestructiveRole)
                yes = button;
        QVERIFY(yes);
        QSignalSpy reloaded(dialog, &LocalUpstreamsDialog::reloaded);
        yes->click();
        QVERIFY(reloaded.wait(10000));
        QCOMPARE(dialog->model()->index(1, ConnectorListModel::AttentionColumn).data().toString(), u"OK"_s);
        QTRY_VERIFY(!m_window->banner()->isVisible());
    }

    // A change recorded while the window is open reaches the banner without a restart.
    void aChangeWhileOpenShowsAtOnce()
    {
        QVERIFY(listChange(u"crates-io"_s, u"serde"_s, u"1.0.219"_s));
        // What the hub emits when it records a change, as cargo's fetch would trigger it.
        QMetaObject::invokeMethod(m_host.get(), &LocalFeedHost::connectorsChanged, Qt::QueuedConnection);
        QTRY_VERIFY(m_window->banner()->isVisible());
        QVERIFY(m_window->banner()->text().contains(u"serde 1.0.219 from crates-io"_s));
    }

    void editingAndRemoving()
    {
        auto *dialog = m_window->findChild<LocalUpstreamsDialog *>(u"localUpstreamsDialog"_s);
        QVERIFY(dialog);
        QSignalSpy reloaded(dialog, &LocalUpstreamsDialog::reloaded);
        ConnectorConfig edited = connector(u"mirror"_s);
        edited.minAgeDays = 3;
        m_host->updateConnector(edited, {});
        QVERIFY(reloaded.wait(10000));
        QCOMPARE(dialog->model()->index(1, ConnectorListModel::PolicyColumn).data().toString(), u"holds new versions 3 days"_s);

        dialog->selectConnector(u"mirror"_s);
        dialog->findChild<QPushButton *>(u"remove"_s)->click();
        auto *box = dialog->findChild<QMessageBox *>(u"confirmRemove"_s);
        QVERIFY(box);
        for (QAbstractButton *button : box->buttons())
            if (box->buttonRole(button) == QMessageBox::DestructiveRole)
                button->click();
        QVERIFY(reloaded.wait(10000));
        QCOMPARE(dialog->model()->rowCount(), 1);
        QCOMPARE(dialog->model()->rowOf(u"mirror"_s), -1);
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_host.reset();
    }
};

QTEST_MAIN(TestLocalUpstreams)
#include "tst_localupstreams.moc"
