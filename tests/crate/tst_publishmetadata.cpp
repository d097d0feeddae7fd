// SPDX-License-Identifier: GPL-3.0-or-later
// PublishMetadata: the JSON `cargo publish` sends, from a manifest or a whole .crate.
#include "crate/cargomanifest.h"
#include "crate/cratearchive.h"
#include "cargotypes/cratesio.h"
#include "crate/publishmetadata.h"
#include "testsupport.h"

#include <KCompressionDevice>

#include <QBuffer>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

const QString LocalIndex = u"sparse+http://127.0.0.1:8765/index/"_s;

// The normalized manifest behind the publish JSON in the protocol reference (section 2.2).
const QByteArray ReferenceManifest =
    "[package]\n"
    "name = \"My_Crate\"\n"
    "version = \"0.2.0-beta.1+build.5\"\n"
    "authors = [\"Alice <a@example.com>\", \"Bob\"]\n"
    "description = \"A test crate\"\n"
    "documentation = \"https://docs.example.com/my\"\n"
    "homepage = \"https://example.com\"\n"
    "readme = \"README.md\"\n"
    "keywords = [\"test\", \"registry\"]\n"
    "categories = [\"development-tools\", \"not-a-category\"]\n"
    "license-file = \"LICENSE.txt\"\n"
    "repository = \"https://example.com/repo\"\n"
    "links = \"foo\"\n"
    "rust-version = \"1.70\"\n"
    "\n"
    "[features]\n"
    "default = [\"fancy\"]\n"
    "fancy = [\"dep:aliased\", \"aliased?/extra\"]\n"
    "plain = []\n"
    "\n"
    "[badges.maintenance]\n"
    "status = \"actively-developed\"\n"
    "\n"
    "[dependencies.aliased]\n"
    "version = \"0.1.1\"\n"
    "features = [\"extra\"]\n"
    "optional = true\n"
    "default-features = false\n"
    "package = \"cio-dep\"\n"
    "\n"
    "[dependencies.dep-a]\n"
    "version = \"0.1\"\n"
    "features = [\"extra\"]\n"
    "registry-index = \"sparse+http://127.0.0.1:8765/index/\"\n"
    "\n"
    "[dev-dependencies.path-only]\n"
    "features = [\"x\"]\n"
    "\n"
    "[build-dependencies.dep-a]\n"
    "version = \" >= 0.1 ,  < 0.3 \"\n"
    "registry-index = \"sparse+http://127.0.0.1:8765/index/\"\n"
    "\n"
    "[target.\"cfg(unix)\".dependencies.dep-a]\n"
    "version = \"~0.1.0\"\n"
    "registry-index = \"sparse+http://127.0.0.1:8765/index/\"\n";

// Section 2.2's JSON, compact as cargo sends it.
const QByteArray ReferenceJson =
    "{\"name\":\"My_Crate\",\"vers\":\"0.2.0-beta.1+build.5\",\"deps\":["
    "{\"optional\":true,\"default_features\":false,\"name\":\"cio-dep\",\"features\":[\"extra\"],"
    "\"version_req\":\"^0.1.1\",\"target\":null,\"kind\":\"normal\","
    "\"registry\":\"https://github.com/rust-lang/crates.io-index\",\"explicit_name_in_toml\":\"aliased\"},"
    "{\"optional\":false,\"default_features\":true,\"name\":\"dep-a\",\"features\":[\"extra\"],"
    "\"version_req\":\"^0.1\",\"target\":null,\"kind\":\"normal\"},"
    "{\"optional\":false,\"default_features\":true,\"name\":\"dep-a\",\"features\":[],"
    "\"version_req\":\">=0.1, <0.3\",\"target\":null,\"kind\":\"build\"},"
    "{\"optional\":false,\"default_features\":true,\"name\":\"dep-a\",\"features\":[],"
    "\"version_req\":\"~0.1.0\",\"target\":\"cfg(unix)\",\"kind\":\"normal\"}],"
    "\"features\":{\"default\":[\"fancy\"],\"fancy\":[\"dep:aliased\",\"aliased?/extra\"],\"plain\":[]},"
    "\"authors\":[\"Alice <a@example.com>\",\"Bob\"],\"description\":\"A test crate\","
    "\"documentation\":\"https://docs.example.com/my\",\"homepage\":\"https://example.com\","
    "\"readme\":\"# My crate readme\\n\",\"readme_file\":\"README.md\",\"keywords\":[\"test\",\"registry\"],"
    "\"categories\":[\"development-tools\",\"not-a-category\"],\"license\":null,\"license_file\":\"LICENSE.txt\","
    "\"repository\":\"https://example.com/repo\",\"badges\":{\"maintenance\":{\"status\":\"actively-developed\"}},"
    "\"links\":\"foo\",\"rust_version\":\"1.70\"}";

