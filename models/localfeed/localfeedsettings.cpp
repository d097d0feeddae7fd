// SPDX-License-Identifier: GPL-3.0-or-later
#include "localfeedsettings.h"

#include <QSettings>

LocalFeedSettings::LocalFeedSettings(QSettings *settings)
    : m_settings(settings)
{
}

quint16 LocalFeedSettings::port(const QSettings &settings)
{
    const qint64 port = settings.value(PortKey, FeedServerOptions::DefaultPort).toLongLong();
    // A settings file edited by hand falls back to the default rather than to port 0.
    return portProblem(port) == PortProblem::None ? quint16(port) : FeedServerOptions::DefaultPort;
}

void LocalFeedSettings::setPort(quint16 port)
{
    m_settings->setValue(PortKey, port);
}

bool LocalFeedSettings::requireTokenToRead() const
{
    return m_settings->value(RequireTokenToReadKey, false).toBool();
}

void LocalFeedSettings::setRequireTokenToRead(bool required)
{
    m_settings->setValue(RequireTokenToReadKey, required);
}

LocalFeedSettings::PortProblem LocalFeedSettings::portProblem(const QString &text)
{
    bool ok = false;
    const qint64 port = text.trimmed().toLongLong(&ok);
    return ok ? portProblem(port) : PortProblem::NotANumber;
}

LocalFeedSettings::PortProblem LocalFeedSettings::portProblem(qint64 port)
{
    if (port > 65535 || port < 0)
        return PortProblem::OutOfRange;
    if (port < MinimumPort)
        return PortProblem::Privileged;
    return PortProblem::None;
}
