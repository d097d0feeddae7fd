// SPDX-License-Identifier: GPL-3.0-or-later
#include "dependencyclosure.h"

#include "indexsource.h"

#include <utility>

using namespace Qt::Literals::StringLiterals;

DependencyClosure::DependencyClosure(IndexSource *source, QObject *parent)
    : QObject(parent)
    , m_source(source)
{
    connect(source, &IndexSource::indexLoaded, this, &DependencyClosure::onIndexLoaded);
    connect(source, &IndexSource::indexFailed, this, &DependencyClosure::onIndexFailed);
}

DependencyClosure::~DependencyClosure() = default;

void DependencyClosure::start(const QString &crateName, const VersionReq &requirement, const QStringList &features,
                              bool defaultFeatures)
{
    begin({crateName, requirement, features, defaultFeatures}, std::nullopt);
}

void DependencyClosure::start(const IndexEntry &localRoot)
{
    // The entry is the only one under its name, so should its version not parse, "*" still
    // picks it (short of a pre-release); never an unchecked dereference.
    begin({localRoot.name, VersionReq::parse(QString(u"="_s + localRoot.vers)).value_or(VersionReq()), {}, true}, localRoot);
}

void DependencyClosure::begin(const ClosureResolver::Root &root, const std::optional<IndexEntry> &localRoot)
{
    m_root = root;
    // In this order: the resolver and the cache point into the files.
    m_resolver.reset();
    m_cache = ClosureResolver::makeCache();
    m_files.clear();
    m_arrived.clear();
    m_requestOrder.clear();
    m_graph = {};
    m_answered = 0;
    m_pending = 0;
    m_running = true;
    m_cancelled = false;
    if (localRoot)
        m_files.insert(localRoot->name.toLower(), Slot{true, ClosureResolver::IndexFile::fromEntries({*localRoot})});
    // Run at once: the first pass requests the root, and finished() cannot follow from here
    // because that request is still outstanding (or its answer has queued another pass).
    resolve();
}

void DependencyClosure::cancel()
{
    if (!m_running)
        return;
    m_running = false;
    m_cancelled = true;
    if (m_resolver)
        m_graph = m_resolver->graph();
    m_resolver.reset();
    Q_EMIT finished();
}

DependencyGraph DependencyClosure::graph() const
{
    return m_running && m_resolver ? m_resolver->graph() : m_graph;
}

DependencyClosure::Slot *DependencyClosure::awaited(const QString &crateName)
{
    if (!m_running)
        return nullptr;
    const auto it = m_files.find(crateName.toLower());
    if (it == m_files.end() || it->answered)
        return nullptr; // not ours: another closure's request, or a superseded run's duplicate
    return &*it;
}

void DependencyClosure::onIndexLoaded(const QString &crateName, const QList<IndexEntry> &entries)
{
    if (Slot *slot = awaited(crateName)) {
        slot->answered = true;
        slot->file = ClosureResolver::IndexFile::fromEntries(entries);
        answered(crateName);
    }
}

void DependencyClosure::onIndexFailed(const QString &crateName, const QString &message, bool notFound)
{
    if (Slot *slot = awaited(crateName)) {
        slot->answered = true;
        slot->file = ClosureResolver::IndexFile::failure(
            notFound ? ClosureResolver::IndexFile::State::NotFound : ClosureResolver::IndexFile::State::Failed, message);
        answered(crateName);
    }
}

void DependencyClosure::answered(const QString &crateName)
{
    ++m_answered;
    --m_pending;
    m_arrived.append(crateName);
    scheduleResolve();
}

void DependencyClosure::scheduleResolve()
{
    // Queued, so that answers arriving together share one pass, and so that a source
    // answering from inside requestIndex() does not re-enter resolve().
    if (m_resolveQueued)
        return;
    m_resolveQueued = true;
    QMetaObject::invokeMethod(this, &DependencyClosure::resolve, Qt::QueuedConnection);
}

ClosureResolver::Lookup DependencyClosure::lookup() const
{
    return [this](const QString &crateName) -> const ClosureResolver::IndexFile * {
        const auto it = m_files.constFind(crateName.toLower());
        return it != m_files.cend() && it->answered ? &it->file : nullptr;
    };
}

bool DependencyClosure::requestMissing(const QStringList &crateNames)
{
    bool requested = false;
    for (const QString &crateName : crateNames) {
        const QString key = crateName.toLower();
        if (m_files.contains(key))
            continue;
        m_files.insert(key, Slot());
        m_requestOrder.append(crateName);
        ++m_pending;
        requested = true;
        if (m_source)
            m_source->requestIndex(crateName);
        else
            onIndexFailed(crateName, tr("the index source is gone"), false);
        if (!m_running)
            break; // cancelled by a slot the request triggered
    }
    return requested;
}

void DependencyClosure::resolve()
{
    m_resolveQueued = false;
    if (!m_running)
        return;

    if (!m_resolver) {
        m_resolver = std::make_unique<ClosureResolver>(m_root, lookup(), m_cache);
        m_resolver->run();
    } else {
        m_resolver->resume(std::exchange(m_arrived, {}));
    }
    bool requested = requestMissing(m_resolver->missing());
    if (!m_running)
        return;

    if (!requested && m_pending == 0) {
        // Everything reached is in. The incremental view depends on the order files came
        // in; a run from scratch over the same files does not. Should it reach a crate the
        // incremental view never did, fetch that and come back here.
        ClosureResolver final(m_root, lookup(), m_cache);
        final.run();
        requested = requestMissing(final.missing());
        if (!m_running)
            return;
        if (!requested) {
            m_graph = final.graph();
            m_resolver.reset();
            m_running = false;
            Q_EMIT progress(m_answered, m_pending);
            Q_EMIT finished();
            return;
        }
    }
    Q_EMIT progress(m_answered, m_pending);
}
