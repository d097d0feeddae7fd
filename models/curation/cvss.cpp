// SPDX-License-Identifier: GPL-3.0-or-later
#include "cvss.h"

#include <QHash>
#include <QStringList>

#include <algorithm>
#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace {

// Vectors are about 45 characters; the longest with every temporal and environmental metric
// is under 200.
constexpr qsizetype MaxVectorLength = 256;

// The specification's Roundup: the smallest one-decimal number not below x, computed on
// integers so that 4.000000001 does not become 4.1 through floating-point noise.
double roundUp(double value)
{
    const auto scaled = static_cast<long long>(std::llround(value * 100000.0));
    if (scaled % 10000 == 0)
        return static_cast<double>(scaled) / 100000.0;
    return (static_cast<double>(scaled / 10000) + 1.0) / 10.0;
}

const QHash<QString, QString> &baseMetrics()
{
    static const QHash<QString, QString> metrics{
        {u"AV"_s, u"NALP"_s}, {u"AC"_s, u"LH"_s}, {u"PR"_s, u"NLH"_s}, {u"UI"_s, u"NR"_s},
        {u"S"_s, u"UC"_s},    {u"C"_s, u"HLN"_s},  {u"I"_s, u"HLN"_s},  {u"A"_s, u"HLN"_s},
    };
    return metrics;
}

// Temporal and environmental metrics may follow; they do not change the base score.
bool isOtherMetric(const QString &key)
{
    static const QStringList others{u"E"_s,  u"RL"_s,  u"RC"_s,  u"CR"_s,  u"IR"_s,  u"AR"_s,  u"MAV"_s, u"MAC"_s,
                                    u"MPR"_s, u"MUI"_s, u"MS"_s, u"MC"_s, u"MI"_s, u"MA"_s};
    return others.contains(key);
}

double weight(const QString &metric, QChar value, bool scopeChanged)
{
    const char c = value.toLatin1();
    if (metric == u"AV")
        return c == 'N' ? 0.85 : c == 'A' ? 0.62 : c == 'L' ? 0.55 : 0.2;
    if (metric == u"AC")
        return c == 'L' ? 0.77 : 0.44;
    if (metric == u"PR")
        return c == 'N' ? 0.85 : c == 'L' ? (scopeChanged ? 0.68 : 0.62) : (scopeChanged ? 0.5 : 0.27);
    if (metric == u"UI")
        return c == 'N' ? 0.85 : 0.62;
    return c == 'H' ? 0.56 : c == 'L' ? 0.22 : 0.0; // C, I, A
}

} // namespace

std::optional<CvssVector> CvssVector::parse(const QString &text, QString *error)
{
    const auto fail = [error](const QString &message) -> std::optional<CvssVector> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (text.size() > MaxVectorLength)
        return fail(u"longer than any CVSS vector"_s);
    QStringList parts = text.split(u'/');
    const QString version = parts.takeFirst();
    if (version != u"CVSS:3.0" && version != u"CVSS:3.1")
        return fail(u"not a CVSS 3.0 or 3.1 vector"_s);
    QHash<QString, QChar> values;
    for (const QString &part : std::as_const(parts)) {
        const qsizetype colon = part.indexOf(u':');
        const QString key = part.left(colon);
        const QString value = part.mid(colon + 1);
        if (colon <= 0 || value.size() != 1)
            return fail(u"\"%1\" is not a metric"_s.arg(part.left(20)));
        if (values.contains(key))
            return fail(u"metric %1 appears twice"_s.arg(key));
        if (isOtherMetric(key))
            continue;
        if (!baseMetrics().contains(key) || !baseMetrics().value(key).contains(value.at(0)))
            return fail(u"\"%1\" is not a CVSS 3 base metric"_s.arg(part.left(20)));
        values.insert(key, value.at(0));
    }
    if (values.size() != baseMetrics().size())
        return fail(u"a base metric is missing"_s);

    const bool changed = values.value(u"S"_s) == u'C';
    const auto w = [&](const char *metric) { return weight(QString::fromLatin1(metric), values.value(QString::fromLatin1(metric)), changed); };
    const double iss = 1.0 - (1.0 - w("C")) * (1.0 - w("I")) * (1.0 - w("A"));
    const double impact = changed ? 7.52 * (iss - 0.029) - 3.25 * std::pow(iss - 0.02, 15) : 6.42 * iss;
    const double exploitability = 8.22 * w("AV") * w("AC") * w("PR") * w("UI");
    CvssVector vector;
    if (impact > 0)
        vector.m_score = roundUp(std::min((changed ? 1.08 : 1.0) * (impact + exploitability), 10.0));
    return vector;
}

Severity CvssVector::severityOf(double score)
{
    if (score >= 9.0)
        return Severity::Critical;
    if (score >= 7.0)
        return Severity::High;
    if (score >= 4.0)
        return Severity::Medium;
    return score > 0 ? Severity::Low : Severity::None;
}

QString CvssVector::severityName(Severity severity)
{
    switch (severity) {
    case Severity::None: return u"none"_s;
    case Severity::Low: return u"low"_s;
    case Severity::Medium: return u"medium"_s;
    case Severity::High: return u"high"_s;
    case Severity::Critical: return u"critical"_s;
    }
    return {};
}

std::optional<Severity> CvssVector::severityFromName(const QString &name)
{
    for (const Severity severity : {Severity::None, Severity::Low, Severity::Medium, Severity::High, Severity::Critical}) {
        if (severityName(severity) == name)
            return severity;
    }
    return std::nullopt;
}
