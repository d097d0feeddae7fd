// SPDX-License-Identifier: GPL-3.0-or-later
#include "appicon.h"
#include "screenshot.h"
#include "testsupport.h"

#include <QFile>
#include <QLabel>
#include <QHBoxLayout>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestAppIcon : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void iconComesFromTheResources()
    {
        const QIcon icon = AppIcon::icon();
        QVERIFY(!icon.isNull());
        for (int size : {16, 22, 24, 32, 48, 64, 128, 256}) {
            const QPixmap pixmap = icon.pixmap(QSize(size, size));
            QCOMPARE(pixmap.size(), QSize(size, size));
            // Transparent corners, an opaque crate in the middle.
            const QImage image = pixmap.toImage();
            QCOMPARE(qAlpha(image.pixel(0, 0)), 0);
            QCOMPARE(qAlpha(image.pixel(size / 2, size / 2)), 255);
        }
    }

    void oneIdEverywhere()
    {
        QCOMPARE(AppIcon::applicationId(), u"org.cratedesk.CrateDesk"_s);
        QFile desktop(TestSupport::sourceDir() + u"/resources/"_s + AppIcon::applicationId() + u".desktop"_s);
        QVERIFY2(desktop.open(QIODevice::ReadOnly), qPrintable(desktop.fileName()));
        QVERIFY(desktop.readAll().contains(QByteArray("\nIcon=" + AppIcon::applicationId().toUtf8() + "\n")));
    }

    void iconSizesSideBySide()
    {
        // A strip of every size, zoomed small sizes included, to look at.
        QWidget strip;
        auto *layout = new QHBoxLayout(&strip);
        const QIcon icon = AppIcon::icon();
        for (int size : {256, 128, 64, 48, 32, 24, 22, 16}) {
            auto *label = new QLabel(&strip);
            label->setPixmap(icon.pixmap(QSize(size, size)));
            label->setAlignment(Qt::AlignBottom);
            layout->addWidget(label, 0, Qt::AlignBottom);
        }
        for (int size : {16, 32}) {
            auto *label = new QLabel(&strip);
            label->setPixmap(icon.pixmap(QSize(size, size)).scaled(size * 6, size * 6, Qt::KeepAspectRatio, Qt::FastTransformation));
            layout->addWidget(label, 0, Qt::AlignBottom);
        }
        strip.show();
        QVERIFY(QTest::qWaitForWindowExposed(&strip));
        QVERIFY(saveScreenshot(&strip, u"icon-sizes"_s));
    }
};

QTEST_MAIN(TestAppIcon)
#include "tst_appicon.moc"
