// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "feedserveroptions.h"

#include <QLatin1StringView>
#include <QString>

class QSettings;

// The desktop app's settings of its embedded feed, each key and default here only: the port
// it listens on, and whether reading it needs a token. The command line's --port and
// --auth-required still win for the run they are given to.
class LocalFeedSettings final
{
public:
    // Why a port cannot be the feed's; the dialog words each for the user.
    enum class PortProblem { None, NotANumber, Privileged, OutOfRange };

    static constexpr QLatin1StringView PortKey{"localFeed/port"};
    static constexpr QLatin1StringView RequireTokenToReadKey{"localFeed/requireTokenToRead"};
    // Below it a port needs privileges a desktop app does not have. Port 0 (any free port) is
    // refused too: cargo's configuration names the port, so it must stay the same at every start.
    static constexpr int MinimumPort = 1024;

    explicit LocalFeedSettings(QSettings *settings);

    quint16 port() const { return port(*m_settings); }
    static quint16 port(const QSettings &settings); // for readers that hold settings as const
    void setPort(quint16 port);
    bool requireTokenToRead() const;
    void setRequireTokenToRead(bool required);

    static PortProblem portProblem(const QString &text);
    static PortProblem portProblem(qint64 port);

private:
    QSettings *m_settings;
};
