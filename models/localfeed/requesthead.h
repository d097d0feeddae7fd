// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionlimits.h"

#include <QByteArray>
#include <QList>
#include <QPair>

// The head of one HTTP/1.x request (request line and header fields), parsed strictly by
// ConnectionGuard before a byte of it reaches Qt HttpServer. Anything two parsers could read
// differently (obsolete line folding, Content-Length twice or beside Transfer-Encoding, an
// unknown transfer coding, a bare CR) is refused here, and Qt gets a re-serialized, canonical
// head, so what the guard checked is exactly what Qt serves.
struct RequestHead
{
    int errorStatus = 0; // 0: parsed; else 400, 414, 417, 431, 501 or 505
    QByteArray errorDetail;

    QByteArray method;
    QByteArray target; // origin-form, "/path?query", as on the wire
    bool http10 = false;
    QList<QPair<QByteArray, QByteArray>> fields; // without the framing fields below
    QByteArray authorization;
    qint64 contentLength = 0;
    bool chunked = false;
    bool expectContinue = false;
    bool closeAfter = false; // Connection: close, or HTTP/1.0 without keep-alive

    QByteArray path() const;
    QByteArray query() const; // after the '?', still percent-encoded; empty without one
    // The first field of that name (case-insensitive), as Qt HttpServer would read it.
    QByteArray field(QByteArrayView name) const;
    // The request line and fields as Qt HttpServer gets them: HTTP/1.1, CRLF, no Expect, no
    // Transfer-Encoding, and Content-Length `bodyLength` when there is a body.
    QByteArray serialized(qint64 bodyLength) const;

    // `head` ends with the empty line (CRLF CRLF or LF LF); its size was checked already.
    static RequestHead parse(const QByteArray &head, const ConnectionLimits &limits);
};
