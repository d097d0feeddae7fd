// SPDX-License-Identifier: GPL-3.0-or-later
#include "localconnectordialog.h"

#include "filterlisteditor.h"
#include "localfeed/upstreamconnector.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

QStringList splitList(const QString &text)
{
    QStringList items = text.split(QRegularExpression(u"[,\\s]+"_s), Qt::SkipEmptyParts);
    items.removeDuplicates();
    return items;
}

QLabel *hint(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setEnabled(false); // the palette's disabled text: a quiet explanation
    return label;
}

} // namespace

LocalConnectorDialog::LocalConnectorDialog(HttpClient *http, QWidget *parent)
    : QDialog(parent)
    , m_http(http)
{
    setWindowTitle(tr("Add Upstream Connector"));
    auto *tabs = new QTabWidget(this);
    tabs->addTab(generalPage(), tr("Upstream"));
    tabs->addTab(curationPage(), tr("Filters"));
    tabs->addTab(licensePage(), tr("Licenses"));
    tabs->addTab(safetyPage(), tr("Safety"));
    m_error = new QLabel(this);
    m_error->setTextFormat(Qt::PlainText); // an upstream's own words
    m_error->setWordWrap(true);
    m_error->hide();
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &LocalConnectorDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &LocalConnectorDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tabs, 1);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    updateAuthFields();
    resize(560, 500);
}

LocalConnectorDialog::~LocalConnectorDialog() = default;

QWidget *LocalConnectorDialog::generalPage()
{
    auto *page = new QWidget(this);
    m_name = new QLineEdit(page);
    m_name->setPlaceholderText(tr("crates-io"));
    m_url = new QLineEdit(page);
    m_url->setPlaceholderText(u"https://index.crates.io/"_s);
    m_auth = new QComboBox(page);
    m_auth->addItem(tr("None"), int(ConnectorConfig::Auth::None));
    m_auth->addItem(tr("Token"), int(ConnectorConfig::Auth::Token));
    m_auth->addItem(tr("User name and password (Basic)"), int(ConnectorConfig::Auth::Basic));
    m_user = new QLineEdit(page);
    m_secret = new QLineEdit(page);
    m_secret->setEchoMode(QLineEdit::Password);
    m_timeout = new QSpinBox(page);
    m_timeout->setRange(1, 600);
    m_timeout->setValue(30);
    m_timeout->setSuffix(tr(" s"));
    m_cache = new QSpinBox(page);
    m_cache->setRange(0, 7 * 24 * 3600);
    m_cache->setValue(60);
    m_cache->setSuffix(tr(" s"));
    m_test = new QPushButton(QIcon::fromTheme(u"network-connect"_s), tr("Test Connection"), page);
    m_name->setObjectName(u"name"_s);
    m_url->setObjectName(u"url"_s);
    m_user->setObjectName(u"user"_s);
    m_secret->setObjectName(u"secret"_s);
    m_testResult = new QLabel(page);
    m_testResult->setTextFormat(Qt::PlainText);
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Index URL:"), m_url);
    form->addRow(QString(), hint(tr("The upstream's sparse index, with or without \"sparse+\". Cargo never talks to it: "
                                    "the local feed fetches, checks and caches for it."), page));
    form->addRow(tr("&Authentication:"), m_auth);
    m_userLabel = new QLabel(tr("&User:"), page);
    m_userLabel->setBuddy(m_user);
    form->addRow(m_userLabel, m_user);
    m_secretLabel = new QLabel(tr("&Password:"), page);
    m_secretLabel->setBuddy(m_secret);
    form->addRow(m_secretLabel, m_secret);
    form->addRow(tr("&Timeout:"), m_timeout);
    form->addRow(tr("&Cache index files for:"), m_cache);
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_test);
    testRow->addWidget(m_testResult, 1);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addLayout(testRow);
    layout->addStretch();

    connect(m_auth, &QComboBox::currentIndexChanged, this, &LocalConnectorDialog::updateAuthFields);
    connect(m_test, &QPushButton::clicked, this, &LocalConnectorDialog::testConnection);
    return page;
}

