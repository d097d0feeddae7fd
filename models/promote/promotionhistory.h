// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cargotypes/progetpromotion.h"

#include <QObject>
#include <QPointer>

class RegistryClient;
class RegistryReply;

// ProGet's record of how versions of one crate came into a feed: promoted from which feed,
// when, by whom and why. Asked of the feed's server once per load(); a new load() or
// cancel() drops the question still out. The window's history dialog and `cratedesk promote
// --history` read it.
class PromotionHistory final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PromotionHistory)

public:
    explicit PromotionHistory(RegistryClient *feed, QObject *parent = nullptr);
    ~PromotionHistory() override;

    void load(const QString &crate);
    void cancel();
    bool isLoading() const;
    QString crate() const { return m_crate; }
    const QList<ProGetPromotion> &records() const { return m_records; }

Q_SIGNALS:
    void loaded();
    void failed(const QString &error);

private:
    QPointer<RegistryClient> m_feed;
    QPointer<RegistryReply> m_reply;
    QString m_crate;
    QList<ProGetPromotion> m_records;
};
