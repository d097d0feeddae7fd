// SPDX-License-Identifier: GPL-3.0-or-later
// Workspaces written to a temporary folder and read back as `cargo generate-lockfile` sees
// them; tst_clicargo holds the same reading up against real cargo's lockfile.
#include "crate/cargoworkspace.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::Literals::StringLiterals;
using Dependency = CargoManifest::Dependency;
using Kind = Dependency::Kind;

namespace {

void write(const QTemporaryDir &dir, const QString &relative, const QByteArray &text)
{
    const QString path = dir.filePath(relative);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
        qFatal("cannot write the test workspace");
}

QString kindName(Kind kind)
{
    switch (kind) {
    case Kind::Normal:
        return u"normal"_s;
    case Kind::Development:
        return u"dev"_s;
    case Kind::Build:
        return u"build"_s;
    }
    return {};
}

// "name req kind [target] [package=x] [optional] [no-default] [features=a,b]" per dependency.
QStringList describe(const CargoWorkspace::Package &package)
{
    QStringList lines;
    for (const Dependency &dep : package.dependencies) {
        QStringList parts {dep.name, dep.versionRequirement, kindName(dep.kind)};
        if (dep.target)
            parts << *dep.target;
        if (dep.package)
            parts << u"package="_s + *dep.package;
        if (dep.optional)
            parts << u"optional"_s;
        if (!dep.defaultFeatures)
            parts << u"no-default"_s;
        if (!dep.features.isEmpty())
            parts << u"features="_s + dep.features.join(u',');
        lines << parts.join(u' ');
    }
    return lines;
}

QStringList packageNames(const CargoWorkspace &workspace)
{
    QStringList names;
    for (const auto &package : workspace.packages)
        names << package.name + (package.member ? QString() : u" (not a member)"_s);
    return names;
}

} // namespace

