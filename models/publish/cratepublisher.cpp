// SPDX-License-Identifier: GPL-3.0-or-later
#include "cratepublisher.h"

#include "registry/registryclient.h"

#include <QLoggingCategory>
#include <QtConcurrentRun>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcPublish, "cratedesk.publish", QtWarningMsg)

CratePublisher::CratePublisher(RegistryClient *client, const PublishCandidate &candidate, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_feedName(client ? client->feed().name : QString())
    , m_candidate(candidate)
    , m_pollTimer(new QTimer(this))
{
    m_pollTimer->setSingleShot(true);
    connect(m_pollTimer, &QTimer::timeout, this, &CratePublisher::poll);
}

CratePublisher::~CratePublisher()
{
    if (m_reply)
        m_reply->cancel();
}

bool CratePublisher::isFinal(Stage stage)
{
    switch (stage) {
    case Stage::Visible:
    case Stage::NotVisible:
    case Stage::Failed:
    case Stage::Cancelled:
        return true;
    default:
        return false;
    }
}

bool CratePublisher::isFinished() const
{
    return isFinal(m_stage);
}

QString CratePublisher::stageText(Stage stage)
{
    switch (stage) {
    case Stage::Waiting: return u"waiting"_s;
    case Stage::Uploading: return u"uploading"_s;
    case Stage::WaitingForIndex: return u"uploaded, waiting for the index"_s;
    case Stage::Visible: return u"uploaded, visible in the index"_s;
    case Stage::NotVisible: return u"uploaded, not yet visible in the index"_s;
    case Stage::Failed: return u"failed"_s;
    case Stage::Cancelled: return u"cancelled"_s;
    }
    return {};
}

void CratePublisher::start()
{
    if (m_stage != Stage::Waiting)
        return;
    if (!m_candidate.canPublish()) {
        const QStringList errors = m_candidate.messages(PreflightFinding::Severity::Error);
        return fail(RegistryError::make(RegistryError::Kind::Local,
            errors.isEmpty() ? tr("%1 cannot be read").arg(m_candidate.label()) : errors.join(u"; "_s)));
    }
    if (!m_client || m_client->isRetired())
        return abandon(tr("the feed %1 is no longer configured").arg(m_feedName));
    setStage(Stage::Uploading);
    const QByteArray crate = m_candidate.archive->crateBytes();
    qCInfo(lcPublish).noquote() << "publishing" << m_candidate.label() << "to" << m_feedName << "(" << crate.size() << "bytes)";
    if (m_route == Route::ProGetUpload)
        return upload(crate);
    // Framing copies the whole crate, tens of milliseconds for a large one: a worker does it,
    // not the thread that paints. A cancel meanwhile leaves the stage, and the body is dropped.
    QtConcurrent::run(&PublishMetadata::frame, m_candidate.metadata->toJson(), crate).then(this, [this](const QByteArray &body) {
        if (m_stage != Stage::Uploading || m_reply)
            return;
        if (body.isEmpty())
            return fail(RegistryError::make(RegistryError::Kind::Local, tr("%1 is too large to publish").arg(m_candidate.label())));
        upload(body);
    });
}

void CratePublisher::upload(const QByteArray &body)
{
    if (!m_client || m_client->isRetired())
        return abandon(tr("the feed %1 is no longer configured").arg(m_feedName));
    const QString label = m_candidate.label();
    m_reply = m_route == Route::ProGetUpload ? m_client->uploadToProGet(body, label) : m_client->publish(body, label);
    connect(m_reply, &RegistryReply::uploadProgress, this, [this](qint64 sent, qint64 total) {
        if (total > 0)
            Q_EMIT uploadProgress(sent, total);
    });
    connect(m_reply, &RegistryReply::finished, this, [this, reply = m_reply] {
        m_reply = nullptr;
        if (reply->error())
            return fail(reply->error());
        m_warnings = reply->warnings;
        uploaded();
    });
}

void CratePublisher::cancel()
{
    if (isFinished())
        return;
    if (m_stage == Stage::WaitingForIndex) {
        m_pollTimer->stop();
        if (m_reply)
            m_reply->cancel();
        m_reply = nullptr;
        return setStage(Stage::NotVisible);
    }
    if (m_reply) {
        // The reply reports Cancelled through its finished() handler.
        m_reply->cancel();
        return;
    }
    m_error = RegistryError::make(RegistryError::Kind::Cancelled, tr("cancelled"));
    setStage(Stage::Cancelled);
}

void CratePublisher::abandon(const QString &reason)
{
    if (isFinished())
        return;
    m_error = RegistryError::make(RegistryError::Kind::Cancelled, reason);
    m_pollTimer->stop();
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->cancel();
        m_reply = nullptr;
    }
    // Once sent, the crate may well be in the feed: only whether it is visible is unknown.
    setStage(m_stage == Stage::WaitingForIndex ? Stage::NotVisible : Stage::Cancelled);
}

void CratePublisher::uploaded()
{
    setStage(Stage::WaitingForIndex);
    m_sinceUpload.start();
    poll();
}

void CratePublisher::poll()
{
    if (!m_client || m_client->isRetired())
        return abandon(tr("the feed %1 is no longer configured").arg(m_feedName));
    m_reply = m_client->fetchIndex(m_candidate.name());
    connect(m_reply, &RegistryReply::finished, this, [this, reply = m_reply] {
        m_reply = nullptr;
        if (m_stage != Stage::WaitingForIndex)
            return;
        const QString version = m_candidate.version();
        const bool visible = !reply->error() && !reply->stale
            && std::any_of(reply->entries.cbegin(), reply->entries.cend(), [&](const IndexEntry &e) { return e.vers == version; });
        if (visible)
            return setStage(Stage::Visible);
        if (m_sinceUpload.elapsed() + m_pollIntervalMs > m_visibilityTimeoutMs) {
            m_error = RegistryError::make(RegistryError::Kind::Timeout,
                tr("%1 was uploaded, but %2's index did not list it within %3 s; it may appear later").arg(
                    m_candidate.label(), m_feedName).arg(m_visibilityTimeoutMs / 1000.0));
            return setStage(Stage::NotVisible);
        }
        m_pollTimer->start(m_pollIntervalMs);
    });
}

void CratePublisher::fail(const RegistryError &error)
{
    m_error = error;
    setStage(error.kind == RegistryError::Kind::Cancelled ? Stage::Cancelled : Stage::Failed);
}

void CratePublisher::setStage(Stage stage)
{
    if (m_stage == stage)
        return;
    m_stage = stage;
    Q_EMIT stageChanged(stage);
    if (isFinal(stage)) {
        qCInfo(lcPublish).noquote() << m_candidate.label() << stageText(stage) << m_error.message;
        Q_EMIT finished();
    }
}
