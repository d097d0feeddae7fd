// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLatin1StringView>
#include <QString>

class QSettings;

// How CrateDesk reaches feeds on the network: through the proxy the system names (the
// default, as Qt does without a setting), through none, or through one the user names. The
// keys and defaults live here only; the password is never a setting (PasswordSecretKey names
// its keychain entry).
struct ProxySettings
{
    enum class Mode { System, None, Manual };
    // Why a host cannot name a proxy; the dialog words each for the user.
    enum class HostProblem { None, Empty, Whitespace, HasScheme, Invalid };

    static constexpr QLatin1StringView ModeKey{"network/proxyMode"};
    static constexpr QLatin1StringView HostKey{"network/proxyHost"};
    static constexpr QLatin1StringView PortKey{"network/proxyPort"};
    static constexpr QLatin1StringView UserKey{"network/proxyUser"};
    // The keychain entry (SecretStore) of the manual proxy's password.
    static constexpr QLatin1StringView PasswordSecretKey{"network-proxy/password"};
    static constexpr quint16 DefaultPort = 8080;

    Mode mode = Mode::System;
    QString host;
    quint16 port = DefaultPort;
    QString user; // empty: the proxy asks for no credentials

    static ProxySettings load(const QSettings &settings);
    void save(QSettings &settings) const;
    bool needsPassword() const { return mode == Mode::Manual && !user.isEmpty(); }
    // A host name or address, nothing else: "http://proxy" or "proxy:3128" would otherwise
    // reach Qt as a name that never resolves, and the user would see only timeouts.
    static HostProblem hostProblem(const QString &host);

    friend bool operator==(const ProxySettings &, const ProxySettings &) = default;
};
