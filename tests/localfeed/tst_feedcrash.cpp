// SPDX-License-Identifier: GPL-3.0-or-later
// `cratedesk serve` killed with SIGKILL while publishes are in flight, twice per run, at
// different moments: after the restart on the same data folder (past the killed process's
// lock), every version the feed acknowledged with 200 is in the index and downloads with the
// sha256 of its `cksum`, every index line is whole JSON, and the token never reaches the log.
#include "cargoproject.h" // ServeProcess
#include "testcrate.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTimer>
#include <QTest>

#include <cstring>
#include <functional>

using namespace Qt::Literals::StringLiterals;

namespace {

// Three index files, one of each spelling cargo allows.
const QStringList CrateNames{u"crashy"_s, u"crashy-two"_s, u"crashy_three"_s};

struct Upload
{
    QString name;
    QString vers;
    QByteArray sha256; // hex of the .crate bytes sent
    QByteArray body;   // the framed publish body
};

QString key(const QString &name, const QString &vers)
{
    return name + u'@' + vers;
}

// Where cargo looks for a name in a sparse index; computed here, not by the code under test.
QString indexPath(const QString &name)
{
    const QString lower = name.toLower();
    switch (lower.size()) {
    case 1:
    case 2:
        return QString::number(lower.size()) + u'/' + lower;
    case 3:
        return u"3/"_s + lower.at(0) + u'/' + lower;
    default:
        return lower.left(2) + u'/' + lower.mid(2, 2) + u'/' + lower;
    }
}

QUrl downloadUrl(const QString &dl, const QString &name, const QString &vers, const QString &cksum)
{
    if (!dl.contains(u'{'))
        return QUrl(dl + u'/' + name + u'/' + vers + u"/download"_s);
    QString url = dl;
    url.replace(u"{crate}"_s, name).replace(u"{version}"_s, vers).replace(u"{sha256-checksum}"_s, cksum);
    return QUrl(url);
}

QList<Upload> makeUploads(int cycle, int count, int paddingBytes)
{
    QList<Upload> uploads;
    for (int i = 1; i <= count; ++i) {
        TestCrate crate(CrateNames.at(i % CrateNames.size()), u"0.%1.%2"_s.arg(cycle).arg(i));
        // Random, so gzip keeps the size and big bodies really are big on the wire.
        QByteArray padding(paddingBytes, Qt::Uninitialized);
        for (char &byte : padding)
            byte = char(QRandomGenerator::global()->bounded(256));
        crate.padding = padding;
        const QByteArray bytes = crate.crateBytes();
        const QByteArray json = QJsonDocument(crate.metadata()).toJson(QJsonDocument::Compact);
        uploads.append({crate.name, crate.vers, QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex(),
                        TestCrate::frame(json, bytes)});
    }
    return uploads;
}

// A request body that hands out its first half and then nothing more, so that a request is
// cut off halfway for as long as the test needs, whatever the speed of the machine (upload
// progress signals come at most every 100 ms and cannot catch the middle of a fast upload).
class HalfBody final : public QIODevice
{
public:
    HalfBody(const QByteArray &data, std::function<void()> onHalfSent)
        : m_data(data)
        , m_onHalfSent(std::move(onHalfSent))
    {
        open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    }

    bool isSequential() const override { return true; }
    bool atEnd() const override { return false; } // the rest never comes
    qint64 bytesAvailable() const override { return half() - m_position; }

protected:
    qint64 readData(char *out, qint64 max) override
    {
        const qint64 n = std::min(max, half() - m_position);
        memcpy(out, m_data.constData() + m_position, size_t(n));
        m_position += n;
        if (m_position == half() && m_onHalfSent) {
            // After this read has returned, so that the half is on its way.
            QTimer::singleShot(50, this, std::exchange(m_onHalfSent, {}));
        }
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    qint64 half() const { return m_data.size() / 2; }

    QByteArray m_data;
    std::function<void()> m_onHalfSent;
    qint64 m_position = 0;
};

// Publishes a list of versions with up to `parallel` requests in flight, recording which
// ones the feed acknowledged with 200 and why the others failed.
class PublishStream
{
    Q_DISABLE_COPY_MOVE(PublishStream)

public:
    PublishStream(QNetworkAccessManager *nam, const QUrl &url, const QByteArray &token, const QList<Upload> &uploads, int parallel)
        : m_nam(nam)
        , m_url(url)
        , m_token(token)
        , m_pending(uploads)
        , m_parallel(parallel)
    {
    }

