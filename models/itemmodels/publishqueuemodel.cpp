// SPDX-License-Identifier: GPL-3.0-or-later
#include "publishqueuemodel.h"

#include "publish/publishsession.h"

#include <QFileInfo>

using namespace Qt::Literals::StringLiterals;

using State = PublishRoles::State;
using Stage = CratePublisher::Stage;
using Severity = PreflightFinding::Severity;

namespace {

State fromStage(Stage stage)
{
    switch (stage) {
    case Stage::Waiting: return State::Waiting;
    case Stage::Uploading: return State::Uploading;
    case Stage::WaitingForIndex: return State::WaitingForIndex;
    case Stage::Visible: return State::Visible;
    case Stage::NotVisible: return State::NotVisible;
    case Stage::Failed: return State::Failed;
    case Stage::Cancelled: return State::Cancelled;
    }
    return State::Failed;
}

bool isActive(State state)
{
    return state == State::Waiting || state == State::Uploading || state == State::WaitingForIndex;
}

} // namespace

PublishQueueModel::PublishQueueModel(PublishSession *session, QObject *parent)
    : QAbstractTableModel(parent)
    , m_session(session)
    , m_queue(session ? session->queue() : nullptr)
{
    if (session) {
        connect(session, &PublishSession::fileAdded, this, &PublishQueueModel::addChecking);
        connect(session, &PublishSession::checked, this, &PublishQueueModel::candidateChecked);
        connect(session, &PublishSession::batchStarted, this, &PublishQueueModel::batchStarted);
        connect(session, &PublishSession::feedLost, this, [this] {
            // Nothing can be retried any more.
            if (!m_entries.isEmpty())
                Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
            Q_EMIT statesChanged();
        });
    }
    if (PublishQueue *queue = m_queue) {
        connect(queue, &PublishQueue::itemChanged, this, &PublishQueueModel::queueItemChanged);
        connect(queue, &PublishQueue::finished, this, [this] {
            // CanCancel and CanRetry depend on whether the queue runs.
            if (!m_entries.isEmpty())
                Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
            Q_EMIT statesChanged();
        });
    }
}

PublishQueueModel::~PublishQueueModel() = default;

int PublishQueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int PublishQueueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PublishQueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case CrateColumn: return tr("Crate");
    case StatusColumn: return tr("Status");
    case ActionColumn: return QString();
    }
    return {};
}

QHash<int, QByteArray> PublishQueueModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(PublishRoles::Label, "label");
    names.insert(PublishRoles::Path, "path");
    names.insert(PublishRoles::StateRole, "state");
    names.insert(PublishRoles::StatusText, "statusText");
    names.insert(PublishRoles::Message, "message");
    names.insert(PublishRoles::Errors, "errors");
    names.insert(PublishRoles::Warnings, "warnings");
    names.insert(PublishRoles::Sent, "sent");
    names.insert(PublishRoles::Total, "total");
    names.insert(PublishRoles::Percent, "percent");
    names.insert(PublishRoles::CanCancel, "canCancel");
    names.insert(PublishRoles::CanRetry, "canRetry");
    names.insert(PublishRoles::Candidate, "candidate");
    names.insert(PublishRoles::PreviewEntry, "previewEntry");
    return names;
}

