// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectorconfig.h"

#include <QString>
#include <QStringList>

// Why something is or is not served. `reason` is set either way when a rule decided it.
struct CurationVerdict
{
    bool allowed = true;
    QString reason;

    static CurationVerdict allow(const QString &reason = {}) { return {true, reason}; }
    static CurationVerdict block(const QString &reason) { return {false, reason}; }
};

// Connector filters with ProGet's semantics: a plain pattern allows, a pattern starting with
// '!' blocks; '*' matches any run of characters and '?' one. A block always wins; when any
// allow pattern exists, a crate must match one of them. Names compare as crate names do:
// case-insensitive, '-' and '_' alike.
namespace CrateFilter {

QString patternError(const QString &pattern);
bool matches(const QString &pattern, const QString &crateName);
CurationVerdict check(const QStringList &filters, const QString &crateName);

// The approved list decides per crate (listed or not) and per version (requirement).
CurationVerdict checkApproved(const QList<ApprovedCrate> &approved, const QString &crateName);
CurationVerdict checkApprovedVersion(const QList<ApprovedCrate> &approved, const QString &crateName, const QString &version);

} // namespace CrateFilter
