// SPDX-License-Identifier: GPL-3.0-or-later
// CargoManifest on the normalized manifests inside genuine crates and on hand-written ones.
#include "crate/cargomanifest.h"
#include "crate/cratearchive.h"
#include "testsupport.h"

#include <QDir>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

using Dependency = CargoManifest::Dependency;
using Kind = CargoManifest::Dependency::Kind;

namespace {

QFileInfoList realCrates()
{
    return QDir(TestSupport::realCratesDir()).entryInfoList({u"*.crate"_s}, QDir::Files, QDir::Name);
}

// The one real crate whose file name starts with "NAME-<digit>".
std::optional<CrateArchive> realArchive(const QString &name)
{
    for (const QFileInfo &info : realCrates()) {
        if (QRegularExpression(u"^%1-[0-9]"_s.arg(QRegularExpression::escape(name))).match(info.fileName()).hasMatch())
            return CrateArchive::open(info.absoluteFilePath()).archive;
    }
    return std::nullopt;
}

// The manifest of the one real crate whose file name starts with "NAME-<digit>".
std::optional<CargoManifest> realManifest(const QString &name)
{
    for (const QFileInfo &info : realCrates()) {
        if (!QRegularExpression(u"^%1-[0-9]"_s.arg(QRegularExpression::escape(name))).match(info.fileName()).hasMatch())
            continue;
        const auto archive = CrateArchive::open(info.absoluteFilePath());
        if (!archive.isOk())
            return std::nullopt;
        return CargoManifest::parse(archive.archive->manifestBytes()).manifest;
    }
    return std::nullopt;
}

std::optional<Dependency> findDependency(const CargoManifest &manifest, const QString &name, Kind kind,
                                         const std::optional<QString> &target = std::nullopt)
{
    for (const Dependency &dep : manifest.dependencies) {
        if (dep.name == name && dep.kind == kind && dep.target == target)
            return dep;
    }
    return std::nullopt;
}

} // namespace

