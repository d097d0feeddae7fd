// SPDX-License-Identifier: GPL-3.0-or-later
// Checks the real-crates fixture: genuine cargo output that later tests read and publish.
#include "testsupport.h"

#include <KCompressionDevice>
#include <KTar>

#include <QDir>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

QFileInfoList crateFiles()
{
    return QDir(TestSupport::realCratesDir()).entryInfoList({u"*.crate"_s}, QDir::Files, QDir::Name);
}

// Paths of every file in the archive, relative to its root.
void collectFiles(const KArchiveDirectory *dir, const QString &prefix, QStringList &out)
{
    const QStringList entries = dir->entries();
    for (const QString &name : entries) {
        const KArchiveEntry *entry = dir->entry(name);
        const QString path = prefix.isEmpty() ? name : prefix + u'/' + name;
        if (entry->isDirectory())
            collectFiles(static_cast<const KArchiveDirectory *>(entry), path, out);
        else
            out.append(path);
    }
}

struct CrateContents
{
    QStringList files;
    QByteArray manifest;
};

std::optional<CrateContents> readCrate(const QString &path, const QString &topDir)
{
    KTar tar(path, u"application/x-gzip"_s);
    if (!tar.open(QIODevice::ReadOnly))
        return std::nullopt;
    CrateContents contents;
    collectFiles(tar.directory(), {}, contents.files);
    const auto *manifest = tar.directory()->file(topDir + u"/Cargo.toml"_s);
    if (manifest)
        contents.manifest = manifest->data();
    return contents;
}

} // namespace

class TestRealCrates : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fixtureHasEnoughCrates()
    {
        QVERIFY2(!TestSupport::realCratesDir().isEmpty(), "CRATEDESK_REAL_CRATES_DIR is not set");
        QVERIFY2(crateFiles().size() >= 30, qPrintable(u"only %1 crates in %2"_s.arg(crateFiles().size()).arg(TestSupport::realCratesDir())));
    }

    void eachCrateHasItsManifest_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("topDir");
        for (const QFileInfo &info : crateFiles())
            QTest::newRow(qPrintable(info.fileName())) << info.absoluteFilePath() << info.completeBaseName();
    }

    void eachCrateHasItsManifest()
    {
        QFETCH(QString, path);
        QFETCH(QString, topDir);
        const auto contents = readCrate(path, topDir);
        QVERIFY2(contents, qPrintable(path));
        QVERIFY2(!contents->manifest.isEmpty(), qPrintable(topDir + u"/Cargo.toml is missing"_s));
        // Every entry sits under NAME-VERSION/, as cargo writes it.
        for (const QString &file : contents->files)
            QVERIFY2(file.startsWith(topDir + u'/'), qPrintable(file));
        const QString name = topDir.left(topDir.indexOf(QRegularExpression(u"-[0-9]"_s)));
        const QByteArray nameLine = "name = \"" + name.toUtf8() + '"';
        QVERIFY2(contents->manifest.contains(nameLine), nameLine.constData());
    }

    // The fixture is only useful if it keeps the shapes later tests rely on.
    void fixtureCoversTheShapesWeNeed()
    {
        QStringList shapes;
        qint64 smallest = std::numeric_limits<qint64>::max();
        qint64 largest = 0;
        for (const QFileInfo &info : crateFiles()) {
            smallest = std::min(smallest, info.size());
            largest = std::max(largest, info.size());
            const auto contents = readCrate(info.absoluteFilePath(), info.completeBaseName());
            QVERIFY(contents);
            const QByteArray &m = contents->manifest;
            if (m.contains("\nbuild = \"")) shapes << u"build script"_s;
            if (m.contains("\nlinks = ")) shapes << u"links"_s;
            if (m.contains("proc-macro = true")) shapes << u"proc-macro"_s;
            if (m.contains("[target.")) shapes << u"target-specific dependency"_s;
            if (m.contains("[dev-dependencies.")) shapes << u"dev dependency"_s;
            if (m.contains("\npackage = \"")) shapes << u"renamed dependency"_s;
            if (m.count("\n[features]") && m.mid(m.indexOf("\n[features]")).count('\n') > 200) shapes << u"many features"_s;
            if (info.completeBaseName().contains(u'+')) shapes << u"build metadata"_s;
            for (const QString &file : contents->files)
                if (file.toUtf8().size() > 100) shapes << u"path over 100 bytes"_s;
        }
        shapes.removeDuplicates();
        shapes.sort();
        const QStringList expected = {u"build metadata"_s, u"build script"_s, u"dev dependency"_s, u"links"_s,
                                      u"many features"_s, u"path over 100 bytes"_s, u"proc-macro"_s,
                                      u"renamed dependency"_s, u"target-specific dependency"_s};
        QCOMPARE(shapes, expected);
        QVERIFY2(smallest < 8 * 1024, qPrintable(QString::number(smallest)));
        QVERIFY2(largest > 1024 * 1024, qPrintable(QString::number(largest)));
    }
};

QTEST_GUILESS_MAIN(TestRealCrates)
#include "tst_realcrates.moc"
