// SPDX-License-Identifier: GPL-3.0-or-later
#include "closureresolver.h"

#include "cargotypes/featurevalue.h"

#include <QHash>
#include <QMap>
#include <QSet>

#include <algorithm>
#include <deque>
#include <vector>

using namespace Qt::Literals::StringLiterals;

using Problem = DependencyGraph::Problem;
using ProblemKind = DependencyGraph::Problem::Kind;

namespace {

// After this many re-selections a node may only move down. Requirements come and go as the
// versions that impose them change, and without a ratchet two crates whose versions constrain
// each other could trade places forever; cargo avoids that by backtracking, which we do not.
constexpr int FreeVersionChanges = 8;

QStringList sortedUnique(QStringList list)
{
    list.removeAll(QString());
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
    return list;
}

QStringList sortedList(const QSet<QString> &set)
{
    return sortedUnique(QStringList(set.cbegin(), set.cend()));
}

// What one edge asks of the node it points at.
struct Contribution
{
    QString from; // the dependent's key; empty for the root request
    QString req;
    VersionReq parsed;
    QStringList features; // sorted, so that equal requests compare equal
    bool defaultFeatures = true;

    friend bool operator==(const Contribution &, const Contribution &) = default;
};

struct EdgeState
{
    qsizetype depIndex = -1;  // into the selected entry's deps
    QString node;             // target key; empty when unresolved or not fetched yet
    std::optional<Problem> problem;
    Contribution contribution;
};

struct NodeState
{
    QString key;
    QString name;
    QString bucket;
    QMap<QString, Contribution> incoming; // by edge id; a QMap so that iteration is stable
    const IndexEntry *selected = nullptr;
    QStringList features; // sorted
    QList<EdgeState> edges;
    QStringList missingFeatures;
    bool conflict = false;
    int versionChanges = 0;
    bool queued = false;
};

// What the resolver needs of one crate's index file. Holds no pointer to the file itself,
// which may move, only to its entries, which do not (see Cache).
struct CrateVersions
{
    bool fetched = false;
    ClosureResolver::IndexFile::State state = ClosureResolver::IndexFile::State::Loaded;
    QString message;
    QList<const IndexEntry *> entries; // named exactly so, highest first
};

// Where a requirement leads: a node key, a problem, or nothing yet (index not fetched).
struct Target
{
    QString key;
    QString bucket;
    std::optional<Problem> problem;
};

struct Expansion
{
    QSet<QString> enabled;
    QSet<QString> depsOn; // optional dependencies turned on
    QHash<QString, QSet<QString>> depFeatures; // "x/f" and "x?/f": f asked of x
    QSet<QString> missing;
};

QString edgeId(const QString &nodeKey, qsizetype depIndex)
{
    return nodeKey + u'#' + QString::number(depIndex);
}

Problem makeProblem(ProblemKind kind, const QString &crate, const QString &req, const QString &from, const QString &message)
{
    Problem problem;
    problem.kind = kind;
    problem.crate = crate;
    problem.requirement = req;
    problem.requiredBy = from;
    problem.message = message;
    return problem;
}

} // namespace

// Facts derived from fetched index files. A file never changes once fetched, so these hold
// across runs; entries are referred to by address, which stays put while the owner keeps the
// file (the QList's buffer does not move when the list itself does).
class ClosureResolver::Cache
{
public:
    QHash<QString, CrateVersions> versions; // fetched files only
    QHash<QString, QList<const IndexEntry *>> buckets;
    QHash<QString, std::optional<VersionReq>> reqs;
    QHash<const IndexEntry *, QMap<QString, QStringList>> featureMaps;
};

std::shared_ptr<ClosureResolver::Cache> ClosureResolver::makeCache()
{
    return std::make_shared<Cache>();
}

