// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagebanner.h"
#include "screenshot.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

class TestMessageBanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsEachKind_data()
    {
        QTest::addColumn<MessageBanner::Kind>("kind");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("buttons");
        QTest::addColumn<QString>("accessibleName");
        QTest::newRow("information") << MessageBanner::Kind::Information
                                     << u"Showing the cached index of acme from 2 hours ago: the feed could not be reached."_s
                                     << QStringList{u"Retry"_s} << u"Information"_s;
        QTest::newRow("positive") << MessageBanner::Kind::Positive << u"Published serde 1.0.219 to acme; it is visible in the index."_s
                                  << QStringList{} << u"Success"_s;
        QTest::newRow("warning") << MessageBanner::Kind::Warning
                                 << u"Could not read serde: the feed acme needs a token: add one to the feed (get it at https://cargo.example.com/me)."_s
                                 << QStringList{u"Add Credentials"_s, u"Work Offline"_s} << u"Warning"_s;
        QTest::newRow("error") << MessageBanner::Kind::Error
                               << u"Could not publish demo@0.1.0: the feed acme answered HTTP 400: crate version `0.1.0` is already uploaded. Bump the version in Cargo.toml and publish again."_s
                               << QStringList{u"Retry"_s} << u"Error"_s;
    }

    void showsEachKind()
    {
        QFETCH(MessageBanner::Kind, kind);
        QFETCH(QString, text);
        QFETCH(QStringList, buttons);
        QFETCH(QString, accessibleName);

        QWidget window;
        auto *layout = new QVBoxLayout(&window);
        auto *banner = new MessageBanner(&window);
        layout->addWidget(banner);
        layout->addWidget(new QLabel(u"Content below the banner"_s, &window));
        window.resize(560, 10);

        banner->showMessage(kind, text);
        QList<QPushButton *> made;
        for (const QString &button : std::as_const(buttons))
            made << banner->addButton(button);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        QCOMPARE(banner->kind(), kind);
        QCOMPARE(banner->text(), text);
        QCOMPARE(banner->accessibleName(), accessibleName);
        QVERIFY(banner->isVisible());
        QCOMPARE(banner->buttons().size(), buttons.size());
        for (QPushButton *button : std::as_const(made)) {
            QVERIFY(button->isVisible());
            QVERIFY(!button->autoDefault()); // Return stays with the dialog's default button
        }
        // The whole message is visible: the text wraps instead of being clipped.
        auto *label = banner->findChild<QLabel *>(u"text"_s, Qt::FindDirectChildrenOnly);
        QVERIFY(label);
        QVERIFY(label->wordWrap());
        QVERIFY(window.height() >= window.minimumSizeHint().height());
        window.resize(560, qMax(window.heightForWidth(560), window.minimumSizeHint().height()));
        QVERIFY(saveScreenshot(&window, u"banner-"_s + QString::fromLatin1(QTest::currentDataTag())));
    }

    void newMessageReplacesButtons()
    {
        MessageBanner banner;
        banner.showMessage(MessageBanner::Kind::Error, u"first"_s);
        banner.addButton(u"Retry"_s);
        banner.showMessage(MessageBanner::Kind::Positive, u"second"_s);
        QVERIFY(banner.buttons().isEmpty());
        QCOMPARE(banner.kind(), MessageBanner::Kind::Positive);
    }

    void closeButtonHidesAndSignals()
    {
        QWidget window;
        auto *layout = new QVBoxLayout(&window);
        auto *banner = new MessageBanner(&window);
        layout->addWidget(banner);
        banner->showMessage(MessageBanner::Kind::Warning, u"offline"_s);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy closed(banner, &MessageBanner::closed);
        auto *close = banner->findChild<QToolButton *>();
        QVERIFY(close);
        QVERIFY(banner->isCloseButtonVisible());
        QTest::mouseClick(close, Qt::LeftButton);
        QCOMPARE(closed.size(), 1);
        QVERIFY(!banner->isVisible());

        banner->setCloseButtonVisible(false);
        QVERIFY(!banner->isCloseButtonVisible());
    }

    void linksAreReported()
    {
        MessageBanner banner;
        QSignalSpy links(&banner, &MessageBanner::linkActivated);
        banner.showRichMessage(MessageBanner::Kind::Warning, u"Get a token at <a href=\"https://example.com/me\">example.com/me</a>"_s);
        auto *label = banner.findChild<QLabel *>(u"text"_s, Qt::FindDirectChildrenOnly);
        QVERIFY(label);
        Q_EMIT label->linkActivated(u"https://example.com/me"_s);
        QCOMPARE(links.size(), 1);
        QCOMPARE(links.at(0).at(0).toString(), u"https://example.com/me"_s);
    }

    void serverWordsStayPlainText_data()
    {
        QTest::addColumn<QString>("detail");
        QTest::newRow("link") << u"<a href=\"file:///etc/passwd\">click to fix</a>"_s;
        QTest::newRow("image") << u"<img src=\"/home/user/.ssh/id_rsa\">"_s;
        QTest::newRow("styled lie") << u"<b style=\"color:green\">The feed is online.</b>"_s;
    }

    void serverWordsStayPlainText()
    {
        // What a registry says in its error detail reaches the banner through showMessage: it
        // must show as the characters it is, never as a link, an image or styled text.
        QFETCH(QString, detail);
        MessageBanner banner;
        banner.showMessage(MessageBanner::Kind::Error, u"Could not read serde: "_s + detail);
        auto *label = banner.findChild<QLabel *>(u"text"_s, Qt::FindDirectChildrenOnly);
        QVERIFY(label);
        QCOMPARE(label->textFormat(), Qt::PlainText);
        QCOMPARE(label->text(), u"Could not read serde: "_s + detail);
        QVERIFY(banner.accessibleDescription().contains(detail));
    }

    void droppedIndexLinesInLightAndDark_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }

    void droppedIndexLinesInLightAndDark()
    {
        // What the window shows when a feed's index file held lines that cannot be trusted:
        // the markup a hostile feed put in a name stays visible as text, in either palette.
        QFETCH(bool, dark);
        QWidget window;
        if (dark)
            window.setPalette(darkPalette());
        auto *layout = new QVBoxLayout(&window);
        auto *banner = new MessageBanner(&window);
        layout->addWidget(banner);
        layout->addWidget(new QLabel(u"Versions of evil"_s, &window));
        banner->showMessage(MessageBanner::Kind::Warning,
                            u"Some versions of evil are not shown: the feed's index file has lines that cannot be trusted.\n"
                            "hostile: the index file of evil has a line that was left out: line 1: the line names "
                            "`<img src=\"/etc/passwd\">`, not the crate `evil` its file is for"_s);
        window.resize(620, 10);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.resize(620, qMax(window.heightForWidth(620), window.minimumSizeHint().height()));
        auto *label = banner->findChild<QLabel *>(u"text"_s, Qt::FindDirectChildrenOnly);
        QVERIFY(label && label->text().contains(u"<img src="_s));
        QVERIFY(saveScreenshot(&window, u"banner-dropped-lines-"_s + QString::fromLatin1(QTest::currentDataTag())));
    }
};

QTEST_MAIN(TestMessageBanner)
#include "tst_messagebanner.moc"
