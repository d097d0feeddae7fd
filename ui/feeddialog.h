// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cargotypes/feed.h"
#include "registry/feedconnectiontester.h"

#include <QDialog>

class FeedSaver;
class FeedSettings;
class HttpClient;
class MessageBanner;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class SecretStore;

// Adds or edits a feed: name, index URL (sparse+ or plain), auth kind and its secret.
// "Test connection" reads config.json with the entered credentials and shows what it found
// before anything is saved; Save stores the secret in the keychain first, then the feed in
// FeedSettings. Problems show inline next to the field they concern.
class FeedDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FeedDialog)

public:
    enum class Field { Name, Url, User, Secret };
    Q_ENUM(Field)
    enum class SecretState { NotApplicable, Checking, Stored, NotStored, ForgetOnSave };
    Q_ENUM(SecretState)

    explicit FeedDialog(FeedSettings *settings, SecretStore *secrets, HttpClient *http, QWidget *parent = nullptr);
    ~FeedDialog() override;

    // Edit mode: fields filled from `feed`, the name fixed (it keys the secret), and the
    // keychain asked whether a secret is stored.
    void setFeed(const Feed &feed);
    bool isEditing() const { return m_original.has_value(); }
    // For a 401/403: edit `feed` with `message` on top and the cursor in the secret field.
    void askForCredential(const Feed &feed, const QString &message);

    // The feed as the fields describe it (the URL without "sparse+"; invalid if it is wrong).
    Feed currentFeed() const;
    // Checks every field and shows what is wrong next to it; false when anything is.
    bool validate();
    QString fieldError(Field field) const;
    SecretState secretState() const { return m_secretState; }
    MessageBanner *banner() const { return m_banner; }
    QPushButton *testButton() const { return m_test; }

public Q_SLOTS:
    void testConnection();
    // Saves asynchronously and closes once the keychain and the settings have the feed.
    void accept() override;

Q_SIGNALS:
    void feedSaved(const Feed &feed);
    void connectionTested(const FeedConnectionResult &result);

private:
    void setUpFields();
    void layOut();
    void connectFields();
    void setFieldError(Field field, const QString &message);
    QLabel *errorLabel(Field field) const;
    QLineEdit *editor(Field field) const;
    bool validateForTest();
    QString validateName() const;
    Feed::AuthKind authKind() const;
    void updateAuthRows();
    void updateSecretStatus();
    void checkStoredSecret();
    void showTestResult(const FeedConnectionResult &result);
    void setBusy(bool busy);
    void fitHeight();
    void saveFinished(const Feed &feed, const QString &error);

    FeedSettings *m_settings;
    SecretStore *m_secrets;
    FeedConnectionTester *m_tester;
    FeedSaver *m_saver;
    std::optional<Feed> m_original;
    SecretState m_secretState = SecretState::NotApplicable;

    MessageBanner *m_banner;
    QFormLayout *m_form;
    QLineEdit *m_name;
    QLineEdit *m_url;
    QComboBox *m_auth;
    QLineEdit *m_user;
    QLineEdit *m_secret;
    QLabel *m_secretLabel;
    QLabel *m_nameError = nullptr;
    QLabel *m_urlError = nullptr;
    QLabel *m_userError = nullptr;
    QLabel *m_secretError = nullptr;
    QWidget *m_userRow = nullptr;
    QWidget *m_secretRow = nullptr;
    QWidget *m_secretStatusRow = nullptr;
    QLabel *m_secretStatus;
    QPushButton *m_forget;
    QDialogButtonBox *m_buttons;
    QPushButton *m_test;
};
