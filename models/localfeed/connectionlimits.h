// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

// What one client of the local feed may cost it, enforced by ConnectionGuard under Qt
// HttpServer (which in 6.8 has no limit of its own). Loopback is not a trust boundary: other
// users of the machine and web pages reach 127.0.0.1 too. Tests shorten the timeouts.
struct ConnectionLimits
{
    qint64 maxRequestLineBytes = 8 * 1024; // "PUT /path HTTP/1.1": longer is 414
    qint64 maxHeaderBytes = 64 * 1024;     // request line and every header line: longer is 431
    int maxHeaderFields = 100;
    qint64 maxSmallBodyBytes = 64 * 1024;  // any body but a publish (owners JSON): larger is 413
    // A request must arrive in full this fast: its head within headerTimeoutMs of its first
    // byte, a body at least 1 MiB per headerTimeoutMs. Slower is 408 and the connection closes.
    int headerTimeoutMs = 10'000;
    int idleTimeoutMs = 30'000;  // a kept-alive connection with no request is closed after this
    int lingerMs = 2'000;        // after a refusal: unread request bytes are discarded this long
    // Open connections. Beyond it the oldest idle one is closed for the newcomer, or, when none
    // is idle, the newcomer gets 503. Well below the usual 1024 descriptors a process may open.
    int maxConnections = 512;
};