QVariant PublishQueueModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = m_entries[index.row()];
    const State st = state(entry);
    switch (role) {
    case Qt::DisplayRole: return displayData(entry, st, index.column());
    case Qt::ToolTipRole: {
        QStringList lines{entry.path};
        lines << errors(entry) << warnings(entry);
        return lines.join(u'\n');
    }
    case PublishRoles::Label: return entry.candidate ? entry.candidate->label() : QFileInfo(entry.path).fileName();
    case PublishRoles::Path: return entry.path;
    case PublishRoles::StateRole: return int(st);
    case PublishRoles::StatusText: return statusText(entry, st);
    case PublishRoles::Message: return message(entry, st);
    case PublishRoles::Errors: return errors(entry);
    case PublishRoles::Warnings: return warnings(entry);
    case PublishRoles::Sent: return entry.item ? entry.item->sent : qint64(0);
    case PublishRoles::Total: return entry.item ? entry.item->total : qint64(0);
    case PublishRoles::Percent:
        if (st == State::WaitingForIndex)
            return 100;
        if (st == State::Uploading)
            return entry.item->total > 0 ? int(entry.item->sent * 100 / entry.item->total) : 0;
        return -1;
    case PublishRoles::CanCancel: return isInRunningBatch(entry) && isActive(st);
    case PublishRoles::CanRetry:
        return entry.queueRow >= 0 && (st == State::Failed || st == State::Cancelled) && entry.candidate->canPublish()
            && m_session && m_session->lostReason().isEmpty();
    case PublishRoles::Candidate: return entry.candidate ? QVariant::fromValue(*entry.candidate) : QVariant();
    case PublishRoles::PreviewEntry:
        return entry.candidate && entry.candidate->metadata ? QVariant::fromValue(previewEntry(*entry.candidate)) : QVariant();
    }
    return {};
}

QVariant PublishQueueModel::displayData(const Entry &entry, State state, int column) const
{
    switch (column) {
    case CrateColumn:
        if (entry.candidate && !entry.candidate->name().isEmpty())
            return u"%1 %2"_s.arg(entry.candidate->name(), entry.candidate->version());
        return QFileInfo(entry.path).fileName();
    case StatusColumn: return statusText(entry, state);
    case ActionColumn:
        if (isInRunningBatch(entry) && isActive(state))
            return tr("Cancel");
        if (entry.queueRow >= 0 && (state == State::Failed || state == State::Cancelled))
            return tr("Retry");
        return QString();
    }
    return {};
}

QString PublishQueueModel::statusText(const Entry &entry, State state) const
{
    if (state == State::ReadyWithWarnings) {
        const qsizetype count = warnings(entry).size();
        return count == 1 ? tr("Ready, 1 warning") : tr("Ready, %1 warnings").arg(count);
    }
    if (state == State::Blocked) {
        const qsizetype count = errors(entry).size();
        return count == 1 ? tr("Cannot be published") : tr("Cannot be published, %1 errors").arg(count);
    }
    if (state == State::Uploading && entry.item->total > 0) {
        // On a fast link every byte is out long before the registry answers.
        if (entry.item->sent >= entry.item->total)
            return tr("Sent, waiting for the registry");
        return tr("Uploading %1%").arg(entry.item->sent * 100 / entry.item->total);
    }
    return stateText(state);
}

QString PublishQueueModel::stateText(State state)
{
    switch (state) {
    case State::Checking: return tr("Checking…");
    case State::Ready: return tr("Ready");
    case State::ReadyWithWarnings: return tr("Ready, with warnings");
    case State::Blocked: return tr("Cannot be published");
    case State::Waiting: return tr("Waiting");
    case State::Uploading: return tr("Uploading");
    case State::WaitingForIndex: return tr("Uploaded, waiting for the index");
    case State::Visible: return tr("Published, visible in the index");
    case State::NotVisible: return tr("Uploaded, not yet visible in the index");
    case State::Failed: return tr("Failed");
    case State::Cancelled: return tr("Cancelled");
    }
    return {};
}

QString PublishQueueModel::message(const Entry &entry, State state) const
{
    switch (state) {
    case State::Checking: return entry.path;
    case State::Ready:
    case State::Waiting:
    case State::Uploading:
    case State::WaitingForIndex:
        return entry.candidate->metadata ? entry.candidate->metadata->description.value_or(QString()) : QString();
    case State::Blocked: return errors(entry).value(0);
    case State::ReadyWithWarnings: return warnings(entry).value(0);
    case State::Visible: return entry.item->warnings.value(0);
    case State::NotVisible:
    case State::Failed: return entry.item->error.message;
    case State::Cancelled:
        // A plain "cancelled" repeats the status; once the feed is gone, the message says why.
        return m_session && !m_session->lostReason().isEmpty() ? entry.item->error.message : QString();
    }
    return {};
}

