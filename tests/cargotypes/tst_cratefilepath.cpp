// SPDX-License-Identifier: GPL-3.0-or-later
// Paths made from network data: only validated parts, and never outside their folder.
#include "cargotypes/cratefilepath.h"

#include <QDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestCrateFilePath : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void crateFile_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("vers");
        QTest::addColumn<QString>("expected"); // relative to the folder; empty: refused
        QTest::newRow("plain") << u"serde"_s << u"1.0.0"_s << u"serde-1.0.0.crate"_s;
        QTest::newRow("pre-release and build") << u"My_Crate"_s << u"1.0.0-rc.1+build.5"_s << u"My_Crate-1.0.0-rc.1+build.5.crate"_s;
        QTest::newRow("absolute name") << u"/etc/passwd"_s << u"1.0.0"_s << QString();
        QTest::newRow("name climbing up") << u"../../x"_s << u"1.0.0"_s << QString();
        QTest::newRow("name with a slash") << u"a/b"_s << u"1.0.0"_s << QString();
        QTest::newRow("name with a backslash") << u"a\\b"_s << u"1.0.0"_s << QString();
        QTest::newRow("empty name") << QString() << u"1.0.0"_s << QString();
        QTest::newRow("non-ASCII name") << u"ev\u0131l"_s << u"1.0.0"_s << QString();
        QTest::newRow("version climbing up") << u"evil"_s << u"1/../../../x"_s << QString();
        QTest::newRow("version with a backslash") << u"evil"_s << u"1.0.0+..\\x"_s << QString();
        QTest::newRow("version with NUL") << u"evil"_s << u"1.0.0\u0000x"_s << QString();
        QTest::newRow("empty version") << u"evil"_s << QString() << QString();
    }

    void crateFile()
    {
        QFETCH(QString, name);
        QFETCH(QString, vers);
        QFETCH(QString, expected);
        const QString folder = u"/srv/downloads"_s;
        QCOMPARE(CrateFilePath::crateFile(folder, name, vers), expected.isEmpty() ? QString() : folder + u'/' + expected);
    }

    void within_data()
    {
        QTest::addColumn<QString>("relative");
        QTest::addColumn<bool>("inside");
        QTest::newRow("file") << u"a.crate"_s << true;
        QTest::newRow("nested") << u"ab/ab.crate"_s << true;
        QTest::newRow("dot dot that stays") << u"ab/../cd.crate"_s << true;
        QTest::newRow("dot dot out") << u"../x"_s << false;
        QTest::newRow("dot dot out after a folder") << u"ab/../../x"_s << false;
        QTest::newRow("absolute") << u"/etc/passwd"_s << false;
        QTest::newRow("the folder itself") << u"."_s << false;
        QTest::newRow("sibling with the same prefix") << u"../downloads-evil/x"_s << false;
        QTest::newRow("backslash") << u"..\\x"_s << false;
        QTest::newRow("empty") << QString() << false;
    }

    void within()
    {
        QFETCH(QString, relative);
        QFETCH(bool, inside);
        const QString result = CrateFilePath::within(u"/srv/downloads"_s, relative);
        QCOMPARE(!result.isEmpty(), inside);
        if (inside)
            QVERIFY(result.startsWith(u"/srv/downloads/"_s));
    }

    void byChecksum_data()
    {
        QTest::addColumn<QString>("cksum");
        QTest::addColumn<QString>("expected");
        const QString hex = u"0123456789abcdef"_s.repeated(4);
        QTest::newRow("sha256") << hex << u"01/"_s + hex + u".crate"_s;
        QTest::newRow("upper case is folded") << hex.toUpper() << u"01/"_s + hex + u".crate"_s;
        QTest::newRow("too short") << hex.left(63) << QString();
        QTest::newRow("not hex") << QString(64, u'z') << QString();
        QTest::newRow("climbing up") << QString(u"../../"_s + hex).left(64) << QString();
    }

    void byChecksum()
    {
        QFETCH(QString, cksum);
        QFETCH(QString, expected);
        QCOMPARE(CrateFilePath::byChecksum(u"/cache"_s, cksum), expected.isEmpty() ? QString() : u"/cache/"_s + expected);
    }
};

QTEST_GUILESS_MAIN(TestCrateFilePath)
#include "tst_cratefilepath.moc"