ClosureResolver::IndexFile ClosureResolver::IndexFile::fromEntries(const QList<IndexEntry> &entries)
{
    IndexFile file;
    file.entries.reserve(entries.size());
    // Walk backwards so that the later of two identical versions is the one kept. `vers` has
    // one spelling per version (SemVer forbids leading zeros), so the text is the identity.
    QSet<QString> seen;
    seen.reserve(entries.size());
    for (qsizetype i = entries.size() - 1; i >= 0; --i) {
        const IndexEntry &entry = entries.at(i);
        const QString id = entry.name + u'\n' + entry.vers;
        if (seen.contains(id))
            continue;
        seen.insert(id);
        file.entries.append(entry);
    }
    std::stable_sort(file.entries.begin(), file.entries.end(),
                     [](const IndexEntry &lhs, const IndexEntry &rhs) { return lhs.version > rhs.version; });
    return file;
}

ClosureResolver::IndexFile ClosureResolver::IndexFile::failure(State state, const QString &message)
{
    IndexFile file;
    file.state = state;
    file.message = message;
    return file;
}

class ClosureResolver::Private
{
public:
    Root root;
    Lookup lookup;

    std::vector<std::unique_ptr<NodeState>> store; // stable addresses for the queue
    QHash<QString, NodeState *> nodes;
    std::shared_ptr<Cache> cache;
    QStringList missing;
    QSet<QString> missingSet;
    std::deque<NodeState *> queue;
    QString rootKey;
    std::optional<Problem> rootProblem;
    // Lower-cased crate name -> keys of the nodes with an edge waiting for its index file.
    QHash<QString, QSet<QString>> waiting;
    bool rootWaiting = false;
    bool unsettled = false;

    CrateVersions versionsOf(const QString &name);
    const QList<const IndexEntry *> &bucketOf(const QString &name, const QString &bucket);
    const std::optional<VersionReq> &parsedReq(const QString &text);
    const QMap<QString, QStringList> &featureMapOf(const IndexEntry *entry);

    Target resolve(const QString &package, const QString &reqText, const VersionReq &req, const QString &from);
    void startRoot();
    void drain();
    NodeState *nodeFor(const QString &key, const QString &name, const QString &bucket);
    void enqueue(NodeState *node);
    void process(NodeState *node);
    const IndexEntry *select(NodeState *node);
    Expansion expand(const NodeState *node, const IndexEntry *entry);
    void setEdges(NodeState *node, const QList<EdgeState> &edges);

    DependencyGraph graph() const;
};

CrateVersions ClosureResolver::Private::versionsOf(const QString &name)
{
    if (const auto it = cache->versions.constFind(name); it != cache->versions.cend())
        return *it;
    CrateVersions result;
    const IndexFile *file = lookup(name);
    if (!file) {
        if (!missingSet.contains(name)) {
            missingSet.insert(name);
            missing.append(name);
        }
        return result; // not cached: a later run will have the file
    }
    result.fetched = true;
    result.state = file->state;
    result.message = file->message;
    // One file holds every case variant; cargo only takes lines spelled exactly as asked.
    for (const IndexEntry &entry : file->entries) {
        if (entry.name == name)
            result.entries.append(&entry);
    }
    cache->versions.insert(name, result);
    return result;
}

const QList<const IndexEntry *> &ClosureResolver::Private::bucketOf(const QString &name, const QString &bucket)
{
    const QString key = name + u'@' + bucket;
    if (const auto it = cache->buckets.constFind(key); it != cache->buckets.cend())
        return *it;
    QList<const IndexEntry *> candidates;
    for (const IndexEntry *entry : versionsOf(name).entries) {
        if (entry->isCandidate() && DependencyGraph::compatibilityOf(entry->version) == bucket)
            candidates.append(entry);
    }
    return *cache->buckets.insert(key, candidates);
}

const std::optional<VersionReq> &ClosureResolver::Private::parsedReq(const QString &text)
{
    if (const auto it = cache->reqs.constFind(text); it != cache->reqs.cend())
        return *it;
    return *cache->reqs.insert(text, VersionReq::parse(text));
}

