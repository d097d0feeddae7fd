// SPDX-License-Identifier: GPL-3.0-or-later
#include "publishmetadata.h"

#include "cargotypes/cratesio.h"
#include "cargotypes/versionreq.h"

#include "cargomanifest.h"
#include "cratearchive.h"

#include <QDir>
#include <QStringDecoder>
#include <QUrl>
#include <QtEndian>

#include <algorithm>
#include <limits>
#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace {

// Larger than any readme crates.io renders; keeps one hostile file from filling memory.
constexpr qint64 MaxReadmeSize = 10 * 1024 * 1024;
constexpr int MaxCfgDepth = 64;

// ---- cfg(...) platforms, after cargo-platform's cfg.rs ----

class CfgParser
{
public:
    explicit CfgParser(QStringView text)
        : m_text(text)
    {
    }

    std::optional<QString> parseAll()
    {
        auto expression = expr(0);
        skipWhitespace();
        if (!expression || m_pos != m_text.size())
            return std::nullopt;
        return expression;
    }

private:
    void skipWhitespace()
    {
        while (m_pos < m_text.size() && m_text.at(m_pos).isSpace())
            ++m_pos;
    }

    bool eat(QChar c)
    {
        skipWhitespace();
        if (m_pos < m_text.size() && m_text.at(m_pos) == c) {
            ++m_pos;
            return true;
        }
        return false;
    }

    std::optional<QString> identifier()
    {
        skipWhitespace();
        const qsizetype start = m_pos;
        if (m_text.mid(m_pos).startsWith(u"r#"))
            m_pos += 2;
        if (m_pos >= m_text.size() || !(m_text.at(m_pos).isLetter() || m_text.at(m_pos) == u'_'))
            return std::nullopt;
        while (m_pos < m_text.size() && (m_text.at(m_pos).isLetterOrNumber() || m_text.at(m_pos) == u'_'))
            ++m_pos;
        return m_text.mid(start, m_pos - start).toString();
    }

    std::optional<QString> expr(int depth)
    {
        if (depth > MaxCfgDepth)
            return std::nullopt;
        const auto name = identifier();
        if (!name)
            return std::nullopt;
        if (*name == u"all"_s || *name == u"any"_s) {
            if (!eat(u'('))
                return std::nullopt;
            QStringList parts;
            while (!eat(u')')) {
                const auto part = expr(depth + 1);
                if (!part)
                    return std::nullopt;
                parts.append(*part);
                if (!eat(u',')) {
                    if (!eat(u')'))
                        return std::nullopt;
                    break;
                }
            }
            return *name + u'(' + parts.join(u", "_s) + u')';
        }
        if (*name == u"not"_s) {
            if (!eat(u'('))
                return std::nullopt;
            const auto inner = expr(depth + 1);
            if (!inner || !eat(u')'))
                return std::nullopt;
            return u"not("_s + *inner + u')';
        }
        if (!eat(u'='))
            return name;
        skipWhitespace();
        // cfg strings have no escapes: they run to the next quote.
        if (m_pos >= m_text.size() || m_text.at(m_pos) != u'"')
            return std::nullopt;
        const qsizetype close = m_text.indexOf(u'"', m_pos + 1);
        if (close < 0)
            return std::nullopt;
        const QString value = m_text.mid(m_pos + 1, close - m_pos - 1).toString();
        m_pos = close + 1;
        return *name + u" = \""_s + value + u'"';
    }

    QStringView m_text;
    qsizetype m_pos = 0;
};

// ---- registries ----

// ---- JSON, byte for byte as serde_json writes it ----

void appendString(QByteArray &out, const QString &text)
{
    out += '"';
    const QByteArray utf8 = text.toUtf8();
    for (const char c : utf8) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (uchar(c) < 0x20)
                out += "\\u00" + QByteArray::number(uchar(c), 16).rightJustified(2, '0');
            else
                out += c;
        }
    }
    out += '"';
}

