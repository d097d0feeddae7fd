// SPDX-License-Identifier: GPL-3.0-or-later
// The crate page and the crate list against a real local feed: the overview of a version
// (description, license, MSRV and edition, links, keywords, authors, publication, size,
// owners, the line for Cargo.toml and its copy button), readme pictures fetched from the
// web or replaced by their alt text, never a broken icon or a file of this machine, the
// feed's text shown as text; the list's license column, yanked badge and sorting. Models run
// under QAbstractItemModelTester; screenshots in light and dark.
#include "badgeitemdelegate.h"
#include "browse/cratebrowser.h"
#include "cratedetailsview.h"
#include "crateoverviewview.h"
#include "faultserver.h"
#include "itemmodels/cratefilterproxymodel.h"
#include "itemmodels/cratelistmodel.h"
#include "itemmodels/feedlistmodel.h"
#include "itemmodels/roles.h"
#include "itemmodels/versionlistmodel.h"
#include "localtestfeed.h"
#include "mainwindow.h"
#include "net/httpclient.h"
#include "readmeview.h"
#include "registry/feedsessions.h"
#include "screenshot.h"
#include "testcrate.h"
#include "translations.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QBuffer>
#include <QClipboard>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTreeView>

using namespace Qt::Literals::StringLiterals;

namespace {

QByteArray png(const QColor &colour, const QSize &size)
{
    QImage image(size, QImage::Format_ARGB32);
    image.fill(colour);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

struct ReadmeImages
{
    QStringList shown; // image names with a picture behind them
    QStringList missing; // image names without one: what would be a broken icon
};

ReadmeImages imagesIn(QTextBrowser *view)
{
    ReadmeImages found;
    QTextDocument *doc = view->document();
    for (QTextBlock block = doc->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat format = it.fragment().charFormat();
            if (!format.isImageFormat())
                continue;
            const QString name = format.toImageFormat().name();
            const QVariant resource = doc->resource(QTextDocument::ImageResource, QUrl(name));
            (resource.value<QImage>().isNull() ? found.missing : found.shown) << name;
        }
    }
    return found;
}

} // namespace