const QMap<QString, QStringList> &ClosureResolver::Private::featureMapOf(const IndexEntry *entry)
{
    if (const auto it = cache->featureMaps.constFind(entry); it != cache->featureMaps.cend())
        return *it;
    return *cache->featureMaps.insert(entry, entry->featuresWithImplicit());
}

Target ClosureResolver::Private::resolve(const QString &package, const QString &reqText, const VersionReq &req, const QString &from)
{
    Target target;
    const CrateVersions crate = versionsOf(package);
    if (!crate.fetched) {
        if (from.isEmpty())
            rootWaiting = true;
        else
            waiting[package.toLower()].insert(from);
        return target;
    }
    if (crate.state == IndexFile::State::NotFound) {
        target.problem = makeProblem(ProblemKind::UnknownCrate, package, reqText, from,
                                     ClosureResolver::tr("The feed has no crate named `%1`.").arg(package));
        return target;
    }
    if (crate.state == IndexFile::State::Failed) {
        target.problem = makeProblem(ProblemKind::FetchFailed, package, reqText, from,
                                     ClosureResolver::tr("The index of `%1` could not be fetched: %2").arg(package, crate.message));
        return target;
    }
    if (crate.entries.isEmpty()) {
        target.problem = makeProblem(ProblemKind::UnknownCrate, package, reqText, from,
                                     ClosureResolver::tr("The index file of `%1` lists no version under exactly that name.").arg(package));
        return target;
    }
    int yanked = 0;
    int unusable = 0;
    for (const IndexEntry *entry : crate.entries) {
        if (!req.matches(entry->version))
            continue;
        if (entry->isCandidate()) {
            target.bucket = DependencyGraph::compatibilityOf(entry->version);
            target.key = package + u'@' + target.bucket;
            return target;
        }
        ++(entry->yanked ? yanked : unusable);
    }
    QString message;
    if (yanked > 0 && unusable == 0)
        message = ClosureResolver::tr("No version of `%1` matches `%2`. Only yanked versions do, and cargo never picks those without a lock file.")
                      .arg(package, reqText);
    else if (yanked + unusable > 0)
        message = ClosureResolver::tr("No version of `%1` matches `%2`. The versions that do are yanked, invalid or need a newer cargo.")
                      .arg(package, reqText);
    else
        message = ClosureResolver::tr("No version of `%1` matches `%2`.").arg(package, reqText);
    target.problem = makeProblem(ProblemKind::NoMatchingVersion, package, reqText, from, message);
    return target;
}

NodeState *ClosureResolver::Private::nodeFor(const QString &key, const QString &name, const QString &bucket)
{
    if (NodeState *node = nodes.value(key))
        return node;
    auto node = std::make_unique<NodeState>();
    node->key = key;
    node->name = name;
    node->bucket = bucket;
    NodeState *raw = node.get();
    store.push_back(std::move(node));
    nodes.insert(key, raw);
    return raw;
}

void ClosureResolver::Private::enqueue(NodeState *node)
{
    if (node->queued)
        return;
    node->queued = true;
    queue.push_back(node);
}

const IndexEntry *ClosureResolver::Private::select(NodeState *node)
{
    const bool ratchet = node->versionChanges >= FreeVersionChanges && node->selected;
    const IndexEntry *best = nullptr;
    qsizetype bestCount = -1;
    for (const IndexEntry *entry : bucketOf(node->name, node->bucket)) {
        if (ratchet && entry->version > node->selected->version)
            continue;
        qsizetype count = 0;
        for (const Contribution &contribution : std::as_const(node->incoming))
            count += contribution.parsed.matches(entry->version) ? 1 : 0;
        if (count == node->incoming.size()) {
            node->conflict = false;
            return entry;
        }
        // Candidates come highest first, so ties keep the higher version.
        if (count > bestCount) {
            best = entry;
            bestCount = count;
        }
    }
    node->conflict = true;
    return best;
}

