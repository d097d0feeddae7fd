// SPDX-License-Identifier: GPL-3.0-or-later
#include "dependencyclosure.h"

#include "indexsource.h"

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
    m_root = {crateName, requirement, features, defaultFeatures};
    m_cache = ClosureResolver::makeCache(); // before the files it points into go
    m_files.clear();
    m_requestOrder.clear();
    m_graph = {};
    m_answered = 0;
    m_pending = 0;
    m_running = true;
    m_cancelled = false;
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
    Q_EMIT finished();
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
        answered();
    }
}

void DependencyClosure::onIndexFailed(const QString &crateName, const QString &message, bool notFound)
{
    if (Slot *slot = awaited(crateName)) {
        slot->answered = true;
        slot->file = ClosureResolver::IndexFile::failure(
            notFound ? ClosureResolver::IndexFile::State::NotFound : ClosureResolver::IndexFile::State::Failed, message);
        answered();
    }
}

void DependencyClosure::answered()
{
    ++m_answered;
    --m_pending;
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

void DependencyClosure::resolve()
{
    m_resolveQueued = false;
    if (!m_running)
        return;

    ClosureResolver resolver(m_root, [this](const QString &crateName) -> const ClosureResolver::IndexFile * {
        const auto it = m_files.constFind(crateName.toLower());
        return it != m_files.cend() && it->answered ? &it->file : nullptr;
    }, m_cache);
    resolver.run();
    m_graph = resolver.graph();

    bool requested = false;
    const QStringList missing = resolver.missing();
    for (const QString &crateName : missing) {
        const QString key = crateName.toLower();
        if (m_files.contains(key))
            continue;
        m_files.insert(key, Slot());
        m_requestOrder.append(crateName);
        ++m_pending;
        requested = true;
        if (m_source) {
            m_source->requestIndex(crateName);
        } else {
            onIndexFailed(crateName, u"the index source is gone"_s, false);
        }
        if (!m_running)
            return; // cancelled by a slot the request triggered
    }

    Q_EMIT progress(m_answered, m_pending);
    if (m_running && !requested && m_pending == 0) {
        m_running = false;
        Q_EMIT finished();
    }
}
