// SPDX-License-Identifier: GPL-3.0-or-later
#include "progetconnector.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

QJsonObject ProGetConnector::toJson() const
{
    QJsonObject json;
    if (!name.isEmpty())
        json.insert(u"name"_s, name);
    if (!url.isEmpty())
        json.insert(u"url"_s, url);
    if (!feedType.isEmpty())
        json.insert(u"feedType"_s, feedType);
    if (timeout)
        json.insert(u"timeout"_s, *timeout);
    if (metadataCacheEnabled)
        json.insert(u"metadataCacheEnabled"_s, *metadataCacheEnabled);
    if (metadataCacheMinutes)
        json.insert(u"metadataCacheMinutes"_s, *metadataCacheMinutes);
    if (metadataCacheCount)
        json.insert(u"metadataCacheCount"_s, *metadataCacheCount);
    if (!username.isEmpty())
        json.insert(u"username"_s, username);
    if (!password.isEmpty())
        json.insert(u"password"_s, password);
    if (filters)
        json.insert(u"filters"_s, QJsonArray::fromStringList(*filters));
    return json;
}

ProGetConnector ProGetConnector::fromJson(const QJsonObject &json)
{
    ProGetConnector connector;
    connector.name = json.value(u"name"_s).toString();
    connector.url = json.value(u"url"_s).toString();
    connector.feedType = json.value(u"feedType"_s).toString();
    auto optionalInt = [&json](const QString &key) -> std::optional<int> {
        return json.value(key).isDouble() ? std::optional<int>(json.value(key).toInt()) : std::nullopt;
    };
    connector.timeout = optionalInt(u"timeout"_s);
    if (json.value(u"metadataCacheEnabled"_s).isBool())
        connector.metadataCacheEnabled = json.value(u"metadataCacheEnabled"_s).toBool();
    connector.metadataCacheMinutes = optionalInt(u"metadataCacheMinutes"_s);
    connector.metadataCacheCount = optionalInt(u"metadataCacheCount"_s);
    connector.username = json.value(u"username"_s).toString();
    if (json.value(u"filters"_s).isArray()) {
        QStringList list;
        for (const QJsonValue &value : json.value(u"filters"_s).toArray())
            list << value.toString();
        connector.filters = list;
    }
    return connector;
}

QString ProGetEdition::filtersLimitation() const
{
    if (!isFree())
        return {};
    if (version.isEmpty())
        return tr("Connector filters need a paid ProGet edition (Basic or Enterprise); this server runs ProGet Free, which keeps the filters but ignores them");
    return tr("Connector filters need a paid ProGet edition (Basic or Enterprise); this server runs ProGet %1 Free, which keeps the filters but ignores them")
        .arg(version);
}
