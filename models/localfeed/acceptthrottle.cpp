// SPDX-License-Identifier: GPL-3.0-or-later
#include "acceptthrottle.h"

#include <QLoggingCategory>
#include <QTcpServer>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>
#endif

using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcAcceptThrottle, "cratedesk.feed.accept")

AcceptThrottle::AcceptThrottle(QTcpServer *server)
    : QObject(server)
    , m_server(server)
    , m_maxPending(server->maxPendingConnections())
{
    m_retry.setInterval(RetryMs);
    connect(&m_retry, &QTimer::timeout, this, &AcceptThrottle::retry);
    connect(server, &QTcpServer::acceptError, this, [this] { pause(m_server->errorString()); });
    // Emitted once the accepted descriptor has been given away (LocalFeedListener) or taken
    // (Qt HttpServer's own slot runs on pendingConnectionAvailable before): it counts here.
    connect(server, &QTcpServer::newConnection, this, [this] {
        if (descriptorsLow())
            pause(u"fewer than %1 file descriptors are left"_s.arg(ReserveDescriptors));
    });
}

AcceptThrottle::~AcceptThrottle() = default;

bool AcceptThrottle::descriptorsLow()
{
#ifdef Q_OS_UNIX
    // The lowest free descriptor is what open() returns; a few system calls per connection.
    struct rlimit limit;
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY)
        return false;
    const int probe = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (probe < 0)
        return true;
    ::close(probe);
    return rlim_t(probe) + ReserveDescriptors >= limit.rlim_cur;
#else
    return false;
#endif
}

void AcceptThrottle::pause(const QString &reason)
{
    // QTcpServer accepts in a loop until accept() fails, whatever pauseAccepting() says in the
    // middle of it, so the reserve would be gone (and with it the descriptors SQLite, crate
    // files and the sanitizers need). The loop checks the pending limit before every accept:
    // at 0 it stops at once.
    m_server->setMaxPendingConnections(0);
    m_server->pauseAccepting();
    if (!m_paused) {
        qCWarning(lcAcceptThrottle).noquote() << "not accepting connections on port" << m_server->serverPort() << "for now:" << reason
                                              << "; new clients wait until descriptors are free";
    }
    m_paused = true;
    m_retry.start();
}

void AcceptThrottle::retry()
{
    if (descriptorsLow())
        return;
    m_retry.stop();
    m_paused = false;
    m_server->setMaxPendingConnections(m_maxPending);
    m_server->resumeAccepting();
    qCInfo(lcAcceptThrottle) << "accepting connections again on port" << m_server->serverPort();
}
