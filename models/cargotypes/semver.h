// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QHashFunctions>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

// A package version as cargo reads it (SemVer 2.0 through Rust's `semver` crate). Strict on
// purpose: a registry that accepts "v1.0" or "1.0.0 " publishes an index cargo cannot load.
class SemVer
{
    Q_DECLARE_TR_FUNCTIONS(SemVer)

public:
    SemVer() = default;
    SemVer(quint64 major, quint64 minor, quint64 patch);

    static std::optional<SemVer> parse(QStringView text, QString *error = nullptr);

    quint64 major() const { return m_major; }
    quint64 minor() const { return m_minor; }
    quint64 patch() const { return m_patch; }
    QStringList prerelease() const { return m_prerelease; }
    QString buildMetadata() const { return m_build; } // without the '+'

    bool isPrerelease() const { return !m_prerelease.isEmpty(); }

    QString toString() const;     // exactly the text it was parsed from
    QString withoutBuild() const; // "1.0.0-rc.1+abc" -> "1.0.0-rc.1"

    // Two versions get the same key iff they have equal precedence. The local feed stores it
    // so that "1.0.7+x" is refused once "1.0.7" exists: cargo could not tell them apart in a
    // requirement. Plain withoutBuild() works because leading zeros are forbidden, so every
    // precedence class has one spelling.
    QString precedenceKey() const { return withoutBuild(); }

    // <0, 0 or >0. Build metadata is ignored, as in the SemVer spec and in requirement matching.
    int comparePrecedence(const SemVer &other) const;

    // Pre-release identifier lists in precedence order, with the empty list (a release)
    // ranking highest. VersionReq needs this for comparators that carry a pre-release.
    static int comparePrerelease(const QStringList &lhs, const QStringList &rhs);

    // Identity, build metadata included: cargo treats 1.0.0+a and 1.0.0+b as two package ids.
    friend bool operator==(const SemVer &, const SemVer &) = default;

    // Ordering is by precedence, so !(a < b) && !(b < a) does not imply a == b.
    friend bool operator<(const SemVer &lhs, const SemVer &rhs) { return lhs.comparePrecedence(rhs) < 0; }
    friend bool operator>(const SemVer &lhs, const SemVer &rhs) { return lhs.comparePrecedence(rhs) > 0; }
    friend bool operator<=(const SemVer &lhs, const SemVer &rhs) { return lhs.comparePrecedence(rhs) <= 0; }
    friend bool operator>=(const SemVer &lhs, const SemVer &rhs) { return lhs.comparePrecedence(rhs) >= 0; }

    friend size_t qHash(const SemVer &version, size_t seed = 0)
    {
        return qHashMulti(seed, version.m_major, version.m_minor, version.m_patch, version.m_prerelease,
                          version.m_build);
    }

private:
    quint64 m_major = 0;
    quint64 m_minor = 0;
    quint64 m_patch = 0;
    QStringList m_prerelease;
    QString m_build;
};

Q_DECLARE_METATYPE(SemVer)
