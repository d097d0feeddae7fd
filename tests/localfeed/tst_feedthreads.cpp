// SPDX-License-Identifier: GPL-3.0-or-later
// The local feed answers reads on several threads (LocalFeedListener), each with its own
// read-only SQLite connection, while publishes go through the one writer: a publish is seen
// at once by every thread, a read never sees half a change, the connection cap holds across
// threads, and a reader cannot write.
#include "localfeed/feedindexcache.h"
#include "localfeed/feedstore.h"
#include "localfeed/localfeed.h"
#include "feedhttpclient.h"
#include "testcrate.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr int ServeThreads = 4; // more than the 2 cores of CI: threads do run side by side

struct Response
{
    int status = 0;
    QByteArray head; // lower case
    QByteArray body;

    QByteArray header(const QByteArray &name) const
    {
        const qsizetype at = head.indexOf(QByteArray("\r\n" + name + ':'));
        return at < 0 ? QByteArray() : head.mid(at + name.size() + 3, head.indexOf('\r', at + 2) - at - name.size() - 3).trimmed();
    }
};

// Takes the first complete response (Content-Length framed) off `buffer`, if there is one.
std::optional<Response> takeResponse(QByteArray &buffer)
{
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return std::nullopt;
    Response response;
    response.head = buffer.left(end + 2).toLower();
    const qint64 length = response.header("content-length").toLongLong();
    if (buffer.size() < end + 4 + length)
        return std::nullopt;
    response.status = buffer.mid(9, 3).toInt();
    response.body = buffer.mid(end + 4, length);
    buffer.remove(0, end + 4 + length);
    return response;
}

// What is wrong with an index file as served, or nothing: every line whole JSON, the ETag the
// body's own (a cached ETag paired with another body would show here), at least `atLeast` lines.
QString indexProblem(const Response &response, qsizetype atLeast)
{
    if (response.status != 200)
        return u"HTTP %1"_s.arg(response.status);
    QList<QByteArray> lines = response.body.split('\n');
    if (lines.isEmpty() || !lines.takeLast().isEmpty())
        return u"the body does not end in a newline"_s;
    for (const QByteArray &line : std::as_const(lines)) {
        if (!QJsonDocument::fromJson(line).isObject())
            return u"a line is not JSON: %1"_s.arg(QString::fromUtf8(line.left(80)));
    }
    const QByteArray etag = '"' + QCryptographicHash::hash(response.body, QCryptographicHash::Sha256).toHex().left(32) + '"';
    if (response.header("etag") != etag)
        return u"ETag %1 does not belong to the body (%2)"_s.arg(QString::fromLatin1(response.header("etag")), QString::fromLatin1(etag));
    if (lines.size() < atLeast)
        return u"%1 lines, but %2 versions were published before the request"_s.arg(lines.size()).arg(atLeast);
    return {};
}

} // namespace

class TestFeedThreads : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalFeed> m_feed;
    std::unique_ptr<FeedHttpClient> m_http;
    QByteArray m_token;

    void startFeed(const ConnectionLimits &limits = {})
    {
        m_http.reset();
        m_feed.reset();
        m_dir = std::make_unique<QTemporaryDir>();
        FeedServerOptions options;
        options.dataDir = m_dir->path();
        options.port = 0;
        options.serveThreads = ServeThreads;
        options.limits = limits;
        m_feed = std::make_unique<LocalFeed>(options);
        const FeedError error = m_feed->start();
        QVERIFY2(!error, qPrintable(error.detail));
        m_http = std::make_unique<FeedHttpClient>(m_feed->indexUrl());
        QString token;
        QVERIFY(!m_feed->store()->createToken(u"alice"_s, &token));
        m_token = token.toLatin1();
    }

    quint16 port() const { return quint16(m_feed->indexUrl().port()); }
    QByteArray get(const QByteArray &path) const
    {
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port()) + "\r\n\r\n";
    }

    int publish(const QString &name, const QString &vers)
    {
        return m_http->send("PUT", u"api/v1/crates/new"_s, TestCrate{name, vers}.publishBody(), {{"Authorization", m_token}}).status;
    }

