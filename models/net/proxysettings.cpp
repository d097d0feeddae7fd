// SPDX-License-Identifier: GPL-3.0-or-later
#include "proxysettings.h"

#include <QHostAddress>
#include <QSettings>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;

namespace {

// Stored as words, so that a settings file stays readable and a future mode cannot be
// confused with an old number.
QString modeName(ProxySettings::Mode mode)
{
    switch (mode) {
    case ProxySettings::Mode::None:
        return u"none"_s;
    case ProxySettings::Mode::Manual:
        return u"manual"_s;
    case ProxySettings::Mode::System:
        break;
    }
    return u"system"_s;
}

} // namespace

ProxySettings ProxySettings::load(const QSettings &settings)
{
    ProxySettings proxy;
    const QString mode = settings.value(ModeKey).toString();
    if (mode == modeName(Mode::None))
        proxy.mode = Mode::None;
    else if (mode == modeName(Mode::Manual))
        proxy.mode = Mode::Manual;
    proxy.host = settings.value(HostKey).toString();
    const uint port = settings.value(PortKey, DefaultPort).toUInt();
    proxy.port = port > 0 && port <= 65535 ? quint16(port) : DefaultPort;
    proxy.user = settings.value(UserKey).toString();
    // A file edited by hand must not route traffic to a host the dialog would refuse.
    if (proxy.mode == Mode::Manual && hostProblem(proxy.host) != HostProblem::None)
        proxy.mode = Mode::System;
    return proxy;
}

void ProxySettings::save(QSettings &settings) const
{
    settings.setValue(ModeKey, modeName(mode));
    settings.setValue(HostKey, host);
    settings.setValue(PortKey, port);
    settings.setValue(UserKey, user);
}

ProxySettings::HostProblem ProxySettings::hostProblem(const QString &host)
{
    if (host.isEmpty())
        return HostProblem::Empty;
    for (const QChar c : host) {
        if (c.isSpace())
            return HostProblem::Whitespace;
    }
    if (host.contains(u"://"_s))
        return HostProblem::HasScheme;
    if (QHostAddress address; address.setAddress(host))
        return HostProblem::None;
    // Anything QUrl would not take as the whole host (a port, a path, user info) is refused.
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(host, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() || host.contains(u':') || host.contains(u'/') || host.contains(u'@'))
        return HostProblem::Invalid;
    return HostProblem::None;
}