    // Called after every 200 with the number acknowledged so far.
    std::function<void(qsizetype)> onAcknowledged;
    // Called as each request's body goes out.
    std::function<void(qint64 sent, qint64 total)> onUploadProgress;
    // Once `acks` publishes are acknowledged, the next request sends half its body and stalls;
    // onHalfSent is called then.
    void cutOffAfter(int acks, std::function<void()> onHalfSent)
    {
        m_cutOffAfter = acks;
        m_onHalfSent = std::move(onHalfSent);
    }

    void start()
    {
        for (int i = 0; i < m_parallel; ++i)
            sendNext();
    }

    // Sends nothing more; what is in flight finishes or fails.
    void stop() { m_stopped = true; }

    bool isDone() const { return m_inFlight == 0 && (m_stopped || m_pending.isEmpty()); }
    int inFlight() const { return m_inFlight; }
    const QList<Upload> &acknowledged() const { return m_acknowledged; }
    const QStringList &failures() const { return m_failures; }

private:
    void sendNext()
    {
        if (m_stopped || m_pending.isEmpty())
            return;
        const Upload upload = m_pending.takeFirst();
        QNetworkRequest request(m_url);
        request.setRawHeader("Authorization", m_token);
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/octet-stream"_ba);
        QNetworkReply *reply = nullptr;
        if (m_onHalfSent && m_acknowledged.size() >= m_cutOffAfter) {
            // Streamed as it is read: buffered, the half would never leave.
            request.setHeader(QNetworkRequest::ContentLengthHeader, upload.body.size());
            request.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
            auto *body = new HalfBody(upload.body, std::exchange(m_onHalfSent, {}));
            reply = m_nam->put(request, body);
            body->setParent(reply);
        } else {
            reply = m_nam->put(request, upload.body);
        }
        ++m_inFlight;
        QObject::connect(reply, &QNetworkReply::uploadProgress, reply, [this](qint64 sent, qint64 total) {
            if (onUploadProgress)
                onUploadProgress(sent, total);
        });
        QObject::connect(reply, &QNetworkReply::finished, reply, [this, reply, upload] {
            reply->deleteLater();
            --m_inFlight;
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (reply->error() == QNetworkReply::NoError && status == 200) {
                m_acknowledged.append(upload);
                if (onAcknowledged)
                    onAcknowledged(m_acknowledged.size());
            } else {
                m_failures.append(u"%1: HTTP %2, %3 %4"_s.arg(key(upload.name, upload.vers)).arg(status).arg(reply->errorString(), QString::fromUtf8(reply->readAll())));
            }
            sendNext();
        });
    }

    QNetworkAccessManager *m_nam;
    QUrl m_url;
    QByteArray m_token;
    QList<Upload> m_pending;
    int m_parallel;
    int m_inFlight = 0;
    bool m_stopped = false;
    int m_cutOffAfter = 0;
    std::function<void()> m_onHalfSent;
    QList<Upload> m_acknowledged;
    QStringList m_failures;
};

enum class KillMoment { Ack, HalfSent, AllSent };

struct HttpReply
{
    int status = 0;
    QByteArray body;
    QString error;
};

} // namespace

Q_DECLARE_METATYPE(KillMoment)

class TestFeedCrash : public QObject
{
    Q_OBJECT

private:
    QNetworkAccessManager m_nam;

    HttpReply get(const QUrl &url, const QByteArray &token)
    {
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", token);
        std::unique_ptr<QNetworkReply, void (*)(QNetworkReply *)> reply(m_nam.get(request), [](QNetworkReply *r) { r->deleteLater(); });
        QSignalSpy finished(reply.get(), &QNetworkReply::finished);
        if (!reply->isFinished() && !finished.wait(60000))
            return {0, {}, u"no answer within 60 s"_s};
        return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll(), reply->errorString()};
    }

