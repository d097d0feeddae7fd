// SPDX-License-Identifier: GPL-3.0-or-later
#include "cargotypes/semver.h"

#include <QSet>
#include <QTest>

#include <algorithm>
#include <limits>
#include <random>

using namespace Qt::Literals::StringLiterals;

// QCOMPARE on two SemVer values prints them instead of "<unknown>".
char *toString(const SemVer &version)
{
    return QTest::toString(version.toString());
}

namespace {

SemVer version(const QString &text)
{
    QString error;
    const auto parsed = SemVer::parse(text, &error);
    if (!parsed)
        qFatal("test data is not a version: %s", qPrintable(error));
    return *parsed;
}

// The SemVer 2.0 specification's own example of precedence, lowest first.
const QStringList specPrecedence = {
    u"1.0.0-alpha"_s, u"1.0.0-alpha.1"_s, u"1.0.0-alpha.beta"_s, u"1.0.0-beta"_s,
    u"1.0.0-beta.2"_s, u"1.0.0-beta.11"_s, u"1.0.0-rc.1"_s,      u"1.0.0"_s,
};

} // namespace

class TestSemVer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesValid_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<quint64>("major");
        QTest::addColumn<quint64>("minor");
        QTest::addColumn<quint64>("patch");
        QTest::addColumn<QStringList>("prerelease");
        QTest::addColumn<QString>("build");

        const quint64 max = std::numeric_limits<quint64>::max();
        QTest::newRow("zero") << u"0.0.0"_s << 0ull << 0ull << 0ull << QStringList() << QString();
        QTest::newRow("plain") << u"1.2.3"_s << 1ull << 2ull << 3ull << QStringList() << QString();
        QTest::newRow("large numbers") << u"10.20.30"_s << 10ull << 20ull << 30ull << QStringList() << QString();
        QTest::newRow("u64 max") << u"18446744073709551615.18446744073709551615.18446744073709551615"_s << max
                                 << max << max << QStringList() << QString();
        QTest::newRow("alpha") << u"1.0.0-alpha"_s << 1ull << 0ull << 0ull << QStringList{u"alpha"_s} << QString();
        QTest::newRow("alpha.1") << u"1.0.0-alpha.1"_s << 1ull << 0ull << 0ull
                                 << QStringList{u"alpha"_s, u"1"_s} << QString();
        QTest::newRow("numeric pre") << u"1.0.0-0.3.7"_s << 1ull << 0ull << 0ull
                                     << QStringList{u"0"_s, u"3"_s, u"7"_s} << QString();
        QTest::newRow("spec x.7.z.92") << u"1.0.0-x.7.z.92"_s << 1ull << 0ull << 0ull
                                       << QStringList{u"x"_s, u"7"_s, u"z"_s, u"92"_s} << QString();
        QTest::newRow("hyphens") << u"1.0.0-x-y-z.--"_s << 1ull << 0ull << 0ull
                                 << QStringList{u"x-y-z"_s, u"--"_s} << QString();
        QTest::newRow("zero-prefixed alnum pre") << u"1.0.0-0a.00a"_s << 1ull << 0ull << 0ull
                                                 << QStringList{u"0a"_s, u"00a"_s} << QString();
        QTest::newRow("pre beyond u64") << u"1.0.0-99999999999999999999999"_s << 1ull << 0ull << 0ull
                                        << QStringList{u"99999999999999999999999"_s} << QString();
        QTest::newRow("build with leading zero") << u"1.0.0-alpha+001"_s << 1ull << 0ull << 0ull
                                                 << QStringList{u"alpha"_s} << u"001"_s;
        QTest::newRow("build timestamp") << u"1.0.0+20130313144700"_s << 1ull << 0ull << 0ull << QStringList()
                                         << u"20130313144700"_s;
        QTest::newRow("beta+exp.sha") << u"1.0.0-beta+exp.sha.5114f85"_s << 1ull << 0ull << 0ull
                                      << QStringList{u"beta"_s} << u"exp.sha.5114f85"_s;
        QTest::newRow("build hyphens") << u"1.0.0+21AF26D3----117B344092BD"_s << 1ull << 0ull << 0ull
                                       << QStringList() << u"21AF26D3----117B344092BD"_s;
        QTest::newRow("spec long") << u"1.2.3----RC-SNAPSHOT.12.9.1--.12+788"_s << 1ull << 2ull << 3ull
                                   << QStringList{u"---RC-SNAPSHOT"_s, u"12"_s, u"9"_s, u"1--"_s, u"12"_s}
                                   << u"788"_s;
        QTest::newRow("rc with build") << u"1.0.7-rc.1+build.123"_s << 1ull << 0ull << 7ull
                                       << QStringList{u"rc"_s, u"1"_s} << u"build.123"_s;
        QTest::newRow("uppercase") << u"2.0.0-RC.1+ABC"_s << 2ull << 0ull << 0ull
                                   << QStringList{u"RC"_s, u"1"_s} << u"ABC"_s;
    }

    void parsesValid()
    {
        QFETCH(QString, text);
        QFETCH(quint64, major);
        QFETCH(quint64, minor);
        QFETCH(quint64, patch);
        QFETCH(QStringList, prerelease);
        QFETCH(QString, build);

        QString error = u"untouched"_s;
        const auto parsed = SemVer::parse(text, &error);
        QVERIFY2(parsed, qPrintable(error));
        QCOMPARE(parsed->major(), major);
        QCOMPARE(parsed->minor(), minor);
        QCOMPARE(parsed->patch(), patch);
        QCOMPARE(parsed->prerelease(), prerelease);
        QCOMPARE(parsed->buildMetadata(), build);
        QCOMPARE(parsed->isPrerelease(), !prerelease.isEmpty());
        QCOMPARE(parsed->toString(), text);
        QVERIFY(!parsed->withoutBuild().contains(u'+'));
        QCOMPARE(*SemVer::parse(parsed->toString()), *parsed);
    }

    void rejectsInvalid_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("reason");

        QTest::newRow("empty") << u""_s << u"the version is empty"_s;
        QTest::newRow("major only") << u"1"_s << u"missing minor version"_s;
        QTest::newRow("no patch") << u"1.2"_s << u"missing patch version"_s;
        QTest::newRow("trailing dot") << u"1.2."_s << u"unexpected end of input while parsing patch version"_s;
        QTest::newRow("four parts") << u"1.2.3.4"_s << u"unexpected character '.' after patch version"_s;
        QTest::newRow("leading zero major") << u"01.0.0"_s << u"leading zero in major version"_s;
        QTest::newRow("leading zero minor") << u"1.01.0"_s << u"leading zero in minor version"_s;
        QTest::newRow("leading zero patch") << u"1.0.00"_s << u"leading zero in patch version"_s;
        QTest::newRow("v prefix") << u"v1.0.0"_s << u"unexpected character 'v' while parsing major version"_s;
        QTest::newRow("equals prefix") << u"=1.0.0"_s << u"unexpected character '=' while parsing major version"_s;
        QTest::newRow("leading space") << u" 1.0.0"_s << u"unexpected space while parsing major version"_s;
        QTest::newRow("trailing space") << u"1.0.0 "_s << u"unexpected space after patch version"_s;
        QTest::newRow("inner space") << u"1. 0.0"_s << u"unexpected space while parsing minor version"_s;
        QTest::newRow("tab") << u"1.0.0\t"_s << u"unexpected character U+0009 after patch version"_s;
        QTest::newRow("negative") << u"-1.0.0"_s << u"unexpected character '-' while parsing major version"_s;
        QTest::newRow("word") << u"alpha"_s << u"unexpected character 'a' while parsing major version"_s;
        QTest::newRow("wildcard") << u"1.x.0"_s << u"unexpected character 'x' while parsing minor version"_s;
        QTest::newRow("major overflow") << u"18446744073709551616.0.0"_s
                                        << u"major version exceeds 18446744073709551615"_s;
        QTest::newRow("patch overflow") << u"1.0.99999999999999999999"_s
                                        << u"patch version exceeds 18446744073709551615"_s;
        QTest::newRow("empty pre") << u"1.0.0-"_s << u"empty pre-release identifier"_s;
        QTest::newRow("empty pre before build") << u"1.0.0-+b"_s << u"empty pre-release identifier"_s;
        QTest::newRow("empty pre segment") << u"1.0.0-alpha..1"_s << u"empty pre-release identifier"_s;
        QTest::newRow("pre trailing dot") << u"1.0.0-alpha."_s << u"empty pre-release identifier"_s;
        QTest::newRow("pre leading zero") << u"1.0.0-01"_s
                                          << u"leading zero in numeric pre-release identifier \"01\""_s;
        QTest::newRow("pre leading zero later") << u"1.2.3-rc.007"_s
                                                << u"leading zero in numeric pre-release identifier \"007\""_s;
        QTest::newRow("pre underscore") << u"1.0.0-alpha_beta"_s
                                        << u"unexpected character '_' after pre-release identifier"_s;
        QTest::newRow("pre non-ascii") << u"1.0.0-\u00e9"_s
                                       << u"unexpected character '\u00e9' in pre-release identifier"_s;
        QTest::newRow("pre bad char after dot") << u"1.0.0-a.%"_s
                                                << u"unexpected character '%' in pre-release identifier"_s;
        QTest::newRow("empty build") << u"1.0.0+"_s << u"empty build metadata identifier"_s;
        QTest::newRow("empty build segment") << u"1.0.0+a..b"_s << u"empty build metadata identifier"_s;
        QTest::newRow("two builds") << u"1.0.0+a+b"_s << u"unexpected character '+' after build metadata"_s;
        QTest::newRow("pre after build") << u"1.0.0+a-b_c"_s << u"unexpected character '_' after build metadata"_s;
        QTest::newRow("dev suffix") << u"1.2.3.DEV"_s << u"unexpected character '.' after patch version"_s;
        QTest::newRow("snapshot without patch") << u"1.2-SNAPSHOT"_s
                                                << u"unexpected character '-' after minor version"_s;
        QTest::newRow("spec invalid") << u"1.2.31.2.3----RC-SNAPSHOT.12.09.1--..12+788"_s
                                      << u"unexpected character '.' after patch version"_s;
        QTest::newRow("plus only") << u"+invalid"_s << u"unexpected character '+' while parsing major version"_s;
    }

    void rejectsInvalid()
    {
        QFETCH(QString, text);
        QFETCH(QString, reason);

        QString error;
        QVERIFY(!SemVer::parse(text, &error));
        QCOMPARE(error, u"\"%1\" is not a valid version: %2"_s.arg(text, reason));
        QVERIFY(!SemVer::parse(text)); // the error pointer is optional
    }

    void errorMessageNamesInputAndProblem()
    {
        QString error;
        QVERIFY(!SemVer::parse(u"01.0.0", &error));
        QCOMPARE(error, u"\"01.0.0\" is not a valid version: leading zero in major version"_s);
    }

    void comparesPrecedence_data()
    {
        QTest::addColumn<QString>("lhs");
        QTest::addColumn<QString>("rhs");
        QTest::addColumn<int>("expected");

        QTest::newRow("major") << u"1.0.0"_s << u"2.0.0"_s << -1;
        QTest::newRow("minor") << u"2.0.0"_s << u"2.1.0"_s << -1;
        QTest::newRow("patch") << u"2.1.0"_s << u"2.1.1"_s << -1;
        QTest::newRow("numeric not textual") << u"1.10.0"_s << u"1.9.0"_s << 1;
        QTest::newRow("huge major") << u"18446744073709551615.0.0"_s << u"18446744073709551614.99.99"_s << 1;
        QTest::newRow("equal") << u"1.2.3"_s << u"1.2.3"_s << 0;
        QTest::newRow("pre below release") << u"1.0.0-alpha"_s << u"1.0.0"_s << -1;
        QTest::newRow("pre above older release") << u"1.0.1-alpha"_s << u"1.0.0"_s << 1;
        QTest::newRow("numeric ids numerically") << u"1.0.0-2"_s << u"1.0.0-11"_s << -1;
        QTest::newRow("numeric ids beyond u64") << u"1.0.0-99999999999999999999"_s
                                                << u"1.0.0-100000000000000000000"_s << -1;
        QTest::newRow("alnum ids in ASCII order") << u"1.0.0-a2"_s << u"1.0.0-a11"_s << 1;
        QTest::newRow("uppercase before lowercase") << u"1.0.0-Z"_s << u"1.0.0-a"_s << -1;
        QTest::newRow("hyphen before digits in ASCII") << u"1.0.0--"_s << u"1.0.0-0a"_s << -1;
        QTest::newRow("numeric below alnum") << u"1.0.0-999"_s << u"1.0.0-a"_s << -1;
        QTest::newRow("numeric below alnum later") << u"1.0.0-alpha.1"_s << u"1.0.0-alpha.a"_s << -1;
        QTest::newRow("longer wins on equal prefix") << u"1.0.0-alpha"_s << u"1.0.0-alpha.0"_s << -1;
        QTest::newRow("build ignored") << u"1.0.0+a"_s << u"1.0.0+b"_s << 0;
        QTest::newRow("build ignored vs none") << u"1.0.0"_s << u"1.0.0+build.5"_s << 0;
        QTest::newRow("build ignored on pre") << u"1.0.0-rc.1+x"_s << u"1.0.0-rc.1"_s << 0;
        QTest::newRow("build does not lift") << u"1.0.0-rc.1+zzz"_s << u"1.0.0-rc.2"_s << -1;

        for (qsizetype i = 0; i < specPrecedence.size(); ++i) {
            for (qsizetype j = 0; j < specPrecedence.size(); ++j) {
                const QString name = u"spec %1 vs %2"_s.arg(specPrecedence.at(i), specPrecedence.at(j));
                QTest::newRow(qPrintable(name)) << specPrecedence.at(i) << specPrecedence.at(j)
                                                << (i < j ? -1 : (i > j ? 1 : 0));
            }
        }
    }

    void comparesPrecedence()
    {
        QFETCH(QString, lhs);
        QFETCH(QString, rhs);
        QFETCH(int, expected);

        const SemVer a = version(lhs);
        const SemVer b = version(rhs);
        QCOMPARE(a.comparePrecedence(b), expected);
        QCOMPARE(b.comparePrecedence(a), -expected);
        QCOMPARE(a < b, expected < 0);
        QCOMPARE(a > b, expected > 0);
        QCOMPARE(a <= b, expected <= 0);
        QCOMPARE(a >= b, expected >= 0);
        QCOMPARE(a.precedenceKey() == b.precedenceKey(), expected == 0);
    }

    void sortsSpecListIntoPrecedenceOrder()
    {
        QList<SemVer> versions;
        for (const QString &text : specPrecedence)
            versions.append(version(text));
        QList<SemVer> shuffled = versions;
        std::mt19937 random(20260321);
        for (int round = 0; round < 20; ++round) {
            std::shuffle(shuffled.begin(), shuffled.end(), random);
            std::sort(shuffled.begin(), shuffled.end());
            QCOMPARE(shuffled, versions);
        }
    }

    void equalityIncludesBuildMetadata_data()
    {
        QTest::addColumn<QString>("lhs");
        QTest::addColumn<QString>("rhs");
        QTest::addColumn<bool>("equal");

        QTest::newRow("same") << u"1.0.0"_s << u"1.0.0"_s << true;
        QTest::newRow("same build") << u"1.0.0+a"_s << u"1.0.0+a"_s << true;
        QTest::newRow("different build") << u"1.0.0+a"_s << u"1.0.0+b"_s << false;
        QTest::newRow("build vs none") << u"1.0.7+x"_s << u"1.0.7"_s << false;
        QTest::newRow("build case") << u"1.0.0+A"_s << u"1.0.0+a"_s << false;
        QTest::newRow("build leading zero") << u"1.0.0+01"_s << u"1.0.0+1"_s << false;
        QTest::newRow("pre") << u"1.0.0-rc.1"_s << u"1.0.0-rc.1"_s << true;
        QTest::newRow("different pre") << u"1.0.0-rc.1"_s << u"1.0.0-rc.2"_s << false;
    }

    void equalityIncludesBuildMetadata()
    {
        QFETCH(QString, lhs);
        QFETCH(QString, rhs);
        QFETCH(bool, equal);

        const SemVer a = version(lhs);
        const SemVer b = version(rhs);
        QCOMPARE(a == b, equal);
        QCOMPARE(a != b, !equal);
        if (equal)
            QCOMPARE(qHash(a), qHash(b));
    }

    void precedenceKeyRefusesBuildOnlyDuplicates()
    {
        // The local feed's rule: a new version clashes with an existing one of equal precedence.
        const QSet<QString> published = {version(u"1.0.7"_s).precedenceKey(),
                                         version(u"1.0.8-rc.1+linux"_s).precedenceKey()};
        QVERIFY(published.contains(version(u"1.0.7+x"_s).precedenceKey()));
        QVERIFY(published.contains(version(u"1.0.8-rc.1"_s).precedenceKey()));
        QVERIFY(published.contains(version(u"1.0.8-rc.1+mac"_s).precedenceKey()));
        QVERIFY(!published.contains(version(u"1.0.8-rc.2"_s).precedenceKey()));
        QVERIFY(!published.contains(version(u"1.0.70"_s).precedenceKey()));
    }

    void derivedText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("withoutBuild");
        QTest::addColumn<bool>("prerelease");

        QTest::newRow("release") << u"1.2.3"_s << u"1.2.3"_s << false;
        QTest::newRow("release with build") << u"1.2.3+abc.001"_s << u"1.2.3"_s << false;
        QTest::newRow("pre") << u"1.2.3-rc.1"_s << u"1.2.3-rc.1"_s << true;
        QTest::newRow("pre with build") << u"1.2.3-rc.1+abc"_s << u"1.2.3-rc.1"_s << true;
    }

    void derivedText()
    {
        QFETCH(QString, text);
        QFETCH(QString, withoutBuild);
        QFETCH(bool, prerelease);

        const SemVer parsed = version(text);
        QCOMPARE(parsed.withoutBuild(), withoutBuild);
        QCOMPARE(parsed.precedenceKey(), withoutBuild);
        QCOMPARE(parsed.isPrerelease(), prerelease);
    }

    void constructsRelease()
    {
        const SemVer release(3, 14, 15);
        QCOMPARE(release.toString(), u"3.14.15"_s);
        QCOMPARE(release, version(u"3.14.15"_s));
        QCOMPARE(SemVer().toString(), u"0.0.0"_s);
    }
};

QTEST_GUILESS_MAIN(TestSemVer)
#include "tst_semver.moc"
