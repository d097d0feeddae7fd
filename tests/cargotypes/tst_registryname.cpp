// SPDX-License-Identifier: GPL-3.0-or-later
// Registry names as cargo checks them, with cargo's messages, and the name made from a feed's
// display name: always one cargo accepts.
#include "cargotypes/feed.h"
#include "cargotypes/registryname.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestRegistryName : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validation_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("error"); // empty: accepted
        QTest::newRow("plain") << u"local"_s << QString();
        QTest::newRow("dash and underscore") << u"my-reg_2"_s << QString();
        QTest::newRow("underscore first") << u"_internal"_s << QString();
        QTest::newRow("upper case") << u"Acme"_s << QString();
        QTest::newRow("non-ascii letters") << u"größe"_s << QString();
        QTest::newRow("empty") << QString() << u"registry name cannot be empty"_s;
        QTest::newRow("space")
            << u"Local feed"_s
            << u"invalid character ` ` in registry name: `Local feed`, characters must be Unicode XID characters (numbers, `-`, `_`, or most letters)"_s;
        QTest::newRow("dot")
            << u"my.reg"_s
            << u"invalid character `.` in registry name: `my.reg`, characters must be Unicode XID characters (numbers, `-`, `_`, or most letters)"_s;
        QTest::newRow("digit first")
            << u"1reg"_s << u"the name `1reg` cannot be used as a registry name, the first character cannot be a number"_s;
        QTest::newRow("dash first")
            << u"-reg"_s
            << u"invalid character `-` in registry name: `-reg`, the first character must be a Unicode XID start character (most letters or `_`)"_s;
        QTest::newRow("trailing space")
            << u"local "_s
            << u"invalid character ` ` in registry name: `local `, characters must be Unicode XID characters (numbers, `-`, `_`, or most letters)"_s;
        QTest::newRow("superscript digit")
            << u"reg²"_s
            << u"invalid character `²` in registry name: `reg²`, characters must be Unicode XID characters (numbers, `-`, `_`, or most letters)"_s;
        QTest::newRow("crates-io") << u"crates-io"_s
                                   << u"`crates-io` is cargo's own name for crates.io; give the feed another name"_s;
    }

    void validation()
    {
        QFETCH(QString, name);
        QFETCH(QString, error);
        QCOMPARE(RegistryName::validationError(name), error);
    }

    void fromDisplayName_data()
    {
        QTest::addColumn<QString>("displayName");
        QTest::addColumn<QString>("expected");
        QTest::newRow("already valid") << u"Acme"_s << u"Acme"_s;
        QTest::newRow("words") << u"Local feed"_s << u"local-feed"_s;
        QTest::newRow("punctuation runs") << u"Acme Crates (prod)"_s << u"acme-crates-prod"_s;
        QTest::newRow("dots") << u"my.reg"_s << u"my-reg"_s;
        QTest::newRow("digit first") << u"2024 releases"_s << u"feed-2024-releases"_s;
        QTest::newRow("dashes at the ends") << u"-- team --"_s << u"team"_s;
        QTest::newRow("nothing usable") << u"!!!"_s << u"feed"_s;
        QTest::newRow("empty") << QString() << u"feed"_s;
        QTest::newRow("crates.io") << u"Crates.IO"_s << u"crates-io-feed"_s;
        QTest::newRow("crates-io itself") << u"crates-io"_s << u"crates-io-feed"_s;
    }

    void fromDisplayName()
    {
        QFETCH(QString, displayName);
        QFETCH(QString, expected);
        const QString name = RegistryName::fromDisplayName(displayName);
        QCOMPARE(name, expected);
        QVERIFY2(RegistryName::isValid(name), qPrintable(RegistryName::validationError(name)));
    }

    void aFeedsRegistryName()
    {
        Feed local;
        local.name = u"Local feed"_s; // the window's display name, translated
        local.origin = Feed::Origin::Local;
        QCOMPARE(local.registryName(), u"local"_s);
        QCOMPARE(local.commandLineName(), u"local"_s);
        Feed remote;
        remote.name = u"acme"_s;
        QCOMPARE(remote.registryName(), u"acme"_s);
        QCOMPARE(remote.commandLineName(), u"acme"_s);
    }
};

QTEST_GUILESS_MAIN(TestRegistryName)
#include "tst_registryname.moc"