QStringList PublishQueueModel::errors(const Entry &entry) const
{
    QStringList out = entry.candidate ? entry.candidate->messages(Severity::Error) : QStringList();
    if (entry.item && entry.item->error && entry.item->stage == Stage::Failed)
        out << entry.item->error.message;
    return out;
}

QStringList PublishQueueModel::warnings(const Entry &entry) const
{
    QStringList out = entry.candidate ? entry.candidate->messages(Severity::Warning) : QStringList();
    if (entry.item) {
        out << entry.item->warnings;
        if (entry.item->stage == Stage::NotVisible && entry.item->error)
            out << entry.item->error.message;
    }
    return out;
}

State PublishQueueModel::state(const Entry &entry) const
{
    if (!entry.candidate)
        return State::Checking;
    if (entry.item)
        return fromStage(entry.item->stage);
    if (!entry.candidate->canPublish())
        return State::Blocked;
    return entry.candidate->messages(Severity::Warning).isEmpty() ? State::Ready : State::ReadyWithWarnings;
}

State PublishQueueModel::state(int row) const
{
    return row >= 0 && row < m_entries.size() ? state(m_entries[row]) : State::Checking;
}

bool PublishQueueModel::isInRunningBatch(const Entry &entry) const
{
    return entry.queueRow >= 0 && m_queue && m_queue->isRunning();
}

void PublishQueueModel::addChecking(int ticket, const QString &path)
{
    const int row = int(m_entries.size());
    beginInsertRows({}, row, row);
    Entry entry;
    entry.ticket = ticket;
    entry.path = path;
    m_entries.append(entry);
    endInsertRows();
    Q_EMIT statesChanged();
}

bool PublishQueueModel::containsPath(const QString &path) const
{
    return std::any_of(m_entries.begin(), m_entries.end(), [&](const Entry &e) { return e.path == path; });
}

bool PublishQueueModel::removeEntry(int row)
{
    if (row < 0 || row >= m_entries.size() || (isInRunningBatch(m_entries[row]) && isActive(state(m_entries[row]))))
        return false;
    if (m_session)
        m_session->removeFile(m_entries[row].path);
    beginRemoveRows({}, row, row);
    m_entries.removeAt(row);
    endRemoveRows();
    Q_EMIT statesChanged();
    return true;
}

int PublishQueueModel::checkingCount() const
{
    return int(std::count_if(m_entries.begin(), m_entries.end(), [](const Entry &e) { return !e.candidate; }));
}

void PublishQueueModel::candidateChecked(int ticket, const PublishCandidate &candidate)
{
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries[row].ticket == ticket && !m_entries[row].candidate) {
            m_entries[row].candidate = candidate;
            emitRowChanged(row);
            Q_EMIT statesChanged();
            return;
        }
    }
}

