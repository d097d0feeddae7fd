// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "curation/connectorconfig.h"

#include <QDialog>
#include <QPointer>

class FilterListEditor;
class HttpClient;
class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class UpstreamConnector;

// Adds or edits a connector (upstream) of the local feed: where it is, its credentials
// (the secret goes to the keychain, never into the settings), "Test connection", the filter
// editor, the approved list and license rules. The caller saves config() and secret().
class LocalConnectorDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalConnectorDialog)

public:
    // `http` runs "Test connection"; the dialog makes no network manager of its own.
    explicit LocalConnectorDialog(HttpClient *http, QWidget *parent = nullptr);
    ~LocalConnectorDialog() override;

    void setConfig(const ConnectorConfig &config); // editing: the name stays fixed
    // What keeps the input from being saved, in words; empty when it can be.
    QString validationError() const;
    ConnectorConfig config() const;
    QByteArray secret() const; // empty: keep the stored one (editing) or none

    void testConnection();
    QString testResult() const;

    void accept() override;

Q_SIGNALS:
    void connectionTested(bool ok);

private:
    QWidget *generalPage();
    QWidget *curationPage();
    QWidget *licensePage();
    QWidget *safetyPage();
    void chooseAdvisoryDatabase();
    void updateAuthFields();

    HttpClient *m_http;
    bool m_editing = false;
    QLineEdit *m_name;
    QLineEdit *m_url;
    QComboBox *m_auth;
    QLineEdit *m_user;
    QLabel *m_userLabel;
    QLineEdit *m_secret;
    QLabel *m_secretLabel;
    QSpinBox *m_timeout;
    QSpinBox *m_cache;
    QPushButton *m_test;
    QLabel *m_testResult;
    FilterListEditor *m_filters;
    QPlainTextEdit *m_approved;
    QLineEdit *m_allowedLicenses;
    QLineEdit *m_blockedLicenses;
    QCheckBox *m_allowUnknown;
    QSpinBox *m_minAge;
    QPlainTextEdit *m_ageExceptions;
    QLineEdit *m_advisories;
    QComboBox *m_blockSeverity;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
    QPointer<UpstreamConnector> m_tester;
};
