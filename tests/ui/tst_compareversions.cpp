// SPDX-License-Identifier: GPL-3.0-or-later
// Crate > Compare Versions… and `cratedesk diff` against a real local feed holding a crate
// published three times: the menu entry is there only for a crate with two versions or more,
// the dialog compares the two newest first and shows what a dependent sees change, the files
// and the text diff of the file picked (binary and large files said to be so), coloured from
// the palette; the command line prints the same as lines and as JSON. Models run under
// QAbstractItemModelTester; screenshots in light and dark (and at 200% in the
// compareversions_200 run).
#include "browse/cratebrowser.h"
#include "clirun.h"
#include "compareversionsdialog.h"
#include "evolvingcrate.h"
#include "itemmodels/cratefilterproxymodel.h"
#include "itemmodels/cratelistmodel.h"
#include "itemmodels/feedlistmodel.h"
#include "itemmodels/roles.h"
#include "itemmodels/versiondifffilemodel.h"
#include "itemmodels/versiondiffmetadatamodel.h"
#include "itemmodels/versionlistmodel.h"
#include "localtestfeed.h"
#include "mainwindow.h"
#include "modeldump.h"
#include "net/httpclient.h"
#include "registry/feedsessions.h"
#include "registry/registryclient.h"
#include "screenshot.h"
#include "translations.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>
#include <QTreeView>

using namespace Qt::Literals::StringLiterals;

namespace {

// The background the highlighter gave the first line of `view` that starts with `prefix`.
QColor lineBackground(QPlainTextEdit *view, const QString &prefix)
{
    for (QTextBlock block = view->document()->begin(); block.isValid(); block = block.next()) {
        if (!block.text().startsWith(prefix))
            continue;
        const QList<QTextLayout::FormatRange> formats = block.layout()->formats();
        return formats.isEmpty() ? QColor() : formats.first().format.background().color();
    }
    return {};
}

// A screenshot's name for this run: "-200" when the display is scaled to 200%.
QString shotName(const QString &name)
{
    return qApp->devicePixelRatio() >= 2 ? name + u"-200"_s : name;
}

} // namespace

