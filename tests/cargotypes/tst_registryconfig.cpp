// SPDX-License-Identifier: GPL-3.0-or-later
// No raw string literals here: moc reads the "//" of a URL inside one as a comment.
#include "cargotypes/feedurl.h"
#include "cargotypes/registryconfig.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestRegistryConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void feedUrls_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected"); // empty = rejected
        QTest::addColumn<QString>("errorPart");
        QTest::newRow("sparse https") << u"sparse+https://proget.example.com/cargo/internal/"_s << u"https://proget.example.com/cargo/internal/"_s << QString();
        QTest::newRow("plain https") << u"https://index.crates.io/"_s << u"https://index.crates.io/"_s << QString();
        QTest::newRow("loopback http") << u"sparse+http://127.0.0.1:17821/"_s << u"http://127.0.0.1:17821/"_s << QString();
        QTest::newRow("spaces trimmed") << u"  https://a.example/x/ "_s << u"https://a.example/x/"_s << QString();
        QTest::newRow("user allowed") << u"https://me@a.example/x/"_s << u"https://me@a.example/x/"_s << QString();
        QTest::newRow("no trailing slash") << u"sparse+https://a.example/cargo"_s << QString() << u"must end in '/': use https://a.example/cargo/"_s;
        QTest::newRow("bare host") << u"sparse+http://127.0.0.1:8765"_s << QString() << u"must end in '/'"_s;
        QTest::newRow("password") << u"https://me:secret@a.example/x/"_s << QString() << u"contains a password"_s;
        QTest::newRow("git index") << u"https://github.com/rust-lang/crates.io-index.git"_s << QString() << u"git index"_s;
        QTest::newRow("relative") << u"cargo/index/"_s << QString() << u"is not a URL"_s;
        QTest::newRow("ftp") << u"ftp://a.example/x/"_s << QString() << u"uses ftp:"_s;
        QTest::newRow("query") << u"https://a.example/x/?a=b"_s << QString() << u"query"_s;
        QTest::newRow("empty") << QString() << QString() << u"is not a URL"_s;
    }

    void feedUrls()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QFETCH(QString, errorPart);
        QString error;
        const QUrl url = FeedUrl::parse(input, &error);
        if (expected.isEmpty()) {
            QVERIFY(!url.isValid());
            QVERIFY2(error.contains(errorPart), qPrintable(error));
        } else {
            QCOMPARE(url.toString(), expected);
            QVERIFY(error.isEmpty());
        }
    }

    void downloadUrls_data()
    {
        QTest::addColumn<QString>("dl");
        QTest::addColumn<QString>("crate");
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("expected");
        const QString sum = u"50c1ebce16"_s;
        // The examples verified against cargo in the protocol notes, section 1.2.
        QTest::newRow("default suffix") << u"http://h/dl"_s << u"My_Crate"_s << u"0.2.0-beta.1+build.5"_s
                                        << u"http://h/dl/My_Crate/0.2.0-beta.1+build.5/download"_s;
        QTest::newRow("all markers") << u"http://h/files/{prefix}/{lowerprefix}/{crate}/{version}/{sha256-checksum}.crate?n={crate}"_s
                                     << u"My_Crate"_s << u"0.2.0-beta.1+build.5"_s
                                     << u"http://h/files/My/_C/my/_c/My_Crate/0.2.0-beta.1+build.5/50c1ebce16.crate?n=My_Crate"_s;
        QTest::newRow("short name") << u"https://h/{prefix}/{crate}"_s << u"abc"_s << u"1.0.0"_s << u"https://h/3/a/abc"_s;
        QTest::newRow("trailing slash doubles") << u"http://h/dl/"_s << u"a"_s << u"1.0.0"_s << u"http://h/dl//a/1.0.0/download"_s;
        Q_UNUSED(sum)
    }

    void downloadUrls()
    {
        QFETCH(QString, dl);
        QFETCH(QString, crate);
        QFETCH(QString, version);
        QFETCH(QString, expected);
        RegistryConfig config;
        config.dl = dl;
        QCOMPARE(config.downloadUrl(crate, version, u"50c1ebce16"_s).toString(QUrl::FullyEncoded), expected);
    }

    void parsesConfigJson_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<bool>("authRequired");
        QTest::addColumn<QString>("apiUrl");
        QTest::newRow("full") << QByteArray("{\"dl\":\"http://h/dl\",\"api\":\"http://h\",\"auth-required\":true,\"extra\":1}") << true << true << u"http://h/api/v1/crates"_s;
        QTest::newRow("api with slash") << QByteArray("{\"dl\":\"http://h/dl\",\"api\":\"http://h/\"}") << true << false << u"http://h/api/v1/crates"_s;
        QTest::newRow("no api") << QByteArray("{\"dl\":\"http://h/dl\"}") << true << false << QString();
        QTest::newRow("no dl") << QByteArray("{\"api\":\"http://h\"}") << false << false << QString();
        QTest::newRow("not json") << QByteArray("<html>") << false << false << QString();
    }

    void parsesConfigJson()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, valid);
        QFETCH(bool, authRequired);
        QFETCH(QString, apiUrl);
        QString error;
        const auto config = RegistryConfig::parse(json, &error);
        QCOMPARE(config.has_value(), valid);
        QCOMPARE(error.isEmpty(), valid);
        if (!valid)
            return;
        QCOMPARE(config->authRequired, authRequired);
        if (!apiUrl.isEmpty())
            QCOMPARE(config->apiUrl(u"/crates"_s).toString(), apiUrl);
        else
            QVERIFY(config->api.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRegistryConfig)
#include "tst_registryconfig.moc"
