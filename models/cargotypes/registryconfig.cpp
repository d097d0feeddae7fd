// SPDX-License-Identifier: GPL-3.0-or-later
#include "registryconfig.h"

#include "cratename.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

std::optional<RegistryConfig> RegistryConfig::parse(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = tr("config.json is not a JSON object (%1)").arg(parseError.errorString());
        return std::nullopt;
    }
    const QJsonObject object = doc.object();
    if (!object.value(u"dl"_s).isString() || object.value(u"dl"_s).toString().isEmpty()) {
        *error = tr("config.json has no \"dl\" download template, so cargo cannot use this feed");
        return std::nullopt;
    }
    RegistryConfig config;
    config.dl = object.value(u"dl"_s).toString();
    const QString api = object.value(u"api"_s).toString();
    if (!api.isEmpty()) {
        config.api = QUrl(api);
        if (!config.api.isValid() || config.api.isRelative()) {
            *error = tr("config.json's \"api\" is not a URL: %1").arg(api);
            return std::nullopt;
        }
    }
    config.authRequired = object.value(u"auth-required"_s).toBool(false);
    return config;
}

QUrl RegistryConfig::downloadUrl(const QString &crate, const QString &version, const QString &cksum) const
{
    static const QStringList markers = {u"{crate}"_s, u"{version}"_s, u"{prefix}"_s, u"{lowerprefix}"_s, u"{sha256-checksum}"_s};
    const bool templated = std::any_of(markers.cbegin(), markers.cend(), [this](const QString &m) { return dl.contains(m); });
    QString url;
    if (!templated) {
        url = dl + u'/' + crate + u'/' + version + u"/download"_s;
    } else {
        url = dl;
        url.replace(u"{crate}"_s, crate)
            .replace(u"{version}"_s, version)
            .replace(u"{prefix}"_s, CrateName::prefix(crate))
            .replace(u"{lowerprefix}"_s, CrateName::lowerPrefix(crate))
            .replace(u"{sha256-checksum}"_s, cksum);
    }
    // A literal '+' must stay '+' (cargo sends build metadata unescaped).
    return QUrl(url, QUrl::TolerantMode);
}

QUrl RegistryConfig::apiUrl(const QString &path) const
{
    QString base = api.toString();
    while (base.endsWith(u'/'))
        base.chop(1);
    return QUrl(base + u"/api/v1"_s + path, QUrl::TolerantMode);
}
