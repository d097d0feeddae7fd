// SPDX-License-Identifier: GPL-3.0-or-later
// Connector curation without a network: ProGet-style filters, the approved list, SPDX
// expressions under license rules, and connector settings that round-trip and validate.
#include "curation/connectorconfig.h"
#include "curation/advisorydatabase.h"
#include "curation/cratefilter.h"
#include "curation/releaseage.h"
#include "cargotypes/indexentry.h"
#include "curation/spdxexpression.h"

#include "testsupport.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestConnectorPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wildcard_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("matches");
        QTest::newRow("exact") << u"serde"_s << u"serde"_s << true;
        QTest::newRow("exact differs") << u"serde"_s << u"serde_json"_s << false;
        QTest::newRow("star suffix") << u"serde*"_s << u"serde_json"_s << true;
        QTest::newRow("star middle") << u"tokio-*-util"_s << u"tokio-stream-util"_s << true;
        QTest::newRow("question") << u"lo?"_s << u"log"_s << true;
        QTest::newRow("question too short") << u"lo?"_s << u"lo"_s << false;
        QTest::newRow("case and dash") << u"Serde_Json"_s << u"serde-json"_s << true;
        QTest::newRow("negation ignored for matching") << u"!left-*"_s << u"left-pad"_s << true;
        QTest::newRow("star alone") << u"*"_s << u"anything"_s << true;
        QTest::newRow("two stars") << u"*a*b"_s << u"xxaxxb"_s << true;
        QTest::newRow("two stars no") << u"*a*b"_s << u"xxaxxbc"_s << false;
    }
    void wildcard()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, name);
        QFETCH(bool, matches);
        QCOMPARE(CrateFilter::matches(pattern, name), matches);
    }

    void filters_data()
    {
        QTest::addColumn<QStringList>("filters");
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("no filters") << QStringList{} << u"x"_s << true;
        QTest::newRow("only blocks, other") << QStringList{u"!left-pad"_s} << u"serde"_s << true;
        QTest::newRow("only blocks, hit") << QStringList{u"!left-pad"_s} << u"left-pad"_s << false;
        QTest::newRow("allow list, hit") << QStringList{u"serde*"_s, u"tokio*"_s} << u"tokio-util"_s << true;
        QTest::newRow("allow list, miss") << QStringList{u"serde*"_s, u"tokio*"_s} << u"rand"_s << false;
        QTest::newRow("block wins over allow") << QStringList{u"serde*"_s, u"!serde_yaml"_s} << u"serde_yaml"_s << false;
        QTest::newRow("block order irrelevant") << QStringList{u"!serde_yaml"_s, u"serde*"_s} << u"serde_yaml"_s << false;
    }
    void filters()
    {
        QFETCH(QStringList, filters);
        QFETCH(QString, name);
        QFETCH(bool, allowed);
        const CurationVerdict verdict = CrateFilter::check(filters, name);
        QCOMPARE(verdict.allowed, allowed);
        if (!allowed)
            QVERIFY(!verdict.reason.isEmpty());
    }

    void patternErrors()
    {
        QVERIFY(CrateFilter::patternError(u"serde*"_s).isEmpty());
        QVERIFY(CrateFilter::patternError(u"!a?c"_s).isEmpty());
        QVERIFY(!CrateFilter::patternError(u"se rde"_s).isEmpty());
        QVERIFY(!CrateFilter::patternError(u"!"_s).isEmpty());
        QVERIFY(!CrateFilter::patternError(u"a/b"_s).isEmpty());
    }

    void approved_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("version");
        QTest::addColumn<bool>("crateAllowed");
        QTest::addColumn<bool>("versionAllowed");
        QTest::newRow("in range") << u"serde"_s << u"1.0.200"_s << true << true;
        QTest::newRow("out of range") << u"serde"_s << u"2.0.0"_s << true << false;
        QTest::newRow("any version") << u"log"_s << u"0.3.9"_s << true << true;
        QTest::newRow("not listed") << u"rand"_s << u"0.8.5"_s << false << false;
        QTest::newRow("second requirement") << u"syn"_s << u"2.0.1"_s << true << true;
        QTest::newRow("spelling") << u"Serde"_s << u"1.0.0"_s << true << true;
    }
    void approved()
    {
        QFETCH(QString, name);
        QFETCH(QString, version);
        QFETCH(bool, crateAllowed);
        QFETCH(bool, versionAllowed);
        const QList<ApprovedCrate> list{{u"serde"_s, u"^1"_s}, {u"log"_s, {}}, {u"syn"_s, u"^1"_s}, {u"syn"_s, u">=2, <3"_s}};
        QCOMPARE(CrateFilter::checkApproved(list, name).allowed, crateAllowed);
        QCOMPARE(CrateFilter::checkApprovedVersion(list, name, version).allowed, versionAllowed);
    }

    void spdxParse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("normalized");
        QTest::newRow("single") << u"MIT"_s << u"MIT"_s;
        QTest::newRow("or") << u"MIT OR Apache-2.0"_s << u"MIT OR Apache-2.0"_s;
        QTest::newRow("slash") << u"MIT/Apache-2.0"_s << u"MIT OR Apache-2.0"_s;
        QTest::newRow("lower-case operators") << u"MIT or Apache-2.0"_s << u"MIT OR Apache-2.0"_s;
        QTest::newRow("and binds tighter") << u"A OR B AND C"_s << u"A OR B AND C"_s;
        QTest::newRow("parentheses kept where needed") << u"(A OR B) AND C"_s << u"(A OR B) AND C"_s;
        QTest::newRow("redundant parentheses") << u"((MIT))"_s << u"MIT"_s;
        QTest::newRow("with") << u"Apache-2.0 WITH LLVM-exception OR MIT"_s << u"Apache-2.0 WITH LLVM-exception OR MIT"_s;
        QTest::newRow("plus") << u"GPL-2.0+"_s << u"GPL-2.0+"_s;
        QTest::newRow("licenseref") << u"LicenseRef-Proprietary"_s << u"LicenseRef-Proprietary"_s;
    }
    void spdxParse()
    {
        QFETCH(QString, text);
        QFETCH(QString, normalized);
        QString error;
        const auto expression = SpdxExpression::parse(text, &error);
        QVERIFY2(expression, qPrintable(error));
        QCOMPARE(expression->toString(), normalized);
    }

    void spdxErrors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << u""_s;
        QTest::newRow("dangling or") << u"MIT OR"_s;
        QTest::newRow("unbalanced") << u"(MIT OR Apache-2.0"_s;
        QTest::newRow("extra paren") << u"MIT)"_s;
        QTest::newRow("with nothing") << u"GPL-2.0 WITH"_s;
        QTest::newRow("bad character") << u"MIT, Apache-2.0"_s;
        QTest::newRow("operator first") << u"AND MIT"_s;
    }
    void spdxErrors()
    {
        QFETCH(QString, text);
        QString error;
        QVERIFY(!SpdxExpression::parse(text, &error));
        QVERIFY(error.contains(u"cannot read the license"_s));
    }

    void licenseVerdict_data()
    {
        QTest::addColumn<QString>("license");
        QTest::addColumn<QStringList>("allowed");
        QTest::addColumn<QStringList>("blocked");
        QTest::addColumn<bool>("allowUnknown");
        QTest::addColumn<bool>("passes");
        const QStringList permissive{u"MIT"_s, u"Apache-2.0"_s};
        const QStringList gpl{u"GPL-3.0-only"_s};
        QTest::newRow("allowed") << u"MIT"_s << permissive << gpl << false << true;
        QTest::newRow("blocked") << u"GPL-3.0-only"_s << permissive << gpl << true << false;
        QTest::newRow("or: one side passes") << u"MIT OR GPL-3.0-only"_s << permissive << gpl << false << true;
        QTest::newRow("and: one side blocked") << u"MIT AND GPL-3.0-only"_s << permissive << gpl << true << false;
        QTest::newRow("and: all allowed") << u"MIT AND Apache-2.0"_s << permissive << gpl << false << true;
        QTest::newRow("and: unknown side, unknown fails") << u"MIT AND Zlib"_s << permissive << gpl << false << false;
        QTest::newRow("and: unknown side, unknown passes") << u"MIT AND Zlib"_s << permissive << gpl << true << true;
        QTest::newRow("parentheses") << u"(GPL-3.0-only OR MIT) AND Apache-2.0"_s << permissive << gpl << false << true;
        QTest::newRow("parentheses blocked") << u"(GPL-3.0-only OR BSD-3-Clause) AND Apache-2.0"_s << permissive << gpl << false << false;
        QTest::newRow("with: base license decides") << u"Apache-2.0 WITH LLVM-exception"_s << permissive << gpl << false << true;
        QTest::newRow("with: exact rule") << u"GPL-2.0-only WITH Classpath-exception-2.0"_s
                                          << QStringList{u"GPL-2.0-only WITH Classpath-exception-2.0"_s} << QStringList{u"GPL-2.0-only"_s} << false << true;
        QTest::newRow("with: base blocked") << u"GPL-2.0-only WITH Autoconf-exception-2.0"_s
                                            << QStringList{u"GPL-2.0-only WITH Classpath-exception-2.0"_s} << QStringList{u"GPL-2.0-only"_s} << true << false;
        QTest::newRow("slash as or") << u"MIT/GPL-3.0-only"_s << permissive << gpl << false << true;
        QTest::newRow("none declared, unknown fails") << u""_s << permissive << gpl << false << false;
        QTest::newRow("none declared, unknown passes") << u""_s << permissive << gpl << true << true;
        QTest::newRow("unparsable counts as unknown") << u"MIT,"_s << permissive << gpl << false << false;
        QTest::newRow("case-insensitive ids") << u"mit"_s << permissive << gpl << false << true;
        QTest::newRow("plus falls back") << u"GPL-3.0-only+"_s << permissive << gpl << true << false;
        QTest::newRow("no rules") << u"GPL-3.0-only"_s << QStringList{} << QStringList{} << true << true;
    }
    void licenseVerdict()
    {
        QFETCH(QString, license);
        QFETCH(QStringList, allowed);
        QFETCH(QStringList, blocked);
        QFETCH(bool, allowUnknown);
        QFETCH(bool, passes);
        const LicenseVerdict verdict = LicenseVerdict::judge(license, {allowed, blocked, allowUnknown});
        QVERIFY2(verdict.allowed == passes, qPrintable(verdict.reason));
        if (!passes)
            QVERIFY(!verdict.reason.isEmpty());
    }

    // Which pubtime a release-age delay believes. The parser takes only UTC in cargo's form,
    // so a time without a zone never becomes a pubtime at all.
    void pubtime_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("plausible");
        QTest::newRow("missing") << QString() << false;
        QTest::newRow("no time zone") << u"2024-05-01T10:00:00"_s << false;
        QTest::newRow("an offset instead of Z") << u"2024-05-01T10:00:00+02:00"_s << false;
        QTest::newRow("in the future") << u"2999-01-01T00:00:00Z"_s << false;
        QTest::newRow("before 2014") << u"2013-12-31T23:59:59Z"_s << false;
        QTest::newRow("first day of 2014") << u"2014-01-01T00:00:00Z"_s << true;
        QTest::newRow("crates.io's own") << u"2025-02-21T16:47:12Z"_s << true;
        QTest::newRow("not a day") << u"2024-02-30T10:00:00Z"_s << false;
    }

    void pubtime()
    {
        QFETCH(QString, text);
        QFETCH(bool, plausible);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const std::optional<QDateTime> parsed = text.isEmpty() ? std::nullopt : IndexEntry::parsePubtime(text);
        QCOMPARE(ReleaseAge::isPlausible(parsed, now), plausible);
        const QDateTime firstSeen = now.addDays(-1);
        QCOMPARE(ReleaseAge::published(parsed, firstSeen, now), plausible ? *parsed : firstSeen);
    }

    void preciseTarget_data()
    {
        QTest::addColumn<QString>("locked");
        QTest::addColumn<QStringList>("available");
        QTest::addColumn<QString>("target");
        QTest::newRow("newest of the same major") << u"1.4.2"_s << QStringList{u"1.2.0"_s, u"1.3.9"_s, u"2.0.0"_s} << u"1.3.9"_s;
        QTest::newRow("an older compatible one") << u"1.4.2"_s << QStringList{u"1.4.1"_s} << u"1.4.1"_s;
        QTest::newRow("same minor below 1.0") << u"0.3.5"_s << QStringList{u"0.3.1"_s, u"0.4.0"_s} << u"0.3.1"_s;
        QTest::newRow("nothing compatible: the newest") << u"0.3.5"_s << QStringList{u"0.2.0"_s, u"0.4.0"_s} << u"0.4.0"_s;
        QTest::newRow("0.0.x only itself") << u"0.0.3"_s << QStringList{u"0.0.2"_s, u"0.1.0"_s} << u"0.1.0"_s;
        QTest::newRow("prereleases are not offered") << u"1.0.0"_s << QStringList{u"1.1.0-rc.1"_s} << QString();
        QTest::newRow("nothing") << u"1.0.0"_s << QStringList{} << QString();
    }

    void preciseTarget()
    {
        QFETCH(QString, locked);
        QFETCH(QStringList, available);
        QFETCH(QString, target);
        QCOMPARE(ReleaseAge::preciseTarget(locked, available), target);
    }

    // The RustSec shapes a connector must read (tests/fixtures/advisory-db): the whole crate,
    // exact versions written as bounds, a requirement with a comma, an open range; withdrawn
    // advisories and files that are none count for nothing.
    void advisories_data()
    {
        QTest::addColumn<QString>("crate");
        QTest::addColumn<QString>("vers");
        QTest::addColumn<QStringList>("ids");
        const QStringList none;
        QTest::newRow("whole crate") << u"evil-crate"_s << u"0.1.0"_s << QStringList{u"RUSTSEC-2099-0001"_s};
        QTest::newRow("whole crate, any spelling") << u"Evil_Crate"_s << u"9.9.9"_s << QStringList{u"RUSTSEC-2099-0001"_s};
        QTest::newRow("below the exact version") << u"partly-bad"_s << u"1.4.0"_s << none;
        QTest::newRow("the exact version") << u"partly-bad"_s << u"1.4.1"_s << QStringList{u"RUSTSEC-2099-0002"_s};
        QTest::newRow("after the exact version") << u"partly-bad"_s << u"1.4.2"_s << none;
        QTest::newRow("a pre-release of the fix") << u"partly-bad"_s << u"1.4.2-rc.1"_s << none;
        QTest::newRow("comma: the bad one") << u"two-bad"_s << u"2.0.0"_s << QStringList{u"RUSTSEC-2099-0003"_s};
        QTest::newRow("comma: inside the unaffected range") << u"two-bad"_s << u"2.5.0"_s << none;
        QTest::newRow("comma: patched") << u"two-bad"_s << u"3.0.0"_s << none;
        QTest::newRow("open range: before") << u"open-bad"_s << u"0.4.9"_s << none;
        QTest::newRow("open range: from") << u"open-bad"_s << u"0.5.0"_s << QStringList{u"RUSTSEC-2099-0004"_s};
        QTest::newRow("open range: long after") << u"open-bad"_s << u"7.0.0"_s << QStringList{u"RUSTSEC-2099-0004"_s};
        QTest::newRow("not malicious, affected") << u"unsound-crate"_s << u"1.0.0"_s << QStringList{u"RUSTSEC-2099-0005"_s};
        QTest::newRow("scored, affected") << u"leaky-crate"_s << u"1.9.9"_s << QStringList{u"RUSTSEC-2099-0007"_s};
        QTest::newRow("scored, patched") << u"leaky-crate"_s << u"2.0.0"_s << none;
        QTest::newRow("withdrawn") << u"withdrawn-crate"_s << u"1.0.0"_s << none;
        QTest::newRow("no advisory") << u"serde"_s << u"1.0.0"_s << none;
    }

    void advisories()
    {
        QFETCH(QString, crate);
        QFETCH(QString, vers);
        QFETCH(QStringList, ids);
        const AdvisoryDatabase database = AdvisoryDatabase::load(TestSupport::sourceDir() + u"/tests/fixtures/advisory-db"_s);
        QCOMPARE(database.size(), 9);
        QCOMPARE(database.problems().size(), 1); // crates/broken/NOTES.md
        QVERIFY2(database.problems().first().contains(u"NOTES.md"_s), qPrintable(database.problems().first()));
        QStringList found;
        for (const Advisory &advisory : database.affecting(crate, vers))
            found << advisory.id;
        QCOMPARE(found, ids);
    }

    void advisoryFiles_data()
    {
        QTest::addColumn<QByteArray>("markdown");
        QTest::addColumn<bool>("valid");
        const QByteArray good = "```toml\n[advisory]\nid = \"RUSTSEC-2099-0100\"\npackage = \"x\"\ndate = \"2099-01-01\"\n"
                                "categories = [\"malicious\"]\n[versions]\npatched = []\n```\n\n# Title\n";
        QTest::newRow("valid") << good << true;
        QTest::newRow("no fence") << QByteArray("[advisory]\nid = \"RUSTSEC-2099-0100\"\n") << false;
        QTest::newRow("fence not at the top") << QByteArray("# Title\n\n" + good) << false;
        QTest::newRow("fence never closed") << good.left(good.indexOf("```\n\n")) << false;
        QTest::newRow("no patched list") << QByteArray(good).replace("patched = []\n", "") << false;
        QTest::newRow("not a RUSTSEC id") << QByteArray(good).replace("RUSTSEC-2099-0100", "GHSA-xxxx") << false;
        QTest::newRow("package is no crate name") << QByteArray(good).replace("package = \"x\"", "package = \"../etc\"") << false;
        QTest::newRow("hostile TOML") << QByteArray("```toml\n" + QByteArray("a.").repeated(200) + "b = 1\n```\n") << false;
    }

    void advisoryFiles()
    {
        QFETCH(QByteArray, markdown);
        QFETCH(bool, valid);
        QString error;
        const auto advisory = AdvisoryDatabase::parse(markdown, &error);
        QCOMPARE(advisory.has_value(), valid);
        QCOMPARE(error.isEmpty(), valid);
        if (valid) {
            QVERIFY(advisory->isMalicious());
            QCOMPARE(advisory->title, u"Title"_s);
            QVERIFY(advisory->affects(u"1.0.0"_s));
        }
    }

    // CVSS 3 base scores as the specification computes them (the figures NVD shows for the
    // same vectors), and every way a text fails to be a vector.
    void cvss_data()
    {
        QTest::addColumn<QString>("vector");
        QTest::addColumn<double>("score"); // -1: not a vector
        QTest::addColumn<QString>("severity");
        QTest::newRow("critical, unchanged scope") << u"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"_s << 9.8 << u"critical"_s;
        QTest::newRow("changed scope caps at 10") << u"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H"_s << 10.0 << u"critical"_s;
        QTest::newRow("3.0, reflected XSS") << u"CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N"_s << 6.1 << u"medium"_s;
        QTest::newRow("availability only") << u"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H"_s << 7.5 << u"high"_s;
        QTest::newRow("local") << u"CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H"_s << 7.8 << u"high"_s;
        QTest::newRow("high complexity") << u"CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N"_s << 5.9 << u"medium"_s;
        QTest::newRow("privileges, changed scope") << u"CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N"_s << 6.4 << u"medium"_s;
        QTest::newRow("physical, rounds up") << u"CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N"_s << 1.6 << u"low"_s;
        QTest::newRow("no impact") << u"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N"_s << 0.0 << u"none"_s;
        QTest::newRow("metrics in any order") << u"CVSS:3.1/A:H/I:H/C:H/S:U/UI:N/PR:N/AC:L/AV:N"_s << 9.8 << u"critical"_s;
        QTest::newRow("temporal metrics ignored") << u"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:P/RL:O/RC:C"_s << 9.8 << u"critical"_s;
        QTest::newRow("CVSS 4.0") << u"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"_s << -1.0 << QString();
        QTest::newRow("CVSS 2") << u"AV:N/AC:L/Au:N/C:P/I:P/A:P"_s << -1.0 << QString();
        QTest::newRow("a metric missing") << u"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H"_s << -1.0 << QString();
        QTest::newRow("a metric twice") << u"CVSS:3.1/AV:N/AV:L/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"_s << -1.0 << QString();
        QTest::newRow("an unknown value") << u"CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"_s << -1.0 << QString();
        QTest::newRow("an unknown metric") << u"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/ZZ:1"_s << -1.0 << QString();
        QTest::newRow("a trailing slash") << u"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/"_s << -1.0 << QString();
        QTest::newRow("empty") << QString() << -1.0 << QString();
        QTest::newRow("endless") << u"CVSS:3.1/"_s + u"E:X/"_s.repeated(100) << -1.0 << QString();
    }

    void cvss()
    {
        QFETCH(QString, vector);
        QFETCH(double, score);
        QFETCH(QString, severity);
        QString error;
        const auto parsed = CvssVector::parse(vector, &error);
        QCOMPARE(parsed.has_value(), score >= 0);
        QCOMPARE(error.isEmpty(), score >= 0);
        if (parsed) {
            QCOMPARE(parsed->baseScore(), score);
            QCOMPARE(CvssVector::severityName(parsed->severity()), severity);
        }
    }

    void advisoryScores()
    {
        const AdvisoryDatabase database = AdvisoryDatabase::load(TestSupport::sourceDir() + u"/tests/fixtures/advisory-db"_s);
        const auto leaky = database.affecting(u"leaky-crate"_s, u"1.0.0"_s);
        QCOMPARE(leaky.size(), 1);
        QCOMPARE(leaky.first().score()->baseScore(), 7.5);
        QCOMPARE(leaky.first().score()->severity(), Severity::High);
        QCOMPARE(database.affecting(u"minor-crate"_s, u"1.0.0"_s).first().score()->severity(), Severity::Low);
        QVERIFY(!database.affecting(u"v4-crate"_s, u"1.0.0"_s).first().score()); // CVSS 4.0 is not scored
        QVERIFY(!database.affecting(u"evil-crate"_s, u"1.0.0"_s).first().score());
    }

    void configRoundTrip()
    {
        ConnectorConfig config;
        config.name = u"crates-io"_s;
        config.indexUrl = ConnectorConfig::normalizeIndexUrl(u"sparse+https://index.crates.io"_s);
        QCOMPARE(config.indexUrl, QUrl(u"https://index.crates.io/"_s));
        config.auth = ConnectorConfig::Auth::Basic;
        config.user = u"me"_s;
        config.filters = {u"serde*"_s, u"!left-pad"_s};
        config.approved = {{u"serde"_s, u"^1"_s}};
        config.licenses = {{u"MIT"_s}, {u"GPL-3.0-only"_s}, false};
        config.minAgeDays = 7;
        config.ageExceptions = {{u"serde"_s, u"=1.0.200"_s}, {u"tokio"_s, {}}};
        config.advisoryDatabase = u"/srv/advisory-db"_s;
        config.blockSeverity = u"high"_s;
        QCOMPARE(config.blockedSeverity(), Severity::High);
        QVERIFY2(config.validationError().isEmpty(), qPrintable(config.validationError()));
        QVERIFY(config.isAgeException(u"Serde"_s, u"1.0.200"_s));
        QVERIFY(!config.isAgeException(u"serde"_s, u"1.0.201"_s));
        QVERIFY(config.isAgeException(u"tokio"_s, u"1.40.0"_s));
        QVERIFY(!config.isAgeException(u"rand"_s, u"0.9.0"_s));
        QCOMPARE(ConnectorConfig::fromJson(config.toJson()), config);
        QVERIFY(!config.toJson().contains(u"password"_s));
    }

    void configErrors()
    {
        QString error;
        QVERIFY(ConnectorConfig::normalizeIndexUrl(u"ftp://x/"_s, &error).isEmpty());
        QVERIFY(ConnectorConfig::normalizeIndexUrl(u"https://user:pw@host/"_s, &error).isEmpty());
        QVERIFY(error.contains(u"keychain"_s));
        QVERIFY(!ConnectorConfig::parseApproved(u"serde ^x"_s, &error));
        QVERIFY(!ConnectorConfig::validateName(u"bad name"_s).isEmpty());
        ConnectorConfig basic;
        basic.name = u"b"_s;
        basic.indexUrl = QUrl(u"https://h/"_s);
        basic.auth = ConnectorConfig::Auth::Basic;
        QVERIFY(basic.validationError().contains(u"user"_s));
        ConnectorConfig aged;
        aged.name = u"a"_s;
        aged.indexUrl = QUrl(u"https://h/"_s);
        for (const int days : {-1, ConnectorConfig::MaxMinAgeDays + 1}) {
            aged.minAgeDays = days;
            QVERIFY(aged.validationError().contains(u"release-age delay"_s));
        }
        aged.minAgeDays = 3;
        aged.ageExceptions = {{u"serde"_s, u"^x"_s}};
        QVERIFY(!aged.validationError().isEmpty());
        aged.ageExceptions.clear();
        aged.advisoryDatabase = u"relative/advisory-db"_s;
        QVERIFY(aged.validationError().contains(u"absolute"_s));
        aged.advisoryDatabase.clear();
        aged.blockSeverity = u"high"_s;
        QVERIFY(aged.validationError().contains(u"needs an advisory database"_s));
        aged.advisoryDatabase = u"/srv/advisory-db"_s;
        for (const QString &level : {u"severe"_s, u"none"_s, u"HIGH"_s}) {
            aged.blockSeverity = level;
            QVERIFY2(aged.validationError().contains(u"low, medium, high or critical"_s), qPrintable(level));
        }
        QVERIFY(ConnectorConfig::secretKey(u"/a"_s, u"x"_s) != ConnectorConfig::secretKey(u"/b"_s, u"x"_s));
    }
};

QTEST_GUILESS_MAIN(TestConnectorPolicy)
#include "tst_connectorpolicy.moc"
