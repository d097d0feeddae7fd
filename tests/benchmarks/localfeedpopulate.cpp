// SPDX-License-Identifier: GPL-3.0-or-later
//
// bench-localfeed-populate: fills a local feed with synthetic crates through FeedStore
// directly, so that bench-localfeed.sh gets a feed of realistic size in about a minute
// instead of publishing 100,000 versions over HTTP. Each version takes the steps a publish
// takes after the HTTP layer: publish-style metadata, IndexLine::fromPublishMetadata, a real
// gzip'd tar .crate, FeedStore::publish. It is a benchmark helper, not a test.
//
//   bench-localfeed-populate --data DIR [--crates N] [--versions V] [--paths FILE] [--seed S]
//
// stdout: key=value lines (crates, versions, seconds, publish_p50_us, ...); FILE gets the
// lower-cased index path of every crate, one per line ("se/rd/serde").

#include "localfeed/feedstore.h"
#include "localfeed/indexline.h"
#include "cargotypes/cratename.h"

#include <KTar>

#include <QBuffer>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QSet>

#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "bench-localfeed-populate: %s\n", qPrintable(message));
    return 1;
}

// Unique crate names covering every index path form: one, two and three characters
// ("1/a", "2/ab", "3/a/abc"), then longer names made of syllables, joined by '-', '_' or
// nothing, a few with capitals (the index path is lower-cased, the name is not).
class NameGenerator
{
public:
    explicit NameGenerator(quint32 seed)
        : m_rng(seed)
    {
    }

    QString next()
    {
        for (int attempt = 0;; ++attempt) {
            QString name = candidate();
            if (attempt > 20)
                name += u"-%1"_s.arg(m_count);
            if (name.size() <= CrateName::MaxLength && CrateName::isValid(name)
                && !m_taken.contains(CrateName::canonical(name))) {
                m_taken.insert(CrateName::canonical(name));
                ++m_count;
                return name;
            }
        }
    }

private:
    QChar letter() { return QChar(u'a' + char16_t(m_rng.bounded(26))); }
    QChar letterOrDigit()
    {
        const int n = int(m_rng.bounded(36));
        return n < 26 ? QChar(u'a' + char16_t(n)) : QChar(u'0' + char16_t(n - 26));
    }

    QString candidate()
    {
        if (m_count < 26)
            return QString(QChar(u'a' + char16_t(m_count)));
        if (m_count < 26 + 150)
            return QString(letter()) + letterOrDigit();
        if (m_count < 26 + 150 + 300)
            return QString(letter()) + letterOrDigit() + letterOrDigit();
        static const QStringList syllables = {
            u"serde"_s, u"tok"_s, u"io"_s, u"hyper"_s, u"rand"_s, u"core"_s, u"async"_s, u"log"_s,
            u"base"_s, u"json"_s, u"regex"_s, u"mio"_s, u"net"_s, u"futures"_s, u"parking"_s, u"lot"_s,
            u"crypto"_s, u"hash"_s, u"map"_s, u"sync"_s, u"cell"_s, u"bit"_s, u"flags"_s, u"byte"_s,
            u"order"_s, u"num"_s, u"traits"_s, u"time"_s, u"chrono"_s, u"uuid"_s, u"url"_s, u"http"_s,
            u"body"_s, u"tower"_s, u"tracing"_s, u"clap"_s, u"derive"_s, u"quote"_s, u"syn"_s, u"proc"_s,
            u"macro"_s, u"once"_s, u"lazy"_s, u"static"_s, u"error"_s, u"any"_s, u"glob"_s, u"walk"_s,
            u"dir"_s, u"temp"_s, u"file"_s, u"mem"_s, u"chr"_s, u"fmt"_s, u"sys"_s, u"cfg"_s, u"small"_s,
            u"vec"_s, u"array"_s, u"index"_s, u"either"_s, u"iter"_s, u"tools"_s, u"ray"_s, u"cross"_s,
            u"beam"_s, u"channel"_s, u"utils"_s, u"epoch"_s, u"deque"_s, u"scope"_s, u"guard"_s, u"pin"_s,
            u"project"_s, u"lite"_s, u"slab"_s, u"bytes"_s, u"socket"_s, u"semver"_s, u"toml"_s, u"yaml"_s,
            u"csv"_s, u"zip"_s, u"flate"_s, u"mini"_s, u"oxide"_s, u"crc"_s, u"sha"_s, u"blake"_s, u"tls"_s,
            u"ring"_s, u"web"_s, u"pki"_s, u"ssl"_s, u"cli"_s, u"term"_s, u"color"_s, u"ansi"_s, u"wasm"_s,
            u"bind"_s, u"gen"_s, u"embed"_s, u"hal"_s, u"db"_s, u"sql"_s, u"lite3"_s, u"pool"_s, u"cache"_s,
            u"queue"_s, u"graph"_s, u"tree"_s, u"parse"_s, u"nom"_s, u"lex"_s, u"ast"_s, u"ir"_s, u"jit"_s};
        static const QStringList separators = {u""_s, u"-"_s, u"_"_s};
        const int parts = 2 + int(m_rng.bounded(3));
        const QString separator = separators.at(int(m_rng.bounded(int(separators.size()))));
        QStringList chosen;
        for (int i = 0; i < parts; ++i)
            chosen << syllables.at(int(m_rng.bounded(int(syllables.size()))));
        QString name = chosen.join(separator);
        if (m_rng.bounded(40) == 0)
            name[0] = name.at(0).toUpper();
        return name;
    }

