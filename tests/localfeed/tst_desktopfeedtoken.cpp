// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop app uses one token of its own for its embedded feed, kept in the keychain and
// reused at every start, instead of minting a new one that the feed keeps forever. Runs
// against a real Secret Service (with-keyring.sh).
#include "clirun.h"
#include "localfeed/desktopfeedtoken.h"
#include "localfeed/feedstore.h"
#include "localfeed/localfeed.h"
#include "secrets/keychainsecretstore.h"
#include "testsupport.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestDesktopFeedToken : public QObject
{
    Q_OBJECT

private:
    KeychainSecretStore m_secrets{u"CrateDesk-test-desktoptoken"_s};

    // One start of the app's token logic: the token it ends up with.
    QByteArray obtain(FeedStore *store, QString *warning = nullptr)
    {
        DesktopFeedToken token(store, &m_secrets);
        QSignalSpy ready(&token, &DesktopFeedToken::ready);
        token.obtain();
        if (!ready.wait(DesktopFeedToken::KeychainTimeoutMs + 5000))
            return {};
        if (warning)
            *warning = ready.at(0).at(1).toString();
        return ready.at(0).at(0).toByteArray();
    }

    static QList<FeedStore::TokenInfo> desktopTokens(FeedStore *store)
    {
        QList<FeedStore::TokenInfo> all, desktop;
        store->tokens(&all);
        for (const auto &token : std::as_const(all))
            if (token.login == u"desktop"_s)
                desktop << token;
        return desktop;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"), "run this test through with-keyring.sh"); }

    void oneTokenAcrossStarts()
    {
        QTemporaryDir dir;
        FeedServerOptions options;
        options.dataDir = dir.path();
        options.port = 0;
        LocalFeed feed(options);
        QVERIFY(!feed.start());

        QString warning;
        const QByteArray first = obtain(feed.store(), &warning);
        QVERIFY(first.startsWith("cdk_"));
        QCOMPARE(warning, QString());
        const QByteArray second = obtain(feed.store());
        QCOMPARE(second, first);
        QCOMPARE(desktopTokens(feed.store()).size(), 1);
        QCOMPARE(desktopTokens(feed.store()).at(0).name, DesktopFeedToken::TokenName);

        // Revoked (or lost from the keychain): replaced, and still only one.
        FeedStore::TokenInfo revoked;
        QVERIFY(!feed.store()->revokeToken(DesktopFeedToken::TokenName, &revoked));
        const QByteArray third = obtain(feed.store());
        QVERIFY(third.startsWith("cdk_") && third != first);
        QVERIFY(feed.store()->userForToken(third));
        QCOMPARE(desktopTokens(feed.store()).size(), 1);
        bool deleted = false;
        m_secrets.deleteSecret(DesktopFeedToken::secretKey(feed.store()->dataDir()), nullptr, [&](const SecretStore::Result &r) { deleted = r.ok(); });
        QTRY_VERIFY(deleted);
        const QByteArray fourth = obtain(feed.store());
        QVERIFY(fourth != third && !feed.store()->userForToken(third));
        QCOMPARE(desktopTokens(feed.store()).size(), 1);
    }

    void theAppReusesItsTokenAcrossTwoStarts()
    {
        // The real app, started twice on the same feed: one desktop token, the same both times.
        QTemporaryDir dir;
        const QString data = dir.filePath(u"feed"_s);
        QStringList ids;
        for (int start = 0; start < 2; ++start) {
            QProcess app;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
            app.setProcessEnvironment(env);
            app.start(TestSupport::cratedeskExecutable(), {u"--screenshot"_s, dir.filePath(u"shot.png"_s), u"--port"_s, u"0"_s, u"--data"_s, data});
            QVERIFY(app.waitForFinished(60000));
            QVERIFY2(app.exitCode() == 0, app.readAllStandardError().constData());
            const auto listed = runCratedesk({u"feed"_s, u"token"_s, u"list"_s, u"--data"_s, data});
            QVERIFY2(listed.exitCode == 0, qPrintable(listed.describe()));
            const QList<QByteArray> lines = listed.out.trimmed().split('\n');
            QCOMPARE(lines.size(), 1);
            QVERIFY2(lines.at(0).contains("\tdesktop\tdesktop\t"), lines.at(0).constData());
            ids << QString::fromLatin1(lines.at(0).split('\t').at(0));
        }
        QCOMPARE(ids.at(1), ids.at(0));
    }
};

QTEST_GUILESS_MAIN(TestDesktopFeedToken)
#include "tst_desktopfeedtoken.moc"