Expansion ClosureResolver::Private::expand(const NodeState *node, const IndexEntry *entry)
{
    const QMap<QString, QStringList> &features = featureMapOf(entry);
    QSet<QString> optionalDeps;
    for (const IndexDependency &dep : entry->deps) {
        if (dep.optional)
            optionalDeps.insert(dep.name);
    }

    Expansion result;
    QList<QString> work;
    bool defaults = false;
    for (const Contribution &contribution : node->incoming) {
        work.append(contribution.features);
        defaults = defaults || contribution.defaultFeatures;
    }
    if (defaults && features.contains(u"default"_s))
        work.append(u"default"_s);

    // A set is being closed, so the order values are taken in does not matter.
    while (!work.isEmpty()) {
        const QString text = work.takeLast();
        if (text.isEmpty())
            continue;
        const FeatureValue value = FeatureValue::parse(text);
        switch (value.type) {
        case FeatureValue::Type::Feature:
            if (!features.contains(value.name))
                result.missing.insert(value.name);
            else if (!result.enabled.contains(value.name)) {
                result.enabled.insert(value.name);
                work.append(features.value(value.name));
            }
            break;
        case FeatureValue::Type::Dep:
            result.depsOn.insert(value.name);
            break;
        case FeatureValue::Type::DepFeature:
            result.depFeatures[value.name].insert(value.depFeature);
            // "x/f" turns x on, and with it x's implicit feature when there is one: cargo
            // keeps that for manifests written before "dep:" existed. "x?/f" turns x on too
            // in the resolver that writes Cargo.lock (only the feature pass of a build leaves
            // it off), so cargo needs x's index file and the feed must serve it.
            if (optionalDeps.contains(value.name)) {
                result.depsOn.insert(value.name);
                if (!value.weak && features.contains(value.name))
                    work.append(value.name);
            }
            break;
        }
    }
    return result;
}

void ClosureResolver::Private::process(NodeState *node)
{
    node->queued = false;
    if (node->incoming.isEmpty()) {
        // Nothing depends on this node any more: take back what it asked of others.
        setEdges(node, {});
        node->selected = nullptr;
        node->features.clear();
        node->missingFeatures.clear();
        node->conflict = false;
        return;
    }
    const IndexEntry *chosen = select(node);
    if (chosen != node->selected) {
        if (node->selected)
            ++node->versionChanges;
        node->selected = chosen;
    }
    if (!chosen) {
        setEdges(node, {});
        return;
    }

    const Expansion expansion = expand(node, chosen);
    node->features = sortedList(expansion.enabled);
    node->missingFeatures = sortedList(expansion.missing);

    QList<EdgeState> edges;
    for (qsizetype i = 0; i < chosen->deps.size(); ++i) {
        const IndexDependency &dep = chosen->deps.at(i);
        if (dep.kind == IndexDependency::Kind::Dev)
            continue;
        if (dep.optional && !expansion.depsOn.contains(dep.name))
            continue;
        EdgeState edge;
        edge.depIndex = i;
        QSet<QString> features(dep.features.cbegin(), dep.features.cend());
        features.unite(expansion.depFeatures.value(dep.name));
        const std::optional<VersionReq> &req = parsedReq(dep.req);
        edge.contribution = {node->key, dep.req, req.value_or(VersionReq()), sortedList(features), dep.defaultFeatures};
        if (dep.registry) {
            edge.problem = makeProblem(ProblemKind::OtherRegistry, dep.packageName(), dep.req, node->key,
                                       ClosureResolver::tr("`%1` comes from another registry (%2) and is not followed.").arg(dep.packageName(), *dep.registry));
        } else if (req) { // always, for a valid entry: the parser checked every req
            const Target target = resolve(dep.packageName(), dep.req, *req, node->key);
            edge.problem = target.problem;
            if (!target.key.isEmpty()) {
                nodeFor(target.key, dep.packageName(), target.bucket);
                edge.node = target.key;
            }
        }
        edges.append(edge);
    }
    setEdges(node, edges);
}

