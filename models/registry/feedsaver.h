// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cargotypes/feed.h"

#include <QByteArray>
#include <QObject>
#include <QStringList>

class FeedSettings;
class SecretStore;

// Saves a feed the way the feed dialog promises: the secret goes to the SecretStore first,
// and only once it is there does the feed land in FeedSettings, so no feed is ever saved
// pointing at a credential that failed to store. Secrets of an auth kind the feed no longer
// uses are forgotten. Never writes a secret anywhere but the SecretStore.
class FeedSaver final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FeedSaver)

public:
    enum class SecretChange {
        Keep,    // leave the stored secret as it is
        Replace, // store `secret` (the user typed a new one)
        Forget,  // delete the stored secret; the app asks again on the next 401
    };

    explicit FeedSaver(FeedSettings *settings, SecretStore *secrets, QObject *parent = nullptr);
    ~FeedSaver() override;

    // Completes asynchronously with finished(); one save at a time.
    void save(const Feed &feed, SecretChange change, const QByteArray &secret = {});
    bool isBusy() const { return m_busy; }

    // The key the feed's secret lives under for its auth kind; empty for AuthKind::None.

Q_SIGNALS:
    // `error` is empty on success; otherwise it says what failed and nothing was saved.
    void finished(const Feed &feed, const QString &error);

private:
    void forgetObsolete(const Feed &feed, SecretChange change);
    void finish(const Feed &feed, const QString &error);

    FeedSettings *m_settings;
    SecretStore *m_secrets;
    bool m_busy = false;
};
