// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "crate/publishcandidate.h"
#include "publishroles.h"
#include "cargotypes/indexentry.h"
#include "publish/publishqueue.h"

#include <QAbstractTableModel>
#include <QPointer>

#include <optional>

class PublishSession;

// The crates of one publish session: each file from the moment it is added (preflight
// running), through its preflight result, to its outcome in a batch. Rows are fed only by
// the signals of a PublishSession and its queue; the model starts nothing itself. When a
// batch starts, its rows move into the queue's publishing order (dependencies first); rows
// outside the batch keep their places.
class PublishQueueModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PublishQueueModel)

public:
    enum Column { CrateColumn, StatusColumn, ActionColumn, ColumnCount };

    explicit PublishQueueModel(PublishSession *session, QObject *parent = nullptr);
    ~PublishQueueModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    bool containsPath(const QString &path) const;
    // Takes a file out of the session, unless it is part of a running batch.
    bool removeEntry(int row);

    int checkingCount() const;

    PublishRoles::State state(int row) const;
    // The row of PublishQueue::items() that model row `row` follows, or -1.
    int queueRow(int row) const { return row >= 0 && row < m_entries.size() ? m_entries[row].queueRow : -1; }
    // One line for the end of a batch (or of preflight): "2 published, 1 failed, 1 skipped".
    QString summary() const;

    static QString stateText(PublishRoles::State state);
    // What DependencyModel and FeatureModel need from the publish metadata.
    static IndexEntry previewEntry(const PublishCandidate &candidate);

Q_SIGNALS:
    // Any row changed its state; the panel re-evaluates its buttons.
    void statesChanged();

private:
    struct Entry
    {
        int ticket = 0;
        QString path;
        std::optional<PublishCandidate> candidate; // nullopt while checking
        std::optional<PublishItem> item;          // once sent in a batch: its last state
        int queueRow = -1;                         // its row in the current batch, or -1
    };

    void addChecking(int ticket, const QString &path);
    void candidateChecked(int ticket, const PublishCandidate &candidate);
    void batchStarted();
    void queueItemChanged(int queueRow);
    void emitRowChanged(int row);
    QVariant displayData(const Entry &entry, PublishRoles::State state, int column) const;
    QString message(const Entry &entry, PublishRoles::State state) const;
    QStringList errors(const Entry &entry) const;
    QStringList warnings(const Entry &entry) const;
    QString statusText(const Entry &entry, PublishRoles::State state) const;
    PublishRoles::State state(const Entry &entry) const;
    bool isInRunningBatch(const Entry &entry) const;

    QPointer<PublishSession> m_session;
    QPointer<PublishQueue> m_queue;
    QList<Entry> m_entries;
};
