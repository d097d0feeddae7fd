// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dependencygraph.h"
#include "cargotypes/indexentry.h"
#include "cargotypes/versionreq.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

// The synchronous heart of DependencyClosure: given the index files fetched so far, works out
// the closure from scratch and says which index files it still lacks. Being a pure function
// of what was fetched (never of the order it arrived in), it gives the same graph however a
// feed interleaves its answers, and it can be tested without any event loop.
//
// What it picks follows cargo without a lock file: for each requirement the highest
// non-yanked, valid, understood version; one node per semver-compatible range of a crate,
// holding the highest version that every requirement on that range accepts; normal and build
// dependencies, never dev; optional dependencies only when a feature enables them, "x?/f"
// included, as in the Cargo.lock cargo writes; features unified per node. It does not backtrack as cargo's resolver would: a conflict is reported
// and the version meeting most requirements kept, so the rest of the graph still shows.
class ClosureResolver
{
    Q_DECLARE_TR_FUNCTIONS(ClosureResolver)

public:
    struct Root
    {
        QString name;
        VersionReq requirement;
        QStringList features;
        bool defaultFeatures = true;
    };

    // One crate's index file as fetched.
    struct IndexFile
    {
        enum class State { Loaded, NotFound, Failed };

        State state = State::Loaded;
        QString message;           // why, when not Loaded
        QList<IndexEntry> entries; // highest precedence first; see fromEntries()

        // Sorted for the resolver. Exact duplicates keep the later line, as cargo's map does.
        static IndexFile fromEntries(const QList<IndexEntry> &entries);
        static IndexFile failure(State state, const QString &message);
    };

    // The index file for a crate name (any case), or nullptr while it has not arrived.
    using Lookup = std::function<const IndexFile *(const QString &crateName)>;

    // What the resolver works out from index files alone (sorted candidates per
    // compatibility range, parsed requirements, implicit features). A caller that runs the
    // resolver again and again over a growing set of files shares one, and must keep every
    // file it handed out unchanged and alive for as long as the cache is used.
    class Cache;
    static std::shared_ptr<Cache> makeCache();

    ClosureResolver(const Root &root, Lookup lookup, std::shared_ptr<Cache> cache = {});
    ~ClosureResolver();
    Q_DISABLE_COPY_MOVE(ClosureResolver)

    // Works the closure out from the root with the files Lookup has now.
    void run();
    // Carries on after run() once the index files of `fetched` crates have arrived, updating
    // only what waited for them. Cheaper than a new run, but the outcome may depend on the
    // order files arrived in; a caller wanting the deterministic answer does a final run().
    void resume(const QStringList &fetched);

    DependencyGraph graph() const;
    // Crates the closure reached whose index files Lookup did not have (yet), in discovery
    // order.
    QStringList missing() const;

private:
    class Private;
    std::unique_ptr<Private> d;
};
