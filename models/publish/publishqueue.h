// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cratepublisher.h"

#include <QList>
#include <QObject>
#include <QPointer>

class RegistryClient;

// The state of one crate in a batch: a value the views copy.
struct PublishItem
{
    PublishCandidate candidate;
    CratePublisher::Stage stage = CratePublisher::Stage::Waiting;
    qint64 sent = 0;
    qint64 total = 0;
    RegistryError error;
    QStringList warnings;
};

// Publishes a batch one crate at a time, dependencies first: a crate whose dependency is in
// the same batch waits until that one is visible in the index, as `cargo publish --workspace`
// does. A failure does not stop the batch; every item reports its own outcome.
class PublishQueue final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PublishQueue)

public:
    explicit PublishQueue(RegistryClient *client, QObject *parent = nullptr);
    ~PublishQueue() override;

    void setRoute(CratePublisher::Route route) { m_route = route; }
    void setVisibilityTimeout(int ms) { m_visibilityTimeoutMs = ms; }
    void setPollInterval(int ms) { m_pollIntervalMs = ms; }

    // Replaces the batch, in publishing order. Only while idle.
    void setCandidates(const QList<PublishCandidate> &candidates);
    const QList<PublishItem> &items() const { return m_items; }
    bool isRunning() const { return m_running; }

    void start();
    void cancel();           // the running item and everything still waiting
    void cancelItem(int row);
    void retry(int row);
    // The feed went away: the running item and everything waiting end, cancelled with `reason`,
    // and nothing starts again.
    void abandon(const QString &reason);     // a failed or cancelled item goes again (starting the queue if idle)

    // Indexes of `candidates` in an order where every crate comes after the crates of the
    // batch it depends on (normal and build dependencies; dev-dependencies may form cycles
    // and are not needed to publish). Otherwise the input order is kept.
    static QList<int> publishOrder(const QList<PublishCandidate> &candidates);

Q_SIGNALS:
    void itemChanged(int row);
    void finished(); // the batch ran out of waiting items

private:
    void next();
    void update(int row, const CratePublisher *publisher);

    QPointer<RegistryClient> m_client;
    QString m_lost; // why the feed can no longer be published to
    CratePublisher::Route m_route = CratePublisher::Route::CargoApi;
    int m_visibilityTimeoutMs = 60000;
    int m_pollIntervalMs = 1000;
    QList<PublishItem> m_items;
    QPointer<CratePublisher> m_current;
    int m_currentRow = -1;
    bool m_running = false;
};
