// SPDX-License-Identifier: GPL-3.0-or-later
#include "cargosetupplan.h"

#include "cargoconfigeditor.h"

#include "cargotypes/registryname.h"
#include "crate/textdiff.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStringDecoder>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;

namespace {

bool readFile(const QString &path, bool *existed, QByteArray *bytes, QString *error)
{
    QFile file(path);
    *existed = file.exists();
    if (!*existed)
        return true;
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QCoreApplication::translate("CargoSetupPlan", "cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    *bytes = file.readAll();
    return true;
}

} // namespace

QString CargoSetupPlan::environmentPrefix(const QString &registryName)
{
    QString upper = registryName.toUpper();
    upper.replace(u'-', u'_');
    return u"CARGO_REGISTRIES_"_s + upper;
}

QString CargoSetupPlan::configFileIn(const QString &dir)
{
    // Cargo still reads the extension-less file; editing config.toml beside it would be ignored.
    const QString legacy = dir + u"/config"_s;
    if (!QFileInfo::exists(dir + u"/config.toml"_s) && QFileInfo(legacy).isFile())
        return legacy;
    return dir + u"/config.toml"_s;
}

QString CargoSetupPlan::credentialsFileIn(const QString &cargoHome)
{
    // With both present cargo reads and writes `credentials` (reference 3.2).
    const QString legacy = cargoHome + u"/credentials"_s;
    return QFileInfo(legacy).isFile() ? legacy : cargoHome + u"/credentials.toml"_s;
}

QString CargoSetupPlan::undoRecordPath(const QString &configDir)
{
    return configDir + u"/.cratedesk-cargo-setup.json"_s;
}

bool CargoSetupPlan::fail(const QString &message)
{
    m_error = message;
    m_changes.clear();
    return false;
}

CargoSetupPlan CargoSetupPlan::make(const CargoSetupOptions &options)
{
    CargoSetupPlan plan;
    plan.m_options = options;
    plan.m_configFile = configFileIn(options.configDir());
    if (const QString problem = RegistryName::validationError(options.registryName); !problem.isEmpty()) {
        plan.fail(tr("cargo would refuse the registry name: %1").arg(problem));
        return plan;
    }
    const QString &index = options.cargoIndexUrl;
    if (!index.startsWith(u"sparse+"_s)) {
        plan.fail(tr("\"%1\" is not a sparse index URL (sparse+https://…/)").arg(index));
        return plan;
    }
    const QUrl url(index.sliced(7));
    if (!url.isValid() || url.isRelative()) {
        plan.fail(tr("cargo would refuse the index URL: invalid url `%1`: relative URL without a base").arg(index));
        return plan;
    }
    if (!url.password().isEmpty()) {
        plan.fail(tr("cargo would refuse the index URL: registry URLs may not contain passwords"));
        return plan;
    }
    if (!index.endsWith(u'/')) {
        plan.fail(tr("cargo would refuse the index URL: sparse registry url must end in a slash `/`: %1").arg(index));
        return plan;
    }
    if (options.tokenHandling == CargoSetupOptions::TokenHandling::Keychain && options.providerCommand.isEmpty()) {
        plan.fail(tr("internal error: no credential provider command"));
        return plan;
    }
    if (plan.planConfig() && options.tokenHandling == CargoSetupOptions::TokenHandling::CargoToken)
        plan.planCredentials();
    return plan;
}

bool CargoSetupPlan::planConfig()
{
    FileChange change;
    change.path = m_configFile;
    QString error;
    if (!readFile(change.path, &change.existed, &change.before, &error))
        return fail(error);
    QStringDecoder utf8(QStringDecoder::Utf8);
    const QString text = utf8.decode(change.before);
    if (utf8.hasError())
        return fail(tr("%1 is not UTF-8 text, which cargo requires").arg(change.path));

    CargoConfigEditor editor(text);
    if (!editor.isValid())
        return fail(tr("cargo cannot read %1 as it is (%2); fix it first").arg(change.path, editor.errorString()));
    const QVariantMap config = *CargoConfigEditor::parse(text, &error);
    checkSemantics(config);
    if (!m_error.isEmpty())
        return false;

    const QString &name = m_options.registryName;
    const bool keychain = m_options.tokenHandling == CargoSetupOptions::TokenHandling::Keychain;
    const QString provider = keychain ? CargoConfigEditor::stringArray(m_options.providerCommand) : CargoConfigEditor::basicString(u"cargo:token"_s);
    bool ok = editor.setValue({u"registries"_s, name, u"index"_s}, CargoConfigEditor::basicString(m_options.cargoIndexUrl))
        && editor.setValue({u"registries"_s, name, u"credential-provider"_s}, provider);
    if (ok && m_options.makeDefault)
        ok = editor.setValue({u"registry"_s, u"default"_s}, CargoConfigEditor::basicString(name));
    // replace-with may name a [registries] entry directly (verified with cargo 1.85), so no
    // second [source.NAME] with the same URL is written: cargo looks up [source] first and a
    // later edit of one of the two would silently send crates.io traffic elsewhere (5.5).
    if (ok && m_options.proxyCratesIo)
        ok = editor.setValue({u"source"_s, u"crates-io"_s, u"replace-with"_s}, CargoConfigEditor::basicString(name));
    if (!ok || !editor.validate())
        return fail(tr("cannot edit %1: %2").arg(change.path, editor.errorString()));
    change.after = editor.text().toUtf8();
    if (change.after != change.before || !change.existed)
        m_changes.append(change);

    if (m_options.proxyCratesIo) {
        m_warnings.append(tr("Every crates.io dependency now comes from \"%1\", which must hold the same crates as crates.io. Cargo.lock still names crates.io for them, so a machine without this setting fetches them from crates.io itself.").arg(name));
        m_warnings.append(tr("With crates.io replaced, cargo publish, yank and owner need an explicit --registry."));
    }
    if (keychain && !m_options.projectDir.isEmpty())
        m_warnings.append(tr("%1 names this machine's cratedesk as credential provider; keep it out of version control or use the global config.").arg(change.path));
    if (keychain && config.value(u"registries"_s).toMap().value(name).toMap().contains(u"token"_s))
        m_warnings.append(tr("%1 holds a plain-text token for \"%2\"; cargo ignores it now, so delete that line.").arg(change.path, name));
    if (keychain) {
        bool existed = false;
        QByteArray credentials;
        const QString file = credentialsFileIn(m_options.cargoHome);
        if (readFile(file, &existed, &credentials, &error) && existed) {
            const auto parsed = CargoConfigEditor::parse(QString::fromUtf8(credentials), &error);
            if (parsed && parsed->value(u"registries"_s).toMap().value(name).toMap().contains(u"token"_s))
                m_warnings.append(tr("%1 still holds a plain-text token for \"%2\"; cargo ignores it now, so delete that entry.").arg(file, name));
        }
    }
    return true;
}

void CargoSetupPlan::checkSemantics(const QVariantMap &config)
{
    const QString &name = m_options.registryName;
    if (config.value(u"registry"_s).toMap().contains(u"index"_s)) {
        fail(tr("%1 sets [registry] index, which cargo rejects: \"the `registry.index` config value is no longer supported\"; remove that line first").arg(m_configFile));
        return;
    }
    const QVariantMap registries = config.value(u"registries"_s).toMap();
    for (auto it = registries.cbegin(); it != registries.cend(); ++it) {
        if (it.key() != name && it.value().toMap().value(u"index"_s).toString() == m_options.cargoIndexUrl) {
            fail(tr("[registries.%1] in %2 already uses %3; with a second name for it cargo fails with \"multiple registries are configured with the same index url\". Use the name \"%1\" or remove that entry.")
                     .arg(it.key(), m_configFile, m_options.cargoIndexUrl));
            return;
        }
    }
    if (!m_options.proxyCratesIo)
        return;
    const QVariantMap sources = config.value(u"source"_s).toMap();
    if (!sources.contains(name))
        return;
    // replace-with = NAME finds [source.NAME] before [registries.NAME].
    QString next = name;
    QStringList seen{u"crates-io"_s};
    while (sources.contains(next) && sources.value(next).toMap().contains(u"replace-with"_s)) {
        if (seen.contains(next)) {
            fail(tr("[source.%1] in %2 would make cargo fail: \"detected a cycle of `replace-with` sources\"").arg(name, m_configFile));
            return;
        }
        seen.append(next);
        next = sources.value(next).toMap().value(u"replace-with"_s).toString();
        if (next == u"crates-io"_s) {
            fail(tr("[source.%1] in %2 would make cargo fail: \"detected a cycle of `replace-with` sources\"").arg(name, m_configFile));
            return;
        }
    }
    const QVariantMap own = sources.value(name).toMap();
    const QStringList locations{u"registry"_s, u"local-registry"_s, u"directory"_s, u"git"_s};
    const bool hasLocation = std::any_of(locations.cbegin(), locations.cend(), [&own](const QString &key) { return own.contains(key); });
    if (!hasLocation && !own.contains(u"replace-with"_s)) {
        fail(tr("[source.%1] in %2 would make cargo fail: \"no source location specified for `source.%1`, need `registry`, `local-registry`, `directory`, or `git` defined\"").arg(name, m_configFile));
        return;
    }
    if (own.value(u"registry"_s).toString() != m_options.cargoIndexUrl)
        fail(tr("%1 has its own [source.%2], which cargo would use instead of the feed for crates.io (it looks up [source] before [registries]); rename or remove it first").arg(m_configFile, name));
}

bool CargoSetupPlan::planCredentials()
{
    FileChange change;
    change.path = credentialsFileIn(m_options.cargoHome);
    change.holdsSecret = true;
    QString error;
    if (!readFile(change.path, &change.existed, &change.before, &error))
        return fail(error);
    if (m_options.token.isEmpty())
        return fail(tr("there is no token for \"%1\" in the keychain to copy into %2").arg(m_options.registryName, change.path));
    CargoConfigEditor editor(QString::fromUtf8(change.before));
    if (!editor.isValid())
        return fail(tr("cargo cannot read %1 as it is (%2); fix it first").arg(change.path, editor.errorString()));
    if (!editor.setValue({u"registries"_s, m_options.registryName, u"token"_s}, CargoConfigEditor::basicString(QString::fromUtf8(m_options.token)))
        || !editor.validate())
        return fail(tr("cannot edit %1: %2").arg(change.path, editor.errorString()));
    change.after = editor.text().toUtf8();
    if (change.after != change.before || !change.existed)
        m_changes.append(change);
    m_warnings.append(tr("The token is copied in plain text to %1: anyone who can read that file can use it. The keychain provider avoids that copy.").arg(change.path));
    return true;
}

QString CargoSetupPlan::diff() const
{
    QString out;
    for (const FileChange &change : m_changes) {
        QString before = QString::fromUtf8(change.before);
        QString after = QString::fromUtf8(change.after);
        if (change.holdsSecret && !m_options.token.isEmpty()) {
            const QString token = QString::fromUtf8(m_options.token);
            const QString placeholder = tr("<token from the keychain>", "stands for the secret in a diff of credentials.toml");
            before.replace(token, placeholder);
            after.replace(token, placeholder);
        }
        out += TextDiff::unified(before, after, change.existed ? change.path : u"/dev/null"_s, change.path);
    }
    return out;
}

QString CargoSetupPlan::configSnippet() const
{
    const QString &name = m_options.registryName;
    const bool keychain = m_options.tokenHandling == CargoSetupOptions::TokenHandling::Keychain;
    QString out = u"[registries.%1]\nindex = %2\ncredential-provider = %3\n"_s.arg(
        CargoConfigEditor::keyText({name}), CargoConfigEditor::basicString(m_options.cargoIndexUrl),
        keychain ? CargoConfigEditor::stringArray(m_options.providerCommand) : CargoConfigEditor::basicString(u"cargo:token"_s));
    if (m_options.makeDefault)
        out += u"\n[registry]\ndefault = %1\n"_s.arg(CargoConfigEditor::basicString(name));
    if (m_options.proxyCratesIo)
        out += u"\n[source.crates-io]\nreplace-with = %1\n"_s.arg(CargoConfigEditor::basicString(name));
    return out;
}

QStringList CargoSetupPlan::environmentLines() const
{
    const auto quote = [](QString value) { return u'\'' + value.replace(u'\'', u"'\\''"_s) + u'\''; };
    const QString prefix = environmentPrefix(m_options.registryName);
    const bool keychain = m_options.tokenHandling == CargoSetupOptions::TokenHandling::Keychain;
    QStringList lines;
    lines.append(u"export %1_INDEX=%2"_s.arg(prefix, quote(m_options.cargoIndexUrl)));
    // Cargo splits this variable on spaces: a path with a space needs the config file instead.
    lines.append(u"export %1_CREDENTIAL_PROVIDER=%2"_s.arg(prefix, quote(keychain ? m_options.providerCommand.join(u' ') : u"cargo:token"_s)));
    if (!keychain)
        lines.append(u"export %1_TOKEN=%2"_s.arg(prefix, quote(tr("<the token>", "stands for the secret in a shell line"))));
    if (m_options.makeDefault)
        lines.append(u"export CARGO_REGISTRY_DEFAULT=%1"_s.arg(quote(m_options.registryName)));
    if (m_options.proxyCratesIo)
        lines.append(tr("# [source] tables have no environment form; pass instead: %1", "a shell comment; %1 is a cargo option")
                         .arg(u"--config 'source.crates-io.replace-with=\"%1\"'"_s.arg(m_options.registryName)));
    return lines;
}

namespace {

bool writeFile(const QString &path, const QByteArray &bytes, bool secret, QString *error)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        *error = QCoreApplication::translate("CargoSetupPlan", "cannot create the folder of %1").arg(path);
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QCoreApplication::translate("CargoSetupPlan", "cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    if (secret)
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (file.write(bytes) != bytes.size() || !file.commit()) {
        *error = QCoreApplication::translate("CargoSetupPlan", "cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

QString sha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

} // namespace

bool CargoSetupPlan::apply(QString *error) const
{
    if (!isValid()) {
        *error = m_error;
        return false;
    }
    if (m_changes.isEmpty())
        return true;
    // A setup right after another (say, proxying crates.io after registering) keeps the first
    // backup, so that undo goes back to the file as it was before CrateDesk touched it.
    QHash<QString, QJsonObject> earlier;
    QFile recordFile(undoRecordPath(m_options.configDir()));
    if (recordFile.open(QIODevice::ReadOnly)) {
        const QJsonArray records = QJsonDocument::fromJson(recordFile.readAll()).object().value(u"files"_s).toArray();
        for (const QJsonValue &value : records)
            earlier.insert(value.toObject().value(u"path"_s).toString(), value.toObject());
        recordFile.close();
    }
    QJsonArray files;
    for (const FileChange &change : m_changes) {
        const QJsonObject previous = earlier.take(change.path);
        const bool continues = change.existed && previous.value(u"sha256"_s).toString() == sha256(change.before)
            && (!previous.value(u"existed"_s).toBool() || QFileInfo::exists(backupPath(change.path)));
        const bool existed = continues ? previous.value(u"existed"_s).toBool() : change.existed;
        if (!continues && change.existed && !writeFile(backupPath(change.path), change.before, change.holdsSecret, error))
            return false;
        files.append(QJsonObject{{u"path"_s, change.path}, {u"existed"_s, existed}, {u"sha256"_s, sha256(change.after)}});
    }
    for (const QJsonObject &untouched : std::as_const(earlier))
        files.append(untouched);
    for (qsizetype i = 0; i < m_changes.size(); ++i) {
        const FileChange &change = m_changes.at(i);
        if (!writeFile(change.path, change.after, change.holdsSecret, error)) {
            // Put back what was already written so that no half-applied setup remains.
            QString ignored;
            for (qsizetype j = 0; j < i; ++j) {
                const FileChange &done = m_changes.at(j);
                if (done.existed)
                    writeFile(done.path, done.before, done.holdsSecret, &ignored);
                else
                    QFile::remove(done.path);
            }
            return false;
        }
    }
    const QByteArray record = QJsonDocument(QJsonObject{{u"files"_s, files}}).toJson();
    return writeFile(undoRecordPath(m_options.configDir()), record, false, error);
}

bool CargoSetupPlan::canUndo(const QString &configDir)
{
    return QFileInfo::exists(undoRecordPath(configDir));
}

bool CargoSetupPlan::undo(const QString &configDir, QStringList *restored, QString *error)
{
    QFile recordFile(undoRecordPath(configDir));
    if (!recordFile.open(QIODevice::ReadOnly)) {
        *error = tr("there is nothing to undo in %1").arg(configDir);
        return false;
    }
    const QJsonArray files = QJsonDocument::fromJson(recordFile.readAll()).object().value(u"files"_s).toArray();
    recordFile.close();
    if (files.isEmpty()) {
        *error = tr("%1 is damaged; restore the files from their .cratedesk-backup copies by hand").arg(recordFile.fileName());
        return false;
    }
    // First check everything, so that undo either restores all files or none.
    for (const QJsonValue &value : files) {
        const QJsonObject entry = value.toObject();
        const QString path = entry.value(u"path"_s).toString();
        QFile current(path);
        const QByteArray bytes = current.open(QIODevice::ReadOnly) ? current.readAll() : QByteArray();
        if (!current.exists() || sha256(bytes) != entry.value(u"sha256"_s).toString()) {
            *error = tr("%1 changed after CrateDesk edited it; undo would lose that change, so restore %2 by hand if you want").arg(path, backupPath(path));
            return false;
        }
        if (entry.value(u"existed"_s).toBool() && !QFileInfo::exists(backupPath(path))) {
            *error = tr("the backup %1 is missing").arg(backupPath(path));
            return false;
        }
    }
    for (const QJsonValue &value : files) {
        const QJsonObject entry = value.toObject();
        const QString path = entry.value(u"path"_s).toString();
        if (entry.value(u"existed"_s).toBool()) {
            QFile backup(backupPath(path));
            if (!backup.open(QIODevice::ReadOnly)) {
                *error = tr("cannot read %1: %2").arg(backup.fileName(), backup.errorString());
                return false;
            }
            const bool secret = !(backup.permissions() & QFileDevice::ReadOther);
            if (!writeFile(path, backup.readAll(), secret, error))
                return false;
            backup.close();
            backup.remove();
        } else if (!QFile::remove(path)) {
            *error = tr("cannot remove %1").arg(path);
            return false;
        }
        restored->append(path);
    }
    QFile::remove(recordFile.fileName());
    return true;
}
