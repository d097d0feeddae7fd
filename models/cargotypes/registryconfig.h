// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QUrl>

#include <optional>

// A feed's config.json: where .crate files come from (`dl`), where the web API lives (`api`),
// and whether every request needs a token (`auth-required`).
struct RegistryConfig
{
    Q_DECLARE_TR_FUNCTIONS(RegistryConfig)

public:
    QString dl;
    QUrl api; // empty when the feed has no web API
    bool authRequired = false;

    static std::optional<RegistryConfig> parse(const QByteArray &json, QString *error);

    // The download URL of one version, as cargo computes it from `dl` (protocol notes 1.2).
    QUrl downloadUrl(const QString &crate, const QString &version, const QString &cksum) const;
    // `{api}/api/v1` + path, with a trailing slash on `api` tolerated.
    QUrl apiUrl(const QString &path) const;
};
