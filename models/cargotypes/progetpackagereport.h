// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// What a ProGet server says of one package version: its status, license compliance and the
// vulnerabilities it knows, from the Packages API's metadata
// (GET /api/packages/{feed}/metadata) and the batch vulnerability audit
// (POST /api/sca/audit-package-vulns). Both come from the network: strings are cut to a
// length a person reads, lists to a length a window shows, and what is not understood is
// left out rather than guessed.
struct ProGetVulnerability
{
    Q_DECLARE_TR_FUNCTIONS(ProGetVulnerability)

public:
    QString id;       // "PGV-2412345"
    QString summary;
    QString severity; // as ProGet names it ("High"); may be empty
    std::optional<double> score;
    bool blocked = false; // an assessment of it blocks the package
    bool assessed = false;

    // "PGV-1 (High, 7.5): summary"
    QString label() const;
};

struct ProGetPackageReport
{
    QString state;                     // "Local", "Remote", …
    bool listed = true;
    bool deprecated = false;
    QString deprecationReason;
    std::optional<bool> allowDownload; // false: an administrator blocked it
    QString compliance;                // "Compliant", "Warn", "Inconclusive", "Noncompliant", or empty
    QStringList complianceIssues;
    QStringList licenses;              // codes, as ProGet names them
    QList<ProGetVulnerability> vulnerabilities;

    bool isNoncompliant() const { return compliance.compare(u"Noncompliant", Qt::CaseInsensitive) == 0; }
    // Blocked by ProGet: downloads refused, or a vulnerability assessed as blocking.
    bool blocksDownload() const;

    static ProGetPackageReport fromMetadata(const QJsonObject &json);
    // The batch audit's answer: which vulnerabilities name the package at `index` of the
    // request (VulnerabilityInfo.affectedPackages holds indexes into it).
    static QList<QList<ProGetVulnerability>> fromVulnerabilityAudit(const QJsonArray &json, qsizetype packageCount);
};
