// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

// ProGet's connector object (pgutil's ProGetConnector, which Inedo names as the spec):
// camelCase JSON, nulls omitted when writing. The password is write-only: ProGet never
// returns it, and CrateDesk never stores it outside the keychain.
struct ProGetConnector
{
    QString name;
    QString url;
    QString feedType = QStringLiteral("cargo");
    std::optional<int> timeout;
    std::optional<bool> metadataCacheEnabled;
    std::optional<int> metadataCacheMinutes;
    std::optional<int> metadataCacheCount;
    QString username;
    QString password;
    std::optional<QStringList> filters; // plain = allow, "!" = block; replaces on update

    QJsonObject toJson() const;
    static ProGetConnector fromJson(const QJsonObject &json);
    friend bool operator==(const ProGetConnector &, const ProGetConnector &) = default;
};

// What the server said about itself in X-ProGet-Version / X-ProGet-Edition.
struct ProGetEdition
{
    QString version;
    QString edition; // "Free", "Basic", "Enterprise", ...

    bool isKnown() const { return !edition.isEmpty(); }
    bool isFree() const { return edition.compare(QLatin1StringView("Free"), Qt::CaseInsensitive) == 0; }
    // Why a feature does nothing here, or empty when it works: filters need a paid edition.
    QString filtersLimitation() const;

    Q_DECLARE_TR_FUNCTIONS(ProGetEdition)
};
