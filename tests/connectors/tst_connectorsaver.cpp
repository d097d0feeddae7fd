// SPDX-License-Identifier: GPL-3.0-or-later
// ConnectorSaver, which the window and `cratedesk connector add|remove` share: a connector is
// stored with its secret in a real keyring (with-keyring.sh) or not at all, a name is never
// taken twice, and removing one leaves no secret behind.
#include "localfeed/connectorsaver.h"
#include "localfeed/connectorstore.h"
#include "localfeed/feedstore.h"
#include "secrets/keychainsecretstore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

// A keychain that refuses every write, as a locked one does when the user says no.
class RefusingSecretStore final : public SecretStore
{
public:
    void readSecret(const QString &key, QObject *context, Callback done) override { answer(key, context, std::move(done)); }
    void writeSecret(const QString &key, const QByteArray &, QObject *context, Callback done) override
    {
        answer(key, context, std::move(done));
    }
    void deleteSecret(const QString &key, QObject *context, Callback done) override { answer(key, context, std::move(done)); }

private:
    static void answer(const QString &key, QObject *context, Callback done)
    {
        QMetaObject::invokeMethod(context ? context : qApp, [key, done] {
            done({key, {}, Error::AccessDenied, u"the keyring is locked"_s});
        }, Qt::QueuedConnection);
    }
};

ConnectorConfig upstream(const QString &name, ConnectorConfig::Auth auth)
{
    ConnectorConfig config;
    config.name = name;
    config.indexUrl = QUrl(u"https://upstream.example/index/"_s);
    config.auth = auth;
    if (auth == ConnectorConfig::Auth::Basic)
        config.user = u"reader"_s;
    return config;
}

} // namespace

class TestConnectorSaver : public QObject
{
    Q_OBJECT

private:
    // Runs one saver call to its end and returns what it said.
    static ConnectorSaver::Outcome finish(const std::function<void(ConnectorSaver::Done)> &call)
    {
        std::optional<ConnectorSaver::Outcome> outcome;
        int calls = 0;
        call([&](const ConnectorSaver::Outcome &o) {
            outcome = o;
            ++calls;
        });
        if (!QTest::qWaitFor([&] { return outcome.has_value(); }, 20000))
            return {u"timed out"_s, {}};
        QTest::qWait(20);
        if (calls != 1)
            return {u"done ran %1 times"_s.arg(calls), {}};
        return *outcome;
    }

    SecretStore::Result read(SecretStore &secrets, const QString &key)
    {
        std::optional<SecretStore::Result> result;
        secrets.readSecret(key, this, [&](const SecretStore::Result &r) { result = r; });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 20000))
            return {key, {}, SecretStore::Error::Other, u"timed out"_s};
        return *result;
    }

    QTemporaryDir m_dir;
    int m_feeds = 0;
    std::unique_ptr<FeedStore> m_feed;
    std::unique_ptr<ConnectorStore> m_store;
    KeychainSecretStore m_secrets{u"CrateDeskTest"_s};

