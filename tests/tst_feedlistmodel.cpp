// SPDX-License-Identifier: GPL-3.0-or-later
#include "itemmodels/feedlistmodel.h"
#include "itemmodels/roles.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

Feed feed(const QString &name, Feed::Origin origin = Feed::Origin::Remote)
{
    Feed f;
    f.name = name;
    f.indexUrl = QUrl(u"https://example.com/"_s + name + u'/');
    f.origin = origin;
    return f;
}

QStringList dump(const QAbstractItemModel &model)
{
    QStringList rows;
    for (int row = 0; row < model.rowCount(); ++row)
        rows << model.index(row, 0).data().toString();
    return rows;
}

} // namespace

class TestFeedListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startsEmpty()
    {
        FeedListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.rowOf(u"anything"_s), -1);
    }

    void ordersLocalFeedFirst_data()
    {
        QTest::addColumn<FeedList>("feeds");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("empty") << FeedList{} << QStringList{};
        QTest::newRow("remote only") << FeedList{feed(u"b"_s), feed(u"a"_s)} << QStringList{u"b"_s, u"a"_s};
        QTest::newRow("local last") << FeedList{feed(u"proget"_s), feed(u"local"_s, Feed::Origin::Local)}
                                    << QStringList{u"local"_s, u"proget"_s};
        QTest::newRow("local middle") << FeedList{feed(u"x"_s), feed(u"local"_s, Feed::Origin::Local), feed(u"y"_s)}
                                      << QStringList{u"local"_s, u"x"_s, u"y"_s};
    }

    void ordersLocalFeedFirst()
    {
        QFETCH(FeedList, feeds);
        QFETCH(QStringList, expected);
        FeedListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setFeeds(feeds);
        QCOMPARE(reset.count(), 1);
        QCOMPARE(dump(model), expected);
        for (int row = 0; row < expected.size(); ++row)
            QCOMPARE(model.rowOf(expected.at(row)), row);
    }

    void exposesRoles()
    {
        FeedListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Feed local = feed(u"local"_s, Feed::Origin::Local);
        local.auth = Feed::AuthKind::Token;
        model.setFeeds({local});
        const QModelIndex index = model.index(0, 0);
        QCOMPARE(index.data(Roles::FeedName).toString(), u"local"_s);
        QCOMPARE(index.data(Roles::FeedIndexUrl).toUrl(), QUrl(u"https://example.com/local/"_s));
        QCOMPARE(index.data(Roles::FeedIsLocal).toBool(), true);
        QCOMPARE(index.data(Roles::FeedAuthKind).toInt(), int(Feed::AuthKind::Token));
        QVERIFY(index.data(Qt::ToolTipRole).toString().startsWith(u"sparse+https://example.com/local/"_s));
        QVERIFY(!model.index(1, 0).isValid());
    }
};

QTEST_GUILESS_MAIN(TestFeedListModel)
#include "tst_feedlistmodel.moc"
