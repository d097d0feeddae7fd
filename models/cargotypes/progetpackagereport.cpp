// SPDX-License-Identifier: GPL-3.0-or-later
#include "progetpackagereport.h"

#include <QJsonValue>

#include <algorithm>
#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qsizetype MaxTextLength = 600;
constexpr qsizetype MaxIdLength = 80;
constexpr qsizetype MaxWordLength = 40;
constexpr qsizetype MaxListLength = 50;

QString textOf(const QJsonValue &value, qsizetype limit = MaxTextLength)
{
    return value.isString() ? value.toString().left(limit).simplified() : QString();
}

std::optional<double> scoreOf(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    const double score = value.toDouble();
    return std::isfinite(score) && score >= 0 && score <= 10 ? std::optional(score) : std::nullopt;
}

QStringList stringsOf(const QJsonValue &value)
{
    QStringList result;
    for (const QJsonValue &item : value.toArray()) {
        if (result.size() == MaxListLength)
            break;
        if (const QString text = textOf(item); !text.isEmpty())
            result << text;
    }
    return result;
}

} // namespace

QString ProGetVulnerability::label() const
{
    QStringList rating;
    if (!severity.isEmpty())
        rating << severity;
    if (score)
        rating << QString::number(*score, 'f', 1);
    const QString head = rating.isEmpty() ? id : tr("%1 (%2)", "vulnerability id (severity, score)").arg(id, rating.join(u", "_s));
    return summary.isEmpty() ? head : tr("%1: %2", "vulnerability: its summary").arg(head, summary);
}

bool ProGetPackageReport::blocksDownload() const
{
    return allowDownload == false || std::ranges::any_of(vulnerabilities, &ProGetVulnerability::blocked);
}

ProGetPackageReport ProGetPackageReport::fromMetadata(const QJsonObject &json)
{
    ProGetPackageReport report;
    report.state = textOf(json.value(u"state"_s), MaxWordLength);
    const QJsonObject status = json.value(u"status"_s).toObject();
    report.listed = status.value(u"listed"_s).toBool(true);
    report.deprecated = status.value(u"deprecated"_s).toBool();
    report.deprecationReason = textOf(status.value(u"deprecationReason"_s));
    if (status.value(u"allowDownload"_s).isBool())
        report.allowDownload = status.value(u"allowDownload"_s).toBool();
    const QJsonObject compliance = json.value(u"complianceReport"_s).toObject();
    report.compliance = textOf(compliance.value(u"analysisResult"_s), MaxWordLength);
    report.complianceIssues = stringsOf(compliance.value(u"issues"_s));
    for (const QJsonValue &license : json.value(u"licenses"_s).toArray()) {
        const QString code = textOf(license.toObject().value(u"code"_s), MaxIdLength);
        if (!code.isEmpty() && report.licenses.size() < MaxListLength)
            report.licenses << code;
    }
    for (const QJsonValue &value : json.value(u"vulnerabilities"_s).toArray()) {
        const QJsonObject entry = value.toObject();
        ProGetVulnerability vulnerability{textOf(entry.value(u"id"_s), MaxIdLength), textOf(entry.value(u"summary"_s)), {},
                                          scoreOf(entry.value(u"score"_s))};
        if (vulnerability.id.isEmpty() || report.vulnerabilities.size() == MaxListLength)
            continue;
        for (const QJsonValue &assessment : entry.value(u"assessments"_s).toArray()) {
            const QJsonObject a = assessment.toObject();
            vulnerability.assessed = true;
            vulnerability.blocked = vulnerability.blocked || a.value(u"blocked"_s).toBool();
            if (vulnerability.severity.isEmpty())
                vulnerability.severity = textOf(a.value(u"severity"_s), MaxWordLength);
        }
        report.vulnerabilities << vulnerability;
    }
    return report;
}

QList<QList<ProGetVulnerability>> ProGetPackageReport::fromVulnerabilityAudit(const QJsonArray &json, qsizetype packageCount)
{
    QList<QList<ProGetVulnerability>> byPackage(packageCount);
    for (const QJsonValue &value : json) {
        const QJsonObject entry = value.toObject();
        const ProGetVulnerability vulnerability{textOf(entry.value(u"id"_s), MaxIdLength), textOf(entry.value(u"summary"_s)),
                                                textOf(entry.value(u"severity"_s), MaxWordLength), scoreOf(entry.value(u"numericCvss"_s))};
        if (vulnerability.id.isEmpty())
            continue;
        for (const QJsonValue &index : entry.value(u"affectedPackages"_s).toArray()) {
            const double at = index.toDouble(-1);
            if (at < 0 || at >= double(packageCount) || at != std::floor(at))
                continue;
            QList<ProGetVulnerability> &list = byPackage[qsizetype(at)];
            const bool known = std::ranges::any_of(list, [&](const ProGetVulnerability &v) { return v.id == vulnerability.id; });
            if (!known && list.size() < MaxListLength)
                list << vulnerability;
        }
    }
    return byPackage;
}
