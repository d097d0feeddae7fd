// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cargotypes/crateversiondiff.h"
#include "cargotypes/indexentry.h"
#include "cargotypes/registryerror.h"
#include "crate/cratearchive.h"
#include "crate/cratecomparison.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <memory>

class RegistryClient;
class RegistryReply;

// Compares two versions of one crate as a feed serves them, for Crate > Compare Versions… and
// `cratedesk diff`: reads the crate's index file, downloads both .crate files (kept only when
// their sha256 matches the index, in the cache the browser uses, by checksum), opens and
// compares them on a worker thread, and hands over a CrateVersionDiff. The text diff of one
// file is read on demand, also off the calling thread. Cancellable; a newer start() or
// readFileDiff() supersedes an older one.
class VersionComparison final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VersionComparison)

public:
    explicit VersionComparison(const QString &cacheDir, QObject *parent = nullptr);
    ~VersionComparison() override;

    // `from` and `to` as the index writes them (or equal to one under SemVer); finished() or
    // failed() follows, once.
    void start(RegistryClient *client, const QString &crate, const QString &from, const QString &to);
    void cancel();
    bool isRunning() const { return m_running; }
    const CrateVersionDiff &result() const { return m_result; }

    // The text diff of one file of the last result; fileDiffRead() follows unless another file
    // (or another comparison) was asked for meanwhile.
    void readFileDiff(const QString &path);

Q_SIGNALS:
    // A comparison began; finished(), failed() or cancelled() ends it, or a newer started().
    void started(const QString &from, const QString &to);
    void progress(qint64 done, qint64 total); // bytes of the two downloads
    void finished();
    void failed(const RegistryError &error);
    void fileDiffRead(const CrateComparison::FileDiff &diff);
    // cancel() stopped a running comparison.
    void cancelled();

private:
    struct Side
    {
        IndexEntry entry;
        QString path;
        qint64 done = 0;
        qint64 total = 0;
    };

    void indexRead(RegistryReply *reply, const QString &from, const QString &to);
    void fetch(qsizetype side);
    void compareWhenBothArrived();
    void stop(); // ends the running comparison without a signal
    void fail(const RegistryError &error);
    void reportProgress();

    QString m_cacheDir;
    QPointer<RegistryClient> m_client;
    QString m_crate;
    QList<QPointer<RegistryReply>> m_replies;
    Side m_sides[2];
    int m_waiting = 0;
    bool m_running = false;
    quint64 m_generation = 0;
    quint64 m_fileGeneration = 0;
    CrateVersionDiff m_result;
    // Shared with the worker reading a file diff: the comparison that made the result.
    std::shared_ptr<const std::pair<CrateArchive, CrateArchive>> m_archives;
};