const QStringList CargoTopLevelKeys = {
    u"name"_s, u"vers"_s, u"deps"_s, u"features"_s, u"authors"_s, u"description"_s, u"documentation"_s,
    u"homepage"_s, u"readme"_s, u"readme_file"_s, u"keywords"_s, u"categories"_s, u"license"_s,
    u"license_file"_s, u"repository"_s, u"badges"_s, u"links"_s, u"rust_version"_s,
};

// Keys of the outermost JSON object in the order they are written (QJsonObject sorts them).
QStringList topLevelKeys(const QByteArray &json)
{
    QStringList keys;
    int depth = 0;
    bool inString = false;
    bool expectKey = false;
    QByteArray current;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json.at(i);
        if (inString) {
            if (c == '\\') {
                current += json.mid(i, 2);
                ++i;
            } else if (c == '"') {
                inString = false;
                if (expectKey)
                    keys << QString::fromUtf8(current);
                expectKey = false;
            } else {
                current += c;
            }
            continue;
        }
        if (c == '"') {
            inString = true;
            current.clear();
        } else if (c == '{' || c == '[') {
            ++depth;
            expectKey = depth == 1;
        } else if (c == '}' || c == ']') {
            --depth;
        } else if (c == ',' && depth == 1) {
            expectKey = true;
        }
    }
    return keys;
}

QByteArray padded(const QByteArray &data)
{
    return data + QByteArray((512 - data.size() % 512) % 512, '\0');
}

QByteArray tarEntry(const QByteArray &name, const QByteArray &data)
{
    QByteArray header(512, '\0');
    memcpy(header.data(), name.constData(), name.size());
    const auto octal = [&header](int offset, int width, qint64 value) {
        const QByteArray digits = QByteArray::number(value, 8).rightJustified(width - 1, '0');
        memcpy(header.data() + offset, digits.constData(), width - 1);
    };
    octal(100, 8, 0644);
    octal(108, 8, 0);
    octal(116, 8, 0);
    octal(124, 12, data.size());
    octal(136, 12, 0);
    header[156] = '0';
    memcpy(header.data() + 257, "ustar  \0", 8);
    memset(header.data() + 148, ' ', 8);
    uint sum = 0;
    for (const char c : std::as_const(header))
        sum += uchar(c);
    octal(148, 7, sum);
    return header + padded(data);
}

QByteArray crateOf(const QList<std::pair<QByteArray, QByteArray>> &files)
{
    QByteArray tar;
    for (const auto &[name, data] : files)
        tar += tarEntry(name, data);
    tar += QByteArray(1024, '\0');
    QByteArray out;
    QBuffer buffer(&out);
    KCompressionDevice device(&buffer, false, KCompressionDevice::GZip);
    if (!device.open(QIODevice::WriteOnly))
        return {};
    device.write(tar);
    device.close();
    return out;
}

QFileInfoList realCrateFiles()
{
    return QDir(TestSupport::realCratesDir()).entryInfoList({u"*.crate"_s}, QDir::Files, QDir::Name);
}

} // namespace

