// SPDX-License-Identifier: GPL-3.0-or-later
// The cargo setup dialog, offscreen: the preview follows the choices, Apply writes what the
// preview showed, Undo restores the file, and a picture of it lands in the build folder.
#include "cargo/cargosetupdialog.h"
#include "secrets/keychainsecretstore.h"

#include <QApplication>
#include <QFile>
#include <QLayout>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestCargoSetupDialog : public QObject
{
    Q_OBJECT

private:
    static Feed feed()
    {
        return Feed{u"acme"_s, QUrl(u"https://crates.acme.test/index/"_s), Feed::AuthKind::Token, {}, Feed::Origin::Remote};
    }

    static QByteArray readAll(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

private Q_SLOTS:
    void previewApplyUndo()
    {
        QTemporaryDir home;
        const QByteArray original = "# keep me\n[net]\nretry = 2\n";
        {
            QFile file(home.filePath(u"config.toml"_s));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(original);
        }
        KeychainSecretStore secrets(u"CrateDesk-test-dialog"_s);
        CargoSetupDialog dialog(feed(), &secrets);
        dialog.setProviderCommand({u"/usr/bin/cratedesk"_s, u"credential"_s, u"--feed"_s, u"acme"_s});
        dialog.setCargoHome(home.path());
        QVERIFY(dialog.diffText().contains(u"+[registries.acme]"_s));
        QVERIFY(!dialog.diffText().contains(u"replace-with"_s));
        QVERIFY(dialog.canApply());
        QVERIFY(!dialog.canUndo());

        dialog.setMakeDefault(true);
        dialog.setProxyCratesIo(true);
        QVERIFY(dialog.diffText().contains(u"+replace-with = \"acme\""_s));
        QVERIFY(dialog.statusText().contains(u"Cargo.lock"_s));

        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const QString picture = QStringLiteral(QT_TESTCASE_BUILDDIR) + u"/../../cargosetupdialog.png"_s;
        dialog.layout()->activate(); // the status label grew; lay out before taking the picture
        QVERIFY(dialog.grab().save(picture));

        const QString preview = dialog.diffText();
        dialog.apply();
        const QByteArray written = readAll(home.filePath(u"config.toml"_s));
        QVERIFY(written.startsWith(original));
        QVERIFY(written.contains("credential-provider = [\"/usr/bin/cratedesk\", \"credential\", \"--feed\", \"acme\"]\n"));
        QVERIFY(preview.contains(u"+credential-provider"_s));
        QVERIFY(!dialog.canApply());
        QVERIFY(dialog.canUndo());
        QVERIFY(dialog.statusText().contains(u"backup"_s));

        dialog.setPlainTokenFile(true);
        QVERIFY(dialog.diffText().contains(u"+token = \"<token from the keychain>\""_s));
        dialog.layout()->activate();
        QVERIFY(dialog.grab().save(QStringLiteral(QT_TESTCASE_BUILDDIR) + u"/../../cargosetupdialog-plain.png"_s));
        dialog.setPlainTokenFile(false);

        dialog.undo();
        QCOMPARE(readAll(home.filePath(u"config.toml"_s)), original);
        QVERIFY(!dialog.canUndo());
        QVERIFY(dialog.canApply());
    }

    void refusalShowsCargosReason()
    {
        QTemporaryDir home;
        KeychainSecretStore secrets(u"CrateDesk-test-dialog"_s);
        Feed dotted = feed();
        dotted.name = u"my.reg"_s;
        CargoSetupDialog dialog(dotted, &secrets);
        dialog.setCargoHome(home.path());
        // The name offered is one cargo accepts; the one typed by hand is checked as cargo does.
        QCOMPARE(dialog.registryName(), u"my-reg"_s);
        QVERIFY(dialog.canApply());
        dialog.setRegistryName(u"my.reg"_s);
        QVERIFY(!dialog.canApply());
        QVERIFY(dialog.statusText().contains(u"invalid character `.` in registry name"_s));
    }
};

QTEST_MAIN(TestCargoSetupDialog)
#include "tst_cargosetupdialog.moc"
