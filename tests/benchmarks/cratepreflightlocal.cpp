// SPDX-License-Identifier: GPL-3.0-or-later
//
// bench-crate-preflight: the local part of a publish preflight for each .crate in a folder,
// timed per crate: CrateArchive::open (read, decompress and check every tar header),
// CargoManifest::parse, PublishMetadata::fromArchive (which parses the manifest again, reads
// the readme and checks the license file, as a publish does) and toJson. For
// bench-crate.sh; it is a benchmark helper, not a test.
//
//   bench-crate-preflight DIR [--repeat N]
//
// Each crate is done N times (default 5) and its median kept; one warm-up pass first.
// stdout: one "crate NAME BYTES UNPACKED FILES OPEN_MS MANIFEST_MS METADATA_MS TOTAL_MS" line
// per crate, then key=value lines (crates, failures, median_ms, p90_ms, max_ms, max_crate,
// open_median_ms, manifest_median_ms, metadata_median_ms).

#include "crate/cargomanifest.h"
#include "crate/cratearchive.h"
#include "crate/publishmetadata.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace {

struct Timing
{
    double open = 0;
    double manifest = 0;
    double metadata = 0;
    double total() const { return open + manifest + metadata; }
};

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values.at((values.size() - 1) / 2);
}

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    // Nearest rank, as the other benchmarks report p90/p99.
    const qsizetype rank = std::clamp<qsizetype>(qsizetype(std::ceil(p * values.size())), 1, values.size());
    return values.at(rank - 1);
}

double msSince(QElapsedTimer &timer)
{
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    timer.restart();
    return ms;
}

// One pass over a crate; nullopt (and a message on stderr) when any step fails.
std::optional<Timing> preflight(const QString &path, qint64 *unpacked, qsizetype *files)
{
    Timing timing;
    QElapsedTimer timer;
    timer.start();
    const auto archive = CrateArchive::open(path);
    timing.open = msSince(timer);
    if (!archive.isOk()) {
        std::fprintf(stderr, "%s\n", qPrintable(archive.error.message));
        return std::nullopt;
    }
    const auto manifest = CargoManifest::parse(archive.archive->manifestBytes());
    timing.manifest = msSince(timer);
    if (!manifest.isOk()) {
        std::fprintf(stderr, "%s\n", qPrintable(manifest.error.message));
        return std::nullopt;
    }
    const auto metadata = PublishMetadata::fromArchive(*archive.archive, u"sparse+http://127.0.0.1:1/"_s);
    const QByteArray json = metadata.isOk() ? metadata.metadata->toJson() : QByteArray();
    timing.metadata = msSince(timer);
    if (!metadata.isOk() || json.isEmpty()) {
        std::fprintf(stderr, "%s: %s\n", qPrintable(path), qPrintable(metadata.error));
        return std::nullopt;
    }
    *files = archive.archive->files().size();
    *unpacked = 0;
    for (const CrateArchive::File &file : archive.archive->files())
        *unpacked += file.size;
    return timing;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench-crate-preflight DIR [--repeat N]\n");
        return 2;
    }
    const int repeat = args.size() >= 4 && args.at(2) == u"--repeat"_s ? std::max(1, args.at(3).toInt()) : 5;
    const QFileInfoList crates = QDir(args.at(1)).entryInfoList({u"*.crate"_s}, QDir::Files, QDir::Name);
    if (crates.isEmpty()) {
        std::fprintf(stderr, "no .crate files in %s\n", qPrintable(args.at(1)));
        return 2;
    }

    QList<double> totals, opens, manifests, metadatas;
    QString slowest;
    double slowestMs = -1;
    int failures = 0;
    for (const QFileInfo &info : crates) {
        qint64 unpacked = 0;
        qsizetype files = 0;
        if (!preflight(info.absoluteFilePath(), &unpacked, &files)) { // warm-up: page cache, allocator
            ++failures;
            continue;
        }
        QList<double> total, open, manifest, metadata;
        for (int i = 0; i < repeat; ++i) {
            const auto timing = preflight(info.absoluteFilePath(), &unpacked, &files);
            if (!timing)
                break;
            total.append(timing->total());
            open.append(timing->open);
            manifest.append(timing->manifest);
            metadata.append(timing->metadata);
        }
        const double ms = median(total);
        totals.append(ms);
        opens.append(median(open));
        manifests.append(median(manifest));
        metadatas.append(median(metadata));
        if (ms > slowestMs) {
            slowestMs = ms;
            slowest = info.fileName();
        }
        std::printf("crate %s %lld %lld %lld %.3f %.3f %.3f %.3f\n", qPrintable(info.fileName()), info.size(),
                    unpacked, qlonglong(files), median(open), median(manifest), median(metadata), ms);
    }
    std::printf("crates=%lld\nfailures=%d\nrepeat=%d\n", qlonglong(totals.size()), failures, repeat);
    std::printf("median_ms=%.3f\np90_ms=%.3f\nmax_ms=%.3f\nmax_crate=%s\n", median(totals), percentile(totals, 0.9),
                slowestMs, qPrintable(slowest));
    std::printf("open_median_ms=%.3f\nmanifest_median_ms=%.3f\nmetadata_median_ms=%.3f\n", median(opens), median(manifests),
                median(metadatas));
    return failures == 0 ? 0 : 1;
}
