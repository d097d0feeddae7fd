// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// A failed feed operation as the web API reports it: an HTTP status plus the one-line
// `detail` that cargo shows the user ("the remote server responded with an error: ...").
// Details the feed answers over HTTP are not translated: they are the server's words in the
// protocol's language, as crates.io answers (the window shows them as the server's words).
// Only errors that never leave the process (starting the feed, its connectors) use tr().
struct FeedError
{
    int status = 0; // 0 = no error
    QString detail;

    bool isError() const { return status != 0; }
    explicit operator bool() const { return isError(); }

    static FeedError badRequest(const QString &detail) { return {400, detail}; }
    static FeedError unauthorized(const QString &detail) { return {401, detail}; }
    static FeedError forbidden(const QString &detail) { return {403, detail}; }
    static FeedError notFound(const QString &detail) { return {404, detail}; }
    static FeedError conflict(const QString &detail) { return {409, detail}; }
    static FeedError tooLarge(const QString &detail) { return {413, detail}; }
    static FeedError internal(const QString &detail) { return {500, detail}; }
};