QWidget *LocalConnectorDialog::curationPage()
{
    auto *page = new QWidget(this);
    m_filters = new FilterListEditor(page);
    m_approved = new QPlainTextEdit(page);
    m_approved->setPlaceholderText(tr("serde ^1.0\ntokio >=1.38, <2\nlog"));
    m_approved->setTabChangesFocus(true);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_filters, 3);
    auto *approvedLabel = new QLabel(tr("&Approved crates (optional), one per line with a version requirement:"), page);
    approvedLabel->setBuddy(m_approved);
    layout->addWidget(approvedLabel);
    layout->addWidget(m_approved, 2);
    layout->addWidget(hint(tr("With an approved list, only the listed crates and versions come through this connector."), page));
    return page;
}

QWidget *LocalConnectorDialog::licensePage()
{
    auto *page = new QWidget(this);
    m_allowedLicenses = new QLineEdit(page);
    m_allowedLicenses->setPlaceholderText(u"MIT, Apache-2.0, BSD-3-Clause"_s);
    m_blockedLicenses = new QLineEdit(page);
    m_blockedLicenses->setPlaceholderText(u"GPL-3.0-only, AGPL-3.0-only"_s);
    m_allowUnknown = new QCheckBox(tr("Serve versions whose license is neither allowed nor blocked"), page);
    m_allowUnknown->setChecked(true);
    auto *form = new QFormLayout;
    form->addRow(tr("A&llowed licenses:"), m_allowedLicenses);
    form->addRow(tr("&Blocked licenses:"), m_blockedLicenses);
    form->addRow(QString(), m_allowUnknown);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addWidget(hint(tr("SPDX expressions are evaluated: \"MIT OR GPL-3.0-only\" passes when either side does, "
                              "\"MIT AND Zlib\" only when both do, and \"Apache-2.0 WITH LLVM-exception\" is judged as "
                              "written or else by its license. A blocked version stays in the index cargo sees, marked "
                              "yanked, so that a new resolution skips it; its download and CrateDesk say why."),
                           page));
    layout->addStretch();
    return page;
}

QWidget *LocalConnectorDialog::safetyPage()
{
    auto *page = new QWidget(this);
    m_minAge = new QSpinBox(page);
    m_minAge->setObjectName(u"minAge"_s);
    m_minAge->setRange(0, ConnectorConfig::MaxMinAgeDays);
    m_minAge->setSpecialValueText(tr("Off"));
    // "1 day", "2 days": the suffix follows the value, as a translator's plural forms say.
    const auto daySuffix = [this](int days) { m_minAge->setSuffix(tr(" day(s)", nullptr, days)); };
    daySuffix(m_minAge->value());
    connect(m_minAge, &QSpinBox::valueChanged, this, daySuffix);
    m_minAge->setMaximumWidth(m_minAge->sizeHint().width() * 2);
    m_ageExceptions = new QPlainTextEdit(page);
    m_ageExceptions->setObjectName(u"ageExceptions"_s);
    m_ageExceptions->setPlaceholderText(tr("my-company-crate\nserde =1.0.219"));
    m_ageExceptions->setTabChangesFocus(true);
    m_advisories = new QLineEdit(page);
    m_advisories->setObjectName(u"advisories"_s);
    m_advisories->setPlaceholderText(tr("a clone of github.com/rustsec/advisory-db"));
    auto *choose = new QPushButton(QIcon::fromTheme(u"document-open-folder"_s), tr("C&hoose…"), page);
    connect(choose, &QPushButton::clicked, this, &LocalConnectorDialog::chooseAdvisoryDatabase);
    auto *advisoryRow = new QHBoxLayout;
    advisoryRow->addWidget(m_advisories, 1);
    advisoryRow->addWidget(choose);
    m_blockSeverity = new QComboBox(page);
    m_blockSeverity->setObjectName(u"blockSeverity"_s);
    m_blockSeverity->addItem(tr("Only malicious code"), QString());
    m_blockSeverity->addItem(tr("Critical vulnerabilities too"), u"critical"_s);
    m_blockSeverity->addItem(tr("High and critical too"), u"high"_s);
    m_blockSeverity->addItem(tr("Medium and worse too"), u"medium"_s);
    m_blockSeverity->addItem(tr("Every scored vulnerability too"), u"low"_s);

    auto *form = new QFormLayout;
    form->addRow(tr("&Hold new versions for:"), m_minAge);
    form->addRow(QString(), hint(tr("Malicious crates strike when they are new. A held version stays in the index marked yanked "
                                    "until it is old enough; its age comes from the upstream's publish time, or from when this "
                                    "feed first saw it."),
                                 page));
    auto *exceptionsLabel = new QLabel(tr("&Never hold, one per line with an optional version requirement:"), page);
    exceptionsLabel->setBuddy(m_ageExceptions);
    form->addRow(exceptionsLabel);
    form->addRow(m_ageExceptions);
    auto *advisoriesLabel = new QLabel(tr("RustSec &advisories:"), page);
    advisoriesLabel->setBuddy(m_advisories);
    form->addRow(advisoriesLabel, advisoryRow);
    form->addRow(QString(), hint(tr("A local copy of the RustSec advisory database, updated as you like. Versions it calls "
                                    "malicious are always blocked; other advisories are shown with the version, and blocked "
                                    "only from the severity chosen below."),
                                 page));
    form->addRow(tr("&Block advisories:"), m_blockSeverity);
    form->addRow(QString(), hint(tr("Severity is the advisory's CVSS 3 base score: low below 4, medium from 4, high from 7, "
                                    "critical from 9. Advisories without a score are never blocked by severity."),
                                 page));
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addStretch();
    return page;
}