private Q_SLOTS:
    void initTestCase() { QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"), "run this test through with-keyring.sh"); }

    void init()
    {
        QVERIFY(m_dir.isValid());
        m_store.reset();
        // A feed of its own for every test and row.
        m_feed = std::make_unique<FeedStore>(m_dir.filePath(u"feed-%1"_s.arg(++m_feeds)));
        QVERIFY(!m_feed->open());
        m_store = std::make_unique<ConnectorStore>(m_feed.get());
    }

    void addKeepsTheSecretInTheKeychain_data()
    {
        QTest::addColumn<ConnectorConfig::Auth>("auth");
        QTest::newRow("token") << ConnectorConfig::Auth::Token;
        QTest::newRow("basic") << ConnectorConfig::Auth::Basic;
    }

    void addKeepsTheSecretInTheKeychain()
    {
        QFETCH(ConnectorConfig::Auth, auth);
        const ConnectorSaver saver(m_store.get(), &m_secrets);
        const auto outcome = finish([&](auto done) { saver.add(upstream(u"up"_s, auth), "s3cret", this, done); });
        QVERIFY2(outcome.ok(), qPrintable(outcome.error));
        QVERIFY(m_store->connector(u"up"_s).has_value());
        const auto stored = read(m_secrets, ConnectorConfig::secretKey(m_store->dataDir(), u"up"_s));
        QVERIFY2(stored.ok(), qPrintable(stored.message));
        QCOMPARE(stored.secret, QByteArray("s3cret"));
    }

    void addRefusesWhatItCannotKeep_data()
    {
        QTest::addColumn<ConnectorConfig>("config");
        QTest::addColumn<QByteArray>("secret");
        QTest::addColumn<QString>("message");
        QTest::newRow("a token connector without its token") << upstream(u"up"_s, ConnectorConfig::Auth::Token) << QByteArray()
                                                             << u"needs a secret"_s;
        ConnectorConfig nameless = upstream(u""_s, ConnectorConfig::Auth::None);
        QTest::newRow("no name") << nameless << QByteArray() << u"name"_s;
    }

    void addRefusesWhatItCannotKeep()
    {
        QFETCH(ConnectorConfig, config);
        QFETCH(QByteArray, secret);
        QFETCH(QString, message);
        const ConnectorSaver saver(m_store.get(), &m_secrets);
        const auto outcome = finish([&](auto done) { saver.add(config, secret, this, done); });
        QVERIFY(!outcome.ok());
        QVERIFY2(outcome.error.contains(message), qPrintable(outcome.error));
        QVERIFY(m_store->connectors().isEmpty());
    }

    void addNeverTakesANameTwice()
    {
        const ConnectorSaver saver(m_store.get(), &m_secrets);
        QVERIFY(finish([&](auto done) { saver.add(upstream(u"up"_s, ConnectorConfig::Auth::Token), "first", this, done); }).ok());
        ConnectorConfig other = upstream(u"up"_s, ConnectorConfig::Auth::Token);
        other.indexUrl = QUrl(u"https://elsewhere.example/index/"_s);
        const auto outcome = finish([&](auto done) { saver.add(other, "second", this, done); });
        QVERIFY(!outcome.ok());
        QVERIFY2(outcome.error.contains(u"already has a connector named up"_s), qPrintable(outcome.error));
        QCOMPARE(m_store->connector(u"up"_s)->indexUrl, QUrl(u"https://upstream.example/index/"_s));
        QCOMPARE(read(m_secrets, ConnectorConfig::secretKey(m_store->dataDir(), u"up"_s)).secret, QByteArray("first"));
    }

    void aRefusedSecretLeavesNoConnector()
    {
        RefusingSecretStore locked;
        const ConnectorSaver saver(m_store.get(), &locked);
        const auto outcome = finish([&](auto done) { saver.add(upstream(u"up"_s, ConnectorConfig::Auth::Token), "s3cret", this, done); });
        QVERIFY(!outcome.ok());
        QVERIFY2(outcome.error.contains(u"the keyring is locked"_s), qPrintable(outcome.error));
        QVERIFY2(m_store->connectors().isEmpty(), "a connector was kept without the secret it needs");
    }

    void removeLeavesNoSecretBehind()
    {
        const ConnectorSaver saver(m_store.get(), &m_secrets);
        QVERIFY(finish([&](auto done) { saver.add(upstream(u"up"_s, ConnectorConfig::Auth::Token), "s3cret", this, done); }).ok());
        const auto outcome = finish([&](auto done) { saver.remove(u"up"_s, this, done); });
        QVERIFY2(outcome.ok() && outcome.warning.isEmpty(), qPrintable(outcome.error + outcome.warning));
        QVERIFY(!m_store->connector(u"up"_s));
        QCOMPARE(read(m_secrets, ConnectorConfig::secretKey(m_store->dataDir(), u"up"_s)).error, SecretStore::Error::NotFound);
    }

    void removeWithALockedKeychainWarns()
    {
        QVERIFY(finish([&](auto done) {
            ConnectorSaver(m_store.get(), &m_secrets).add(upstream(u"up"_s, ConnectorConfig::Auth::Token), "s3cret", this, done);
        }).ok());
        RefusingSecretStore locked;
        const auto outcome = finish([&](auto done) { ConnectorSaver(m_store.get(), &locked).remove(u"up"_s, this, done); });
        QVERIFY(outcome.ok());
        QVERIFY2(outcome.warning.contains(u"stays in the keychain"_s), qPrintable(outcome.warning));
        QVERIFY(!m_store->connector(u"up"_s));
    }

    // Editing a connector: an empty secret keeps the stored one, a new one replaces it, and
    // one that is no longer needed leaves the keychain; a new kind of login needs its secret.
    void updateKeepsReplacesOrDropsTheSecret()
    {
        const ConnectorSaver saver(m_store.get(), &m_secrets);
        const QString key = ConnectorConfig::secretKey(m_store->dataDir(), u"up"_s);
        QVERIFY(finish([&](auto done) { saver.add(upstream(u"up"_s, ConnectorConfig::Auth::Token), "first", this, done); }).ok());

        ConnectorConfig edited = upstream(u"up"_s, ConnectorConfig::Auth::Token);
        edited.filters = {u"serde*"_s};
        QVERIFY(finish([&](auto done) { saver.update(edited, {}, this, done); }).ok());
        QCOMPARE(m_store->connector(u"up"_s)->filters, QStringList{u"serde*"_s});
        QCOMPARE(read(m_secrets, key).secret, QByteArray("first"));

        QVERIFY(finish([&](auto done) { saver.update(edited, "second", this, done); }).ok());
        QCOMPARE(read(m_secrets, key).secret, QByteArray("second"));

        const auto needsSecret = finish([&](auto done) { saver.update(upstream(u"up"_s, ConnectorConfig::Auth::Basic), {}, this, done); });
        QVERIFY2(needsSecret.error.contains(u"needs its new secret"_s), qPrintable(needsSecret.error));
        QCOMPARE(m_store->connector(u"up"_s)->auth, ConnectorConfig::Auth::Token);

        const auto open = finish([&](auto done) { saver.update(upstream(u"up"_s, ConnectorConfig::Auth::None), {}, this, done); });
        QVERIFY2(open.ok() && open.warning.isEmpty(), qPrintable(open.error + open.warning));
        QCOMPARE(m_store->connector(u"up"_s)->auth, ConnectorConfig::Auth::None);
        QCOMPARE(read(m_secrets, key).error, SecretStore::Error::NotFound);
    }

    // A new secret the keychain refuses changes nothing: the old settings stay.
    void updateWithARefusedSecretChangesNothing()
    {
        QVERIFY(finish([&](auto done) {
            ConnectorSaver(m_store.get(), &m_secrets).add(upstream(u"up"_s, ConnectorConfig::Auth::Token), "s3cret", this, done);
        }).ok());
        RefusingSecretStore locked;
        ConnectorConfig edited = upstream(u"up"_s, ConnectorConfig::Auth::Basic);
        const auto outcome = finish([&](auto done) { ConnectorSaver(m_store.get(), &locked).update(edited, "password", this, done); });
        QVERIFY2(outcome.error.contains(u"nothing changed"_s), qPrintable(outcome.error));
        QCOMPARE(m_store->connector(u"up"_s)->auth, ConnectorConfig::Auth::Token);
        const auto unknown = finish([&](auto done) { ConnectorSaver(m_store.get(), &m_secrets).update(upstream(u"nope"_s, {}), {}, this, done); });
        QVERIFY2(unknown.error.contains(u"no connector named nope"_s), qPrintable(unknown.error));
    }

    void removeUnknownSaysSo()
    {
        const auto outcome = finish([&](auto done) { ConnectorSaver(m_store.get(), &m_secrets).remove(u"nope"_s, this, done); });
        QVERIFY2(outcome.error.contains(u"no connector named nope"_s), qPrintable(outcome.error));
    }
};

QTEST_GUILESS_MAIN(TestConnectorSaver)
#include "tst_connectorsaver.moc"
