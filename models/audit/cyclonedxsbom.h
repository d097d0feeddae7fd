// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "crate/cargolock.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QString>
#include <QUuid>

// A CycloneDX 1.5 JSON bill of materials of the packages a Cargo.lock pins: every package a
// component with its package URL (pkg:cargo/NAME@VERSION, with the registry's index URL as
// repository_url when it is not crates.io, the Git URL as vcs_url), its SHA-256 from the
// lockfile and its license expression where it is known. What `cratedesk audit --sbom`
// writes; validated against CycloneDX's own schema in the tests.
namespace CycloneDxSbom {

struct Input
{
    CargoLock lock;
    QString projectName;                // the lockfile's folder: the BOM's metadata.component
    QHash<QString, QString> licenses;   // "name@version" -> SPDX expression
    QDateTime timestamp;
    QUuid serial;
    QString toolVersion;
};

QByteArray document(const Input &input);
// "pkg:cargo/serde@1.0.0", with qualifiers for other registries and Git.
QString packageUrl(const CargoLock::Package &package);
// SPDX as CycloneDX wants it: cargo's old "MIT/Apache-2.0" becomes "MIT OR Apache-2.0".
QString licenseExpression(const QString &cargoLicense);

} // namespace CycloneDxSbom