void LocalConnectorDialog::chooseAdvisoryDatabase()
{
    auto *dialog = new QFileDialog(this, tr("Choose the RustSec Advisory Database"), m_advisories->text());
    dialog->setFileMode(QFileDialog::Directory);
    dialog->setOption(QFileDialog::ShowDirsOnly);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, m_advisories, &QLineEdit::setText);
    dialog->open();
}

void LocalConnectorDialog::updateAuthFields()
{
    const auto auth = ConnectorConfig::Auth(m_auth->currentData().toInt());
    m_user->setVisible(auth == ConnectorConfig::Auth::Basic);
    m_userLabel->setVisible(auth == ConnectorConfig::Auth::Basic);
    m_secret->setVisible(auth != ConnectorConfig::Auth::None);
    m_secretLabel->setVisible(auth != ConnectorConfig::Auth::None);
    m_secretLabel->setText(auth == ConnectorConfig::Auth::Token ? tr("&Token:") : tr("&Password:"));
    m_secret->setPlaceholderText(m_editing ? tr("kept in the keychain; type to replace") : tr("stored in the keychain"));
}

void LocalConnectorDialog::setConfig(const ConnectorConfig &config)
{
    m_editing = true;
    setWindowTitle(tr("Edit Connector %1").arg(config.name));
    m_name->setText(config.name);
    m_name->setReadOnly(true);
    m_url->setText(config.indexUrl.toString());
    m_auth->setCurrentIndex(m_auth->findData(int(config.auth)));
    m_user->setText(config.user);
    m_timeout->setValue(config.timeoutSeconds);
    m_cache->setValue(config.cacheSeconds);
    m_filters->setFilters(config.filters);
    QStringList approved;
    for (const ApprovedCrate &entry : config.approved)
        approved << entry.toString();
    m_approved->setPlainText(approved.join(u'\n'));
    m_allowedLicenses->setText(config.licenses.allowed.join(u", "_s));
    m_blockedLicenses->setText(config.licenses.blocked.join(u", "_s));
    m_allowUnknown->setChecked(config.licenses.allowUnknown);
    m_minAge->setValue(config.minAgeDays);
    QStringList exceptions;
    for (const ApprovedCrate &entry : config.ageExceptions)
        exceptions << entry.toString();
    m_ageExceptions->setPlainText(exceptions.join(u'\n'));
    m_advisories->setText(config.advisoryDatabase);
    m_blockSeverity->setCurrentIndex(std::max(0, m_blockSeverity->findData(config.blockSeverity)));
    updateAuthFields();
}

