// SPDX-License-Identifier: GPL-3.0-or-later
// A Cargo.lock audited against a ProGet Cargo feed (the ProGet test server): what ProGet itself
// blocks (downloads refused, a vulnerability assessed as blocking, a noncompliant license) is
// "blocked" with ProGet's reason, also for a version the feed does not list; what it only
// knows (vulnerabilities from the batch audit, a compliance warning, a deprecation) rides
// along as notes; a hostile server's answers are bounded and an older server's missing audit
// API costs nothing.
#include "audit/lockfileaudit.h"
#include "cargotypes/progetpackagereport.h"
#include "net/httpclient.h"
#include "progettestserver.h"
#include "registry/registryclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using Status = LockfileAudit::Status;

class TestProGetAudit : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_nam;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<ProGetTestServer> m_server;

    static QJsonObject line(const QString &name, const QString &vers)
    {
        return {{u"name"_s, name}, {u"vers"_s, vers}, {u"deps"_s, QJsonArray()}, {u"cksum"_s, QString(64, u'a')},
                {u"features"_s, QJsonObject()}, {u"yanked"_s, false}};
    }

    QByteArray package(const QString &name, const QString &vers) const
    {
        return "[[package]]\nname = \"" + name.toUtf8() + "\"\nversion = \"" + vers.toUtf8() + "\"\nsource = \"sparse+"
            + m_server->cargoIndexUrl(u"approved"_s).toString().toUtf8() + "\"\nchecksum = \"" + QByteArray(64, 'a') + "\"\n\n";
    }

    std::unique_ptr<RegistryClient> client(const QByteArray &key) const
    {
        Feed feed;
        feed.name = u"approved"_s;
        feed.indexUrl = m_server->cargoIndexUrl(u"approved"_s);
        feed.auth = Feed::AuthKind::Token;
        auto result = std::make_unique<RegistryClient>(feed, m_http.get(), nullptr, nullptr);
        result->setCredential(key);
        return result;
    }

    std::unique_ptr<LockfileAudit> audit(RegistryClient *client, const QByteArray &packages, const LicenseRules &policy = {})
    {
        const auto parsed = CargoLock::parse("version = 4\n\n" + packages);
        if (!parsed.lock)
            qFatal("the test's lockfile does not parse: %s", qPrintable(parsed.error));
        auto result = std::make_unique<LockfileAudit>(client);
        result->setLicensePolicy(policy);
        QSignalSpy finished(result.get(), &LockfileAudit::finished);
        result->start(*parsed.lock);
        if (!finished.wait(20000))
            qWarning("the audit did not finish within 20 s");
        return result;
    }

    static const LockfileAudit::Row &row(const LockfileAudit &audit, const QString &name)
    {
        const auto found = std::ranges::find_if(audit.rows(), [&](const LockfileAudit::Row &r) { return r.name == name; });
        if (found == audit.rows().cend())
            qFatal("no row %s", qPrintable(name));
        return *found;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_http = std::make_unique<HttpClient>(&m_nam);
        m_server = std::make_unique<ProGetTestServer>("audit-key");
        QVERIFY(m_server->listen());
        for (const QString &name : {u"pg-fine"_s, u"pg-refused"_s, u"pg-vulnerable"_s, u"pg-noncompliant"_s, u"pg-warned"_s, u"pg-known"_s, u"pg-gpl"_s})
            m_server->addCargoVersion(u"approved"_s, line(name, u"1.0.0"_s));
        const auto metadata = [this](const QString &name, const QJsonObject &extra) {
            QJsonObject json{{u"name"_s, name}, {u"version"_s, u"1.0.0"_s}, {u"state"_s, u"Local"_s}};
            for (auto it = extra.begin(); it != extra.end(); ++it)
                json.insert(it.key(), it.value());
            m_server->setMetadata(u"approved"_s, name, u"1.0.0"_s, QJsonDocument(json).toJson());
        };
        metadata(u"pg-fine"_s, {{u"licenses"_s, QJsonArray{QJsonObject{{u"code"_s, u"MIT"_s}, {u"title"_s, u"MIT License"_s}}}},
                                {u"complianceReport"_s, QJsonObject{{u"analysisResult"_s, u"Compliant"_s}}}});
        metadata(u"pg-refused"_s, {{u"status"_s, QJsonObject{{u"listed"_s, true}, {u"allowDownload"_s, false}}}});
        metadata(u"pg-vulnerable"_s, {{u"vulnerabilities"_s, QJsonArray{QJsonObject{
                                          {u"id"_s, u"PGV-2411"_s}, {u"summary"_s, u"heap overflow in the parser"_s}, {u"score"_s, 9.8},
                                          {u"assessments"_s, QJsonArray{QJsonObject{{u"type"_s, u"Blocked"_s}, {u"severity"_s, u"Critical"_s},
                                                                                    {u"blocked"_s, true}, {u"by"_s, u"sec"_s}}}}}}}});
        metadata(u"pg-noncompliant"_s, {{u"complianceReport"_s, QJsonObject{{u"analysisResult"_s, u"Noncompliant"_s},
                                                                            {u"issues"_s, QJsonArray{u"License AGPL-3.0 is blocked by policy Default"_s}}}}});
        metadata(u"pg-warned"_s, {{u"complianceReport"_s, QJsonObject{{u"analysisResult"_s, u"Warn"_s}, {u"issues"_s, QJsonArray{u"Package is deprecated"_s}}}},
                                  {u"status"_s, QJsonObject{{u"listed"_s, true}, {u"deprecated"_s, true}, {u"deprecationReason"_s, u"use pg-fine"_s}}}});
        metadata(u"pg-gpl"_s, {{u"licenses"_s, QJsonArray{QJsonObject{{u"code"_s, u"GPL-3.0-only"_s}}}}});
        // Not in the feed's index: a connector's package ProGet refuses for its license.
        m_server->setMetadata(u"approved"_s, u"pg-remote"_s, u"2.0.0"_s,
                              R"({"name":"pg-remote","version":"2.0.0","state":"Remote","complianceReport":{"analysisResult":"Noncompliant","issues":["License SSPL-1.0 is blocked"]}})");
        m_server->addVulnerability(u"pg-known"_s, u"1.0.0"_s,
                                   {{u"id"_s, u"PGV-77"_s}, {u"summary"_s, u"timing side channel"_s}, {u"severity"_s, u"Medium"_s}, {u"numericCvss"_s, 5.3}});
        m_server->addVulnerability(u"pg-vulnerable"_s, u"1.0.0"_s, {{u"id"_s, u"PGV-2411"_s}, {u"summary"_s, u"heap overflow in the parser"_s}});
    }

    void everyProGetVerdictHasItsRow_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<Status>("status");
        QTest::addColumn<QString>("detail");
        QTest::newRow("compliant") << u"pg-fine"_s << Status::Ok << QString();
        QTest::newRow("downloads refused") << u"pg-refused"_s << Status::Blocked << u"ProGet blocks downloads of pg-refused 1.0.0"_s;
        QTest::newRow("blocking vulnerability") << u"pg-vulnerable"_s << Status::Blocked
                                                << u"ProGet blocks pg-vulnerable 1.0.0 for vulnerability PGV-2411 (Critical, 9.8): heap overflow in the parser"_s;
        QTest::newRow("noncompliant") << u"pg-noncompliant"_s << Status::Blocked
                                      << u"ProGet finds pg-noncompliant 1.0.0 noncompliant: License AGPL-3.0 is blocked by policy Default"_s;
        QTest::newRow("warned and deprecated") << u"pg-warned"_s << Status::Ok
                                               << u"ProGet's compliance analysis: Warn Package is deprecated; deprecated in ProGet: use pg-fine"_s;
        QTest::newRow("known vulnerability") << u"pg-known"_s << Status::Ok << u"vulnerability PGV-77 (Medium, 5.3): timing side channel"_s;
        QTest::newRow("not listed, refused by ProGet") << u"pg-remote"_s << Status::Blocked
                                                       << u"ProGet finds pg-remote 2.0.0 noncompliant: License SSPL-1.0 is blocked"_s;
        QTest::newRow("not there at all") << u"pg-nowhere"_s << Status::Missing << u"the feed has no crate pg-nowhere"_s;
    }

    void everyProGetVerdictHasItsRow()
    {
        QFETCH(QString, name);
        QFETCH(Status, status);
        QFETCH(QString, detail);
        const auto pg = client("audit-key");
        QByteArray lock;
        for (const QString &n : {u"pg-fine"_s, u"pg-refused"_s, u"pg-vulnerable"_s, u"pg-noncompliant"_s, u"pg-warned"_s, u"pg-known"_s})
            lock += package(n, u"1.0.0"_s);
        lock += package(u"pg-remote"_s, u"2.0.0"_s) + package(u"pg-nowhere"_s, u"1.0.0"_s);
        const auto result = audit(pg.get(), lock);
        QVERIFY(result->isFinished());
        const LockfileAudit::Row &found = row(*result, name);
        QCOMPARE(found.status, status);
        QCOMPARE(found.detail(), detail);
        QVERIFY(result->warnings().isEmpty());
        if (status == Status::Ok && !detail.isEmpty())
            QVERIFY2(result->textReport().contains(u"ok\t%1 1.0.0\t%2"_s.arg(name, detail)), qPrintable(result->textReport()));
    }

    // The blocking vulnerability is named once, though metadata and batch audit both know it.
    void aVulnerabilityIsNamedOnce()
    {
        const auto pg = client("audit-key");
        const auto result = audit(pg.get(), package(u"pg-vulnerable"_s, u"1.0.0"_s));
        QCOMPARE(row(*result, u"pg-vulnerable"_s).detail().count(u"PGV-2411"_s), 1);
    }

    // ProGet's license codes feed the policy, no .crate download needed.
    void proGetsLicensesMeetThePolicy()
    {
        const auto pg = client("audit-key");
        const auto result = audit(pg.get(), package(u"pg-gpl"_s, u"1.0.0"_s) + package(u"pg-fine"_s, u"1.0.0"_s), LicenseRules{{u"MIT"_s}, {}, false});
        QCOMPARE(row(*result, u"pg-gpl"_s).status, Status::Blocked);
        QCOMPARE(row(*result, u"pg-gpl"_s).license, u"GPL-3.0-only"_s);
        QCOMPARE(row(*result, u"pg-fine"_s).status, Status::Ok);
        QCOMPARE(row(*result, u"pg-fine"_s).license, u"MIT"_s);
        const auto requests = m_server->requests();
        QVERIFY(std::ranges::none_of(requests, [](const auto &r) { return r.path.contains(u"download"_s); }));
    }

    // A server older than the batch audit answers 404: the audit finishes as before, quietly.
    void aServerWithoutTheVulnerabilityAuditStillAudits()
    {
        m_server->setOffersVulnerabilityAudit(false);
        const auto pg = client("audit-key");
        const auto result = audit(pg.get(), package(u"pg-known"_s, u"1.0.0"_s) + package(u"pg-refused"_s, u"1.0.0"_s));
        m_server->setOffersVulnerabilityAudit(true);
        QCOMPARE(row(*result, u"pg-known"_s).status, Status::Ok);
        QVERIFY(row(*result, u"pg-known"_s).notes.isEmpty());
        QCOMPARE(row(*result, u"pg-refused"_s).status, Status::Blocked);
        QVERIFY(result->warnings().isEmpty());
    }

    // A key ProGet refuses (403): the index still answers, the audit says what it could not ask.
    void aRefusedKeyIsSaidNotHidden()
    {
        const auto weak = client("wrong-key");
        const auto result = audit(weak.get(), package(u"pg-fine"_s, u"1.0.0"_s));
        QCOMPARE(row(*result, u"pg-fine"_s).status, Status::Ok);
        QVERIFY2(row(*result, u"pg-fine"_s).detail().contains(u"ProGet's metadata could not be read"_s), qPrintable(row(*result, u"pg-fine"_s).detail()));
        QCOMPARE(result->warnings().size(), 1);
        QVERIFY2(result->warnings().first().contains(u"proper permissions"_s), qPrintable(result->warnings().first()));
        QVERIFY(result->textReport().contains(u"ProGet's vulnerability audit failed"_s));
    }

    // What a hostile server sends is cut to size and never trusted for indexes or scores.
    void hostileAnswersAreBounded()
    {
        QJsonArray issues;
        for (int i = 0; i < 10000; ++i)
            issues.append(QString(5000, u'x'));
        const QJsonObject metadata{{u"complianceReport"_s, QJsonObject{{u"analysisResult"_s, u"Noncompliant"_s}, {u"issues"_s, issues}}},
                                   {u"vulnerabilities"_s, QJsonArray{QJsonObject{{u"id"_s, u"PGV-1"_s}, {u"score"_s, 1e300}}}}};
        const ProGetPackageReport report = ProGetPackageReport::fromMetadata(metadata);
        QCOMPARE(report.complianceIssues.size(), 50);
        QVERIFY(report.complianceIssues.first().size() <= 600);
        QVERIFY(!report.vulnerabilities.first().score);

        const QJsonArray audit{QJsonObject{{u"id"_s, u"PGV-2"_s}, {u"affectedPackages"_s, QJsonArray{-1, 2, 1.5, 99, u"0"_s, 0}}},
                               QJsonObject{{u"affectedPackages"_s, QJsonArray{0}}}};
        const auto byPackage = ProGetPackageReport::fromVulnerabilityAudit(audit, 2);
        QCOMPARE(byPackage.size(), 2);
        QCOMPARE(byPackage.at(0).size(), 1); // index 0 only; no id, no entry
        QVERIFY(byPackage.at(1).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestProGetAudit)
#include "tst_progetaudit.moc"