void appendOptional(QByteArray &out, const std::optional<QString> &text)
{
    if (text)
        appendString(out, *text);
    else
        out += "null";
}

void appendList(QByteArray &out, const QStringList &list)
{
    out += '[';
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (i > 0)
            out += ',';
        appendString(out, list.at(i));
    }
    out += ']';
}

// Cargo's maps are BTreeMaps of Strings, ordered by UTF-8 bytes rather than UTF-16 units.
template<typename Map>
QStringList keysInByteOrder(const Map &map)
{
    QStringList keys = map.keys();
    std::sort(keys.begin(), keys.end(), [](const QString &a, const QString &b) { return a.toUtf8() < b.toUtf8(); });
    return keys;
}

QString kindName(CargoManifest::Dependency::Kind kind)
{
    switch (kind) {
    case CargoManifest::Dependency::Kind::Development: return u"dev"_s;
    case CargoManifest::Dependency::Kind::Build: return u"build"_s;
    case CargoManifest::Dependency::Kind::Normal: break;
    }
    return u"normal"_s;
}

} // namespace

std::optional<QString> PublishMetadata::normalizeVersionReq(const QString &requirement, QString *error)
{
    // cargo sends the parsed requirement re-displayed; VersionReq parses and prints it as cargo does.
    const auto parsed = VersionReq::parse(requirement, error);
    if (!parsed)
        return std::nullopt;
    return parsed->toString();
}

std::optional<QString> PublishMetadata::dependencyRegistry(const std::optional<QString> &registryIndex,
                                                           const QString &targetIndexUrl)
{
    // In Cargo.toml no registry means crates.io; in the publish JSON and the index it means
    // "the registry this is published to" (pitfall 10).
    const QString index = registryIndex.value_or(CratesIo::gitIndexUrl());
    if (CratesIo::canonicalIndex(index) == CratesIo::canonicalIndex(targetIndexUrl))
        return std::nullopt;
    return index;
}

QString PublishMetadata::normalizePlatform(const QString &target)
{
    if (!target.startsWith(u"cfg("_s) || !target.endsWith(u')'))
        return target;
    const auto expression = CfgParser(QStringView(target).mid(4, target.size() - 5)).parseAll();
    // Cargo would have refused a cfg it cannot parse; keep such a key rather than guess.
    return expression ? u"cfg("_s + *expression + u')' : target;
}

PublishMetadata::Result PublishMetadata::fromManifest(const CargoManifest &manifest, const std::optional<QString> &readme,
                                                      const QString &targetIndexUrl)
{
    PublishMetadata metadata;
    metadata.name = manifest.name;
    metadata.vers = manifest.version;
    for (const CargoManifest::Dependency &dep : manifest.dependencies) {
        // Cargo drops dev-dependencies without a version: they were path-only.
        if (dep.kind == CargoManifest::Dependency::Kind::Development && dep.versionRequirement.isEmpty())
            continue;
        if (dep.registry && !dep.registryIndex) {
            return {std::nullopt,
                    tr("dependency \"%1\" names the registry \"%2\" rather than its index URL; "
                       "only a Cargo.toml normalized by cargo package can be published").arg(dep.name, *dep.registry)};
        }
        Dependency out;
        out.name = dep.packageName();
        if (dep.package)
            out.explicitNameInToml = dep.name;
        if (dep.versionRequirement.isEmpty()) {
            out.versionReq = u"*"_s;
        } else {
            QString error;
            const auto req = normalizeVersionReq(dep.versionRequirement, &error);
            if (!req) {
                return {std::nullopt, tr("dependency \"%1\" has the invalid version requirement \"%2\": %3")
                                          .arg(dep.name, dep.versionRequirement, error)};
            }
            out.versionReq = *req;
        }
        out.features = dep.features;
        out.optional = dep.optional;
        out.defaultFeatures = dep.defaultFeatures;
        if (dep.target)
            out.target = normalizePlatform(*dep.target);
        out.kind = kindName(dep.kind);
        out.registry = dependencyRegistry(dep.registryIndex, targetIndexUrl);
        metadata.deps.append(out);
    }
    metadata.features = manifest.features;
    metadata.authors = manifest.authors;
    metadata.description = manifest.description;
    metadata.documentation = manifest.documentation;
    metadata.homepage = manifest.homepage;
    metadata.readme = readme;
    metadata.readmeFile = manifest.readmeDisabled ? std::nullopt : manifest.readme;
    metadata.keywords = manifest.keywords;
    metadata.categories = manifest.categories;
    metadata.license = manifest.license;
    metadata.licenseFile = manifest.licenseFile;
    metadata.repository = manifest.repository;
    metadata.badges = manifest.badges;
    metadata.links = manifest.links;
    metadata.rustVersion = manifest.rustVersion;
    return {std::move(metadata), {}};
}

