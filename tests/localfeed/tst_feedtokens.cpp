// SPDX-License-Identifier: GPL-3.0-or-later
// Tokens of the local feed have a life cycle: named at creation, listed with their last use,
// revoked by id or name (and refused from then on), through the command line against a
// running `cratedesk serve`; a feed of the schema before tokens had names keeps its tokens.
#include "cargoproject.h"
#include "clirun.h"
#include "localfeed/feedschema.h"
#include "localfeed/feedstore.h"
#include "localfeed/tokenusagerecorder.h"
#include "feedhttpclient.h"
#include "testcrate.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

// `feed token list` as rows of its five tab-separated columns.
QList<QStringList> tokenRows(const QString &dataDir)
{
    const auto listed = runCratedesk({u"feed"_s, u"token"_s, u"list"_s, u"--data"_s, dataDir});
    QList<QStringList> rows;
    if (listed.exitCode != 0)
        return rows;
    for (const QString &line : QString::fromUtf8(listed.out).split(u'\n', Qt::SkipEmptyParts))
        rows << line.split(u'\t');
    return rows;
}

QStringList rowNamed(const QList<QStringList> &rows, const QString &name)
{
    for (const QStringList &row : rows)
        if (row.value(1) == name)
            return row;
    return {};
}

} // namespace

