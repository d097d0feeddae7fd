// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "promotionplan.h"

#include <QObject>
#include <QPointer>
#include <QTemporaryDir>

#include <memory>

class CratePublisher;
class DependencyClosure;
class PublishPreflight;
class RegistryClient;
class RegistryIndexSource;
class RegistryReply;

// Promotes crate versions from one feed to another, the way a registry's owners approve
// crates: each version is downloaded from the source (checksum verified), checked and
// published to the target with cargo's exact metadata (the same bytes, so the same sha256),
// and yanked there when it is yanked in the source. Versions come dependencies first, so the
// target never serves a crate whose dependencies it cannot; a failure skips what depends on
// it and the rest goes on. The window and the command line drive and observe it.
class PromotionSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PromotionSession)

public:
    // Both clients belong to the caller and must outlive the session's work.
    PromotionSession(RegistryClient *source, RegistryClient *target, QObject *parent = nullptr);
    ~PromotionSession() override;

    // Asks both feeds about these versions (NAME, VERSION) and settles the plan: planned().
    void plan(const QList<std::pair<QString, QString>> &versions);
    // As plan(), with every version the roots need, as cargo would resolve them from the
    // source without a lockfile (DependencyClosure).
    void planWithDependencies(const QList<std::pair<QString, QString>> &roots);
    const QList<PromotionItem> &items() const { return m_items; }
    int count(PromotionItem::State state) const;
    // Every item is promoted or was in the target already.
    bool succeeded() const;
    // Both feeds are ProGet feeds of one server: it promotes them itself (its promotion API,
    // which keeps its own history) instead of a download and a publish.
    bool promotesOnServer() const;

    // Promotes the Ready items in order; itemChanged() as each moves, finished() at the end.
    void start();
    void cancel();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void planned();
    void itemChanged(int row);
    void finished();

private:
    void fetchAnswers();
    void answered();
    void resolveNextRoot();
    void next();
    void download(int row);
    void promoteOnServer(int row);
    void publish(int row, const QString &path);
    void published(int row, const CratePublisher *publisher);
    void finishItem(int row, PromotionItem::State state, const QString &message = {});
    QString unmetNeed(const PromotionItem &item) const;

    QPointer<RegistryClient> m_source;
    QPointer<RegistryClient> m_target;
    QList<PromotionItem> m_items;
    PromotionPlan::Answers m_answers;
    int m_pending = 0;
    QList<std::pair<QString, QString>> m_roots; // planWithDependencies, still to resolve
    QList<std::pair<QString, QString>> m_closure;
    RegistryIndexSource *m_indexSource = nullptr;
    DependencyClosure *m_resolver = nullptr;
    PublishPreflight *m_preflight = nullptr;
    QPointer<RegistryReply> m_reply;
    QPointer<CratePublisher> m_publisher;
    std::unique_ptr<QTemporaryDir> m_downloads;
    int m_current = -1;
    bool m_running = false;
    bool m_cancelled = false;
};