    // The whole feed as cargo would read it: config.json, each index file, each download.
    void verifyFeed(const QUrl &base, const QByteArray &token, const QList<Upload> &acknowledged, const QHash<QString, QByteArray> &sent)
    {
        const HttpReply config = get(base.resolved(QUrl(u"config.json"_s)), token);
        QVERIFY2(config.status == 200, qPrintable(u"config.json: HTTP %1 %2"_s.arg(config.status).arg(config.error)));
        const QString dl = QJsonDocument::fromJson(config.body).object().value(u"dl"_s).toString();
        QVERIFY2(!dl.isEmpty(), config.body.constData());

        static const QRegularExpression sha256Hex(u"^[0-9a-f]{64}$"_s);
        for (const QString &name : CrateNames) {
            QSet<QString> mustBeListed;
            for (const Upload &upload : acknowledged) {
                if (upload.name == name)
                    mustBeListed.insert(upload.vers);
            }
            const QString path = indexPath(name);
            const HttpReply index = get(base.resolved(QUrl(path)), token);
            if (index.status == 404 && mustBeListed.isEmpty())
                continue;
            QVERIFY2(index.status == 200, qPrintable(u"%1: HTTP %2 %3, yet %4 versions were acknowledged"_s.arg(path).arg(index.status).arg(index.error).arg(mustBeListed.size())));
            QVERIFY2(index.body.endsWith('\n'), qPrintable(u"%1 does not end with a newline (a torn line?):\n%2"_s.arg(path, QString::fromUtf8(index.body.right(300)))));

            QSet<QString> listed;
            const QList<QByteArray> lines = index.body.chopped(1).split('\n');
            for (const QByteArray &line : lines) {
                QJsonParseError parseError;
                const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
                QVERIFY2(parseError.error == QJsonParseError::NoError && doc.isObject(),
                         qPrintable(u"%1 has a line that is not a JSON object (%2): %3"_s.arg(path, parseError.errorString(), QString::fromUtf8(line.left(300)))));
                const QJsonObject entry = doc.object();
                const QString vers = entry.value(u"vers"_s).toString();
                const QString cksum = entry.value(u"cksum"_s).toString();
                QVERIFY2(entry.value(u"name"_s).toString() == name && !vers.isEmpty() && sha256Hex.match(cksum).hasMatch()
                             && entry.value(u"deps"_s).isArray() && entry.value(u"features"_s).isObject()
                             && entry.value(u"yanked"_s).isBool(),
                         qPrintable(u"%1 has an incomplete line: %2"_s.arg(path, QString::fromUtf8(line))));
                QVERIFY2(!listed.contains(vers), qPrintable(u"%1 lists %2 twice"_s.arg(path, vers)));
                listed.insert(vers);

                // Listed means downloadable, acknowledged or not: the bytes were in place first.
                const HttpReply download = get(downloadUrl(dl, name, vers, cksum), token);
                QVERIFY2(download.status == 200, qPrintable(u"%1 is listed but its download gives HTTP %2 %3"_s.arg(key(name, vers)).arg(download.status).arg(download.error)));
                const QByteArray actual = QCryptographicHash::hash(download.body, QCryptographicHash::Sha256).toHex();
                QVERIFY2(actual == cksum.toLatin1(), qPrintable(u"%1 downloads with sha256 %2, its cksum is %3"_s.arg(key(name, vers), QString::fromLatin1(actual), cksum)));
                const QByteArray expected = sent.value(key(name, vers));
                QVERIFY2(actual == expected, qPrintable(u"%1 is not the .crate the test sent"_s.arg(key(name, vers))));
            }
            for (const QString &vers : std::as_const(mustBeListed))
                QVERIFY2(listed.contains(vers), qPrintable(u"%1 was acknowledged with 200 before the kill but is missing from %2 after the restart"_s.arg(key(name, vers), path)));
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(TestSupport::cratedeskExecutable()).isExecutable(),
                 qPrintable(u"%1 is not built"_s.arg(TestSupport::cratedeskExecutable())));
        m_nam.setProxy(QNetworkProxy::NoProxy);
    }

    void acknowledgedPublishesSurviveKill_data()
    {
        // The kill comes once `killAfter` publishes are acknowledged: at once (Ack), or when
        // a request in flight has sent half its body (HalfSent) or all of it, so that the
        // feed is reading, checking or storing it (AllSent).
        QTest::addColumn<KillMoment>("moment");
        QTest::addColumn<int>("killAfter");
        QTest::addColumn<int>("parallel");     // requests in flight
        QTest::addColumn<int>("paddingBytes"); // random bytes in each .crate
        QTest::addColumn<bool>("authRequired");
        QTest::newRow("right after the first ack") << KillMoment::Ack << 1 << 6 << 1024 << false;
        QTest::newRow("mid-stream") << KillMoment::Ack << 20 << 6 << 8 * 1024 << false;
        QTest::newRow("mid-upload, auth-required") << KillMoment::HalfSent << 2 << 4 << 768 * 1024 << true;
        QTest::newRow("body sent, answer pending") << KillMoment::AllSent << 3 << 4 << 256 * 1024 << false;
    }

