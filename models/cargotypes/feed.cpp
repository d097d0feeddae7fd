// SPDX-License-Identifier: GPL-3.0-or-later
#include "feed.h"

#include "cratesio.h"
#include "registryname.h"

using namespace Qt::Literals::StringLiterals;

namespace {

QString tokenKey(const QString &feedName)
{
    return u"feed/"_s + feedName + u"/token"_s;
}

QString passwordKey(const QString &feedName)
{
    return u"feed/"_s + feedName + u"/password"_s;
}

} // namespace

QString Feed::cargoIndexUrl() const
{
    return u"sparse+"_s + indexUrl.toString();
}

bool Feed::isCratesIo() const
{
    return CratesIo::isIndex(indexUrl);
}

QString Feed::registryName() const
{
    return origin == Origin::Local ? LocalName : RegistryName::fromDisplayName(name);
}

QString Feed::commandLineName() const
{
    return origin == Origin::Local ? LocalName : name;
}

QString Feed::secretKey() const
{
    switch (auth) {
    case AuthKind::Token:
        return tokenKey(name);
    case AuthKind::Basic:
        return passwordKey(name);
    case AuthKind::None:
        break;
    }
    return {};
}

QStringList Feed::secretKeys(const QString &feedName)
{
    return {tokenKey(feedName), passwordKey(feedName)};
}

QByteArray Feed::authorization(const QByteArray &secret) const
{
    switch (auth) {
    case AuthKind::None:
        return {};
    case AuthKind::Token:
        return secret; // cargo sends the token as is, with no scheme
    case AuthKind::Basic:
        return basicAuthorization(basicUser, secret);
    }
    return {};
}

QByteArray Feed::basicAuthorization(const QString &user, const QByteArray &password)
{
    return "Basic " + QByteArray(user.toUtf8() + ':' + password).toBase64();
}
