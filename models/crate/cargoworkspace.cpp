// SPDX-License-Identifier: GPL-3.0-or-later
#include "cargoworkspace.h"

#include "tomlguard.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

#include <string_view>

using namespace Qt::Literals::StringLiterals;

namespace {

using Dependency = CargoManifest::Dependency;

QString toQString(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

bool isUnder(const QString &path, const QString &folder)
{
    return path == folder || path.startsWith(folder.endsWith(u'/') ? folder : folder + u'/');
}

// The folders a `members` entry names: each path component may be a glob (`crates/*`).
QStringList expandMemberGlob(const QString &rootFolder, const QString &pattern)
{
    QStringList folders {rootFolder};
    for (const QString &part : QDir::cleanPath(pattern).split(u'/', Qt::SkipEmptyParts)) {
        const bool wildcard = part.contains(u'*') || part.contains(u'?') || part.contains(u'[');
        QStringList next;
        for (const QString &folder : std::as_const(folders)) {
            if (!wildcard) {
                next.append(QDir::cleanPath(folder + u'/' + part));
                continue;
            }
            const QRegularExpression re(
                QRegularExpression::wildcardToRegularExpression(part, QRegularExpression::NonPathWildcardConversion));
            const QStringList names = QDir(folder).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
            for (const QString &name : names) {
                if (re.match(name).hasMatch())
                    next.append(folder + u'/' + name);
            }
        }
        folders = next;
    }
    return folders;
}

// Reads one manifest after another, each once, and keeps the first problem.
class WorkspaceReader
{
public:
    explicit WorkspaceReader(CargoWorkspace &workspace) : m_workspace(workspace) { }

    bool readRoot(const QString &manifestPath);
    void readQueuedPackages();
    QString error() const { return m_error; }

private:
    struct Queued
    {
        QString manifestPath;
        bool member;
    };

    std::optional<toml::table> parseFile(const QString &path);
    // message: a whole sentence naming its file; the first one is kept.
    void fail(const QString &message);
    // message: a whole sentence, after the file (and the node's line and column).
    void fail(const QString &file, const toml::node *node, const QString &message);
    void enqueue(const QString &folder, bool fromMembers);
    QString packageVersion(const toml::table &package);
    void readPackage(const Queued &queued);
    void readDependencyTables(const toml::table &root, const std::optional<QString> &target, const QString &file,
        const QString &folder, CargoWorkspace::Package &package);
    void readDependency(const QString &key, const toml::node &node, Dependency::Kind kind, const std::optional<QString> &target,
        const QString &file, const QString &folder, CargoWorkspace::Package &package);
    std::optional<toml::table> inherited(const QString &key, const toml::node &node, const QString &file);

    CargoWorkspace &m_workspace;
    std::optional<toml::table> m_root;
    QString m_rootFile;
    QString m_canonicalRootFile;   // resolved once: compared with every package found
    QString m_canonicalRootFolder;
    QStringList m_exclude;
    QList<Queued> m_queue;
    QSet<QString> m_seen;
    QString m_error;
};

std::optional<toml::table> WorkspaceReader::parseFile(const QString &path)
{
    // A checkout may be someone else's: a FIFO or a device named Cargo.toml would block the
    // open or never end, so only a regular file is read.
    const QFileInfo info(path);
    if (info.exists() && !info.isFile()) {
        fail(QCoreApplication::translate("CargoWorkspace", "%1: is not a regular file").arg(path));
        return std::nullopt;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        fail(QCoreApplication::translate("CargoWorkspace", "%1: cannot be read: %2").arg(path, file.errorString()));
        return std::nullopt;
    }
    if (file.size() > CargoWorkspace::MaxManifestSize) {
        fail(QCoreApplication::translate("CargoWorkspace", "%1: is %2 bytes, more than the %3 a manifest may have")
                 .arg(path, QString::number(file.size()), QString::number(CargoWorkspace::MaxManifestSize)));
        return std::nullopt;
    }
    TomlGuard::Parsed parsed = TomlGuard::parse(file.read(CargoWorkspace::MaxManifestSize), path);
    if (parsed.problem) {
        fail(QCoreApplication::translate("CargoWorkspace", "%1:%2:%3: %4", "file:line:column: problem")
                 .arg(path, QString::number(parsed.problem->line), QString::number(parsed.problem->column),
                      parsed.problem->message));
        return std::nullopt;
    }
    return std::move(parsed.table);
}

void WorkspaceReader::fail(const QString &message)
{
    if (m_error.isEmpty())
        m_error = message;
}

void WorkspaceReader::fail(const QString &file, const toml::node *node, const QString &message)
{
    if (node && node->source().begin) {
        fail(QCoreApplication::translate("CargoWorkspace", "%1:%2:%3: %4", "file:line:column: problem")
                 .arg(file, QString::number(node->source().begin.line), QString::number(node->source().begin.column), message));
    } else {
        fail(QCoreApplication::translate("CargoWorkspace", "%1: %2", "file: problem").arg(file, message));
    }
}

bool WorkspaceReader::readRoot(const QString &manifestPath)
{
    m_rootFile = QFileInfo(manifestPath).absoluteFilePath();
    m_workspace.rootFolder = QFileInfo(m_rootFile).absolutePath();
    m_canonicalRootFile = QFileInfo(m_rootFile).canonicalFilePath();
    m_canonicalRootFolder = QFileInfo(m_workspace.rootFolder).canonicalFilePath();
    m_root = parseFile(m_rootFile);
    if (!m_root)
        return false;
    const toml::table *workspace = (*m_root)["workspace"].as_table();
    if (!workspace && !m_root->contains("package")) {
        fail(QCoreApplication::translate("CargoWorkspace", "%1: has neither [package] nor [workspace]").arg(m_rootFile));
        return false;
    }
    if (m_root->contains("package"))
        enqueue(m_workspace.rootFolder, true);
    if (!workspace)
        return true;
    if (const toml::array *exclude = (*workspace)["exclude"].as_array()) {
        for (const toml::node &entry : *exclude) {
            if (const auto *path = entry.as_string())
                m_exclude.append(QDir::cleanPath(m_workspace.rootFolder + u'/' + toQString(path->get())));
        }
    }
    if (const toml::array *members = (*workspace)["members"].as_array()) {
        for (const toml::node &entry : *members) {
            const auto *pattern = entry.as_string();
            if (!pattern) {
                fail(m_rootFile, &entry, QCoreApplication::translate("CargoWorkspace", "workspace.members must hold only paths"));
                return false;
            }
            for (const QString &folder : expandMemberGlob(m_workspace.rootFolder, toQString(pattern->get())))
                enqueue(folder, true);
        }
    }
    return m_error.isEmpty();
}

void WorkspaceReader::enqueue(const QString &folder, bool fromMembers)
{
    const QString manifest = QFileInfo(folder + u"/Cargo.toml"_s).canonicalFilePath();
    // A glob may match folders that hold no package (docs, assets); cargo's own checks
    // would name them, but they add no dependency.
    if (manifest.isEmpty() || m_seen.contains(manifest))
        return;
    const bool excluded = std::any_of(m_exclude.cbegin(), m_exclude.cend(), [&](const QString &e) { return isUnder(folder, e); });
    if (fromMembers && excluded)
        return;
    m_seen.insert(manifest);
    m_queue.append({manifest, fromMembers || (!excluded && isUnder(QFileInfo(manifest).absolutePath(), m_canonicalRootFolder))});
}

void WorkspaceReader::readQueuedPackages()
{
    for (qsizetype i = 0; i < m_queue.size() && m_error.isEmpty(); ++i) {
        if (m_workspace.packages.size() >= CargoWorkspace::MaxPackages) {
            fail(m_rootFile, nullptr, QCoreApplication::translate("CargoWorkspace", "the workspace has more than %1 packages").arg(CargoWorkspace::MaxPackages));
            return;
        }
        readPackage(m_queue.at(i));
    }
}

QString WorkspaceReader::packageVersion(const toml::table &package)
{
    const toml::node *version = package.get("version");
    if (version && version->is_string())
        return toQString(version->as_string()->get());
    // `version.workspace = true` takes [workspace.package] version.
    if (version && version->is_table() && m_root) {
        if (const auto *inheritedVersion = (*m_root)["workspace"]["package"]["version"].as_string())
            return toQString(inheritedVersion->get());
    }
    return u"0.0.0"_s;
}

void WorkspaceReader::readPackage(const Queued &queued)
{
    const bool isRoot = queued.manifestPath == m_canonicalRootFile;
    std::optional<toml::table> parsed = isRoot ? std::nullopt : parseFile(queued.manifestPath);
    const toml::table *root = isRoot ? &*m_root : parsed ? &*parsed : nullptr;
    if (!root)
        return;
    const toml::table *package = (*root)["package"].as_table();
    const auto *name = package ? (*package)["name"].as_string() : nullptr;
    if (!name) {
        fail(queued.manifestPath, package, QCoreApplication::translate("CargoWorkspace", "package.name is missing"));
        return;
    }
    CargoWorkspace::Package result;
    result.name = toQString(name->get());
    result.version = packageVersion(*package);
    result.manifestPath = queued.manifestPath;
    result.member = queued.member;
    if (const toml::table *features = (*root)["features"].as_table()) {
        for (auto &&[feature, values] : *features) {
            QStringList list;
            if (const toml::array *array = values.as_array())
                for (const toml::node &value : *array)
                    if (const auto *text = value.as_string())
                        list.append(toQString(text->get()));
            result.features.insert(toQString(feature.str()), list);
        }
    }
    const QString folder = QFileInfo(queued.manifestPath).absolutePath();
    readDependencyTables(*root, std::nullopt, queued.manifestPath, folder, result);
    if (const toml::table *targets = (*root)["target"].as_table()) {
        for (auto &&[platform, node] : *targets) {
            if (const toml::table *platformTable = node.as_table())
                readDependencyTables(*platformTable, toQString(platform.str()), queued.manifestPath, folder, result);
        }
    }
    m_workspace.packages.append(std::move(result));
}

void WorkspaceReader::readDependencyTables(const toml::table &root, const std::optional<QString> &target, const QString &file,
    const QString &folder, CargoWorkspace::Package &package)
{
    using Kind = Dependency::Kind;
    const std::pair<std::string_view, Kind> tables[] = {
        {"dependencies", Kind::Normal},
        {"build-dependencies", Kind::Build},
        {"build_dependencies", Kind::Build},
        {"dev-dependencies", Kind::Development},
        {"dev_dependencies", Kind::Development},
    };
    for (const auto &[tableName, kind] : tables) {
        // Cargo resolves the dev-dependencies of workspace members only.
        if (kind == Kind::Development && !package.member)
            continue;
        const toml::table *table = root[tableName].as_table();
        if (!table)
            continue;
        for (auto &&[key, node] : *table)
            readDependency(toQString(key.str()), node, kind, target, file, folder, package);
    }
}

// The [workspace.dependencies] entry a `workspace = true` dependency stands for, as a table.
std::optional<toml::table> WorkspaceReader::inherited(const QString &key, const toml::node &node, const QString &file)
{
    const toml::node *entry = m_root ? (*m_root)["workspace"]["dependencies"][key.toStdString()].node() : nullptr;
    if (!entry) {
        fail(file, &node, QCoreApplication::translate("CargoWorkspace", "%1 says workspace = true, but [workspace.dependencies] in %2 has no %1").arg(key, m_rootFile));
        return std::nullopt;
    }
    if (const toml::table *table = entry->as_table())
        return *table;
    if (const auto *version = entry->as_string())
        return toml::table {{"version", version->get()}};
    fail(m_rootFile, entry, QCoreApplication::translate("CargoWorkspace", "workspace.dependencies.%1 must be a version string or a table").arg(key));
    return std::nullopt;
}

void WorkspaceReader::readDependency(const QString &key, const toml::node &node, Dependency::Kind kind,
    const std::optional<QString> &target, const QString &file, const QString &folder, CargoWorkspace::Package &package)
{
    Dependency dep;
    dep.name = key;
    dep.kind = kind;
    dep.target = target;
    if (const auto *version = node.as_string()) {
        dep.versionRequirement = toQString(version->get());
        package.dependencies.append(dep);
        return;
    }
    const toml::table *own = node.as_table();
    if (!own) {
        fail(file, &node, QCoreApplication::translate("CargoWorkspace", "dependency %1 must be a version string or a table").arg(key));
        return;
    }
    const bool inherits = (*own)["workspace"].value_or(false);
    const std::optional<toml::table> inheritedTable = inherits ? inherited(key, node, file) : std::nullopt;
    if (inherits && !inheritedTable)
        return;
    const toml::table *base = inherits ? &*inheritedTable : own;
    const auto text = [&](std::string_view field) -> std::optional<QString> {
        if (const auto *value = (*base)[field].as_string())
            return toQString(value->get());
        return std::nullopt;
    };
    const auto strings = [](const toml::table &table) {
        QStringList list;
        if (const toml::array *array = table["features"].as_array())
            for (const toml::node &value : *array)
                if (const auto *string = value.as_string())
                    list.append(toQString(string->get()));
        return list;
    };
    dep.versionRequirement = text("version").value_or(QString());
    dep.package = text("package");
    dep.registry = text("registry");
    dep.features = strings(*base) + (inherits ? strings(*own) : QStringList());
    dep.optional = (*own)["optional"].value_or(false);
    const auto defaults = [](const toml::table &table) -> std::optional<bool> {
        const toml::node_view<const toml::node> value
            = table.contains("default-features") ? table["default-features"] : table["default_features"];
        return value.value<bool>();
    };
    dep.defaultFeatures = defaults(*own).value_or(defaults(*base).value_or(true));
    if (const auto path = text("path")) {
        // A workspace dependency's path is relative to the workspace, a member's to itself.
        enqueue(QDir::cleanPath((inherits ? m_workspace.rootFolder : folder) + u'/' + *path), false);
        return;
    }
    if (text("git")) {
        m_workspace.notes.append(QCoreApplication::translate("CargoWorkspace", "%1: %2 comes from git, which no registry serves; left out").arg(file, key));
        return;
    }
    package.dependencies.append(dep);
}

} // namespace

CargoWorkspace::Result CargoWorkspace::read(const QString &manifestPath)
{
    const QFileInfo given(manifestPath);
    const QString file = given.isDir() ? given.absoluteFilePath() + u"/Cargo.toml"_s : given.absoluteFilePath();
    CargoWorkspace workspace;
    WorkspaceReader reader(workspace);
    if (reader.readRoot(file))
        reader.readQueuedPackages();
    if (!reader.error().isEmpty())
        return {std::nullopt, reader.error()};
    return {std::move(workspace), {}};
}
