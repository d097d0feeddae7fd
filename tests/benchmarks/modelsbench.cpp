// SPDX-License-Identifier: GPL-3.0-or-later
// Measures the item models at crates.io scale, for bench-models.sh. Prints key=value lines.
//
//   bench-models-run --filter NAMES.tsv     keystroke latency of CrateFilterProxyModel
//   bench-models-run --memory NAMES.tsv     resident memory of CrateListModel + filter proxy
//   bench-models-run --versions INDEXFILE   parse + VersionListModel for one big crate
//
// NAMES.tsv is crates-io-names.tsv from the shared data (name, versions, yanked, latest, ...).
#include "itemmodels/cratefilterproxymodel.h"
#include "itemmodels/cratelistmodel.h"
#include "itemmodels/roles.h"
#include "itemmodels/versionlistmodel.h"
#include "cargotypes/indexfileparser.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QItemSelectionModel>

#include <algorithm>
#include <cstdio>
#include <ctime>

using namespace Qt::Literals::StringLiterals;

namespace {

void out(const QString &line)
{
    std::fputs(qPrintable(line + u'\n'), stdout);
    std::fflush(stdout);
}

// VmRSS and VmHWM of this process, in KiB.
std::pair<qint64, qint64> memoryKiB()
{
    QFile status(u"/proc/self/status"_s);
    qint64 rss = -1, hwm = -1;
    if (status.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : status.readAll().split('\n')) {
            const auto value = [&line] { return line.mid(6).trimmed().split(' ').value(0).toLongLong(); };
            if (line.startsWith("VmRSS:"))
                rss = value();
            else if (line.startsWith("VmHWM:"))
                hwm = value();
        }
    }
    return {rss, hwm};
}

// Feeds the list the way the listing service does: one page of 1,000 at a time.
qint64 loadNames(const QString &path, CrateListModel &model)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s\n", qPrintable(path));
        std::exit(2);
    }
    qint64 count = 0;
    QList<CrateSummary> page;
    file.readLine(); // header
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        const QList<QByteArray> fields = line.split('\t');
        if (fields.size() < 4)
            continue;
        page.append({QString::fromUtf8(fields.at(0)), QString::fromUtf8(fields.at(3)), QString()});
        if (page.size() == 1000) {
            model.appendCrates(page);
            page.clear();
        }
        ++count;
    }
    model.appendCrates(page);
    return count;
}

// CPU time of this thread in ms: on a shared, busy machine wall time mostly measures the
// other processes, so both are reported.
double cpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values.at(std::min(values.size() - 1, qsizetype(p * double(values.size()))));
}

int filterBench(const QString &names)
{
    CrateListModel list;
    CrateFilterProxyModel proxy;
    proxy.setSourceModel(&list);
    // A selection, as the window has, so persistent indexes are followed on every keystroke.
    QItemSelectionModel selection(&proxy);
    QElapsedTimer timer;
    timer.start();
    const qint64 count = loadNames(names, list);
    out(u"crates=%1"_s.arg(count));
    out(u"load_ms=%1"_s.arg(timer.nsecsElapsed() / 1e6, 0, 'f', 1));

    const QStringList queries{u"serde"_s, u"tokio-util"_s, u"a"_s, u"xyz"_s, u"http"_s, u"async_trait"_s,
                              u"Serde_JSON"_s, u"bevy"_s, u"rand"_s, u"wasm-bindgen"_s};
    QList<double> all;
    QList<double> cpu;
    QList<double> typing;
    QList<double> erasing;
    for (const QString &query : queries) {
        selection.setCurrentIndex(proxy.index(proxy.rowCount() / 2, 0), QItemSelectionModel::ClearAndSelect);
        QList<double> steps;
        QString text;
        // Type it, then backspace it away letter by letter.
        for (const QChar c : query) {
            text += c;
            const double cpu0 = cpuMs();
            timer.restart();
            proxy.setFilterText(text);
            const double ms = timer.nsecsElapsed() / 1e6;
            cpu << cpuMs() - cpu0;
            steps << ms;
            typing << ms;
        }
        const int hits = proxy.rowCount();
        while (!text.isEmpty()) {
            text.chop(1);
            const double cpu0 = cpuMs();
            timer.restart();
            proxy.setFilterText(text);
            const double ms = timer.nsecsElapsed() / 1e6;
            cpu << cpuMs() - cpu0;
            steps << ms;
            erasing << ms;
        }
        all << steps;
        out(u"query %1: %2 matches, per keystroke median %3 ms, max %4 ms"_s.arg(query)
                .arg(hits)
                .arg(median(steps), 0, 'f', 2)
                .arg(*std::max_element(steps.cbegin(), steps.cend()), 0, 'f', 2));
    }
    out(u"keystrokes=%1"_s.arg(all.size()));
    out(u"median_ms=%1"_s.arg(median(all), 0, 'f', 2));
    out(u"p95_ms=%1"_s.arg(percentile(all, 0.95), 0, 'f', 2));
    out(u"max_ms=%1"_s.arg(*std::max_element(all.cbegin(), all.cend()), 0, 'f', 2));
    out(u"cpu_median_ms=%1"_s.arg(median(cpu), 0, 'f', 2));
    out(u"cpu_p95_ms=%1"_s.arg(percentile(cpu, 0.95), 0, 'f', 2));
    out(u"cpu_max_ms=%1"_s.arg(*std::max_element(cpu.cbegin(), cpu.cend()), 0, 'f', 2));
    out(u"typing_median_ms=%1"_s.arg(median(typing), 0, 'f', 2));
    out(u"typing_max_ms=%1"_s.arg(*std::max_element(typing.cbegin(), typing.cend()), 0, 'f', 2));
    out(u"erasing_median_ms=%1"_s.arg(median(erasing), 0, 'f', 2));
    out(u"erasing_max_ms=%1"_s.arg(*std::max_element(erasing.cbegin(), erasing.cend()), 0, 'f', 2));
    return 0;
}

