// SPDX-License-Identifier: GPL-3.0-or-later
// A company CA named in a file (the Settings dialog, or cargo's CARGO_HTTP_CAINFO on the command
// line): what a file must be to be trusted, and that trusting it lets a client reach an https
// feed whose certificate only it vouches for, through the real local feed in https mode.
#include "localfeed/localfeed.h"
#include "localtestfeed.h"
#include "net/extracacertificates.h"
#include "settings/settingssession.h"
#include "testsupport.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcessEnvironment>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

QString tlsFixture(const QString &file)
{
    return TestSupport::sourceDir() + u"/tests/fixtures/tls/"_s + file;
}

QSet<QByteArray> digests(const QList<QSslCertificate> &certificates)
{
    QSet<QByteArray> set;
    for (const QSslCertificate &certificate : certificates)
        set.insert(certificate.digest(QCryptographicHash::Sha256));
    return set;
}

QByteArray fixtureBytes(const QString &file)
{
    QFile in(tlsFixture(file));
    return in.open(QIODevice::ReadOnly) ? in.readAll() : QByteArray();
}

} // namespace

class TestExtraCaCertificates : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<LocalFeed> m_feed;

    QString writeFile(const QString &name, const QByteArray &content)
    {
        QFile file(m_dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
            return {};
        return file.fileName();
    }

    // A GET of the https feed's config.json from a fresh manager, so that no connection made
    // under an earlier trust is reused: empty when it worked, else Qt's error.
    QString fetchConfig()
    {
        QNetworkAccessManager nam;
        std::unique_ptr<QNetworkReply> reply(nam.get(QNetworkRequest(m_feed->indexUrl().resolved(QUrl(u"config.json"_s)))));
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        if (!finished.wait(20000))
            return u"timed out"_s;
        return reply->error() == QNetworkReply::NoError ? QString() : reply->errorString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        FeedServerOptions options;
        options.dataDir = m_dir.filePath(u"feed"_s);
        options.tlsCertificateFile = tlsFixture(u"localhost-cert.pem"_s);
        options.tlsKeyFile = tlsFixture(u"localhost-key.pem"_s);
        TestSupport::StartedFeed started = TestSupport::startLocalFeed(options);
        QVERIFY2(started.error.isEmpty(), qPrintable(started.error));
        m_feed = std::move(started.feed);
        QVERIFY(m_feed->indexUrl().scheme() == u"https"_s);
    }

    void cleanup()
    {
        ExtraCaCertificates::install({}); // the system's CAs only, as at start
    }

    void load_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("errorSays"); // empty: loads
        QTest::addColumn<int>("fromFile");
        const QByteArray pem = fixtureBytes(u"localhost-cert.pem"_s);
        QVERIFY(pem.startsWith("-----BEGIN CERTIFICATE-----"));
        QTest::newRow("none set") << QString() << QString() << 0;
        QTest::newRow("one PEM certificate") << tlsFixture(u"localhost-cert.pem"_s) << QString() << 1;
        QTest::newRow("a bundle of two, between comments")
            << writeFile(u"bundle.pem"_s, "# our CA\n" + pem + "\nsome words\n" + pem) << QString() << 2;
        QTest::newRow("missing") << m_dir.filePath(u"no-such.pem"_s) << u"cannot be read"_s << 0;
        QTest::newRow("a folder") << m_dir.path() << u"cannot be read"_s << 0;
        QTest::newRow("a private key, no certificate") << tlsFixture(u"localhost-key.pem"_s) << u"holds no PEM certificate"_s << 0;
        QTest::newRow("garbage between PEM markers")
            << writeFile(u"broken.pem"_s, "-----BEGIN CERTIFICATE-----\nnot base64 at all!\n-----END CERTIFICATE-----\n")
            << u"holds no PEM certificate"_s << 0;
        QTest::newRow("one byte over the limit, a valid certificate first")
            << writeFile(u"huge.pem"_s, pem + QByteArray(ExtraCaCertificates::MaximumFileBytes + 1 - pem.size(), '\n'))
            << u"larger than 4 MiB"_s << 0;
    }

    void load()
    {
        QFETCH(QString, file);
        QFETCH(QString, errorSays);
        QFETCH(int, fromFile);
        const ExtraCaCertificates::Loaded loaded = ExtraCaCertificates::load(file);
        QCOMPARE(loaded.file, file);
        QCOMPARE(loaded.fromFile, fromFile);
        if (errorSays.isEmpty()) {
            QVERIFY2(loaded.ok(), qPrintable(loaded.error));
            if (!fromFile) {
                QVERIFY(loaded.trusted.isEmpty());
                return;
            }
            // The file's CAs come with the system's, not instead of them, and each only once:
            // every TLS context copies the whole list.
            const QList<QSslCertificate> system = QSslConfiguration::systemCaCertificates();
            QVERIFY(!system.isEmpty());
            const QList<QSslCertificate> inFile = QSslCertificate::fromPath(file);
            QCOMPARE(inFile.size(), fromFile);
            const QSet<QByteArray> trusted = digests(loaded.trusted);
            QCOMPARE(trusted.size(), loaded.trusted.size());
            QCOMPARE(trusted, digests(system) + digests(inFile));
        } else {
            QVERIFY(!loaded.ok());
            QVERIFY2(loaded.error.contains(errorSays), qPrintable(loaded.error));
            QVERIFY2(loaded.error.contains(file), qPrintable(loaded.error)); // says where
            QVERIFY(loaded.trusted.isEmpty());
        }
    }

    // A file chosen after another replaces it: the first file's CA is not trusted any more.
    void aLaterFileReplacesTheEarlierOne()
    {
        const QSslCertificate feedCa = QSslCertificate::fromPath(tlsFixture(u"localhost-cert.pem"_s)).value(0);
        QVERIFY(!feedCa.isNull());
        ExtraCaCertificates::install(ExtraCaCertificates::load(tlsFixture(u"localhost-cert.pem"_s)));
        QVERIFY(QSslConfiguration::defaultConfiguration().caCertificates().contains(feedCa));
        const QSslCertificate other = QSslConfiguration::systemCaCertificates().value(0);
        QVERIFY(!other.isNull());
        const ExtraCaCertificates::Loaded later = ExtraCaCertificates::load(writeFile(u"other.pem"_s, other.toPem()));
        QVERIFY2(later.ok(), qPrintable(later.error));
        QVERIFY(!later.trusted.contains(feedCa));
        ExtraCaCertificates::install(later);
        QVERIFY(!QSslConfiguration::defaultConfiguration().caCertificates().contains(feedCa));
        QVERIFY2(!fetchConfig().isEmpty(), "the earlier file is still trusted");
    }

    void cargoVariableWinsOnTheCommandLine()
    {
        QSettings settings(m_dir.filePath(u"settings.ini"_s), QSettings::IniFormat);
        ExtraCaCertificates::setConfiguredFile(settings, u"/from/settings.pem"_s);
        QProcessEnvironment environment;
        QCOMPARE(ExtraCaCertificates::commandLineFile(settings, environment), u"/from/settings.pem"_s);
        environment.insert(u"CARGO_HTTP_CAINFO"_s, u"/from/cargo.pem"_s);
        QCOMPARE(ExtraCaCertificates::commandLineFile(settings, environment), u"/from/cargo.pem"_s);
        ExtraCaCertificates::setConfiguredFile(settings, {});
        QVERIFY(!settings.contains(ExtraCaCertificates::FileKey));
    }

    void installedFileLetsAClientReachAFeedOnlyItVouchesFor()
    {
        const QString untrusted = fetchConfig();
        QVERIFY2(!untrusted.isEmpty(), "the feed's self-signed certificate is trusted without the file");
        ExtraCaCertificates::install(ExtraCaCertificates::load(tlsFixture(u"localhost-cert.pem"_s)));
        const QString trusted = fetchConfig();
        QVERIFY2(trusted.isEmpty(), qPrintable(trusted));
        ExtraCaCertificates::install(ExtraCaCertificates::load({})); // the setting cleared
        QVERIFY2(!fetchConfig().isEmpty(), "the file is still trusted after it was cleared");
    }

    // The Settings dialog's path: a file that cannot be used is neither stored nor put to work,
    // and the one that worked before stays; a good one is both.
    void settingsKeepAndInstallOnlyAFileThatLoads()
    {
        QSettings settings(m_dir.filePath(u"session.ini"_s), QSettings::IniFormat);
        SettingsSession session(&settings, nullptr);
        QSignalSpy applied(&session, &SettingsSession::applied);
        const auto apply = [&](const QString &file) {
            SettingsSession::Values wanted = session.values();
            wanted.caFile = file;
            session.apply(wanted);
            return applied.wait(20000) ? applied.takeFirst().at(0).value<SettingsSession::Outcome>() : SettingsSession::Outcome{};
        };

        const SettingsSession::Outcome good = apply(tlsFixture(u"localhost-cert.pem"_s));
        QVERIFY2(good.ok(), qPrintable(good.caError));
        QCOMPARE(session.values().caFile, tlsFixture(u"localhost-cert.pem"_s));
        QVERIFY2(fetchConfig().isEmpty(), "the file the dialog chose is not trusted");

        const SettingsSession::Outcome bad = apply(tlsFixture(u"localhost-key.pem"_s));
        QVERIFY(bad.caError.contains(u"holds no PEM certificate"_s));
        QCOMPARE(session.values().caFile, tlsFixture(u"localhost-cert.pem"_s));
        QVERIFY2(fetchConfig().isEmpty(), "a bad file undid the one that worked");

        QVERIFY(apply({}).ok());
        QVERIFY(!settings.contains(ExtraCaCertificates::FileKey));
        QVERIFY(!fetchConfig().isEmpty());
    }

    // At start, a stored file that went bad since is reported, and the system's CAs alone are
    // in effect.
    void startSaysWhenTheStoredFileWentBad()
    {
        QSettings settings(m_dir.filePath(u"start.ini"_s), QSettings::IniFormat);
        const QString file = writeFile(u"company-ca.pem"_s, fixtureBytes(u"localhost-cert.pem"_s));
        ExtraCaCertificates::setConfiguredFile(settings, file);
        {
            SettingsSession session(&settings, nullptr);
            QSignalSpy installed(&session, &SettingsSession::caCertificatesInstalled);
            session.installCaCertificates();
            QVERIFY(installed.wait(20000));
            QCOMPARE(installed.at(0).at(0).toString(), QString());
            QCOMPARE(session.caCertificatesProblem(), QString());
            QVERIFY2(fetchConfig().isEmpty(), "the stored file is not trusted at start");
        }
        QVERIFY(QFile::remove(file));
        SettingsSession session(&settings, nullptr);
        QSignalSpy installed(&session, &SettingsSession::caCertificatesInstalled);
        session.installCaCertificates();
        QCOMPARE(installed.size(), 0); // from the event loop, never inside the call
        QVERIFY(installed.wait(20000));
        QVERIFY(installed.at(0).at(0).toString().contains(u"cannot be read"_s));
        QCOMPARE(session.caCertificatesProblem(), installed.at(0).at(0).toString());
        QVERIFY(!fetchConfig().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestExtraCaCertificates)
#include "tst_extracacertificates.moc"
