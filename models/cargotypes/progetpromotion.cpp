// SPDX-License-Identifier: GPL-3.0-or-later
#include "progetpromotion.h"

#include <QJsonObject>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qsizetype MaxTextLength = 600;
constexpr qsizetype MaxNameLength = 200;
constexpr qsizetype MaxPromotions = 10000;

QString textOf(const QJsonObject &object, const QString &key, qsizetype limit = MaxNameLength)
{
    return object.value(key).toString().left(limit);
}

} // namespace

QList<ProGetPromotion> ProGetPromotion::listFromJson(const QJsonArray &json)
{
    QList<ProGetPromotion> result;
    for (const QJsonValue &entry : json) {
        const QJsonObject record = entry.toObject();
        for (const QJsonValue &value : record.value(u"promotions"_s).toArray()) {
            if (result.size() == MaxPromotions)
                break;
            const QJsonObject promotion = value.toObject();
            const QDateTime date = QDateTime::fromString(textOf(promotion, u"date"_s, 40), Qt::ISODateWithMs);
            result.append({textOf(record, u"package"_s), textOf(record, u"version"_s), textOf(promotion, u"fromFeed"_s),
                           textOf(promotion, u"toFeed"_s), date.isValid() ? date.toUTC() : QDateTime(), textOf(promotion, u"user"_s),
                           textOf(promotion, u"comments"_s, MaxTextLength)});
        }
    }
    std::ranges::stable_sort(result, [](const ProGetPromotion &a, const ProGetPromotion &b) { return a.date > b.date; });
    return result;
}
