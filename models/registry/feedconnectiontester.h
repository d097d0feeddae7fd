// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cargotypes/feed.h"
#include "cargotypes/registryconfig.h"
#include "cargotypes/registryerror.h"

#include <QCoreApplication>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <optional>

class HttpClient;
class RegistryClient;
class RegistryReply;
class SecretStore;

// What "Test connection" found out about a feed: its config.json, or why it could not be read.
struct FeedConnectionResult
{
    Q_DECLARE_TR_FUNCTIONS(FeedConnectionResult)

public:
    Feed feed;
    RegistryError error;                 // None when config.json was read
    std::optional<RegistryConfig> config;
    bool proGet = false;                 // the answer carried ProGet's headers
    QString loginUrl;                    // where the feed says a token can be had (401 challenge)

    bool ok() const { return !error.isError(); }
    // One short line per finding, worded for the user.
    QStringList findings() const;
};

// Fetches a feed's config.json the way cargo does (unauthenticated first, the credential on a
// 401) before the feed is saved, so the dialog can show what the feed is and whether the
// credential works. Uses the one HttpClient; one test at a time, a new one supersedes.
class FeedConnectionTester final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FeedConnectionTester)

public:
    explicit FeedConnectionTester(HttpClient *http, SecretStore *secrets, QObject *parent = nullptr);
    ~FeedConnectionTester() override;

    // `secret` is what the user typed (possibly nothing); std::nullopt means "whatever the
    // SecretStore holds for this feed name", as the saved feed would use it.
    void start(const Feed &feed, const std::optional<QByteArray> &secret = std::nullopt);
    void cancel();
    bool isRunning() const { return !m_reply.isNull(); }

Q_SIGNALS:
    void finished(const FeedConnectionResult &result);

private:
    void stop();

    HttpClient *m_http;
    SecretStore *m_secrets;
    QPointer<RegistryClient> m_client;
    QPointer<RegistryReply> m_reply;
};

Q_DECLARE_METATYPE(FeedConnectionResult)