ConnectorConfig LocalConnectorDialog::config() const
{
    ConnectorConfig config;
    config.name = m_name->text().trimmed();
    config.indexUrl = ConnectorConfig::normalizeIndexUrl(m_url->text());
    config.auth = ConnectorConfig::Auth(m_auth->currentData().toInt());
    config.user = config.auth == ConnectorConfig::Auth::Basic ? m_user->text().trimmed() : QString();
    config.timeoutSeconds = m_timeout->value();
    config.cacheSeconds = m_cache->value();
    config.filters = m_filters->filters();
    const QStringList lines = m_approved->toPlainText().split(u'\n', Qt::SkipEmptyParts);
    for (const QString &line : lines)
        if (const auto entry = ConnectorConfig::parseApproved(line))
            config.approved << *entry;
    config.licenses = {splitList(m_allowedLicenses->text()), splitList(m_blockedLicenses->text()), m_allowUnknown->isChecked()};
    config.minAgeDays = m_minAge->value();
    for (const QString &line : m_ageExceptions->toPlainText().split(u'\n', Qt::SkipEmptyParts))
        if (const auto entry = ConnectorConfig::parseApproved(line))
            config.ageExceptions << *entry;
    config.advisoryDatabase = m_advisories->text().trimmed();
    config.blockSeverity = m_blockSeverity->currentData().toString();
    return config;
}

QByteArray LocalConnectorDialog::secret() const
{
    return ConnectorConfig::Auth(m_auth->currentData().toInt()) == ConnectorConfig::Auth::None ? QByteArray() : m_secret->text().toUtf8();
}

QString LocalConnectorDialog::validationError() const
{
    QString error;
    if (ConnectorConfig::normalizeIndexUrl(m_url->text(), &error).isEmpty())
        return error;
    const QStringList lines = m_approved->toPlainText().split(u'\n', Qt::SkipEmptyParts);
    for (const QString &line : lines)
        if (!ConnectorConfig::parseApproved(line, &error))
            return error;
    for (const QString &line : m_ageExceptions->toPlainText().split(u'\n', Qt::SkipEmptyParts))
        if (!ConnectorConfig::parseApproved(line, &error))
            return tr("Never hold: %1").arg(error);
    const QString advisories = m_advisories->text().trimmed();
    if (!advisories.isEmpty() && !QFileInfo(advisories + u"/crates"_s).isDir())
        return tr("%1 is not a RustSec advisory database: it has no crates folder.").arg(advisories);
    if (advisories.isEmpty() && !m_blockSeverity->currentData().toString().isEmpty())
        return tr("Blocking advisories by severity needs a RustSec advisory database.");
    const ConnectorConfig candidate = config();
    if (!m_editing && candidate.auth != ConnectorConfig::Auth::None && m_secret->text().isEmpty())
        return candidate.auth == ConnectorConfig::Auth::Token ? tr("Enter the upstream's token.") : tr("Enter the password.");
    return candidate.validationError();
}

void LocalConnectorDialog::accept()
{
    const QString error = validationError();
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
    if (error.isEmpty())
        QDialog::accept();
}

void LocalConnectorDialog::testConnection()
{
    QString error;
    ConnectorConfig candidate = config();
    if (candidate.name.isEmpty())
        candidate.name = u"test"_s;
    if (ConnectorConfig::normalizeIndexUrl(m_url->text(), &error).isEmpty()) {
        m_testResult->setText(error);
        Q_EMIT connectionTested(false);
        return;
    }
    delete m_tester; // a newer test supersedes a running one
    auto *tester = new UpstreamConnector(candidate, nullptr, m_http, this);
    m_tester = tester;
    if (candidate.auth != ConnectorConfig::Auth::None)
        tester->setSecret(m_secret->text().toUtf8());
    m_test->setEnabled(false);
    m_testResult->setText(tr("Connecting to %1…").arg(candidate.indexUrl.toDisplayString()));
    tester->testConnection([this, tester](const RegistryError &failure, const QString &summary) {
        m_test->setEnabled(true);
        m_testResult->setText(failure ? failure.message : u"✔ "_s + summary);
        tester->deleteLater();
        Q_EMIT connectionTested(!failure);
    });
}

QString LocalConnectorDialog::testResult() const
{
    return m_testResult->text();
}
