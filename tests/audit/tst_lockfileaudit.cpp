// SPDX-License-Identifier: GPL-3.0-or-later
// A Cargo.lock audited against a real local feed, a row for every status: there, missing (no
// crate, no such version), yanked, another build under the same version, a license the policy
// refuses, git and path packages; then `cratedesk audit` as a user runs it, text and JSON.
#include "audit/cyclonedxsbom.h"
#include "audit/lockfileaudit.h"
#include "clirun.h"
#include "localfeed/connectorstore.h"
#include "localtestfeed.h"
#include "net/httpclient.h"
#include "registry/registryclient.h"
#include "registryoutcome.h"
#include "testcrate.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;
using Status = LockfileAudit::Status;

class TestLockfileAudit : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QNetworkAccessManager m_nam;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<LocalFeed> m_feed;
    std::unique_ptr<RegistryClient> m_client;
    std::unique_ptr<LocalFeed> m_curated; // serves m_feed through a curating connector
    QHash<QString, QString> m_sums; // "name vers" -> sha256 of what was published

    void publish(TestCrate crate, const QByteArray &license)
    {
        crate.license = license;
        crate.extraMetadata.insert(u"license"_s, QString::fromLatin1(license));
        const QByteArray bytes = crate.crateBytes();
        const auto outcome = runReply(m_client->publish(TestCrate::frame(QJsonDocument(crate.metadata()).toJson(QJsonDocument::Compact), bytes),
                                                        crate.name + u'@' + crate.vers));
        QVERIFY2(!outcome.error, qPrintable(outcome.error.message));
        m_sums.insert(crate.name + u' ' + crate.vers, QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()));
    }

    QByteArray package(const QString &name, const QString &vers, const QString &checksum = {}, const QByteArray &source = {}) const
    {
        QByteArray text = "[[package]]\nname = \"" + name.toUtf8() + "\"\nversion = \"" + vers.toUtf8() + "\"\n";
        text += "source = \"" + (source.isEmpty() ? "sparse+" + m_feed->indexUrl().toString().toUtf8() : source) + "\"\n";
        const QString sum = checksum.isEmpty() ? m_sums.value(name + u' ' + vers) : checksum;
        if (!sum.isEmpty())
            text += "checksum = \"" + sum.toUtf8() + "\"\n";
        return text + '\n';
    }

    QByteArray lockfile() const
    {
        return "version = 4\n\n[[package]]\nname = \"app\"\nversion = \"0.1.0\"\n\n" + package(u"acme-ok"_s, u"1.0.0"_s)
            + package(u"acme-gpl"_s, u"1.0.0"_s) + package(u"acme-old"_s, u"0.9.0"_s) + package(u"acme-ok"_s, u"2.0.0"_s, QString(64, u'c'))
            + package(u"nowhere"_s, u"1.0.0"_s, QString(64, u'd')) + package(u"acme-ok"_s, u"1.1.0"_s)
            + package(u"tool"_s, u"0.3.0"_s, {}, "git+https://example.com/tool.git#0123456789abcdef");
    }

    std::unique_ptr<LockfileAudit> audit(const QByteArray &lock, const LicenseRules &policy = {})
    {
        const auto parsed = CargoLock::parse(lock);
        if (!parsed.lock)
            qFatal("the test's lockfile does not parse: %s", qPrintable(parsed.error));
        auto result = std::make_unique<LockfileAudit>(m_client.get());
        result->setLicensePolicy(policy);
        QSignalSpy finished(result.get(), &LockfileAudit::finished);
        result->start(*parsed.lock);
        if (!finished.wait(30000))
            qWarning("the audit did not finish within 30 s");
        return result;
    }

    static const LockfileAudit::Row *row(const LockfileAudit &audit, const QString &name, const QString &vers)
    {
        for (const LockfileAudit::Row &r : audit.rows())
            if (r.name == name && r.version == vers)
                return &r;
        return nullptr;
    }

    // The columns of a _data() that names a package and what the audit must say of it.
    static void addRowColumns()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("vers");
        QTest::addColumn<Status>("status");
        QTest::addColumn<QString>("reason");
    }

    static void verifyRow(const LockfileAudit &audit)
    {
        QFETCH(QString, name);
        QFETCH(QString, vers);
        QFETCH(Status, status);
        QFETCH(QString, reason);
        const LockfileAudit::Row *found = row(audit, name, vers);
        QVERIFY(found);
        QCOMPARE(found->status, status);
        QVERIFY2(found->reason.contains(reason), qPrintable(found->reason));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_http = std::make_unique<HttpClient>(&m_nam);
        FeedServerOptions options;
        options.dataDir = m_dir.filePath(u"feed"_s);
        auto started = TestSupport::startLocalFeed(options);
        QVERIFY2(started.error.isEmpty(), qPrintable(started.error));
        m_feed = std::move(started.feed);
        Feed feed;
        feed.name = u"local"_s;
        feed.indexUrl = m_feed->indexUrl();
        feed.auth = Feed::AuthKind::Token;
        m_client = std::make_unique<RegistryClient>(feed, m_http.get(), nullptr, nullptr);
        m_client->setCredential(started.token);
        publish({u"acme-ok"_s, u"1.0.0"_s}, "MIT");
        publish({u"acme-ok"_s, u"2.0.0"_s}, "MIT");
        publish({u"acme-gpl"_s, u"1.0.0"_s}, "GPL-3.0-only");
        publish({u"acme-old"_s, u"0.9.0"_s}, "MIT");
        QVERIFY(!runReply(m_client->setYanked(u"acme-old"_s, u"0.9.0"_s, true)).error);
    }

    void everyStatusHasItsRow_data()
    {
        addRowColumns();
        QTest::newRow("there") << u"acme-ok"_s << u"1.0.0"_s << Status::Ok << QString();
        QTest::newRow("a license the policy refuses") << u"acme-gpl"_s << u"1.0.0"_s << Status::Blocked << u"GPL-3.0-only"_s;
        QTest::newRow("yanked") << u"acme-old"_s << u"0.9.0"_s << Status::Yanked << u"yanked"_s;
        QTest::newRow("another build under that version") << u"acme-ok"_s << u"2.0.0"_s << Status::Blocked << u"checksum"_s;
        QTest::newRow("no such crate") << u"nowhere"_s << u"1.0.0"_s << Status::Missing << u"no crate nowhere"_s;
        QTest::newRow("no such version") << u"acme-ok"_s << u"1.1.0"_s << Status::Missing << u"not version 1.1.0"_s;
        QTest::newRow("from git") << u"tool"_s << u"0.3.0"_s << Status::NotRegistry << u"git"_s;
        QTest::newRow("the workspace's own package") << u"app"_s << u"0.1.0"_s << Status::NotRegistry << u"path"_s;
    }

    void everyStatusHasItsRow()
    {
        const auto result = audit(lockfile(), {{u"MIT"_s, u"Apache-2.0"_s}, {}, false});
        QVERIFY(result->isFinished());
        verifyRow(*result);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(!result->passed());
        QCOMPARE(result->rows().size(), 8);
    }

    void withoutAPolicyLicensesAreNotAsked()
    {
        const auto result = audit(lockfile());
        QCOMPARE(row(*result, u"acme-gpl"_s, u"1.0.0"_s)->status, Status::Ok);
        QVERIFY(row(*result, u"acme-gpl"_s, u"1.0.0"_s)->license.isEmpty());
    }

    void aLockfileTheFeedServesPasses()
    {
        const QByteArray lock = "version = 4\n\n" + package(u"acme-ok"_s, u"1.0.0"_s) + package(u"acme-ok"_s, u"2.0.0"_s);
        const auto result = audit(lock, {{u"MIT"_s}, {}, false});
        QVERIFY(result->passed());
        QCOMPARE(result->count(Status::Ok), 2);
        QCOMPARE(row(*result, u"acme-ok"_s, u"2.0.0"_s)->license, u"MIT"_s);
    }

    // A second local feed whose connector serves the first through a filter and a license
    // rule: what they keep out is blocked, with the feed's own reason, not missing.
    void whatAConnectorKeepsOutIsBlockedWithItsReason_data()
    {
        addRowColumns();
        QTest::newRow("served through the connector") << u"acme-ok"_s << u"1.0.0"_s << Status::Ok << QString();
        QTest::newRow("refused by the connector's filter") << u"acme-gpl"_s << u"1.0.0"_s << Status::Blocked << u"!acme-gpl"_s;
        QTest::newRow("hidden by the connector's license rule") << u"acme-apache"_s << u"1.0.0"_s << Status::Blocked << u"Apache-2.0"_s;
        QTest::newRow("not upstream either") << u"nowhere"_s << u"1.0.0"_s << Status::Missing << u"no crate nowhere"_s;
    }

    void whatAConnectorKeepsOutIsBlockedWithItsReason()
    {
        if (!m_curated) {
            publish({u"acme-apache"_s, u"1.0.0"_s}, "Apache-2.0");
            FeedServerOptions options;
            options.dataDir = m_dir.filePath(u"curated"_s);
            auto started = TestSupport::startLocalFeed(options);
            QVERIFY2(started.error.isEmpty(), qPrintable(started.error));
            m_curated = std::move(started.feed);
            ConnectorConfig upstream;
            upstream.name = u"staging"_s;
            upstream.indexUrl = m_feed->indexUrl();
            upstream.filters = {u"acme-*"_s, u"nowhere"_s, u"!acme-gpl"_s};
            upstream.licenses = {{}, {u"Apache-2.0"_s}, true};
            QVERIFY(!m_curated->connectorStore()->saveConnector(upstream));
            m_curated->reloadConnectors();
        }
        Feed curated;
        curated.name = u"curated"_s;
        curated.indexUrl = m_curated->indexUrl();
        RegistryClient client(curated, m_http.get(), nullptr, nullptr);
        const QByteArray lock = "version = 4\n\n" + package(u"acme-ok"_s, u"1.0.0"_s) + package(u"acme-gpl"_s, u"1.0.0"_s)
            + package(u"acme-apache"_s, u"1.0.0"_s) + package(u"nowhere"_s, u"1.0.0"_s, QString(64, u'd'));
        LockfileAudit audit(&client);
        QSignalSpy finished(&audit, &LockfileAudit::finished);
        audit.start(*CargoLock::parse(lock).lock);
        QVERIFY(finished.wait(30000));
        verifyRow(audit);
    }

    void theCommandLineSaysItAndExitsNonZero()
    {
        const QString path = m_dir.filePath(u"Cargo.lock"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(lockfile());
        file.close();
        const QString index = u"sparse+"_s + m_feed->indexUrl().toString();
        const CliResult text = runCratedesk({u"audit"_s, path, u"--index"_s, index, u"--allow-license"_s, u"MIT"_s});
        QCOMPARE(text.exitCode, 1);
        QVERIFY2(text.out.contains("missing\tnowhere 1.0.0\t"), qPrintable(text.describe()));
        QVERIFY2(text.out.contains("8 packages: 1 ok, 2 missing, 1 yanked, 2 blocked, 2 not-registry"), qPrintable(text.describe()));

        const CliResult json = runCratedesk({u"audit"_s, path, u"--index"_s, index, u"--json"_s});
        QCOMPARE(json.exitCode, 1);
        const QJsonObject report = QJsonDocument::fromJson(json.out).object();
        QCOMPARE(report.value(u"packages"_s).toArray().size(), 8);
        QCOMPARE(report.value(u"summary"_s).toObject().value(u"missing"_s).toInt(), 2);
        QCOMPARE(report.value(u"packages"_s).toArray().at(1).toObject().value(u"status"_s).toString(), u"ok"_s);

        QFile bad(m_dir.filePath(u"bad.lock"_s));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("[[package]]\nname = \"../../x\"\nversion = \"1.0.0\"\n");
        bad.close();
        const CliResult refused = runCratedesk({u"audit"_s, bad.fileName(), u"--index"_s, index});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains("bad.lock: package 1"), qPrintable(refused.describe()));
    }

    // Runs Debian's python3-jsonschema over a document with CycloneDX's own 1.5 schema.
    static std::pair<int, QString> validateCycloneDx(const QString &document)
    {
        QProcess python;
        python.setProcessChannelMode(QProcess::MergedChannels);
        python.start(u"python3"_s, {TestSupport::sourceDir() + u"/tests/audit/validate-cyclonedx.py"_s,
                                    TestSupport::sourceDir() + u"/tests/fixtures/cyclonedx"_s, document});
        if (!python.waitForFinished(60000) || python.exitStatus() != QProcess::NormalExit)
            return {-1, u"python3 did not finish"_s};
        return {python.exitCode(), QString::fromUtf8(python.readAll())};
    }

    // --sbom: every package of the lockfile as a component with its package URL, the
    // lockfile's SHA-256 and the license the feed gave, valid under CycloneDX's schema.
    void theBillOfMaterialsIsValidCycloneDx()
    {
        const QString lock = m_dir.filePath(u"sbom/Cargo.lock"_s);
        QVERIFY(QDir().mkpath(QFileInfo(lock).path()));
        QFile file(lock);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(lockfile());
        file.close();
        const QString sbom = m_dir.filePath(u"sbom/bom.cdx.json"_s);
        const CliResult run = runCratedesk({u"audit"_s, lock, u"--index"_s, u"sparse+"_s + m_feed->indexUrl().toString(), u"--sbom"_s, sbom});
        QCOMPARE(run.exitCode, 1); // the audit's verdict; the bill of materials is written either way
        QFile written(sbom);
        QVERIFY2(written.open(QIODevice::ReadOnly), qPrintable(run.describe()));
        const QJsonObject bom = QJsonDocument::fromJson(written.readAll()).object();
        QCOMPARE(bom.value(u"bomFormat"_s).toString(), u"CycloneDX"_s);
        QCOMPARE(bom.value(u"specVersion"_s).toString(), u"1.5"_s);
        QCOMPARE(bom.value(u"metadata"_s).toObject().value(u"component"_s).toObject().value(u"name"_s).toString(), u"sbom"_s);
        QHash<QString, QJsonObject> components;
        for (const QJsonValue &value : bom.value(u"components"_s).toArray())
            components.insert(value.toObject().value(u"name"_s).toString() + u'@' + value.toObject().value(u"version"_s).toString(), value.toObject());
        QCOMPARE(components.size(), 8);
        const QJsonObject ok = components.value(u"acme-ok@1.0.0"_s);
        QCOMPARE(ok.value(u"purl"_s).toString(),
                 u"pkg:cargo/acme-ok@1.0.0?repository_url="_s + QString::fromLatin1(QUrl::toPercentEncoding(u"sparse+"_s + m_feed->indexUrl().toString())));
        QCOMPARE(ok.value(u"hashes"_s).toArray().first().toObject().value(u"content"_s).toString(), m_sums.value(u"acme-ok 1.0.0"_s));
        QCOMPARE(ok.value(u"licenses"_s).toArray().first().toObject().value(u"expression"_s).toString(), u"MIT"_s);
        QCOMPARE(components.value(u"acme-gpl@1.0.0"_s).value(u"licenses"_s).toArray().first().toObject().value(u"expression"_s).toString(),
                 u"GPL-3.0-only"_s);
        QVERIFY(!components.value(u"nowhere@1.0.0"_s).contains(u"licenses"_s)); // the feed lacks it: no license made up
        QCOMPARE(components.value(u"tool@0.3.0"_s).value(u"purl"_s).toString(),
                 u"pkg:cargo/tool@0.3.0?vcs_url=git%2Bhttps%3A%2F%2Fexample.com%2Ftool.git"_s);
        QCOMPARE(components.value(u"app@0.1.0"_s).value(u"type"_s).toString(), u"application"_s);

        const auto [valid, report] = validateCycloneDx(sbom);
        QVERIFY2(valid == 0, qPrintable(report));
        // The validator does reject what the schema forbids.
        QFile broken(m_dir.filePath(u"sbom/broken.json"_s));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write(R"({"bomFormat": "CycloneDX", "specVersion": "1.5", "components": [{"type": "gadget", "name": "x"}]})");
        broken.close();
        const auto [invalid, complaint] = validateCycloneDx(broken.fileName());
        QVERIFY2(invalid == 1 && complaint.contains(u"gadget"_s), qPrintable(complaint));
    }

    void licensesInTheBillAreSpdx_data()
    {
        QTest::addColumn<QString>("cargo");
        QTest::addColumn<QString>("spdx");
        QTest::newRow("plain") << u"MIT"_s << u"MIT"_s;
        QTest::newRow("old slash") << u"MIT/Apache-2.0"_s << u"MIT OR Apache-2.0"_s;
        QTest::newRow("spaced slash") << u"MIT / Apache-2.0"_s << u"MIT OR Apache-2.0"_s;
        QTest::newRow("expression kept") << u"Apache-2.0 WITH LLVM-exception OR MIT"_s << u"Apache-2.0 WITH LLVM-exception OR MIT"_s;
    }

    void licensesInTheBillAreSpdx()
    {
        QFETCH(QString, cargo);
        QFETCH(QString, spdx);
        QCOMPARE(CycloneDxSbom::licenseExpression(cargo), spdx);
    }
};

QTEST_GUILESS_MAIN(TestLockfileAudit)
#include "tst_lockfileaudit.moc"
