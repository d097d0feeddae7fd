// SPDX-License-Identifier: GPL-3.0-or-later
// ProGetManagementClient against a test server that follows proget-api.md: list, create,
// partial update with arrays that replace, filters added and removed by read-merge-write,
// attaching to a feed by sending its whole list, delete by POST with DELETE as fallback,
// the API key on every call, a wrong key explained, and the Free edition's filter limit
// said plainly.
#include "proget/progetmanagementclient.h"
#include "progettestserver.h"
#include "net/httpclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestProGetManagement : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_nam;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<ProGetTestServer> m_server;
    std::unique_ptr<ProGetManagementClient> m_client;

    // Waits for the call and returns what it produced (the call deletes itself later).
    struct Outcome
    {
        RegistryError error;
        QList<ProGetConnector> connectors;
        QJsonObject feed;
        QStringList notices;
    };
    Outcome wait(ProGetCall *call)
    {
        Outcome outcome;
        connect(call, &ProGetCall::finished, this, [&outcome, call] {
            outcome = {call->error(), call->connectors, call->feed, call->notices};
        });
        QSignalSpy finished(call, &ProGetCall::finished);
        if (!finished.wait(10000))
            outcome.error = RegistryError::make(RegistryError::Kind::Timeout, u"the call never finished"_s);
        return outcome;
    }

