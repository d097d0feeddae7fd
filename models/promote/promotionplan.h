// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cargotypes/indexentry.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// One crate version on its way from a source feed to a target feed.
struct PromotionItem
{
    enum class State {
        Checking,    // the feeds have not answered yet
        Ready,       // in the source, not in the target: will be promoted
        InTarget,    // the target already serves it
        NotInSource, // the source does not have it
        Downloading,
        Publishing,
        Promoted,
        Failed,
        Skipped, // a version it depends on was not promoted
        Cancelled,
    };

    QString name;
    QString vers;
    State state = State::Checking;
    QString message; // why, for the states that need a reason; remarks for the others
    QString cksum;   // the source's sha256
    bool yanked = false; // yanked in the source: stays yanked in the target
    QStringList needs;   // keys of the plan's items it depends on (normal and build dependencies)

    QString key() const { return keyOf(name, vers); }
    static QString keyOf(const QString &name, const QString &vers);
    bool isDone() const; // nothing more will happen to it
    bool isServedByTarget() const { return state == State::InTarget || state == State::Promoted; }
    static QString stateName(State state); // "ready", "in-target", … for JSON and logs
};

// The pure half of a promotion: what each version is, given the index entries both feeds
// gave, and the order that puts every version after the versions of the plan it depends on,
// so that the target never serves a crate whose dependencies it cannot serve.
namespace PromotionPlan {

// `source` and `target` by crate name (lower case); nullopt where a feed did not answer.
struct Answers
{
    QHash<QString, QList<IndexEntry>> source;
    QHash<QString, QString> sourceErrors; // name -> why the index file could not be read
    QHash<QString, QList<IndexEntry>> target;
};

// Fills state, cksum, yanked and needs for each item, and returns them dependencies first
// (input order where nothing depends on anything).
QList<PromotionItem> settle(QList<PromotionItem> items, const Answers &answers);

} // namespace PromotionPlan