void ClosureResolver::Private::setEdges(NodeState *node, const QList<EdgeState> &edges)
{
    QHash<QString, const EdgeState *> current;
    for (const EdgeState &edge : edges) {
        if (!edge.node.isEmpty())
            current.insert(edgeId(node->key, edge.depIndex), &edge);
    }
    for (const EdgeState &old : std::as_const(node->edges)) {
        if (old.node.isEmpty())
            continue;
        const QString id = edgeId(node->key, old.depIndex);
        const EdgeState *replacement = current.value(id);
        if (!replacement || replacement->node != old.node) {
            NodeState *child = nodes.value(old.node);
            child->incoming.remove(id);
            enqueue(child);
        }
    }
    for (const EdgeState &edge : edges) {
        if (edge.node.isEmpty())
            continue;
        NodeState *child = nodes.value(edge.node);
        const QString id = edgeId(node->key, edge.depIndex);
        const auto it = child->incoming.constFind(id);
        if (it == child->incoming.cend() || *it != edge.contribution) {
            child->incoming.insert(id, edge.contribution);
            enqueue(child);
        }
    }
    node->edges = edges;
}

DependencyGraph ClosureResolver::Private::graph() const
{
    DependencyGraph graph;
    if (rootProblem)
        graph.problems.append(*rootProblem);
    if (rootKey.isEmpty() || !nodes.value(rootKey) || !nodes.value(rootKey)->selected)
        return graph;
    graph.root = rootKey;

    // Reachability from the root over current edges only: nodes left behind by a version
    // change, or kept alive by a cycle among themselves, are not part of the closure.
    auto reach = [&](bool unconditionalOnly) {
        QSet<QString> seen{rootKey};
        QList<QString> pending{rootKey};
        while (!pending.isEmpty()) {
            const NodeState *node = nodes.value(pending.takeLast());
            for (const EdgeState &edge : node->edges) {
                if (edge.node.isEmpty() || seen.contains(edge.node) || !nodes.value(edge.node)->selected)
                    continue;
                if (unconditionalOnly && node->selected->deps.at(edge.depIndex).target)
                    continue;
                seen.insert(edge.node);
                pending.append(edge.node);
            }
        }
        return seen;
    };
    const QSet<QString> reachable = reach(false);
    const QSet<QString> everywhere = reach(true);

    QList<const NodeState *> ordered;
    for (const QString &key : reachable)
        ordered.append(nodes.value(key));
    std::sort(ordered.begin(), ordered.end(), [](const NodeState *lhs, const NodeState *rhs) {
        if (lhs->name != rhs->name)
            return lhs->name < rhs->name;
        return lhs->selected->version < rhs->selected->version;
    });

    for (const NodeState *state : std::as_const(ordered)) {
        DependencyGraph::Node node;
        node.key = state->key;
        node.name = state->name;
        node.version = state->selected->version;
        node.compatibility = state->bucket;
        node.features = state->features;
        node.isRoot = state->key == rootKey;
        node.platformSpecific = !everywhere.contains(state->key);
        QStringList requirements;
        for (const Contribution &contribution : state->incoming)
            requirements.append(contribution.req);
        node.requirements = sortedUnique(requirements);

        for (const EdgeState &edgeState : state->edges) {
            const IndexDependency &dep = state->selected->deps.at(edgeState.depIndex);
            DependencyGraph::Edge edge;
            edge.name = dep.name;
            edge.package = dep.packageName();
            edge.req = dep.req;
            edge.kind = dep.kind;
            edge.target = dep.target;
            edge.optional = dep.optional;
            edge.defaultFeatures = dep.defaultFeatures;
            edge.features = edgeState.contribution.features;
            edge.registry = dep.registry;
            edge.node = edgeState.node;
            node.dependencies.append(edge);
            if (edgeState.problem)
                graph.problems.append(*edgeState.problem);
        }

        if (state->conflict) {
            QStringList asked;
            for (const Contribution &contribution : state->incoming)
                asked.append(contribution.from.isEmpty()
                                 ? contribution.req
                                 : ClosureResolver::tr("%1 (from %2)", "a version requirement (from the crate version that asks for it)")
                                       .arg(contribution.req, contribution.from));
            asked = sortedUnique(asked);
            graph.problems.append(makeProblem(ProblemKind::ConflictingRequirements, state->name, node.requirements.join(u", "_s), QString(),
                                              ClosureResolver::tr("No version of `%1` in the %2 range meets all of %3; showing %4.").arg(
                                                  state->name, state->bucket, asked.join(u", "_s), node.version.toString())));
        }
        for (const QString &feature : state->missingFeatures) {
            graph.problems.append(makeProblem(ProblemKind::MissingFeature, state->name, QString(), QString(),
                                              ClosureResolver::tr("`%1` %2 has no feature `%3`.").arg(state->name, node.version.toString(), feature)));
        }
        graph.nodes.append(node);
    }
    if (unsettled) {
        graph.problems.append(makeProblem(ProblemKind::Unsettled, nodes.value(rootKey)->name, QString(), QString(),
                                          ClosureResolver::tr("The requirements kept changing each other's versions; the graph shown may not be what cargo picks.")));
    }
    return graph;
}

