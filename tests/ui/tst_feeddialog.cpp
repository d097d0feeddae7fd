// SPDX-License-Identifier: GPL-3.0-or-later
// Runs under tests/support/with-keyring.sh: secrets go to a real gnome-keyring.
#include "feeddialog.h"
#include "messagebanner.h"
#include "screenshot.h"
#include "testsupport.h"

#include "localfeed/feedstore.h"
#include "localfeed/localfeed.h"
#include "registry/feedremover.h"
#include "registry/feedsaver.h"
#include "registry/feedsettings.h"
#include "net/httpclient.h"
#include "secrets/keychainsecretstore.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QStandardPaths>
#include <QFile>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

class TestFeedDialog : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_qsettings;
    std::unique_ptr<FeedSettings> m_settings;
    std::unique_ptr<KeychainSecretStore> m_secrets;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<HttpClient> m_http;

    std::unique_ptr<FeedDialog> makeDialog()
    {
        auto dialog = std::make_unique<FeedDialog>(m_settings.get(), m_secrets.get(), m_http.get());
        dialog->resize(dialog->sizeHint());
        return dialog;
    }

    static void fill(FeedDialog *dialog, const QString &name, const QString &url, Feed::AuthKind auth = Feed::AuthKind::None,
                     const QString &user = {}, const QString &secret = {})
    {
        dialog->findChild<QLineEdit *>(u"name"_s)->setText(name);
        dialog->findChild<QLineEdit *>(u"url"_s)->setText(url);
        auto *combo = dialog->findChild<QComboBox *>(u"auth"_s);
        combo->setCurrentIndex(combo->findData(int(auth)));
        dialog->findChild<QLineEdit *>(u"user"_s)->setText(user);
        dialog->findChild<QLineEdit *>(u"secret"_s)->setText(secret);
    }

    SecretStore::Result readSecret(const QString &key)
    {
        std::optional<SecretStore::Result> result;
        m_secrets->readSecret(key, this, [&](const SecretStore::Result &r) { result = r; });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 20000))
            return {key, {}, SecretStore::Error::Other, u"timed out waiting for the keychain"_s};
        return *result;
    }

    std::unique_ptr<LocalFeed> startFeed(QTemporaryDir *dir, bool authRequired)
    {
        FeedServerOptions options;
        options.dataDir = dir->path();
        options.port = 0;
        options.authRequired = authRequired;
        auto feed = std::make_unique<LocalFeed>(options);
        const FeedError error = feed->start();
        if (error)
            qWarning("%s", qPrintable(error.detail));
        return error ? nullptr : std::move(feed);
    }

    static QByteArray createToken(LocalFeed *feed, const QString &login)
    {
        QString token;
        const FeedError error = feed->store()->createToken(login, &token);
        return error ? QByteArray() : token.toLatin1();
    }

    FeedConnectionResult runTest(FeedDialog *dialog)
    {
        QSignalSpy tested(dialog, &FeedDialog::connectionTested);
        QTest::mouseClick(dialog->testButton(), Qt::LeftButton);
        if (!tested.wait(30000))
            return {};
        return tested.at(0).at(0).value<FeedConnectionResult>();
    }

    bool save(FeedDialog *dialog)
    {
        QSignalSpy saved(dialog, &FeedDialog::feedSaved);
        dialog->accept();
        return saved.wait(20000);
    }

    QStringList filesWithSecret(const QByteArray &secret) const
    {
        QStringList dirs = qEnvironmentVariable("CRATEDESK_TEST_SECRET_DIRS").split(u':', Qt::SkipEmptyParts);
        dirs << m_dir.path();
        return TestSupport::filesContaining(dirs, secret);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"), "run this test through with-keyring.sh");
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_qsettings = std::make_unique<QSettings>(m_dir.filePath(u"cratedesk.ini"_s), QSettings::IniFormat);
        m_settings = std::make_unique<FeedSettings>(m_qsettings.get());
        m_secrets = std::make_unique<KeychainSecretStore>(u"CrateDeskUiTest"_s);
        m_nam = std::make_unique<QNetworkAccessManager>();
        m_http = std::make_unique<HttpClient>(m_nam.get());
        m_http->setRetryBaseDelay(10);
        Feed existing;
        existing.name = u"existing"_s;
        existing.indexUrl = QUrl(u"https://cargo.example.com/index/"_s);
        QString error;
        QVERIFY2(m_settings->save(existing, &error), qPrintable(error));
    }

    void emptyDialogScreenshot()
    {
        auto dialog = makeDialog();
        dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(dialog.get()));
        QCOMPARE(dialog->windowTitle(), u"Add Feed"_s);
        // Return saves; the Test button must not steal it.
        auto *save = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save);
        QVERIFY(save->isDefault());
        QVERIFY(!dialog->testButton()->autoDefault());
        QVERIFY(!dialog->findChild<QLineEdit *>(u"secret"_s)->isVisible()); // "None" needs no secret
        QVERIFY(saveScreenshot(dialog.get(), u"feeddialog-empty"_s));
    }

    void validatesInline_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("url");
        QTest::addColumn<int>("auth");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("secret");
        QTest::addColumn<int>("field"); // -1: valid
        QTest::addColumn<QString>("message");

        const int none = int(Feed::AuthKind::None), token = int(Feed::AuthKind::Token), basic = int(Feed::AuthKind::Basic);
        const int name = int(FeedDialog::Field::Name), url = int(FeedDialog::Field::Url);
        const int user = int(FeedDialog::Field::User), secret = int(FeedDialog::Field::Secret);
        const QString good = u"sparse+https://cargo.example.com/index/"_s;
        QTest::newRow("empty name") << u""_s << good << none << u""_s << u""_s << name << u"Enter a name for the feed"_s;
        QTest::newRow("space in name") << u"my feed"_s << good << none << u""_s << u""_s << name << u"cannot name a feed"_s;
        QTest::newRow("name starts with digit") << u"1feed"_s << good << none << u""_s << u""_s << name << u"starting with a letter"_s;
        QTest::newRow("crates-io") << u"crates-io"_s << good << none << u""_s << u""_s << name
                                   << u"cargo's own name for crates.io"_s;
        QTest::newRow("local is taken") << u"local"_s << good << none << u""_s << u""_s << name << u"embedded feed"_s;
        QTest::newRow("duplicate") << u"existing"_s << good << none << u""_s << u""_s << name << u"already exists"_s;
        QTest::newRow("empty url") << u"acme"_s << u"  "_s << none << u""_s << u""_s << url << u"Enter the feed's index URL"_s;
        QTest::newRow("no trailing slash") << u"acme"_s << u"sparse+https://cargo.example.com/index"_s << none << u""_s << u""_s << url
                                           << u"must end in '/': use https://cargo.example.com/index/"_s;
        QTest::newRow("host without slash") << u"acme"_s << u"https://cargo.example.com"_s << none << u""_s << u""_s << url << u"must end in '/'"_s;
        QTest::newRow("git index") << u"acme"_s << u"https://github.com/rust-lang/crates.io-index.git"_s << none << u""_s << u""_s << url
                                   << u"is a git index"_s;
        QTest::newRow("ftp") << u"acme"_s << u"ftp://cargo.example.com/"_s << none << u""_s << u""_s << url << u"uses ftp:"_s;
        QTest::newRow("password in url") << u"acme"_s << u"https://bob:hunter2@cargo.example.com/"_s << none << u""_s << u""_s << url
                                         << u"contains a password"_s;
        QTest::newRow("query") << u"acme"_s << u"https://cargo.example.com/index/?token=1"_s << none << u""_s << u""_s << url << u"query"_s;
        QTest::newRow("not a url") << u"acme"_s << u"cargo example"_s << none << u""_s << u""_s << url << u"is not a URL"_s;
        QTest::newRow("basic without user") << u"acme"_s << good << basic << u""_s << u"pw"_s << user << u"Enter the user name"_s;
        QTest::newRow("token missing") << u"acme"_s << good << token << u""_s << u""_s << secret << u"Enter the token"_s;
        QTest::newRow("password missing") << u"acme"_s << good << basic << u"bob"_s << u""_s << secret << u"Enter the password"_s;
        QTest::newRow("sparse https") << u"acme"_s << good << none << u""_s << u""_s << -1 << u"https://cargo.example.com/index/"_s;
        QTest::newRow("plain https") << u"acme_2"_s << u"https://cargo.example.com/"_s << none << u""_s << u""_s << -1
                                     << u"https://cargo.example.com/"_s;
        QTest::newRow("plain http with port") << u"acme-3"_s << u" http://127.0.0.1:8080/cargo/ "_s << token << u""_s << u"t0ken"_s << -1
                                              << u"http://127.0.0.1:8080/cargo/"_s;
        QTest::newRow("proget basic") << u"proget"_s << u"sparse+https://proget.example.com/cargo/internal/"_s << basic << u"bob"_s
                                      << u"pw"_s << -1 << u"https://proget.example.com/cargo/internal/"_s;
    }

    void validatesInline()
    {
        QFETCH(QString, name);
        QFETCH(QString, url);
        QFETCH(int, auth);
        QFETCH(QString, user);
        QFETCH(QString, secret);
        QFETCH(int, field);
        QFETCH(QString, message);

        auto dialog = makeDialog();
        fill(dialog.get(), name, url, Feed::AuthKind(auth), user, secret);
        const bool valid = dialog->validate();
        QCOMPARE(valid, field < 0);
        for (const auto f : {FeedDialog::Field::Name, FeedDialog::Field::Url, FeedDialog::Field::User, FeedDialog::Field::Secret}) {
            const QString shown = dialog->fieldError(f);
            if (int(f) == field)
                QVERIFY2(shown.contains(message), qPrintable(shown));
            else
                QVERIFY2(shown.isEmpty(), qPrintable(shown));
        }
        if (valid) {
            QCOMPARE(dialog->currentFeed().indexUrl, QUrl(message));
            QCOMPARE(dialog->currentFeed().name, name);
        } else {
            // Typing in the field clears its message.
            auto *edit = dialog->findChild<QLineEdit *>(QStringList{u"name"_s, u"url"_s, u"user"_s, u"secret"_s}.at(field));
            QTest::keyClick(edit, Qt::Key_X);
            QVERIFY(dialog->fieldError(FeedDialog::Field(field)).isEmpty());
        }
    }

    void invalidFieldsScreenshot()
    {
        auto dialog = makeDialog();
        dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(dialog.get()));
        fill(dialog.get(), u"my feed"_s, u"https://cargo.example.com/index"_s, Feed::AuthKind::Basic, {}, {});
        QVERIFY(!dialog->validate());
        QTRY_VERIFY(dialog->findChild<QLineEdit *>(u"name"_s)->hasFocus()); // the first problem gets the cursor
        QVERIFY(saveScreenshot(dialog.get(), u"feeddialog-invalid"_s));
    }

    void testsAgainstLocalFeed_data()
    {
        QTest::addColumn<bool>("authRequired");
        QTest::newRow("public") << false;
        QTest::newRow("auth-required with token") << true;
    }

    void testsAgainstLocalFeed()
    {
        QFETCH(bool, authRequired);
        QTemporaryDir dir;
        auto feed = startFeed(&dir, authRequired);
        QVERIFY(feed);
        const QByteArray token = createToken(feed.get(), u"alice"_s);
        QVERIFY(!token.isEmpty());

        auto dialog = makeDialog();
        dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(dialog.get()));
        fill(dialog.get(), u"local-test"_s, feed->cargoIndexUrl(), authRequired ? Feed::AuthKind::Token : Feed::AuthKind::None, {},
             authRequired ? QString::fromLatin1(token) : QString());
        const FeedConnectionResult result = runTest(dialog.get());
        QVERIFY2(result.ok(), qPrintable(result.error.message));
        QVERIFY(result.config);
        QCOMPARE(result.config->authRequired, authRequired);
        QVERIFY(!result.config->api.isEmpty());
        QCOMPARE(dialog->banner()->kind(), MessageBanner::Kind::Positive);
        QVERIFY(dialog->banner()->isVisible());
        QVERIFY(dialog->banner()->text().contains(u"online"_s));
        QVERIFY(dialog->banner()->text().contains(u"Web API"_s));
        QCOMPARE(dialog->banner()->text().contains(u"auth-required"_s), authRequired);
        QVERIFY(dialog->testButton()->isEnabled());
        // Testing saves nothing.
        QVERIFY(!m_settings->feed(u"local-test"_s));
        if (authRequired)
            QVERIFY(saveScreenshot(dialog.get(), u"feeddialog-tested"_s));
    }

    void testReportsMissingOrWrongToken_data()
    {
        QTest::addColumn<int>("auth");
        QTest::addColumn<QString>("secret");
        QTest::newRow("no credentials") << int(Feed::AuthKind::None) << QString();
        QTest::newRow("wrong token") << int(Feed::AuthKind::Token) << u"cdk_not-a-real-token"_s;
    }

    void testReportsMissingOrWrongToken()
    {
        QFETCH(int, auth);
        QFETCH(QString, secret);
        QTemporaryDir dir;
        auto feed = startFeed(&dir, true);
        QVERIFY(feed);
        auto dialog = makeDialog();
        dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(dialog.get()));
        fill(dialog.get(), u"guarded"_s, feed->cargoIndexUrl(), Feed::AuthKind(auth), {}, secret);
        const FeedConnectionResult result = runTest(dialog.get());
        QVERIFY(!result.ok());
        QVERIFY2(result.error.kind == RegistryError::Kind::AuthRequired || result.error.kind == RegistryError::Kind::Forbidden,
                 qPrintable(result.error.message));
        QCOMPARE(dialog->banner()->kind(), MessageBanner::Kind::Error);
        QVERIFY(dialog->banner()->text().contains(u"token"_s));
        // The dialog turns to the credential: a token field, ready for typing.
        QCOMPARE(dialog->currentFeed().auth, Feed::AuthKind::Token);
        QVERIFY(dialog->findChild<QLineEdit *>(u"secret"_s)->isVisible());
        QTRY_VERIFY(dialog->findChild<QLineEdit *>(u"secret"_s)->hasFocus());
        QVERIFY(!dialog->banner()->text().contains(secret.isEmpty() ? u"\x01"_s : secret)); // never echoes the secret
    }

    void testReportsDeadPort()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close(); // nothing listens there any more

        auto dialog = makeDialog();
        dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(dialog.get()));
        fill(dialog.get(), u"gone"_s, u"sparse+http://127.0.0.1:%1/index/"_s.arg(port));
        const FeedConnectionResult result = runTest(dialog.get());
        QVERIFY(!result.ok());
        QCOMPARE(result.error.kind, RegistryError::Kind::Network);
        QCOMPARE(dialog->banner()->kind(), MessageBanner::Kind::Error);
        QVERIFY(dialog->banner()->isVisible());
        QVERIFY(!dialog->banner()->text().isEmpty());
        QCOMPARE(dialog->banner()->buttons().size(), 1); // Retry
        QVERIFY(saveScreenshot(dialog.get(), u"feeddialog-error"_s));

        // Retry runs the test again.
        QSignalSpy tested(dialog.get(), &FeedDialog::connectionTested);
        QTest::mouseClick(dialog->banner()->buttons().first(), Qt::LeftButton);
        QVERIFY(tested.wait(30000));
    }

    void testReportsWrongPath()
    {
        QTemporaryDir dir;
        auto feed = startFeed(&dir, false);
        QVERIFY(feed);
        auto dialog = makeDialog();
        fill(dialog.get(), u"typo"_s, feed->cargoIndexUrl() + u"no-such-index/"_s);
        const FeedConnectionResult result = runTest(dialog.get());
        QCOMPARE(result.error.kind, RegistryError::Kind::NotFound);
        QCOMPARE(dialog->banner()->kind(), MessageBanner::Kind::Error);
        QVERIFY2(dialog->banner()->text().contains(u"no config.json at this URL"_s), qPrintable(dialog->banner()->text()));
    }

    void everyFieldHasAMnemonic()
    {
        auto dialog = makeDialog();
        auto *combo = dialog->findChild<QComboBox *>(u"auth"_s);
        combo->setCurrentIndex(combo->findData(int(Feed::AuthKind::Basic)));
        QSet<QWidget *> buddies;
        for (QLabel *label : dialog->findChildren<QLabel *>()) {
            if (label->buddy()) {
                QVERIFY2(label->text().contains(u'&'), qPrintable(label->text()));
                buddies.insert(label->buddy());
            }
        }
        for (const QString &name : {u"name"_s, u"url"_s, u"auth"_s, u"user"_s, u"secret"_s})
            QVERIFY2(buddies.contains(dialog->findChild<QWidget *>(name)), qPrintable(name));
    }

    void savesSecretInKeyringNeverInSettings()
    {
        const QByteArray secret = "cdk_" + QUuid::createUuid().toByteArray(QUuid::Id128);
        auto dialog = makeDialog();
        fill(dialog.get(), u"acme"_s, u"sparse+https://cargo.acme.example/index/"_s, Feed::AuthKind::Token, {}, QString::fromLatin1(secret));
        QVERIFY(save(dialog.get()));
        QCOMPARE(dialog->result(), int(QDialog::Accepted));

        const auto saved = m_settings->feed(u"acme"_s);
        QVERIFY(saved);
        QCOMPARE(saved->auth, Feed::AuthKind::Token);
        QCOMPARE(saved->indexUrl, QUrl(u"https://cargo.acme.example/index/"_s));
        const SecretStore::Result stored = readSecret(TestSupport::tokenSecretKey(u"acme"_s));
        QVERIFY2(stored.ok(), qPrintable(stored.message));
        QCOMPARE(stored.secret, secret);

        m_qsettings->sync();
        QFile file(m_qsettings->fileName());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray contents = file.readAll();
        QVERIFY(contents.contains("acme"));
        QVERIFY(!contents.contains(secret));
        QCOMPARE(filesWithSecret(secret), QStringList());
    }

    void editShowsStoredSecretAndForgetsIt()
    {
        auto dialog = makeDialog();
        dialog->setFeed(*m_settings->feed(u"acme"_s));
        QVERIFY(dialog->isEditing());
        QVERIFY(dialog->findChild<QLineEdit *>(u"name"_s)->isReadOnly());
        QTRY_COMPARE(dialog->secretState(), FeedDialog::SecretState::Stored);
        auto *status = dialog->findChild<QLabel *>(u"secretStatus"_s);
        QVERIFY(status->text().contains(u"stored in the keychain"_s));
        dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(dialog.get()));
        QVERIFY(saveScreenshot(dialog.get(), u"feeddialog-edit"_s));
        // Saving with the field empty keeps the stored token.
        QVERIFY(dialog->validate());

        auto *forget = dialog->findChild<QPushButton *>(u"forget"_s);
        QVERIFY(!forget->isHidden());
        QTest::mouseClick(forget, Qt::LeftButton);
        QCOMPARE(dialog->secretState(), FeedDialog::SecretState::ForgetOnSave);
        QVERIFY(status->text().contains(u"forgotten"_s));
        QVERIFY(save(dialog.get()));

        QCOMPARE(readSecret(TestSupport::tokenSecretKey(u"acme"_s)).error, SecretStore::Error::NotFound);
        QVERIFY(m_settings->feed(u"acme"_s)); // the feed stays; the app asks again on a 401
    }

    void editReplacesSecretAndSwitchesKind()
    {
        auto dialog = makeDialog();
        dialog->setFeed(*m_settings->feed(u"acme"_s));
        QTRY_COMPARE(dialog->secretState(), FeedDialog::SecretState::NotStored);
        const QByteArray password = "pw-" + QUuid::createUuid().toByteArray(QUuid::Id128);
        auto *combo = dialog->findChild<QComboBox *>(u"auth"_s);
        combo->setCurrentIndex(combo->findData(int(Feed::AuthKind::Basic)));
        dialog->findChild<QLineEdit *>(u"user"_s)->setText(u"bob"_s);
        dialog->findChild<QLineEdit *>(u"secret"_s)->setText(QString::fromLatin1(password));
        QVERIFY(save(dialog.get()));
        QCOMPARE(m_settings->feed(u"acme"_s)->auth, Feed::AuthKind::Basic);
        QCOMPARE(m_settings->feed(u"acme"_s)->basicUser, u"bob"_s);
        QCOMPARE(readSecret(TestSupport::passwordSecretKey(u"acme"_s)).secret, password);
        QCOMPARE(filesWithSecret(password), QStringList());
    }

    void testsWithTheStoredToken()
    {
        QTemporaryDir dir;
        auto feed = startFeed(&dir, true);
        QVERIFY(feed);
        const QByteArray token = createToken(feed.get(), u"alice"_s);
        Feed stored;
        stored.name = u"guarded"_s;
        stored.indexUrl = feed->indexUrl();
        stored.auth = Feed::AuthKind::Token;
        FeedSaver saver(m_settings.get(), m_secrets.get());
        QSignalSpy done(&saver, &FeedSaver::finished);
        saver.save(stored, FeedSaver::SecretChange::Replace, token);
        QVERIFY(done.wait(20000));
        QCOMPARE(done.at(0).at(1).toString(), QString());

        auto dialog = makeDialog();
        dialog->setFeed(stored);
        QTRY_COMPARE(dialog->secretState(), FeedDialog::SecretState::Stored);
        const FeedConnectionResult result = runTest(dialog.get()); // field empty: the keychain's token
        QVERIFY2(result.ok(), qPrintable(result.error.message));
        QVERIFY(result.config->authRequired);
    }

    void asksForCredential()
    {
        Feed feed;
        feed.name = u"existing"_s;
        feed.indexUrl = QUrl(u"https://cargo.example.com/index/"_s);
        auto dialog = makeDialog();
        dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(dialog.get()));
        const QString message = u"the feed existing needs a token: add one to the feed"_s;
        dialog->askForCredential(feed, message);
        QCOMPARE(dialog->banner()->kind(), MessageBanner::Kind::Warning);
        QVERIFY(dialog->banner()->text().contains(u"The feed existing needs a token: add one to the feed"_s));
        QCOMPARE(dialog->currentFeed().auth, Feed::AuthKind::Token);
        QTRY_VERIFY(dialog->findChild<QLineEdit *>(u"secret"_s)->hasFocus());
        QVERIFY(dialog->windowTitle().contains(u"existing"_s));
        QVERIFY(saveScreenshot(dialog.get(), u"feeddialog-credential"_s));
    }

    void removingForgetsTheSecret_data()
    {
        QTest::addColumn<int>("auth");
        QTest::newRow("token") << int(Feed::AuthKind::Token);
        QTest::newRow("basic") << int(Feed::AuthKind::Basic);
    }

    void removingForgetsTheSecret()
    {
        QFETCH(int, auth);
        Feed feed;
        feed.name = u"doomed"_s;
        feed.indexUrl = QUrl(u"https://doomed.example/"_s);
        feed.auth = Feed::AuthKind(auth);
        feed.basicUser = u"bob"_s;
        FeedSaver saver(m_settings.get(), m_secrets.get());
        QSignalSpy saved(&saver, &FeedSaver::finished);
        saver.save(feed, FeedSaver::SecretChange::Replace, "doomed-secret");
        QVERIFY(saved.wait(20000));
        QCOMPARE(saved.at(0).at(1).toString(), QString());
        QVERIFY(readSecret(feed.secretKey()).ok());

        FeedRemover remover(m_settings.get(), m_secrets.get());
        QSignalSpy removed(&remover, &FeedRemover::removed);
        QVERIFY(remover.remove(u"doomed"_s));
        QVERIFY(removed.wait(20000));
        QCOMPARE(removed.at(0).at(0).toString(), u"doomed"_s);
        QCOMPARE(removed.at(0).at(1).toString(), QString());
        QVERIFY(!m_settings->feed(u"doomed"_s));
        QCOMPARE(readSecret(TestSupport::tokenSecretKey(u"doomed"_s)).error, SecretStore::Error::NotFound);
        QCOMPARE(readSecret(TestSupport::passwordSecretKey(u"doomed"_s)).error, SecretStore::Error::NotFound);
        QVERIFY(!remover.remove(u"doomed"_s)); // gone is gone
    }
};

QTEST_MAIN(TestFeedDialog)
#include "tst_feeddialog.moc"
