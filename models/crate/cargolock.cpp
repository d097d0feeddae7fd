// SPDX-License-Identifier: GPL-3.0-or-later
#include "cargolock.h"

#include "cargotypes/cratename.h"
#include "cargotypes/semver.h"
#include "tomlguard.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QHash>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace {

// More packages than any real workspace locks (cargo's own lockfile has about 400).
constexpr qsizetype MaxPackages = 100000;

QString toQString(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

bool isSha256Hex(const QString &text)
{
    return text.size() == 64 && std::all_of(text.begin(), text.end(), [](QChar c) {
        return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f');
    });
}

// Lockfiles before version 2 keep checksums apart: "checksum NAME VERSION (SOURCE)" = "hex".
QHash<QString, QString> metadataChecksums(const toml::table &root)
{
    QHash<QString, QString> checksums;
    const toml::table *metadata = root["metadata"].as_table();
    if (!metadata)
        return checksums;
    for (const auto &[key, value] : *metadata) {
        const QString name = toQString(key.str());
        if (name.startsWith(u"checksum "_s) && value.is_string())
            checksums.insert(name.mid(9), toQString(value.as_string()->get()));
    }
    return checksums;
}

class PackageReader
{
public:
    PackageReader(const QHash<QString, QString> &checksums)
        : m_checksums(checksums)
    {
    }

    // Fills *package from one [[package]] table, or returns what is wrong with it.
    QString read(const toml::table &table, CargoLock::Package *package) const
    {
        const auto text = [&table](std::string_view key) -> std::optional<QString> {
            const toml::node *node = table.get(key);
            if (!node)
                return QString();
            if (!node->is_string())
                return std::nullopt;
            return toQString(node->as_string()->get());
        };
        const auto name = text("name"), version = text("version"), source = text("source"), checksum = text("checksum");
        if (!name || !version || !source || !checksum)
            return QCoreApplication::translate("CargoLock", "name, version, source and checksum must be strings");
        package->name = *name;
        package->version = *version;
        package->source = *source;
        package->checksum = *checksum;
        if (const QString error = CrateName::validationError(*name); !error.isEmpty())
            return error;
        if (!SemVer::parse(*version))
            return QCoreApplication::translate("CargoLock", "the version \"%1\" is not SemVer").arg(version->left(80));
        if (source->isEmpty())
            package->origin = CargoLock::Package::Origin::Path;
        else if (source->startsWith(u"registry+"_s) || source->startsWith(u"sparse+"_s))
            package->origin = CargoLock::Package::Origin::Registry;
        else if (source->startsWith(u"git+"_s))
            package->origin = CargoLock::Package::Origin::Git;
        else
            return QCoreApplication::translate("CargoLock", "the source \"%1\" is neither a registry, git nor a path").arg(source->left(120));
        if (package->checksum.isEmpty() && !source->isEmpty())
            package->checksum = m_checksums.value(u"%1 %2 (%3)"_s.arg(*name, *version, *source));
        if (!package->checksum.isEmpty() && !isSha256Hex(package->checksum))
            return QCoreApplication::translate("CargoLock", "the checksum \"%1\" is not a sha256 in hex").arg(package->checksum.left(80));
        return {};
    }

private:
    const QHash<QString, QString> &m_checksums;
};

} // namespace

QString CargoLock::Package::registryIndex() const
{
    if (origin != Origin::Registry)
        return {};
    return source.startsWith(u"registry+"_s) ? source.mid(9) : source;
}

CargoLock::Result CargoLock::parse(const QByteArray &toml, const QString &fileName)
{
    const QString file = fileName.isEmpty() ? u"Cargo.lock"_s : fileName;
    const TomlGuard::Parsed parsed = TomlGuard::parse(toml, file);
    if (const auto &problem = parsed.problem)
        return {std::nullopt, tr("%1:%2:%3: %4", "file:line:column: problem")
                                  .arg(file, QString::number(problem->line), QString::number(problem->column), problem->message)};
    const toml::table &root = *parsed.table;

    CargoLock lock;
    if (const toml::node *version = root.get("version")) {
        // Only an integer: toml++'s value<int64_t>() converts a float such as 1e106 without a
        // range check, undefined behaviour (found by fuzz_cargolock).
        const auto number = version->is_integer() ? std::optional<int64_t>(version->as_integer()->get()) : std::nullopt;
        if (!number)
            return {std::nullopt, tr("%1: the lockfile version is not a number (this reader knows 1 to 4)").arg(file)};
        if (*number < 1 || *number > 4) {
            return {std::nullopt,
                    tr("%1: lockfile version %2 is not one this reader knows (1 to 4)").arg(file, QString::number(*number))};
        }
        lock.version = int(*number);
    }
    const toml::node *packages = root.get("package");
    if (!packages)
        return {std::move(lock), {}};
    const toml::array *list = packages->as_array();
    if (!list || !list->is_array_of_tables())
        return {std::nullopt, tr("%1: `package` is not a list of [[package]] tables").arg(file)};
    if (qsizetype(list->size()) > MaxPackages)
        return {std::nullopt, tr("%1: more than %2 packages").arg(file, QString::number(MaxPackages))};

    const QHash<QString, QString> checksums = metadataChecksums(root);
    const PackageReader reader(checksums);
    for (std::size_t i = 0; i < list->size(); ++i) {
        Package package;
        if (const QString error = reader.read(*list->get(i)->as_table(), &package); !error.isEmpty()) {
            const QString number = QString::number(i + 1);
            if (package.name.isEmpty())
                return {std::nullopt, tr("%1: package %2: %3").arg(file, number, error)};
            return {std::nullopt, tr("%1: package %2 (%3): %4").arg(file, number, package.name.left(80), error)};
        }
        lock.packages.append(package);
    }
    return {std::move(lock), {}};
}

CargoLock::Result CargoLock::readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {std::nullopt, tr("cannot read %1: %2").arg(path, file.errorString())};
    if (file.size() > MaxFileBytes)
        return {std::nullopt, tr("%1 is larger than the %2 MiB a Cargo.lock may have here").arg(path, QString::number(MaxFileBytes >> 20))};
    return parse(file.read(MaxFileBytes), QFileInfo(path).fileName());
}
