// SPDX-License-Identifier: GPL-3.0-or-later
#include "promotionhistory.h"

#include "registry/registryclient.h"

PromotionHistory::PromotionHistory(RegistryClient *feed, QObject *parent)
    : QObject(parent)
    , m_feed(feed)
{
}

PromotionHistory::~PromotionHistory()
{
    cancel();
}

bool PromotionHistory::isLoading() const
{
    return !m_reply.isNull();
}

void PromotionHistory::load(const QString &crate)
{
    cancel();
    m_crate = crate;
    m_records.clear();
    if (!m_feed)
        return Q_EMIT failed(tr("the feed is gone"));
    m_reply = m_feed->proGetPromotions(crate);
    connect(m_reply, &RegistryReply::finished, this, [this, reply = m_reply] {
        if (reply != m_reply)
            return;
        m_reply = nullptr;
        if (reply->error())
            return Q_EMIT failed(reply->error().message);
        m_records = ProGetPromotion::listFromJson(reply->json.array());
        Q_EMIT loaded();
    });
}

void PromotionHistory::cancel()
{
    if (RegistryReply *reply = m_reply) {
        m_reply = nullptr;
        reply->cancel();
    }
}
