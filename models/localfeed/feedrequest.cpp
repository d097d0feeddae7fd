// SPDX-License-Identifier: GPL-3.0-or-later
#include "feedrequest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

FeedResponse FeedResponse::json(const QByteArray &json, int status)
{
    return {status, "application/json; charset=utf-8", json, {}};
}

FeedResponse FeedResponse::error(int status, const QString &detail)
{
    // The one error shape cargo understands and shows: {"errors":[{"detail":"..."}]}.
    const QJsonObject entry{{u"detail"_s, detail}};
    const QJsonObject body{{u"errors"_s, QJsonArray{entry}}};
    return json(QJsonDocument(body).toJson(QJsonDocument::Compact), status);
}

FeedResponse FeedResponse::text(const QByteArray &text, int status)
{
    return {status, "text/plain; charset=utf-8", text, {}};
}
