// SPDX-License-Identifier: GPL-3.0-or-later
// `cratedesk publish` against `cratedesk serve`: a dry run shows cargo's metadata and sends
// nothing; real crates published by CrateDesk are then built by the real cargo; every refusal
// exits non-zero with a line on stderr that names the crate.
#include "cargoproject.h"
#include "crate/cratearchive.h"
#include "crate/publishmetadata.h"
#include "cargotypes/cratename.h"
#include "clirun.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

// Crates whose required dependencies are none, so that cargo needs nothing but the feed.
const QStringList SelfContained = {u"cfg-if"_s, u"itoa"_s, u"either"_s, u"scopeguard"_s};

} // namespace

class TestCliPublish : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    ServeProcess m_serve{TestSupport::cratedeskExecutable(), m_dir.filePath(u"feed"_s), m_dir.filePath(u"serve.log"_s)};
    QString m_token;
    QString m_index; // http://127.0.0.1:PORT/

    // Settings and caches of this run stay in the temporary folder.
    CliResult cratedesk(const QStringList &args, const QByteArray &input = {})
    {
        return runCratedesk(args, input, {{u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"config"_s)}, {u"XDG_CACHE_HOME"_s, m_dir.filePath(u"cache"_s)}});
    }

    static QString realCrate(const QString &name)
    {
        const QStringList found = QDir(TestSupport::realCratesDir()).entryList({name + u"-[0-9]*.crate"_s});
        return found.size() == 1 ? TestSupport::realCratesDir() + u'/' + found.first() : QString();
    }

    QByteArray indexFile(const QString &name)
    {
        QProcess curl;
        const QString path = CrateName::indexPath(name);
        curl.start(u"curl"_s, {u"-s"_s, u"-o"_s, u"-"_s, u"-w"_s, u"\\n%{http_code}"_s, m_index + path});
        curl.waitForFinished(30000);
        return curl.readAllStandardOutput();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_serve.start({}, &error), qPrintable(error));
        m_token = m_serve.createToken(u"publisher"_s, &error);
        QVERIFY2(!m_token.isEmpty(), qPrintable(error));
        m_index = m_serve.indexUrl().mid(7); // without "sparse+"
        for (const QString &name : SelfContained)
            QVERIFY2(!realCrate(name).isEmpty(), qPrintable(name));
    }

    void dryRunShowsCargosMetadataAndSendsNothing()
    {
        const QString path = realCrate(u"itoa"_s);
        const auto result = cratedesk({u"publish"_s, path, u"--index"_s, m_index, u"--dry-run"_s, u"--json"_s});
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        const QJsonObject report = QJsonDocument::fromJson(result.out).object();
        QCOMPARE(report.value(u"dry_run"_s).toBool(), true);
        const QJsonObject crate = report.value(u"crates"_s).toArray().at(0).toObject();
        QCOMPARE(crate.value(u"publishable"_s).toBool(), true);
        const auto archive = CrateArchive::open(path);
        QVERIFY(archive.isOk());
        const auto expected = PublishMetadata::fromArchive(*archive.archive, m_index);
        QVERIFY(expected.isOk());
        QCOMPARE(crate.value(u"metadata"_s).toObject(), QJsonDocument::fromJson(expected.metadata->toJson()).object());
        QVERIFY2(indexFile(u"itoa"_s).endsWith("404"), "a dry run must not publish");

        const auto text = cratedesk({u"publish"_s, path, u"--index"_s, m_index, u"--dry-run"_s});
        QVERIFY2(text.exitCode == 0, qPrintable(text.describe()));
        QVERIFY2(text.out.contains("\"name\": \"itoa\""), qPrintable(text.describe()));
        QVERIFY2(text.out.contains(QByteArray(archive.archive->name().toUtf8() + '@' + archive.archive->version().toUtf8() + ": ready to publish")),
                 qPrintable(text.describe()));
    }

    void publishedRealCratesBuildWithCargo()
    {
        QStringList files;
        for (const QString &name : SelfContained)
            files << realCrate(name);
        const auto result = cratedesk(QStringList{u"publish"_s} + files + QStringList{u"--index"_s, m_index, u"--token-stdin"_s},
                                      m_token.toUtf8() + '\n');
        QVERIFY2(result.exitCode == 0, qPrintable(result.describe()));
        for (const QString &name : SelfContained) {
            QVERIFY2(result.out.contains(QByteArray(name.toUtf8() + '@')), qPrintable(result.describe()));
            QVERIFY2(!indexFile(name).endsWith("404"), qPrintable(name));
        }
        QCOMPARE(result.out.count("visible in the index"), SelfContained.size());
        QVERIFY(!result.out.contains(m_token.toUtf8()) && !result.err.contains(m_token.toUtf8()));

        CargoProject cargo(m_serve.indexUrl(), false);
        QVERIFY(cargo.isValid());
        const QString dir = cargo.writeCrate(u"uses_real_crates"_s, u"0.1.0"_s, CargoProject::Kind::Binary,
            u"use either::Either;\n"
            "cfg_if::cfg_if! { if #[cfg(unix)] { fn os() -> &'static str { \"unix\" } } else { fn os() -> &'static str { \"other\" } } }\n"
            "fn main() {\n"
            "    let _guard = scopeguard::guard((), |_| ());\n"
            "    let value: Either<u32, u32> = Either::Left(42);\n"
            "    let mut buffer = itoa::Buffer::new();\n"
            "    println!(\"{} {}\", os(), buffer.format(value.either(|v| v, |v| v)));\n"
            "}\n"_s,
            {{u"cfg-if"_s, u"1"_s}, {u"itoa"_s, u"1"_s}, {u"either"_s, u"1"_s}, {u"scopeguard"_s, u"1"_s}}, {}, false);
        const auto run = cargo.run({u"run"_s, u"--quiet"_s}, dir);
        CARGO_VERIFY(run);
        QVERIFY2(run.output.contains("unix 42"), qPrintable(run.report()));
    }

    void refusalsExitNonZeroWithOneLine_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("withToken");
        QTest::addColumn<QString>("message");
        QTest::newRow("already published") << u"itoa"_s << true << u"is already in 127.0.0.1"_s;
        QTest::newRow("not a crate") << u"!junk"_s << true << u"junk.crate: not a gzip file"_s;
        QTest::newRow("no such file") << u"!missing"_s << true << u"missing.crate"_s;
        QTest::newRow("no token") << u"lazy_static"_s << false << u"the feed 127.0.0.1 needs a token: add one to the feed"_s;
    }

    void refusalsExitNonZeroWithOneLine()
    {
        QFETCH(QString, file);
        QFETCH(bool, withToken);
        QFETCH(QString, message);
        QString path;
        if (file == u"!junk"_s) {
            path = m_dir.filePath(u"junk.crate"_s);
            QFile junk(path);
            QVERIFY(junk.open(QIODevice::WriteOnly));
            junk.write("this is not a crate\n");
        } else if (file == u"!missing"_s) {
            path = m_dir.filePath(u"missing.crate"_s);
        } else {
            path = realCrate(file);
        }
        QStringList args{u"publish"_s, path, u"--index"_s, m_index};
        if (withToken)
            args << u"--token-stdin"_s;
        const auto result = cratedesk(args, withToken ? m_token.toUtf8() + '\n' : QByteArray());
        QVERIFY2(result.exitCode == 1, qPrintable(result.describe()));
        const QList<QByteArray> lines = result.err.trimmed().split('\n');
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines.first().startsWith("cratedesk: ") && QString::fromUtf8(lines.first()).contains(message), qPrintable(result.describe()));
    }

};

QTEST_GUILESS_MAIN(TestCliPublish)
#include "tst_clipublish.moc"
