// SPDX-License-Identifier: GPL-3.0-or-later
#include "settingsdialog.h"

#include "fieldwitherror.h"
#include "localfeed/localfeedsettings.h"
#include "messagebanner.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

QLabel *noteLabel(const QString &text, QWidget *parent)
{
    auto *note = new QLabel(text, parent);
    note->setWordWrap(true);
    note->setTextFormat(Qt::PlainText);
    note->setForegroundRole(QPalette::PlaceholderText); // secondary text, in the palette's own colour
    return note;
}

} // namespace

SettingsDialog::SettingsDialog(SettingsSession *session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_banner(new MessageBanner(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Settings"));
    setObjectName(u"SettingsDialog"_s);
    m_banner->setObjectName(u"settingsBanner"_s);
    m_banner->hide();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(createLocalFeedGroup());
    layout->addWidget(createCacheGroup());
    layout->addWidget(createProxyGroup());
    layout->addWidget(createCertificatesGroup());
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    m_buttons->button(QDialogButtonBox::Ok)->setDefault(true);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    connect(m_session, &SettingsSession::applied, this, &SettingsDialog::applied);
    connect(m_session, &SettingsSession::cacheMeasured, this, [this](qint64 bytes) {
        m_cacheSize->setText(QLocale().formattedDataSize(bytes));
    });
    connect(m_session, &SettingsSession::cacheCleared, this, &SettingsDialog::cacheCleared);

    const SettingsSession::Values values = m_session->values();
    m_runningPort = values.localFeedPort;
    load(values);
    m_session->measureCache();
    setMinimumWidth(520);
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::clearCache()
{
    m_clearCache->setEnabled(false);
    m_cacheSize->setText(tr("Clearing…"));
    m_session->clearCache();
}

void SettingsDialog::cacheCleared(bool ok)
{
    m_clearCache->setEnabled(true);
    if (!ok)
        m_banner->showMessage(MessageBanner::Kind::Error, tr("The index cache could not be cleared. The log says why."));
}

QWidget *SettingsDialog::createLocalFeedGroup()
{
    auto *group = new QGroupBox(tr("Local feed"), this);
    auto *form = new QFormLayout(group);
    m_port = new QLineEdit(group);
    m_port->setObjectName(u"localFeedPort"_s);
    m_port->setAccessibleName(tr("Local feed port"));
    m_port->setPlaceholderText(tr("%1 to %2").arg(LocalFeedSettings::MinimumPort).arg(65535));
    // Number fields as wide as their numbers, not as the dialog.
    const int numberWidth = fontMetrics().horizontalAdvance(u"0"_s) * 14;
    m_port->setMaximumWidth(numberWidth);
    form->addRow(tr("&Port on 127.0.0.1:"), fieldWithError(group, m_port, &m_portError));
    qobject_cast<QLabel *>(form->labelForField(m_port->parentWidget()))->setBuddy(m_port);
    form->addRow(noteLabel(tr("Cargo's configuration names the port: after a change, use Feed > Use with Cargo again."), group));
    // Without it, any program or web page that reaches 127.0.0.1 may read the local feed.
    m_requireToken = new QCheckBox(tr("Require a &token to read the local feed"), group);
    m_requireToken->setObjectName(u"requireReadToken"_s);
    m_requireToken->setToolTip(tr("Cargo and other programs then need a token of the local feed to read its index and download crates."));
    form->addRow(m_requireToken);
    return group;
}

QWidget *SettingsDialog::createCacheGroup()
{
    auto *group = new QGroupBox(tr("Index cache"), this);
    auto *form = new QFormLayout(group);
    m_cacheLimit = new QSpinBox(group);
    m_cacheLimit->setObjectName(u"cacheLimit"_s);
    m_cacheLimit->setAccessibleName(tr("Index cache size limit in MiB"));
    m_cacheLimit->setRange(SettingsSession::minimumCacheMiB(), SettingsSession::maximumCacheMiB());
    m_cacheLimit->setSuffix(tr(" MiB"));
    m_cacheLimit->setSingleStep(64);
    m_cacheLimit->setMaximumWidth(fontMetrics().horizontalAdvance(u"0"_s) * 14);
    form->addRow(tr("Size &limit:"), m_cacheLimit);
    m_cacheSize = new QLabel(tr("Measuring…"), group);
    m_cacheSize->setObjectName(u"cacheSize"_s);
    m_cacheSize->setAccessibleName(tr("Index cache size on disk"));
    m_clearCache = new QPushButton(tr("&Clear Now"), group);
    m_clearCache->setObjectName(u"clearCache"_s);
    m_clearCache->setToolTip(tr("Removes every cached index file at once, without waiting for OK. Feeds are then read from the network again; "
                                "until then, offline feeds show nothing."));
    connect(m_clearCache, &QPushButton::clicked, this, &SettingsDialog::clearCache);
    auto *onDisk = new QHBoxLayout;
    onDisk->addWidget(m_cacheSize);
    onDisk->addWidget(m_clearCache);
    onDisk->addStretch(1);
    form->addRow(tr("On disk now:"), onDisk);
    form->addRow(noteLabel(tr("Index files confirmed longest ago go first once the cache outgrows the limit."), group));
    return group;
}

QWidget *SettingsDialog::createProxyGroup()
{
    auto *group = new QGroupBox(tr("Network proxy"), this);
    auto *form = new QFormLayout(group);
    m_systemProxy = new QRadioButton(tr("Use the s&ystem's proxy settings"), group);
    m_systemProxy->setObjectName(u"systemProxy"_s);
    m_noProxy = new QRadioButton(tr("&No proxy"), group);
    m_noProxy->setObjectName(u"noProxy"_s);
    m_manualProxy = new QRadioButton(tr("&Manual proxy:"), group);
    m_manualProxy->setObjectName(u"manualProxy"_s);
    auto *modes = new QButtonGroup(group);
    for (QRadioButton *button : {m_systemProxy, m_noProxy, m_manualProxy}) {
        modes->addButton(button);
        form->addRow(button);
        connect(button, &QRadioButton::toggled, this, &SettingsDialog::updateProxyFields);
    }
    m_proxyHost = new QLineEdit(group);
    m_proxyHost->setObjectName(u"proxyHost"_s);
    m_proxyHost->setAccessibleName(tr("Proxy host"));
    m_proxyHost->setPlaceholderText(tr("proxy.example.com"));
    form->addRow(tr("&Host:"), fieldWithError(group, m_proxyHost, &m_proxyHostError));
    qobject_cast<QLabel *>(form->labelForField(m_proxyHost->parentWidget()))->setBuddy(m_proxyHost);
    m_proxyPort = new QSpinBox(group);
    m_proxyPort->setObjectName(u"proxyPort"_s);
    m_proxyPort->setAccessibleName(tr("Proxy port"));
    m_proxyPort->setRange(1, 65535);
    m_proxyPort->setMaximumWidth(fontMetrics().horizontalAdvance(u"0"_s) * 14);
    form->addRow(tr("Proxy po&rt:"), m_proxyPort);
    m_proxyUser = new QLineEdit(group);
    m_proxyUser->setObjectName(u"proxyUser"_s);
    m_proxyUser->setAccessibleName(tr("Proxy user name"));
    m_proxyUser->setPlaceholderText(tr("Optional"));
    form->addRow(tr("&User name:"), m_proxyUser);
    m_proxyPassword = new QLineEdit(group);
    m_proxyPassword->setObjectName(u"proxyPassword"_s);
    m_proxyPassword->setAccessibleName(tr("Proxy password"));
    m_proxyPassword->setEchoMode(QLineEdit::Password);
    m_proxyPassword->setPlaceholderText(tr("Kept in the keychain; empty keeps the stored one"));
    connect(m_proxyPassword, &QLineEdit::textEdited, this, [this] { m_passwordEdited = true; });
    form->addRow(tr("Pass&word:"), m_proxyPassword);
    form->addRow(noteLabel(tr("Requests to the local feed on 127.0.0.1 never go through a proxy."), group));
    return group;
}

QWidget *SettingsDialog::createCertificatesGroup()
{
    auto *group = new QGroupBox(tr("Certificate authorities"), this);
    auto *form = new QFormLayout(group);
    m_caFile = new QLineEdit(group);
    m_caFile->setObjectName(u"caFile"_s);
    m_caFile->setAccessibleName(tr("File of certificate authorities to trust"));
    m_caFile->setPlaceholderText(tr("None: the system's only"));
    m_caFile->setClearButtonEnabled(true);
    m_caBrowse = new QPushButton(tr("&Browse…"), group);
    m_caBrowse->setObjectName(u"caFileBrowse"_s);
    connect(m_caBrowse, &QPushButton::clicked, this, &SettingsDialog::browseCaFile);
    auto *row = new QHBoxLayout;
    row->addWidget(fieldWithError(group, m_caFile, &m_caFileError), 1);
    row->addWidget(m_caBrowse, 0, Qt::AlignTop);
    form->addRow(tr("Also &trust:"), row);
    qobject_cast<QLabel *>(form->labelForField(row))->setBuddy(m_caFile);
    form->addRow(noteLabel(tr("A PEM file of your organisation's certificate authorities, as cargo's http.cainfo names it, for feeds "
                              "on https whose certificate the system does not know. The command line uses CARGO_HTTP_CAINFO "
                              "instead when it is set."),
                           group));
    return group;
}

void SettingsDialog::browseCaFile()
{
    const QString current = m_caFile->text().trimmed();
    auto *chooser = new QFileDialog(this, tr("Choose a File of Certificate Authorities"),
                                    current.isEmpty() ? QDir::homePath() : QFileInfo(current).absolutePath(),
                                    tr("PEM certificates (*.pem *.crt *.cer);;All files (*)"));
    chooser->setObjectName(u"caFileChooser"_s);
    chooser->setFileMode(QFileDialog::ExistingFile);
    chooser->setAttribute(Qt::WA_DeleteOnClose);
    connect(chooser, &QFileDialog::fileSelected, this, [this](const QString &file) {
        m_caFile->setText(QDir::toNativeSeparators(file));
        showFieldError(Field::CaFile, {});
    });
    chooser->open();
}

void SettingsDialog::load(const SettingsSession::Values &values)
{
    m_port->setText(QString::number(values.localFeedPort));
    m_requireToken->setChecked(values.requireTokenToRead);
    m_cacheLimit->setValue(values.cacheLimitMiB);
    switch (values.proxy.mode) {
    case ProxySettings::Mode::System:
        m_systemProxy->setChecked(true);
        break;
    case ProxySettings::Mode::None:
        m_noProxy->setChecked(true);
        break;
    case ProxySettings::Mode::Manual:
        m_manualProxy->setChecked(true);
        break;
    }
    m_proxyHost->setText(values.proxy.host);
    m_proxyPort->setValue(values.proxy.port);
    m_proxyUser->setText(values.proxy.user);
    m_caFile->setText(QDir::toNativeSeparators(values.caFile));
    updateProxyFields();
}

void SettingsDialog::updateProxyFields()
{
    const bool manual = m_manualProxy->isChecked();
    for (QWidget *field : std::initializer_list<QWidget *>{m_proxyHost, m_proxyPort, m_proxyUser, m_proxyPassword})
        field->setEnabled(manual);
    if (!manual)
        showFieldError(Field::ProxyHost, {});
}

SettingsSession::Values SettingsDialog::values() const
{
    SettingsSession::Values values;
    values.localFeedPort = quint16(m_port->text().trimmed().toUInt());
    values.requireTokenToRead = m_requireToken->isChecked();
    values.cacheLimitMiB = m_cacheLimit->value();
    values.proxy.mode = m_manualProxy->isChecked() ? ProxySettings::Mode::Manual
        : m_noProxy->isChecked()                   ? ProxySettings::Mode::None
                                                   : ProxySettings::Mode::System;
    values.proxy.host = m_proxyHost->text().trimmed();
    values.proxy.port = quint16(m_proxyPort->value());
    values.proxy.user = m_proxyUser->text().trimmed();
    values.caFile = QDir::fromNativeSeparators(m_caFile->text().trimmed());
    return values;
}

QLabel *SettingsDialog::errorLabel(Field field) const
{
    switch (field) {
    case Field::Port:
        return m_portError;
    case Field::ProxyHost:
        return m_proxyHostError;
    case Field::CaFile:
        break;
    }
    return m_caFileError;
}

QString SettingsDialog::fieldError(Field field) const
{
    const QLabel *label = errorLabel(field);
    return label->isHidden() ? QString() : label->text();
}

void SettingsDialog::showFieldError(Field field, const QString &text)
{
    QLabel *label = errorLabel(field);
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

bool SettingsDialog::validate()
{
    QString portError;
    switch (LocalFeedSettings::portProblem(m_port->text())) {
    case LocalFeedSettings::PortProblem::None:
        break;
    case LocalFeedSettings::PortProblem::NotANumber:
        portError = tr("Enter a port number from %1 to %2.").arg(LocalFeedSettings::MinimumPort).arg(65535);
        break;
    case LocalFeedSettings::PortProblem::Privileged:
        portError = tr("Ports below %1 need administrator rights; choose one from %1 to %2.").arg(LocalFeedSettings::MinimumPort).arg(65535);
        break;
    case LocalFeedSettings::PortProblem::OutOfRange:
        portError = tr("Ports end at %1; choose one from %2 to %1.").arg(65535).arg(LocalFeedSettings::MinimumPort);
        break;
    }
    showFieldError(Field::Port, portError);

    QString hostError;
    if (m_manualProxy->isChecked()) {
        switch (ProxySettings::hostProblem(m_proxyHost->text().trimmed())) {
        case ProxySettings::HostProblem::None:
            break;
        case ProxySettings::HostProblem::Empty:
            hostError = tr("Enter the proxy's host name or address.");
            break;
        case ProxySettings::HostProblem::Whitespace:
            hostError = tr("A host name has no spaces.");
            break;
        case ProxySettings::HostProblem::HasScheme:
            hostError = tr("Enter the host alone, without \"http://\"; the port has a field of its own.");
            break;
        case ProxySettings::HostProblem::Invalid:
            hostError = tr("This is not a host name or address; the port and user name have fields of their own.");
            break;
        }
    }
    showFieldError(Field::ProxyHost, hostError);
    // Whether the file reads and holds certificates is learnt off this thread, on OK.
    const QString caFile = values().caFile;
    const QString caError = caFile.isEmpty() || QDir::isAbsolutePath(caFile) ? QString() : tr("Enter the file's full path, or choose it with Browse.");
    showFieldError(Field::CaFile, caError);
    if (!portError.isEmpty())
        m_port->setFocus();
    else if (!hostError.isEmpty())
        m_proxyHost->setFocus();
    else if (!caError.isEmpty())
        m_caFile->setFocus();
    return portError.isEmpty() && hostError.isEmpty() && caError.isEmpty();
}

void SettingsDialog::accept()
{
    if (m_session->isApplying() || !validate())
        return;
    const SettingsSession::Values wanted = values();
    std::optional<QByteArray> password;
    if (m_passwordEdited && wanted.proxy.needsPassword())
        password = m_proxyPassword->text().toUtf8();
    m_buttons->setEnabled(false);
    if (wanted.localFeedPort != m_runningPort)
        m_banner->showMessage(MessageBanner::Kind::Information, tr("Moving the local feed to port %1…").arg(wanted.localFeedPort));
    m_session->apply(wanted, password);
}

void SettingsDialog::applied(const SettingsSession::Outcome &outcome)
{
    m_buttons->setEnabled(true);
    if (outcome.ok()) {
        QDialog::accept();
        return;
    }
    QStringList problems;
    if (outcome.portError) {
        problems << tr("Port %1 cannot be used (%2). The local feed still serves on port %3.")
                        .arg(values().localFeedPort)
                        .arg(outcome.portError.detail)
                        .arg(m_runningPort);
        showFieldError(Field::Port, tr("Port %1 cannot be used.").arg(values().localFeedPort));
        m_port->setFocus();
        m_port->selectAll();
    }
    if (!outcome.proxyError.isEmpty())
        problems << tr("The proxy's password could not be kept in the keychain: %1").arg(outcome.proxyError);
    if (!outcome.caError.isEmpty()) {
        problems << tr("%1 The certificate authorities trusted before stay in effect.").arg(outcome.caError);
        showFieldError(Field::CaFile, tr("This file cannot be used."));
        m_caFile->setFocus();
    }
    // What did take is applied; the dialog now shows the running values for the rest.
    m_runningPort = m_session->values().localFeedPort;
    m_banner->showMessage(MessageBanner::Kind::Error, problems.join(u'\n'));
}
