// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cargosetupoptions.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantMap>

// What registering a feed with cargo will change, computed before anything is written: the
// new bytes of config.toml (and credentials.toml when the user asked for cargo:token), a
// diff to preview, warnings, the equivalent environment variables. apply() writes it with a
// backup and an undo record; undo() puts the files back exactly as they were.
class CargoSetupPlan final
{
    Q_DECLARE_TR_FUNCTIONS(CargoSetupPlan)

public:
    struct FileChange
    {
        QString path;
        bool existed = false;
        QByteArray before;
        QByteArray after;
        bool holdsSecret = false; // credentials.toml: 0600, token masked in the diff
    };

    // Reads the files and plans the edit; check isValid().
    static CargoSetupPlan make(const CargoSetupOptions &options);

    bool isValid() const { return m_error.isEmpty(); }
    QString errorString() const { return m_error; }
    const CargoSetupOptions &options() const { return m_options; }
    QString configFile() const { return m_configFile; }

    // Only the files that change.
    const QList<FileChange> &changes() const { return m_changes; }
    bool hasChanges() const { return !m_changes.isEmpty(); }
    QStringList warnings() const { return m_warnings; }
    // `diff -u` of every change; a token never appears, only "<token from the keychain>".
    QString diff() const;
    // The lines one would put in config.toml by hand.
    QString configSnippet() const;
    // Shell lines: `export CARGO_REGISTRIES_NAME_INDEX='…'`, and comments for what has no
    // environment form ([source] tables); a token shows as a placeholder.
    QStringList environmentLines() const;

    // Backs up, writes, records how to undo. Does nothing when there is nothing to change.
    bool apply(QString *error) const;

    // The config file cargo reads in `dir`: config.toml, or the legacy `config` if only it exists.
    static QString configFileIn(const QString &dir);
    static QString credentialsFileIn(const QString &cargoHome);
    static QString backupPath(const QString &file) { return file + QStringLiteral(".cratedesk-backup"); }
    static QString undoRecordPath(const QString &configDir);
    static bool canUndo(const QString &configDir);
    // Restores what the last apply() in `configDir` changed; refuses when a file was edited
    // since (that edit would be lost). `restored` lists the files put back or removed.
    static bool undo(const QString &configDir, QStringList *restored, QString *error);

    // CARGO_REGISTRIES_<NAME>: upper case, '-' as '_' (cargo's mapping, section 5.3).
    static QString environmentPrefix(const QString &registryName);

private:
    bool fail(const QString &message);
    bool planConfig();
    bool planCredentials();
    void checkSemantics(const QVariantMap &config);

    CargoSetupOptions m_options;
    QString m_configFile;
    QString m_error;
    QList<FileChange> m_changes;
    QStringList m_warnings;
};