class TestPublishMetadata : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void versionReq_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected"); // null: refused
        const auto row = [](const char *input, const QString &expected) {
            QTest::addRow("\"%s\"", input) << QString::fromUtf8(input) << expected;
        };
        row("0.1", u"^0.1"_s);
        row("0.1.1", u"^0.1.1"_s);
        row("1", u"^1"_s);
        row(" >= 0.1 ,  < 0.3 ", u">=0.1, <0.3"_s);
        row(">= 1.5.2, < 3.0.0", u">=1.5.2, <3.0.0"_s);
        row(">=0.66, <1", u">=0.66, <1"_s);
        row("*", u"*"_s);
        row(" x ", u"*"_s);
        row("0.1.*", u"0.1.*"_s);
        row("1.*", u"1.*"_s);
        row("1.x", u"1.*"_s);
        row("1.2.X", u"1.2.*"_s);
        row("1.*.*", u"1.*"_s);
        row(">=1.*", u">=1"_s);
        row("=1.2.*", u"=1.2"_s);
        row("=0.1.0", u"=0.1.0"_s);
        row("= 0.2.19", u"=0.2.19"_s);
        row("~0.1.0", u"~0.1.0"_s);
        row("~1", u"~1"_s);
        row("^1.2.3", u"^1.2.3"_s);
        row("<=1.4", u"<=1.4"_s);
        row(">1", u">1"_s);
        row("0.2.0-alpha", u"^0.2.0-alpha"_s);
        row("1.0.0-alpha.1.beta-2", u"^1.0.0-alpha.1.beta-2"_s);
        row("1.0.0+build.5", u"^1.0.0"_s);
        row("=1.0.0-rc.1+meta", u"=1.0.0-rc.1"_s);
        row("  1.0  ", u"^1.0"_s);
        row("", QString());
        row("   ", QString());
        row("1.0,", QString());
        row("01.0", QString());
        row("1.00", QString());
        row("1.0.0-01", QString());
        row("1.0.0-", QString());
        row("1.0.0-a..b", QString());
        row("*, 1.0", QString());
        row("1.*.3", QString());
        row("a.b", QString());
        row("v1.0", QString());
        row(">=1.0 <2.0", QString());
        row("1.0 || 2.0", QString());
        row("18446744073709551616", QString());
        row("\t1.0", QString());
        QStringList many;
        for (int i = 0; i < 32; ++i)
            many << u">=1"_s;
        QTest::newRow("32 comparators") << many.join(QChar(u',')) << many.join(u", "_s);
        many << u">=1"_s;
        QTest::newRow("33 comparators") << many.join(QChar(u',')) << QString();
    }

    void versionReq()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QString error;
        const auto normalized = PublishMetadata::normalizeVersionReq(input, &error);
        if (expected.isNull()) {
            QVERIFY2(!normalized, qPrintable(normalized.value_or(QString())));
            QVERIFY(!error.isEmpty());
        } else {
            QVERIFY2(normalized, qPrintable(error));
            QCOMPARE(*normalized, expected);
            // Cargo's display form is a fixed point.
            QCOMPARE(PublishMetadata::normalizeVersionReq(*normalized).value_or(QString()), expected);
        }
    }

    void registry_data()
    {
        QTest::addColumn<QString>("registryIndex"); // null: no registry-index key
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("expected"); // null: omitted
        const QString cratesIo = u"https://github.com/rust-lang/crates.io-index"_s;
        QTest::newRow("crates.io dependency, alt registry") << QString() << LocalIndex << cratesIo;
        QTest::newRow("same registry") << LocalIndex << LocalIndex << QString();
        QTest::newRow("same registry, target without sparse+") << LocalIndex << u"http://127.0.0.1:8765/index/"_s << QString();
        QTest::newRow("same registry, no trailing slash") << LocalIndex << u"sparse+http://127.0.0.1:8765/index"_s << QString();
        QTest::newRow("same registry, host case") << u"sparse+http://Registry.Example/index/"_s << u"sparse+http://registry.example/index/"_s << QString();
        QTest::newRow("other registry") << u"sparse+https://other.example/index/"_s << LocalIndex << u"sparse+https://other.example/index/"_s;
        QTest::newRow("other path, same host") << u"sparse+http://127.0.0.1:8765/other/"_s << LocalIndex << u"sparse+http://127.0.0.1:8765/other/"_s;
        QTest::newRow("explicit crates.io, alt registry") << cratesIo << LocalIndex << cratesIo;
        QTest::newRow("crates.io dependency, publishing to crates.io") << QString() << cratesIo << QString();
        QTest::newRow("crates.io dependency, crates.io sparse") << QString() << u"sparse+https://index.crates.io/"_s << QString();
        QTest::newRow("alt dependency, publishing to crates.io") << LocalIndex << cratesIo << LocalIndex;
    }

    void registry()
    {
        QFETCH(QString, registryIndex);
        QFETCH(QString, target);
        QFETCH(QString, expected);
        const auto index = registryIndex.isNull() ? std::nullopt : std::optional<QString>(registryIndex);
        const auto registry = PublishMetadata::dependencyRegistry(index, target);
        QCOMPARE(registry.has_value(), !expected.isNull());
        if (registry)
            QCOMPARE(*registry, expected);
    }

    void platform_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("expected");
        QTest::newRow("name") << u"cfg(unix)"_s << u"cfg(unix)"_s;
        QTest::newRow("key pair") << u"cfg(target_os=\"linux\")"_s << u"cfg(target_os = \"linux\")"_s;
        QTest::newRow("all") << u"cfg(all(unix,target_arch  =  \"x86_64\"))"_s << u"cfg(all(unix, target_arch = \"x86_64\"))"_s;
        QTest::newRow("trailing comma") << u"cfg( any( windows , unix , ) )"_s << u"cfg(any(windows, unix))"_s;
        QTest::newRow("empty any") << u"cfg(any())"_s << u"cfg(any())"_s;
        QTest::newRow("not") << u"cfg(not(target_family = \"wasm\"))"_s << u"cfg(not(target_family = \"wasm\"))"_s;
        QTest::newRow("triple") << u"x86_64-pc-windows-msvc"_s << u"x86_64-pc-windows-msvc"_s;
        QTest::newRow("unbalanced kept") << u"cfg(all(unix)"_s << u"cfg(all(unix)"_s;
        QTest::newRow("not with two kept") << u"cfg(not(unix, windows))"_s << u"cfg(not(unix, windows))"_s;
    }

    void platform()
    {
        QFETCH(QString, target);
        QFETCH(QString, expected);
        QCOMPARE(PublishMetadata::normalizePlatform(target), expected);
    }

    // The reference's example, byte for byte, from its normalized manifest.
    void referenceExample()
    {
        const auto manifest = CargoManifest::parse(ReferenceManifest);
        QVERIFY2(manifest.isOk(), qPrintable(manifest.error.message));
        const auto result = PublishMetadata::fromManifest(*manifest.manifest, u"# My crate readme\n"_s, LocalIndex);
        QVERIFY2(result.isOk(), qPrintable(result.error));
        QCOMPARE(result.metadata->toJson(), ReferenceJson);
        QVERIFY(!QJsonDocument::fromJson(ReferenceJson).isNull());
    }

    // Pitfall 11: publish JSON has name = real package and explicit_name_in_toml = alias.
    void renamedDependency()
    {
        const auto manifest = CargoManifest::parse(ReferenceManifest);
        QVERIFY(manifest.isOk());
        const auto result = PublishMetadata::fromManifest(*manifest.manifest, std::nullopt, LocalIndex);
        QVERIFY(result.isOk());
        const auto &deps = result.metadata->deps;
        QCOMPARE(deps.size(), 4); // the path-only dev-dependency is not sent
        QCOMPARE(deps.at(0).name, u"cio-dep"_s);
        QCOMPARE(deps.at(0).explicitNameInToml, std::optional<QString>(u"aliased"_s));
        QCOMPARE(deps.at(1).name, u"dep-a"_s);
        QVERIFY(!deps.at(1).explicitNameInToml);

        const QJsonArray json = QJsonDocument::fromJson(result.metadata->toJson()).object().value(u"deps"_s).toArray();
        QCOMPARE(json.at(0).toObject().value(u"name"_s).toString(), u"cio-dep"_s);
        QCOMPARE(json.at(0).toObject().value(u"explicit_name_in_toml"_s).toString(), u"aliased"_s);
        // Omitted, not null, when not renamed; likewise registry for the target registry.
        QVERIFY(!json.at(1).toObject().contains(u"explicit_name_in_toml"_s));
        QVERIFY(!json.at(1).toObject().contains(u"registry"_s));
        QVERIFY(!result.metadata->readme);
        QVERIFY(result.metadata->toJson().contains("\"readme\":null,\"readme_file\":\"README.md\""));
    }

    void jsonEscaping()
    {
        PublishMetadata metadata;
        metadata.name = u"esc"_s;
        metadata.vers = u"1.0.0"_s;
        metadata.description = u"q\"b\\s/n\nt\tc\x01 e\u00e9 \U0001F980 \x7f"_s;
        metadata.features.insert(u"\u00e9"_s, {});
        metadata.features.insert(u"z"_s, {});
        metadata.features.insert(u"\U0001F980"_s, {});
        metadata.features.insert(u"\uff5e"_s, {});
        const QByteArray json = metadata.toJson();
        QVERIFY2(json.contains("\"description\":\"q\\\"b\\\\s/n\\nt\\tc\\u0001 e\xc3\xa9 \xf0\x9f\xa6\x80 \x7f\""), json.constData());
        // Keys in UTF-8 byte order (U+FF5E before U+1F980), not UTF-16 order.
        QVERIFY2(json.contains("\"features\":{\"z\":[],\"\xc3\xa9\":[],\"\xef\xbd\x9e\":[],\"\xf0\x9f\xa6\x80\":[]}"), json.constData());
        QCOMPARE(QJsonDocument::fromJson(json).object().value(u"description"_s).toString(), *metadata.description);
    }

    void framing_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QByteArray>("crate");
        QTest::newRow("reference") << ReferenceJson << QByteArray("\x1f\x8b\x08 crate bytes", 15);
        QTest::newRow("empty crate") << QByteArray("{}") << QByteArray();
        QTest::newRow("large") << QByteArray(70000, 'j') << QByteArray(300000, 'c');
    }

    void framing()
    {
        QFETCH(QByteArray, json);
        QFETCH(QByteArray, crate);
        const QByteArray body = PublishMetadata::frame(json, crate);
        QCOMPARE(body.size(), 8 + json.size() + crate.size());
        QCOMPARE(qFromLittleEndian<quint32>(body.constData()), quint32(json.size()));
        QCOMPARE(body.mid(4, json.size()), json);
        QCOMPARE(qFromLittleEndian<quint32>(body.constData() + 4 + json.size()), quint32(crate.size()));
        const auto parts = PublishMetadata::unframe(body);
        QVERIFY(parts);
        QCOMPARE(parts->json, json);
        QCOMPARE(parts->crate, crate);
        // Every cut and any trailing byte breaks the length accounting.
        QVERIFY(!PublishMetadata::unframe(body.left(body.size() - 1)));
        QVERIFY(!PublishMetadata::unframe(body + 'x'));
        QVERIFY(!PublishMetadata::unframe(body.left(7)));
    }

    void framingMatchesTheReferenceCapture()
    {
        // reqtest 1.0.0 on the wire: d8 03 00 00 = 984 bytes of JSON, aa 04 00 00 = 1194 of crate.
        const QByteArray body = PublishMetadata::frame(QByteArray(984, '{'), QByteArray(1194, '\x1f'));
        QCOMPARE(body.left(4), QByteArray("\xd8\x03\x00\x00", 4));
        QCOMPARE(body.mid(4 + 984, 4), QByteArray("\xaa\x04\x00\x00", 4));
    }

    void fromArchive()
    {
        const QByteArray crate = crateOf({{"My_Crate-0.2.0-beta.1+build.5/Cargo.toml", ReferenceManifest},
                                          {"My_Crate-0.2.0-beta.1+build.5/LICENSE.txt", "license"},
                                          {"My_Crate-0.2.0-beta.1+build.5/README.md", "# My crate readme\n"},
                                          {"My_Crate-0.2.0-beta.1+build.5/src/lib.rs", ""}});
        const auto archive = CrateArchive::fromBytes(crate);
        QVERIFY2(archive.isOk(), qPrintable(archive.error.message));
        const auto result = PublishMetadata::fromArchive(*archive.archive, LocalIndex);
        QVERIFY2(result.isOk(), qPrintable(result.error));
        QCOMPARE(result.metadata->toJson(), ReferenceJson);

        const QByteArray body = PublishMetadata::frame(result.metadata->toJson(), archive.archive->crateBytes());
        QCOMPARE(PublishMetadata::unframe(body)->crate, crate);
    }

    void fromArchiveRefuses_data()
    {
        QTest::addColumn<QByteArray>("manifest");
        QTest::addColumn<bool>("withReadme");
        QTest::addColumn<QString>("message");
        const QByteArray head = "[package]\nname = \"foo\"\nversion = \"1.0.0\"\n";
        QTest::newRow("readme missing") << head + "readme = \"docs/README.md\"\n" << false
                                        << u"the readme \"docs/README.md\" named in foo-1.0.0/Cargo.toml is not in the package"_s;
        QTest::newRow("license file missing") << head + "license-file = \"LICENSE\"\n" << true
                                              << u"the license file \"LICENSE\" does not exist in the package"_s;
        QTest::newRow("bad requirement") << head + "[dependencies]\nserde = \">=1.0 <2.0\"\n" << true
                                         << u"dependency \"serde\" has the invalid version requirement \">=1.0 <2.0\""_s;
        QTest::newRow("registry by name") << head + "[dependencies.serde]\nversion = \"1\"\nregistry = \"local\"\n" << true
                                          << u"names the registry \"local\" rather than its index URL"_s;
        QTest::newRow("other package") << QByteArray("[package]\nname = \"bar\"\nversion = \"1.0.0\"\n") << true
                                       << u"foo-1.0.0/Cargo.toml describes bar 1.0.0, but the package folder is foo-1.0.0"_s;
        QTest::newRow("broken toml") << head + "[dependencies\n" << true << u"foo-1.0.0/Cargo.toml:4:"_s;
    }

    void fromArchiveRefuses()
    {
        QFETCH(QByteArray, manifest);
        QFETCH(bool, withReadme);
        QFETCH(QString, message);
        QList<std::pair<QByteArray, QByteArray>> files = {{"foo-1.0.0/Cargo.toml", manifest}};
        if (withReadme)
            files.append(std::pair<QByteArray, QByteArray>("foo-1.0.0/README.md", "readme"));
        const auto archive = CrateArchive::fromBytes(crateOf(files));
        QVERIFY2(archive.isOk(), qPrintable(archive.error.message));
        const auto result = PublishMetadata::fromArchive(*archive.archive, LocalIndex);
        QVERIFY(!result.isOk());
        QVERIFY2(result.error.contains(message), qPrintable(result.error));
    }

    void readmeByConvention()
    {
        const QByteArray head = "[package]\nname = \"foo\"\nversion = \"1.0.0\"\n";
        const auto withFile = CrateArchive::fromBytes(crateOf({{"foo-1.0.0/Cargo.toml", head}, {"foo-1.0.0/README.txt", "text"}}));
        QVERIFY(withFile.isOk());
        const auto found = PublishMetadata::fromArchive(*withFile.archive, LocalIndex);
        QVERIFY2(found.isOk(), qPrintable(found.error));
        QCOMPARE(found.metadata->readmeFile, std::optional<QString>(u"README.txt"_s));
        QCOMPARE(found.metadata->readme, std::optional<QString>(u"text"_s));

        const auto disabled = CrateArchive::fromBytes(
            crateOf({{"foo-1.0.0/Cargo.toml", head + "readme = false\n"}, {"foo-1.0.0/README.md", "ignored"}}));
        QVERIFY(disabled.isOk());
        const auto none = PublishMetadata::fromArchive(*disabled.archive, LocalIndex);
        QVERIFY2(none.isOk(), qPrintable(none.error));
        QVERIFY(none.metadata->toJson().contains("\"readme\":null,\"readme_file\":null"));
    }

    void realCrates_data()
    {
        QTest::addColumn<QString>("path");
        const QFileInfoList crates = realCrateFiles();
        QVERIFY2(crates.size() >= 30, qPrintable(u"only %1 crates in %2"_s.arg(crates.size()).arg(TestSupport::realCratesDir())));
        for (const QFileInfo &info : crates)
            QTest::newRow(qPrintable(info.fileName())) << info.absoluteFilePath();
    }

    // Every genuine crate gives valid JSON with exactly cargo's fields, in cargo's order.
    void realCrates()
    {
        QFETCH(QString, path);
        const auto archive = CrateArchive::open(path);
        QVERIFY2(archive.isOk(), qPrintable(archive.error.message));
        const auto result = PublishMetadata::fromArchive(*archive.archive, LocalIndex);
        QVERIFY2(result.isOk(), qPrintable(result.error));
        const QByteArray json = result.metadata->toJson();
        QJsonParseError error;
        const QJsonObject object = QJsonDocument::fromJson(json, &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QCOMPARE(topLevelKeys(json), CargoTopLevelKeys);
        QCOMPARE(object.value(u"name"_s).toString(), archive.archive->name());
        QCOMPARE(object.value(u"vers"_s).toString(), archive.archive->version());
        for (const QJsonValue &value : object.value(u"deps"_s).toArray()) {
            const QJsonObject dep = value.toObject();
            const QStringList keys = dep.keys();
            for (const QString &key : {u"optional"_s, u"default_features"_s, u"name"_s, u"features"_s, u"version_req"_s,
                                       u"target"_s, u"kind"_s})
                QVERIFY2(keys.contains(key), qPrintable(key));
            // Nothing in these crates names a registry, so all are crates.io dependencies.
            QCOMPARE(dep.value(u"registry"_s).toString(), CratesIo::gitIndexUrl());
            QVERIFY(PublishMetadata::normalizeVersionReq(dep.value(u"version_req"_s).toString()));
        }
    }

    void serdeJson()
    {
        const QStringList found = QDir(TestSupport::realCratesDir()).entryList({u"serde_json-*.crate"_s});
        QCOMPARE(found.size(), 1);
        const auto archive = CrateArchive::open(TestSupport::realCratesDir() + u'/' + found.first());
        QVERIFY(archive.isOk());
        const auto result = PublishMetadata::fromArchive(*archive.archive, LocalIndex);
        QVERIFY2(result.isOk(), qPrintable(result.error));
        const PublishMetadata &m = *result.metadata;
        QCOMPARE(m.name, u"serde_json"_s);
        QCOMPARE(m.readmeFile, std::optional<QString>(u"README.md"_s));
        QCOMPARE(m.readme.value_or(QString()).toUtf8(), archive.archive->fileData(u"README.md"_s, 1 << 20).value());
        QVERIFY(m.description && m.license && m.repository && m.documentation && m.rustVersion);
        QVERIFY(!m.keywords.isEmpty() && !m.categories.isEmpty() && !m.authors.isEmpty());
        QVERIFY(m.features.contains(u"std"_s));
        const auto serde = std::find_if(m.deps.begin(), m.deps.end(), [](const auto &dep) { return dep.name == u"serde"_s && dep.kind == u"normal"_s; });
        QVERIFY(serde != m.deps.end());
        QVERIFY2(serde->versionReq.startsWith(u'^'), qPrintable(serde->versionReq));
        QVERIFY(std::any_of(m.deps.begin(), m.deps.end(), [](const auto &dep) { return dep.kind == u"dev"_s; }));
    }
};

QTEST_GUILESS_MAIN(TestPublishMetadata)
#include "tst_publishmetadata.moc"
