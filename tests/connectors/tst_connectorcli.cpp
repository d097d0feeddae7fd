// SPDX-License-Identifier: GPL-3.0-or-later
// `cratedesk connector ...` as a user runs it, inside a private keyring: add with Basic
// credentials (the password only in the keychain), list, filters, a connection test against a
// local feed in this process, bad input answered in one line, remove; and `cratedesk serve`
// serving an upstream crate through the connector it finds in its data folder.
#include "localfeed/feedstore.h"
#include "localfeed/localfeed.h"
#include "cargoproject.h"
#include "testcrate.h"
#include "testsupport.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestConnectorCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<LocalFeed> m_upstream;
    QNetworkAccessManager m_nam;

    QString dataDir() const { return m_dir.filePath(u"feed"_s); }

    // Waits on signals, so the upstream feed in this process answers the command meanwhile.
    Run cratedesk(const QStringList &args, const QByteArray &input = {})
    {
        QProcess process;
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(TestSupport::cratedeskExecutable(), args);
        Run run;
        if (!process.waitForStarted(30000))
            return run;
        process.write(input);
        process.closeWriteChannel();
        if (!finished.wait(60000)) {
            process.kill();
            return run;
        }
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = QString::fromUtf8(process.readAllStandardOutput());
        run.err = QString::fromUtf8(process.readAllStandardError());
        return run;
    }

    QStringList data() const { return {u"--data"_s, dataDir()}; }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_nam.setProxy(QNetworkProxy::NoProxy);
        FeedServerOptions options;
        options.dataDir = m_dir.filePath(u"upstream"_s);
        options.port = 0;
        m_upstream = std::make_unique<LocalFeed>(options);
        QVERIFY(!m_upstream->start());
        QString token;
        QVERIFY(!m_upstream->store()->createToken(u"alice"_s, &token));
        TestCrate crate(u"cli-upstream"_s, u"1.2.3"_s);
        QNetworkRequest request(m_upstream->indexUrl().resolved(QUrl(u"api/v1/crates/new"_s)));
        request.setRawHeader("Authorization", token.toLatin1());
        QNetworkReply *reply = m_nam.put(request, crate.publishBody());
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(30000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        reply->deleteLater();
    }

    void addListFilter()
    {
        const QByteArray password = "s3cret-password-for-the-upstream";
        Run run = cratedesk(QStringList{u"connector"_s, u"add"_s, u"up"_s, u"sparse+"_s + m_upstream->indexUrl().toString(),
                                        u"--user"_s, u"mirror"_s, u"--password-stdin"_s, u"--block"_s, u"left-*"_s, u"--allow"_s, u"cli-*"_s,
                                        u"--block-license"_s, u"GPL-3.0-only"_s} + data(),
                            password + '\n');
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.out.contains(u"secret in the keychain"_s));
        QCOMPARE(TestSupport::filesContaining({dataDir()}, password), QStringList());

        run = cratedesk(QStringList{u"connector"_s, u"list"_s} + data());
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.startsWith(u"up\t"_s + m_upstream->indexUrl().toString() + u"\tbasic (mirror)\tfilters: cli-* !left-*"_s), qPrintable(run.out));
        QVERIFY(run.out.contains(u"blocked [GPL-3.0-only]"_s));

        run = cratedesk(QStringList{u"connector"_s, u"filter"_s, u"add"_s, u"up"_s, u"!bad-*"_s} + data());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.out.contains(u"cli-* !left-* !bad-*"_s));
        run = cratedesk(QStringList{u"connector"_s, u"filter"_s, u"remove"_s, u"up"_s, u"!left-*"_s} + data());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.out.contains(u"cli-* !bad-*"_s));
    }

    // The Safety options as a user types them, and as `connector list` says them back.
    void safetyOptions()
    {
        const QString advisories = TestSupport::sourceDir() + u"/tests/fixtures/advisory-db"_s;
        Run run = cratedesk(QStringList{u"connector"_s, u"add"_s, u"safe"_s, m_upstream->indexUrl().toString(), u"--min-age"_s, u"7"_s,
                                        u"--min-age-except"_s, u"serde ^1"_s, u"--advisories"_s, advisories, u"--block-severity"_s,
                                        u"critical"_s} + data());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        run = cratedesk(QStringList{u"connector"_s, u"list"_s} + data());
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(u"advisories: %1 (blocks severity critical and worse)"_s.arg(advisories))
                     && run.out.contains(u"holds new versions 7 days (except serde ^1)"_s),
                 qPrintable(run.out));
        run = cratedesk(QStringList{u"connector"_s, u"remove"_s, u"safe"_s} + data());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    }

    void connectionTest()
    {
        const Run run = cratedesk(QStringList{u"connector"_s, u"test"_s, u"up"_s} + data());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(u"is a sparse registry with a web API"_s), qPrintable(run.out));
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("password in URL") << QStringList{u"connector"_s, u"add"_s, u"x"_s, u"https://u:p@example.org/"_s} << u"keychain"_s;
        QTest::newRow("not a URL") << QStringList{u"connector"_s, u"add"_s, u"x"_s, u"ftp://example.org/"_s} << u"not a sparse registry URL"_s;
        QTest::newRow("bad filter") << QStringList{u"connector"_s, u"filter"_s, u"add"_s, u"up"_s, u"a b"_s} << u"not a crate name pattern"_s;
        QTest::newRow("unknown connector") << QStringList{u"connector"_s, u"test"_s, u"nope"_s} << u"no connector named nope"_s;
        QTest::newRow("duplicate") << QStringList{u"connector"_s, u"add"_s, u"up"_s, u"https://example.org/"_s} << u"already has a connector named up"_s;
        QTest::newRow("bad approved") << QStringList{u"connector"_s, u"add"_s, u"y"_s, u"https://example.org/"_s, u"--approve"_s, u"serde ^x"_s} << u"approved entry"_s;
        const QString advisories = TestSupport::sourceDir() + u"/tests/fixtures/advisory-db"_s;
        QTest::newRow("unknown severity") << QStringList{u"connector"_s, u"add"_s, u"s"_s, u"https://example.org/"_s, u"--advisories"_s, advisories,
                                                         u"--block-severity"_s, u"severe"_s}
                                          << u"low, medium, high or critical, not \"severe\""_s;
        QTest::newRow("severity without advisories") << QStringList{u"connector"_s, u"add"_s, u"s"_s, u"https://example.org/"_s,
                                                                    u"--block-severity"_s, u"high"_s}
                                                     << u"needs an advisory database"_s;
        QTest::newRow("not an advisory database") << QStringList{u"connector"_s, u"add"_s, u"s"_s, u"https://example.org/"_s,
                                                                 u"--advisories"_s, TestSupport::sourceDir()}
                                                  << u"is not a RustSec advisory database"_s;
        QTest::newRow("user without password") << QStringList{u"connector"_s, u"add"_s, u"z"_s, u"https://example.org/"_s, u"--user"_s, u"u"_s} << u"needs both"_s;
    }

    void badInput()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const Run run = cratedesk(args + data());
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(message) && run.err.count(u'\n') == 1, qPrintable(run.err));
    }

    void serveUsesConnector()
    {
        ServeProcess serve(TestSupport::cratedeskExecutable(), dataDir(), m_dir.filePath(u"serve.log"_s));
        QString error;
        QVERIFY2(serve.start({}, &error), qPrintable(error));
        QNetworkReply *reply = m_nam.get(QNetworkRequest(serve.baseUrl().resolved(QUrl(u"cl/i-/cli-upstream"_s))));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(30000));
        const QByteArray body = reply->readAll();
        reply->deleteLater();
        QVERIFY2(body.contains("\"vers\":\"1.2.3\""), body.constData());
        QCOMPARE(serve.stop(), 0);
    }

    void remove()
    {
        Run run = cratedesk(QStringList{u"connector"_s, u"remove"_s, u"up"_s} + data());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        run = cratedesk(QStringList{u"connector"_s, u"list"_s} + data());
        QCOMPARE(run.out, QString());
        run = cratedesk(QStringList{u"connector"_s, u"remove"_s, u"up"_s} + data());
        QCOMPARE(run.exitCode, 1);
    }
};

QTEST_GUILESS_MAIN(TestConnectorCli)
#include "tst_connectorcli.moc"