class TestCargoWorkspace : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsEveryKindOfDependencyOfOnePackage()
    {
        QTemporaryDir dir;
        write(dir, u"Cargo.toml"_s,
            "\n"
            "[package]\n"
            "name = \"solo\"\n"
            "version = \"1.2.3\"\n"
            "\n"
            "[features]\n"
            "default = [\"fast\"]\n"
            "fast = [\"dep:simd\", \"serde?/std\"]\n"
            "\n"
            "[dependencies]\n"
            "serde = { version = \"1\", default-features = false, features = [\"derive\"] }\n"
            "simd = { version = \"0.3\", optional = true }\n"
            "json = { version = \"1.0\", package = \"serde_json\" }\n"
            "\n"
            "[dev-dependencies]\n"
            "proptest = \"1.4\"\n"
            "\n"
            "[build-dependencies]\n"
            "cc = \"1\"\n"
            "\n"
            "[target.'cfg(unix)'.dependencies]\n"
            "libc = \"0.2\"\n");
        const auto read = CargoWorkspace::read(dir.filePath(u"Cargo.toml"_s));
        QVERIFY2(read.isOk(), qPrintable(read.error));
        QCOMPARE(packageNames(*read.workspace), QStringList{u"solo"_s});
        const auto &solo = read.workspace->packages.at(0);
        QCOMPARE(solo.version, u"1.2.3"_s);
        QCOMPARE(solo.features.value(u"fast"_s), QStringList({u"dep:simd"_s, u"serde?/std"_s}));
        QCOMPARE(describe(solo),
            QStringList({
                u"json 1.0 normal package=serde_json"_s,
                u"serde 1 normal no-default features=derive"_s,
                u"simd 0.3 normal optional"_s,
                u"cc 1 build"_s,
                u"proptest 1.4 dev"_s,
                u"libc 0.2 normal cfg(unix)"_s,
            }));
        QVERIFY(read.workspace->notes.isEmpty());
    }

    void readsMembersFromGlobsWithoutExcludedOnes()
    {
        QTemporaryDir dir;
        write(dir, u"Cargo.toml"_s,
            "\n"
            "[workspace]\n"
            "members = [\"crates/*\", \"tools/gen\"]\n"
            "exclude = [\"crates/broken\"]\n");
        write(dir, u"crates/alpha/Cargo.toml"_s, "[package]\nname = \"alpha\"\n[dependencies]\nlog = \"0.4\"\n");
        write(dir, u"crates/beta/Cargo.toml"_s, "[package]\nname = \"beta\"\nversion = \"0.2.0\"\n");
        // Excluded, so never parsed: it is not even TOML.
        write(dir, u"crates/broken/Cargo.toml"_s, "this is [not toml\n");
        write(dir, u"crates/docs/README.md"_s, "a folder the glob matches that holds no package\n");
        write(dir, u"tools/gen/Cargo.toml"_s, "[package]\nname = \"gen\"\n");
        // Not named by `members`.
        write(dir, u"tools/other/Cargo.toml"_s, "[package]\nname = \"other\"\n");

        // The folder works as well as its Cargo.toml.
        const auto read = CargoWorkspace::read(dir.path());
        QVERIFY2(read.isOk(), qPrintable(read.error));
        QCOMPARE(packageNames(*read.workspace), QStringList({u"alpha"_s, u"beta"_s, u"gen"_s}));
        QCOMPARE(read.workspace->packages.at(0).version, u"0.0.0"_s);
        QCOMPARE(describe(read.workspace->packages.at(0)), QStringList{u"log 0.4 normal"_s});
        QCOMPARE(read.workspace->rootFolder, QDir(dir.path()).absolutePath());
    }

    void inheritsWorkspaceDependencies()
    {
        QTemporaryDir dir;
        write(dir, u"Cargo.toml"_s,
            "\n"
            "[workspace]\n"
            "members = [\"app\"]\n"
            "\n"
            "[workspace.package]\n"
            "version = \"3.1.0\"\n"
            "\n"
            "[workspace.dependencies]\n"
            "serde = { version = \"1.0.200\", default-features = false, features = [\"derive\"] }\n"
            "log = \"0.4\"\n"
            "rand = { version = \"0.8\", package = \"rand_core\" }\n");
        write(dir, u"app/Cargo.toml"_s,
            "\n"
            "[package]\n"
            "name = \"app\"\n"
            "version.workspace = true\n"
            "\n"
            "[dependencies]\n"
            "serde = { workspace = true, features = [\"std\"], optional = true }\n"
            "log.workspace = true\n"
            "\n"
            "[dev-dependencies]\n"
            "rand = { workspace = true, default-features = false }\n");
        const auto read = CargoWorkspace::read(dir.filePath(u"Cargo.toml"_s));
        QVERIFY2(read.isOk(), qPrintable(read.error));
        const auto &app = read.workspace->packages.at(0);
        QCOMPARE(app.version, u"3.1.0"_s);
        QCOMPARE(describe(app),
            QStringList({
                u"log 0.4 normal"_s,
                u"serde 1.0.200 normal optional no-default features=derive,std"_s,
                u"rand 0.8 dev package=rand_core no-default"_s,
            }));
    }

    void followsPathDependenciesAsPackages()
    {
        QTemporaryDir dir;
        write(dir, u"ws/Cargo.toml"_s,
            "\n"
            "[package]\n"
            "name = \"top\"\n"
            "\n"
            "[workspace]\n"
            "\n"
            "[workspace.dependencies]\n"
            "shared = { path = \"shared\" }\n"
            "\n"
            "[dependencies]\n"
            "helper = { path = \"helper\", version = \"0.1\" }\n"
            "outside = { path = \"../outside\" }\n"
            "shared.workspace = true\n");
        // Inside the workspace folder: a member, so its dev-dependencies count.
        write(dir, u"ws/helper/Cargo.toml"_s,
            "[package]\nname = \"helper\"\n[dependencies]\ntop = { path = \"..\" }\nitoa = \"1\"\n"
            "[dev-dependencies]\nquickcheck = \"1\"\n");
        write(dir, u"ws/shared/Cargo.toml"_s, "[package]\nname = \"shared\"\n[dependencies]\nryu = \"1\"\n");
        // Outside it: a path package whose dev-dependencies cargo never resolves.
        write(dir, u"outside/Cargo.toml"_s,
            "[package]\nname = \"outside\"\n[dependencies]\nmemchr = \"2\"\n[dev-dependencies]\nnever = \"9\"\n");

        const auto read = CargoWorkspace::read(dir.filePath(u"ws/Cargo.toml"_s));
        QVERIFY2(read.isOk(), qPrintable(read.error));
        const CargoWorkspace &workspace = *read.workspace;
        QCOMPARE(packageNames(workspace), QStringList({u"top"_s, u"helper"_s, u"outside (not a member)"_s, u"shared"_s}));
        QCOMPARE(describe(workspace.packages.at(0)), QStringList()); // paths only
        QCOMPARE(describe(workspace.packages.at(1)), QStringList({u"itoa 1 normal"_s, u"quickcheck 1 dev"_s}));
        QCOMPARE(describe(workspace.packages.at(2)), QStringList{u"memchr 2 normal"_s});
        QCOMPARE(describe(workspace.packages.at(3)), QStringList{u"ryu 1 normal"_s});
    }

    void namesGitDependenciesAndLeavesThemOut()
    {
        QTemporaryDir dir;
        write(dir, u"Cargo.toml"_s,
            "[package]\nname = \"g\"\n[dependencies]\nfancy = { git = \"https://example.org/fancy\" }\nplain = \"1\"\n");
        const auto read = CargoWorkspace::read(dir.filePath(u"Cargo.toml"_s));
        QVERIFY2(read.isOk(), qPrintable(read.error));
        QCOMPARE(describe(read.workspace->packages.at(0)), QStringList{u"plain 1 normal"_s});
        QCOMPARE(read.workspace->notes.size(), 1);
        QVERIFY2(read.workspace->notes.at(0).contains(u"fancy comes from git"_s)
                && read.workspace->notes.at(0).contains(u"Cargo.toml"_s),
            qPrintable(read.workspace->notes.at(0)));
    }

    void refusesWhatItCannotRead_data()
    {
        QTest::addColumn<QByteArray>("root");
        QTest::addColumn<QByteArray>("member");
        QTest::addColumn<QString>("message");
        QTest::newRow("not TOML") << QByteArray("[package\nname = \"x\"\n") << QByteArray() << u"Cargo.toml:1:"_s;
        QTest::newRow("neither package nor workspace")
            << QByteArray("[dependencies]\nx = \"1\"\n") << QByteArray() << u"has neither [package] nor [workspace]"_s;
        QTest::newRow("no package name") << QByteArray("[package]\nversion = \"1.0.0\"\n") << QByteArray()
                                         << u"package.name is missing"_s;
        QTest::newRow("dependency is a number")
            << QByteArray("[package]\nname = \"x\"\n[dependencies]\nlog = 4\n") << QByteArray()
            << u"Cargo.toml:4:7: dependency log must be a version string or a table"_s;
        QTest::newRow("member not a path") << QByteArray("[workspace]\nmembers = [1]\n") << QByteArray()
                                           << u"workspace.members must hold only paths"_s;
        QTest::newRow("inherits what the workspace lacks")
            << QByteArray("[workspace]\nmembers = [\"m\"]\n")
            << QByteArray("[package]\nname = \"m\"\n[dependencies]\nlog = { workspace = true }\n")
            << u"m/Cargo.toml:4:7: log says workspace = true, but [workspace.dependencies] in "_s;
        QTest::newRow("member not TOML") << QByteArray("[workspace]\nmembers = [\"m\"]\n") << QByteArray("[package]]\n")
                                         << u"m/Cargo.toml:1:"_s;
        const QByteArray big = QByteArray("[package]\nname = \"m\"\n") + QByteArray(CargoWorkspace::MaxManifestSize, '#');
        QTest::newRow("member too big") << QByteArray("[workspace]\nmembers = [\"m\"]\n") << big
                                        << u"m/Cargo.toml: is %1 bytes, more than the %2 a manifest may have"_s.arg(big.size())
                                               .arg(CargoWorkspace::MaxManifestSize);
    }

    void refusesWhatItCannotRead()
    {
        QFETCH(QByteArray, root);
        QFETCH(QByteArray, member);
        QFETCH(QString, message);
        QTemporaryDir dir;
        write(dir, u"Cargo.toml"_s, root);
        if (!member.isEmpty())
            write(dir, u"m/Cargo.toml"_s, member);
        const auto read = CargoWorkspace::read(dir.filePath(u"Cargo.toml"_s));
        QVERIFY(!read.isOk());
        QVERIFY2(read.error.contains(message), qPrintable(read.error));
        // Every message names the file it is about.
        QVERIFY2(read.error.startsWith(dir.path()), qPrintable(read.error));
    }

    void refusesAManifestThatIsNotARegularFile()
    {
        // A cloned checkout may hold a FIFO named Cargo.toml: opening it would block for ever.
        QTemporaryDir dir;
        write(dir, u"Cargo.toml"_s, "[workspace]\nmembers = [\"fifo\", \"folder\"]\n");
        QVERIFY(QDir().mkpath(dir.filePath(u"fifo"_s)));
        QCOMPARE(::mkfifo(QFile::encodeName(dir.filePath(u"fifo/Cargo.toml"_s)).constData(), 0600), 0);
        auto read = CargoWorkspace::read(dir.filePath(u"Cargo.toml"_s));
        QVERIFY(!read.isOk());
        QVERIFY2(read.error.endsWith(u"fifo/Cargo.toml: is not a regular file"_s), qPrintable(read.error));

        // A folder named Cargo.toml is no manifest either.
        QVERIFY(QFile::remove(dir.filePath(u"fifo/Cargo.toml"_s)));
        QVERIFY(QDir().mkpath(dir.filePath(u"folder/Cargo.toml"_s)));
        read = CargoWorkspace::read(dir.filePath(u"Cargo.toml"_s));
        QVERIFY(!read.isOk());
        QVERIFY2(read.error.endsWith(u"folder/Cargo.toml: is not a regular file"_s), qPrintable(read.error));
    }

    void saysWhenThereIsNoManifest()
    {
        QTemporaryDir dir;
        const auto read = CargoWorkspace::read(dir.filePath(u"Cargo.toml"_s));
        QVERIFY(!read.isOk());
        QVERIFY2(read.error.startsWith(dir.filePath(u"Cargo.toml"_s) + u": cannot be read"_s), qPrintable(read.error));
    }
};

QTEST_GUILESS_MAIN(TestCargoWorkspace)
#include "tst_cargoworkspace.moc"
