// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>

class HttpClient;

// Asks the server at a local feed's URL to prove that it serves the feed's data folder
// (FeedOwnership) before `cratedesk credential` gives cargo that feed's token: a random nonce
// to GET /cratedesk/v1/proof, the answer compared in constant time with the HMAC computed
// from the data folder's key. The server is another process, maybe a squatter: the answer is
// bounded in size and time, and a redirect elsewhere proves nothing.
class FeedOwnershipCheck final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FeedOwnershipCheck)

public:
    static constexpr int TimeoutMs = 5000;
    static constexpr qint64 MaxAnswerBytes = 4096;

    explicit FeedOwnershipCheck(HttpClient *http, QObject *parent = nullptr);
    ~FeedOwnershipCheck() override;

    // `done` gets an empty string when the server at `indexUrl` proved it owns `dataDir`,
    // otherwise why not, for the user. Called exactly once, never before this returns.
    using Done = std::function<void(const QString &refusal)>;
    void verify(const QUrl &indexUrl, const QString &dataDir, Done done);

private:
    HttpClient *m_http;
};