int memoryBench(const QString &names)
{
    const auto [rssBefore, hwmBefore] = memoryKiB();
    auto *list = new CrateListModel;
    auto *proxy = new CrateFilterProxyModel;
    proxy->setSourceModel(list);
    const qint64 count = loadNames(names, *list);
    proxy->setFilterText(u"se"_s); // a search, so the match lists exist too
    proxy->setFilterText(QString());
    const auto [rssAfter, hwmAfter] = memoryKiB();
    out(u"crates=%1"_s.arg(count));
    out(u"rss_before_kib=%1"_s.arg(rssBefore));
    out(u"rss_after_kib=%1"_s.arg(rssAfter));
    out(u"hwm_before_kib=%1"_s.arg(hwmBefore));
    out(u"hwm_after_kib=%1"_s.arg(hwmAfter));
    out(u"model_heap_kib=%1"_s.arg(list->bytesUsed() / 1024));
    // Touch the rows a view would, to show they are all there.
    qint64 chars = 0;
    for (int row = 0; row < proxy->rowCount(); row += 997)
        chars += proxy->index(row, 0).data().toString().size();
    out(u"checked_chars=%1"_s.arg(chars));
    delete proxy;
    delete list;
    return 0;
}

int versionsBench(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s\n", qPrintable(path));
        return 2;
    }
    const QByteArray body = file.readAll();
    QList<double> parse, build, paint, cpu;
    int versions = 0;
    QString crate;
    for (int run = 0; run < 15; ++run) {
        QElapsedTimer timer;
        const double cpu0 = cpuMs();
        timer.start();
        const IndexFileParser::Result parsed = IndexFileParser::parse(body);
        parse << timer.nsecsElapsed() / 1e6;
        VersionListModel model;
        timer.restart();
        model.setEntries(parsed.entries);
        build << timer.nsecsElapsed() / 1e6;
        // What a view asks for the first screen: 40 rows, every column, text and roles.
        timer.restart();
        qint64 chars = 0;
        for (int row = 0; row < std::min(40, model.rowCount()); ++row) {
            for (int column = 0; column < model.columnCount(); ++column) {
                const QModelIndex index = model.index(row, column);
                chars += index.data().toString().size();
                chars += index.data(Qt::ToolTipRole).toString().size();
                chars += index.data(Roles::VersionYanked).toBool() ? 1 : 0;
            }
        }
        paint << timer.nsecsElapsed() / 1e6;
        cpu << cpuMs() - cpu0;
        versions = model.rowCount();
        crate = model.crateName();
        if (chars == 0)
            return 3;
    }
    out(u"crate=%1"_s.arg(crate));
    out(u"versions=%1"_s.arg(versions));
    out(u"file_kib=%1"_s.arg(body.size() / 1024));
    out(u"parse_ms=%1"_s.arg(median(parse), 0, 'f', 2));
    out(u"model_ms=%1"_s.arg(median(build), 0, 'f', 2));
    out(u"first_screen_ms=%1"_s.arg(median(paint), 0, 'f', 2));
    out(u"cpu_total_ms=%1"_s.arg(median(cpu), 0, 'f', 2));
    out(u"total_ms=%1"_s.arg(median(parse) + median(build) + median(paint), 0, 'f', 2));
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    // A GUI application, as the app is, so the baseline memory is comparable.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({u"filter"_s, u"Keystroke latency over NAMES.tsv"_s, u"NAMES.tsv"_s});
    parser.addOption({u"memory"_s, u"Resident memory with NAMES.tsv listed"_s, u"NAMES.tsv"_s});
    parser.addOption({u"versions"_s, u"Parse and list one index file"_s, u"FILE"_s});
    parser.process(app);
    if (parser.isSet(u"filter"_s))
        return filterBench(parser.value(u"filter"_s));
    if (parser.isSet(u"memory"_s))
        return memoryBench(parser.value(u"memory"_s));
    if (parser.isSet(u"versions"_s))
        return versionsBench(parser.value(u"versions"_s));
    parser.showHelp(1);
}
