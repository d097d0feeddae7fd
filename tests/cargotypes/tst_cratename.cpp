// SPDX-License-Identifier: GPL-3.0-or-later
#include "cargotypes/cratename.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestCrateName : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acceptsValid_data()
    {
        QTest::addColumn<QString>("name");

        for (const QString &name : {u"a"_s, u"A"_s, u"serde"_s, u"serde_json"_s, u"dep-a"_s, u"My_Crate"_s,
                                    u"tokio-1"_s, u"x86_64"_s, u"a-"_s, u"a_"_s, u"a--b__c"_s, u"Inflector"_s,
                                    u"errtest"_s, u"std2"_s, u"stdx"_s, u"core-foundation"_s, u"tests"_s,
                                    u"testing"_s, u"console"_s, u"con1"_s, u"com10"_s, u"lpt0"_s, u"nul_"_s,
                                    u"auxv"_s, u"FN"_s, u"Fn"_s, u"SELF"_s, u"union"_s, u"build"_s,
                                    QString(64, u'a')}) {
            QTest::newRow(qPrintable(name.left(20))) << name;
        }
    }

    void acceptsValid()
    {
        QFETCH(QString, name);
        QCOMPARE(CrateName::validationError(name), QString());
        QVERIFY(CrateName::isValid(name));
    }

    void rejectsInvalid_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("reason");

        const QString badChar = u"invalid character '%1'; only ASCII letters, digits, '-' and '_' are allowed"_s;
        const QString first = u"the first character must be an ASCII letter"_s;
        QTest::newRow("empty") << u""_s << u"the name is empty"_s;
        QTest::newRow("digit first") << u"1abc"_s << first;
        QTest::newRow("underscore first") << u"_abc"_s << first;
        QTest::newRow("hyphen first") << u"-abc"_s << first;
        QTest::newRow("non-ascii first") << u"\u00e9t\u00e9"_s << first;
        QTest::newRow("space first") << u" abc"_s << first;
        QTest::newRow("dot") << u"serde.json"_s << badChar.arg(QChar(u'.'));
        QTest::newRow("space") << u"my crate"_s << badChar.arg(QChar(u' '));
        QTest::newRow("trailing space") << u"abc "_s << badChar.arg(QChar(u' '));
        QTest::newRow("slash") << u"a/b"_s << badChar.arg(QChar(u'/'));
        QTest::newRow("plus") << u"c++"_s << badChar.arg(QChar(u'+'));
        QTest::newRow("non-ascii") << u"caf\u00e9"_s << badChar.arg(QChar(0xe9));
        QTest::newRow("cyrillic lookalike") << u"s\u0435rde"_s << badChar.arg(QChar(0x435));
        QTest::newRow("65 characters") << QString(65, u'a') << u"65 characters, at most 64 are allowed"_s;
        QTest::newRow("con") << u"con"_s << u"it is a reserved Windows device name"_s;
        QTest::newRow("CON") << u"CON"_s << u"it is a reserved Windows device name"_s;
        QTest::newRow("prn") << u"prn"_s << u"it is a reserved Windows device name"_s;
        QTest::newRow("Aux") << u"Aux"_s << u"it is a reserved Windows device name"_s;
        QTest::newRow("nul") << u"nul"_s << u"it is a reserved Windows device name"_s;
        QTest::newRow("com1") << u"com1"_s << u"it is a reserved Windows device name"_s;
        QTest::newRow("COM9") << u"COM9"_s << u"it is a reserved Windows device name"_s;
        QTest::newRow("lpt1") << u"lpt1"_s << u"it is a reserved Windows device name"_s;
        QTest::newRow("Lpt9") << u"Lpt9"_s << u"it is a reserved Windows device name"_s;
        QTest::newRow("std") << u"std"_s << u"the name is reserved"_s;
        QTest::newRow("core") << u"core"_s << u"the name is reserved"_s;
        QTest::newRow("alloc") << u"alloc"_s << u"the name is reserved"_s;
        QTest::newRow("test") << u"test"_s << u"the name is reserved"_s;
        QTest::newRow("proc_macro") << u"proc_macro"_s << u"the name is reserved"_s;
        QTest::newRow("proc-macro") << u"proc-macro"_s << u"the name is reserved (as \"proc_macro\")"_s;
        QTest::newRow("Std") << u"Std"_s << u"the name is reserved (as \"std\")"_s;
        QTest::newRow("compiler_builtins") << u"compiler_builtins"_s
                                           << u"the name is reserved (as \"compiler-builtins\")"_s;
        QTest::newRow("rustc") << u"rustc"_s << u"the name is reserved"_s;
        QTest::newRow("macro") << u"macro"_s << u"the name is reserved"_s;
        QTest::newRow("fn") << u"fn"_s << u"it is a Rust keyword"_s;
        QTest::newRow("self") << u"self"_s << u"it is a Rust keyword"_s;
        QTest::newRow("Self") << u"Self"_s << u"it is a Rust keyword"_s;
        QTest::newRow("crate") << u"crate"_s << u"it is a Rust keyword"_s;
        QTest::newRow("async") << u"async"_s << u"it is a Rust keyword"_s;
        QTest::newRow("dyn") << u"dyn"_s << u"it is a Rust keyword"_s;
        QTest::newRow("gen") << u"gen"_s << u"it is a Rust keyword"_s;
        QTest::newRow("yield") << u"yield"_s << u"it is a Rust keyword"_s;
    }

    void rejectsInvalid()
    {
        QFETCH(QString, name);
        QFETCH(QString, reason);

        QCOMPARE(CrateName::validationError(name), u"invalid crate name \"%1\": %2"_s.arg(name, reason));
        QVERIFY(!CrateName::isValid(name));
    }

    void canonical_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("canonical");

        QTest::newRow("plain") << u"serde"_s << u"serde"_s;
        QTest::newRow("hyphen") << u"dep-a"_s << u"dep_a"_s;
        QTest::newRow("mixed") << u"Foo-Bar"_s << u"foo_bar"_s;
        QTest::newRow("underscore") << u"foo_bar"_s << u"foo_bar"_s;
        QTest::newRow("upper") << u"FOO-bar"_s << u"foo_bar"_s;
        QTest::newRow("many") << u"a-b_c-D"_s << u"a_b_c_d"_s;
    }

    void canonical()
    {
        QFETCH(QString, name);
        QFETCH(QString, canonical);
        QCOMPARE(CrateName::canonical(name), canonical);
    }

    void paths_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("indexPath");
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<QString>("lowerPrefix");

        QTest::newRow("1") << u"a"_s << u"1/a"_s << u"1"_s << u"1"_s;
        QTest::newRow("1 upper") << u"A"_s << u"1/a"_s << u"1"_s << u"1"_s;
        QTest::newRow("2") << u"ab"_s << u"2/ab"_s << u"2"_s << u"2"_s;
        QTest::newRow("2 upper") << u"aB"_s << u"2/ab"_s << u"2"_s << u"2"_s;
        QTest::newRow("3") << u"abc"_s << u"3/a/abc"_s << u"3/a"_s << u"3/a"_s;
        QTest::newRow("3 upper") << u"Abc"_s << u"3/a/abc"_s << u"3/A"_s << u"3/a"_s;
        QTest::newRow("4") << u"abcd"_s << u"ab/cd/abcd"_s << u"ab/cd"_s << u"ab/cd"_s;
        QTest::newRow("dep-a") << u"dep-a"_s << u"de/p-/dep-a"_s << u"de/p-"_s << u"de/p-"_s;
        QTest::newRow("My_Crate") << u"My_Crate"_s << u"my/_c/my_crate"_s << u"My/_C"_s << u"my/_c"_s;
        QTest::newRow("errtest") << u"errtest"_s << u"er/rt/errtest"_s << u"er/rt"_s << u"er/rt"_s;
        QTest::newRow("Inflector") << u"Inflector"_s << u"in/fl/inflector"_s << u"In/fl"_s << u"in/fl"_s;
        QTest::newRow("serde_json") << u"serde_json"_s << u"se/rd/serde_json"_s << u"se/rd"_s << u"se/rd"_s;
        QTest::newRow("my-crate") << u"my-crate"_s << u"my/-c/my-crate"_s << u"my/-c"_s << u"my/-c"_s;
        QTest::newRow("empty") << u""_s << QString() << QString() << QString();
        // Non-ASCII: cargo measures and slices bytes, so "é" (two bytes) lives under "2", and a
        // slice through a character has no path at all (cargo would panic).
        QTest::newRow("two-byte char") << u"\u00e9"_s << u"2/\u00e9"_s << u"2"_s << u"2"_s;
        QTest::newRow("split char") << u"\u00e9a"_s << QString() << QString() << QString();
        QTest::newRow("whole chars") << u"\u00e9\u00e9"_s << u"\u00e9/\u00e9/\u00e9\u00e9"_s << u"\u00e9/\u00e9"_s
                                     << u"\u00e9/\u00e9"_s;
    }

    void paths()
    {
        QFETCH(QString, name);
        QFETCH(QString, indexPath);
        QFETCH(QString, prefix);
        QFETCH(QString, lowerPrefix);

        QCOMPARE(CrateName::indexPath(name), indexPath);
        QCOMPARE(CrateName::prefix(name), prefix);
        QCOMPARE(CrateName::lowerPrefix(name), lowerPrefix);
    }
};

QTEST_GUILESS_MAIN(TestCrateName)
#include "tst_cratename.moc"
