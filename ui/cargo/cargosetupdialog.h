// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cargo/cargosetupplan.h"
#include "cargotypes/feed.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class QTabWidget;
class SecretStore;

// "Use with cargo" for one feed: register it under a registry name (the feed's own, as
// Feed::registryName() derives it; editable, checked as cargo checks it), optionally as the default registry and as the
// source of every crates.io dependency; keep the token in the keychain (cargo asks
// `cratedesk credential`) or, only on explicit request, copy it into credentials.toml; for
// all projects or one. Shows the diff before Apply, undoes from the backup, and offers the
// same setup as config.toml lines and environment variables to copy. All decisions are
// CargoSetupPlan's; this dialog only shows them.
class CargoSetupDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CargoSetupDialog)

public:
    CargoSetupDialog(const Feed &feed, SecretStore *secrets, QWidget *parent = nullptr);
    ~CargoSetupDialog() override;

    // Defaults: $CARGO_HOME or ~/.cargo, and this executable as the credential provider.
    void setCargoHome(const QString &dir);
    void setProviderCommand(const QStringList &command);

    // For tests and for callers that preset a choice.
    void setRegistryName(const QString &name);
    QString registryName() const;
    void setMakeDefault(bool on);
    void setProxyCratesIo(bool on);
    void setPlainTokenFile(bool on);
    void setProjectDir(const QString &dir); // empty: the global config

    QString diffText() const;
    QString statusText() const;
    bool canApply() const;
    bool canUndo() const;

public Q_SLOTS:
    void apply();
    void undo();

Q_SIGNALS:
    void applied(const QString &configFile);

protected:
    void changeEvent(QEvent *event) override;

private:
    void showWarningColour();
    CargoSetupOptions currentOptions() const;
    void refresh();
    void setStatus(const QString &text, bool problem);
    void finishApply(CargoSetupPlan plan); // a copy: refresh() replaces m_plan
    QWidget *buildChoices();
    QWidget *buildPreview();

    Feed m_feed;
    SecretStore *m_secrets;
    QString m_cargoHome;
    QStringList m_providerCommand;
    CargoSetupPlan m_plan;
    bool m_busy = false;

    QLineEdit *m_registryName = nullptr;
    QCheckBox *m_default = nullptr;
    QCheckBox *m_proxy = nullptr;
    QRadioButton *m_keychain = nullptr;
    QRadioButton *m_plainFile = nullptr;
    QLabel *m_plainWarning = nullptr;
    QRadioButton *m_global = nullptr;
    QRadioButton *m_project = nullptr;
    QLabel *m_globalPath = nullptr;
    QLineEdit *m_projectDir = nullptr;
    QPushButton *m_browse = nullptr;
    QTabWidget *m_tabs = nullptr;
    QPlainTextEdit *m_diff = nullptr;
    QPlainTextEdit *m_snippet = nullptr;
    QPlainTextEdit *m_environment = nullptr;
    QLabel *m_status = nullptr;
    bool m_statusIsProblem = false;
    QPushButton *m_apply = nullptr;
    QPushButton *m_undo = nullptr;
};
