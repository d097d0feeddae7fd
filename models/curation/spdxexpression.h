// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectorconfig.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

// An SPDX license expression as crates declare it: identifiers (with an optional '+'),
// `WITH` exceptions, `AND`, `OR` and parentheses; AND binds tighter than OR. The old
// crates.io form "MIT/Apache-2.0" reads as OR, as cargo and crates.io read it.
class SpdxExpression final
{
    Q_DECLARE_TR_FUNCTIONS(SpdxExpression)

public:
    enum class Outcome { Allowed, Blocked, Unknown };

    struct Evaluation
    {
        Outcome outcome = Outcome::Unknown;
        QString reason; // which identifiers decided, in words
    };

    struct Node;

    SpdxExpression();
    SpdxExpression(const SpdxExpression &other);
    SpdxExpression &operator=(const SpdxExpression &other);
    ~SpdxExpression();

    static std::optional<SpdxExpression> parse(const QString &text, QString *error = nullptr);

    // OR passes when any side passes, AND when every side does; an identifier is Allowed
    // when listed as allowed (as "ID WITH EXC" or as ID), Blocked when listed as blocked,
    // else Unknown.
    Evaluation evaluate(const LicenseRules &rules) const;
    // Every license identifier, with its exception ("GPL-2.0 WITH Classpath-exception-2.0").
    QStringList licenses() const;
    // Normalized text: operators upper case, '/' as OR, redundant spaces gone.
    QString toString() const;

private:
    std::unique_ptr<Node> m_root;
};

// The verdict on one crate version's license under a connector's rules.
struct LicenseVerdict
{
    bool allowed = true;
    QString reason;

    static LicenseVerdict judge(const QString &license, const LicenseRules &rules);
};