class TestCratePage : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QNetworkAccessManager m_nam;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<LocalFeed> m_feed;
    std::unique_ptr<FeedSessions> m_sessions;
    std::unique_ptr<CrateBrowser> m_browser;
    std::unique_ptr<FeedListModel> m_feeds;
    std::unique_ptr<MainWindow> m_window;
    FaultServer m_web; // the crates' repository and a badge service, on the loopback
    Feed m_local;

    void publish(const QList<TestCrate> &crates)
    {
        QList<QByteArray> files;
        for (const TestCrate &crate : crates)
            files << crate.crateBytes();
        const QString error = TestSupport::publishCrates(m_sessions->client(m_local), files);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void openCrate(const QString &name)
    {
        QTRY_VERIFY(m_browser->crates()->rowOf(name) >= 0);
        const QModelIndex source = m_browser->crates()->index(m_browser->crates()->rowOf(name), 0);
        m_window->crateView()->setCurrentIndex(m_browser->filteredCrates()->mapFromSource(source));
        QTRY_COMPARE(m_browser->overview().name, name);
    }

    CrateOverviewView *overview() const { return m_window->details()->overview(); }

    QStringList column(int column) const
    {
        QStringList cells;
        const QAbstractItemModel *model = m_window->crateView()->model();
        for (int row = 0; row < model->rowCount(); ++row)
            cells << model->index(row, column).data().toString();
        return cells;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setApplicationDisplayName(u"CrateDesk"_s);
        Translations::install(qApp);
        QVERIFY(m_dir.isValid());
        QVERIFY(m_web.isListening());
        m_web.setRoute(u"/img/badge.png"_s, {FaultServer::Response::ok(png(Qt::darkGreen, {90, 20}), "image/png")});
        m_web.setRoute(u"/acme/core/docs/logo.png"_s, {FaultServer::Response::ok(png(Qt::darkBlue, {64, 64}), "image/png")});
        m_http = std::make_unique<HttpClient>(&m_nam);
        FeedServerOptions options;
        options.dataDir = m_dir.filePath(u"feed"_s);
        TestSupport::StartedFeed started = TestSupport::startLocalFeed(options, u"tester"_s);
        QVERIFY2(started.error.isEmpty(), qPrintable(started.error));
        m_feed = std::move(started.feed);
        m_local.name = u"Local feed"_s;
        m_local.origin = Feed::Origin::Local;
        m_local.auth = Feed::AuthKind::Token;
        m_local.indexUrl = m_feed->indexUrl();
        m_sessions = std::make_unique<FeedSessions>(m_http.get(), nullptr, nullptr);
        m_sessions->setCredential(m_local.name, started.token);

        const QByteArray web = m_web.baseUrl().toString().toUtf8();
        TestCrate core(u"acme-core"_s, u"1.2.0"_s);
        core.description = u"Core types of the acme suite"_s;
        core.license = "MIT OR Apache-2.0";
        core.extraManifest = "repository = \"" + web
            + "/acme/core\"\n"
              "homepage = \"https://acme.example/\"\n"
              "documentation = \"javascript:alert(1)\"\n"
              "keywords = [\"acme\", \"core\"]\n"
              "categories = [\"data-structures\"]\n"
              "authors = [\"Ada Lovelace <ada@example.org>\"]\n"
              "rust-version = \"1.70\"\n"
              "readme = \"README.md\"\n";
        core.files.insert(u"README.md"_s,
            "# acme-core\n\n![build status](" + web
                + "/img/badge.png)\n\n"
                  "![Logo](docs/logo.png)\n\n![missing picture](docs/missing.png)\n\n"
                  "![local file](/etc/hostname) ![passwd](file:///etc/passwd)\n\nThe end.\n");
        TestCrate sneaky(u"sneaky"_s, u"0.1.0"_s);
        sneaky.description = u"<b>bold</b> <a href='https://evil.example/'>click</a>"_s;
        sneaky.extraManifest = "repository = \"javascript:alert(1)\"\nhomepage = \"https://user:pw@evil.example/\"\n";
        TestCrate zebra(u"zebra"_s, u"0.1.0"_s);
        zebra.license = "Apache-2.0";
        publish({core, sneaky, zebra});
        RegistryReply *yank = m_sessions->client(m_local)->setYanked(u"zebra"_s, u"0.1.0"_s, true);
        QSignalSpy yanked(yank, &RegistryReply::finished);
        QVERIFY(yanked.wait(10000));

        m_browser = std::make_unique<CrateBrowser>(m_dir.filePath(u"cache"_s));
        m_feeds = std::make_unique<FeedListModel>();
        m_feeds->setFeeds({m_local});
        m_window = std::make_unique<MainWindow>(MainWindowContext {m_feeds.get(), nullptr, m_sessions.get(), m_browser.get()});
        m_window->resize(1400, 900);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QTRY_COMPARE(m_browser->crates()->rowCount(), 3);
    }

    void init() { m_window->setPalette(QPalette()); }

    // The list's license column comes from the feed's own listing; a yanked crate says so.
    void theListShowsLicensesAndBadgesAndSorts_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }

    void theListShowsLicensesAndBadgesAndSorts()
    {
        QFETCH(bool, dark);
        if (dark)
            m_window->setPalette(darkPalette());
        QAbstractItemModelTester sourceTester(m_browser->crates(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(m_browser->filteredCrates(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(m_browser->crates()->headerData(CrateListModel::LicenseColumn, Qt::Horizontal).toString(), u"License"_s);
        QCOMPARE(column(CrateListModel::NameColumn), (QStringList {u"acme-core"_s, u"sneaky"_s, u"zebra"_s}));
        QCOMPARE(column(CrateListModel::LicenseColumn), (QStringList {u"MIT OR Apache-2.0"_s, u"MIT"_s, u"Apache-2.0"_s}));
        const auto *badges
            = qobject_cast<BadgeItemDelegate *>(m_window->crateView()->itemDelegateForColumn(CrateListModel::VersionColumn));
        QVERIFY(badges);
        const QAbstractItemModel *shown = m_window->crateView()->model();
        QCOMPARE(badges->badgesOf(shown->index(2, CrateListModel::VersionColumn)), QStringList {u"yanked"_s});
        QCOMPARE(badges->badgesOf(shown->index(0, CrateListModel::VersionColumn)), QStringList());
        QVERIFY(shown->index(2, 0).data(Qt::ToolTipRole).toString().contains(u"yanked"_s));

        // A click on a header sorts by it, a second reverses, a third goes back to the feed's order.
        QHeaderView *header = m_window->crateView()->header();
        const auto clickHeader = [header](int section) {
            QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                QPoint(header->sectionViewportPosition(section) + 5, header->height() / 2));
        };
        clickHeader(CrateListModel::LicenseColumn);
        QCOMPARE(column(CrateListModel::LicenseColumn), (QStringList {u"Apache-2.0"_s, u"MIT"_s, u"MIT OR Apache-2.0"_s}));
        QVERIFY(saveScreenshot(m_window.get(), dark ? u"cratelist-license-dark"_s : u"cratelist-license"_s));
        clickHeader(CrateListModel::LicenseColumn);
        QCOMPARE(column(CrateListModel::LicenseColumn), (QStringList {u"MIT OR Apache-2.0"_s, u"MIT"_s, u"Apache-2.0"_s}));
        clickHeader(CrateListModel::LicenseColumn);
        QCOMPARE(column(CrateListModel::NameColumn), (QStringList {u"acme-core"_s, u"sneaky"_s, u"zebra"_s}));
        // Sorted by name descending while filtering: the exact match still comes first.
        m_window->crateView()->sortByColumn(CrateListModel::NameColumn, Qt::DescendingOrder);
        QCOMPARE(column(CrateListModel::NameColumn), (QStringList {u"zebra"_s, u"sneaky"_s, u"acme-core"_s}));
        m_browser->filteredCrates()->setFilterText(u"e"_s);
        QCOMPARE(column(CrateListModel::NameColumn), (QStringList {u"zebra"_s, u"sneaky"_s, u"acme-core"_s}));
        m_browser->filteredCrates()->setFilterText(u"sneaky"_s);
        QCOMPARE(column(CrateListModel::NameColumn), (QStringList {u"sneaky"_s}));
        m_browser->filteredCrates()->setFilterText({});
        header->setSortIndicator(-1, Qt::AscendingOrder);
        QCOMPARE(column(CrateListModel::NameColumn), (QStringList {u"acme-core"_s, u"sneaky"_s, u"zebra"_s}));
    }

    void theCratePageShowsTheOverview_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }

    void theCratePageShowsTheOverview()
    {
        QFETCH(bool, dark);
        if (dark)
            m_window->setPalette(darkPalette());
        openCrate(u"acme-core"_s);
        CrateOverviewView *page = overview();
        QTRY_COMPARE(page->fieldText(u"description"_s), u"Core types of the acme suite"_s);
        QTRY_COMPARE(page->fieldText(u"license"_s), u"MIT OR Apache-2.0"_s);
        QCOMPARE(page->fieldText(u"rust"_s), u"1.70 or newer, edition 2021"_s);
        // The documentation link was javascript: and is left out; the others are links.
        QCOMPARE(page->fieldText(u"links"_s), u"Repository · Homepage"_s);
        QCOMPARE(m_browser->overview().repository, QUrl(m_web.baseUrl().toString() + u"/acme/core"_s));
        QVERIFY(m_browser->overview().documentation.isEmpty());
        QCOMPARE(page->fieldText(u"keywords"_s), u"acme, core · data-structures"_s);
        QCOMPARE(page->fieldText(u"authors"_s), u"Ada Lovelace <ada@example.org>"_s);
        // From the feed's web API: who published it, and when (the index says when too).
        QTRY_VERIFY2(page->fieldText(u"published"_s).endsWith(u" by tester"_s), qPrintable(page->fieldText(u"published"_s)));
        QVERIFY(m_browser->overview().published.isValid());
        QTRY_VERIFY(m_browser->overview().crateSize > 0);
        QCOMPARE(page->fieldText(u"size"_s), QLocale().formattedDataSize(m_browser->overview().crateSize));
        QTRY_COMPARE(page->fieldText(u"owners"_s), u"tester"_s);
        // The local feed counts no downloads: the line is not there at all.
        QVERIFY(page->findChild<QWidget *>(u"downloads"_s)->isHidden());

        const QString line = u"acme-core = { version = \"1.2.0\", registry = \"local\" }"_s;
        QCOMPARE(page->dependencyLineView()->text(), line);
        QApplication::clipboard()->clear();
        QTest::mouseClick(page->copyButton(), Qt::LeftButton);
        QCOMPARE(QApplication::clipboard()->text(), line);
        QVERIFY(saveScreenshot(m_window.get(), dark ? u"cratepage-overview-dark"_s : u"cratepage-overview"_s));
    }

    // Pictures the readme names: fetched from the web (a relative path from the repository),
    // or their alt text; a path on this machine is never read.
    void readmePicturesLoadOrShowTheirAltText()
    {
        openCrate(u"acme-core"_s);
        CrateDetailsView *details = m_window->details();
        details->tabs()->setCurrentIndex(CrateDetailsView::ReadmeTab);
        QTextBrowser *readme = details->readmeView();
        QTRY_VERIFY(readme->toPlainText().contains(u"The end."_s));
        QTRY_COMPARE(imagesIn(readme).shown.size(), 2);
        const ReadmeImages images = imagesIn(readme);
        QCOMPARE(images.missing, QStringList());
        QVERIFY2(images.shown.contains(m_web.url(u"/img/badge.png"_s).toString()), qPrintable(images.shown.join(u", "_s)));
        QVERIFY2(
            images.shown.contains(m_web.url(u"/acme/core/docs/logo.png"_s).toString()), qPrintable(images.shown.join(u", "_s)));
        const QString text = readme->toPlainText();
        QVERIFY2(text.contains(u"[missing picture]"_s), qPrintable(text));
        QVERIFY2(text.contains(u"[local file]"_s), qPrintable(text));
        QVERIFY2(text.contains(u"[passwd]"_s), qPrintable(text));
        // "/etc/hostname" was asked of the repository, not read from this machine.
        QTRY_COMPARE(m_web.requests(u"/acme/core/etc/hostname"_s).size(), 1);
        QVERIFY(saveScreenshot(m_window.get(), u"cratepage-readme"_s));
        details->tabs()->setCurrentIndex(CrateDetailsView::VersionsTab);
    }

    void offlineReadmesShowAltTextOnly()
    {
        ReadmeView view;
        QSignalSpy wanted(&view, &ReadmeView::imageWanted);
        view.setReadme(u"![Logo](docs/logo.png) ![badge](https://img.example/b.svg)"_s, true, u"README.md"_s,
            QUrl(u"https://github.com/acme/core"_s), false);
        QCOMPARE(wanted.size(), 0);
        QCOMPARE(view.toPlainText(), u"[Logo] [badge]"_s);
        QCOMPARE(imagesIn(&view).missing, QStringList());
        // Online: asked for, a relative one from GitHub's raw files.
        view.setReadme(u"![Logo](docs/logo.png) ![badge](https://img.example/b.svg)"_s, true, u"README.md"_s,
            QUrl(u"https://github.com/acme/core.git"_s), true);
        QCOMPARE(wanted.size(), 2);
        QCOMPARE(wanted.at(0).at(0).toUrl(), QUrl(u"https://img.example/b.svg"_s));
        QCOMPARE(wanted.at(1).at(0).toUrl(), QUrl(u"https://raw.githubusercontent.com/acme/core/HEAD/docs/logo.png"_s));
        view.addImage(QUrl(u"https://img.example/b.svg"_s), "not a picture");
        QTest::qWait(200);
        QCOMPARE(imagesIn(&view).missing, QStringList());
        QCOMPARE(view.toPlainText(), u"[Logo] [badge]"_s);
    }

    // Everything from the feed is text: markup stays visible as characters, and an address
    // that is not plain http(s) becomes no link.
    void theFeedsTextStaysText()
    {
        openCrate(u"sneaky"_s);
        CrateOverviewView *page = overview();
        QTRY_COMPARE(page->fieldText(u"description"_s), u"<b>bold</b> <a href='https://evil.example/'>click</a>"_s);
        QCOMPARE(page->findChild<QLabel *>(u"description"_s)->textFormat(), Qt::PlainText);
        QVERIFY(m_browser->overview().repository.isEmpty());
        QVERIFY(m_browser->overview().homepage.isEmpty());
        QVERIFY(page->findChild<QWidget *>(u"links"_s)->isHidden());
        QVERIFY(saveScreenshot(m_window.get(), u"cratepage-hostile"_s));
    }

    void linksAndPictureAddresses_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("repository");
        QTest::addColumn<QString>("readme");
        QTest::addColumn<QString>("expected");
        const QString gh = u"https://github.com/acme/core"_s;
        QTest::newRow("absolute https") << u"https://img.example/a.png"_s << gh << u"README.md"_s
                                        << u"https://img.example/a.png"_s;
        QTest::newRow("github relative") << u"docs/a.png"_s << gh << u"README.md"_s
                                         << u"https://raw.githubusercontent.com/acme/core/HEAD/docs/a.png"_s;
        QTest::newRow("beside a nested readme")
            << u"a.png"_s << gh << u"docs/README.md"_s << u"https://raw.githubusercontent.com/acme/core/HEAD/docs/a.png"_s;
        QTest::newRow("root-relative") << u"/a.png"_s << gh << u"docs/README.md"_s
                                       << u"https://raw.githubusercontent.com/acme/core/HEAD/a.png"_s;
        QTest::newRow("gitlab") << u"a.png"_s << u"https://gitlab.com/acme/core"_s << u"README.md"_s
                                << u"https://gitlab.com/acme/core/-/raw/HEAD/a.png"_s;
        QTest::newRow("other host") << u"a.png"_s << u"https://git.acme.test/core"_s << u"README.md"_s
                                    << u"https://git.acme.test/core/a.png"_s;
        QTest::newRow("out of the package") << u"../../a.png"_s << gh << u"README.md"_s << QString();
        QTest::newRow("no repository") << u"a.png"_s << QString() << u"README.md"_s << QString();
        QTest::newRow("file scheme") << u"file:///etc/passwd"_s << gh << u"README.md"_s << QString();
        QTest::newRow("data scheme") << u"data:image/png;base64,AAAA"_s << gh << u"README.md"_s << QString();
        QTest::newRow("javascript") << u"javascript:alert(1)"_s << gh << u"README.md"_s << QString();
    }

    void linksAndPictureAddresses()
    {
        QFETCH(QString, source);
        QFETCH(QString, repository);
        QFETCH(QString, readme);
        QFETCH(QString, expected);
        QCOMPARE(CrateOverview::readmeImage(source, CrateOverview::webLink(repository), readme).toString(), expected);
    }

    // A crates.io crate that names no documentation has it on docs.rs, as crates.io links it.
    void docsRsForCratesIo()
    {
        QCOMPARE(CrateOverview::docsRs(u"serde"_s, u"1.0.219"_s), QUrl(u"https://docs.rs/serde/1.0.219"_s));
        QCOMPARE(CrateOverview::docsRs(u"x"_s, u"1.0.0-rc.1+build"_s).toString(), u"https://docs.rs/x/1.0.0-rc.1+build"_s);
    }

    void webLinks_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("kept");
        QTest::newRow("https") << u"https://acme.example/docs"_s << true;
        QTest::newRow("http") << u"http://acme.example/"_s << true;
        QTest::newRow("javascript") << u"javascript:alert(1)"_s << false;
        QTest::newRow("file") << u"file:///etc/passwd"_s << false;
        QTest::newRow("user info") << u"https://user:pw@acme.example/"_s << false;
        QTest::newRow("relative") << u"docs/index.html"_s << false;
        QTest::newRow("no host") << u"https:///path"_s << false;
        QTest::newRow("empty") << QString() << false;
    }

    void webLinks()
    {
        QFETCH(QString, text);
        QFETCH(bool, kept);
        QCOMPARE(CrateOverview::webLink(text).isValid(), kept);
    }
};

QTEST_MAIN(TestCratePage)
#include "tst_cratepage.moc"
