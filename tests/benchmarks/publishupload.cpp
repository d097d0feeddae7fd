// SPDX-License-Identifier: GPL-3.0-or-later
// The client half of bench-upload.sh.
//   bench-publish-upload frame INDEX_URL CRATE OUT   writes cargo's framed publish body
//   bench-publish-upload upload INDEX_URL TOKEN CRATE publishes through RegistryClient and
//                                                    prints upload_ms=... (the PUT alone)
//   bench-publish-upload qnam INDEX_URL TOKEN BODY [sync]
//                                                    PUTs a framed body with a bare
//                                                    QNetworkAccessManager, asynchronously or
//                                                    with SynchronousRequestAttribute, and
//                                                    prints upload_ms=...: where the time goes
//                                                    (QNAM itself, or the layers above it)
#include "crate/cratepreflight.h"
#include "net/httpclient.h"
#include "registry/registryclient.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace {

std::optional<PublishCandidate> inspect(const QString &indexUrl, const QString &path)
{
    CratePreflight::Target target{indexUrl, {}, qint64(1) << 30};
    PublishCandidate candidate = CratePreflight::inspect(path, target);
    if (!candidate.canPublish()) {
        std::fprintf(stderr, "bench-publish-upload: %s\n", qPrintable(candidate.messages(PreflightFinding::Severity::Error).join(u"; "_s)));
        return std::nullopt;
    }
    return candidate;
}

// The same PUT with QNetworkAccessManager alone, timed from the request to the reply's end.
// Asynchronous, QNAM hands the body from this thread to its HTTP thread in chunks, one queued
// signal each way per chunk; synchronous, the HTTP thread's work runs here and reads the body
// directly. The difference is the cost of that hand-off.
int qnamPut(const QString &indexUrl, const QByteArray &token, const QString &bodyFile, bool synchronous)
{
    QFile file(bodyFile);
    if (!file.open(QIODevice::ReadOnly))
        return 1;
    const QByteArray body = file.readAll();
    QNetworkAccessManager nam;
    QNetworkRequest request(QUrl(indexUrl).resolved(QUrl(u"api/v1/crates/new"_s)));
    request.setRawHeader("Authorization", token);
    request.setRawHeader("Accept", "application/json");
    request.setAttribute(QNetworkRequest::SynchronousRequestAttribute, synchronous);
    // config.json first on the same connection, as the client does; the PUT is timed alone.
    QNetworkReply *config = nam.get(QNetworkRequest(QUrl(indexUrl).resolved(QUrl(u"config.json"_s))));
    QObject::connect(config, &QNetworkReply::finished, QCoreApplication::instance(), &QCoreApplication::quit);
    QCoreApplication::exec();
    delete config;
    QElapsedTimer timer;
    timer.start();
    QNetworkReply *reply = nam.put(request, body);
    if (!synchronous) {
        QObject::connect(reply, &QNetworkReply::finished, QCoreApplication::instance(), &QCoreApplication::quit);
        QCoreApplication::exec();
    }
    const qint64 ns = timer.nsecsElapsed();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 200) {
        std::fprintf(stderr, "bench-publish-upload: the feed answered %d: %s\n", status, reply->readAll().constData());
        return 1;
    }
    std::printf("upload_ms=%.2f\nbytes=%lld\n", ns / 1e6, static_cast<long long>(body.size()));
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() == 5 && args[1] == u"frame"_s) {
        const auto candidate = inspect(args[2], args[3]);
        if (!candidate)
            return 1;
        QFile out(args[4]);
        if (!out.open(QIODevice::WriteOnly))
            return 1;
        out.write(PublishMetadata::frame(candidate->metadata->toJson(), candidate->archive->crateBytes()));
        return 0;
    }
    if ((args.size() == 5 || args.size() == 6) && args[1] == u"qnam"_s)
        return qnamPut(args[2], args[3].toUtf8(), args[4], args.value(5) == u"sync"_s);
    if (args.size() != 5 || args[1] != u"upload"_s) {
        std::fprintf(stderr, "usage: bench-publish-upload frame INDEX_URL CRATE OUT | upload INDEX_URL TOKEN CRATE"
                             " | qnam INDEX_URL TOKEN BODY [sync]\n");
        return 2;
    }
    const auto candidate = inspect(args[2], args[4]);
    if (!candidate)
        return 1;
    QNetworkAccessManager nam;
    HttpClient http(&nam);
    Feed feed;
    feed.name = u"bench"_s;
    feed.indexUrl = QUrl(args[2]);
    feed.auth = Feed::AuthKind::Token;
    RegistryClient client(feed, &http, nullptr, nullptr);
    client.setCredential(args[3].toUtf8());
    // config.json first, as every session does; the upload is timed on its own.
    RegistryReply *config = client.fetchConfig();
    int code = 1;
    QObject::connect(config, &RegistryReply::finished, &app, [&] {
        if (config->error()) {
            std::fprintf(stderr, "bench-publish-upload: %s\n", qPrintable(config->error().message));
            return QCoreApplication::exit(1);
        }
        const QByteArray body = PublishMetadata::frame(candidate->metadata->toJson(), candidate->archive->crateBytes());
        auto *timer = new QElapsedTimer;
        timer->start();
        RegistryReply *reply = client.publish(body, candidate->label());
        QObject::connect(reply, &RegistryReply::finished, &app, [&, reply, timer, size = body.size()] {
            const qint64 ns = timer->nsecsElapsed();
            delete timer;
            if (reply->error()) {
                std::fprintf(stderr, "bench-publish-upload: %s\n", qPrintable(reply->error().message));
                return QCoreApplication::exit(1);
            }
            std::printf("upload_ms=%.2f\nbytes=%lld\n", ns / 1e6, static_cast<long long>(size));
            code = 0;
            QCoreApplication::exit(0);
        });
    });
    QCoreApplication::exec();
    return code;
}
