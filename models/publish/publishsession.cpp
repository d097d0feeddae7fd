// SPDX-License-Identifier: GPL-3.0-or-later
#include "publishsession.h"

#include "publishpreflight.h"
#include "publishqueue.h"
#include "registry/registryclient.h"

#include <QFileInfo>

using namespace Qt::Literals::StringLiterals;

PublishSession::PublishSession(RegistryClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_feedName(client->feed().name)
    , m_feedIndexUrl(client->feed().indexUrl.toString())
    , m_preflight(new PublishPreflight(client, this))
    , m_queue(new PublishQueue(client, this))
{
    connect(m_preflight, &PublishPreflight::checked, this, &PublishSession::fileChecked);
    connect(client, &RegistryClient::retired, this, &PublishSession::loseFeed);
    if (client->isRetired())
        loseFeed(tr("the feed %1 is no longer configured").arg(m_feedName));
}

PublishSession::~PublishSession() = default;

bool PublishSession::isProGet() const
{
    return m_client && m_lost.isEmpty() && m_client->isProGet();
}

QStringList PublishSession::addFiles(const QStringList &paths)
{
    QStringList held;
    if (!canAddFiles())
        return held;
    for (const QString &path : paths) {
        const QString absolute = QFileInfo(path).absoluteFilePath();
        if (contains(absolute)) {
            held << absolute;
            continue;
        }
        const int ticket = m_preflight->inspect(absolute);
        m_order.append(ticket);
        m_files.insert(ticket, File{absolute, std::nullopt, false});
        Q_EMIT fileAdded(ticket, absolute);
    }
    return held;
}

bool PublishSession::removeFile(const QString &path)
{
    if (isRunning())
        return false;
    for (int ticket : std::as_const(m_order)) {
        if (m_files.value(ticket).path == path) {
            m_order.removeOne(ticket);
            m_files.remove(ticket);
            return true;
        }
    }
    return false;
}

bool PublishSession::contains(const QString &path) const
{
    return std::ranges::any_of(m_files, [&](const File &file) { return file.path == path; });
}

int PublishSession::checkingCount() const
{
    return int(std::ranges::count_if(m_files, [](const File &file) { return !file.candidate; }));
}

QList<PublishCandidate> PublishSession::publishable() const
{
    QList<PublishCandidate> candidates;
    for (int ticket : m_order) {
        const File &file = m_files[ticket];
        if (file.candidate && file.candidate->canPublish() && !file.sent)
            candidates.append(*file.candidate);
    }
    return candidates;
}

QList<PublishCandidate> PublishSession::candidates() const
{
    QList<PublishCandidate> checked;
    for (int ticket : m_order) {
        if (const File &file = m_files[ticket]; file.candidate)
            checked.append(*file.candidate);
    }
    return checked;
}

bool PublishSession::start()
{
    if (isRunning() || !m_lost.isEmpty() || checkingCount() > 0)
        return false;
    const QList<PublishCandidate> batch = publishable();
    if (batch.isEmpty())
        return false;
    for (int ticket : std::as_const(m_order)) {
        File &file = m_files[ticket];
        if (file.candidate && file.candidate->canPublish())
            file.sent = true;
    }
    m_queue->setRoute(m_route);
    m_queue->setCandidates(batch);
    Q_EMIT batchStarted();
    m_queue->start();
    return true;
}

bool PublishSession::isRunning() const
{
    return m_queue->isRunning();
}

void PublishSession::cancel()
{
    m_queue->cancel();
}

void PublishSession::cancelItem(int queueRow)
{
    m_queue->cancelItem(queueRow);
}

void PublishSession::retry(int queueRow)
{
    if (m_lost.isEmpty())
        m_queue->retry(queueRow);
}

void PublishSession::fileChecked(int ticket, const PublishCandidate &candidate)
{
    const auto file = m_files.find(ticket);
    if (file == m_files.end())
        return; // removed meanwhile
    file->candidate = candidate;
    Q_EMIT checked(ticket, candidate);
    if (checkingCount() == 0)
        Q_EMIT allChecked();
}

void PublishSession::loseFeed(const QString &reason)
{
    if (!m_lost.isEmpty())
        return;
    m_lost = reason;
    m_preflight->abandon(reason);
    m_queue->abandon(reason);
    Q_EMIT feedLost(reason);
}
