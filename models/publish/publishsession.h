// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cratepublisher.h"
#include "crate/publishcandidate.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>

class PublishPreflight;
class PublishQueue;
class RegistryClient;

// Publishing to one feed, as the panel and the command line drive it: files are added (and
// checked at once), the good ones go out as one batch in dependency order, and each item can
// be cancelled or retried. The session owns the preflight and the queue and knows the order
// of things; front ends only command it and observe its signals.
//
// The feed's client belongs to FeedSessions: when the feed is edited or removed the client
// retires, and the session ends its work with a message saying so (feedLost) instead of
// touching a client that is going away.
class PublishSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PublishSession)

public:
    explicit PublishSession(RegistryClient *client, QObject *parent = nullptr);
    ~PublishSession() override;

    QString feedName() const { return m_feedName; }
    QString feedIndexUrl() const { return m_feedIndexUrl; }
    // Empty while the feed can be published to; otherwise why not.
    QString lostReason() const { return m_lost; }
    bool isProGet() const;

    PublishPreflight *preflight() const { return m_preflight; }
    PublishQueue *queue() const { return m_queue; }

    // Starts checking each file the session does not hold yet (fileAdded, then checked());
    // returns the ones it already held. Nothing is added while a batch runs or the feed is gone.
    QStringList addFiles(const QStringList &paths);
    bool removeFile(const QString &path);
    bool contains(const QString &path) const;
    bool canAddFiles() const { return !isRunning() && m_lost.isEmpty(); }

    int checkingCount() const;
    // Checked, free of errors, and not sent in a batch yet, in the order they were added.
    QList<PublishCandidate> publishable() const;

    // Every checked file's result, in the order the files were added.
    QList<PublishCandidate> candidates() const;

    // ProGet feeds take crates through their own upload too (front ends offer it only once
    // the feed has said it is ProGet; the command line lets the user insist).
    void setRoute(CratePublisher::Route route) { m_route = route; }
    CratePublisher::Route route() const { return m_route; }

    // Sends publishable() as one batch (batchStarted, then the queue's itemChanged/finished).
    bool start();
    bool isRunning() const;
    void cancel();
    void cancelItem(int queueRow);
    void retry(int queueRow);

Q_SIGNALS:
    void fileAdded(int ticket, const QString &path);
    void checked(int ticket, const PublishCandidate &candidate);
    // Every added file has been checked.
    void allChecked();
    void batchStarted();
    void feedLost(const QString &reason);

private:
    struct File
    {
        QString path;
        std::optional<PublishCandidate> candidate; // nullopt while checking
        bool sent = false;
    };
    void fileChecked(int ticket, const PublishCandidate &candidate);
    void loseFeed(const QString &reason);

    QPointer<RegistryClient> m_client;
    QString m_feedName;
    QString m_feedIndexUrl;
    QString m_lost;
    PublishPreflight *m_preflight;
    PublishQueue *m_queue;
    CratePublisher::Route m_route = CratePublisher::Route::CargoApi;
    QList<int> m_order;        // tickets, in the order the files were added
    QHash<int, File> m_files;  // by ticket
};
