// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cvss.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

// Which SPDX licenses an upstream version may carry to be served. Unknown covers both a
// license named in neither list and a version that declares none.
struct LicenseRules
{
    QStringList allowed;
    QStringList blocked;
    bool allowUnknown = true;

    bool isActive() const { return !allowed.isEmpty() || !blocked.isEmpty() || !allowUnknown; }
    friend bool operator==(const LicenseRules &, const LicenseRules &) = default;
};

// One entry of the approved list: a crate and the versions of it that may be served.
struct ApprovedCrate
{
    QString name;
    QString requirement; // a cargo version requirement; empty = any version

    QString toString() const { return requirement.isEmpty() ? name : name + u' ' + requirement; }
    friend bool operator==(const ApprovedCrate &, const ApprovedCrate &) = default;
};

// An upstream sparse registry attached to the local feed, as stored in the feed's database.
// The secret (token or Basic password) is never part of it: it lives in the keychain under
// secretKey().
struct ConnectorConfig
{
    Q_DECLARE_TR_FUNCTIONS(ConnectorConfig)

public:
    enum class Auth { None, Token, Basic };

    QString name;
    QUrl indexUrl; // the upstream's sparse index root, without "sparse+", ending in '/'
    Auth auth = Auth::None;
    QString user; // Basic only
    int timeoutSeconds = 30;
    // How long a fetched index file is served without asking the upstream again; 0 revalidates
    // (ETag) on every request.
    int cacheSeconds = 60;
    QStringList filters; // ProGet's: plain = allow, "!" = block, '*' and '?' wildcards
    QList<ApprovedCrate> approved; // empty: no approved list
    LicenseRules licenses;
    // Versions younger than this many days are held back (0: none): new releases are when
    // malicious crates strike. Age from the index line's pubtime, else from when the feed first
    // saw the version listed. The exceptions (a name and a requirement) are never held.
    int minAgeDays = 0;
    // A local copy of the RustSec advisory database (a folder in its layout); empty: none.
    // Versions an advisory of category "malicious" names are blocked; the others are reported.
    QString advisoryDatabase;
    // Also block versions that an advisory with a CVSS 3 score of this severity or worse names:
    // "low", "medium", "high" or "critical"; empty: only malicious code is blocked.
    QString blockSeverity;
    // The severity that blockSeverity names, when it names one.
    std::optional<Severity> blockedSeverity() const;
    QList<ApprovedCrate> ageExceptions;
    static constexpr int MaxMinAgeDays = 365;
    bool isAgeException(const QString &crateName, const QString &version) const;

    QJsonObject toJson() const;
    static ConnectorConfig fromJson(const QJsonObject &json);

    // Empty when the connector can be saved, else what is wrong with which field.
    QString validationError() const;
    // Accepts "sparse+https://host/path", "https://host/path" and adds the trailing '/'.
    static QUrl normalizeIndexUrl(const QString &text, QString *error = nullptr);
    // "serde ^1.0" or "serde"; nullopt with *error for anything else.
    static std::optional<ApprovedCrate> parseApproved(const QString &text, QString *error = nullptr);
    static QString validateName(const QString &name);

    // The keychain entry of this connector's secret in the feed kept at `dataDir`.
    static QString secretKey(const QString &dataDir, const QString &connectorName);

    friend bool operator==(const ConnectorConfig &, const ConnectorConfig &) = default;
};