class TestFeedTokens : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    ServeProcess m_serve{TestSupport::cratedeskExecutable(), m_dir.filePath(u"feed"_s), m_dir.filePath(u"serve.log"_s)};
    std::unique_ptr<FeedHttpClient> m_http;

    QString dataDir() const { return m_serve.dataDir(); }

    CliResult tokenCommand(const QStringList &args) { return runCratedesk(QStringList{u"feed"_s, u"token"_s} + args + QStringList{u"--data"_s, dataDir()}); }

    int publish(const QString &name, const QByteArray &token)
    {
        const TestCrate crate(name, u"1.0.0"_s);
        return m_http->send("PUT", u"api/v1/crates/new"_s, crate.publishBody(), {{"Authorization", token}}).status;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_serve.start({}, &error), qPrintable(error));
        m_http = std::make_unique<FeedHttpClient>(m_serve.baseUrl());
    }

    void namedTokensAreListedWithTheirLastUse()
    {
        const auto created = tokenCommand({u"create"_s, u"--login"_s, u"Alice"_s, u"--name"_s, u"ci-bot"_s});
        QVERIFY2(created.exitCode == 0, qPrintable(created.describe()));
        const QByteArray token = created.out.trimmed();
        QVERIFY(token.startsWith("cdk_"));

        QStringList row = rowNamed(tokenRows(dataDir()), u"ci-bot"_s);
        QCOMPARE(row.size(), 5);
        QCOMPARE(row.at(2), u"Alice"_s); // the login keeps the case it was given
        QCOMPARE(row.at(4), u"never"_s);
        QVERIFY2(!tokenCommand({u"list"_s}).out.contains(token), "the list shows a token itself");

        QCOMPARE(publish(u"token-life"_s, token), 200);
        const auto owners = m_http->get(u"api/v1/crates/token-life/owners"_s, {{"Authorization", token}});
        QCOMPARE(owners.json().object().value(u"users"_s).toArray().at(0).toObject().value(u"login"_s).toString(), u"Alice"_s);
        // Written in a batch a moment later, not on every request.
        QTRY_VERIFY_WITH_TIMEOUT(rowNamed(tokenRows(dataDir()), u"ci-bot"_s).value(4) != u"never"_s, 15000);
        row = rowNamed(tokenRows(dataDir()), u"ci-bot"_s);
        const QDateTime lastUsed = QDateTime::fromString(row.at(4), Qt::ISODate);
        QVERIFY2(lastUsed.isValid() && qAbs(lastUsed.secsTo(QDateTime::currentDateTimeUtc())) < 120, qPrintable(row.at(4)));
    }

    void revokedTokensAreRefused()
    {
        const QByteArray token = tokenCommand({u"create"_s, u"--login"_s, u"bob"_s, u"--name"_s, u"laptop"_s}).out.trimmed();
        const QByteArray other = tokenCommand({u"create"_s, u"--login"_s, u"bob"_s}).out.trimmed();
        QCOMPARE(publish(u"revocable"_s, token), 200);

        const auto revoked = tokenCommand({u"revoke"_s, u"laptop"_s});
        QVERIFY2(revoked.exitCode == 0, qPrintable(revoked.describe()));
        QVERIFY2(revoked.out.startsWith("revoked token ") && revoked.out.contains("(laptop) of bob"), qPrintable(revoked.describe()));
        QVERIFY(rowNamed(tokenRows(dataDir()), u"laptop"_s).isEmpty());
        // The running server refuses it at once.
        const TestCrate next(u"revocable"_s, u"1.0.1"_s);
        const auto refused = m_http->send("PUT", u"api/v1/crates/new"_s, next.publishBody(), {{"Authorization", token}});
        QCOMPARE(refused.status, 403);
        QCOMPARE(publish(u"revocable-other"_s, other), 200);

        // The unnamed one, by its id.
        QString id;
        for (const QStringList &row : tokenRows(dataDir()))
            if (row.value(1) == u"-"_s && row.value(2) == u"bob"_s)
                id = row.at(0);
        QVERIFY(!id.isEmpty());
        QVERIFY2(tokenCommand({u"revoke"_s, id}).exitCode == 0, "revoke by id");
        QCOMPARE(publish(u"revocable-third"_s, other), 403);
    }

    void failuresSayWhat_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("unknown name") << QStringList{u"revoke"_s, u"nobody"_s} << QByteArray("cratedesk: this feed has no token named \"nobody\"");
        QTest::newRow("unknown id") << QStringList{u"revoke"_s, u"99999"_s} << QByteArray("cratedesk: this feed has no token with id \"99999\"");
        QTest::newRow("name taken") << QStringList{u"create"_s, u"--name"_s, u"ci-bot"_s} << QByteArray("cratedesk: a token named \"ci-bot\" exists already");
        QTest::newRow("name starting with a digit") << QStringList{u"create"_s, u"--name"_s, u"1st"_s} << QByteArray("cratedesk: invalid token name \"1st\"");
        QTest::newRow("name with a space") << QStringList{u"create"_s, u"--name"_s, u"a b"_s} << QByteArray("cratedesk: invalid token name \"a b\"");
        QTest::newRow("revoke what") << QStringList{u"revoke"_s} << QByteArray("cratedesk: usage: cratedesk feed token revoke ID|NAME");
        QTest::newRow("unknown subcommand") << QStringList{u"rotate"_s} << QByteArray("cratedesk: usage: cratedesk feed token create");
    }

    void failuresSayWhat()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, message);
        const auto result = tokenCommand(args);
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.startsWith(message), qPrintable(result.describe()));
    }

    void usesAreWrittenInBatches()
    {
        // A thousand authenticated requests make one pending entry, written once.
        QTemporaryDir dir;
        FeedStore store(dir.path());
        QVERIFY(!store.open());
        QString token;
        QVERIFY(!store.createToken(u"batch"_s, u"batch"_s, &token));
        TokenUsageRecorder recorder(&store);
        for (int i = 0; i < 1000; ++i)
            recorder.noteUse(token.toLatin1());
        QCOMPARE(recorder.pendingCount(), 1);
        QList<FeedStore::TokenInfo> tokens;
        QVERIFY(!store.tokens(&tokens));
        QVERIFY(tokens.value(0).lastUsed.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(recorder.pendingCount(), 0, TokenUsageRecorder::FlushDelayMs * 3);
        QVERIFY(!store.tokens(&tokens));
        QVERIFY(!tokens.value(0).lastUsed.isEmpty());
    }

    void feedOfThePreviousSchemaKeepsItsTokens()
    {
        // A database exactly as the schema before token names left it, with a token in it.
        QTemporaryDir dir;
        const int previous = FeedSchema::tokenLifecycleVersion() - 1;
        const QByteArray oldToken = "cdk_from-before-names";
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"old-schema"_s);
            db.setDatabaseName(dir.filePath(u"feed.sqlite"_s));
            QVERIFY(db.open());
            QSqlQuery q(db);
            for (int version = 1; version <= previous; ++version)
                for (const QString &statement : FeedSchema::migrations().at(version - 1))
                    QVERIFY2(q.exec(statement), qPrintable(q.lastError().text()));
            QVERIFY(q.exec(u"PRAGMA user_version=%1"_s.arg(previous)));
            QVERIFY(q.exec(u"INSERT INTO users (id, login, created) VALUES (1, 'Carol', '2024-01-01T00:00:00Z')"_s));
            q.prepare(u"INSERT INTO tokens (user_id, sha256, created) VALUES (1, ?, '2024-01-01T00:00:00Z')"_s);
            q.addBindValue(QCryptographicHash::hash(oldToken, QCryptographicHash::Sha256));
            QVERIFY(q.exec());
            db.close();
        }
        QSqlDatabase::removeDatabase(u"old-schema"_s);

        FeedStore store(dir.path());
        const FeedError opened = store.open();
        QVERIFY2(!opened, qPrintable(opened.detail));
        const auto user = store.userForToken(oldToken);
        QVERIFY(user);
        QCOMPARE(user->login, u"Carol"_s);
        QList<FeedStore::TokenInfo> tokens;
        QVERIFY(!store.tokens(&tokens));
        QCOMPARE(tokens.size(), 1);
        QCOMPARE(tokens.at(0).name, QString());
        QCOMPARE(tokens.at(0).login, u"Carol"_s);
        QCOMPARE(tokens.at(0).lastUsed, QString());
        // Names work on the migrated feed, and the old token can be revoked by its id.
        QString named;
        QVERIFY(!store.createToken(u"Carol"_s, u"renamed"_s, &named));
        FeedStore::TokenInfo revoked;
        QVERIFY(!store.revokeToken(QString::number(tokens.at(0).id), &revoked));
        QVERIFY(!store.userForToken(oldToken));
        QVERIFY(store.userForToken(named.toLatin1()));
    }

    void cleanupTestCase() { QCOMPARE(m_serve.stop(), 0); }
};

QTEST_GUILESS_MAIN(TestFeedTokens)
#include "tst_feedtokens.moc"
