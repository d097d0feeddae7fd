// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionlimits.h"

#include <QString>

// How the embedded local feed is served. The default port is fixed so that a cargo config
// written for the feed keeps working across restarts; tests pass 0 for a random one.
struct FeedServerOptions
{
    static constexpr quint16 DefaultPort = 17821;
    static constexpr qint64 DefaultMaxCrateBytes = 10 * 1024 * 1024;

    QString dataDir;
    quint16 port = DefaultPort;
    bool authRequired = false;
    qint64 maxCrateBytes = DefaultMaxCrateBytes;
    // PEM files; both set means https on 127.0.0.1, with HTTP/2 offered through ALPN as a
    // registry on the network would. Empty means plain http, the default.
    QString tlsCertificateFile;
    QString tlsKeyFile;
    // Sizes, timeouts and the connection cap of the HTTP server (see ConnectionGuard).
    ConnectionLimits limits;
    // Threads that answer reads at once (LocalFeedListener); 0 is one per core. Writes go
    // through the one writer whatever this says.
    int serveThreads = 0;

    // Where a fresh install keeps its local feed: <app data>/feeds/local.
    static QString defaultDataDir();
};
