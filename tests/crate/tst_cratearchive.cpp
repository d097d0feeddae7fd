// SPDX-License-Identifier: GPL-3.0-or-later
// CrateArchive against genuine cargo output and against archives built to attack it.
#include "crate/cratearchive.h"
#include "testsupport.h"

#include <KCompressionDevice>
#include <KTar>

#include <QBuffer>
#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

using Kind = CrateArchive::ErrorKind;
Q_DECLARE_METATYPE(CrateArchive::ErrorKind)

namespace {

const QByteArray Manifest = "[package]\nname = \"foo\"\nversion = \"1.0.0\"\n";

// Tar written byte by byte, so that tests can say exactly what a hostile archive holds.
void writeOctal(QByteArray &header, int offset, int width, qint64 value)
{
    const QByteArray digits = QByteArray::number(value, 8).rightJustified(width - 1, '0');
    memcpy(header.data() + offset, digits.constData(), width - 1);
    header[offset + width - 1] = '\0';
}

void sealChecksum(QByteArray &header)
{
    memset(header.data() + 148, ' ', 8);
    uint sum = 0;
    for (const char c : std::as_const(header))
        sum += uchar(c);
    const QByteArray digits = QByteArray::number(sum, 8).rightJustified(6, '0');
    memcpy(header.data() + 148, digits.constData(), 6);
    header[154] = '\0';
}

QByteArray tarHeader(const QByteArray &name, qint64 size, char type = '0', const QByteArray &link = {},
                     const QByteArray &magic = QByteArrayLiteral("ustar  \0"))
{
    QByteArray header(512, '\0');
    memcpy(header.data(), name.constData(), std::min<qsizetype>(name.size(), 100));
    writeOctal(header, 100, 8, 0644);
    writeOctal(header, 108, 8, 0);
    writeOctal(header, 116, 8, 0);
    writeOctal(header, 124, 12, size);
    writeOctal(header, 136, 12, 1153704088); // cargo's fixed mtime
    header[156] = type;
    memcpy(header.data() + 157, link.constData(), std::min<qsizetype>(link.size(), 100));
    memcpy(header.data() + 257, magic.constData(), 8);
    sealChecksum(header);
    return header;
}

QByteArray padded(const QByteArray &data)
{
    return data + QByteArray((512 - data.size() % 512) % 512, '\0');
}

// One entry as cargo's tar crate writes it, with a GNU long-name record when needed.
QByteArray tarEntry(const QByteArray &name, const QByteArray &data = {}, char type = '0', const QByteArray &link = {})
{
    QByteArray out;
    if (name.size() > 100)
        out += tarHeader("././@LongLink", name.size() + 1, 'L') + padded(name + '\0');
    return out + tarHeader(name, data.size(), type, link) + padded(data);
}

// A pax extended-header record: "LEN key=value\n", LEN counting itself.
QByteArray paxRecord(const QByteArray &key, const QByteArray &value)
{
    const QByteArray body = ' ' + key + '=' + value + '\n';
    qsizetype length = body.size() + 1;
    while (QByteArray::number(length).size() + body.size() != length)
        ++length;
    return QByteArray::number(length) + body;
}

const QByteArray TarEnd(1024, '\0');

QByteArray gzip(const QByteArray &data)
{
    QByteArray out;
    QBuffer buffer(&out);
    KCompressionDevice device(&buffer, false, KCompressionDevice::GZip);
    if (!device.open(QIODevice::WriteOnly))
        return {};
    for (qsizetype pos = 0; pos < data.size(); pos += 1 << 20)
        device.write(data.mid(pos, 1 << 20));
    device.close();
    return out;
}

QByteArray crateOf(const QByteArray &tar)
{
    return gzip(tar);
}

QByteArray validTar()
{
    return tarEntry("foo-1.0.0/Cargo.toml", Manifest) + tarEntry("foo-1.0.0/src/lib.rs", "pub fn foo() {}\n") + TarEnd;
}

QFileInfoList realCrates()
{
    return QDir(TestSupport::realCratesDir()).entryInfoList({u"*.crate"_s}, QDir::Files, QDir::Name);
}

struct KTarFile
{
    QString path;
    qint64 size;
};

void collectKTar(const KArchiveDirectory *dir, const QString &prefix, QList<KTarFile> &out)
{
    const QStringList names = dir->entries();
    for (const QString &name : names) {
        const KArchiveEntry *entry = dir->entry(name);
        const QString path = prefix.isEmpty() ? name : prefix + u'/' + name;
        if (entry->isDirectory())
            collectKTar(static_cast<const KArchiveDirectory *>(entry), path, out);
        else
            out.append({path, static_cast<const KArchiveFile *>(entry)->size()});
    }
}

} // namespace

