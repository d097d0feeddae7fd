// SPDX-License-Identifier: GPL-3.0-or-later
#include "publishqueue.h"

#include "cargotypes/cratename.h"
#include "registry/registryclient.h"

#include <QHash>

using namespace Qt::Literals::StringLiterals;

using Stage = CratePublisher::Stage;

PublishQueue::PublishQueue(RegistryClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
}

PublishQueue::~PublishQueue()
{
    if (m_current) {
        m_current->disconnect(this);
        m_current->cancel();
    }
}

QList<int> PublishQueue::publishOrder(const QList<PublishCandidate> &candidates)
{
    // Which batch entries each crate needs, by canonical name ("foo_bar" is "foo-bar").
    QHash<QString, QList<int>> byName;
    for (int i = 0; i < candidates.size(); ++i)
        byName[CrateName::canonical(candidates[i].name())].append(i);

    QList<QList<int>> needs(candidates.size());
    for (int i = 0; i < candidates.size(); ++i) {
        if (!candidates[i].metadata)
            continue;
        for (const PublishMetadata::Dependency &dep : candidates[i].metadata->deps) {
            if (dep.kind == u"dev"_s || dep.registry) // another registry's crate is not ours to order
                continue;
            for (int j : byName.value(CrateName::canonical(dep.name))) {
                if (j != i)
                    needs[i].append(j);
            }
        }
    }

    // Depth-first, visiting in input order, so independent crates keep their order. A cycle
    // (impossible among normal and build dependencies in cargo) is broken where it is met.
    QList<int> order;
    QList<int> state(candidates.size(), 0); // 0 new, 1 visiting, 2 placed
    std::function<void(int)> visit = [&](int i) {
        if (state[i] != 0)
            return;
        state[i] = 1;
        for (int j : std::as_const(needs[i]))
            visit(j);
        state[i] = 2;
        order.append(i);
    };
    for (int i = 0; i < candidates.size(); ++i)
        visit(i);
    return order;
}

void PublishQueue::setCandidates(const QList<PublishCandidate> &candidates)
{
    if (m_running)
        return;
    m_items.clear();
    for (int i : publishOrder(candidates)) {
        PublishItem item;
        item.candidate = candidates[i];
        m_items.append(item);
    }
}

void PublishQueue::start()
{
    if (m_running || !m_lost.isEmpty())
        return;
    m_running = true;
    next();
}

void PublishQueue::cancel()
{
    for (int row = 0; row < m_items.size(); ++row) {
        if (m_items[row].stage == Stage::Waiting && row != m_currentRow) {
            m_items[row].stage = Stage::Cancelled;
            m_items[row].error = RegistryError::make(RegistryError::Kind::Cancelled, tr("cancelled"));
            Q_EMIT itemChanged(row);
        }
    }
    if (m_current)
        m_current->cancel();
}

void PublishQueue::abandon(const QString &reason)
{
    m_lost = reason;
    for (int row = 0; row < m_items.size(); ++row) {
        if (m_items[row].stage == Stage::Waiting && row != m_currentRow) {
            m_items[row].stage = Stage::Cancelled;
            m_items[row].error = RegistryError::make(RegistryError::Kind::Cancelled, reason);
            Q_EMIT itemChanged(row);
        }
    }
    if (m_current)
        m_current->abandon(reason);
}

void PublishQueue::cancelItem(int row)
{
    if (row < 0 || row >= m_items.size())
        return;
    if (row == m_currentRow && m_current)
        return m_current->cancel();
    if (m_items[row].stage == Stage::Waiting) {
        m_items[row].stage = Stage::Cancelled;
        m_items[row].error = RegistryError::make(RegistryError::Kind::Cancelled, tr("cancelled"));
        Q_EMIT itemChanged(row);
    }
}

void PublishQueue::retry(int row)
{
    if (row < 0 || row >= m_items.size())
        return;
    PublishItem &item = m_items[row];
    if (!m_lost.isEmpty() || (item.stage != Stage::Failed && item.stage != Stage::Cancelled))
        return;
    item.stage = Stage::Waiting;
    item.error = {};
    item.sent = item.total = 0;
    Q_EMIT itemChanged(row);
    start();
}

void PublishQueue::next()
{
    m_current = nullptr;
    m_currentRow = -1;
    for (int row = 0; row < m_items.size(); ++row) {
        if (m_items[row].stage != Stage::Waiting || !m_lost.isEmpty())
            continue;
        m_currentRow = row;
        auto *publisher = new CratePublisher(m_client, m_items[row].candidate, this);
        publisher->setRoute(m_route);
        publisher->setVisibilityTimeout(m_visibilityTimeoutMs);
        publisher->setPollInterval(m_pollIntervalMs);
        m_current = publisher;
        connect(publisher, &CratePublisher::uploadProgress, this, [this, row](qint64 sent, qint64 total) {
            m_items[row].sent = sent;
            m_items[row].total = total;
            Q_EMIT itemChanged(row);
        });
        connect(publisher, &CratePublisher::stageChanged, this, [this, row, publisher] { update(row, publisher); });
        connect(publisher, &CratePublisher::finished, this, [this, publisher] {
            publisher->deleteLater();
            // Let the current signal emission finish before the next item starts.
            QMetaObject::invokeMethod(this, &PublishQueue::next, Qt::QueuedConnection);
        });
        publisher->start();
        return;
    }
    m_running = false;
    Q_EMIT finished();
}

void PublishQueue::update(int row, const CratePublisher *publisher)
{
    PublishItem &item = m_items[row];
    item.stage = publisher->stage();
    item.error = publisher->error();
    item.warnings = publisher->warnings();
    if (item.stage == Stage::WaitingForIndex)
        item.sent = item.total = qMax(item.total, qint64(item.candidate.archive ? item.candidate.archive->crateBytes().size() : 0));
    Q_EMIT itemChanged(row);
}
