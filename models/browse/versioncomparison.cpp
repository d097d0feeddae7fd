// SPDX-License-Identifier: GPL-3.0-or-later
#include "versioncomparison.h"

#include "cargotypes/cratefilepath.h"
#include "cargotypes/cratename.h"
#include "cargotypes/semver.h"
#include "registry/registryclient.h"

#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QtConcurrentRun>

using namespace Qt::Literals::StringLiterals;

namespace {

struct Compared
{
    CrateVersionDiff diff;
    std::shared_ptr<const std::pair<CrateArchive, CrateArchive>> archives;
    QString error;
};

// Runs on a worker thread: both archives are inflated, each within CrateArchive's limits.
Compared openAndCompare(const QString &olderPath, const IndexEntry &older, const QString &newerPath, const IndexEntry &newer)
{
    Compared compared;
    auto before = CrateArchive::open(olderPath);
    auto after = CrateArchive::open(newerPath);
    for (const auto *result : {&before, &after}) {
        if (!result->isOk()) {
            compared.error = result->error.message;
            return compared;
        }
    }
    compared.diff = CrateComparison::compare(*before.archive, older, *after.archive, newer);
    compared.archives = std::make_shared<const std::pair<CrateArchive, CrateArchive>>(std::move(*before.archive),
                                                                                        std::move(*after.archive));
    return compared;
}

// The entry of `version`: as the index writes it, else the one equal to it under SemVer
// ("1.0.0" finds "1.0.0+build", which cargo treats as the same version).
const IndexEntry *findVersion(const QList<IndexEntry> &entries, const QString &version)
{
    for (const IndexEntry &entry : entries) {
        if (entry.vers == version)
            return &entry;
    }
    const auto wanted = SemVer::parse(version);
    for (const IndexEntry &entry : entries) {
        if (wanted && entry.version.precedenceKey() == wanted->precedenceKey() && wanted->buildMetadata().isEmpty())
            return &entry;
    }
    return nullptr;
}

} // namespace

VersionComparison::VersionComparison(const QString &cacheDir, QObject *parent)
    : QObject(parent)
    , m_cacheDir(cacheDir)
{
}

VersionComparison::~VersionComparison()
{
    stop(); // no signal: whoever listens may be half destroyed (the dialog that owns this)
}

void VersionComparison::start(RegistryClient *client, const QString &crate, const QString &from, const QString &to)
{
    stop(); // superseded: started() of the new one says so
    m_client = client;
    m_crate = crate;
    m_running = true;
    m_result = {};
    m_archives.reset();
    Q_EMIT started(from, to);
    // What the user or the command line typed is checked before it reaches a URL or a path.
    QString problem = CrateName::validationError(crate);
    for (const QString &version : {from, to}) {
        QString why;
        if (problem.isEmpty() && !SemVer::parse(version, &why))
            problem = tr("“%1” is not a version: %2").arg(version, why);
    }
    if (problem.isEmpty() && !client)
        problem = tr("no feed to compare in");
    if (!problem.isEmpty()) {
        const quint64 generation = m_generation;
        QMetaObject::invokeMethod(this, [this, problem, generation] {
            if (generation == m_generation)
                fail(RegistryError::make(RegistryError::Kind::Local, problem));
        }, Qt::QueuedConnection);
        return;
    }
    RegistryReply *reply = client->fetchIndex(crate);
    m_replies.append(reply);
    const quint64 generation = m_generation;
    connect(reply, &RegistryReply::finished, this, [this, reply, from, to, generation] {
        if (generation == m_generation)
            indexRead(reply, from, to);
    });
}

void VersionComparison::stop()
{
    ++m_generation;
    ++m_fileGeneration;
    const auto replies = std::exchange(m_replies, {});
    for (const QPointer<RegistryReply> &reply : replies) {
        if (reply)
            reply->cancel();
    }
    m_running = false;
}

void VersionComparison::cancel()
{
    const bool wasRunning = m_running;
    stop();
    if (wasRunning)
        Q_EMIT cancelled();
}

void VersionComparison::fail(const RegistryError &error)
{
    stop();
    Q_EMIT failed(error);
}

