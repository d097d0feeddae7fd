// SPDX-License-Identifier: GPL-3.0-or-later
#include "cratepreflight.h"

#include "cargomanifest.h"
#include "cargotypes/cratename.h"
#include "cargotypes/cratesio.h"
#include "cargotypes/semver.h"

#include <QFileInfo>
#include <QLocale>

using namespace Qt::Literals::StringLiterals;

namespace {

QString sizeText(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

} // namespace

QString PublishCandidate::label() const
{
    const QString crate = name();
    return crate.isEmpty() ? fileName : crate + u'@' + version();
}

bool PublishCandidate::hasErrors() const
{
    return std::any_of(findings.begin(), findings.end(),
                       [](const PreflightFinding &f) { return f.severity == PreflightFinding::Severity::Error; });
}

QStringList PublishCandidate::messages(PreflightFinding::Severity severity) const
{
    QStringList out;
    for (const PreflightFinding &finding : findings) {
        if (finding.severity == severity)
            out << finding.message;
    }
    return out;
}

PublishCandidate CratePreflight::inspect(const QString &path, const Target &target)
{
    PublishCandidate candidate;
    candidate.path = path;
    candidate.fileName = QFileInfo(path).fileName();
    CrateArchive::Limits limits;
    // Read a little past the feed's limit so the size finding can say by how much.
    limits.maxCrateSize = qMax(limits.maxCrateSize, target.maxCrateSize + 1);
    const QFileInfo info(path);
    if (info.exists() && info.size() > target.maxCrateSize) {
        candidate.findings.append({PreflightFinding::Severity::Error, PreflightFinding::Check::Size,
            tr("%1 is %2, more than the %3 the feed accepts").arg(candidate.fileName, sizeText(info.size()), sizeText(target.maxCrateSize))});
        if (info.size() > limits.maxCrateSize)
            return candidate;
    }
    auto result = CrateArchive::open(path, limits);
    if (!result.isOk()) {
        candidate.findings.append({PreflightFinding::Severity::Error, PreflightFinding::Check::Archive, result.error.message});
        return candidate;
    }
    candidate.archive = std::move(result.archive);
    inspectArchive(candidate, target);
    return candidate;
}

PublishCandidate CratePreflight::inspect(const QByteArray &crate, const QString &displayName, const Target &target)
{
    PublishCandidate candidate;
    candidate.fileName = displayName;
    if (crate.size() > target.maxCrateSize) {
        candidate.findings.append({PreflightFinding::Severity::Error, PreflightFinding::Check::Size,
            tr("%1 is %2, more than the %3 the feed accepts").arg(displayName, sizeText(crate.size()), sizeText(target.maxCrateSize))});
    }
    CrateArchive::Limits limits;
    limits.maxCrateSize = qMax(limits.maxCrateSize, qint64(crate.size()));
    auto result = CrateArchive::fromBytes(crate, limits, displayName);
    if (!result.isOk()) {
        candidate.findings.append({PreflightFinding::Severity::Error, PreflightFinding::Check::Archive, result.error.message});
        return candidate;
    }
    candidate.archive = std::move(result.archive);
    inspectArchive(candidate, target);
    return candidate;
}

void CratePreflight::inspectArchive(PublishCandidate &candidate, const Target &target)
{
    using Severity = PreflightFinding::Severity;
    using Check = PreflightFinding::Check;
    const CrateArchive &archive = *candidate.archive;
    const QString file = candidate.fileName;

    if (const QString nameError = CrateName::validationError(archive.name()); !nameError.isEmpty())
        candidate.findings.append({Severity::Error, Check::Name, tr("%1: %2", "crate file: problem").arg(file, nameError)});
    QString versionError;
    if (!SemVer::parse(archive.version(), &versionError))
        candidate.findings.append({Severity::Error, Check::Version,
                                   tr("%1: the version \"%2\" is not SemVer: %3").arg(file, archive.version(), versionError)});

    const auto manifest = CargoManifest::parse(archive.manifestBytes(), archive.topDirectory() + u"/Cargo.toml"_s);
    if (!manifest.isOk()) {
        candidate.findings.append({Severity::Error, Check::Manifest, tr("%1: %2", "crate file: problem").arg(file, manifest.error.message)});
        return;
    }
    const CargoManifest &m = *manifest.manifest;
    if (m.name != archive.name() || m.version != archive.version()) {
        candidate.findings.append({Severity::Error, Check::TopFolder,
            tr("%1: Cargo.toml describes %2 %3, but the package folder is %4").arg(file, m.name, m.version, archive.topDirectory())});
        return;
    }
    if (m.publish) {
        if (m.publish->isEmpty()) {
            candidate.findings.append({Severity::Error, Check::PublishList,
                tr("%1: Cargo.toml says `publish = false`, so cargo would not publish it anywhere").arg(file)});
        } else if (!target.registryName.isEmpty() && !m.publish->contains(target.registryName)) {
            candidate.findings.append({Severity::Error, Check::PublishList,
                tr("%1: Cargo.toml allows publishing only to %2, not to %3").arg(file, m.publish->join(u", "_s), target.registryName)});
        }
    }

    auto metadata = PublishMetadata::fromArchive(archive, target.indexUrl);
    if (!metadata.isOk()) {
        candidate.findings.append({Severity::Error, Check::Manifest, tr("%1: %2", "crate file: problem").arg(file, metadata.error)});
        return;
    }
    candidate.metadata = std::move(metadata.metadata);
    const PublishMetadata &meta = *candidate.metadata;

    if (!meta.license && !meta.licenseFile) {
        candidate.findings.append({Severity::Warning, Check::License,
            tr("%1 declares neither `license` nor `license-file`; users of the feed will not know its terms").arg(candidate.label())});
    }

    // crates.io refuses dependencies from any other registry (protocol notes 2.2); so do
    // feeds that mirror its rules. Other feeds take them.
    if (CratesIo::isIndex(target.indexUrl)) {
        QStringList foreign;
        for (const PublishMetadata::Dependency &dep : meta.deps) {
            if (dep.registry && !CratesIo::isIndex(*dep.registry))
                foreign << tr("%1 (from %2)", "a dependency (from its registry's index), one item of a list").arg(dep.name, *dep.registry);
        }
        if (!foreign.isEmpty()) {
            candidate.findings.append({Severity::Error, Check::Registry,
                tr("%1 depends on crates from other registries, which crates.io refuses: %2").arg(candidate.label(), foreign.join(u", "_s))});
        }
    }
}