class TestCrateArchive : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void realCratesOpen_data()
    {
        QTest::addColumn<QString>("path");
        const QFileInfoList crates = realCrates();
        QVERIFY2(crates.size() >= 30, qPrintable(u"only %1 crates in %2"_s.arg(crates.size()).arg(TestSupport::realCratesDir())));
        for (const QFileInfo &info : crates)
            QTest::newRow(qPrintable(info.fileName())) << info.absoluteFilePath();
    }

    // Every file, size and the bytes of a few files agree with KTar's independent reading.
    void realCratesOpen()
    {
        QFETCH(QString, path);
        const auto result = CrateArchive::open(path);
        QVERIFY2(result.isOk(), qPrintable(result.error.message));
        const CrateArchive &archive = *result.archive;
        QCOMPARE(archive.topDirectory(), QFileInfo(path).completeBaseName());
        QCOMPARE(archive.name() + u'-' + archive.version(), archive.topDirectory());
        QVERIFY(!archive.manifestBytes().isEmpty());
        QCOMPARE(archive.fileData(u"Cargo.toml"_s, 1 << 30).value(), archive.manifestBytes());

        KTar tar(path, u"application/x-gzip"_s);
        QVERIFY(tar.open(QIODevice::ReadOnly));
        const auto *top = tar.directory()->entry(archive.topDirectory());
        QVERIFY(top && top->isDirectory());
        QList<KTarFile> expected;
        collectKTar(static_cast<const KArchiveDirectory *>(top), {}, expected);
        std::sort(expected.begin(), expected.end(), [](const auto &a, const auto &b) { return a.path < b.path; });
        QStringList ours, theirs;
        for (const auto &file : archive.files())
            ours << u"%1 %2"_s.arg(file.path).arg(file.size);
        for (const auto &file : std::as_const(expected))
            theirs << u"%1 %2"_s.arg(file.path).arg(file.size);
        QCOMPARE(ours, theirs);

        const auto *topDir = static_cast<const KArchiveDirectory *>(top);
        for (const QString &sample : {archive.files().first().path, archive.files().at(archive.files().size() / 2).path,
                                      archive.files().last().path}) {
            const QByteArray data = topDir->file(sample)->data();
            QCOMPARE(archive.fileData(sample, 1 << 30).value(), data);
            QCOMPARE(archive.fileData(sample, 10).value(), data.left(10));
        }
        QCOMPARE(CrateArchive::fromBytes(archive.crateBytes()).archive->files(), archive.files());
    }

    void realCrateShapes()
    {
        const QString dir = TestSupport::realCratesDir();
        const QStringList zstd = QDir(dir).entryList({u"zstd-sys-*.crate"_s});
        QCOMPARE(zstd.size(), 1);
        const auto zstdSys = CrateArchive::open(dir + u'/' + zstd.first());
        QVERIFY2(zstdSys.isOk(), qPrintable(zstdSys.error.message));
        QCOMPARE(zstdSys.archive->name(), u"zstd-sys"_s);
        QVERIFY2(zstdSys.archive->version().contains(u'+'), qPrintable(zstdSys.archive->version()));

        const QStringList webpki = QDir(dir).entryList({u"rustls-webpki-*.crate"_s});
        QCOMPARE(webpki.size(), 1);
        const auto rustlsWebpki = CrateArchive::open(dir + u'/' + webpki.first());
        QVERIFY2(rustlsWebpki.isOk(), qPrintable(rustlsWebpki.error.message));
        const auto &files = rustlsWebpki.archive->files();
        const auto longPath = std::find_if(files.begin(), files.end(), [&](const CrateArchive::File &file) {
            return (rustlsWebpki.archive->topDirectory() + u'/' + file.path).toUtf8().size() > 100;
        });
        QVERIFY(longPath != files.end());
        QVERIFY(rustlsWebpki.archive->fileData(longPath->path, 1 << 20).has_value());

        const QStringList ring = QDir(dir).entryList({u"ring-*.crate"_s});
        QCOMPARE(ring.size(), 1);
        QVERIFY(QFileInfo(dir + u'/' + ring.first()).size() > 1024 * 1024);
        QVERIFY(CrateArchive::open(dir + u'/' + ring.first()).isOk());
    }

    void topDirectory_data()
    {
        QTest::addColumn<QString>("top");
        QTest::addColumn<QString>("name"); // empty: refused
        QTest::addColumn<QString>("version");
        QTest::newRow("plain") << u"foo-1.0.0"_s << u"foo"_s << u"1.0.0"_s;
        QTest::newRow("dash and digit in name") << u"sha-1-0.10.0"_s << u"sha-1"_s << u"0.10.0"_s;
        QTest::newRow("pre-release") << u"sval-1.0.0-alpha.5"_s << u"sval"_s << u"1.0.0-alpha.5"_s;
        QTest::newRow("build metadata") << u"zstd-sys-2.0.13+zstd.1.5.6"_s << u"zstd-sys"_s << u"2.0.13+zstd.1.5.6"_s;
        QTest::newRow("both") << u"My_Crate-0.2.0-beta.1+build.5"_s << u"My_Crate"_s << u"0.2.0-beta.1+build.5"_s;
        QTest::newRow("no version") << u"foo"_s << QString() << QString();
        QTest::newRow("two-part version") << u"foo-1.0"_s << QString() << QString();
        QTest::newRow("leading zero") << u"foo-01.0.0"_s << QString() << QString();
        QTest::newRow("no name") << u"-1.0.0"_s << QString() << QString();
    }

    void topDirectory()
    {
        QFETCH(QString, top);
        QFETCH(QString, name);
        QFETCH(QString, version);
        const QByteArray prefix = top.toUtf8() + '/';
        const auto result = CrateArchive::fromBytes(crateOf(tarEntry(prefix + "Cargo.toml", Manifest) + TarEnd));
        if (name.isEmpty()) {
            QVERIFY(!result.isOk());
            QCOMPARE(result.error.kind, Kind::BadTopDirectory);
            QVERIFY2(result.error.message.contains(top), qPrintable(result.error.message));
            return;
        }
        QVERIFY2(result.isOk(), qPrintable(result.error.message));
        QCOMPARE(result.archive->name(), name);
        QCOMPARE(result.archive->version(), version);
    }

    void builtArchives()
    {
        // Paths over 100 bytes through GNU long names, and the POSIX ustar prefix field.
        const QByteArray longName = "foo-1.0.0/" + QByteArray(60, 'd') + '/' + QByteArray(60, 'f') + ".rs";
        QByteArray ustar = tarHeader("src/split.rs", 3, '0', {}, QByteArrayLiteral("ustar\0" "00"));
        memcpy(ustar.data() + 345, "foo-1.0.0", 9);
        sealChecksum(ustar);
        const QByteArray tar = tarEntry("foo-1.0.0/", {}, '5') + tarEntry("foo-1.0.0/Cargo.toml", Manifest)
            + tarEntry(longName, "long") + ustar + padded("abc") + TarEnd;
        const auto result = CrateArchive::fromBytes(crateOf(tar));
        QVERIFY2(result.isOk(), qPrintable(result.error.message));
        QStringList paths;
        for (const auto &file : result.archive->files())
            paths << file.path;
        QCOMPARE(paths, QStringList({u"Cargo.toml"_s, QString::fromUtf8(longName.mid(10)), u"src/split.rs"_s}));
        QCOMPARE(result.archive->fileData(QString::fromUtf8(longName.mid(10)), 100).value(), QByteArray("long"));
        QCOMPARE(result.archive->fileData(u"src/split.rs"_s, 100).value(), QByteArray("abc"));
        QVERIFY(!result.archive->fileData(u"missing.rs"_s, 100).has_value());
        QCOMPARE(result.archive->manifestBytes(), Manifest);
    }

    // KTar is another writer; its archives (directory entries, its own long-name records) open too.
    void archiveWrittenByKTar()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"bar-0.1.0.crate"_s);
        const QString longPath = u"bar-0.1.0/"_s + QString(120, u'x') + u".txt"_s;
        {
            KTar tar(path, u"application/x-gzip"_s);
            QVERIFY(tar.open(QIODevice::WriteOnly));
            QVERIFY(tar.writeFile(u"bar-0.1.0/Cargo.toml"_s, QByteArray("[package]\nname = \"bar\"\nversion = \"0.1.0\"\n")));
            QVERIFY(tar.writeFile(u"bar-0.1.0/src/main.rs"_s, QByteArray("fn main() {}\n"), 0100755));
            QVERIFY(tar.writeFile(longPath, QByteArray("x")));
            QVERIFY(tar.close());
        }
        const auto result = CrateArchive::open(path);
        QVERIFY2(result.isOk(), qPrintable(result.error.message));
        QCOMPARE(result.archive->files().size(), 3);
        QVERIFY(result.archive->file(u"src/main.rs"_s)->executable);
        QVERIFY(!result.archive->file(u"Cargo.toml"_s)->executable);
        QCOMPARE(result.archive->fileData(longPath.mid(10), 10).value(), QByteArray("x"));
    }

    void hostileArchives_data()
    {
        QTest::addColumn<QByteArray>("crate");
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<QString>("message");

        const QByteArray good = crateOf(validTar());
        const auto file = [](const QByteArray &name) { return tarEntry(name, "x"); };
        const QByteArray manifest = tarEntry("foo-1.0.0/Cargo.toml", Manifest);

        QTest::newRow("empty file") << QByteArray() << Kind::NotGzip << u"empty"_s;
        QTest::newRow("not gzip") << QByteArray("PK\x03\x04 this is a zip file, not a crate") << Kind::NotGzip << u"not a gzip file (it starts with 50 4b 03 04"_s;
        QTest::newRow("plain tar") << validTar() << Kind::NotGzip << u"not a gzip file"_s;
        QTest::newRow("gzip header only") << good.left(10) << Kind::TruncatedGzip << u"ends early"_s;
        QTest::newRow("truncated gzip") << good.left(good.size() / 2) << Kind::TruncatedGzip << u"truncated"_s;
        QTest::newRow("gzip without trailer") << good.left(good.size() - 8) << Kind::TruncatedGzip << u"truncated"_s;
        QByteArray badCrc = good;
        badCrc[badCrc.size() - 6] = char(badCrc.at(badCrc.size() - 6) ^ 0x55);
        QTest::newRow("gzip checksum mismatch") << badCrc << Kind::CorruptGzip << u"corrupt"_s;
        // KCompressionDevice writes a 10-byte header and an empty name; 0xff then starts a
        // deflate block of the reserved type 3.
        QByteArray badDeflate = good;
        for (int i = 11; i < 40; ++i)
            badDeflate[i] = char(0xff);
        QTest::newRow("corrupt deflate data") << badDeflate << Kind::CorruptGzip << u"corrupt"_s;
        QTest::newRow("garbage after gzip") << good + "garbage" << Kind::CorruptGzip << u"corrupt"_s;
        QTest::newRow("gzip of text") << crateOf(QByteArray(2048, 'a')) << Kind::CorruptTar << u"not a tar archive"_s;
        QTest::newRow("truncated tar")
            << crateOf(manifest + tarHeader("foo-1.0.0/src/lib.rs", 5000) + QByteArray(1000, 'x')) << Kind::TruncatedTar
            << u"ends early, inside entry \"foo-1.0.0/src/lib.rs\""_s;
        QTest::newRow("truncated tar header") << crateOf(manifest + QByteArray(100, 'x')) << Kind::TruncatedTar << u"ends early"_s;
        QByteArray badChecksum = tarHeader("foo-1.0.0/Cargo.toml", Manifest.size());
        badChecksum[0] = 'g';
        QTest::newRow("bad header checksum") << crateOf(badChecksum + padded(Manifest) + TarEnd) << Kind::CorruptTar << u"bad checksum"_s;
        QByteArray badSize = tarHeader("foo-1.0.0/Cargo.toml", Manifest.size());
        memcpy(badSize.data() + 124, "12x", 3);
        sealChecksum(badSize);
        QTest::newRow("bad size field") << crateOf(badSize + padded(Manifest) + TarEnd) << Kind::CorruptTar << u"bad size field"_s;
        QTest::newRow("empty archive") << crateOf(TarEnd) << Kind::MissingManifest << u"no files"_s;

        QTest::newRow("entry outside top dir") << crateOf(manifest + file("bar-1.0.0/src/lib.rs") + TarEnd)
                                               << Kind::OutsideTopDirectory << u"entry \"bar-1.0.0/src/lib.rs\" is outside the package folder \"foo-1.0.0/\""_s;
        QTest::newRow("two top dirs") << crateOf(manifest + tarEntry("foo-1.0.1/Cargo.toml", Manifest) + TarEnd)
                                      << Kind::OutsideTopDirectory << u"\"foo-1.0.1/Cargo.toml\""_s;
        QTest::newRow("file beside top dir") << crateOf(manifest + file("README") + TarEnd) << Kind::OutsideTopDirectory << u"\"README\""_s;
        QTest::newRow("file before top dir") << crateOf(file("README") + manifest + TarEnd) << Kind::OutsideTopDirectory << u"\"README\""_s;
        QTest::newRow("parent component") << crateOf(manifest + file("foo-1.0.0/../x") + TarEnd) << Kind::UnsafePath
                                          << u"entry \"foo-1.0.0/../x\" leaves the package folder"_s;
        QTest::newRow("leading parent") << crateOf(file("../foo-1.0.0/x") + TarEnd) << Kind::UnsafePath << u"leaves the package folder"_s;
        QTest::newRow("parent in long name")
            << crateOf(manifest + file("foo-1.0.0/" + QByteArray(120, 'a') + "/../../../etc/cron.d/x") + TarEnd) << Kind::UnsafePath
            << u"leaves the package folder"_s;
        QTest::newRow("path over 4096 bytes") << crateOf(manifest + file("foo-1.0.0/" + QByteArray(5000, 'a')) + TarEnd)
                                              << Kind::UnsafePath << u"longer than 4096 bytes"_s;
        QTest::newRow("absolute path") << crateOf(file("/etc/passwd") + TarEnd) << Kind::UnsafePath << u"entry \"/etc/passwd\" has an absolute path"_s;
        QTest::newRow("absolute top dir") << crateOf(manifest + file("/foo-1.0.0/x") + TarEnd) << Kind::UnsafePath << u"absolute path"_s;
        QTest::newRow("dot component") << crateOf(manifest + file("foo-1.0.0/./x") + TarEnd) << Kind::UnsafePath << u"not a normalized path"_s;
        QTest::newRow("double slash") << crateOf(manifest + file("foo-1.0.0//x") + TarEnd) << Kind::UnsafePath << u"not a normalized path"_s;
        QTest::newRow("backslash") << crateOf(manifest + file("foo-1.0.0/..\\..\\x") + TarEnd) << Kind::UnsafePath << u"backslash"_s;
        QTest::newRow("not UTF-8") << crateOf(manifest + file("foo-1.0.0/\xff\xfe") + TarEnd) << Kind::UnsafePath << u"UTF-8"_s;
        QTest::newRow("control characters are escaped") << crateOf(manifest + file("foo-1.0.0/\x1b[31m/../x") + TarEnd)
                                                        << Kind::UnsafePath << u"\"foo-1.0.0/\\x1b[31m/../x\""_s;
        const QByteArray pax = paxRecord("path", "foo-1.0.0/../../evil");
        QTest::newRow("parent in pax path") << crateOf(manifest + tarHeader("PaxHeader", pax.size(), 'x') + padded(pax) + file("foo-1.0.0/ok") + TarEnd)
                                            << Kind::UnsafePath << u"\"foo-1.0.0/../../evil\" leaves the package folder"_s;
        QTest::newRow("bad top dir") << crateOf(tarEntry("foo/Cargo.toml", Manifest) + TarEnd) << Kind::BadTopDirectory << u"\"foo\" is not NAME-VERSION"_s;

        QTest::newRow("missing Cargo.toml") << crateOf(file("foo-1.0.0/src/lib.rs") + TarEnd) << Kind::MissingManifest
                                            << u"\"foo-1.0.0/Cargo.toml\" is missing"_s;
        QTest::newRow("Cargo.toml deeper") << crateOf(tarEntry("foo-1.0.0/sub/Cargo.toml", Manifest) + TarEnd) << Kind::MissingManifest << u"missing"_s;
        QTest::newRow("cargo.toml lower case") << crateOf(tarEntry("foo-1.0.0/cargo.toml", Manifest) + TarEnd) << Kind::MissingManifest
                                               << u"wrong case"_s;
        QTest::newRow("case-duplicate files") << crateOf(manifest + file("foo-1.0.0/README.md") + file("foo-1.0.0/Readme.md") + TarEnd)
                                              << Kind::DuplicatePath << u"entries \"foo-1.0.0/README.md\" and \"foo-1.0.0/Readme.md\" differ only in case"_s;
        QTest::newRow("case-duplicate manifests") << crateOf(manifest + tarEntry("foo-1.0.0/CARGO.TOML", Manifest) + TarEnd)
                                                  << Kind::DuplicatePath << u"differ only in case"_s;
        QTest::newRow("case-duplicate folders") << crateOf(manifest + file("foo-1.0.0/src/a.rs") + file("foo-1.0.0/Src/b.rs") + TarEnd)
                                                << Kind::DuplicatePath << u"folders \"foo-1.0.0/src\" and \"foo-1.0.0/Src\" differ only in case"_s;
        QTest::newRow("same file twice") << crateOf(manifest + manifest + TarEnd) << Kind::DuplicatePath << u"appears twice"_s;
        QTest::newRow("file and folder") << crateOf(manifest + file("foo-1.0.0/src") + file("foo-1.0.0/src/lib.rs") + TarEnd)
                                         << Kind::DuplicatePath << u"\"foo-1.0.0/src\" is both a file and a folder"_s;
        QTest::newRow("symlink") << crateOf(manifest + tarEntry("foo-1.0.0/link", {}, '2', "/etc/passwd") + TarEnd) << Kind::UnsupportedEntry
                                 << u"entry \"foo-1.0.0/link\" is a symbolic link to \"/etc/passwd\""_s;
        QTest::newRow("symlink inside the folder") << crateOf(manifest + tarEntry("foo-1.0.0/link", {}, '2', "Cargo.toml") + TarEnd)
                                                   << Kind::UnsupportedEntry << u"symbolic link"_s;
        QTest::newRow("hard link") << crateOf(manifest + tarEntry("foo-1.0.0/link", {}, '1', "foo-1.0.0/Cargo.toml") + TarEnd)
                                   << Kind::UnsupportedEntry << u"hard link"_s;
        QTest::newRow("character device") << crateOf(manifest + tarEntry("foo-1.0.0/tty", {}, '3') + TarEnd) << Kind::UnsupportedEntry << u"device"_s;
        QTest::newRow("fifo") << crateOf(manifest + tarEntry("foo-1.0.0/pipe", {}, '6') + TarEnd) << Kind::UnsupportedEntry << u"FIFO"_s;

        // ---- The rest of the catalogue: one row per way in. Where cargo and crates.io would
        // accept something odd, the comment says why it is refused anyway.

        // Bombs. 40 MiB of zeros compress to 40 KiB: 100:1 is far above any real crate (the
        // fixture's highest is web-sys at 16:1) and crates.io's 512 MiB alone would allow it.
        QTest::newRow("bomb by compression ratio")
            << crateOf(manifest + tarEntry("foo-1.0.0/zeros.bin", QByteArray(40 << 20, '\0')) + TarEnd) << Kind::LimitExceeded
            << u"unpacks to more than 32 MiB, over 100 times its compressed size"_s;
        QTest::newRow("huge declared size, tiny data")
            << crateOf(manifest + tarHeader("foo-1.0.0/tiny.bin", 077777777777) + padded("tiny") + TarEnd) << Kind::LimitExceeded
            << u"entry \"foo-1.0.0/tiny.bin\" is 8192.0 MiB, more than the 256 MiB allowed for one file"_s;
        QByteArray base256 = tarHeader("foo-1.0.0/dir/", 0, '5');
        memcpy(base256.data() + 124, "\x80\0\0\0\x7f\xff\xff\xff\xff\xff\xff\xff", 12);
        sealChecksum(base256);
        QTest::newRow("folder of 2^63 bytes (base-256 size)") << crateOf(manifest + base256 + TarEnd) << Kind::LimitExceeded
                                                               << u"entry \"foo-1.0.0/dir/\" is"_s;
        QByteArray negative = tarHeader("foo-1.0.0/neg", 0);
        memset(negative.data() + 124, '\xff', 12);
        sealChecksum(negative);
        QTest::newRow("negative base-256 size") << crateOf(manifest + negative + TarEnd) << Kind::CorruptTar << u"bad size field"_s;
        const QByteArray bigPax = paxRecord("comment", QByteArray(1100 * 1024, 'c'));
        QTest::newRow("pax header over 1 MiB") << crateOf(manifest + tarHeader("PaxHeader", bigPax.size(), 'x') + padded(bigPax) + file("foo-1.0.0/a") + TarEnd)
                                               << Kind::LimitExceeded << u"the pax header at offset 1024 is"_s;

        // Truncation: in a header, in a file's data, in a long-name record, in the padding.
        QTest::newRow("truncated inside a header") << crateOf(manifest + tarHeader("foo-1.0.0/src/lib.rs", 3).left(300))
                                                   << Kind::TruncatedTar << u"ends early, inside tar header at offset 1024"_s;
        QTest::newRow("truncated inside data") << crateOf(manifest + tarHeader("foo-1.0.0/src/lib.rs", 3000) + QByteArray(2000, 'x'))
                                               << Kind::TruncatedTar << u"ends early, inside entry \"foo-1.0.0/src/lib.rs\""_s;
        QTest::newRow("truncated inside a long name") << crateOf(manifest + tarHeader("././@LongLink", 700, 'L') + QByteArray(200, 'a'))
                                                      << Kind::TruncatedTar << u"inside tar extension header at offset 1024"_s;
        QTest::newRow("truncated gzip inside a header") << good.left(30) << Kind::TruncatedGzip << u"tar header at offset 0"_s;

        // What tar readers disagree on: each would let a reviewer see one thing and an
        // extractor unpack another.
        const auto withPax = [&](const QByteArray &records, const QByteArray &entry, char type = 'x') {
            return tarHeader("PaxHeader", records.size(), type) + padded(records) + entry;
        };
        QTest::newRow("pax path override to absolute") << crateOf(manifest + withPax(paxRecord("path", "/etc/cron.d/evil"), file("foo-1.0.0/ok")) + TarEnd)
                                                       << Kind::UnsafePath << u"entry \"/etc/cron.d/evil\" has an absolute path"_s;
        QTest::newRow("pax path override outside") << crateOf(manifest + withPax(paxRecord("path", "bar-1.0.0/x"), file("foo-1.0.0/ok")) + TarEnd)
                                                   << Kind::OutsideTopDirectory << u"\"bar-1.0.0/x\" is outside the package folder"_s;
        QTest::newRow("pax path with NUL") << crateOf(manifest + withPax(paxRecord("path", QByteArray("foo-1.0.0/a\0/../../x", 20)), file("foo-1.0.0/ok")) + TarEnd)
                                           << Kind::UnsafePath << u"the pax header at offset 1024 gives a path with a NUL byte: \"foo-1.0.0/a\\x00/../../x\""_s;
        QTest::newRow("pax size override") << crateOf(manifest + withPax(paxRecord("size", "99999999999"), file("foo-1.0.0/big")) + TarEnd)
                                           << Kind::LimitExceeded << u"entry \"foo-1.0.0/big\" is"_s;
        QTest::newRow("pax record length overflows") << crateOf(manifest + withPax("9223372036854775807 path=x\n", file("foo-1.0.0/ok")) + TarEnd)
                                                     << Kind::CorruptTar << u"the pax header at offset 1024 is malformed"_s;
        QTest::newRow("pax record without newline") << crateOf(manifest + withPax("12 path=abcd", file("foo-1.0.0/ok")) + TarEnd)
                                                    << Kind::CorruptTar << u"malformed"_s;
        QTest::newRow("pax global header with a path") << crateOf(manifest + withPax(paxRecord("path", "foo-1.0.0/x"), file("foo-1.0.0/ok"), 'g') + TarEnd)
                                                       << Kind::UnsupportedEntry << u"the pax global header at offset 1024 sets a path"_s;
        QTest::newRow("GNU long name with NUL")
            << crateOf(manifest + tarHeader("././@LongLink", 200, 'L') + padded("foo-1.0.0/" + QByteArray(100, 'a') + QByteArray("\0/../../../x\0", 14)) + file("foo-1.0.0/ok") + TarEnd)
            << Kind::UnsafePath << u"the long name at offset 1024 contains a NUL byte"_s;
        QTest::newRow("GNU long link name with NUL")
            << crateOf(manifest + tarHeader("././@LongLink", 20, 'K') + padded(QByteArray("foo-1.0.0/a\0/../../x", 20)) + tarEntry("foo-1.0.0/l", {}, '2') + TarEnd)
            << Kind::UnsafePath << u"the long link name at offset 1024 contains a NUL byte"_s;
        const QByteArray longTarget = "../../../../" + QByteArray(120, 'b') + "/etc/passwd";
        QTest::newRow("GNU long link to outside")
            << crateOf(manifest + tarHeader("././@LongLink", longTarget.size() + 1, 'K') + padded(longTarget + '\0') + tarEntry("foo-1.0.0/l", {}, '2') + TarEnd)
            << Kind::UnsupportedEntry << QString(u"entry \"foo-1.0.0/l\" is a symbolic link to \""_s + QString::fromUtf8(longTarget))
;
        QTest::newRow("hard link to outside") << crateOf(manifest + tarEntry("foo-1.0.0/h", {}, '1', "../../etc/shadow") + TarEnd)
                                              << Kind::UnsupportedEntry << u"entry \"foo-1.0.0/h\" is a hard link to \"../../etc/shadow\""_s;
        QTest::newRow("block device") << crateOf(manifest + tarEntry("foo-1.0.0/sda", {}, '4') + TarEnd) << Kind::UnsupportedEntry
                                      << u"entry \"foo-1.0.0/sda\" is a device"_s;
        QTest::newRow("GNU sparse file") << crateOf(manifest + tarEntry("foo-1.0.0/s", {}, 'S') + TarEnd) << Kind::UnsupportedEntry
                                         << u"entry \"foo-1.0.0/s\" is of the unsupported tar type \"S\""_s;
        QTest::newRow("overlong UTF-8 dots") << crateOf(manifest + file("foo-1.0.0/\xc0\xae\xc0\xae/x") + TarEnd) << Kind::UnsafePath
                                             << u"is not valid UTF-8"_s;
        QTest::newRow("UTF-16 surrogate in UTF-8") << crateOf(manifest + file("foo-1.0.0/\xed\xa0\x80") + TarEnd) << Kind::UnsafePath
                                                   << u"is not valid UTF-8"_s;
        QTest::newRow("top folder as a file") << crateOf(manifest + file("foo-1.0.0") + TarEnd) << Kind::OutsideTopDirectory
                                              << u"entry \"foo-1.0.0\" is outside the package folder"_s;
        QByteArray v7 = tarHeader("foo-1.0.0/Cargo.toml", Manifest.size(), '0', {}, QByteArray(8, '\0'));
        QTest::newRow("pre-POSIX (v7) tar") << crateOf(v7 + padded(Manifest) + TarEnd) << Kind::CorruptTar << u"a pre-POSIX (v7) tar archive"_s;

        // Hidden data. Cargo, crates.io and GNU tar stop at the first zero block and gzip
        // readers differ on extra members; cargo writes neither, so both are refused.
        QTest::newRow("garbage after the end-of-archive blocks") << crateOf(validTar() + "hidden")
                                                                 << Kind::CorruptTar << u"there is data after the end of the tar archive"_s;
        QTest::newRow("concatenated tar") << crateOf(validTar() + tarEntry("foo-1.0.0/build.rs", "evil") + TarEnd)
                                          << Kind::CorruptTar << u"there is data after the end of the tar archive (at offset 3072, the end is at 2048)"_s;
        QTest::newRow("entry after one zero block") << crateOf(manifest + QByteArray(512, '\0') + file("foo-1.0.0/late.rs") + TarEnd)
                                                    << Kind::CorruptTar << u"data after the end of the tar archive"_s;
        const QByteArray tar = validTar();
        QTest::newRow("gzip multi-member") << gzip(tar.left(1024)) + gzip(tar.mid(1024)) << Kind::CorruptGzip
                                           << u"it holds several gzip members"_s;
        QTest::newRow("second gzip member after the end") << good + crateOf(tarEntry("foo-1.0.0/evil.rs", "x") + TarEnd)
                                                          << Kind::CorruptTar << u"data after the end of the tar archive"_s;
    }

    void hostileArchives()
    {
        QFETCH(QByteArray, crate);
        QFETCH(Kind, kind);
        QFETCH(QString, message);
        const auto result = CrateArchive::fromBytes(crate, u"hostile.crate"_s);
        QVERIFY(!result.isOk());
        QVERIFY2(result.error.message.startsWith(u"hostile.crate: "_s), qPrintable(result.error.message));
        QVERIFY2(result.error.message.contains(message), qPrintable(result.error.message));
        QCOMPARE(result.error.kind, kind);
    }

    void limits_data()
    {
        QTest::addColumn<QByteArray>("crate");
        QTest::addColumn<qint64>("maxCrateSize");
        QTest::addColumn<qint64>("maxUnpackedSize");
        QTest::addColumn<qint64>("maxFileSize");
        QTest::addColumn<int>("maxEntries");
        QTest::addColumn<int>("maxRatio");
        QTest::addColumn<QString>("message");

        const CrateArchive::Limits defaults;
        const QByteArray manifest = tarEntry("foo-1.0.0/Cargo.toml", Manifest);
        // gzip members may be concatenated: 600 copies of 1 MiB of zeros is a 600 KiB bomb
        // that a reader has to inflate to notice.
        const QByteArray zeros = gzip(QByteArray(1 << 20, '\0'));
        QByteArray bomb = gzip(manifest + TarEnd);
        for (int i = 0; i < 600; ++i)
            bomb += zeros;
        QVERIFY(bomb.size() < 2 * 1024 * 1024);
        QTest::newRow("gzip bomb, default limits") << bomb << defaults.maxCrateSize << defaults.maxUnpackedSize << defaults.maxFileSize
                                                   << defaults.maxEntries << defaults.maxCompressionRatio
                                                   << u"over 100 times its compressed size"_s;
        QTest::newRow("gzip bomb, no ratio limit") << bomb << defaults.maxCrateSize << defaults.maxUnpackedSize << defaults.maxFileSize
                                                   << defaults.maxEntries << 0 << u"unpacks to more than 512 MiB"_s;

        const QByteArray bigFile = gzip(manifest + tarEntry("foo-1.0.0/zeros.bin", QByteArray(8 << 20, '\0')) + TarEnd);
        QTest::newRow("unpacked size") << bigFile << defaults.maxCrateSize << qint64(4 << 20) << defaults.maxFileSize << defaults.maxEntries
                                       << defaults.maxCompressionRatio << u"unpacks to more than 4 MiB"_s;
        QTest::newRow("one file") << bigFile << defaults.maxCrateSize << defaults.maxUnpackedSize << qint64(1 << 20) << defaults.maxEntries
                                  << defaults.maxCompressionRatio << u"entry \"foo-1.0.0/zeros.bin\" is 8 MiB, more than the 1 MiB allowed for one file"_s;
        QTest::newRow("compressed size") << bigFile << qint64(1000) << defaults.maxUnpackedSize << defaults.maxFileSize << defaults.maxEntries
                                         << defaults.maxCompressionRatio << u"more than the 1000 bytes allowed"_s;
        QByteArray many = manifest;
        for (int i = 0; i < 20; ++i)
            many += tarEntry("foo-1.0.0/f" + QByteArray::number(i), "x");
        QTest::newRow("entry count") << gzip(many + TarEnd) << defaults.maxCrateSize << defaults.maxUnpackedSize << defaults.maxFileSize << 10
                                     << defaults.maxCompressionRatio << u"holds more than 10 entries"_s;
        // Zeros after the end-of-archive blocks still count: the gzip stream is read to its end.
        QTest::newRow("padding bomb") << gzip(manifest + TarEnd + QByteArray(3 << 20, '\0')) << defaults.maxCrateSize << qint64(2 << 20)
                                      << defaults.maxFileSize << defaults.maxEntries << defaults.maxCompressionRatio
                                      << u"unpacks to more than 2 MiB"_s;
        // The ratio limit on a small file that stays under every absolute limit.
        QTest::newRow("compression ratio") << bigFile << defaults.maxCrateSize << defaults.maxUnpackedSize << defaults.maxFileSize
                                           << defaults.maxEntries << 2 << u"over 2 times its compressed size"_s;
    }

    void limits()
    {
        QFETCH(QByteArray, crate);
        QFETCH(qint64, maxCrateSize);
        QFETCH(qint64, maxUnpackedSize);
        QFETCH(qint64, maxFileSize);
        QFETCH(int, maxEntries);
        QFETCH(int, maxRatio);
        QFETCH(QString, message);
        CrateArchive::Limits limits{maxCrateSize, maxUnpackedSize, maxFileSize, maxEntries};
        limits.maxCompressionRatio = maxRatio;
        if (maxRatio == 2)
            limits.ratioFreeSize = 1 << 20;
        const auto result = CrateArchive::fromBytes(crate, limits, u"bomb.crate"_s);
        QVERIFY(!result.isOk());
        QCOMPARE(result.error.kind, Kind::LimitExceeded);
        QVERIFY2(result.error.message.contains(message), qPrintable(result.error.message));
    }

    void openReportsTheFileName()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const auto missing = CrateArchive::open(dir.filePath(u"nothing-1.0.0.crate"_s));
        QCOMPARE(missing.error.kind, Kind::Io);
        QVERIFY2(missing.error.message.startsWith(u"nothing-1.0.0.crate: cannot open"_s), qPrintable(missing.error.message));

        QFile file(dir.filePath(u"foo-1.0.0.crate"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(crateOf(tarEntry("foo-1.0.0/Cargo.toml", Manifest) + tarEntry("foo-1.0.0/../x", "x") + TarEnd));
        file.close();
        const auto result = CrateArchive::open(file.fileName());
        QCOMPARE(result.error.kind, Kind::UnsafePath);
        QCOMPARE(result.error.message, u"foo-1.0.0.crate: entry \"foo-1.0.0/../x\" leaves the package folder"_s);
    }

    void valueSemantics()
    {
        const QByteArray crate = crateOf(validTar());
        const auto result = CrateArchive::fromBytes(crate);
        QVERIFY2(result.isOk(), qPrintable(result.error.message));
        const CrateArchive copy = *result.archive;
        QCOMPARE(copy.files(), result.archive->files());
        QCOMPARE(copy.fileData(u"src/lib.rs"_s, 1000).value(), QByteArray("pub fn foo() {}\n"));
        QCOMPARE(copy.crateBytes(), crate);
    }
};

QTEST_GUILESS_MAIN(TestCrateArchive)
#include "tst_cratearchive.moc"
