// SPDX-License-Identifier: GPL-3.0-or-later
// RegistryClient: what it downloads for the window, checked as it comes: .crate files against
// the index checksum, a crate's license text from its archive, and pictures of a readme.
#include "registryclient.h"

#include "crate/cargomanifest.h"
#include "crate/cratearchive.h"
#include "net/httpclient.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QUrlQuery>
#include <QtConcurrentRun>

using namespace Qt::Literals::StringLiterals;

RegistryReply *RegistryClient::download(const QString &crate, const QString &version, const QString &cksum, const QString &targetFile)
{
    auto *reply = new RegistryReply(this);
    if (!IndexEntry::isChecksum(cksum)) {
        // Never "no checksum, no check": bytes nobody can verify are not saved at all.
        reply->finish(RegistryError::make(RegistryError::Kind::Parse,
            tr("%1@%2 cannot be downloaded from %3: its index line has no valid sha256 checksum").arg(crate, version, m_feed.name)));
        return reply;
    }
    withConfig(reply, [this, reply, crate, version, cksum, targetFile](const RegistryError &configError) {
        if (configError)
            return reply->finish(configError);
        HttpRequest request;
        request.url = m_config->downloadUrl(crate, version, cksum);
        request.saveTo = targetFile;
        request.expectedSha256 = cksum.toLatin1();
        request.maxBodyBytes = m_maxCrateBytes;
        request.timeoutMs = 60000;
        HttpJob *job = send(request, m_config->authRequired);
        reply->track(job);
        connect(job, &HttpJob::finished, reply, [this, reply, job, targetFile] {
            const HttpResponse &response = job->response();
            if (response.error)
                return reply->finish(explain(response.error));
            reply->savedPath = targetFile;
            reply->finish();
        });
    });
    return reply;
}

RegistryReply *RegistryClient::license(const QString &crate, const QString &version, const QString &cksum)
{
    auto *reply = new RegistryReply(this);
    withConfig(reply, [this, reply, crate, version, cksum](const RegistryError &configError) {
        if (configError)
            return reply->finish(configError);
        if (isProGet()) {
            QUrlQuery query;
            query.addQueryItem(u"name"_s, crate);
            query.addQueryItem(u"version"_s, QString::fromLatin1(QUrl::toPercentEncoding(version)));
            return requestProGet(reply, u"/metadata?"_s + query.toString(QUrl::FullyEncoded),
                                 [this, reply, crate, version, cksum](const QByteArray &body) {
                const QJsonObject metadata = QJsonDocument::fromJson(body).object();
                reply->facts = VersionFacts::fromProGetMetadata(metadata);
                QStringList codes;
                for (const QJsonValue &license : metadata.value(u"licenses"_s).toArray())
                    codes << license.toObject().value(u"code"_s).toString();
                codes.removeAll(QString());
                if (codes.isEmpty())
                    return licenseFromCrate(reply, crate, version, cksum);
                reply->license = codes.join(u" OR "_s);
                reply->finish();
            });
        }
        if (m_config->api.isEmpty())
            return licenseFromCrate(reply, crate, version, cksum);
        // crates.io-style crate JSON names the license of every version.
        HttpRequest request;
        request.url = m_config->apiUrl(u"/crates/"_s + crate);
        request.headers.emplaceBack("Accept", "application/json");
        request.maxRetries = 1;
        HttpJob *job = send(request, m_config->authRequired);
        reply->track(job);
        connect(job, &HttpJob::finished, reply, [this, reply, job, crate, version, cksum] {
            const QJsonObject crateJson = QJsonDocument::fromJson(job->response().body).object();
            reply->facts = VersionFacts::fromCratesIo(crateJson, version);
            const QJsonArray versions = crateJson.value(u"versions"_s).toArray();
            for (const QJsonValue &value : versions) {
                const QJsonObject entry = value.toObject();
                if (entry.value(u"num"_s).toString() == version && entry.value(u"license"_s).isString()) {
                    reply->license = entry.value(u"license"_s).toString();
                    return reply->finish();
                }
            }
            // Not offered (most private registries): read it from the crate itself.
            licenseFromCrate(reply, crate, version, cksum);
        });
    });
    return reply;
}

RegistryReply *RegistryClient::fetchWebResource(const QUrl &url, qint64 maxBytes)
{
    auto *reply = new RegistryReply(this);
    if (!url.isValid() || (url.scheme() != u"https"_s && url.scheme() != u"http"_s) || url.host().isEmpty()) {
        reply->finish(
            RegistryError::make(RegistryError::Kind::Parse, tr("%1 is no web address").arg(url.toDisplayString().left(200))));
        return reply;
    }
    HttpRequest request;
    request.url = url;
    request.maxBodyBytes = maxBytes;
    request.maxRetries = 1;
    HttpJob *job = m_http->send(request); // not send(): no credential of the feed goes along
    reply->track(job);
    connect(job, &HttpJob::finished, reply, [reply, job] {
        if (job->response().error)
            return reply->finish(job->response().error);
        reply->body = job->response().body;
        reply->finish();
    });
    return reply;
}

void RegistryClient::licenseFromCrate(RegistryReply *reply, const QString &crate, const QString &version, const QString &cksum)
{
    auto dir = std::make_shared<QTemporaryDir>();
    const QString file = dir->filePath(u"license.crate"_s);
    HttpRequest request;
    request.url = m_config->downloadUrl(crate, version, cksum);
    request.saveTo = file;
    request.expectedSha256 = cksum.toLatin1();
    request.maxBodyBytes = m_maxCrateBytes;
    HttpJob *job = send(request, m_config->authRequired);
    reply->track(job);
    connect(job, &HttpJob::finished, reply, [this, reply, job, dir, file] {
        if (job->response().error)
            return reply->finish(explain(job->response().error));
        const auto archive = CrateArchive::open(file);
        if (!archive.isOk())
            return reply->finish(RegistryError::make(RegistryError::Kind::Parse, archive.error.message));
        const auto manifest = CargoManifest::parse(archive.archive->manifestBytes());
        if (!manifest.isOk())
            return reply->finish(RegistryError::make(RegistryError::Kind::Parse, manifest.error.message));
        reply->license = manifest.manifest->license.value_or(
            manifest.manifest->licenseFile ? u"see "_s + *manifest.manifest->licenseFile : QString());
        reply->finish();
    });
}
