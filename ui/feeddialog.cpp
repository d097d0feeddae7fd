// SPDX-License-Identifier: GPL-3.0-or-later
#include "feeddialog.h"

#include "accessiblenames.h"
#include "cargotypes/feedurl.h"
#include "messagebanner.h"
#include "registry/feedsaver.h"
#include "registry/feedsettings.h"
#include "secrets/secretstore.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

// Core messages are lines that continue a sentence; shown on their own they start a sentence.
QString sentence(const QString &text)
{
    return text.isEmpty() ? text : text.at(0).toUpper() + text.mid(1);
}

// What to do next, for the errors whose message says only what happened.
QString adviceFor(RegistryError::Kind kind)
{
    switch (kind) {
    case RegistryError::Kind::Network:
    case RegistryError::Kind::Timeout:
        return QCoreApplication::translate("FeedDialog", "Check the URL and your connection, or whether the server is running. You can save the feed anyway and use it once it is reachable.");
    case RegistryError::Kind::NotFound:
        return QCoreApplication::translate("FeedDialog", "There is no config.json at this URL: check the path, which is the index URL of the feed, not its web page.");
    case RegistryError::Kind::Parse:
        return QCoreApplication::translate("FeedDialog", "The server answered, but not as a Cargo sparse index: check that the URL points at the feed's index.");
    default:
        break;
    }
    return {};
}

QString secretNoun(Feed::AuthKind kind)
{
    return kind == Feed::AuthKind::Basic ? QCoreApplication::translate("FeedDialog", "password") : QCoreApplication::translate("FeedDialog", "token");
}

} // namespace

