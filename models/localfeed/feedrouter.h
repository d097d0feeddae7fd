// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "feederror.h"
#include "feedrequest.h"
#include "feedserveroptions.h"
#include "feedstore.h"

#include <QObject>
#include <QStringList>
#include <QUrl>

#include <atomic>
#include <functional>

class ConnectorHub;
class TokenUsageRecorder;

// Maps requests to the local feed onto its store: the sparse index (config.json and index
// files), downloads, and the registry web API. Everything cargo sees of the feed is decided
// here; the HTTP server around it only moves bytes.
class FeedRouter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FeedRouter)

public:
    FeedRouter(FeedStore *store, const FeedServerOptions &options, QObject *parent = nullptr);
    ~FeedRouter() override;

    // Where the feed is reachable; known only once the server is listening.
    void setBaseUrl(const QUrl &baseUrl);
    QUrl baseUrl() const { return m_baseUrl; }

    FeedResponse handle(const FeedRequest &request);
    // The same, answering later when an upstream must be asked first: index files and
    // downloads of crates the feed does not hold, and CrateDesk's curation report
    // (GET /cratedesk/v1/curation/{name}). `done` runs exactly once, maybe before this returns.
    using Responder = std::function<void(const FeedResponse &)>;
    void handle(const FeedRequest &request, Responder done);
    // Whether handle(request, done) may have to wait for an upstream. When not, the server
    // answers through handle(request) on the spot, which costs far less per request.
    bool mayAnswerLater() const;
    // Decided from the request line and headers alone, before a body is read: the answer to a
    // write (publish, yank, owners) whose token is missing or wrong, or none. ConnectionGuard
    // sends it at once, so a client without a valid token cannot make the feed read a body.
    std::optional<FeedResponse> precheck(const FeedRequest &headOnly) const;

    // On a serving thread, whose router has a reader store and no hub: whether the writer's
    // router must answer `request` instead. So it must every write, and a read an upstream
    // may have to answer while the feed has upstreams (setUpstreamsActive()).
    bool isForWriter(const FeedRequest &request);
    // From any thread: whether the writer's hub has upstreams now.
    void setUpstreamsActive(bool active) { m_upstreamsActive.store(active, std::memory_order_release); }

    // Upstreams to consult; null or empty keeps the feed purely local.
    void setConnectorHub(ConnectorHub *hub) { m_hub = hub; }
    // Whether reading (index, downloads, search) needs a token too; changeable while serving,
    // from any thread.
    void setAuthRequired(bool required) { m_authRequired.store(required, std::memory_order_release); }
    // The data folder's ownership key, for GET /cratedesk/v1/proof (see FeedOwnership).
    void setOwnershipSecret(const QByteArray &secret) { m_ownershipSecret = secret; }
    // Where accepted tokens are noted as used; null records nothing.
    void setTokenUsage(TokenUsageRecorder *usage) { m_tokenUsage = usage; }

Q_SIGNALS:
    // A crate's index file changed (publish, yank, unyank).
    void crateChanged(const QString &name);

private:
    enum class Access { Read, Write };

    // Before any routing: a Host that is not this feed's loopback address (DNS rebinding)
    // gets 421, a browser's request from another origin 403.
    std::optional<FeedResponse> refuseForeignClient(const FeedRequest &request) const;
    FeedResponse route(const FeedRequest &request, const QStringList &segments);
    FeedResponse ownershipProof(const FeedRequest &request) const;
    FeedResponse configJson() const;
    FeedResponse loginPage() const;
    FeedResponse indexFile(const FeedRequest &request, const QStringList &segments);
    FeedResponse download(const QString &name, const QString &vers) const;
    FeedResponse crateJson(const QString &name) const;
    FeedResponse reverseDependencies(const QString &name) const;
    static FeedResponse fileResponse(const QString &path, const QString &label);
    FeedResponse indexResponse(const FeedRequest &request, const FeedStore::IndexFile &file) const;
    bool routeUpstream(const FeedRequest &request, const QStringList &segments, const Responder &done);
    FeedResponse search(const FeedRequest &request) const;
    FeedResponse publish(const FeedRequest &request, const FeedStore::User &user);
    FeedResponse yank(const QString &name, const QString &vers, bool yanked, const FeedStore::User &user);
    FeedResponse owners(const FeedRequest &request, const QString &name, const FeedStore::User &user);

    // Fills *user when the request carries a valid token; otherwise the response to send.
    std::optional<FeedResponse> authenticate(const FeedRequest &request, Access access, FeedStore::User *user) const;
    FeedResponse unauthorized(const QString &detail) const;

    bool authRequired() const { return m_authRequired.load(std::memory_order_acquire); }

    FeedStore *m_store;
    FeedServerOptions m_options; // authRequired: see m_authRequired
    std::atomic<bool> m_authRequired;
    std::atomic<bool> m_upstreamsActive = false;
    QUrl m_baseUrl;
    ConnectorHub *m_hub = nullptr;
    QByteArray m_ownershipSecret;
    TokenUsageRecorder *m_tokenUsage = nullptr;
};