private Q_SLOTS:
    // A reader store is a second connection to the writer's database that refuses writes,
    // and sees what the writer committed.
    void readerSeesCommitsAndCannotWrite()
    {
        QTemporaryDir dir;
        FeedStore writer(dir.path());
        QVERIFY(!writer.open());
        const std::unique_ptr<FeedStore> reader = writer.reader();
        QVERIFY(!reader->open(FeedStore::OpenMode::Read));
        QString token;
        QVERIFY(!writer.createToken(u"alice"_s, &token));
        QVERIFY(reader->userForToken(token.toLatin1()));
        QString other;
        QVERIFY(reader->createToken(u"mallory"_s, &other).isError());
        QVERIFY(!writer.userByLogin(u"mallory"_s));
    }

    // A fill from a snapshot that a change has overtaken is dropped, so the stale file cannot
    // stay in the cache after the change; a fill from a current snapshot is kept.
    void cacheDropsFillsOvertakenByAChange()
    {
        FeedIndexCache cache;
        const FeedIndexCache::Lookup before = cache.find(u"racy"_s);
        QVERIFY(!before.file && !before.missing);
        cache.invalidate(u"racy"_s); // a publish commits while the reader queries
        cache.fill(u"racy"_s, FeedIndexFile{"old\n", "\"old\"", {}, {}}, before.generation);
        cache.fillMissing(u"other"_s, before.generation);
        QVERIFY(!cache.find(u"racy"_s).file);
        QVERIFY(!cache.find(u"other"_s).missing);

        const FeedIndexCache::Lookup after = cache.find(u"racy"_s);
        cache.fill(u"racy"_s, FeedIndexFile{"new\n", "\"new\"", {}, {}}, after.generation);
        QCOMPARE(cache.find(u"racy"_s).file->body, QByteArray("new\n"));
        cache.invalidate(u"racy"_s);
        QVERIFY(!cache.find(u"racy"_s).file);
    }

    // After each publish is acknowledged, the crate's index file is read at once on many
    // kept-alive connections, which the listener has spread over every serving thread (and
    // each thread has read the file before): every one of them has the new line.
    void publishIsSeenAtOnceOnEveryThread()
    {
        startFeed();
        QCOMPARE(publish(u"fresh"_s, u"1.0.0"_s), 200);
        constexpr int Connections = 4 * ServeThreads;
        std::vector<std::unique_ptr<QTcpSocket>> clients;
        std::vector<QByteArray> buffers(Connections);
        for (int i = 0; i < Connections; ++i) {
            clients.push_back(std::make_unique<QTcpSocket>());
            clients.back()->connectToHost(QHostAddress::LocalHost, port());
        }
        for (int version = 0; version < 8; ++version) {
            if (version > 0)
                QCOMPARE(publish(u"fresh"_s, u"1.0.%1"_s.arg(version)), 200);
            for (const auto &client : clients)
                client->write(get("/fr/es/fresh"));
            std::vector<std::optional<Response>> responses(Connections);
            const auto allAnswered = [&] {
                bool all = true;
                for (int i = 0; i < Connections; ++i) {
                    buffers[i] += clients[i]->readAll();
                    if (!responses[i])
                        responses[i] = takeResponse(buffers[i]);
                    all = all && responses[i].has_value();
                }
                return all;
            };
            QTRY_VERIFY_WITH_TIMEOUT(allAnswered(), 10000);
            for (int i = 0; i < Connections; ++i) {
                const QString problem = indexProblem(*responses[i], version + 1);
                QVERIFY2(problem.isEmpty(), qPrintable(u"version %1, connection %2: %3"_s.arg(version).arg(i).arg(problem)));
            }
        }
    }

    // Reads hammer the feed from several client threads, on as many kept-alive connections as
    // the feed has serving threads and more, while versions are published one after another:
    // no read fails or sees a torn file, and none misses a version acknowledged before it was
    // sent.
    void readsStayWholeWhilePublishing()
    {
        startFeed();
        QCOMPARE(publish(u"hammered"_s, u"0.1.0"_s), 200);
        std::atomic<int> acknowledged = 1;
        std::atomic<bool> stop = false;
        std::atomic<int> reads = 0;
        constexpr int Readers = 2 * ServeThreads;
        std::vector<QString> problems(Readers);
        std::vector<std::thread> readers;
        const QByteArray request = get("/ha/mm/hammered");
        const quint16 feedPort = port();
        for (int r = 0; r < Readers; ++r) {
            // Blocking sockets on threads of their own: this thread runs the writer.
            readers.emplace_back([&, r] {
                QTcpSocket socket;
                socket.connectToHost(QHostAddress::LocalHost, feedPort);
                if (!socket.waitForConnected(5000)) {
                    problems[r] = u"cannot connect"_s;
                    return;
                }
                QByteArray buffer;
                while (!stop.load()) {
                    const int published = acknowledged.load();
                    socket.write(request);
                    std::optional<Response> response;
                    while (!(response = takeResponse(buffer))) {
                        if (!socket.waitForReadyRead(10000)) {
                            problems[r] = u"no answer: "_s + socket.errorString();
                            return;
                        }
                        buffer += socket.readAll();
                    }
                    if (const QString problem = indexProblem(*response, published); !problem.isEmpty()) {
                        problems[r] = problem;
                        return;
                    }
                    ++reads;
                }
            });
        }
        for (int version = 1; version <= 20; ++version) {
            QCOMPARE(publish(u"hammered"_s, u"0.1.%1"_s.arg(version)), 200);
            acknowledged.store(version + 1);
        }
        stop.store(true);
        for (std::thread &reader : readers)
            reader.join();
        for (int r = 0; r < Readers; ++r)
            QVERIFY2(problems[r].isEmpty(), qPrintable(u"reader %1: %2"_s.arg(r).arg(problems[r])));
        QVERIFY2(reads.load() >= Readers * 5, qPrintable(u"only %1 reads"_s.arg(reads.load())));
        qInfo("%d reads during 20 publishes", reads.load());
    }

    // The cap on open connections is the feed's, not one thread's: with two slots and idle
    // connections on two threads, a newcomer on a third thread closes the oldest of them.
    void connectionCapSpansThreads()
    {
        ConnectionLimits limits;
        limits.maxConnections = 2;
        startFeed(limits);
        auto connectIdle = [this] {
            auto client = std::make_unique<QTcpSocket>();
            client->connectToHost(QHostAddress::LocalHost, port());
            client->write(get("/config.json")); // answered: the feed has admitted it
            QByteArray buffer;
            (void)QTest::qWaitFor([&] { return (buffer += client->readAll(), takeResponse(buffer).has_value()); }, 5000);
            return client;
        };
        auto oldest = connectIdle();
        auto second = connectIdle();
        QTcpSocket newcomer;
        newcomer.connectToHost(QHostAddress::LocalHost, port());
        newcomer.write(get("/config.json"));
        QByteArray buffer;
        std::optional<Response> response;
        const auto answered = [&] {
            buffer += newcomer.readAll();
            if (!response)
                response = takeResponse(buffer);
            return response.has_value();
        };
        QTRY_VERIFY_WITH_TIMEOUT(answered(), 5000);
        QCOMPARE(response->status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(oldest->state(), QAbstractSocket::UnconnectedState, 5000);
        QCOMPARE(second->state(), QAbstractSocket::ConnectedState);
    }
};

QTEST_GUILESS_MAIN(TestFeedThreads)
#include "tst_feedthreads.moc"