void VersionComparison::indexRead(RegistryReply *reply, const QString &from, const QString &to)
{
    if (reply->error())
        return fail(reply->error());
    for (qsizetype side = 0; side < 2; ++side) {
        const QString &version = side == 0 ? from : to;
        const IndexEntry *entry = findVersion(reply->entries, version);
        if (!entry) {
            return fail(RegistryError::make(RegistryError::Kind::NotFound,
                                            tr("%1 has no version %2 in %3").arg(m_crate, version, m_client ? m_client->feed().name : QString())));
        }
        // Named by the verified checksum alone: no folder or file takes a name the feed chose.
        const QString path = CrateFilePath::byChecksum(m_cacheDir, entry->cksum);
        if (path.isEmpty()) {
            return fail(RegistryError::make(RegistryError::Kind::Parse,
                                            tr("%1@%2 has no valid sha256 checksum in the index").arg(entry->name, entry->vers)));
        }
        m_sides[side] = {*entry, path, 0, 0};
    }
    m_waiting = 2;
    fetch(0);
    fetch(1);
}

void VersionComparison::fetch(qsizetype side)
{
    const Side &wanted = m_sides[side];
    // Downloads were checked against cksum when they arrived; the name carries the checksum.
    // Comparing a version with itself downloads it once.
    if (QFileInfo::exists(wanted.path) || (side == 1 && wanted.path == m_sides[0].path)) {
        QMetaObject::invokeMethod(this, [this, generation = m_generation] {
            if (generation == m_generation)
                compareWhenBothArrived();
        }, Qt::QueuedConnection);
        return;
    }
    if (!m_client) // the feed was removed meanwhile
        return fail(RegistryError::make(RegistryError::Kind::Cancelled, tr("the feed is gone")));
    QDir().mkpath(QFileInfo(wanted.path).absolutePath());
    RegistryReply *download = m_client->download(wanted.entry.name, wanted.entry.vers, wanted.entry.cksum, wanted.path);
    m_replies.append(download);
    const quint64 generation = m_generation;
    connect(download, &RegistryReply::progress, this, [this, side, generation](qint64 done, qint64 total) {
        if (generation != m_generation)
            return;
        m_sides[side].done = done;
        m_sides[side].total = total;
        reportProgress();
    });
    connect(download, &RegistryReply::finished, this, [this, download, generation] {
        if (generation != m_generation)
            return;
        if (download->error())
            return fail(download->error());
        compareWhenBothArrived();
    });
}

void VersionComparison::reportProgress()
{
    Q_EMIT progress(m_sides[0].done + m_sides[1].done, m_sides[0].total + m_sides[1].total);
}

void VersionComparison::compareWhenBothArrived()
{
    if (--m_waiting > 0)
        return;
    m_replies.clear();
    auto *watcher = new QFutureWatcher<Compared>(this);
    const quint64 generation = m_generation;
    connect(watcher, &QFutureWatcher<Compared>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return;
        Compared compared = watcher->result();
        if (!compared.error.isEmpty())
            return fail(RegistryError::make(RegistryError::Kind::Parse, compared.error));
        m_result = std::move(compared.diff);
        m_archives = std::move(compared.archives);
        m_running = false;
        Q_EMIT finished();
    });
    watcher->setFuture(QtConcurrent::run(openAndCompare, m_sides[0].path, m_sides[0].entry, m_sides[1].path, m_sides[1].entry));
}

void VersionComparison::readFileDiff(const QString &path)
{
    const quint64 generation = ++m_fileGeneration;
    const auto archives = m_archives;
    if (!archives) {
        QMetaObject::invokeMethod(this, [this, path, generation] {
            if (generation == m_fileGeneration)
                Q_EMIT fileDiffRead({path, CrateComparison::FileDiff::Outcome::Missing, {}, false});
        }, Qt::QueuedConnection);
        return;
    }
    auto *watcher = new QFutureWatcher<CrateComparison::FileDiff>(this);
    connect(watcher, &QFutureWatcher<CrateComparison::FileDiff>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation == m_fileGeneration) // nothing newer was asked for
            Q_EMIT fileDiffRead(watcher->result());
    });
    // The worker holds its own reference: a new comparison may replace m_archives meanwhile.
    watcher->setFuture(QtConcurrent::run([archives, path] { return CrateComparison::fileDiff(&archives->first, &archives->second, path); }));
}
