// SPDX-License-Identifier: GPL-3.0-or-later
#include "curationreport.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qsizetype MaxReasonLength = 600;
constexpr qsizetype MaxVersionLength = 200;
constexpr qsizetype MaxRefusals = 100000;
constexpr qsizetype MaxAdvisoriesPerVersion = 20;

QDateTime timeOf(const QJsonValue &value)
{
    const QDateTime time = QDateTime::fromString(value.toString().left(40), Qt::ISODate);
    return time.isValid() ? time.toUTC() : QDateTime();
}

} // namespace

CurationReport CurationReport::fromJson(const QJsonObject &json)
{
    CurationReport report;
    report.blocked = json.value(u"blocked"_s).toBool();
    report.reason = json.value(u"reason"_s).toString().left(MaxReasonLength);
    for (const QJsonValue &value : json.value(u"hidden"_s).toArray()) {
        const QJsonObject entry = value.toObject();
        const QString vers = entry.value(u"vers"_s).toString();
        if (vers.isEmpty() || vers.size() > MaxVersionLength || report.refused.size() >= MaxRefusals)
            continue;
        Refusal refusal;
        refusal.held = entry.value(u"status"_s).toString() == u"held"_s;
        refusal.reason = entry.value(u"reason"_s).toString().left(MaxReasonLength);
        refusal.since = timeOf(entry.value(u"since"_s));
        refusal.until = timeOf(entry.value(u"until"_s));
        if (refusal.held && !refusal.until.isValid())
            refusal.held = false; // held needs an end; without one it is a block
        report.refused.insert(vers, refusal);
    }
    for (const QJsonValue &value : json.value(u"served"_s).toArray()) {
        const QJsonObject entry = value.toObject();
        const QString vers = entry.value(u"vers"_s).toString();
        if (vers.isEmpty() || vers.size() > MaxVersionLength || report.advisories.size() >= MaxRefusals)
            continue;
        QStringList advisories;
        for (const QJsonValue &advisory : entry.value(u"advisories"_s).toArray()) {
            if (advisory.isString() && advisories.size() < MaxAdvisoriesPerVersion)
                advisories << advisory.toString().left(MaxReasonLength);
        }
        if (!advisories.isEmpty())
            report.advisories.insert(vers, advisories);
    }
    return report;
}