ClosureResolver::ClosureResolver(const Root &root, Lookup lookup, std::shared_ptr<Cache> cache)
    : d(std::make_unique<Private>())
{
    d->root = root;
    d->lookup = std::move(lookup);
    d->cache = cache ? std::move(cache) : makeCache();
}

ClosureResolver::~ClosureResolver() = default;

void ClosureResolver::Private::startRoot()
{
    const QString reqText = root.requirement.toString();
    const Target target = resolve(root.name, reqText, root.requirement, QString());
    rootProblem = target.problem;
    if (target.key.isEmpty())
        return;
    NodeState *node = nodeFor(target.key, root.name, target.bucket);
    rootKey = target.key;
    node->incoming.insert(u"#root"_s, {QString(), reqText, root.requirement, sortedUnique(root.features), root.defaultFeatures});
    enqueue(node);
}

void ClosureResolver::Private::drain()
{
    // Generous: a settling graph touches each node a handful of times.
    qsizetype steps = 0;
    while (!queue.empty()) {
        if (++steps > 10000 + 64 * qsizetype(store.size())) {
            unsettled = true;
            for (NodeState *node : queue)
                node->queued = false;
            queue.clear();
            break;
        }
        NodeState *node = queue.front();
        queue.pop_front();
        process(node);
    }
}

void ClosureResolver::run()
{
    d->startRoot();
    d->drain();
}

void ClosureResolver::resume(const QStringList &fetched)
{
    for (const QString &name : fetched) {
        const QString key = name.toLower();
        // Every spelling that maps to this file has arrived with it.
        for (qsizetype i = d->missing.size() - 1; i >= 0; --i) {
            if (d->missing.at(i).toLower() == key) {
                d->missingSet.remove(d->missing.at(i));
                d->missing.removeAt(i);
            }
        }
        if (d->rootWaiting && d->root.name.toLower() == key) {
            d->rootWaiting = false;
            d->startRoot();
        }
        const QSet<QString> keys = d->waiting.take(key);
        QStringList ordered(keys.cbegin(), keys.cend());
        std::sort(ordered.begin(), ordered.end()); // QSet order varies from run to run
        for (const QString &nodeKey : std::as_const(ordered)) {
            if (NodeState *node = d->nodes.value(nodeKey))
                d->enqueue(node);
        }
    }
    d->drain();
}

DependencyGraph ClosureResolver::graph() const
{
    return d->graph();
}

QStringList ClosureResolver::missing() const
{
    return d->missing;
}
