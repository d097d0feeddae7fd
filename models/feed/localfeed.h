// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "feederror.h"
#include "feedserveroptions.h"

#include <QObject>
#include <QUrl>

#include <memory>

class FeedStore;
class FeedRouter;
class LocalFeedServer;

// The embedded local feed: storage, routing and the loopback HTTP server in one object, as
// `cratedesk serve` and the desktop app both run it.
class LocalFeed final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalFeed)

public:
    explicit LocalFeed(const FeedServerOptions &options, QObject *parent = nullptr);
    ~LocalFeed() override;

    // Opens the data folder (migrating it) and starts listening.
    FeedError start();
    bool isRunning() const;

    const FeedServerOptions &options() const { return m_options; }
    QUrl indexUrl() const;       // http://127.0.0.1:PORT/
    QString cargoIndexUrl() const; // sparse+http://127.0.0.1:PORT/
    FeedStore *store() const { return m_store.get(); }

Q_SIGNALS:
    void crateChanged(const QString &name);

private:
    FeedServerOptions m_options;
    std::unique_ptr<FeedStore> m_store;
    FeedRouter *m_router = nullptr;
    LocalFeedServer *m_server = nullptr;
};
