// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "proxysettings.h"

#include <QByteArray>
#include <QNetworkProxyFactory>

// The proxy of every request the process makes, after the user's ProxySettings: the system's,
// none, or the manual one. Whatever they say, a request to this machine (127.0.0.1, ::1,
// localhost: the local feed) goes direct: a corporate proxy cannot reach the user's loopback,
// and the local feed's token must not pass through it. (Qt's application-wide lookup skips
// loopback by itself; a manager given this factory directly would not.)
class NetworkProxyFactory final : public QNetworkProxyFactory
{
public:
    NetworkProxyFactory(const ProxySettings &settings, const QByteArray &password);

    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query) override;

    // Whether a request to `host` stays on this machine.
    static bool isLoopbackHost(const QString &host);
    // Makes `settings` the proxy of every network manager in the process: the window's, the
    // local feed's (its upstreams, on the feed's thread) and the command line's. Qt guards the
    // application's factory with a lock, so this may change while requests run; requests
    // made afterwards use the new one.
    static void install(const ProxySettings &settings, const QByteArray &password = {});

private:
    ProxySettings m_settings;
    QByteArray m_password;
};
