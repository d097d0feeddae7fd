// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

// The severity of a vulnerability, as CVSS v3 names the ranges of its base score.
enum class Severity { None, Low, Medium, High, Critical };

// A CVSS v3.0 or v3.1 base vector ("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"), the
// form RustSec advisories carry in their `cvss` field, scored as the specification's
// section 7 computes it. Anything else (CVSS 2 or 4, a metric missing, repeated or unknown)
// is not a vector: a connector must never block or clear a version on a score it made up.
class CvssVector final
{
public:
    static std::optional<CvssVector> parse(const QString &text, QString *error = nullptr);

    double baseScore() const { return m_score; } // 0.0 to 10.0, one decimal
    Severity severity() const { return severityOf(m_score); }

    static Severity severityOf(double score);
    static QString severityName(Severity severity); // "low", "medium", …: the config's words
    static std::optional<Severity> severityFromName(const QString &name);

private:
    double m_score = 0;
};
