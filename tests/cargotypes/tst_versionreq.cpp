// SPDX-License-Identifier: GPL-3.0-or-later
#include "cargotypes/versionreq.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

SemVer version(const QString &text)
{
    QString error;
    const auto parsed = SemVer::parse(text, &error);
    if (!parsed)
        qFatal("test data is not a version: %s", qPrintable(error));
    return *parsed;
}

VersionReq requirement(const QString &text)
{
    QString error;
    const auto parsed = VersionReq::parse(text, &error);
    if (!parsed)
        qFatal("test data is not a requirement: %s", qPrintable(error));
    return *parsed;
}

QList<SemVer> versions(const QStringList &texts)
{
    QList<SemVer> result;
    for (const QString &text : texts)
        result.append(version(text));
    return result;
}

} // namespace

class TestVersionReq : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void displaysInCargoForm_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("display");

        QTest::newRow("bare partial gets caret") << u"0.1"_s << u"^0.1"_s;
        QTest::newRow("bare full gets caret") << u"1.2.3"_s << u"^1.2.3"_s;
        QTest::newRow("bare major") << u"1"_s << u"^1"_s;
        QTest::newRow("caret kept") << u"^1.2.3"_s << u"^1.2.3"_s;
        QTest::newRow("spaced list") << u" >= 0.1 ,  < 0.3 "_s << u">=0.1, <0.3"_s;
        QTest::newRow("tight list") << u">=1.2,<1.5"_s << u">=1.2, <1.5"_s;
        QTest::newRow("star") << u"*"_s << u"*"_s;
        QTest::newRow("spaced star") << u"  *  "_s << u"*"_s;
        QTest::newRow("x") << u"x"_s << u"*"_s;
        QTest::newRow("X") << u"X"_s << u"*"_s;
        QTest::newRow("minor wildcard") << u"1.*"_s << u"1.*"_s;
        QTest::newRow("minor x") << u"1.x"_s << u"1.*"_s;
        QTest::newRow("patch wildcard") << u"0.1.*"_s << u"0.1.*"_s;
        QTest::newRow("patch X") << u"1.2.X"_s << u"1.2.*"_s;
        QTest::newRow("double wildcard") << u"1.*.*"_s << u"1.*"_s;
        QTest::newRow("caret with wildcard is a caret") << u"^1.*"_s << u"^1"_s;
        QTest::newRow("ge with wildcard") << u">=1.2.*"_s << u">=1.2"_s;
        QTest::newRow("exact") << u"=0.1.0"_s << u"=0.1.0"_s;
        QTest::newRow("exact spaced") << u"= 0.1.0"_s << u"=0.1.0"_s;
        QTest::newRow("tilde") << u"~0.1.0"_s << u"~0.1.0"_s;
        QTest::newRow("tilde partial") << u"~1"_s << u"~1"_s;
        QTest::newRow("greater") << u">1"_s << u">1"_s;
        QTest::newRow("less") << u"<2"_s << u"<2"_s;
        QTest::newRow("less equal") << u"<=1.4"_s << u"<=1.4"_s;
        QTest::newRow("prerelease") << u"1.0.0-alpha.1"_s << u"^1.0.0-alpha.1"_s;
        QTest::newRow("build dropped") << u"=1.0.0+build.5"_s << u"=1.0.0"_s;
        QTest::newRow("pre kept build dropped") << u"1.0.0-rc.1+abc"_s << u"^1.0.0-rc.1"_s;
        QTest::newRow("three comparators") << u">1.0.0,<2.0.0,  =1.5.0"_s << u">1.0.0, <2.0.0, =1.5.0"_s;
        QTest::newRow("huge numbers") << u"=18446744073709551615.0.0"_s << u"=18446744073709551615.0.0"_s;
        QTest::newRow("space after comma only") << u"^1, ^1.2"_s << u"^1, ^1.2"_s;
    }

    void displaysInCargoForm()
    {
        QFETCH(QString, text);
        QFETCH(QString, display);

        QString error;
        const auto parsed = VersionReq::parse(text, &error);
        QVERIFY2(parsed, qPrintable(error));
        QCOMPARE(parsed->toString(), display);
        // The display form reads back as the same requirement.
        const auto again = VersionReq::parse(display);
        QVERIFY(again);
        QVERIFY(*again == *parsed);
    }

    void rejectsInvalid_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("reason");

        QTest::newRow("empty") << u""_s << u"unexpected end of input while parsing major version"_s;
        QTest::newRow("spaces") << u"   "_s << u"unexpected end of input while parsing major version"_s;
        QTest::newRow("operator only") << u">="_s << u"unexpected end of input while parsing major version"_s;
        QTest::newRow("trailing comma") << u"1.0,"_s << u"unexpected end of input while parsing major version"_s;
        QTest::newRow("double comma") << u"1.0,,2"_s << u"unexpected character ',' while parsing major version"_s;
        QTest::newRow("or") << u"1.0 || 2.0"_s << u"expected a comma after minor version, found character '|'"_s;
        QTest::newRow("space separated") << u">=1.0 <2.0"_s
                                         << u"expected a comma after minor version, found character '<'"_s;
        QTest::newRow("v prefix") << u"v1.0"_s << u"unexpected character 'v' while parsing major version"_s;
        QTest::newRow("leading zero") << u"^01.0"_s << u"leading zero in major version"_s;
        QTest::newRow("leading zero minor") << u"1.00"_s << u"leading zero in minor version"_s;
        QTest::newRow("overflow") << u"=18446744073709551616"_s << u"major version exceeds 18446744073709551615"_s;
        QTest::newRow("number after wildcard") << u"1.*.3"_s << u"a wildcard must not be followed by a number"_s;
        QTest::newRow("star with others") << u"*, 1.0"_s << u"the wildcard * must be the only comparator"_s;
        QTest::newRow("star later") << u"1.0, *"_s << u"the wildcard * must be the only comparator"_s;
        QTest::newRow("x later") << u">=1.0, x"_s << u"the wildcard x must be the only comparator"_s;
        QTest::newRow("star then text") << u"*.1"_s << u"unexpected character '.' after the wildcard"_s;
        QTest::newRow("operator with star") << u">=*"_s << u"unexpected character '*' while parsing major version"_s;
        QTest::newRow("pre needs patch") << u"1.0-alpha"_s
                                         << u"expected a comma after minor version, found character '-'"_s;
        QTest::newRow("pre leading zero") << u"1.0.0-01"_s
                                          << u"leading zero in numeric pre-release identifier \"01\""_s;
        QTest::newRow("empty pre") << u"1.0.0-"_s << u"empty pre-release identifier"_s;
        QTest::newRow("empty build") << u"1.0.0+"_s << u"empty build metadata identifier"_s;
        QTest::newRow("four parts") << u"1.2.3.4"_s << u"expected a comma after patch version, found character '.'"_s;
        QTest::newRow("tab") << u"1.0\t"_s << u"expected a comma after minor version, found character U+0009"_s;
        QTest::newRow("npm range") << u"1.0 - 2.0"_s << u"expected a comma after minor version, found character '-'"_s;
        QTest::newRow("not equal") << u"!=1.0"_s << u"unexpected character '!' while parsing major version"_s;
        QTest::newRow("tilde greater") << u"~>1.0"_s << u"unexpected character '>' while parsing major version"_s;
    }

    void rejectsInvalid()
    {
        QFETCH(QString, text);
        QFETCH(QString, reason);

        QString error;
        QVERIFY(!VersionReq::parse(text, &error));
        QCOMPARE(error, u"\"%1\" is not a valid version requirement: %2"_s.arg(text, reason));
        QVERIFY(!VersionReq::parse(text));
    }

    void limitsComparators()
    {
        QStringList parts;
        for (int i = 0; i < VersionReq::MaxComparators; ++i)
            parts << u">=0.%1"_s.arg(i);
        QVERIFY(VersionReq::parse(parts.join(u','))); // exactly the limit
        parts << u"<9"_s;
        QString error;
        QVERIFY(!VersionReq::parse(parts.join(u','), &error));
        QVERIFY2(error.endsWith(u"more than 32 comparators"_s), qPrintable(error));
    }

    void matches_data()
    {
        QTest::addColumn<QString>("req");
        QTest::addColumn<QString>("version");
        QTest::addColumn<bool>("matches");

        struct Row
        {
            const char *req;
            const char *version;
            bool matches;
        };
        static const Row rows[] = {
            // The table in section 6.4 of the protocol notes, both edges of each range.
            {"1.2.3", "1.2.3", true},        {"1.2.3", "1.9.0", true},         {"1.2.3", "2.0.0", false},
            {"1.2.3", "1.2.2", false},       {"^1.2.3", "1.2.4", true},        {"^1.2", "1.2.0", true},
            {"^1.2", "1.99.99", true},       {"^1.2", "1.1.9", false},         {"1.2", "2.0.0", false},
            {"^0.2.3", "0.2.3", true},       {"^0.2.3", "0.2.9", true},        {"^0.2.3", "0.3.0", false},
            {"^0.2.3", "0.2.2", false},      {"^0.0.3", "0.0.3", true},        {"^0.0.3", "0.0.4", false},
            {"^0.0", "0.0.0", true},         {"^0.0", "0.0.9", true},          {"^0.0", "0.1.0", false},
            {"^0", "0.0.0", true},           {"^0", "0.9.9", true},            {"^0", "1.0.0", false},
            {"~1.2.3", "1.2.3", true},       {"~1.2.3", "1.2.9", true},        {"~1.2.3", "1.3.0", false},
            {"~1.2.3", "1.2.2", false},      {"~1.2", "1.2.0", true},          {"~1.2", "1.3.0", false},
            {"~1", "1.0.0", true},           {"~1", "1.9.0", true},            {"~1", "2.0.0", false},
            {"~0.1.0", "0.1.5", true},       {"~0.1.0", "0.2.0", false},
            {"*", "0.0.0", true},            {"*", "18446744073709551615.0.0", true},
            {"1.*", "1.0.0", true},          {"1.*", "1.9.9", true},           {"1.*", "2.0.0", false},
            {"1.*", "0.9.0", false},         {"1.2.*", "1.2.0", true},         {"1.2.*", "1.2.7", true},
            {"1.2.*", "1.3.0", false},       {"0.1.*", "0.1.3", true},         {"0.1.*", "0.2.0", false},
            {"=1.2.3", "1.2.3", true},       {"=1.2.3", "1.2.4", false},       {"=1.2", "1.2.9", true},
            {"=1.2", "1.3.0", false},        {"=1.2.3", "1.2.3+build", true},
            {">1", "1.9.9", false},          {">1", "2.0.0", true},            {">1.2.3", "1.2.3", false},
            {">1.2.3", "1.2.4", true},       {">=1.2", "1.2.0", true},         {">=1.2", "1.1.9", false},
            {">=1.2", "3.0.0", true},        {"<2", "1.9.9", true},            {"<2", "2.0.0", false},
            {"<2", "2.1.0", false},          {"<=1.4", "1.4.9", true},         {"<=1.4", "1.5.0", false},
            {"<=1.4.0", "1.4.0", true},      {"<=1.4.0", "1.4.1", false},
            {">=1.2, <1.5", "1.2.0", true},  {">=1.2, <1.5", "1.4.9", true},  {">=1.2, <1.5", "1.5.0", false},
            {">=1.2, <1.5", "1.1.0", false}, {" >= 0.1 ,  < 0.3 ", "0.2.5", true},
            {">= 0.1, < 0.3", "0.3.0", false},
            // Build metadata in the requirement or the version plays no part.
            {"=1.0.0+a", "1.0.0+b", true},   {"^1.0.0+a", "1.0.0", true},      {"1.0.0", "1.0.0+zzz", true},
            // Pre-releases: only where a comparator names the same major.minor.patch with one.
            {"1.0", "1.0.0-alpha", false},   {"^1.0.0-alpha", "1.0.0-alpha", true},
            {"^1.0.0-alpha", "1.0.0-beta", true},  {"^1.0.0-alpha", "1.0.0", true},
            {"^1.0.0-alpha", "1.2.0", true},       {"^1.0.0-alpha", "1.0.1-alpha", false},
            {"^1.0.0-beta", "1.0.0-alpha", false}, {"^1.0.0-alpha.1", "1.0.0-alpha.beta", true},
            {"*", "1.0.0-alpha", false},     {"1.*", "1.2.0-rc.1", false},     {">=1.0.0", "1.5.0-rc.1", false},
            {">=1.0.0-rc.1", "1.0.0-rc.2", true},  {">=1.0.0-rc.1", "1.0.1-rc.1", false},
            {">=1.0.0-rc.1, <2", "1.5.0", true},   {">1.0.0-alpha", "1.0.0-alpha", false},
            {">1.0.0-alpha", "1.0.0-alpha.0", true}, {">1.0.0-alpha", "1.0.0", true},
            {"<1.0.0", "1.0.0-alpha", false},      {"<1.0.0-beta", "1.0.0-alpha", true},
            {"<1.0.0-beta", "1.0.0-beta", false},  {"<=1.0.0-beta", "1.0.0-beta", true},
            {"=1.0.0-rc.1", "1.0.0-rc.1", true},   {"=1.0.0-rc.1", "1.0.0-rc.2", false},
            {"=1.0.0-rc.1", "1.0.0", false},       {"~1.2.3-beta", "1.2.3-beta.2", true},
            {"~1.2.3-beta", "1.2.4", true},        {"~1.2.3-beta", "1.2.4-beta", false},
            {"~1.2.3-beta", "1.2.3-alpha", false}, {"~1.2.3", "1.2.3-beta", false},
            {"^0.0.3-rc.1", "0.0.3", true},        {"^0.0.3-rc.1", "0.0.4-rc.1", false},
            {"^0.2.3-rc.1", "0.2.3-rc.2", true},   {"^0.2.3-rc.1", "0.2.5", true},
            {">=1.0.0-alpha, <1.0.0", "1.0.0-rc.1", true}, {">=0.9, <1.0.0-rc.1", "1.0.0-beta", true},
        };
        for (const Row &row : rows) {
            QTest::addRow("%s matches %s", row.req, row.version)
                << QString::fromLatin1(row.req) << QString::fromLatin1(row.version) << row.matches;
        }
    }

    void matches()
    {
        QFETCH(QString, req);
        QFETCH(QString, version);
        QFETCH(bool, matches);

        QCOMPARE(requirement(req).matches(::version(version)), matches);
    }

    void defaultIsStar()
    {
        const VersionReq any;
        QVERIFY(any.isWildcard());
        QCOMPARE(any.toString(), u"*"_s);
        QVERIFY(any == requirement(u"*"_s));
        QVERIFY(any.matches(version(u"3.1.4"_s)));
        QVERIFY(!any.matches(version(u"3.1.4-rc.1"_s)));
    }

    void exposesComparators()
    {
        const auto req = requirement(u">=1.2, 0.3.*, ~4.5.6-rc.1+b"_s);
        const QList<VersionReq::Comparator> comparators = req.comparators();
        QCOMPARE(comparators.size(), 3);
        QVERIFY(comparators.at(0).op == VersionReq::Op::GreaterEq);
        QCOMPARE(comparators.at(0).major, quint64(1));
        QVERIFY(comparators.at(0).minor == 2u);
        QVERIFY(!comparators.at(0).patch);
        QVERIFY(comparators.at(1).op == VersionReq::Op::Wildcard);
        QVERIFY(comparators.at(1).minor == 3u);
        QVERIFY(!comparators.at(1).patch);
        QVERIFY(comparators.at(2).op == VersionReq::Op::Tilde);
        QVERIFY(comparators.at(2).patch == 6u);
        QCOMPARE(comparators.at(2).prerelease, QStringList({u"rc"_s, u"1"_s}));
        QCOMPARE(req.toString(), u">=1.2, 0.3.*, ~4.5.6-rc.1"_s);
    }

    void picksHighestMatching_data()
    {
        QTest::addColumn<QString>("req");
        QTest::addColumn<QStringList>("available");
        QTest::addColumn<QString>("expected"); // empty: none

        const QStringList feed = {u"0.1.0"_s,       u"0.1.7"_s, u"0.2.0"_s,      u"1.0.0-rc.1"_s, u"1.0.0"_s,
                                  u"1.4.2"_s,       u"1.10.0"_s, u"2.0.0-alpha"_s, u"2.0.0-beta.3"_s};
        QTest::newRow("caret major") << u"1"_s << feed << u"1.10.0"_s;
        QTest::newRow("caret zero minor") << u"0.1"_s << feed << u"0.1.7"_s;
        QTest::newRow("star skips pre") << u"*"_s << feed << u"1.10.0"_s;
        QTest::newRow("pre allowed") << u">=2.0.0-alpha"_s << feed << u"2.0.0-beta.3"_s;
        QTest::newRow("range") << u">=0.1.5, <1"_s << feed << u"0.2.0"_s;
        QTest::newRow("exact rc") << u"=1.0.0-rc.1"_s << feed << u"1.0.0-rc.1"_s;
        QTest::newRow("none") << u"^3"_s << feed << QString();
        QTest::newRow("empty list") << u"*"_s << QStringList() << QString();
        QTest::newRow("unsorted input") << u"~1.4"_s << QStringList{u"1.4.9"_s, u"1.4.10"_s, u"1.4.2"_s}
                                        << u"1.4.10"_s;
    }

    void picksHighestMatching()
    {
        QFETCH(QString, req);
        QFETCH(QStringList, available);
        QFETCH(QString, expected);

        const auto best = requirement(req).highestMatching(versions(available));
        QCOMPARE(best ? best->toString() : QString(), expected);
    }
};

QTEST_GUILESS_MAIN(TestVersionReq)
#include "tst_versionreq.moc"