private Q_SLOTS:
    void init()
    {
        m_http = std::make_unique<HttpClient>(&m_nam);
        m_server = std::make_unique<ProGetTestServer>("system-key");
        QVERIFY(m_server->listen());
        m_server->addFeed(QJsonObject{{u"name"_s, u"approved-cargo"_s}, {u"feedType"_s, u"cargo"_s},
                                      {u"connectors"_s, QJsonArray{u"other"_s}}, {u"allowedLicenses"_s, QJsonArray{u"MIT"_s}}});
        m_client = std::make_unique<ProGetManagementClient>(m_server->url(), m_http.get());
        m_client->setApiKey("system-key");
        ProGetConnector other;
        other.name = u"other"_s;
        other.url = u"https://other.example/"_s;
        QVERIFY(!wait(m_client->createConnector(other)).error);
    }

    void createListGet()
    {
        ProGetConnector crates;
        crates.name = u"crates-io"_s;
        crates.url = u"https://crates.io"_s;
        crates.timeout = 30;
        crates.username = u"mirror"_s;
        crates.password = u"pw"_s;
        crates.filters = QStringList{u"serde*"_s, u"!left-pad"_s};
        const Outcome created = wait(m_client->createConnector(crates));
        QVERIFY2(!created.error, qPrintable(created.error.message));
        const QJsonObject sent = QJsonDocument::fromJson(m_server->requests().last().body).object();
        QCOMPARE(sent.value(u"feedType"_s).toString(), u"cargo"_s);
        QVERIFY(!sent.contains(u"metadataCacheEnabled"_s)); // nulls are omitted
        QCOMPARE(m_server->requests().last().apiKey, "system-key"_ba);

        const Outcome list = wait(m_client->listConnectors());
        QVERIFY(!list.error);
        QCOMPARE(list.connectors.size(), 2);
        const Outcome got = wait(m_client->getConnector(u"crates-io"_s));
        QCOMPARE(got.connectors.size(), 1);
        QCOMPARE(got.connectors.first().filters, std::optional<QStringList>(QStringList{u"serde*"_s, u"!left-pad"_s}));
        QVERIFY(got.connectors.first().password.isEmpty());
        QCOMPARE(m_client->edition().edition, u"Basic"_s);
        QCOMPARE(m_client->edition().version, u"2024.20"_s);
    }

    void updateReplacesArrays()
    {
        ProGetConnector crates;
        crates.name = u"crates-io"_s;
        crates.url = u"https://crates.io"_s;
        crates.filters = QStringList{u"serde*"_s, u"tokio*"_s};
        QVERIFY(!wait(m_client->createConnector(crates)).error);
        // A partial update: only the timeout, the filters stay.
        ProGetConnector timeout;
        timeout.feedType.clear();
        timeout.timeout = 90;
        QVERIFY(!wait(m_client->updateConnector(u"crates-io"_s, timeout)).error);
        QCOMPARE(QJsonDocument::fromJson(m_server->requests().last().body).object().keys(), QStringList{u"timeout"_s});
        QCOMPARE(m_server->connectors().value(u"crates-io"_s).value(u"filters"_s).toArray().size(), 2);
        // Adding a filter sends the whole list, since the server replaces arrays.
        const Outcome added = wait(m_client->addFilter(u"crates-io"_s, u"!left-pad"_s));
        QVERIFY2(!added.error, qPrintable(added.error.message));
        QCOMPARE(added.connectors.first().filters, std::optional<QStringList>(QStringList{u"serde*"_s, u"tokio*"_s, u"!left-pad"_s}));
        const Outcome removed = wait(m_client->removeFilter(u"crates-io"_s, u"tokio*"_s));
        QVERIFY(!removed.error);
        QCOMPARE(m_server->connectors().value(u"crates-io"_s).value(u"filters"_s).toArray(), (QJsonArray{u"serde*"_s, u"!left-pad"_s}));
        const Outcome missing = wait(m_client->removeFilter(u"crates-io"_s, u"nope"_s));
        QVERIFY(missing.error.message.contains(u"has no filter \"nope\""_s));
    }

    void attachToFeed()
    {
        ProGetConnector crates;
        crates.name = u"crates-io"_s;
        crates.url = u"https://crates.io"_s;
        QVERIFY(!wait(m_client->createConnector(crates)).error);
        const Outcome attached = wait(m_client->attachConnector(u"approved-cargo"_s, u"crates-io"_s));
        QVERIFY2(!attached.error, qPrintable(attached.error.message));
        // The whole list went out: the existing connector is kept.
        QCOMPARE(m_server->feed(u"approved-cargo"_s).value(u"connectors"_s).toArray(), (QJsonArray{u"other"_s, u"crates-io"_s}));
        QCOMPARE(m_server->feed(u"approved-cargo"_s).value(u"allowedLicenses"_s).toArray(), QJsonArray{u"MIT"_s});
        QVERIFY(!wait(m_client->attachConnector(u"approved-cargo"_s, u"other"_s, false)).error);
        QCOMPARE(m_server->feed(u"approved-cargo"_s).value(u"connectors"_s).toArray(), QJsonArray{u"crates-io"_s});
        const Outcome bad = wait(m_client->attachConnector(u"approved-cargo"_s, u"ghost"_s));
        QVERIFY(bad.error.message.contains(u"Connector ghost does not exist"_s));
        const Outcome noFeed = wait(m_client->getFeed(u"nope"_s));
        QCOMPARE(noFeed.error.kind, RegistryError::Kind::NotFound);
    }

    void deleteFallsBackToDeleteVerb_data()
    {
        QTest::addColumn<QByteArray>("verb");
        QTest::newRow("POST as pgutil") << "POST"_ba;
        QTest::newRow("DELETE as the docs") << "DELETE"_ba;
    }

    void deleteFallsBackToDeleteVerb()
    {
        QFETCH(QByteArray, verb);
        m_server->setDeleteVerb(verb);
        const Outcome deleted = wait(m_client->deleteConnector(u"other"_s));
        QVERIFY2(!deleted.error, qPrintable(deleted.error.message));
        QVERIFY(!m_server->connectors().contains(u"other"_s));
        QCOMPARE(m_server->requests().last().method, verb);
    }

    void wrongKeyExplained()
    {
        m_client->setApiKey("feed-key");
        const Outcome list = wait(m_client->listConnectors());
        QCOMPARE(list.error.kind, RegistryError::Kind::Forbidden);
        QVERIFY2(list.error.message.contains(u"does not have the proper permissions"_s), qPrintable(list.error.message));
        QVERIFY(list.error.message.contains(u"system API key"_s));
    }

    void freeEditionSaysFiltersNeedPaid()
    {
        m_server->setEdition("Free");
        QVERIFY(!wait(m_client->listConnectors()).error); // learns the edition
        QVERIFY(m_client->edition().isFree());
        const Outcome added = wait(m_client->addFilter(u"other"_s, u"serde*"_s));
        QVERIFY(!added.error);
        QCOMPARE(added.notices.size(), 1);
        QVERIFY2(added.notices.first().contains(u"need a paid ProGet edition"_s), qPrintable(added.notices.first()));
        ProGetConnector plain;
        plain.name = u"plain"_s;
        plain.url = u"https://x/"_s;
        QVERIFY(wait(m_client->createConnector(plain)).notices.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestProGetManagement)
#include "tst_progetmanagement.moc"
