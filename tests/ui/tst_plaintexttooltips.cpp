// SPDX-License-Identifier: GPL-3.0-or-later
// Tooltips carry what feeds send: markup in them is shown as text, never rendered, for item
// views (from the model) and for widgets alike, once the main window is up.
#include "plaintexttooltips.h"

#include <QApplication>
#include <QHelpEvent>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTest>
#include <QToolTip>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

class TestPlainTextToolTips : public QObject
{
    Q_OBJECT

private:
    static void hover(QWidget *widget, const QPoint &pos)
    {
        QHelpEvent event(QEvent::ToolTip, pos, widget->mapToGlobal(pos));
        QApplication::sendEvent(widget, &event);
    }

private Q_SLOTS:
    void initTestCase() { PlainTextToolTips::install(); }

    void markupFromAFeedStaysText_data()
    {
        QTest::addColumn<QString>("hostile");
        QTest::newRow("an image") << u"<img src=\"file:///etc/passwd\">"_s;
        QTest::newRow("a link") << u"<a href=\"https://evil.example/\">update here</a>"_s;
        QTest::newRow("formatting and a line break") << u"<b>urgent</b>\nsecond line"_s;
        QTest::newRow("an entity") << u"&lt;not a tag&gt;"_s;
    }

    void markupFromAFeedStaysText()
    {
        QFETCH(QString, hostile);
        QWidget window;
        auto *layout = new QVBoxLayout(&window);
        auto *view = new QTreeView(&window);
        QStandardItemModel model;
        auto *item = new QStandardItem(u"evil"_s);
        item->setToolTip(hostile);
        model.appendRow(item);
        view->setModel(&model);
        auto *button = new QPushButton(u"button"_s, &window);
        button->setToolTip(hostile);
        layout->addWidget(view);
        layout->addWidget(button);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        const QString expected = PlainTextToolTips::toRichText(hostile);
        QVERIFY(expected.contains(hostile.toHtmlEscaped()));
        hover(view->viewport(), view->visualRect(model.index(0, 0)).center());
        QTRY_VERIFY(QToolTip::isVisible());
        QCOMPARE(QToolTip::text(), expected);
        QToolTip::hideText();
        QTRY_VERIFY(!QToolTip::isVisible());

        hover(button, button->rect().center());
        QTRY_VERIFY(QToolTip::isVisible());
        QCOMPARE(QToolTip::text(), expected);
        QToolTip::hideText();
    }

    void installingTwiceFiltersOnce()
    {
        PlainTextToolTips::install();
        QCOMPARE(qApp->findChildren<PlainTextToolTips *>(Qt::FindDirectChildrenOnly).size(), 1);
    }
};

QTEST_MAIN(TestPlainTextToolTips)
#include "tst_plaintexttooltips.moc"
