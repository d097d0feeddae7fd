// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "settings/settingssession.h"

#include <QDialog>

class MessageBanner;
class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;

// Settings: the local feed's port and whether reading it needs a token, the index cache's
// size limit, the network proxy and the CA file trusted besides the system's. OK applies everything to the running app through the
// SettingsSession and closes once it took; a port that cannot be had keeps the dialog open
// with the reason, the feed still serving where it was. Problems show next to their field.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    enum class Field { Port, ProxyHost, CaFile };
    Q_ENUM(Field)

    explicit SettingsDialog(SettingsSession *session, QWidget *parent = nullptr);
    ~SettingsDialog() override;

    // What the fields say (the port as typed, unchecked).
    SettingsSession::Values values() const;
    // Checks every field and shows what is wrong next to it; false when anything is.
    bool validate();
    QString fieldError(Field field) const;

    QLineEdit *portField() const { return m_port; }
    QCheckBox *requireTokenBox() const { return m_requireToken; }
    QSpinBox *cacheLimitField() const { return m_cacheLimit; }
    QLabel *cacheSizeLabel() const { return m_cacheSize; }
    QPushButton *clearCacheButton() const { return m_clearCache; }
    QRadioButton *systemProxyButton() const { return m_systemProxy; }
    QRadioButton *noProxyButton() const { return m_noProxy; }
    QRadioButton *manualProxyButton() const { return m_manualProxy; }
    QLineEdit *proxyHostField() const { return m_proxyHost; }
    QSpinBox *proxyPortField() const { return m_proxyPort; }
    QLineEdit *proxyUserField() const { return m_proxyUser; }
    QLineEdit *proxyPasswordField() const { return m_proxyPassword; }
    QLineEdit *caFileField() const { return m_caFile; }
    QPushButton *caFileBrowseButton() const { return m_caBrowse; }
    MessageBanner *banner() const { return m_banner; }
    QDialogButtonBox *buttons() const { return m_buttons; }

public Q_SLOTS:
    // Applies asynchronously and closes once everything took.
    void accept() override;

private:
    QWidget *createLocalFeedGroup();
    QWidget *createCacheGroup();
    QWidget *createProxyGroup();
    QWidget *createCertificatesGroup();
    void browseCaFile();
    QLabel *errorLabel(Field field) const;
    void showFieldError(Field field, const QString &text);
    void load(const SettingsSession::Values &values);
    void updateProxyFields();
    void applied(const SettingsSession::Outcome &outcome);
    void clearCache();
    void cacheCleared(bool ok);

    SettingsSession *m_session;
    quint16 m_runningPort = 0;
    bool m_passwordEdited = false;
    MessageBanner *m_banner;
    QLineEdit *m_port = nullptr;
    QLabel *m_portError = nullptr;
    QCheckBox *m_requireToken = nullptr;
    QSpinBox *m_cacheLimit = nullptr;
    QLabel *m_cacheSize = nullptr;
    QPushButton *m_clearCache = nullptr;
    QRadioButton *m_systemProxy = nullptr;
    QRadioButton *m_noProxy = nullptr;
    QRadioButton *m_manualProxy = nullptr;
    QLineEdit *m_proxyHost = nullptr;
    QLabel *m_proxyHostError = nullptr;
    QSpinBox *m_proxyPort = nullptr;
    QLineEdit *m_proxyUser = nullptr;
    QLineEdit *m_proxyPassword = nullptr;
    QLineEdit *m_caFile = nullptr;
    QLabel *m_caFileError = nullptr;
    QPushButton *m_caBrowse = nullptr;
    QDialogButtonBox *m_buttons;
};
