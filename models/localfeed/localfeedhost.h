// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectorstore.h"
#include "feederror.h"
#include "feedserveroptions.h"
#include "curation/connectorconfig.h"

#include <QObject>
#include <QPointer>
#include <QThread>
#include <QUrl>

#include <functional>

class LocalFeed;
class SecretStore;

// The embedded local feed on a thread of its own, as the desktop app runs it: a publish to it
// (a scan of the whole .crate, SQLite writes with fsync) or a slow upstream never holds up the
// window. The feed, its database connection and its network manager live on that thread;
// everything here is called on the owner's thread and answers through signals or callbacks.
class LocalFeedHost final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalFeedHost)

public:
    // Makes the keychain the feed uses for its connectors' secrets, on the feed's thread.
    using SecretStoreFactory = std::function<SecretStore *(QObject *parent)>;

    explicit LocalFeedHost(const FeedServerOptions &options, QObject *parent = nullptr);
    // Stops the feed on its thread and waits for the thread to end.
    ~LocalFeedHost() override;

    void setSecretStoreFactory(SecretStoreFactory factory) { m_secretStoreFactory = std::move(factory); }

    // Opens the data folder and starts listening on the feed's thread; started() follows.
    void start();
    bool isRunning() const { return m_running; }
    FeedError error() const { return m_error; }
    QUrl indexUrl() const { return m_indexUrl; }
    QString cargoIndexUrl() const;
    QString dataDir() const { return m_dataDir; }
    bool authRequired() const { return m_authRequired; }
    void setAuthRequired(bool required);
    // Moves the running feed to `port` on its thread (LocalFeed::changePort); portChanged()
    // follows. On success indexUrl() is the new one; on failure the feed still serves the old.
    void changePort(quint16 port);

    // The app's own token for the feed, from the keychain or newly made (DesktopFeedToken);
    // desktopTokenReady() follows.
    void obtainDesktopToken();
    // Stores an upstream and its secret (never one without the other), then serves it;
    // connectorAdded() follows, with an empty error on success.
    void addConnector(const ConnectorConfig &config, const QByteArray &secret);

    // One upstream as the window lists it: its settings, and the versions whose bytes it
    // changed after first publishing them (refused until an owner accepts them).
    struct ConnectorOverview
    {
        ConnectorConfig config;
        QList<ConnectorStore::ChangedVersion> changes;
    };
    using Overviews = QList<ConnectorOverview>;
    // Every connector of the feed; `done` runs on the owner's thread unless `context` is gone.
    void listConnectors(QObject *context, std::function<void(const Overviews &)> done);
    // These end in connectorChanged(name, error), and connectorsChanged() when they changed
    // anything. updateConnector() keeps the secret when `secret` is empty (ConnectorSaver).
    void updateConnector(const ConnectorConfig &config, const QByteArray &secret);
    void removeConnector(const QString &name);
    // Trusts the upstream's new bytes for these versions of connector `name`.
    void acceptChanges(const QString &name, const QList<ConnectorStore::ChangedVersion> &changes);

    // Runs `work` with the feed on its thread; `done` gets its result on the owner's thread,
    // unless `context` is gone by then. For what no method here covers (tests, the seed).
    template<typename Result>
    void call(std::function<Result(LocalFeed &)> work, QObject *context, std::function<void(Result)> done)
    {
        runOnFeed([work = std::move(work), context = QPointer<QObject>(context), done = std::move(done)](LocalFeed &feed) {
            Result result = work(feed);
            if (context)
                QMetaObject::invokeMethod(context, [done, result] { done(result); }, Qt::QueuedConnection);
        });
    }

Q_SIGNALS:
    void started(const FeedError &error);
    // After changePort(): the URLs before and after (equal when it failed), and the error.
    void portChanged(const QUrl &oldIndexUrl, const QUrl &newIndexUrl, const FeedError &error);
    void crateChanged(const QString &name);
    void desktopTokenReady(const QByteArray &token, const QString &warning);
    void connectorAdded(const QString &name, const QString &error);
    void connectorChanged(const QString &name, const QString &error);
    // A connector was added, edited or removed, or a change accepted: lists are out of date.
    void connectorsChanged();

private:
    void runOnFeed(std::function<void(LocalFeed &)> work);
    SecretStore *feedSecrets(); // on the feed's thread
    // On the feed's thread: reloads the connectors after a change and reports it.
    void reportChange(LocalFeed &feed, const QString &name, const QString &error, const QString &warning = {});

    QThread m_thread;
    LocalFeed *m_feed; // lives on m_thread
    SecretStore *m_feedSecrets = nullptr; // lives on m_thread, a child of m_feed
    SecretStoreFactory m_secretStoreFactory;
    FeedError m_error;
    bool m_running = false;
    bool m_authRequired = false;
    QUrl m_indexUrl;
    QString m_dataDir;
};
