// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QList>
#include <QString>

// One promotion as ProGet records it (GET /api/promotions/list): a version moved from one feed
// to another, when, by whom, with the comment given. From the network: strings are cut to a
// length a person reads, and the list to what a window shows.
struct ProGetPromotion
{
    QString crate;
    QString version;
    QString fromFeed;
    QString toFeed;
    QDateTime date; // invalid when ProGet gave none that reads
    QString user;
    QString comments;

    // The answer's records ([{package, version, promotions: [{fromFeed, toFeed, date, user,
    // comments}]}]), one entry per promotion, newest first.
    static QList<ProGetPromotion> listFromJson(const QJsonArray &json);
};
