// SPDX-License-Identifier: GPL-3.0-or-later
#include "progetconnectordialog.h"

#include "filterlisteditor.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

ProGetConnectorDialog::ProGetConnectorDialog(const ProGetEdition &edition, QWidget *parent)
    : QDialog(parent)
    , m_name(new QLineEdit(this))
    , m_url(new QLineEdit(this))
    , m_user(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_timeout(new QSpinBox(this))
    , m_filters(new FilterListEditor(this))
    , m_error(new QLabel(this))
{
    setWindowTitle(tr("New ProGet Connector"));
    m_url->setPlaceholderText(u"https://crates.io"_s);
    m_user->setPlaceholderText(tr("only for third-party registries"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("sent to ProGet, never stored by CrateDesk"));
    m_timeout->setRange(0, 600);
    m_timeout->setSpecialValueText(tr("ProGet's default"));
    m_timeout->setSuffix(tr(" s"));
    m_filters->setNotice(edition.filtersLimitation());
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&URL:"), m_url);
    form->addRow(tr("&User:"), m_user);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(tr("&Timeout:"), m_timeout);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &ProGetConnectorDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ProGetConnectorDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    auto *filtersLabel = new QLabel(tr("<b>Filters</b>"), this);
    layout->addWidget(filtersLabel);
    layout->addWidget(m_filters, 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(520, 480);
}

ProGetConnectorDialog::~ProGetConnectorDialog() = default;

void ProGetConnectorDialog::setConnector(const ProGetConnector &connector)
{
    m_editing = true;
    setWindowTitle(tr("Edit ProGet Connector %1").arg(connector.name));
    m_name->setText(connector.name);
    m_name->setReadOnly(true);
    m_url->setText(connector.url);
    m_user->setText(connector.username);
    m_password->setPlaceholderText(tr("unchanged unless typed"));
    m_timeout->setValue(connector.timeout.value_or(0));
    m_filters->setFilters(connector.filters.value_or(QStringList()));
}

ProGetConnector ProGetConnectorDialog::connector() const
{
    ProGetConnector connector;
    connector.name = m_name->text().trimmed();
    connector.url = m_url->text().trimmed();
    connector.username = m_user->text().trimmed();
    connector.password = m_password->text();
    if (m_timeout->value() > 0)
        connector.timeout = m_timeout->value();
    connector.filters = m_filters->filters(); // the whole list: ProGet replaces arrays
    return connector;
}

void ProGetConnectorDialog::accept()
{
    QString error;
    const QUrl url(m_url->text().trimmed(), QUrl::StrictMode);
    if (m_name->text().trimmed().isEmpty())
        error = tr("Give the connector a name.");
    else if (!url.isValid() || (url.scheme() != u"https"_s && url.scheme() != u"http"_s) || url.host().isEmpty())
        error = tr("The URL must be the registry's http(s) address, e.g. https://crates.io (without \"sparse+\").");
    else if (m_password->text().isEmpty() != m_user->text().trimmed().isEmpty() && !m_editing)
        error = tr("Give both a user and a password, or neither.");
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
    if (error.isEmpty())
        QDialog::accept();
}
