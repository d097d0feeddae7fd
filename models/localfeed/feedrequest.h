// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QUrlQuery>

// One HTTP request to the local feed, reduced to what the feed looks at. Keeping it free of
// QtHttpServer types lets the routing be tested without sockets.
struct FeedRequest
{
    enum class Method { Get, Head, Put, Delete, Other };

    Method method = Method::Get;
    QByteArray encodedPath; // as on the wire, still percent-encoded
    QUrlQuery query;
    QByteArray authorization; // raw header value; never logged
    // Host as the client sent it (HTTP/2: :authority); empty when missing. FeedRouter answers
    // only names of the loopback, so that a web page cannot reach the feed by DNS rebinding.
    QByteArray host;
    QByteArray origin; // the Origin header of a browser's request; empty when none was sent
    QByteArray ifNoneMatch;
    QByteArray ifModifiedSince;
    QByteArray body;
};

struct FeedResponse
{
    int status = 200;
    QByteArray contentType;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    void addHeader(const QByteArray &name, const QByteArray &value) { headers.emplaceBack(name, value); }

    static FeedResponse json(const QByteArray &json, int status = 200);
    static FeedResponse error(int status, const QString &detail);
    static FeedResponse text(const QByteArray &text, int status = 200);
};