    void acknowledgedPublishesSurviveKill()
    {
        QFETCH(KillMoment, moment);
        QFETCH(int, killAfter);
        QFETCH(int, parallel);
        QFETCH(int, paddingBytes);
        QFETCH(bool, authRequired);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString dataDir = dir.filePath(u"data"_s);
        ServeProcess server(TestSupport::cratedeskExecutable(), dataDir, dir.filePath(u"serve.log"_s));
        const QStringList serveArgs = authRequired ? QStringList{u"--auth-required"_s} : QStringList{};
        QString error;
        QVERIFY2(server.start(serveArgs, &error), qPrintable(error));
        // Made while the server runs, as a user would.
        const QString tokenText = server.createToken(u"crasher"_s, &error);
        QVERIFY2(!tokenText.isEmpty(), qPrintable(error));
        const QByteArray token = tokenText.toLatin1();

        QList<Upload> acknowledged;
        QHash<QString, QByteArray> sentSha256;
        for (int cycle = 1; cycle <= 2; ++cycle) {
            const QList<Upload> uploads = makeUploads(cycle, killAfter + parallel + 10, paddingBytes);
            for (const Upload &upload : uploads)
                sentSha256.insert(key(upload.name, upload.vers), upload.sha256);

            PublishStream stream(&m_nam, server.baseUrl().resolved(QUrl(u"api/v1/crates/new"_s)), token, uploads, parallel);
            int inFlightAtKill = -1;
            const auto killNow = [&] {
                if (inFlightAtKill >= 0)
                    return;
                stream.stop();
                inFlightAtKill = stream.inFlight();
                server.kill();
            };
            stream.onAcknowledged = [&](qsizetype count) {
                if (moment == KillMoment::Ack && count == killAfter)
                    killNow();
            };
            stream.onUploadProgress = [&](qint64 sent, qint64 total) {
                if (moment == KillMoment::AllSent && stream.acknowledged().size() >= killAfter && total > 0 && sent == total)
                    killNow();
            };
            if (moment == KillMoment::HalfSent)
                stream.cutOffAfter(killAfter, killNow);
            stream.start();
            QTRY_VERIFY_WITH_TIMEOUT(stream.isDone(), 120000);
            QVERIFY2(inFlightAtKill >= 0, qPrintable(u"cycle %1: the feed acknowledged only %2 publishes; failures:\n%3"_s.arg(cycle).arg(stream.acknowledged().size()).arg(stream.failures().join(u'\n'))));
            QVERIFY2(inFlightAtKill > 0, "nothing was in flight when the server was killed");
            // A body cut off halfway can never have been acknowledged.
            if (moment == KillMoment::HalfSent)
                QVERIFY2(!stream.failures().isEmpty(), "the request killed mid-upload was acknowledged");
            QVERIFY(!server.isRunning());
            acknowledged += stream.acknowledged();
            qInfo("cycle %d: killed with %d requests in flight; %lld acknowledged, %lld failed", cycle, inFlightAtKill,
                  qlonglong(stream.acknowledged().size()), qlonglong(stream.failures().size()));

            // The killed process's lock is stale and must not stop this.
            QVERIFY2(server.start(serveArgs, &error), qPrintable(u"restart after kill -9 failed: "_s + error));
            verifyFeed(server.baseUrl(), token, acknowledged, sentSha256);
            if (QTest::currentTestFailed())
                return;
        }

        // Still a working feed: one more publish, then a clean stop.
        const QList<Upload> last = makeUploads(9, 1, 0);
        sentSha256.insert(key(last.first().name, last.first().vers), last.first().sha256);
        PublishStream after(&m_nam, server.baseUrl().resolved(QUrl(u"api/v1/crates/new"_s)), token, last, 1);
        after.start();
        QTRY_VERIFY_WITH_TIMEOUT(after.isDone(), 60000);
        QVERIFY2(after.acknowledged().size() == 1, qPrintable(after.failures().join(u'\n')));
        verifyFeed(server.baseUrl(), token, acknowledged + after.acknowledged(), sentSha256);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(server.stop(), 0);

        const QByteArray log = server.log();
        QVERIFY2(log.contains("/api/v1/crates/new"), "the log should show the publishes (QT_LOGGING_RULES=cratedesk.*=true)");
        QVERIFY2(!log.contains(token), "the server's log contains the token");
        const QStringList withToken = TestSupport::filesContaining({dataDir}, token);
        QVERIFY2(withToken.isEmpty(), qPrintable(u"the raw token is stored in "_s + withToken.join(u", "_s)));
    }
};

QTEST_GUILESS_MAIN(TestFeedCrash)
#include "tst_feedcrash.moc"
