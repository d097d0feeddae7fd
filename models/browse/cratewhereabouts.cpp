// SPDX-License-Identifier: GPL-3.0-or-later
#include "cratewhereabouts.h"

#include "cargotypes/cratename.h"
#include "registry/registryclient.h"

CrateWhereabouts::CrateWhereabouts(QObject *parent)
    : QObject(parent)
{
}

CrateWhereabouts::~CrateWhereabouts()
{
    cancel();
}

void CrateWhereabouts::start(const QString &crate, const QList<RegistryClient *> &feeds)
{
    cancel();
    m_result = {crate, {}};
    m_pending = int(feeds.size());
    const QString invalid = CrateName::validationError(crate);
    for (qsizetype i = 0; i < feeds.size(); ++i) {
        m_result.feeds.append({feeds.at(i)->feed().name, invalid, false, false, {}});
        if (!invalid.isEmpty())
            continue;
        RegistryReply *reply = feeds.at(i)->fetchIndex(crate);
        m_replies.append(reply);
        connect(reply, &RegistryReply::finished, this, [this, i, reply] { answered(i, reply); });
    }
    if (!invalid.isEmpty() || feeds.isEmpty()) {
        m_pending = 0;
        QMetaObject::invokeMethod(this, &CrateWhereabouts::finished, Qt::QueuedConnection);
    }
}

void CrateWhereabouts::cancel()
{
    const auto replies = std::exchange(m_replies, {});
    for (const QPointer<RegistryReply> &reply : replies) {
        if (reply)
            reply->cancel();
    }
    m_pending = 0;
}

void CrateWhereabouts::answered(qsizetype index, RegistryReply *reply)
{
    if (!m_replies.contains(reply))
        return; // cancelled
    CrateAcrossFeeds::Holding &holding = m_result.feeds[index];
    if (reply->error().kind == RegistryError::Kind::NotFound)
        holding.missing = true;
    else if (reply->error())
        holding.error = reply->error().message;
    else
        holding.entries = reply->entries;
    holding.stale = reply->stale;
    Q_EMIT feedAnswered(index);
    if (--m_pending == 0) {
        m_replies.clear();
        Q_EMIT finished();
    }
}
