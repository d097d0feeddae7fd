// SPDX-License-Identifier: GPL-3.0-or-later
//
// bench-client-fetch: fetches the index files of a list of crates through RegistryClient
// (HttpClient + IndexCache), all requested at once, as the app does when it opens a
// lockfile. For bench-client.sh; it is a benchmark helper, not a test.
//
//   bench-client-fetch --url http://127.0.0.1:PORT/ --crates FILE [--cache PATH]
//                      [--max-concurrent N] [--check-entries] [--ca PEM]
//
// FILE holds one crate name or index path ("se/rd/serde") per line. Without --cache the
// index cache is a fresh temporary file; with it, an existing cache is reused, so a second
// run revalidates every file (304s).
// --check-entries, after the timed part: every file's entries as the run delivered them
// (from the parsed form kept in the cache, on a warm run) must equal a fresh parse of the
// file in the cache. The tests cannot use the real index data; this is where it is checked.
// stdout: key=value lines (crates, ok, failures, from_cache, stale, parsed_earlier, bytes,
// entries, seconds, peak_rss_kib, and with --check-entries checked and mismatches).

#include "cargotypes/cratename.h"
#include "cargotypes/feed.h"
#include "net/httpclient.h"
#include "cargotypes/indexfileparser.h"
#include "registry/registryclient.h"
#include "storage/indexcache.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QSslConfiguration>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

#include <sys/resource.h>

using namespace Qt::Literals::StringLiterals;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption urlOption(u"url"_s, u"Index URL (http://127.0.0.1:PORT/)."_s, u"URL"_s);
    const QCommandLineOption cratesOption(u"crates"_s, u"File with one crate name or index path per line."_s, u"FILE"_s);
    const QCommandLineOption cacheOption(u"cache"_s, u"Index cache database to use (and keep)."_s, u"PATH"_s);
    const QCommandLineOption concurrencyOption(u"max-concurrent"_s, u"HttpClient parallelism (default: its own)."_s, u"N"_s);
    const QCommandLineOption checkOption(u"check-entries"_s, u"Compare the delivered entries with a fresh parse, untimed."_s);
    const QCommandLineOption caOption(u"ca"_s, u"Also trust the certificates of this PEM file (an https index)."_s, u"PEM"_s);
    parser.addOptions({urlOption, cratesOption, cacheOption, concurrencyOption, checkOption, caOption});
    parser.process(app);
    if (!parser.isSet(urlOption) || !parser.isSet(cratesOption)) {
        std::fprintf(stderr, "bench-client-fetch: --url and --crates are required\n");
        return 2;
    }

    QFile list(parser.value(cratesOption));
    if (!list.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "bench-client-fetch: cannot read %s\n", qPrintable(list.fileName()));
        return 2;
    }
    QStringList crates;
    for (const QByteArray &line : list.readAll().split('\n')) {
        const QString name = QString::fromUtf8(line.trimmed());
        if (!name.isEmpty())
            crates.append(name.section(u'/', -1));
    }
    if (crates.isEmpty()) {
        std::fprintf(stderr, "bench-client-fetch: no crates in %s\n", qPrintable(list.fileName()));
        return 2;
    }

    QTemporaryDir tempDir;
    QString cachePath = parser.value(cacheOption);
    if (cachePath.isEmpty()) {
        if (!tempDir.isValid()) {
            std::fprintf(stderr, "bench-client-fetch: no temporary folder\n");
            return 2;
        }
        cachePath = tempDir.filePath(u"index-cache.sqlite"_s);
    }
    IndexCache cache(cachePath);
    // Before the event loop runs, in a tool: nothing waits on this thread meanwhile.
    if (const QString cacheError = cache.open().result(); !cacheError.isEmpty()) {
        std::fprintf(stderr, "bench-client-fetch: cannot open the cache %s: %s\n", qPrintable(cachePath), qPrintable(cacheError));
        return 2;
    }

    if (parser.isSet(caOption)) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        if (!tls.addCaCertificates(parser.value(caOption))) {
            std::fprintf(stderr, "bench-client-fetch: no certificate in %s\n", qPrintable(parser.value(caOption)));
            return 2;
        }
        QSslConfiguration::setDefaultConfiguration(tls);
    }
    QNetworkAccessManager nam;
    HttpClient http(&nam);
    if (parser.isSet(concurrencyOption))
        http.setMaxConcurrent(parser.value(concurrencyOption).toInt());

    Feed feed;
    feed.name = u"bench"_s;
    feed.indexUrl = QUrl(parser.value(urlOption));
    feed.auth = Feed::AuthKind::None;
    RegistryClient client(feed, &http, &cache, nullptr);

    int pending = int(crates.size());
    int ok = 0;
    int failures = 0;
    int fromCache = 0;
    int stale = 0;
    int parsedEarlier = 0;
    qint64 bytes = 0;
    const bool check = parser.isSet(checkOption);
    QHash<QString, QList<IndexEntry>> delivered;
    qint64 entries = 0;
    QElapsedTimer timer;

    QTimer::singleShot(0, &app, [&] {
        timer.start();
        for (const QString &crate : std::as_const(crates)) {
            RegistryReply *reply = client.fetchIndex(crate);
            QObject::connect(reply, &RegistryReply::finished, &app, [&, reply, crate] {
                if (reply->error()) {
                    ++failures;
                    if (failures <= 5)
                        std::fprintf(stderr, "bench-client-fetch: %s: %s\n", qPrintable(crate), qPrintable(reply->error().message));
                } else {
                    ++ok;
                    bytes += reply->body.size();
                    entries += reply->entries.size();
                    if (reply->fromCache)
                        ++fromCache;
                    if (reply->stale)
                        ++stale;
                    if (reply->parsedEarlier)
                        ++parsedEarlier;
                    if (check)
                        delivered.insert(crate, reply->entries);
                }
                if (--pending == 0)
                    QCoreApplication::quit();
            });
        }
    });
    app.exec();
    const double seconds = double(timer.nsecsElapsed()) / 1e9;

    std::printf("crates=%lld\nok=%d\nfailures=%d\nfrom_cache=%d\nstale=%d\nparsed_earlier=%d\nbytes=%lld\nentries=%lld\nmax_concurrent=%d\nseconds=%.3f\n",
                static_cast<long long>(crates.size()), ok, failures, fromCache, stale, parsedEarlier,
                static_cast<long long>(bytes), static_cast<long long>(entries), http.maxConcurrent(), seconds);
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("peak_rss_kib=%ld\n", usage.ru_maxrss); // before the check below parses everything again
    int mismatches = 0;
    if (check) {
        for (auto it = delivered.cbegin(); it != delivered.cend(); ++it) {
            const auto stored = cache.get(feed.indexUrl.toString(), CrateName::indexPath(it.key())).result();
            if (!stored || IndexFileParser::parse(stored->body).entries != it.value()) {
                if (++mismatches <= 5)
                    std::fprintf(stderr, "bench-client-fetch: %s: the delivered entries differ from a fresh parse\n", qPrintable(it.key()));
            }
        }
        std::printf("checked=%lld\nmismatches=%d\n", static_cast<long long>(delivered.size()), mismatches);
    }
    return failures == 0 && mismatches == 0 ? 0 : 1;
}