PublishMetadata::Result PublishMetadata::fromArchive(const CrateArchive &archive, const QString &targetIndexUrl)
{
    const QString manifestPath = archive.topDirectory() + u"/Cargo.toml"_s;
    const auto parsed = CargoManifest::parse(archive.manifestBytes(), manifestPath);
    if (!parsed.isOk())
        return {std::nullopt, parsed.error.message};
    CargoManifest manifest = *parsed.manifest;
    if (manifest.name != archive.name() || manifest.version != archive.version()) {
        return {std::nullopt, tr("%1 describes %2 %3, but the package folder is %4")
                                  .arg(manifestPath, manifest.name, manifest.version, archive.topDirectory())};
    }

    // Paths in the manifest are relative to the package root and may be written "./x".
    const auto inArchive = [](const QString &path) { return QDir::cleanPath(path); };

    // Without a readme key cargo looks for the conventional names.
    if (!manifest.readme && !manifest.readmeDisabled) {
        for (const QString &candidate : {u"README.md"_s, u"README.txt"_s, u"README"_s}) {
            if (archive.contains(candidate)) {
                manifest.readme = candidate;
                break;
            }
        }
    }
    std::optional<QString> readme;
    if (manifest.readme && !manifest.readmeDisabled) {
        const QString path = inArchive(*manifest.readme);
        const auto file = archive.file(path);
        if (!file)
            return {std::nullopt, tr("the readme \"%1\" named in %2 is not in the package").arg(*manifest.readme, manifestPath)};
        if (file->size > MaxReadmeSize) {
            return {std::nullopt,
                    tr("the readme \"%1\" is larger than %2 MiB").arg(*manifest.readme, QString::number(MaxReadmeSize >> 20))};
        }
        const auto bytes = archive.fileData(path, MaxReadmeSize);
        if (!bytes)
            return {std::nullopt, tr("the readme \"%1\" cannot be read").arg(*manifest.readme)};
        // Cargo reads it as a Rust String, which must be UTF-8.
        QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString text = utf8.decode(*bytes);
        if (utf8.hasError())
            return {std::nullopt, tr("the readme \"%1\" is not valid UTF-8").arg(*manifest.readme)};
        readme = text;
    }
    if (manifest.licenseFile && !archive.contains(inArchive(*manifest.licenseFile)))
        return {std::nullopt, tr("the license file \"%1\" does not exist in the package").arg(*manifest.licenseFile)};

    return fromManifest(manifest, readme, targetIndexUrl);
}

