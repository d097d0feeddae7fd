// SPDX-License-Identifier: GPL-3.0-or-later
#include "cargomanifest.h"

#include "cratearchive.h"
#include "tomlguard.h"

#include <QCoreApplication>
#include <QDir>
#include <QStringDecoder>

#include <toml++/toml.hpp>

#include <string_view>

using namespace Qt::Literals::StringLiterals;

namespace {

QString toQString(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

// Reads the manifest tree and keeps the first problem with its position. Checking types here
// keeps every later consumer free of toml++ and of "what if it is not a string" branches.
class ManifestReader
{
public:
    explicit ManifestReader(const QString &fileName)
        : m_fileName(fileName)
    {
    }

    bool failed() const { return m_error.has_value(); }
    CargoManifest::Error error() const { return m_error.value_or(CargoManifest::Error{}); }

    void fail(const toml::node *node, const QString &message)
    {
        if (m_error)
            return;
        CargoManifest::Error error;
        if (node && node->source().begin) {
            error.line = int(node->source().begin.line);
            error.column = int(node->source().begin.column);
            error.message = QCoreApplication::translate("CargoManifest", "%1:%2:%3: %4", "file:line:column: problem")
                                .arg(m_fileName, QString::number(error.line), QString::number(error.column), message);
        } else {
            error.message = QCoreApplication::translate("CargoManifest", "%1: %2", "file: problem").arg(m_fileName, message);
        }
        m_error = error;
    }

    std::optional<QString> string(const toml::table &table, std::string_view key, const QString &path)
    {
        const toml::node *node = table.get(key);
        if (!node)
            return std::nullopt;
        if (const auto *value = node->as_string())
            return toQString(value->get());
        fail(node, QCoreApplication::translate("CargoManifest", "%1 must be a string").arg(path));
        return std::nullopt;
    }

    std::optional<bool> boolean(const toml::table &table, std::string_view key, const QString &path)
    {
        const toml::node *node = table.get(key);
        if (!node)
            return std::nullopt;
        if (const auto *value = node->as_boolean())
            return value->get();
        fail(node, QCoreApplication::translate("CargoManifest", "%1 must be true or false").arg(path));
        return std::nullopt;
    }

    QStringList stringList(const toml::node *node, const QString &path)
    {
        QStringList list;
        if (!node)
            return list;
        const toml::array *array = node->as_array();
        if (!array) {
            fail(node, QCoreApplication::translate("CargoManifest", "%1 must be an array of strings").arg(path));
            return list;
        }
        for (const toml::node &element : *array) {
            if (const auto *value = element.as_string())
                list.append(toQString(value->get()));
            else
                fail(&element, QCoreApplication::translate("CargoManifest", "%1 must hold only strings").arg(path));
        }
        return list;
    }

    const toml::table *subTable(const toml::table &parent, std::string_view key, const QString &path)
    {
        const toml::node *node = parent.get(key);
        if (!node)
            return nullptr;
        if (!node->is_table())
            fail(node, QCoreApplication::translate("CargoManifest", "%1 must be a table").arg(path));
        return node->as_table();
    }

    // Inherited keys are written out when cargo packages a crate, so one left means the
    // manifest came from a workspace checkout, where its real values are unknown here.
    void refuseInheritance(const toml::node &node, const QString &path)
    {
        const toml::table *table = node.as_table();
        if (table && table->contains("workspace"))
            fail(table->get("workspace"),
                 QCoreApplication::translate("CargoManifest", "%1 still says workspace = true; a .crate's Cargo.toml has inherited values written out")
                     .arg(path));
    }

    void readPackage(const toml::table &package, const QString &section, CargoManifest &manifest);
    void readDependencies(const toml::table &root, const std::optional<QString> &target, const QString &prefix,
                          CargoManifest &manifest);

private:
    void readDependencyTable(const toml::table *table, CargoManifest::Dependency::Kind kind,
                             const std::optional<QString> &target, const QString &path, CargoManifest &manifest);

    QString m_fileName;
    std::optional<CargoManifest::Error> m_error;
};

void ManifestReader::readPackage(const toml::table &package, const QString &section, CargoManifest &manifest)
{
    const auto key = [&](const char *name) { return section + u'.' + QLatin1StringView(name); };
    for (auto &&[name, node] : package) {
        // [package.metadata] belongs to third-party tools and may use any key.
        if (name.str() != "metadata")
            refuseInheritance(node, section + u'.' + toQString(name.str()));
    }

    if (const auto name = string(package, "name", key("name")))
        manifest.name = *name;
    else if (!failed())
        fail(nullptr, QCoreApplication::translate("CargoManifest", "%1 is missing").arg(key("name")));
    manifest.version = string(package, "version", key("version")).value_or(u"0.0.0"_s);
    manifest.description = string(package, "description", key("description"));
    manifest.license = string(package, "license", key("license"));
    manifest.licenseFile = string(package, "license-file", key("license-file"));
    manifest.repository = string(package, "repository", key("repository"));
    manifest.homepage = string(package, "homepage", key("homepage"));
    manifest.documentation = string(package, "documentation", key("documentation"));
    manifest.rustVersion = string(package, "rust-version", key("rust-version"));
    manifest.edition = string(package, "edition", key("edition"));
    manifest.links = string(package, "links", key("links"));
    manifest.authors = stringList(package.get("authors"), key("authors"));
    manifest.keywords = stringList(package.get("keywords"), key("keywords"));
    manifest.categories = stringList(package.get("categories"), key("categories"));

    if (const toml::node *readme = package.get("readme")) {
        if (const auto *path = readme->as_string()) {
            manifest.readme = toQString(path->get());
        } else if (const auto *flag = readme->as_boolean()) {
            // Cargo's readme_for_package(): true means the conventional name.
            if (flag->get())
                manifest.readme = u"README.md"_s;
            else
                manifest.readmeDisabled = true;
        } else {
            fail(readme, QCoreApplication::translate("CargoManifest", "%1 must be a path or a boolean").arg(key("readme")));
        }
    }

    if (const toml::node *publish = package.get("publish")) {
        if (const auto *flag = publish->as_boolean()) {
            if (!flag->get())
                manifest.publish = QStringList();
        } else if (publish->is_array()) {
            manifest.publish = stringList(publish, key("publish"));
        } else {
            fail(publish, QCoreApplication::translate("CargoManifest", "%1 must be a boolean or an array of registry names").arg(key("publish")));
        }
    }
}

void ManifestReader::readDependencies(const toml::table &root, const std::optional<QString> &target, const QString &prefix,
                                      CargoManifest &manifest)
{
    using Kind = CargoManifest::Dependency::Kind;
    // Cargo reads the dashed spelling and falls back to the old underscore one.
    const auto tableFor = [&](std::string_view dashed, std::string_view underscored) {
        const std::string_view name = root.contains(dashed) ? dashed : underscored;
        return std::pair{subTable(root, name, prefix + toQString(name)), prefix + toQString(name)};
    };
    const auto [normal, normalPath] = tableFor("dependencies", "dependencies");
    const auto [dev, devPath] = tableFor("dev-dependencies", "dev_dependencies");
    const auto [build, buildPath] = tableFor("build-dependencies", "build_dependencies");
    readDependencyTable(normal, Kind::Normal, target, normalPath, manifest);
    // Cargo's own order differs between the top level and [target] tables; keep it, as the
    // publish JSON lists dependencies in exactly this order.
    if (!target) {
        readDependencyTable(dev, Kind::Development, target, devPath, manifest);
        readDependencyTable(build, Kind::Build, target, buildPath, manifest);
    } else {
        readDependencyTable(build, Kind::Build, target, buildPath, manifest);
        readDependencyTable(dev, Kind::Development, target, devPath, manifest);
    }
}

void ManifestReader::readDependencyTable(const toml::table *table, CargoManifest::Dependency::Kind kind,
                                         const std::optional<QString> &target, const QString &path, CargoManifest &manifest)
{
    if (!table)
        return;
    // toml++ keeps keys sorted by their bytes, the order of cargo's BTreeMap.
    for (auto &&[key, node] : *table) {
        CargoManifest::Dependency dep;
        dep.name = toQString(key.str());
        dep.kind = kind;
        dep.target = target;
        const QString depPath = path + u'.' + dep.name;
        if (const auto *version = node.as_string()) {
            dep.versionRequirement = toQString(version->get());
        } else if (const toml::table *spec = node.as_table()) {
            refuseInheritance(node, depPath);
            dep.versionRequirement = string(*spec, "version", depPath + u".version"_s).value_or(QString());
            dep.package = string(*spec, "package", depPath + u".package"_s);
            dep.optional = boolean(*spec, "optional", depPath + u".optional"_s).value_or(false);
            const std::string_view defaultFeatures = spec->contains("default-features") ? "default-features" : "default_features";
            dep.defaultFeatures = boolean(*spec, defaultFeatures, depPath + u'.' + toQString(defaultFeatures)).value_or(true);
            dep.features = stringList(spec->get("features"), depPath + u".features"_s);
            dep.registryIndex = string(*spec, "registry-index", depPath + u".registry-index"_s);
            dep.registry = string(*spec, "registry", depPath + u".registry"_s);
        } else {
            fail(&node, QCoreApplication::translate("CargoManifest", "%1 must be a version string or a table").arg(depPath));
        }
        manifest.dependencies.append(dep);
    }
}

} // namespace

CargoManifest::Result CargoManifest::parse(const QByteArray &toml, const QString &fileName)
{
    const QString file = fileName.isEmpty() ? u"Cargo.toml"_s : fileName;
    // toml++ never sees what TomlGuard refuses (inputs that crash it or reach undefined
    // behaviour in it); what it parses is the guard's text, the same TOML made safe.
    const TomlGuard::Parsed parsed = TomlGuard::parse(toml, file);
    if (const auto &problem = parsed.problem) {
        Error result;
        result.line = problem->line;
        result.column = problem->column;
        result.message = tr("%1:%2:%3: %4", "file:line:column: problem")
                             .arg(file, QString::number(result.line), QString::number(result.column), problem->message);
        return {std::nullopt, result};
    }
    const toml::table &root = *parsed.table;

    ManifestReader reader(file);
    CargoManifest manifest;
    // [project] is the pre-2018 spelling of [package]; old crates on crates.io still use it.
    const std::string_view section = root.contains("package") ? "package" : "project";
    const toml::table *package = reader.subTable(root, section, toQString(section));
    if (!package) {
        if (!reader.failed())
            reader.fail(nullptr, tr("there is no [package] table"));
        return {std::nullopt, reader.error()};
    }
    reader.readPackage(*package, toQString(section), manifest);

    if (const toml::table *features = reader.subTable(root, "features", u"features"_s)) {
        for (auto &&[name, values] : *features) {
            const QString feature = toQString(name.str());
            manifest.features.insert(feature, reader.stringList(&values, u"features."_s + feature));
        }
    }

    if (const toml::table *badges = reader.subTable(root, "badges", u"badges"_s)) {
        for (auto &&[badge, node] : *badges) {
            const QString badgePath = u"badges."_s + toQString(badge.str());
            const toml::table *attributes = node.as_table();
            if (!attributes) {
                reader.fail(&node, tr("%1 must be a table").arg(badgePath));
                break;
            }
            QMap<QString, QString> &target = manifest.badges[toQString(badge.str())];
            for (auto &&[attribute, value] : *attributes) {
                if (const auto *text = value.as_string())
                    target.insert(toQString(attribute.str()), toQString(text->get()));
                else
                    reader.fail(&value, tr("%1 must be a string").arg(badgePath + u'.' + toQString(attribute.str())));
            }
        }
    }

    reader.readDependencies(root, std::nullopt, QString(), manifest);
    if (const toml::table *targets = reader.subTable(root, "target", u"target"_s)) {
        for (auto &&[platform, node] : *targets) {
            const QString name = toQString(platform.str());
            const QString path = u"target.'%1'."_s.arg(name);
            if (const toml::table *platformTable = node.as_table())
                reader.readDependencies(*platformTable, name, path, manifest);
            else
                reader.fail(&node, tr("%1 must be a table").arg(u"target.'%1'"_s.arg(name)));
        }
    }

    if (const toml::table *lints = reader.subTable(root, "lints", u"lints"_s))
        reader.refuseInheritance(*lints, u"lints"_s);

    if (reader.failed())
        return {std::nullopt, reader.error()};
    return {std::move(manifest), {}};
}

CargoManifest::Texts CargoManifest::readTexts(const CrateArchive &archive, qint64 maxBytes) const
{
    Texts texts;
    // One whole sentence per file and problem.
    const auto read = [&](const QString &given, bool isReadme) -> std::optional<PackageText> {
        // Manifest paths are relative to the package root and may be written "./x".
        const QString path = QDir::cleanPath(given);
        const auto file = archive.file(path);
        const auto problem = [&](const QString &message) -> std::optional<PackageText> {
            if (texts.error.isEmpty())
                texts.error = message;
            return std::nullopt;
        };
        if (!file) {
            return problem(isReadme ? tr("the readme \"%1\" is not in the package").arg(given)
                                    : tr("the license file \"%1\" is not in the package").arg(given));
        }
        if (file->size > maxBytes) {
            const QString size = QString::number(file->size);
            const QString allowed = QString::number(maxBytes);
            return problem(isReadme ? tr("the readme \"%1\" is %2 bytes, more than the %3 allowed").arg(given, size, allowed)
                                    : tr("the license file \"%1\" is %2 bytes, more than the %3 allowed").arg(given, size, allowed));
        }
        const auto bytes = archive.fileData(path, maxBytes);
        if (!bytes) {
            return problem(isReadme ? tr("the readme \"%1\" cannot be read").arg(given)
                                    : tr("the license file \"%1\" cannot be read").arg(given));
        }
        // Cargo reads the readme into a Rust String, which must be UTF-8.
        QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString text = utf8.decode(*bytes);
        if (utf8.hasError()) {
            return problem(isReadme ? tr("the readme \"%1\" is not valid UTF-8").arg(given)
                                    : tr("the license file \"%1\" is not valid UTF-8").arg(given));
        }
        return PackageText{path, text};
    };

    if (readme && !readmeDisabled) {
        texts.readme = read(*readme, true);
    } else if (!readmeDisabled) {
        // Cargo's readme_for_package() without a readme key.
        for (const QString &candidate : {u"README.md"_s, u"README.txt"_s, u"README"_s}) {
            if (archive.contains(candidate)) {
                texts.readme = read(candidate, true);
                break;
            }
        }
    }
    if (licenseFile)
        texts.licenseFile = read(*licenseFile, false);
    return texts;
}
