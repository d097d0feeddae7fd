// SPDX-License-Identifier: GPL-3.0-or-later
// Runs under tests/support/with-keyring.sh: a real gnome-keyring behind a private D-Bus bus.
#include "secrets/keychainsecretstore.h"
#include "testsupport.h"

#include <QSignalSpy>
#include <QTest>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

class TestKeychainSecretStore : public QObject
{
    Q_OBJECT

private:
    // Waits for the one completion callback the store promises.
    static SecretStore::Result wait(const std::function<void(SecretStore::Callback)> &call)
    {
        std::optional<SecretStore::Result> result;
        int calls = 0;
        call([&](const SecretStore::Result &r) {
            result = r;
            ++calls;
        });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 20000))
            return {{}, {}, SecretStore::Error::Other, u"timed out waiting for the keychain"_s};
        QTest::qWait(50); // a second callback would be a contract violation
        if (calls != 1)
            return {{}, {}, SecretStore::Error::Other, u"callback ran %1 times"_s.arg(calls)};
        return *result;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"), "run this test through with-keyring.sh");
        QVERIFY(!qEnvironmentVariable("CRATEDESK_TEST_SECRET_DIRS").isEmpty());
    }

    void roundTripsThroughSecretServiceAndLeavesNoPlainCopy_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QByteArray>("secret");
        const QByteArray unique = QUuid::createUuid().toByteArray(QUuid::Id128);
        QTest::newRow("token") << TestSupport::tokenSecretKey(u"local"_s) << QByteArray("cio" + unique);
        QTest::newRow("basic password") << TestSupport::passwordSecretKey(u"proget"_s) << QByteArray("pässwörd-" + unique);
        QTest::newRow("binary bytes") << u"feed/odd/token"_s << QByteArray("\x01\x02\xff" + unique);
    }

    void roundTripsThroughSecretServiceAndLeavesNoPlainCopy()
    {
        QFETCH(QString, key);
        QFETCH(QByteArray, secret);
        KeychainSecretStore store(u"CrateDeskTest"_s);

        auto written = wait([&](auto done) { store.writeSecret(key, secret, this, done); });
        QVERIFY2(written.ok(), qPrintable(written.message));

        // A second store object sees it: the secret is in the keyring, not in our memory.
        KeychainSecretStore other(u"CrateDeskTest"_s);
        auto read = wait([&](auto done) { other.readSecret(key, this, done); });
        QVERIFY2(read.ok(), qPrintable(read.message));
        QCOMPARE(read.secret, secret);
        QCOMPARE(read.key, key);

        const QStringList dirs = qEnvironmentVariable("CRATEDESK_TEST_SECRET_DIRS").split(u':');
        QCOMPARE(TestSupport::filesContaining(dirs, secret), QStringList());
        QCOMPARE(TestSupport::filesContaining(dirs, secret.toBase64()), QStringList());

        auto removed = wait([&](auto done) { store.deleteSecret(key, this, done); });
        QVERIFY2(removed.ok(), qPrintable(removed.message));
        auto gone = wait([&](auto done) { store.readSecret(key, this, done); });
        QCOMPARE(gone.error, SecretStore::Error::NotFound);
        QVERIFY(gone.secret.isEmpty());
        QVERIFY(!gone.message.isEmpty());
    }

    void servicesAreSeparate()
    {
        KeychainSecretStore a(u"CrateDeskTestA"_s);
        KeychainSecretStore b(u"CrateDeskTestB"_s);
        auto written = wait([&](auto done) { a.writeSecret(u"feed/x/token"_s, "only-in-a", this, done); });
        QVERIFY2(written.ok(), qPrintable(written.message));
        auto other = wait([&](auto done) { b.readSecret(u"feed/x/token"_s, this, done); });
        QCOMPARE(other.error, SecretStore::Error::NotFound);
    }

    void dropsCallbackWhenContextIsGone()
    {
        KeychainSecretStore store(u"CrateDeskTest"_s);
        auto *context = new QObject;
        bool called = false;
        store.readSecret(u"feed/none/token"_s, context, [&](const SecretStore::Result &) { called = true; });
        delete context;
        // A later call on the same bus completes after the first, so by then it would have run.
        auto after = wait([&](auto done) { store.readSecret(u"feed/none/token"_s, this, done); });
        QCOMPARE(after.error, SecretStore::Error::NotFound);
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(TestKeychainSecretStore)
#include "tst_keychainsecretstore.moc"