void PublishQueueModel::batchStarted()
{
    if (!m_queue)
        return;
    QList<int> batchRows;
    for (int row = 0; row < m_entries.size(); ++row) {
        m_entries[row].queueRow = -1;
        if (m_entries[row].candidate && !m_entries[row].item && m_entries[row].candidate->canPublish())
            batchRows.append(row);
    }
    const QList<PublishItem> &items = m_queue->items();

    // The batch's rows take the queue's order within the places they already hold.
    QList<int> sources; // sources[k]: the current row of queue item k
    for (const PublishItem &item : items) {
        const auto found = std::find_if(batchRows.begin(), batchRows.end(),
                                        [&](int row) { return m_entries[row].path == item.candidate.path; });
        if (found == batchRows.end() || sources.contains(*found))
            break;
        sources.append(*found);
    }
    if (sources.size() == batchRows.size() && sources != batchRows) {
        Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
        QList<int> newRowOf(m_entries.size());
        for (int row = 0; row < m_entries.size(); ++row)
            newRowOf[row] = row;
        QList<Entry> reordered = m_entries;
        for (int k = 0; k < sources.size(); ++k) {
            reordered[batchRows[k]] = m_entries[sources[k]];
            newRowOf[sources[k]] = batchRows[k];
        }
        const QModelIndexList before = persistentIndexList();
        QModelIndexList after;
        for (const QModelIndex &index : before)
            after.append(this->index(newRowOf[index.row()], index.column()));
        m_entries = reordered;
        changePersistentIndexList(before, after);
        Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
    }

    for (int k = 0; k < items.size() && k < batchRows.size(); ++k) {
        const int row = batchRows[k];
        if (m_entries[row].path != items[k].candidate.path)
            continue; // the queue holds something else; leave the row alone
        m_entries[row].queueRow = k;
        m_entries[row].item = items[k];
        emitRowChanged(row);
    }
    Q_EMIT statesChanged();
}

void PublishQueueModel::queueItemChanged(int queueRow)
{
    if (!m_queue || queueRow < 0 || queueRow >= m_queue->items().size())
        return;
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries[row].queueRow == queueRow) {
            m_entries[row].item = m_queue->items()[queueRow];
            emitRowChanged(row);
            Q_EMIT statesChanged();
            return;
        }
    }
}

void PublishQueueModel::emitRowChanged(int row)
{
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

QString PublishQueueModel::summary() const
{
    QList<int> counts(int(State::Cancelled) + 1, 0);
    for (const Entry &entry : m_entries)
        ++counts[int(state(entry))];
    const auto count = [&](State s) { return counts[int(s)]; };
    QStringList parts;
    const auto add = [&](int n, const QString &text) {
        if (n > 0)
            parts << text.arg(n);
    };
    add(count(State::Checking), tr("%1 being checked"));
    add(count(State::Ready) + count(State::ReadyWithWarnings), tr("%1 ready to publish"));
    add(count(State::Visible), tr("%1 published"));
    add(count(State::NotVisible), tr("%1 uploaded but not yet in the index"));
    add(count(State::Uploading) + count(State::WaitingForIndex), tr("%1 in progress"));
    add(count(State::Waiting), tr("%1 waiting"));
    add(count(State::Failed), tr("%1 failed"));
    add(count(State::Cancelled), tr("%1 cancelled"));
    add(count(State::Blocked), tr("%1 cannot be published"));
    return parts.join(u", "_s);
}

IndexEntry PublishQueueModel::previewEntry(const PublishCandidate &candidate)
{
    IndexEntry entry;
    if (!candidate.metadata)
        return entry;
    const PublishMetadata &meta = *candidate.metadata;
    entry.name = meta.name;
    entry.vers = meta.vers;
    entry.version = SemVer::parse(meta.vers).value_or(SemVer());
    entry.features = meta.features;
    entry.links = meta.links;
    entry.rustVersion = meta.rustVersion;
    for (const PublishMetadata::Dependency &d : meta.deps) {
        // The index names a renamed dependency by its alias and keeps the crate in `package`.
        IndexDependency dep;
        dep.name = d.explicitNameInToml.value_or(d.name);
        if (d.explicitNameInToml)
            dep.package = d.name;
        dep.req = d.versionReq;
        dep.features = d.features;
        dep.optional = d.optional;
        dep.defaultFeatures = d.defaultFeatures;
        dep.target = d.target;
        dep.kind = d.kind == u"dev"_s ? IndexDependency::Kind::Dev
                 : d.kind == u"build"_s ? IndexDependency::Kind::Build
                                         : IndexDependency::Kind::Normal;
        dep.registry = d.registry;
        entry.deps.append(dep);
    }
    return entry;
}