QByteArray PublishMetadata::toJson() const
{
    QByteArray out;
    out.reserve(1024 + (readme ? readme->size() : 0));
    out += "{\"name\":";
    appendString(out, name);
    out += ",\"vers\":";
    appendString(out, vers);
    out += ",\"deps\":[";
    for (qsizetype i = 0; i < deps.size(); ++i) {
        const Dependency &dep = deps.at(i);
        if (i > 0)
            out += ',';
        out += "{\"optional\":";
        out += dep.optional ? "true" : "false";
        out += ",\"default_features\":";
        out += dep.defaultFeatures ? "true" : "false";
        out += ",\"name\":";
        appendString(out, dep.name);
        out += ",\"features\":";
        appendList(out, dep.features);
        out += ",\"version_req\":";
        appendString(out, dep.versionReq);
        out += ",\"target\":";
        appendOptional(out, dep.target);
        out += ",\"kind\":";
        appendString(out, dep.kind);
        // serde's skip_serializing_if: absent, not null.
        if (dep.registry) {
            out += ",\"registry\":";
            appendString(out, *dep.registry);
        }
        if (dep.explicitNameInToml) {
            out += ",\"explicit_name_in_toml\":";
            appendString(out, *dep.explicitNameInToml);
        }
        out += '}';
    }
    out += "],\"features\":{";
    const QStringList featureNames = keysInByteOrder(features);
    for (qsizetype i = 0; i < featureNames.size(); ++i) {
        if (i > 0)
            out += ',';
        appendString(out, featureNames.at(i));
        out += ':';
        appendList(out, features.value(featureNames.at(i)));
    }
    out += "},\"authors\":";
    appendList(out, authors);
    out += ",\"description\":";
    appendOptional(out, description);
    out += ",\"documentation\":";
    appendOptional(out, documentation);
    out += ",\"homepage\":";
    appendOptional(out, homepage);
    out += ",\"readme\":";
    appendOptional(out, readme);
    out += ",\"readme_file\":";
    appendOptional(out, readmeFile);
    out += ",\"keywords\":";
    appendList(out, keywords);
    out += ",\"categories\":";
    appendList(out, categories);
    out += ",\"license\":";
    appendOptional(out, license);
    out += ",\"license_file\":";
    appendOptional(out, licenseFile);
    out += ",\"repository\":";
    appendOptional(out, repository);
    out += ",\"badges\":{";
    const QStringList badgeNames = keysInByteOrder(badges);
    for (qsizetype i = 0; i < badgeNames.size(); ++i) {
        if (i > 0)
            out += ',';
        appendString(out, badgeNames.at(i));
        out += ":{";
        const QMap<QString, QString> attributes = badges.value(badgeNames.at(i));
        const QStringList attributeNames = keysInByteOrder(attributes);
        for (qsizetype j = 0; j < attributeNames.size(); ++j) {
            if (j > 0)
                out += ',';
            appendString(out, attributeNames.at(j));
            out += ':';
            appendString(out, attributes.value(attributeNames.at(j)));
        }
        out += '}';
    }
    out += "},\"links\":";
    appendOptional(out, links);
    out += ",\"rust_version\":";
    appendOptional(out, rustVersion);
    out += '}';
    return out;
}

QByteArray PublishMetadata::frame(const QByteArray &json, const QByteArray &crate)
{
    constexpr qint64 MaxPart = std::numeric_limits<quint32>::max();
    if (json.size() > MaxPart || crate.size() > MaxPart)
        return {};
    QByteArray body;
    body.reserve(8 + json.size() + crate.size());
    const auto appendLength = [&body](qsizetype length) {
        char bytes[4];
        qToLittleEndian<quint32>(quint32(length), bytes);
        body.append(bytes, 4);
    };
    appendLength(json.size());
    body += json;
    appendLength(crate.size());
    body += crate;
    return body;
}

std::optional<PublishMetadata::Body> PublishMetadata::unframe(const QByteArray &body)
{
    if (body.size() < 8)
        return std::nullopt;
    const qint64 jsonLength = qFromLittleEndian<quint32>(body.constData());
    if (body.size() < 8 + jsonLength)
        return std::nullopt;
    const qint64 crateLength = qFromLittleEndian<quint32>(body.constData() + 4 + jsonLength);
    if (body.size() != 8 + jsonLength + crateLength)
        return std::nullopt;
    return Body{body.mid(4, jsonLength), body.mid(8 + jsonLength, crateLength)};
}