class TestCompareVersions : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QNetworkAccessManager m_nam;
    std::unique_ptr<HttpClient> m_http;
    TestSupport::StartedFeed m_feed;
    std::unique_ptr<FeedSessions> m_sessions;
    std::unique_ptr<CrateBrowser> m_browser;
    std::unique_ptr<FeedListModel> m_feeds;
    std::unique_ptr<MainWindow> m_window;
    Feed m_local;

    void openCrate(const QString &name)
    {
        QTRY_VERIFY(m_browser->crates()->rowOf(name) >= 0);
        const QModelIndex source = m_browser->crates()->index(m_browser->crates()->rowOf(name), 0);
        m_window->crateView()->setCurrentIndex(m_browser->filteredCrates()->mapFromSource(source));
        QTRY_COMPARE(m_browser->versions()->crateName(), name);
    }

    QStringList cliArgs(const QStringList &args) const
    {
        return QStringList{u"diff"_s} + args + QStringList{u"--index"_s, m_feed.feed->indexUrl().toString()};
    }

    QHash<QString, QString> cliEnvironment() const
    {
        return {{u"XDG_CACHE_HOME"_s, m_dir.filePath(u"cli-cache"_s)}, {u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"cli-config"_s)}};
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
        m_feed = TestSupport::startLocalFeed(options, u"tester"_s);
        QVERIFY2(m_feed.error.isEmpty(), qPrintable(m_feed.error));
        m_local.name = u"Local feed"_s;
        m_local.origin = Feed::Origin::Local;
        m_local.auth = Feed::AuthKind::Token;
        m_local.indexUrl = m_feed.feed->indexUrl();
        m_sessions = std::make_unique<FeedSessions>(m_http.get(), nullptr, nullptr);
        m_sessions->setCredential(m_local.name, m_feed.token);
        QList<QByteArray> crates;
        for (const TestCrate &crate : EvolvingCrate::versions())
            crates << crate.crateBytes();
        crates << TestCrate(u"lonely"_s, u"0.1.0"_s).crateBytes();
        const QString error = TestSupport::publishCrates(m_sessions->client(m_local), crates);
        QVERIFY2(error.isEmpty(), qPrintable(error));

        m_browser = std::make_unique<CrateBrowser>(m_dir.filePath(u"cache"_s));
        m_feeds = std::make_unique<FeedListModel>();
        m_feeds->setFeeds({m_local});
        m_window = std::make_unique<MainWindow>(MainWindowContext{m_feeds.get(), nullptr, m_sessions.get(), m_browser.get()});
        m_window->resize(1200, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QTRY_COMPARE(m_browser->crates()->rowCount(), 2);
    }

    // One version is nothing to compare; the menu entry says so by being off.
    void theMenuEntryNeedsTwoVersions()
    {
        openCrate(u"lonely"_s);
        QVERIFY(!m_window->compareVersionsAction()->isEnabled());
        QVERIFY(!m_window->openCompareVersions());
        openCrate(u"evolving"_s);
        QTRY_VERIFY(m_window->compareVersionsAction()->isEnabled());
    }

    void theDialogShowsWhatChanged()
    {
        openCrate(u"evolving"_s);
        m_window->compareVersionsAction()->trigger();
        auto *dialog = m_window->findChild<CompareVersionsDialog *>(u"compareVersionsDialog"_s);
        QVERIFY(dialog);
        QAbstractItemModelTester filesTester(dialog->files(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester metadataTester(dialog->metadata(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy settled(dialog, &CompareVersionsDialog::settled);
        QSignalSpy shown(dialog, &CompareVersionsDialog::fileShown);
        QTRY_COMPARE_WITH_TIMEOUT(settled.size(), 1, 30000);
        QVERIFY2(dialog->errorText().isEmpty(), qPrintable(dialog->errorText()));

        // The two newest, older first.
        QCOMPARE(dialog->findChild<QComboBox *>(u"fromVersion"_s)->currentText(), u"1.0.0"_s);
        QCOMPARE(dialog->findChild<QComboBox *>(u"toVersion"_s)->currentText(), u"1.1.0"_s);
        QCOMPARE(dialog->findChild<QComboBox *>(u"toVersion"_s)->count(), 3);
        QCOMPARE(dialog->stateText(), u"From 1.0.0 to 1.1.0: 6 files differ, 2 unchanged. 10 changes a dependent sees."_s);
        const QStringList metadata = ModelDump::dump(*dialog->metadata());
        for (const QString &row : {u"license | changed | MIT | MIT OR Apache-2.0"_s, u"rust-version | changed | 1.70 | 1.75"_s,
                                   u"links | added |  | evolving"_s, u"dependency anyhow | added |  | ^1, from crates.io"_s,
                                   u"dependency serde | changed | ^1.0, optional, from crates.io | ^1.0.200, optional, from crates.io"_s,
                                   u"feature default | changed | std | std, derive"_s})
            QVERIFY2(metadata.contains(row), qPrintable(metadata.join(u'\n')));
        QCOMPARE(ModelDump::names(*dialog->files()),
                 (QStringList{u"CHANGELOG.md"_s, u"Cargo.toml"_s, u"README.md"_s, u"big.txt"_s, u"data.bin"_s, u"src/extra.rs"_s}));

        // The first file is shown at once; then the changed source, coloured from the palette.
        QTRY_VERIFY(!shown.isEmpty());
        QCOMPARE(shown.first().first().toString(), u"CHANGELOG.md"_s);
        auto *files = dialog->findChild<QTableView *>(u"fileChanges"_s);
        files->setCurrentIndex(dialog->files()->index(5, 0));
        QTRY_COMPARE(shown.last().first().toString(), u"src/extra.rs"_s);
        QVERIFY2(dialog->diffText().contains(u"-fn two() {}\n+fn two() -> u8 { 2 }\n"_s), qPrintable(dialog->diffText()));
        auto *diffView = dialog->findChild<QPlainTextEdit *>(u"fileDiff"_s);
        QTRY_VERIFY(lineBackground(diffView, u"+fn"_s).isValid());
        const QColor lightAdded = lineBackground(diffView, u"+fn"_s);
        QVERIFY(lightAdded.green() > lightAdded.red()); // a green tint
        QVERIFY(lineBackground(diffView, u"-fn"_s).red() > lineBackground(diffView, u"-fn"_s).green());
        QVERIFY(saveScreenshot(dialog, shotName(u"compareversions-light"_s)));
        dialog->setPalette(darkPalette());
        QTRY_VERIFY(lineBackground(diffView, u"+fn"_s).lightness() < 100); // a dark tint on a dark palette
        QVERIFY(saveScreenshot(dialog, shotName(u"compareversions-dark"_s)));
        dialog->setPalette(QPalette());

        // Binary and large files are not diffed.
        files->setCurrentIndex(dialog->files()->index(4, 0));
        QTRY_COMPARE(shown.last().first().toString(), u"data.bin"_s);
        QCOMPARE(dialog->diffText(), u"data.bin is binary or too large to compare."_s);
        files->setCurrentIndex(dialog->files()->index(3, 0));
        QTRY_COMPARE(shown.last().first().toString(), u"big.txt"_s);
        QCOMPARE(dialog->diffText(), u"big.txt is binary or too large to compare."_s);
        QVERIFY(saveScreenshot(dialog, shotName(u"compareversions-binary"_s)));

        // Another pair: picked in the combo boxes, compared again.
        dialog->findChild<QComboBox *>(u"fromVersion"_s)->setCurrentIndex(2);
        QTRY_COMPARE_WITH_TIMEOUT(settled.size(), 2, 30000);
        QCOMPARE(dialog->stateText(), u"From 0.9.0 to 1.1.0: 6 files differ, 1 unchanged. 12 changes a dependent sees."_s);
        dialog->findChild<QComboBox *>(u"toVersion"_s)->setCurrentIndex(2);
        QTRY_COMPARE_WITH_TIMEOUT(settled.size(), 3, 30000);
        QCOMPARE(dialog->stateText(), u"0.9.0 and 0.9.0 are the same version."_s);
        QCOMPARE(dialog->files()->rowCount(), 0);
        dialog->close();
    }

    void aFailureIsShownInTheDialog()
    {
        CompareVersionsDialog dialog(m_sessions->client(m_local), m_dir.filePath(u"cache"_s), u"evolving"_s,
                                     {u"9.9.9"_s, u"1.0.0"_s});
        QSignalSpy settled(&dialog, &CompareVersionsDialog::settled);
        dialog.show();
        QTRY_COMPARE_WITH_TIMEOUT(settled.size(), 1, 30000);
        QVERIFY2(dialog.errorText().contains(u"evolving has no version 9.9.9 in Local feed"_s), qPrintable(dialog.errorText()));
        QCOMPARE(dialog.stateText(), u"Nothing to compare."_s);
        QVERIFY(saveScreenshot(&dialog, shotName(u"compareversions-failure"_s)));
    }

    void theCommandLinePrintsTheDiff()
    {
        const CliResult text = runCratedesk(cliArgs({u"evolving"_s, u"1.0.0"_s, u"1.1.0"_s}), {}, cliEnvironment());
        QCOMPARE(text.exitCode, 0);
        const QString out = QString::fromUtf8(text.out);
        for (const QString &line : {u"evolving 1.0.0 -> 1.1.0\n"_s, u"license: MIT -> MIT OR Apache-2.0\n"_s, u"links: (none) -> evolving\n"_s,
                                    u"~ normal-dependency serde: ^1.0, optional, from crates.io -> ^1.0.200, optional, from crates.io\n"_s,
                                    u"+ normal-dependency anyhow: ^1, from crates.io\n"_s, u"- dev-dependency log: ^0.4, from crates.io\n"_s,
                                    u"~ feature default: [std] -> [std, derive]\n"_s, u"- feature old: []\n"_s,
                                    u"+ CHANGELOG.md (19 bytes)\n"_s, u"~ data.bin (4 -> 4 bytes, binary)\n"_s,
                                    u"6 files differ, 2 the same\n"_s})
            QVERIFY2(out.contains(line), qPrintable(line + u"\nnot in:\n"_s + out));

        const CliResult json = runCratedesk(cliArgs({u"evolving"_s, u"1.0.0"_s, u"1.1.0"_s, u"--json"_s}), {}, cliEnvironment());
        QCOMPARE(json.exitCode, 0);
        const QJsonObject report = QJsonDocument::fromJson(json.out).object();
        QCOMPARE(report.value(u"from"_s).toString(), u"1.0.0"_s);
        QCOMPARE(report.value(u"files"_s).toArray().size(), 6);
        QCOMPARE(report.value(u"unchanged_files"_s).toInt(), 2);
        QCOMPARE(report.value(u"fields"_s).toObject().value(u"edition"_s).toObject().value(u"after"_s).toString(), u"2024"_s);
        QVERIFY(report.value(u"fields"_s).toObject().value(u"links"_s).toObject().value(u"before"_s).isNull());
        const QJsonArray dependencies = report.value(u"dependencies"_s).toArray();
        QCOMPARE(dependencies.size(), 3);
        QJsonObject serde;
        for (const QJsonValue &dependency : dependencies) {
            if (dependency.toObject().value(u"name"_s).toString() == u"serde"_s)
                serde = dependency.toObject();
        }
        QCOMPARE(serde.value(u"change"_s).toString(), u"changed"_s);
        QCOMPARE(serde.value(u"after"_s).toObject().value(u"req"_s).toString(), u"^1.0.200"_s);
        QCOMPARE(serde.value(u"kind"_s).toString(), u"normal"_s);

        const CliResult unknown = runCratedesk(cliArgs({u"evolving"_s, u"1.0.0"_s, u"7.0.0"_s}), {}, cliEnvironment());
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY2(unknown.err.contains("evolving has no version 7.0.0"), qPrintable(unknown.describe()));
        const CliResult hostile = runCratedesk(cliArgs({u"../x"_s, u"1.0.0"_s, u"1.1.0"_s}), {}, cliEnvironment());
        QCOMPARE(hostile.exitCode, 1);
        const CliResult usage = runCratedesk(cliArgs({u"evolving"_s, u"1.0.0"_s}), {}, cliEnvironment());
        QCOMPARE(usage.exitCode, 1);
        QVERIFY2(usage.err.contains("usage: cratedesk diff NAME V1 V2"), qPrintable(usage.describe()));
    }

    // --patch prints a patch that turns the older version's text files into the newer's:
    // unpacked and patched with GNU patch, every text file equals the newer version's.
    // Binary and oversized files are named instead, and said to be left out.
    void theCommandLinePrintsAPatchThatApplies()
    {
        const CliResult patch = runCratedesk(cliArgs({u"evolving"_s, u"1.0.0"_s, u"1.1.0"_s, u"--patch"_s}), {}, cliEnvironment());
        QCOMPARE(patch.exitCode, 0);
        const QString out = QString::fromUtf8(patch.out);
        for (const QString &part : {u"--- a/src/extra.rs\n+++ b/src/extra.rs\n"_s, u"-fn two() {}\n+fn two() -> u8 { 2 }\n"_s,
                                    u"--- /dev/null\n+++ b/CHANGELOG.md\n"_s, u"--- a/README.md\n+++ /dev/null\n"_s,
                                    u"Binary files a/data.bin and b/data.bin differ\n"_s, u"Files a/big.txt and b/big.txt differ (too large"_s})
            QVERIFY2(out.contains(part), qPrintable(part + u"\nnot in:\n"_s + out));
        QVERIFY2(patch.err.contains("2 changed files are not in the patch"), qPrintable(patch.describe()));

        const QList<TestCrate> versions = EvolvingCrate::versions();
        const QString older = unpack(versions.at(1), u"older"_s);
        const QString newer = unpack(versions.at(2), u"newer"_s);
        QProcess apply;
        apply.setWorkingDirectory(older);
        apply.start(u"patch"_s, {u"-p1"_s, u"--batch"_s, u"--quiet"_s});
        QVERIFY(apply.waitForStarted());
        apply.write(patch.out);
        apply.closeWriteChannel();
        QVERIFY(apply.waitForFinished());
        QVERIFY2(apply.exitCode() == 0, QByteArray(apply.readAllStandardError() + apply.readAllStandardOutput()).constData());
        const QSet<QString> leftOut{u"data.bin"_s, u"big.txt"_s};
        const QStringList files = filesUnder(newer);
        QCOMPARE(filesUnder(older), files);
        for (const QString &file : files) {
            if (!leftOut.contains(file))
                QVERIFY2(contents(older + u'/' + file) == contents(newer + u'/' + file), qPrintable(file));
        }

        const CliResult both = runCratedesk(cliArgs({u"evolving"_s, u"1.0.0"_s, u"1.1.0"_s, u"--patch"_s, u"--json"_s}), {}, cliEnvironment());
        QCOMPARE(both.exitCode, 1);
        QVERIFY2(both.err.contains("--json and --patch exclude each other"), qPrintable(both.describe()));
    }

    // A crate's file names are the publisher's: one with a newline and a terminal escape
    // neither starts a line of its own in the report nor reaches the patch raw.
    void aHostileFileNameStaysOutOfThePatch()
    {
        const QString hostile = u"evil\x1b[2J\n+++ injected.txt"_s;
        TestCrate older(u"oddnames"_s, u"1.0.0"_s);
        older.files = {{u"plain.txt"_s, "one\n"}};
        TestCrate newer(u"oddnames"_s, u"1.1.0"_s);
        newer.files = {{u"plain.txt"_s, "two\n"}, {hostile, "payload\n"}};
        const QString error = TestSupport::publishCrates(m_sessions->client(m_local), {older.crateBytes(), newer.crateBytes()});
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QString shown = u"evil\\x1b[2J\\x0a+++ injected.txt"_s;

        const CliResult report = runCratedesk(cliArgs({u"oddnames"_s, u"1.0.0"_s, u"1.1.0"_s}), {}, cliEnvironment());
        QCOMPARE(report.exitCode, 0);
        QVERIFY2(QString::fromUtf8(report.out).contains(u"+ "_s + shown + u" ("_s), report.out.constData());
        QVERIFY(!report.out.contains('\x1b'));
        QVERIFY(!report.out.contains("\n+++ injected.txt"));

        const CliResult patch = runCratedesk(cliArgs({u"oddnames"_s, u"1.0.0"_s, u"1.1.0"_s, u"--patch"_s}), {}, cliEnvironment());
        QCOMPARE(patch.exitCode, 0);
        const QString out = QString::fromUtf8(patch.out);
        QVERIFY2(out.contains(u"Files a/%1 and b/%1 differ (the file name holds control characters)\n"_s.arg(shown)), qPrintable(out));
        QVERIFY2(out.contains(u"--- a/plain.txt\n+++ b/plain.txt\n"_s), qPrintable(out));
        QVERIFY(!patch.out.contains('\x1b'));
        QVERIFY(!patch.out.contains("\n+++ injected.txt"));
        QVERIFY(!patch.out.contains("payload"));
        QVERIFY2(patch.err.contains("1 changed file is not in the patch"), qPrintable(patch.describe()));
    }

private:
    // The package folder of `crate`, unpacked by tar as a user would.
    QString unpack(const TestCrate &crate, const QString &into)
    {
        const QString folder = m_dir.filePath(into);
        if (!QDir().mkpath(folder))
            return {};
        QProcess tar;
        tar.start(u"tar"_s, {u"-xzf"_s, u"-"_s, u"-C"_s, folder});
        tar.waitForStarted();
        tar.write(crate.crateBytes());
        tar.closeWriteChannel();
        tar.waitForFinished();
        return folder + u'/' + crate.name + u'-' + crate.vers;
    }

    static QStringList filesUnder(const QString &folder)
    {
        QStringList files;
        QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext())
            files << QDir(folder).relativeFilePath(it.next());
        files.sort();
        return files;
    }

    static QByteArray contents(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("(unreadable)");
    }
};

QTEST_MAIN(TestCompareVersions)
#include "tst_compareversions.moc"
