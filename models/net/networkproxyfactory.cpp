// SPDX-License-Identifier: GPL-3.0-or-later
#include "networkproxyfactory.h"

#include <QHostAddress>

using namespace Qt::Literals::StringLiterals;

NetworkProxyFactory::NetworkProxyFactory(const ProxySettings &settings, const QByteArray &password)
    : m_settings(settings)
    , m_password(password)
{
}

bool NetworkProxyFactory::isLoopbackHost(const QString &host)
{
    QString name = host.toLower();
    if (name.startsWith(u'[') && name.endsWith(u']'))
        name = name.mid(1, name.size() - 2);
    if (name == "localhost"_L1 || name.endsWith(".localhost"_L1))
        return true;
    const QHostAddress address(name);
    return !address.isNull() && address.isLoopback();
}

QList<QNetworkProxy> NetworkProxyFactory::queryProxy(const QNetworkProxyQuery &query)
{
    if (isLoopbackHost(query.peerHostName()))
        return {QNetworkProxy(QNetworkProxy::NoProxy)};
    switch (m_settings.mode) {
    case ProxySettings::Mode::None:
        return {QNetworkProxy(QNetworkProxy::NoProxy)};
    case ProxySettings::Mode::Manual:
        return {QNetworkProxy(QNetworkProxy::HttpProxy, m_settings.host, m_settings.port, m_settings.user,
                              QString::fromUtf8(m_password))};
    case ProxySettings::Mode::System:
        break;
    }
    return systemProxyForQuery(query);
}

void NetworkProxyFactory::install(const ProxySettings &settings, const QByteArray &password)
{
    QNetworkProxyFactory::setApplicationProxyFactory(new NetworkProxyFactory(settings, password));
}
