// SPDX-License-Identifier: GPL-3.0-or-later
// Cargo's credential-provider protocol answered from a real Secret Service (with-keyring.sh):
// request lines as cargo 1.85 writes them (captured from it), replies as cargo parses them.
#include "testsupport.h"
#include "cargo/cargocredentialprovider.h"
#include "secrets/keychainsecretstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

const QString TokenUrl = u"sparse+http://127.0.0.1:18999/"_s;
const QString BasicUrl = u"sparse+https://proget.test/cargo/feed/"_s;

QByteArray request(const QString &kind, const QString &url, const QString &pinned, const QJsonObject &extra = {})
{
    QJsonObject object{{u"v"_s, 1}, {u"kind"_s, kind}, {u"registry"_s, QJsonObject{{u"index-url"_s, url}, {u"name"_s, u"reg"_s}}}};
    object.insert(u"args"_s, pinned.isEmpty() ? QJsonArray() : QJsonArray{u"credential"_s, u"--feed"_s, pinned});
    for (auto it = extra.begin(); it != extra.end(); ++it)
        object.insert(it.key(), it.value());
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

class TestCargoCredentialProvider : public QObject
{
    Q_OBJECT

private:
    KeychainSecretStore m_secrets{u"CrateDesk-test-credential"_s};
    std::unique_ptr<CargoCredentialProvider> m_provider;

    QJsonObject ask(const QByteArray &line)
    {
        QByteArray answer;
        bool answered = false;
        m_provider->handleRequest(line, [&](const QByteArray &reply) {
            answer = reply;
            answered = true;
        });
        if (!QTest::qWaitFor([&] { return answered; }, 10000))
            return {{u"timeout"_s, true}};
        if (answer.contains('\n'))
            return {{u"newline"_s, true}};
        return QJsonDocument::fromJson(answer).object();
    }

    static QString errorKind(const QJsonObject &reply) { return reply.value(u"Err"_s).toObject().value(u"kind"_s).toString(); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"), "run this test through with-keyring.sh");
        Feed tokenFeed{u"tokenfeed"_s, QUrl(TokenUrl.sliced(7)), Feed::AuthKind::Token, {}, Feed::Origin::Remote};
        Feed basicFeed{u"basicfeed"_s, QUrl(BasicUrl.sliced(7)), Feed::AuthKind::Basic, u"alice"_s, Feed::Origin::Remote};
        const FeedList feeds{tokenFeed, basicFeed};
        m_provider = std::make_unique<CargoCredentialProvider>(
            &m_secrets,
            [feeds](const QString &name) -> std::optional<Feed> {
                for (const Feed &feed : feeds)
                    if (feed.name == name)
                        return feed;
                return std::nullopt;
            },
            feeds);
        bool written = false;
        m_secrets.writeSecret(TestSupport::passwordSecretKey(u"basicfeed"_s), "s3cret", nullptr, [&](const SecretStore::Result &r) { written = r.ok(); });
        QTRY_VERIFY(written);
    }

    void hello() { QCOMPARE(CargoCredentialProvider::hello(), QByteArray("{\"v\":[1]}")); }

    void loginGetLogout()
    {
        QCOMPARE(errorKind(ask(request(u"get"_s, TokenUrl, u"tokenfeed"_s, {{u"operation"_s, u"read"_s}}))), u"not-found"_s);

        const QJsonObject login = ask(request(u"login"_s, TokenUrl, u"tokenfeed"_s, {{u"token"_s, u"tok-123\n"_s}, {u"login-url"_s, u"http://x/me"_s}}));
        QCOMPARE(login, QJsonObject({{u"Ok"_s, QJsonObject{{u"kind"_s, u"login"_s}}}}));

        const QJsonObject publish = ask(request(u"get"_s, TokenUrl, u"tokenfeed"_s,
                                                {{u"operation"_s, u"publish"_s}, {u"name"_s, u"x"_s}, {u"vers"_s, u"0.1.0"_s}, {u"cksum"_s, u"00"_s}}));
        QCOMPARE(publish, QJsonObject({{u"Ok"_s, QJsonObject{{u"kind"_s, u"get"_s}, {u"token"_s, u"tok-123"_s}, {u"cache"_s, u"session"_s},
                                                            {u"operation_independent"_s, true}}}}));
        // Without --feed the index URL picks the feed.
        QCOMPARE(ask(request(u"get"_s, TokenUrl, {}, {{u"operation"_s, u"read"_s}})).value(u"Ok"_s).toObject().value(u"token"_s).toString(), u"tok-123"_s);

        QCOMPARE(ask(request(u"logout"_s, TokenUrl, u"tokenfeed"_s)), QJsonObject({{u"Ok"_s, QJsonObject{{u"kind"_s, u"logout"_s}}}}));
        // The Secret Service deletes nothing without complaint; so does a second logout.
        QVERIFY(ask(request(u"logout"_s, TokenUrl, u"tokenfeed"_s)).contains(u"Ok"_s));
        QCOMPARE(errorKind(ask(request(u"get"_s, TokenUrl, u"tokenfeed"_s, {{u"operation"_s, u"read"_s}}))), u"not-found"_s);
    }

    void basicFeedsSendTheHeaderTheFeedExpects()
    {
        const QJsonObject reply = ask(request(u"get"_s, BasicUrl, u"basicfeed"_s, {{u"operation"_s, u"read"_s}}));
        QCOMPARE(reply.value(u"Ok"_s).toObject().value(u"token"_s).toString(), u"Basic "_s + QString::fromLatin1(QByteArray("alice:s3cret").toBase64()));
        QCOMPARE(errorKind(ask(request(u"login"_s, BasicUrl, u"basicfeed"_s, {{u"token"_s, u"t"_s}}))), u"operation-not-supported"_s);
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QString>("kind");
        QTest::newRow("another URL for a pinned feed") << request(u"get"_s, u"sparse+https://other/"_s, u"tokenfeed"_s) << u"url-not-supported"_s;
        QTest::newRow("a URL no feed has") << request(u"get"_s, u"sparse+https://other/"_s, {}) << u"url-not-supported"_s;
        QTest::newRow("unknown feed") << request(u"get"_s, TokenUrl, u"nope"_s) << u"other"_s;
        QTest::newRow("unknown kind") << request(u"frobnicate"_s, TokenUrl, u"tokenfeed"_s) << u"operation-not-supported"_s;
        QTest::newRow("login without a token") << request(u"login"_s, TokenUrl, u"tokenfeed"_s) << u"other"_s;
        QTest::newRow("not JSON") << QByteArray("{\"v\":1,") << u"other"_s;
        QTest::newRow("protocol version 2") << QByteArray("{\"v\":2,\"kind\":\"get\"}") << u"other"_s;
    }

    void errors()
    {
        QFETCH(QByteArray, line);
        QFETCH(QString, kind);
        QCOMPARE(errorKind(ask(line)), kind);
    }

    void cleanupTestCase()
    {
        bool done = false;
        m_secrets.deleteSecret(TestSupport::passwordSecretKey(u"basicfeed"_s), nullptr, [&](const SecretStore::Result &) { done = true; });
        QTRY_VERIFY(done);
    }
};

QTEST_GUILESS_MAIN(TestCargoCredentialProvider)
#include "tst_cargocredentialprovider.moc"
