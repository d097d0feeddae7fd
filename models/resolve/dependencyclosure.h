// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "closureresolver.h"
#include "dependencygraph.h"
#include "cargotypes/versionreq.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

class IndexSource;

// Works out, in the background, every crate a root crate pulls in (see ClosureResolver for
// the rules) by fetching index files from an IndexSource as they are discovered: each file
// is requested once, as soon as some edge reaches it, so fetches overlap. Each batch of
// answers updates the resolver where something waited for them, which issues the next
// requests. When nothing is outstanding the closure is worked out once more from scratch,
// so that the final graph never depends on the order the feed answered in.
//
// Problems (unknown crates, failed fetches, unmet requirements) never stop the walk: the
// graph holds everything that did resolve.
class DependencyClosure : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DependencyClosure)

public:
    // The source must outlive the closure's runs; several closures may share it.
    explicit DependencyClosure(IndexSource *source, QObject *parent = nullptr);
    ~DependencyClosure() override;

    // Starts over for a new root. A run in progress is superseded without finished(): its
    // answers still in flight are used only where the new run asked for the same files.
    void start(const QString &crateName, const VersionReq &requirement, const QStringList &features = {},
               bool defaultFeatures = true);
    // Starts over for a root the feed does not hold (a workspace, see WorkspaceRoot): its
    // entry stands in for an index file; what it depends on is fetched as usual.
    void start(const IndexEntry &localRoot);
    // Stops issuing requests and emits finished() at once with isCancelled() true; answers
    // that arrive later are ignored. Does nothing unless running.
    void cancel();

    bool isRunning() const { return m_running; }
    bool isCancelled() const { return m_cancelled; }

    // Final after finished(); while running, the graph as of the last answer.
    DependencyGraph graph() const;
    // Crate names requested in this run, in request order.
    QStringList requestedCrates() const { return m_requestOrder; }

Q_SIGNALS:
    // resolved: index files answered (loaded or failed) in this run; pending: still awaited.
    void progress(int resolved, int pending);
    void finished();

private:
    struct Slot
    {
        bool answered = false;
        ClosureResolver::IndexFile file;
    };

    void begin(const ClosureResolver::Root &root, const std::optional<IndexEntry> &localRoot);
    void onIndexLoaded(const QString &crateName, const QList<IndexEntry> &entries);
    void onIndexFailed(const QString &crateName, const QString &message, bool notFound);
    Slot *awaited(const QString &crateName);
    void answered(const QString &crateName);
    void scheduleResolve();
    void resolve();
    bool requestMissing(const QStringList &crateNames);
    ClosureResolver::Lookup lookup() const;

    QPointer<IndexSource> m_source;
    ClosureResolver::Root m_root;
    QHash<QString, Slot> m_files; // by lower-cased name: the index file, as cargo looks it up
    // Declared after m_files, which they point into, so that they go first.
    std::shared_ptr<ClosureResolver::Cache> m_cache;
    std::unique_ptr<ClosureResolver> m_resolver; // this run's view, updated as files arrive
    QStringList m_arrived;                        // answered since the last pass
    QStringList m_requestOrder;
    DependencyGraph m_graph;
    int m_answered = 0;
    int m_pending = 0;
    bool m_running = false;
    bool m_cancelled = false;
    bool m_resolveQueued = false;
};