class TestCargoManifest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void realManifests_data()
    {
        QTest::addColumn<QString>("path");
        const QFileInfoList crates = realCrates();
        QVERIFY2(crates.size() >= 30, qPrintable(u"only %1 crates in %2"_s.arg(crates.size()).arg(TestSupport::realCratesDir())));
        for (const QFileInfo &info : crates)
            QTest::newRow(qPrintable(info.fileName())) << info.absoluteFilePath();
    }

    void realManifests()
    {
        QFETCH(QString, path);
        const auto archive = CrateArchive::open(path);
        QVERIFY2(archive.isOk(), qPrintable(archive.error.message));
        const auto result = CargoManifest::parse(archive.archive->manifestBytes(), archive.archive->topDirectory() + u"/Cargo.toml"_s);
        QVERIFY2(result.isOk(), qPrintable(result.error.message));
        QCOMPARE(result.manifest->name + u'-' + result.manifest->version, archive.archive->topDirectory());
        // Cargo writes every dependency table sorted, and the reader keeps cargo's table order.
        QList<Kind> order;
        for (const Dependency &dep : result.manifest->dependencies) {
            QVERIFY(!dep.name.isEmpty());
            QVERIFY2(!dep.registry, qPrintable(dep.name)); // normalized: registry-index only
            if (!dep.target)
                order.append(dep.kind);
        }
        QVERIFY(std::is_sorted(order.begin(), order.end()));
    }

    void renamedDependencies_data()
    {
        QTest::addColumn<QString>("crate");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("package");
        QTest::addColumn<QString>("version");
        QTest::addColumn<bool>("optional");
        QTest::addColumn<bool>("defaultFeatures");
        QTest::newRow("rustls-webpki") << u"rustls-webpki"_s << u"pki-types"_s << u"rustls-pki-types"_s << u"1.7"_s << false << false;
        QTest::newRow("getrandom") << u"getrandom"_s << u"core"_s << u"rustc-std-workspace-core"_s << u"1.0"_s << true << true;
    }

    void renamedDependencies()
    {
        QFETCH(QString, crate);
        QFETCH(QString, key);
        QFETCH(QString, package);
        QFETCH(QString, version);
        QFETCH(bool, optional);
        QFETCH(bool, defaultFeatures);
        const auto manifest = realManifest(crate);
        QVERIFY(manifest);
        const auto dep = findDependency(*manifest, key, Kind::Normal);
        QVERIFY(dep);
        QCOMPARE(dep->package, std::optional<QString>(package));
        QCOMPARE(dep->packageName(), package);
        QCOMPARE(dep->versionRequirement, version);
        QCOMPARE(dep->optional, optional);
        QCOMPARE(dep->defaultFeatures, defaultFeatures);
    }

    void someRealCrateRenamesADependency()
    {
        int renamed = 0;
        for (const QFileInfo &info : realCrates()) {
            const auto archive = CrateArchive::open(info.absoluteFilePath());
            QVERIFY(archive.isOk());
            const auto manifest = CargoManifest::parse(archive.archive->manifestBytes()).manifest;
            QVERIFY(manifest);
            renamed += std::count_if(manifest->dependencies.begin(), manifest->dependencies.end(),
                                     [](const Dependency &dep) { return dep.package.has_value(); });
        }
        QVERIFY2(renamed >= 5, qPrintable(QString::number(renamed)));
    }

    void links_data()
    {
        QTest::addColumn<QString>("crate");
        QTest::addColumn<QString>("links");
        QTest::newRow("openssl-sys") << u"openssl-sys"_s << u"openssl"_s;
        QTest::newRow("libz-sys") << u"libz-sys"_s << u"z"_s;
        QTest::newRow("zstd-sys") << u"zstd-sys"_s << u"zstd"_s;
        QTest::newRow("libgit2-sys") << u"libgit2-sys"_s << u"git2"_s;
    }

    void links()
    {
        QFETCH(QString, crate);
        QFETCH(QString, links);
        const auto manifest = realManifest(crate);
        QVERIFY(manifest);
        QCOMPARE(manifest->links, std::optional<QString>(links));
        // A links key needs a build script, which in these crates needs build-dependencies.
        QVERIFY(std::any_of(manifest->dependencies.begin(), manifest->dependencies.end(),
                            [](const Dependency &dep) { return dep.kind == Kind::Build; }));
    }

    void buildDependencies()
    {
        const auto manifest = realManifest(u"openssl-sys"_s);
        QVERIFY(manifest);
        const auto cc = findDependency(*manifest, u"cc"_s, Kind::Build);
        QVERIFY(cc);
        QCOMPARE(cc->versionRequirement, u"1.0.61"_s);
        const auto bindgen = findDependency(*manifest, u"bindgen"_s, Kind::Build);
        QVERIFY(bindgen);
        QCOMPARE(bindgen->versionRequirement, u">= 0.69, < 1.0"_s);
        QVERIFY(bindgen->optional);
        QCOMPARE(bindgen->features, QStringList{u"experimental"_s});
        QVERIFY(!findDependency(*manifest, u"cc"_s, Kind::Normal));
    }

    void targetDependencies()
    {
        const auto tokio = realManifest(u"tokio"_s);
        QVERIFY(tokio);
        QStringList targets;
        for (const Dependency &dep : tokio->dependencies) {
            if (dep.target && !targets.contains(*dep.target))
                targets << *dep.target;
        }
        QVERIFY2(targets.contains(u"cfg(unix)"_s), qPrintable(targets.join(u" | "_s)));
        QVERIFY(findDependency(*tokio, u"libc"_s, Kind::Normal, u"cfg(unix)"_s));
        // Targets come after the plain tables and in key order, as cargo processes them.
        const auto firstTarget = std::find_if(tokio->dependencies.begin(), tokio->dependencies.end(),
                                              [](const Dependency &dep) { return dep.target.has_value(); });
        QVERIFY(std::none_of(firstTarget, tokio->dependencies.end(), [](const Dependency &dep) { return !dep.target; }));
        QStringList seen;
        for (auto it = firstTarget; it != tokio->dependencies.end(); ++it) {
            if (seen.isEmpty() || seen.last() != *it->target)
                seen << *it->target;
        }
        QStringList sorted = seen;
        std::sort(sorted.begin(), sorted.end(), [](const QString &a, const QString &b) { return a.toUtf8() < b.toUtf8(); });
        QCOMPARE(seen, sorted);
    }

    void manyFeatures()
    {
        const auto webSys = realManifest(u"web-sys"_s);
        QVERIFY(webSys);
        QVERIFY2(webSys->features.size() > 1000, qPrintable(QString::number(webSys->features.size())));
    }

    void handWrittenManifest()
    {
        // (No raw string: moc cannot parse this one and would skip the test class.)
        const QByteArray toml =
            "\n"
            "[project]\n"
            "name = \"My_Crate\"\n"
            "version = \"0.2.0-beta.1+build.5\"\n"
            "authors = [\"Alice <a@example.com>\", \"Bob\"]\n"
            "description = \"A test crate\"\n"
            "license-file = \"LICENSE.txt\"\n"
            "readme = true\n"
            "keywords = [\"test\"]\n"
            "publish = [\"local\", \"other\"]\n"
            "rust-version = \"1.70\"\n"
            "edition = \"2021\"\n"
            "links = \"foo\"\n"
            "\n"
            "[project.metadata.workspace]\n"
            "anything = true\n"
            "\n"
            "[features]\n"
            "default = [\"fancy\"]\n"
            "fancy = [\"dep:aliased\", \"aliased?/extra\"]\n"
            "\n"
            "[badges.maintenance]\n"
            "status = \"actively-developed\"\n"
            "\n"
            "[dependencies]\n"
            "plain = \"0.1\"\n"
            "aliased = { version = \"0.1.1\", package = \"cio-dep\", optional = true, default_features = false, features = [\"extra\"] }\n"
            "\n"
            "[dependencies.local]\n"
            "version = \"1\"\n"
            "registry-index = \"sparse+http://127.0.0.1:8765/index/\"\n"
            "\n"
            "[dev_dependencies.tester]\n"
            "version = \"2\"\n"
            "\n"
            "[build-dependencies.dep-a]\n"
            "version = \" >= 0.1 ,  < 0.3 \"\n"
            "\n"
            "[target.'cfg(unix)'.dependencies.dep-a]\n"
            "version = \"~0.1.0\"\n"
            "\n";
        const auto result = CargoManifest::parse(toml);
        QVERIFY2(result.isOk(), qPrintable(result.error.message));
        const CargoManifest &m = *result.manifest;
        QCOMPARE(m.name, u"My_Crate"_s);
        QCOMPARE(m.version, u"0.2.0-beta.1+build.5"_s);
        QCOMPARE(m.authors, QStringList({u"Alice <a@example.com>"_s, u"Bob"_s}));
        QCOMPARE(m.description, std::optional<QString>(u"A test crate"_s));
        QVERIFY(!m.license);
        QCOMPARE(m.licenseFile, std::optional<QString>(u"LICENSE.txt"_s));
        QCOMPARE(m.readme, std::optional<QString>(u"README.md"_s));
        QVERIFY(!m.readmeDisabled);
        QCOMPARE(m.keywords, QStringList{u"test"_s});
        QCOMPARE(m.categories, QStringList());
        QCOMPARE(m.publish, std::optional<QStringList>({u"local"_s, u"other"_s}));
        QCOMPARE(m.rustVersion, std::optional<QString>(u"1.70"_s));
        QCOMPARE(m.edition, std::optional<QString>(u"2021"_s));
        QCOMPARE(m.links, std::optional<QString>(u"foo"_s));
        QVERIFY(!m.homepage);
        QCOMPARE(m.features.value(u"fancy"_s), QStringList({u"dep:aliased"_s, u"aliased?/extra"_s}));
        QCOMPARE(m.badges.value(u"maintenance"_s).value(u"status"_s), u"actively-developed"_s);

        QStringList deps;
        for (const Dependency &dep : m.dependencies) {
            deps << u"%1 %2 %3 [%4] %5 opt=%6 df=%7 feat=%8 reg=%9"_s.arg(
                int(dep.kind) == 0 ? u"normal"_s : int(dep.kind) == 1 ? u"dev"_s : u"build"_s, dep.name,
                dep.package.value_or(u"-"_s), dep.versionRequirement, dep.target.value_or(u"-"_s),
                dep.optional ? u"y"_s : u"n"_s, dep.defaultFeatures ? u"y"_s : u"n"_s, dep.features.join(u','),
                dep.registryIndex.value_or(u"-"_s));
        }
        const QStringList expected = {
            u"normal aliased cio-dep [0.1.1] - opt=y df=n feat=extra reg=-"_s,
            u"normal local - [1] - opt=n df=y feat= reg=sparse+http://127.0.0.1:8765/index/"_s,
            u"normal plain - [0.1] - opt=n df=y feat= reg=-"_s,
            u"dev tester - [2] - opt=n df=y feat= reg=-"_s,
            u"build dep-a - [ >= 0.1 ,  < 0.3 ] - opt=n df=y feat= reg=-"_s,
            u"normal dep-a - [~0.1.0] cfg(unix) opt=n df=y feat= reg=-"_s,
        };
        QCOMPARE(deps, expected);
    }

    void readmeAndPublishFlags()
    {
        const auto off = CargoManifest::parse("[package]\nname = \"a\"\nversion = \"1.0.0\"\nreadme = false\npublish = false\n");
        QVERIFY2(off.isOk(), qPrintable(off.error.message));
        QVERIFY(off.manifest->readmeDisabled);
        QVERIFY(!off.manifest->readme);
        QCOMPARE(off.manifest->publish, std::optional<QStringList>(QStringList()));

        const auto unset = CargoManifest::parse("[package]\nname = \"a\"\n");
        QVERIFY2(unset.isOk(), qPrintable(unset.error.message));
        QCOMPARE(unset.manifest->version, u"0.0.0"_s);
        QVERIFY(!unset.manifest->readmeDisabled);
        QVERIFY(!unset.manifest->readme);
        QVERIFY(!unset.manifest->publish);
    }

    // The readme (and a license file, which no crate of the fixture names) read from the package.
    void readTextsOfRealCrates()
    {
        int readmes = 0;
        for (const QFileInfo &info : realCrates()) {
            const auto archive = CrateArchive::open(info.absoluteFilePath());
            QVERIFY2(archive.isOk(), qPrintable(archive.error.message));
            const auto manifest = CargoManifest::parse(archive.archive->manifestBytes());
            QVERIFY2(manifest.isOk(), qPrintable(manifest.error.message));
            const auto texts = manifest.manifest->readTexts(*archive.archive);
            QVERIFY2(texts.error.isEmpty(), qPrintable(info.fileName() + u": "_s + texts.error));
            if (manifest.manifest->readme) {
                QVERIFY2(texts.readme, qPrintable(info.fileName()));
                QCOMPARE(texts.readme->text.toUtf8(), archive.archive->fileData(texts.readme->path, 1 << 30).value());
                ++readmes;
            }
        }
        QVERIFY(readmes >= 30);
        const auto either = realArchive(u"either"_s);
        QVERIFY(either);
        const auto texts = CargoManifest::parse(either->manifestBytes()).manifest->readTexts(*either);
        QCOMPARE(texts.readme->path, u"README-crates.io.md"_s);
    }

    void readTexts()
    {
        const auto cfgIf = realArchive(u"cfg-if"_s);
        QVERIFY(cfgIf);
        CargoManifest manifest = *CargoManifest::parse(cfgIf->manifestBytes()).manifest;

        manifest.readme.reset(); // no key: cargo's conventional names
        manifest.licenseFile = u"./LICENSE-MIT"_s;
        auto texts = manifest.readTexts(*cfgIf);
        QVERIFY2(texts.error.isEmpty(), qPrintable(texts.error));
        QCOMPARE(texts.readme->path, u"README.md"_s);
        QCOMPARE(texts.licenseFile->path, u"LICENSE-MIT"_s);
        QVERIFY(texts.licenseFile->text.contains(u"Permission is hereby granted"_s));

        manifest.readmeDisabled = true;
        manifest.licenseFile = u"LICENSE"_s;
        texts = manifest.readTexts(*cfgIf);
        QVERIFY(!texts.readme);
        QVERIFY(!texts.licenseFile);
        QCOMPARE(texts.error, u"the license file \"LICENSE\" is not in the package"_s);

        manifest.readmeDisabled = false;
        manifest.readme = u"README.md"_s;
        manifest.licenseFile.reset();
        texts = manifest.readTexts(*cfgIf, 100);
        QVERIFY(!texts.readme);
        QVERIFY2(texts.error.startsWith(u"the readme \"README.md\" is "_s) && texts.error.endsWith(u"more than the 100 allowed"_s),
                 qPrintable(texts.error));

        const auto flate2 = realArchive(u"flate2"_s);
        QVERIFY(flate2);
        CargoManifest binary = *CargoManifest::parse(flate2->manifestBytes()).manifest;
        binary.readme = u"tests/good-file.gz"_s;
        QCOMPARE(binary.readTexts(*flate2).error, u"the readme \"tests/good-file.gz\" is not valid UTF-8"_s);
    }

    // The depth guard counts only dots that join key parts: not those in strings, comments,
    // floats or dates.
    void manyDotsThatAreNotKeys()
    {
        const QByteArray dots(500, '.');
        QByteArray floats;
        for (int i = 0; i < 300; ++i)
            floats += QByteArray::number(i) + ".5, ";
        const QByteArray toml = "[package] # " + dots + " \xce\xbf\nname = \"a\xce\xbf\"\ndescription = \"" + dots + "\"\n"
            "documentation = '" + dots + "'\nreadme = \"\"\"\n" + dots + "\n\\\n" + dots + "\"\"\"\n"
            "[package.metadata]\nnested = [\n[+1, -2],\n[{ a = [] }],\n[ ],\n]\ntable = { x = [['[', \"]\"]] }\n"
            "floats = [" + floats + "]\nwhen = 1979-05-27T07:32:00.999999Z\n"
            // A space instead of the T, a comment in any language after it, dates in arrays.
            "spaced = 1979-05-27 07:32:00 # \xc2\xa7 \xce\xbf\ndays = [1979-05-27 07:32:00, 1979-05-28, 1979-05-29 00:00:00Z]\n"
            "a.b.c.d.e.f.g.h = '''" + dots + "'''\n";
        const auto result = CargoManifest::parse(toml);
        QVERIFY2(result.isOk(), qPrintable(result.error.message));
        QCOMPARE(result.manifest->description.value(), QString::fromLatin1(dots));
    }

    void brokenManifests_data()
    {
        QTest::addColumn<QByteArray>("toml");
        QTest::addColumn<QString>("message"); // a regular expression
        QTest::newRow("missing equals") << QByteArray("[package]\nname \"foo\"\n") << u"^Cargo\\.toml:2:6: .*expected '='"_s;
        QTest::newRow("unterminated string") << QByteArray("[package]\nname = \"foo\nversion = \"1.0.0\"\n")
                                             << u"^Cargo\\.toml:2:\\d+: .*string"_s;
        QTest::newRow("duplicate key") << QByteArray("[package]\nname = \"a\"\nname = \"b\"\n") << u"^Cargo\\.toml:3:\\d+: .*name"_s;
        QTest::newRow("not UTF-8") << QByteArray("[package]\nname = \"\xff\"\n") << u"^Cargo\\.toml:2:\\d+: "_s;
        // Hostile shapes a fuzzer tries first: nesting deep enough to exhaust the stack of a
        // recursive parser, dotted keys as deep, and a NUL byte.
        QTest::newRow("arrays nested 100000 deep") << QByteArray("[package]\nname = \"a\"\nx = " + QByteArray(100000, '['))
                                                   << u"^Cargo\\.toml:3:\\d+: "_s;
        QTest::newRow("inline tables nested 100000 deep")
            << QByteArray("[package]\nname = \"a\"\nx = " + QByteArray("{a=").repeated(100000)) << u"^Cargo\\.toml:3:\\d+: "_s;
        // Regression (fuzz_cargomanifest): toml++ overflowed its stack on these.
        QTest::newRow("dotted key 100000 deep") << QByteArray("[package]\nname = \"a\"\n" + QByteArray("a.").repeated(100000) + "b = 1\n")
                                                << u"^Cargo\\.toml:3:256: a dotted key or table name with more than 128 parts$"_s;
        QTest::newRow("table name 100000 deep") << QByteArray("[package]\nname = \"a\"\n[" + QByteArray("'a' . ").repeated(100000) + "b]\n")
                                                << u"^Cargo\\.toml:3:\\d+: a dotted key or table name with more than 128 parts$"_s;
        QTest::newRow("table header without a key") << QByteArray("# THIS FILd, rwastoget_arch = \\\"= rute }\n[:bi/.tpavis.yml\",\n    \"/appveyr")
                                                    << u"^Cargo\\.toml:2:2: a table header must start with a key, not ':'$"_s;
        QTest::newRow("array-of-tables header without a key") << QByteArray("[package]\nname = \"a\"\n[[ +x]]\n")
                                                              << u"^Cargo\\.toml:3:4: a table header must start with a key, not '\\+'$"_s;
        QTest::newRow("non-ASCII bare key") << QByteArray("M\xce\xbf") << u"^Cargo\\.toml:1:2: a non-ASCII character outside a string or comment$"_s;
        QTest::newRow("non-ASCII space") << QByteArray("[package]\nname =\xe3\x80\x80\"a\"\n") << u"^Cargo\\.toml:2:7: a non-ASCII character"_s;
        QTest::newRow("non-ASCII in a string toml++ does not see") << QByteArray("n =+\"0.1\xd2\x99ors")
                                                                  << u"^Cargo\\.toml:1:\\d+: a non-ASCII character outside a string or comment$"_s;
        // Regression (fuzz_cargolock): in a bare value toml++ reads quotes, '=', ',' inside
        // it as part of the token and asks "whitespace?" of every character, so U+00A1 after
        // `="` reached __builtin_unreachable(). Siblings: every character that looked like the
        // start of a string there.
        QTest::newRow("a quote after '=' inside a bare value") << QByteArray("name = +l+h:/a?u/canch=\"\xc2\xa1\"\n")
                                                             << u"^Cargo\\.toml:1:25: a non-ASCII character outside a string or comment$"_s;
        QTest::newRow("a quote after '.' inside a bare value") << QByteArray("name = +x.\"\xef\xbb\xb7\"\n")
                                                             << u"^Cargo\\.toml:1:12: a non-ASCII character"_s;
        QTest::newRow("a quote after '[' inside a bare value") << QByteArray("x = [1, 2a[\"\xe3\x81\x80\"]]\n")
                                                             << u"^Cargo\\.toml:1:13: a non-ASCII character"_s;
        QTest::newRow("a quote after '{' inside a bare value") << QByteArray("x = 1{'\xd0\x80'\n")
                                                             << u"^Cargo\\.toml:1:8: a non-ASCII character"_s;
        QTest::newRow("table name and dotted key 140 deep together")
            << QByteArray("[package]\nname = \"a\"\n[" + QByteArray("a.").repeated(99) + "b]\n" + QByteArray("c.").repeated(40) + "d = 1\n")
            << u"^Cargo\\.toml:4:83: tables, arrays and dotted keys nested more than 128 deep$"_s;
        QTest::newRow("inline tables of dotted keys 168 deep")
            << QByteArray("[package]\nname = \"a\"\nx = " + QByteArray("{" + QByteArray("a.").repeated(19) + "b = ").repeated(8))
            << u"^Cargo\\.toml:3:\\d+: tables, arrays and dotted keys nested more than 128 deep$"_s;
        // Regression (fuzz_cargomanifest, 84 bytes): a backslash and U+FCFF in a multi-line
        // string made toml++ 3.4 reach __builtin_unreachable(); siblings in escapeBeforeNonAscii.
        QTest::newRow("backslash and U+FCFF in a multi-line string")
            << QByteArray::fromBase64("InBhY25hbWUgPSBrYWdlIiA9IHsgbmFtZSA9ICd0cmlcdTAwNjNreScsIHZlcnNpb24gPSAiIiIxLjAuMGFtMzJc77O/IiAxZTEwLCAxXzAwMF0K")
            << u"^Cargo\\.toml:1:67: a backslash followed by a non-ASCII character in a string \\(no TOML escape\\)$"_s;
        QTest::newRow("line-ending backslash, then bytes that are not UTF-8")
            << QByteArray("[package]\nname = \"a\"\ndescription = \"\"\"a\\\n  \xe0\x80\xaf\"\"\"\n")
            << u"^Cargo\\.toml:4:3: the text is not UTF-8$"_s;
        // Regression (fuzz_cargoconfig): after a date, a blank and a digit toml++ reads on past
        // the '#' for a time and asked "whitespace?" of the comment's U+00A7.
        QTest::newRow("a comment after a date's cut-off time")
            << QByteArray("[package]\nname = \"a\"\nd = 1978-06-27 0#han.d\xc2\xa7\n")
            << u"^Cargo\\.toml:3:\\d+: "_s;
        QTest::newRow("a string after a date's cut-off time")
            << QByteArray("[package]\nname = \"a\"\nx = {\"k\" = 19A9-05-27 07:3:00{\"p\xc4\x80\"}\n")
            << u"^Cargo\\.toml:3:\\d+: a non-ASCII character outside a string or comment$"_s;
        QTest::newRow("a comment that is not UTF-8")
            << QByteArray("[package]\nname = \"a\" # caf\xe9\n")
            << u"^Cargo\\.toml:2:17: the text is not UTF-8$"_s;
        QTest::newRow("NUL byte") << QByteArray("[package]\nname = \"a\0b\"\n", 21) << u"^Cargo\\.toml:2:\\d+: "_s;
        QTest::newRow("unclosed table header") << QByteArray("[package\nname = \"a\"\n") << u"^Cargo\\.toml:1:\\d+: "_s;
        QTest::newRow("no package") << QByteArray("[dependencies]\nserde = \"1\"\n") << u"^Cargo\\.toml: there is no \\[package\\] table$"_s;
        QTest::newRow("package not a table") << QByteArray("package = 5\n") << u"^Cargo\\.toml:1:11: package must be a table$"_s;
        QTest::newRow("no name") << QByteArray("[package]\nversion = \"1.0.0\"\n") << u"^Cargo\\.toml: package\\.name is missing$"_s;
        QTest::newRow("description not a string") << QByteArray("[package]\nname = \"a\"\ndescription = 5\n")
                                                   << u"^Cargo\\.toml:3:15: package\\.description must be a string$"_s;
        QTest::newRow("authors not strings") << QByteArray("[package]\nname = \"a\"\nauthors = [\"x\", 2]\n")
                                             << u"^Cargo\\.toml:3:17: package\\.authors must hold only strings$"_s;
        QTest::newRow("feature not an array") << QByteArray("[package]\nname = \"a\"\n[features]\ndefault = \"x\"\n")
                                              << u"^Cargo\\.toml:4:11: features\\.default must be an array of strings$"_s;
        QTest::newRow("dependency not a table") << QByteArray("[package]\nname = \"a\"\n[dependencies]\nserde = 1\n")
                                                << u"^Cargo\\.toml:4:9: dependencies\\.serde must be a version string or a table$"_s;
        QTest::newRow("optional not a boolean") << QByteArray("[package]\nname = \"a\"\n[dependencies]\nserde = { version = \"1\", optional = \"yes\" }\n")
                                                << u"^Cargo\\.toml:4:37: dependencies\\.serde\\.optional must be true or false$"_s;
        QTest::newRow("inherited version") << QByteArray("[package]\nname = \"a\"\nversion.workspace = true\n")
                                           << u"^Cargo\\.toml:3:\\d+: package\\.version still says workspace = true"_s;
        QTest::newRow("inherited dependency") << QByteArray("[package]\nname = \"a\"\n[target.'cfg(unix)'.dependencies]\nserde = { workspace = true }\n")
                                              << u"^Cargo\\.toml:4:\\d+: target\\.'cfg\\(unix\\)'\\.dependencies\\.serde still says workspace = true"_s;
        QTest::newRow("inherited lints") << QByteArray("[package]\nname = \"a\"\n[lints]\nworkspace = true\n")
                                         << u"^Cargo\\.toml:4:\\d+: lints still says workspace = true"_s;
    }

    void brokenManifests()
    {
        QFETCH(QByteArray, toml);
        QFETCH(QString, message);
        const auto result = CargoManifest::parse(toml);
        QVERIFY(!result.isOk());
        QVERIFY2(QRegularExpression(message).match(result.error.message).hasMatch(), qPrintable(result.error.message));
        if (result.error.line > 0)
            QVERIFY2(result.error.message.startsWith(u"Cargo.toml:%1:%2: "_s.arg(result.error.line).arg(result.error.column)),
                     qPrintable(result.error.message));
    }

    // Every string form toml++ reads escapes in, with a backslash before a non-ASCII
    // character: toml++ 3.4 asks is_non_ascii_horizontal_whitespace() about it in multi-line
    // strings, which reaches __builtin_unreachable() for U+00A1-U+0499, U+2C5E-U+2FFF,
    // U+3001-U+3057 and U+FB26-U+FEFE. "\é" is no TOML escape, so every form refuses it the
    // same way, at the character.
    void escapeBeforeNonAscii_data()
    {
        QTest::addColumn<QByteArray>("toml");
        QTest::addColumn<QByteArray>("character");
        const QList<std::pair<const char *, QByteArray>> characters{
            {"U+00E9", "\xc3\xa9"}, {"U+0499", "\xd2\x99"}, {"U+2C60", "\xe2\xb1\xa0"}, {"U+3005", "\xe3\x80\x85"},
            {"U+FCFF", "\xef\xb3\xbf"}, {"U+3000 (a space)", "\xe3\x80\x80"}, {"U+00A0 (a space)", "\xc2\xa0"},
            {"U+1F600", "\xf0\x9f\x98\x80"}, {"byte 0xFF", "\xff"}};
        const QByteArray package = "[package]\nname = \"a\"\n";
        const QList<std::pair<const char *, std::pair<QByteArray, QByteArray>>> forms{
            {"basic string", {package + "description = \"x\\", "\"\n"}},
            {"multi-line basic string", {package + "description = \"\"\"x\\", "\"\"\"\n"}},
            {"multi-line, on a later line", {package + "description = \"\"\"\nx\ny\\", "\"\"\"\n"}},
            {"multi-line, after blanks", {package + "description = \"\"\"x\\  \t", "\n\"\"\"\n"}},
            {"quoted key", {package + "\"k\\", "\" = 1\n"}},
            {"multi-line string as a key", {package + "\"\"\"k\\", "\"\"\" = 1\n"}},
            {"table name", {"[\"k\\", "\"]\n"}},
            {"inline table", {package + "[dependencies]\nserde = { version = \"\"\"1\\", "\"\"\" }\n"}},
            {"inline table key", {package + "[dependencies]\nserde = { \"v\\", "\" = 1 }\n"}},
            {"array", {package + "authors = [\"a\", \"\"\"b\\", "\"\"\"]\n"}},
        };
        for (const auto &[form, around] : forms) {
            for (const auto &[name, character] : characters)
                QTest::addRow("%s, %s", form, name) << around.first + character + around.second << character;
        }
    }

    void escapeBeforeNonAscii()
    {
        QFETCH(QByteArray, toml);
        QFETCH(QByteArray, character);
        const auto result = CargoManifest::parse(toml);
        QVERIFY(!result.isOk());
        const qsizetype at = toml.indexOf(character);
        const QByteArray before = toml.first(at);
        QCOMPARE(result.error.line, int(before.count('\n')) + 1);
        QCOMPARE(result.error.column, int(at - before.lastIndexOf('\n')));
        QVERIFY2(QRegularExpression(u"^Cargo\\.toml:\\d+:\\d+: a backslash followed by (blanks and )?a non-ASCII character in a string"_s)
                     .match(result.error.message).hasMatch(),
                 qPrintable(result.error.message));
    }

    // Valid TOML that reaches the same toml++ fault: after a line-ending backslash toml++
    // asks "is this whitespace?" of the first character of the text that follows. TomlGuard
    // spells that character as its \u escape, so the string is what the TOML spec (and
    // cargo) read; the non-ASCII spaces toml++ would have swallowed there stay too.
    // Backslashes in literal strings and comments are no escapes at all.
    void nonAsciiWhereEscapesAreNot_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("U+00E9 after a line-ending backslash") << QByteArray("\"\"\"a \\\n   \xc3\xa9 b\"\"\"") << u"a \u00e9 b"_s;
        QTest::newRow("U+FCFF after blank lines, CRLF") << QByteArray("\"\"\"a \\ \r\n\r\n\t\xef\xb3\xbf\xef\xb3\xbf\"\"\"") << u"a \ufcff\ufcff"_s;
        QTest::newRow("U+00A0 after a line-ending backslash") << QByteArray("\"\"\"a \\\n\xc2\xa0\xc3\xa9\"\"\"") << u"a \u00a0\u00e9"_s;
        QTest::newRow("U+3000 after a line-ending backslash") << QByteArray("\"\"\"a\\\n\xe3\x80\x80" "b\"\"\"") << u"a\u3000b"_s;
        QTest::newRow("U+1F600 after a line-ending backslash") << QByteArray("\"\"\"a\\\n \xf0\x9f\x98\x80\"\"\"") << u"a\U0001f600"_s;
        QTest::newRow("U+2C60 after two line-ending backslashes") << QByteArray("\"\"\"a\\\n\\\n\xe2\xb1\xa0\"\"\"") << u"a\u2c60"_s;
        QTest::newRow("literal string") << QByteArray("'C:\\\xc3\xa9'") << u"C:\\\u00e9"_s;
        QTest::newRow("multi-line literal string") << QByteArray("'''C:\\\xef\xb3\xbf'''") << u"C:\\\ufcff"_s;
        QTest::newRow("comment") << QByteArray("\"a\" # \\\xc3\xa9 \\\xef\xb3\xbf") << u"a"_s;
        QTest::newRow("quotes closing a multi-line string, then a comment")
            << QByteArray("\"\"\"a\"\"\"\"\" # \xc3\xa9") << u"a\"\""_s;
    }

    void nonAsciiWhereEscapesAreNot()
    {
        QFETCH(QByteArray, value);
        QFETCH(QString, expected);
        const auto result = CargoManifest::parse("[package]\nname = \"a\"\ndescription = " + value + "\n");
        QVERIFY2(result.isOk(), qPrintable(result.error.message));
        QCOMPARE(result.manifest->description.value(), expected);
    }

    void errorsNameTheGivenFile()
    {
        const auto result = CargoManifest::parse("[package\n", u"foo-1.0.0/Cargo.toml"_s);
        QVERIFY2(result.error.message.startsWith(u"foo-1.0.0/Cargo.toml:1:"_s), qPrintable(result.error.message));
        QCOMPARE(result.error.line, 1);
        QVERIFY(result.error.column > 0);
    }
};

QTEST_GUILESS_MAIN(TestCargoManifest)
#include "tst_cargomanifest.moc"
