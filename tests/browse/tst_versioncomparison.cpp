// SPDX-License-Identifier: GPL-3.0-or-later
// Compare Versions' session against a real local feed that holds a crate published three
// times: what changed from one version to the next (files by content, metadata from the index
// and Cargo.toml), the text diff of one file and its bounds (binary, too large, a diff whose
// table would be too large), and requests that must fail cleanly: an unknown version or
// crate, names and versions that are no such thing. The two diff models run under
// QAbstractItemModelTester.
#include "browse/versioncomparison.h"
#include "crate/textdiff.h"
#include "evolvingcrate.h"
#include "itemmodels/roles.h"
#include "itemmodels/versiondifffilemodel.h"
#include "itemmodels/versiondiffmetadatamodel.h"
#include "localtestfeed.h"
#include "modeldump.h"
#include "net/httpclient.h"
#include "registry/registryclient.h"

#include <QAbstractItemModelTester>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using Change = CrateVersionDiff::Change;
using Outcome = CrateComparison::FileDiff::Outcome;

class TestVersionComparison : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QNetworkAccessManager m_nam;
    std::unique_ptr<HttpClient> m_http;
    TestSupport::StartedFeed m_feed;
    std::unique_ptr<RegistryClient> m_client;
    std::unique_ptr<VersionComparison> m_comparison; // 1.0.0 -> 1.1.0, compared once

    // Runs a comparison to its end: the error, or none with the diff in `comparison`.
    static std::optional<RegistryError> run(VersionComparison &comparison, RegistryClient *client, const QString &crate,
                                            const QString &from, const QString &to)
    {
        QSignalSpy finished(&comparison, &VersionComparison::finished);
        QSignalSpy failed(&comparison, &VersionComparison::failed);
        comparison.start(client, crate, from, to);
        if (!QTest::qWaitFor([&] { return finished.size() + failed.size() > 0; }, 30000))
            return RegistryError::make(RegistryError::Kind::Timeout, u"no answer in 30 s"_s);
        [&] { QCOMPARE(finished.size() + failed.size(), 1); }();
        return failed.isEmpty() ? std::nullopt : std::optional(failed.first().first().value<RegistryError>());
    }

    CrateComparison::FileDiff fileDiff(const QString &path)
    {
        QSignalSpy read(m_comparison.get(), &VersionComparison::fileDiffRead);
        m_comparison->readFileDiff(path);
        if (!read.wait(30000))
            return {};
        return read.first().first().value<CrateComparison::FileDiff>();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        qRegisterMetaType<RegistryError>();
        qRegisterMetaType<CrateComparison::FileDiff>();
        QVERIFY(m_dir.isValid());
        m_http = std::make_unique<HttpClient>(&m_nam);
        FeedServerOptions options;
        options.dataDir = m_dir.filePath(u"feed"_s);
        m_feed = TestSupport::startLocalFeed(options);
        QVERIFY2(m_feed.error.isEmpty(), qPrintable(m_feed.error));
        Feed feed;
        feed.name = u"local"_s;
        feed.auth = Feed::AuthKind::Token;
        feed.indexUrl = m_feed.feed->indexUrl();
        m_client = std::make_unique<RegistryClient>(feed, m_http.get(), nullptr, nullptr);
        m_client->setCredential(m_feed.token);
        QList<QByteArray> crates;
        for (const TestCrate &crate : EvolvingCrate::versions())
            crates << crate.crateBytes();
        crates << TestCrate(u"lonely"_s, u"0.1.0"_s).crateBytes();
        const QString error = TestSupport::publishCrates(m_client.get(), crates);
        QVERIFY2(error.isEmpty(), qPrintable(error));

        m_comparison = std::make_unique<VersionComparison>(m_dir.filePath(u"cache"_s));
        const auto failure = run(*m_comparison, m_client.get(), u"evolving"_s, u"1.0.0"_s, u"1.1.0"_s);
        QVERIFY2(!failure, qPrintable(failure ? failure->message : QString()));
    }

    void filesAreComparedByContent_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("change");
        QTest::addColumn<bool>("binary");
        QTest::newRow("added") << u"CHANGELOG.md"_s << int(Change::Added) << false;
        QTest::newRow("removed") << u"README.md"_s << int(Change::Removed) << false;
        QTest::newRow("text changed") << u"src/extra.rs"_s << int(Change::Changed) << false;
        QTest::newRow("manifest changed") << u"Cargo.toml"_s << int(Change::Changed) << false;
        QTest::newRow("binary changed") << u"data.bin"_s << int(Change::Changed) << true;
        QTest::newRow("large file changed in one line") << u"big.txt"_s << int(Change::Changed) << false;
    }

    void filesAreComparedByContent()
    {
        QFETCH(QString, path);
        QFETCH(int, change);
        QFETCH(bool, binary);
        const CrateVersionDiff &diff = m_comparison->result();
        const auto file = std::ranges::find(diff.files, path, &CrateVersionDiff::File::path);
        QVERIFY2(file != diff.files.cend(), qPrintable(path));
        QCOMPARE(int(file->change), change);
        QCOMPARE(file->binary, binary);
        QCOMPARE(file->oldSize < 0, file->change == Change::Added);
        QCOMPARE(file->newSize < 0, file->change == Change::Removed);
    }

    void unchangedFilesAreCountedNotListed()
    {
        const CrateVersionDiff &diff = m_comparison->result();
        QCOMPARE(diff.files.size(), 6);
        QCOMPARE(diff.unchangedFiles, 2); // same.txt, src/lib.rs
        QVERIFY(std::ranges::is_sorted(diff.files, {}, &CrateVersionDiff::File::path));
        QCOMPARE(diff.crate, u"evolving"_s);
        QCOMPARE(diff.oldVersion, u"1.0.0"_s);
        QCOMPARE(diff.newVersion, u"1.1.0"_s);
    }

    // One row per kind of metadata change, as the window's table shows it.
    void metadataChanges_data()
    {
        QTest::addColumn<QString>("row");
        QTest::newRow("license") << u"license | changed | MIT | MIT OR Apache-2.0"_s;
        QTest::newRow("edition") << u"edition | changed | 2021 | 2024"_s;
        QTest::newRow("rust-version") << u"rust-version | changed | 1.70 | 1.75"_s;
        QTest::newRow("links added") << u"links | added |  | evolving"_s;
        QTest::newRow("requirement changed") << u"dependency serde | changed | ^1.0, optional, from crates.io | ^1.0.200, optional, from crates.io"_s;
        QTest::newRow("dependency added") << u"dependency anyhow | added |  | ^1, from crates.io"_s;
        QTest::newRow("dev-dependency removed") << u"dev-dependency log | removed | ^0.4, from crates.io"_s;
        QTest::newRow("feature changed") << u"feature default | changed | std | std, derive"_s;
        QTest::newRow("feature added") << u"feature fast | added"_s;
        QTest::newRow("feature removed") << u"feature old | removed"_s;
    }

    void metadataChanges()
    {
        QFETCH(QString, row);
        VersionDiffMetadataModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setDiff(m_comparison->result());
        const QStringList rows = ModelDump::dump(model);
        QVERIFY2(rows.contains(row), qPrintable(rows.join(u'\n')));
    }

    // What did not change is not listed: the dependency for one target, libc, std, derive.
    void unchangedMetadataIsNotListed()
    {
        VersionDiffMetadataModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setDiff(m_comparison->result());
        QCOMPARE(model.rowCount(), 10);
        const QString all = ModelDump::dump(model).join(u'\n');
        for (const QString &quiet : {u"nix"_s, u"libc"_s, u"feature std"_s, u"feature derive"_s})
            QVERIFY2(!all.contains(quiet), qPrintable(quiet));
    }

    void fileModelShowsChangesAndSizes()
    {
        VersionDiffFileModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setFiles(m_comparison->result().files);
        const QStringList rows = ModelDump::dump(model);
        QCOMPARE(rows.size(), 6);
        QCOMPARE(rows.first(), u"CHANGELOG.md | added | — | 19 bytes"_s);
        QVERIFY2(rows.contains(u"README.md | removed | 11 bytes | —"_s), qPrintable(rows.join(u'\n')));
        QVERIFY2(rows.contains(u"data.bin | changed, binary | 4 bytes | 4 bytes"_s), qPrintable(rows.join(u'\n')));
        const QModelIndex binary = model.index(int(rows.indexOf(u"data.bin | changed, binary | 4 bytes | 4 bytes"_s)), 0);
        QVERIFY(binary.data(Roles::DiffFileIsBinary).toBool());
        QCOMPARE(binary.data(Roles::DiffFilePath).toString(), u"data.bin"_s);
        QCOMPARE(binary.data(Roles::DiffChange).toInt(), int(Change::Changed));
        model.setFiles({});
        QCOMPARE(model.rowCount(), 0);
    }

    void fileDiffs_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("outcome");
        QTest::addColumn<QString>("contains");
        QTest::newRow("changed text") << u"src/extra.rs"_s << int(Outcome::Text)
                                      << u"--- a/src/extra.rs\n+++ b/src/extra.rs\n@@ -1,4 +1,4 @@\n fn one() {}\n-fn two() {}\n+fn two() -> u8 { 2 }\n"_s;
        QTest::newRow("added text") << u"CHANGELOG.md"_s << int(Outcome::Text) << u"--- /dev/null\n+++ b/CHANGELOG.md\n@@ -0,0 +1,3 @@\n+## 1.1.0\n"_s;
        QTest::newRow("removed text") << u"README.md"_s << int(Outcome::Text) << u"--- a/README.md\n+++ /dev/null\n@@ -1 +0,0 @@\n-# evolving\n"_s;
        QTest::newRow("binary") << u"data.bin"_s << int(Outcome::Binary) << QString();
        QTest::newRow("larger than the limit") << u"big.txt"_s << int(Outcome::TooLarge) << QString();
        QTest::newRow("in neither version") << u"../../etc/passwd"_s << int(Outcome::Missing) << QString();
    }

    void fileDiffs()
    {
        QFETCH(QString, path);
        QFETCH(int, outcome);
        QFETCH(QString, contains);
        const CrateComparison::FileDiff diff = fileDiff(path);
        QCOMPARE(diff.path, path);
        QCOMPARE(int(diff.outcome), outcome);
        QVERIFY2(diff.unified.contains(contains), qPrintable(diff.unified));
        QCOMPARE(diff.unified.isEmpty(), outcome != int(Outcome::Text));
    }

    // The bounds themselves, on archives of the test's own making.
    void fileDiffsAreBounded()
    {
        TestCrate before(u"bounded"_s, u"1.0.0"_s);
        TestCrate after(u"bounded"_s, u"1.0.1"_s);
        QByteArray a, b, lines;
        for (int i = 0; i < 5000; ++i) {
            a += "a" + QByteArray::number(i) + "\n";
            b += "b" + QByteArray::number(i) + "\n";
            lines += "+" + QByteArray::number(i) + "\n";
        }
        before.files = {{u"everywhere.txt"_s, a}, {u"long.txt"_s, {}}};
        after.files = {{u"everywhere.txt"_s, b}, {u"long.txt"_s, lines}};
        const auto older = CrateArchive::fromBytes(before.crateBytes());
        const auto newer = CrateArchive::fromBytes(after.crateBytes());
        QVERIFY(older.isOk() && newer.isOk());
        // 5,000 x 5,000 lines that share nothing: a table of 25M cells is not built.
        QCOMPARE(CrateComparison::fileDiff(&*older.archive, &*newer.archive, u"everywhere.txt"_s).outcome, Outcome::TooLarge);
        // A long diff is cut, and says so.
        const auto cut = CrateComparison::fileDiff(&*older.archive, &*newer.archive, u"long.txt"_s, 1 << 20, 100);
        QCOMPARE(cut.outcome, Outcome::Text);
        QVERIFY(cut.truncated);
        QCOMPARE(cut.unified.count(u'\n'), 100);
        // A one-line change in a long text needs no table beyond that line.
        QStringList many;
        for (int i = 0; i < 200000; ++i)
            many << QString::number(i);
        QStringList changed = many;
        changed[100000] = u"changed"_s;
        const auto small = TextDiff::unified(many.join(u'\n'), changed.join(u'\n'), u"a"_s, u"b"_s, 16);
        QVERIFY(small);
        QVERIFY(small->contains(u"-100000\n+changed\n"_s));
    }

    void requestsThatFail_data()
    {
        QTest::addColumn<QString>("crate");
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown version") << u"evolving"_s << u"1.0.0"_s << u"2.0.0"_s << int(RegistryError::Kind::NotFound)
                                         << u"evolving has no version 2.0.0 in local"_s;
        QTest::newRow("unknown crate") << u"nosuchcrate"_s << u"1.0.0"_s << u"1.1.0"_s << int(RegistryError::Kind::NotFound) << QString();
        QTest::newRow("not a version") << u"evolving"_s << u"1.0"_s << u"1.1.0"_s << int(RegistryError::Kind::Local)
                                       << u"“1.0” is not a version"_s;
        QTest::newRow("a path for a version") << u"evolving"_s << u"1.0.0"_s << u"../../1.1.0"_s << int(RegistryError::Kind::Local)
                                              << u"is not a version"_s;
        QTest::newRow("a path for a name") << u"../etc"_s << u"1.0.0"_s << u"1.1.0"_s << int(RegistryError::Kind::Local) << QString();
        QTest::newRow("empty name") << QString() << u"1.0.0"_s << u"1.1.0"_s << int(RegistryError::Kind::Local) << QString();
    }

    void requestsThatFail()
    {
        QFETCH(QString, crate);
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(int, kind);
        QFETCH(QString, message);
        VersionComparison comparison(m_dir.filePath(u"cache"_s));
        const auto failure = run(comparison, m_client.get(), crate, from, to);
        QVERIFY(failure);
        QCOMPARE(int(failure->kind), kind);
        QVERIFY2(failure->message.contains(message), qPrintable(failure->message));
        QVERIFY(!comparison.isRunning());
        QVERIFY(comparison.result().isEmpty());
    }

    // The same version twice: nothing differs, and it is downloaded once.
    void aVersionWithItselfHasNoDifferences()
    {
        VersionComparison comparison(m_dir.filePath(u"other-cache"_s));
        const auto failure = run(comparison, m_client.get(), u"evolving"_s, u"1.0.0"_s, u"1.0.0"_s);
        QVERIFY(!failure);
        QVERIFY(comparison.result().isEmpty());
        QCOMPARE(comparison.result().unchangedFiles, 7);
        QCOMPARE(comparison.result().oldVersion, comparison.result().newVersion);
    }

    // Comparing down (newer to older) reverses every change.
    void comparingBackwardsReversesTheChanges()
    {
        VersionComparison comparison(m_dir.filePath(u"cache"_s));
        QVERIFY(!run(comparison, m_client.get(), u"evolving"_s, u"1.1.0"_s, u"1.0.0"_s));
        const CrateVersionDiff &diff = comparison.result();
        QCOMPARE(std::ranges::find(diff.files, u"CHANGELOG.md"_s, &CrateVersionDiff::File::path)->change, Change::Removed);
        QCOMPARE(std::ranges::find(diff.features, u"old"_s, &CrateVersionDiff::Feature::name)->change, Change::Added);
    }

    void cancelledComparisonsSayNothing()
    {
        VersionComparison comparison(m_dir.filePath(u"cancel-cache"_s));
        QSignalSpy finished(&comparison, &VersionComparison::finished);
        QSignalSpy failed(&comparison, &VersionComparison::failed);
        comparison.start(m_client.get(), u"evolving"_s, u"0.9.0"_s, u"1.1.0"_s);
        QVERIFY(comparison.isRunning());
        comparison.cancel();
        QVERIFY(!comparison.isRunning());
        // A later comparison is answered once, and only for itself.
        QVERIFY(!run(comparison, m_client.get(), u"evolving"_s, u"0.9.0"_s, u"1.0.0"_s));
        QCOMPARE(comparison.result().oldVersion, u"0.9.0"_s);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(failed.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestVersionComparison)
#include "tst_versioncomparison.moc"
