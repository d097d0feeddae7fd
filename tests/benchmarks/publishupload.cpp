// SPDX-License-Identifier: GPL-3.0-or-later
// The client half of bench-upload.sh.
//   bench-publish-upload frame INDEX_URL CRATE OUT   writes cargo's framed publish body
//   bench-publish-upload upload INDEX_URL TOKEN CRATE publishes through RegistryClient and
//                                                    prints upload_ms=... (the PUT alone)
#include "crate/cratepreflight.h"
#include "net/httpclient.h"
#include "registry/registryclient.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>

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
    if (args.size() != 5 || args[1] != u"upload"_s) {
        std::fprintf(stderr, "usage: bench-publish-upload frame INDEX_URL CRATE OUT | upload INDEX_URL TOKEN CRATE\n");
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
