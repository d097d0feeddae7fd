// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "semver.h"

#include <QCoreApplication>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

// A dependency's version requirement in cargo's flavour (Rust's `semver` crate): comparators
// joined by ',' meaning AND, no '||'. The default value is "*".
class VersionReq
{
    Q_DECLARE_TR_FUNCTIONS(VersionReq)

public:
    enum class Op {
        Exact,     // =1.2.3
        Greater,   // >1.2.3
        GreaterEq, // >=1.2.3
        Less,      // <1.2.3
        LessEq,    // <=1.2.3
        Tilde,     // ~1.2.3
        Caret,     // ^1.2.3, and a bare 1.2.3
        Wildcard,  // 1.*, 1.2.*; a lone * has no comparator at all
    };

    // A partial version with an operator. minor and patch are absent when the text left them
    // out ("^1") or put a wildcard there ("1.*"); the pre-release needs a patch.
    struct Comparator
    {
        Op op = Op::Caret;
        quint64 major = 0;
        std::optional<quint64> minor;
        std::optional<quint64> patch;
        QStringList prerelease;

        // Alone, without the requirement-wide pre-release rule that VersionReq::matches adds.
        bool matches(const SemVer &version) const;
        QString toString() const;

        friend bool operator==(const Comparator &, const Comparator &) = default;
    };

    // cargo's parser stops there too; beyond it a requirement is surely garbage.
    static constexpr qsizetype MaxComparators = 32;

    VersionReq() = default;

    static std::optional<VersionReq> parse(QStringView text, QString *error = nullptr);

    QList<Comparator> comparators() const { return m_comparators; }
    bool isWildcard() const { return m_comparators.isEmpty(); }

    // Every comparator holds, and a pre-release version is only wanted where some comparator
    // names that same major.minor.patch with a pre-release: "1.0" must not pull in 1.1.0-alpha.
    bool matches(const SemVer &version) const;

    // The highest version by precedence that matches; the first of equals wins.
    std::optional<SemVer> highestMatching(const QList<SemVer> &versions) const;

    // cargo's display form, what `cargo publish` sends: ">=0.1, <0.3", "^0.1", "*".
    QString toString() const;

    friend bool operator==(const VersionReq &, const VersionReq &) = default;

private:
    QList<Comparator> m_comparators;
};

Q_DECLARE_METATYPE(VersionReq)