FeedDialog::FeedDialog(FeedSettings *settings, SecretStore *secrets, HttpClient *http, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_secrets(secrets)
    , m_tester(new FeedConnectionTester(http, secrets, this))
    , m_saver(new FeedSaver(settings, secrets, this))
    , m_banner(new MessageBanner(this))
    , m_form(new QFormLayout)
    , m_name(new QLineEdit(this))
    , m_url(new QLineEdit(this))
    , m_auth(new QComboBox(this))
    , m_user(new QLineEdit(this))
    , m_secret(new QLineEdit(this))
    , m_secretLabel(new QLabel(this))
    , m_secretStatus(new QLabel(this))
    , m_forget(new QPushButton(tr("&Forget"), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
    , m_test(new QPushButton(tr("&Test Connection"), this))
{
    setWindowTitle(tr("Add Feed"));
    setMinimumWidth(600);
    setUpFields();
    layOut();
    connectFields();
    updateAuthRows();
    m_name->setFocus();
}

FeedDialog::~FeedDialog() = default;

void FeedDialog::setUpFields()
{
    m_banner->hide();
    m_banner->setObjectName(u"banner"_s);
    connect(m_banner, &MessageBanner::closed, this, &FeedDialog::fitHeight);
    connect(m_banner, &MessageBanner::linkActivated, this, [](const QString &link) { QDesktopServices::openUrl(QUrl(link)); });

    m_name->setObjectName(u"name"_s);
    m_name->setPlaceholderText(u"my-company"_s);
    m_name->setToolTip(tr("The name cargo knows this feed by: --registry NAME"));
    m_url->setObjectName(u"url"_s);
    m_url->setPlaceholderText(u"sparse+https://cargo.example.com/index/"_s);
    m_url->setToolTip(tr("The sparse index URL, with or without \"sparse+\", ending in '/'"));
    m_auth->setObjectName(u"auth"_s);
    m_auth->addItem(tr("None (public feed)"), int(Feed::AuthKind::None));
    m_auth->addItem(tr("Token"), int(Feed::AuthKind::Token));
    m_auth->addItem(tr("User name and password (Basic)"), int(Feed::AuthKind::Basic));
    m_user->setObjectName(u"user"_s);
    m_secret->setObjectName(u"secret"_s);
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setClearButtonEnabled(true);
    m_forget->setObjectName(u"forget"_s);
    m_forget->setAutoDefault(false);
    m_secretStatus->setObjectName(u"secretStatus"_s);
    m_secretStatus->setWordWrap(true);
    m_secretStatus->setForegroundRole(QPalette::PlaceholderText);

}

void FeedDialog::layOut()
{
    auto *statusRow = new QWidget(this);
    auto *statusLayout = new QHBoxLayout(statusRow);
    statusLayout->setContentsMargins(0, 0, 0, 0);
    statusLayout->addWidget(m_secretStatus, 1);
    statusLayout->addWidget(m_forget, 0, Qt::AlignTop);
    m_secretStatusRow = statusRow;

    m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_form->addRow(tr("&Name:"), fieldWithError(m_name, &m_nameError));
    m_form->addRow(tr("Index &URL:"), fieldWithError(m_url, &m_urlError));
    m_form->addRow(tr("&Authentication:"), m_auth);
    m_userRow = fieldWithError(m_user, &m_userError);
    m_form->addRow(tr("User na&me:"), m_userRow);
    m_secretRow = fieldWithError(m_secret, &m_secretError, statusRow);
    m_form->addRow(m_secretLabel, m_secretRow);
    m_secretLabel->setBuddy(m_secret);
    // QFormLayout made labels for the other rows; point each at its editor for Alt+letter,
    // and name the editor after it, since it sits in a row widget and not beside its label.
    for (QWidget *field : {static_cast<QWidget *>(m_name), static_cast<QWidget *>(m_url), static_cast<QWidget *>(m_user)})
        AccessibleNames::setLabel(qobject_cast<QLabel *>(m_form->labelForField(field->parentWidget())), field);
    AccessibleNames::setLabel(qobject_cast<QLabel *>(m_form->labelForField(m_auth)), m_auth);

    m_test->setObjectName(u"test"_s);
    m_test->setAutoDefault(false);
    m_test->setToolTip(tr("Read the feed's config.json with these settings, without saving them"));
    m_buttons->button(QDialogButtonBox::Save)->setDefault(true);
    // The test is a step of its own, apart from the buttons that close the dialog.
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addWidget(m_test);
    buttonRow->addStretch(1);
    buttonRow->addWidget(m_buttons);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(m_form);
    layout->addStretch(1);
    layout->addSpacing(6);
    layout->addLayout(buttonRow);

    setTabOrder(m_name, m_url);
    setTabOrder(m_url, m_auth);
    setTabOrder(m_auth, m_user);
    setTabOrder(m_user, m_secret);
    setTabOrder(m_secret, m_forget);
    setTabOrder(m_forget, m_test);
}

void FeedDialog::connectFields()
{
    // A changed field no longer has the problem that was reported for it.
    connect(m_name, &QLineEdit::textEdited, this, [this] { setFieldError(Field::Name, {}); });
    connect(m_url, &QLineEdit::textEdited, this, [this] { setFieldError(Field::Url, {}); });
    connect(m_user, &QLineEdit::textEdited, this, [this] { setFieldError(Field::User, {}); });
    connect(m_secret, &QLineEdit::textEdited, this, [this] {
        setFieldError(Field::Secret, {});
        updateSecretStatus();
    });
    // Typos in the URL are the usual mistake: say so as soon as the user leaves the field.
    connect(m_url, &QLineEdit::editingFinished, this, [this] {
        if (m_url->text().trimmed().isEmpty())
            return;
        QString error;
        FeedUrl::parse(m_url->text(), &error);
        setFieldError(Field::Url, error);
    });
    connect(m_auth, &QComboBox::currentIndexChanged, this, [this] {
        setFieldError(Field::Secret, {});
        updateAuthRows();
    });
    connect(m_forget, &QPushButton::clicked, this, [this] {
        m_secretState = m_secretState == SecretState::ForgetOnSave ? SecretState::Stored : SecretState::ForgetOnSave;
        updateSecretStatus();
    });
    connect(m_test, &QPushButton::clicked, this, &FeedDialog::testConnection);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &FeedDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &FeedDialog::reject);
    connect(m_tester, &FeedConnectionTester::finished, this, &FeedDialog::showTestResult);
    connect(m_saver, &FeedSaver::finished, this, &FeedDialog::saveFinished);
}

QWidget *FeedDialog::fieldWithError(QWidget *field, QLabel **error, QWidget *extra)
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    field->setParent(box);
    layout->addWidget(field);
    if (extra)
        layout->addWidget(extra);
    *error = new QLabel(box);
    (*error)->setObjectName(field->objectName() + u"Error"_s);
    (*error)->setWordWrap(true);
    (*error)->setTextFormat(Qt::PlainText);
    QPalette palette = (*error)->palette();
    palette.setColor(QPalette::WindowText, MessageBanner::color(MessageBanner::Kind::Error).darker(115));
    (*error)->setPalette(palette);
    (*error)->hide();
    layout->addWidget(*error);
    return box;
}

QLabel *FeedDialog::errorLabel(Field field) const
{
    switch (field) {
    case Field::Name:
        return m_nameError;
    case Field::Url:
        return m_urlError;
    case Field::User:
        return m_userError;
    case Field::Secret:
        break;
    }
    return m_secretError;
}

QLineEdit *FeedDialog::editor(Field field) const
{
    switch (field) {
    case Field::Name:
        return m_name;
    case Field::Url:
        return m_url;
    case Field::User:
        return m_user;
    case Field::Secret:
        break;
    }
    return m_secret;
}

void FeedDialog::setFieldError(Field field, const QString &message)
{
    QLabel *label = errorLabel(field);
    label->setText(sentence(message));
    label->setVisible(!message.isEmpty());
    // Screen readers announce the problem with the field itself.
    editor(field)->setAccessibleDescription(sentence(message));
}

QString FeedDialog::fieldError(Field field) const
{
    QLabel *label = errorLabel(field);
    return label->isHidden() ? QString() : label->text();
}

Feed::AuthKind FeedDialog::authKind() const
{
    return Feed::AuthKind(m_auth->currentData().toInt());
}

Feed FeedDialog::currentFeed() const
{
    Feed feed;
    feed.name = m_name->text().trimmed();
    QString ignored;
    feed.indexUrl = FeedUrl::parse(m_url->text(), &ignored);
    feed.auth = authKind();
    if (feed.auth == Feed::AuthKind::Basic)
        feed.basicUser = m_user->text().trimmed();
    return feed;
}

void FeedDialog::setFeed(const Feed &feed)
{
    m_original = feed;
    setWindowTitle(tr("Edit Feed %1").arg(feed.name));
    m_name->setText(feed.name);
    m_name->setReadOnly(true); // the name keys the secret and cargo's config; remove and re-add to rename
    m_name->setToolTip(tr("A feed's name cannot change; remove the feed and add it again to rename it"));
    m_url->setText(feed.cargoIndexUrl());
    m_auth->setCurrentIndex(m_auth->findData(int(feed.auth)));
    m_user->setText(feed.basicUser);
    m_secret->clear();
    for (Field field : {Field::Name, Field::Url, Field::User, Field::Secret})
        setFieldError(field, {});
    m_banner->hide();
    checkStoredSecret();
    updateAuthRows();
    m_url->setFocus();
}

void FeedDialog::askForCredential(const Feed &feed, const QString &message)
{
    setFeed(feed);
    setWindowTitle(tr("Credentials for %1").arg(feed.name));
    if (feed.auth == Feed::AuthKind::None)
        m_auth->setCurrentIndex(m_auth->findData(int(Feed::AuthKind::Token)));
    m_banner->showMessage(MessageBanner::Kind::Warning,
                          tr("%1\nEnter the %2 and save, or test the connection first.").arg(sentence(message), secretNoun(authKind())));
    fitHeight();
    QLineEdit *target = authKind() == Feed::AuthKind::Basic && m_user->text().isEmpty() ? m_user : m_secret;
    target->setFocus();
    target->selectAll();
}

void FeedDialog::checkStoredSecret()
{
    if (!m_original || m_original->auth == Feed::AuthKind::None) {
        m_secretState = SecretState::NotApplicable;
        updateSecretStatus();
        return;
    }
    m_secretState = SecretState::Checking;
    updateSecretStatus();
    const Feed original = *m_original;
    m_secrets->readSecret(original.secretKey(), this, [this, original](const SecretStore::Result &result) {
        if (!m_original || m_original->name != original.name)
            return; // another feed was loaded meanwhile
        m_secretState = result.ok() ? SecretState::Stored : SecretState::NotStored;
        if (!result.ok() && result.error != SecretStore::Error::NotFound)
            m_banner->showMessage(MessageBanner::Kind::Warning, tr("The keychain could not be read: %1").arg(result.message));
        updateSecretStatus();
    });
}

void FeedDialog::updateAuthRows()
{
    const Feed::AuthKind kind = authKind();
    m_form->setRowVisible(m_userRow, kind == Feed::AuthKind::Basic);
    m_form->setRowVisible(m_secretRow, kind != Feed::AuthKind::None);
    m_secretLabel->setText(kind == Feed::AuthKind::Basic ? tr("&Password:") : tr("To&ken:"));
    AccessibleNames::setLabel(m_secretLabel, m_secret);
    updateSecretStatus();
    fitHeight();
}

void FeedDialog::updateSecretStatus()
{
    const QString noun = secretNoun(authKind());
    // The stored secret belongs to the saved auth kind; another kind needs its own.
    const bool sameKind = m_original && m_original->auth == authKind();
    QString status;
    bool canForget = false;
    switch (sameKind ? m_secretState : SecretState::NotApplicable) {
    case SecretState::Checking:
        status = tr("Checking the keychain…");
        break;
    case SecretState::Stored:
        status = m_secret->text().isEmpty() ? tr("A %1 is stored in the keychain. Leave the field empty to keep it.").arg(noun)
                                            : tr("The stored %1 will be replaced when you save.").arg(noun);
        canForget = true;
        break;
    case SecretState::ForgetOnSave:
        status = tr("The stored %1 will be forgotten when you save; CrateDesk asks again when the feed wants one.").arg(noun);
        canForget = true;
        break;
    case SecretState::NotStored:
        status = tr("No %1 is stored in the keychain.").arg(noun);
        break;
    case SecretState::NotApplicable:
        status = tr("Stored in the system keychain when you save, never in a file.");
        break;
    }
    m_secretStatus->setText(status);
    m_forget->setVisible(canForget);
    m_forget->setText(m_secretState == SecretState::ForgetOnSave ? tr("&Keep") : tr("&Forget"));
    m_forget->setToolTip(m_secretState == SecretState::ForgetOnSave ? tr("Keep the stored %1").arg(noun)
                                                                    : tr("Remove the stored %1 from the keychain when you save").arg(noun));
    m_secret->setPlaceholderText(sameKind && m_secretState == SecretState::Stored ? tr("unchanged") : QString());
}

QString FeedDialog::validateName() const
{
    const QString name = m_name->text().trimmed();
    if (name.isEmpty())
        return tr("Enter a name for the feed, such as my-company.");
    if (const QString problem = FeedSettings::nameError(name); !problem.isEmpty())
        return problem;
    if (isEditing())
        return {};
    if (name == Feed::LocalName)
        return tr("\"local\" is the embedded feed's name; choose another name.");
    if (m_settings->feed(name))
        return tr("A feed called \"%1\" already exists; choose another name or edit that feed.").arg(name);
    return {};
}

bool FeedDialog::validateForTest()
{
    bool ok = true;
    QString error;
    if (m_url->text().trimmed().isEmpty())
        error = tr("Enter the feed's index URL, such as sparse+https://cargo.example.com/index/.");
    else
        FeedUrl::parse(m_url->text(), &error);
    setFieldError(Field::Url, error);
    ok = ok && error.isEmpty();
    const bool needsUser = authKind() == Feed::AuthKind::Basic && m_user->text().trimmed().isEmpty();
    setFieldError(Field::User, needsUser ? tr("Enter the user name for Basic authentication.") : QString());
    return ok && !needsUser;
}

bool FeedDialog::validate()
{
    const QString nameError = validateName();
    setFieldError(Field::Name, nameError);
    bool ok = validateForTest() && nameError.isEmpty();
    const bool sameKind = m_original && m_original->auth == authKind();
    const bool haveSecret = !m_secret->text().isEmpty()
        || (sameKind && (m_secretState == SecretState::Stored || m_secretState == SecretState::ForgetOnSave));
    if (authKind() != Feed::AuthKind::None && !haveSecret) {
        setFieldError(Field::Secret, tr("Enter the %1, or choose None if the feed is public.").arg(secretNoun(authKind())));
        ok = false;
    } else {
        setFieldError(Field::Secret, {});
    }
    if (!ok) {
        // The first offending field gets the cursor, so fixing it is one keystroke away.
        for (Field field : {Field::Name, Field::Url, Field::User, Field::Secret}) {
            if (!fieldError(field).isEmpty()) {
                editor(field)->setFocus();
                break;
            }
        }
    }
    return ok;
}

void FeedDialog::testConnection()
{
    if (!validateForTest())
        return;
    Feed feed = currentFeed();
    if (feed.name.isEmpty() || !FeedSettings::nameError(feed.name).isEmpty())
        feed.name = feed.indexUrl.host(); // only for messages; the test never stores anything
    std::optional<QByteArray> secret = m_secret->text().toUtf8();
    const bool sameKind = m_original && m_original->auth == feed.auth;
    if (secret->isEmpty() && sameKind && m_secretState == SecretState::Stored)
        secret.reset(); // test with what is stored, as the saved feed would
    m_banner->showMessage(MessageBanner::Kind::Information, tr("Testing the connection to %1…").arg(feed.indexUrl.toDisplayString()));
    m_banner->setCloseButtonVisible(false);
    connect(m_banner->addButton(tr("Stop")), &QPushButton::clicked, this, [this] {
        m_tester->cancel();
        m_banner->hide();
        m_test->setEnabled(true);
    });
    m_test->setEnabled(false);
    fitHeight();
    m_tester->start(feed, secret);
}

void FeedDialog::showTestResult(const FeedConnectionResult &result)
{
    m_test->setEnabled(true);
    m_banner->setCloseButtonVisible(true);
    if (result.ok()) {
        QStringList lines;
        for (const QString &line : result.findings())
            lines << line.toHtmlEscaped();
        m_banner->showRichMessage(MessageBanner::Kind::Positive, tr("<b>The feed is online.</b><br>") + lines.join(u"<br>"_s));
        fitHeight();
        Q_EMIT connectionTested(result);
        return;
    }
    const RegistryError &error = result.error;
    QString text = sentence(error.message).toHtmlEscaped();
    if (!error.serverDetail.isEmpty() && !error.message.contains(error.serverDetail))
        text += tr("<br>The server said: %1").arg(error.serverDetail.toHtmlEscaped());
    if (const QString advice = adviceFor(error.kind); !advice.isEmpty())
        text += u"<br>"_s + advice.toHtmlEscaped();
    if (!result.loginUrl.isEmpty())
        text += tr("<br>Get a token at <a href=\"%1\">%2</a>.").arg(QUrl(result.loginUrl).toString(QUrl::FullyEncoded).toHtmlEscaped(),
                                                                  result.loginUrl.toHtmlEscaped());
    m_banner->showRichMessage(MessageBanner::Kind::Error, tr("<b>The connection test failed.</b><br>") + text);
    connect(m_banner->addButton(tr("Retry")), &QPushButton::clicked, this, &FeedDialog::testConnection);
    const bool credentials = error.kind == RegistryError::Kind::AuthRequired || error.kind == RegistryError::Kind::Forbidden;
    if (credentials) {
        if (authKind() == Feed::AuthKind::None)
            m_auth->setCurrentIndex(m_auth->findData(int(Feed::AuthKind::Token)));
        m_secret->setFocus();
        m_secret->selectAll();
    }
    fitHeight();
    Q_EMIT connectionTested(result);
}

void FeedDialog::fitHeight()
{
    // Banners and auth rows come and go; the dialog follows their height instead of clipping
    // them or keeping an empty gap. Queued, so that the layout has settled first.
    QMetaObject::invokeMethod(this, [this] {
        QLayout *box = layout();
        box->activate();
        const int wanted = box->hasHeightForWidth() ? box->totalHeightForWidth(width()) : box->totalSizeHint().height();
        resize(width(), qMax(wanted, box->totalMinimumSize().height()));
    }, Qt::QueuedConnection);
}

void FeedDialog::setBusy(bool busy)
{
    for (QWidget *widget : {static_cast<QWidget *>(m_name), static_cast<QWidget *>(m_url), static_cast<QWidget *>(m_auth),
                            static_cast<QWidget *>(m_user), static_cast<QWidget *>(m_secret), static_cast<QWidget *>(m_forget),
                            static_cast<QWidget *>(m_buttons)})
        widget->setEnabled(!busy);
}

void FeedDialog::accept()
{
    if (m_saver->isBusy() || !validate())
        return;
    const Feed feed = currentFeed();
    const QByteArray secret = m_secret->text().toUtf8();
    FeedSaver::SecretChange change = FeedSaver::SecretChange::Keep;
    if (!secret.isEmpty())
        change = FeedSaver::SecretChange::Replace;
    else if (m_secretState == SecretState::ForgetOnSave)
        change = FeedSaver::SecretChange::Forget;
    m_tester->cancel();
    setBusy(true);
    m_banner->showMessage(MessageBanner::Kind::Information, tr("Saving %1…").arg(feed.name));
    m_banner->setCloseButtonVisible(false);
    m_saver->save(feed, change, secret);
}

void FeedDialog::saveFinished(const Feed &feed, const QString &error)
{
    setBusy(false);
    m_banner->setCloseButtonVisible(true);
    if (!error.isEmpty()) {
        m_banner->showMessage(MessageBanner::Kind::Error, sentence(error));
        fitHeight();
        return;
    }
    m_banner->hide();
    m_secret->clear();
    Q_EMIT feedSaved(feed);
    QDialog::accept();
}
