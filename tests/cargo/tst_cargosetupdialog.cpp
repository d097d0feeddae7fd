// SPDX-License-Identifier: GPL-3.0-or-later
// The cargo setup dialog, offscreen: the preview follows the choices, Apply writes what the
// preview showed, Undo restores the file, and a picture of it lands in the build folder.
#include "cargo/cargosetupdialog.h"
#include "secrets/keychainsecretstore.h"

#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QLayout>
#include <QPalette>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace Qt::Literals::StringLiterals;

class TestCargoSetupDialog : public QObject
{
    Q_OBJECT

private:
    static Feed feed()
    {
        return Feed{u"acme"_s, QUrl(u"https://crates.acme.test/index/"_s), Feed::AuthKind::Token, {}, Feed::Origin::Remote};
    }

    // WCAG's contrast ratio: 4.5 is what normal text needs to be read with ease.
    static double contrast(const QColor &a, const QColor &b)
    {
        const auto luminance = [](const QColor &c) {
            const auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
            return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
        };
        const double la = luminance(a), lb = luminance(b);
        return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
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

    void warningsReadInLightAndDark_data()
    {
        QTest::addColumn<QPalette>("palette");
        QTest::newRow("light") << QPalette(
            Qt::black, QColor(0xef, 0xf0, 0xf1), Qt::white, Qt::darkGray, Qt::gray, Qt::black, Qt::white);
        QPalette dark(QColor(0xef, 0xf0, 0xf1), QColor(0x23, 0x26, 0x29), QColor(0x4d, 0x52, 0x57), QColor(0x10, 0x10, 0x10),
            QColor(0x31, 0x36, 0x3b), QColor(0xef, 0xf0, 0xf1), QColor(0x1b, 0x1e, 0x20));
        dark.setColor(QPalette::Window, QColor(0x23, 0x26, 0x29));
        QTest::newRow("dark") << dark;
    }

    // The plain-token warning and a refusal are coloured, in the palette's own light or dark.
    void warningsReadInLightAndDark()
    {
        QFETCH(QPalette, palette);
        QTemporaryDir home;
        KeychainSecretStore secrets(u"CrateDesk-test-dialog"_s);
        CargoSetupDialog dialog(feed(), &secrets);
        dialog.setCargoHome(home.path());
        dialog.setPalette(palette);
        dialog.setRegistryName(u"my.reg"_s); // refused: the status shows a problem
        QVERIFY(!dialog.canApply());
        const QColor window = palette.color(QPalette::Window);
        for (const QString &name : {u"plainTokenWarning"_s, u"status"_s}) {
            auto *label = dialog.findChild<QLabel *>(name);
            QVERIFY(label);
            const QColor text = label->palette().color(QPalette::WindowText);
            QVERIFY2(text != palette.color(QPalette::WindowText), qPrintable(name + u" is not coloured"_s));
            QVERIFY2(contrast(text, window) >= 4.5, qPrintable(u"%1: contrast %2"_s.arg(name).arg(contrast(text, window))));
        }
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