    QRandomGenerator m_rng;
    QSet<QString> m_taken; // canonical spellings
    int m_count = 0;
};

// gzip with one deflate state for the whole run: a fresh KCompressionDevice per .crate
// allocates and frees ~300 KB each time, and that churn (mmap, page faults) cost more than
// FeedStore::publish itself on our build machines, slowing the store's own steps too.
class Gzip
{
    Q_DISABLE_COPY_MOVE(Gzip)

public:
    Gzip() { m_ok = deflateInit2(&m_stream, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK; }
    ~Gzip() { deflateEnd(&m_stream); }

    QByteArray compress(const QByteArray &data)
    {
        if (!m_ok || deflateReset(&m_stream) != Z_OK)
            return {};
        QByteArray out(qsizetype(deflateBound(&m_stream, uLong(data.size()))) + 32, Qt::Uninitialized);
        m_stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
        m_stream.avail_in = uInt(data.size());
        m_stream.next_out = reinterpret_cast<Bytef *>(out.data());
        m_stream.avail_out = uInt(out.size());
        if (deflate(&m_stream, Z_FINISH) != Z_STREAM_END)
            return {};
        out.truncate(qsizetype(m_stream.total_out));
        return out;
    }

private:
    z_stream m_stream = {};
    bool m_ok = false;
};

// A real .crate (gzip'd tar) with NAME-VERS/Cargo.toml and src/lib.rs, made in memory.
QByteArray crateBytes(Gzip &gzip, const QString &name, const QString &vers, const QString &description)
{
    static const QDateTime mtime = QDateTime::fromSecsSinceEpoch(1700000000);
    const QString top = name + u'-' + vers;
    const QByteArray manifest = "[package]\nedition = \"2021\"\nname = \"" + name.toUtf8() + "\"\nversion = \""
        + vers.toUtf8() + "\"\ndescription = \"" + description.toUtf8() + "\"\nlicense = \"MIT OR Apache-2.0\"\n";
    const QByteArray lib = "pub fn version() -> &'static str { \"" + vers.toUtf8() + "\" }\n";
    QBuffer buffer;
    {
        KTar tar(&buffer);
        if (!tar.open(QIODevice::WriteOnly))
            return {};
        tar.writeFile(top + u"/Cargo.toml"_s, manifest, 0100644, u"root"_s, u"root"_s, mtime, mtime, mtime);
        tar.writeFile(top + u"/src/lib.rs"_s, lib, 0100644, u"root"_s, u"root"_s, mtime, mtime, mtime);
        tar.close();
    }
    return gzip.compress(buffer.data());
}

// The JSON cargo would send for the version: some dependencies on earlier crates (one of
// them a dev-dependency, one optional behind a `dep:` feature, which makes a v2 line).
QJsonObject publishMetadata(const QString &name, const QString &vers, const QStringList &deps, const QString &description)
{
    QJsonArray depArray;
    QJsonObject features{{u"default"_s, QJsonArray{u"std"_s}}, {u"std"_s, QJsonArray()}};
    for (qsizetype i = 0; i < deps.size(); ++i) {
        const bool optional = i == 2;
        depArray.append(QJsonObject{{u"name"_s, deps.at(i)},
                                    {u"version_req"_s, i == 1 ? u"^0.3.1"_s : u"^0.2"_s},
                                    {u"features"_s, QJsonArray()},
                                    {u"optional"_s, optional},
                                    {u"default_features"_s, true},
                                    {u"target"_s, QJsonValue()},
                                    {u"kind"_s, i == 1 ? u"dev"_s : u"normal"_s}});
        if (optional)
            features.insert(u"extra"_s, QJsonArray{QString(u"dep:"_s + deps.at(i))});
    }
    return QJsonObject{{u"name"_s, name},
                       {u"vers"_s, vers},
                       {u"deps"_s, depArray},
                       {u"features"_s, features},
                       {u"authors"_s, QJsonArray{u"Bench <bench@example.com>"_s}},
                       {u"description"_s, description},
                       {u"license"_s, u"MIT OR Apache-2.0"_s},
                       {u"keywords"_s, QJsonArray()},
                       {u"categories"_s, QJsonArray()},
                       {u"badges"_s, QJsonObject()},
                       {u"links"_s, QJsonValue()},
                       {u"readme"_s, QJsonValue()}};
}

// "0.0.0", "0.0.1", ... and a last "1.0.0" (a pre-release for every seventh crate).
QString versionString(int crateIndex, int versionIndex, int versionCount)
{
    if (versionIndex == versionCount - 1 && versionCount > 1)
        return crateIndex % 7 == 0 ? u"1.0.0-rc.1"_s : u"1.0.0"_s;
    return u"0.%1.%2"_s.arg(versionIndex / 3).arg(versionIndex % 3);
}

qint64 percentile(const QList<qint64> &sorted, double p)
{
    if (sorted.isEmpty())
        return 0;
    const qsizetype rank = std::clamp<qsizetype>(qsizetype(std::ceil(p / 100.0 * double(sorted.size()))), 1, sorted.size());
    return sorted.at(rank - 1);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Fill a local feed with synthetic crates through FeedStore (benchmark helper)."_s);
    parser.addHelpOption();
    const QCommandLineOption dataOption(u"data"_s, u"The feed's data folder."_s, u"dir"_s);
    const QCommandLineOption cratesOption(u"crates"_s, u"Number of crates (default 10000)."_s, u"n"_s, u"10000"_s);
    const QCommandLineOption versionsOption(u"versions"_s, u"Versions per crate (default 10)."_s, u"n"_s, u"10"_s);
    const QCommandLineOption pathsOption(u"paths"_s, u"Write the index path of every crate to this file."_s, u"file"_s);
    const QCommandLineOption loginOption(u"login"_s, u"The publishing user (default bench)."_s, u"name"_s, u"bench"_s);
    const QCommandLineOption seedOption(u"seed"_s, u"Seed of the name generator (default 1)."_s, u"n"_s, u"1"_s);
    parser.addOptions({dataOption, cratesOption, versionsOption, pathsOption, loginOption, seedOption});
    parser.process(app);

    bool ok1 = false, ok2 = false, ok3 = false;
    const int crateCount = parser.value(cratesOption).toInt(&ok1);
    const int versionCount = parser.value(versionsOption).toInt(&ok2);
    const quint32 seed = parser.value(seedOption).toUInt(&ok3);
    if (!parser.isSet(dataOption) || !ok1 || !ok2 || !ok3 || crateCount < 1 || versionCount < 1)
        return fail(u"usage: bench-localfeed-populate --data DIR [--crates N] [--versions V] [--paths FILE] [--seed S]"_s);

    // One info line per publish would be 100,000 lines of noise; warnings still show.
    QLoggingCategory::setFilterRules(u"cratedesk.*.info=false\ncratedesk.*.debug=false"_s);

    FeedStore store(parser.value(dataOption));
    if (const FeedError error = store.open(FeedStore::OpenMode::Serve))
        return fail(error.detail);
    QString token;
    if (const FeedError error = store.createToken(parser.value(loginOption), &token))
        return fail(error.detail);
    const auto user = store.userByLogin(parser.value(loginOption));
    if (!user)
        return fail(u"the user %1 was not created"_s.arg(parser.value(loginOption)));

    NameGenerator names(seed);
    QRandomGenerator depRng(seed + 1);
    QStringList crateNames;
    QStringList indexPaths;
    QList<qint64> publishNs;
    publishNs.reserve(qsizetype(crateCount) * versionCount);
    qint64 prepareNs = 0;
    qint64 crateBytesTotal = 0;

    Gzip gzip;
    QElapsedTimer total;
    total.start();
    QElapsedTimer step;
    for (int c = 0; c < crateCount; ++c) {
        const QString name = names.next();
        const QString description = u"Synthetic crate %1 for the local feed benchmark"_s.arg(c);
        QStringList deps;
        const int depCount = c == 0 ? 0 : std::min(c, int(depRng.bounded(4)));
        while (deps.size() < depCount) {
            const QString dep = crateNames.at(int(depRng.bounded(c)));
            if (!deps.contains(dep))
                deps << dep;
        }
        for (int v = 0; v < versionCount; ++v) {
            step.start();
            FeedStore::NewVersion version;
            version.name = name;
            version.vers = versionString(c, v, versionCount);
            version.precedenceKey = version.vers; // no build metadata here
            const QJsonObject metadata = publishMetadata(name, version.vers, deps, description);
            if (const FeedError error = IndexLine::fromPublishMetadata(metadata, &version.indexLine))
                return fail(u"%1@%2: %3"_s.arg(name, version.vers, error.detail));
            version.crateBytes = crateBytes(gzip, name, version.vers, description);
            if (version.crateBytes.isEmpty())
                return fail(u"cannot build the .crate of %1@%2"_s.arg(name, version.vers));
            version.description = description;
            version.license = u"MIT OR Apache-2.0"_s;
            version.metadataJson = QJsonDocument(metadata).toJson(QJsonDocument::Compact);
            crateBytesTotal += version.crateBytes.size();
            prepareNs += step.nsecsElapsed();

            step.start();
            if (const FeedError error = store.publish(version, *user))
                return fail(u"publishing %1@%2 failed (%3): %4"_s.arg(name, version.vers).arg(error.status).arg(error.detail));
            publishNs.append(step.nsecsElapsed());
        }
        crateNames << name;
        indexPaths << CrateName::indexPath(name);
        if ((c + 1) % std::max(1, crateCount / 10) == 0)
            std::fprintf(stderr, "populate: %d/%d crates, %.1f s\n", c + 1, crateCount, double(total.nsecsElapsed()) / 1e9);
    }
    const qint64 totalNs = total.nsecsElapsed();

    if (parser.isSet(pathsOption)) {
        QSaveFile file(parser.value(pathsOption));
        if (!file.open(QIODevice::WriteOnly) || file.write(indexPaths.join(u'\n').toUtf8() + '\n') < 0 || !file.commit())
            return fail(u"cannot write %1: %2"_s.arg(parser.value(pathsOption), file.errorString()));
    }

    qint64 publishTotal = 0;
    for (const qint64 ns : std::as_const(publishNs))
        publishTotal += ns;
    QList<qint64> sorted = publishNs;
    std::sort(sorted.begin(), sorted.end());
    std::printf("crates=%d\nversions=%lld\nseconds=%.3f\nprepare_seconds=%.3f\npublish_seconds=%.3f\n"
                "publish_p50_us=%.0f\npublish_p99_us=%.0f\npublish_max_us=%.0f\ncrate_bytes_avg=%lld\n",
                crateCount, qlonglong(publishNs.size()), double(totalNs) / 1e9, double(prepareNs) / 1e9,
                double(publishTotal) / 1e9, double(percentile(sorted, 50)) / 1e3, double(percentile(sorted, 99)) / 1e3,
                double(sorted.last()) / 1e3, qlonglong(crateBytesTotal / std::max<qsizetype>(1, publishNs.size())));
    return 0;
}
