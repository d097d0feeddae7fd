// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUrl>

// What went wrong talking to a feed, typed so that callers can react (ask for a token, offer
// the cache, retry) and worded so that the user knows what to do next.
struct RegistryError
{
    enum class Kind {
        None,
        Network,      // connection refused, reset, DNS, TLS
        Timeout,
        Http,         // any other non-2xx status
        AuthRequired, // 401: no token, or the feed wants one
        Forbidden,    // 403: the token may not do this
        NotFound,     // 404/410/451
        Parse,        // the server answered something we cannot read
        Checksum,     // downloaded bytes do not match the index cksum
        TooLarge,     // the server sent more than CrateDesk accepts for that kind of answer
        Cancelled,
        Local,        // a file could not be written, a secret could not be read
    };

    Kind kind = Kind::None;
    int httpStatus = 0;
    QString serverDetail; // the server's own words ({"errors":[{"detail"}]} or a text body)
    QString message;      // one line for the user, naming the feed or URL and the next step
    QUrl url;

    bool isError() const { return kind != Kind::None; }
    explicit operator bool() const { return isError(); }

    static RegistryError make(Kind kind, const QString &message, const QUrl &url = {}, int status = 0,
                              const QString &serverDetail = {})
    {
        return {kind, status, serverDetail, message, url};
    }
};
