// SPDX-License-Identifier: GPL-3.0-or-later
#include "localupstreamsdialog.h"

#include "itemmodels/connectorlistmodel.h"
#include "itemmodels/roles.h"
#include "localconnectordialog.h"
#include "localfeed/localfeedhost.h"
#include "messagebanner.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

LocalUpstreamsDialog::LocalUpstreamsDialog(LocalFeedHost *feed, HttpClient *http, QWidget *parent)
    : QDialog(parent)
    , m_feed(feed)
    , m_http(http)
    , m_model(new ConnectorListModel(this))
{
    setWindowTitle(tr("Upstreams of the Local Feed"));
    m_message = new MessageBanner(this);
    m_message->setObjectName(u"upstreamsMessage"_s);
    m_message->hide();
    m_view = new QTableView(this);
    // Tab leaves the table, as everywhere else; arrow keys move between cells.
    m_view->setTabKeyNavigation(false);
    m_view->setObjectName(u"upstreams"_s);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    connect(m_view, &QTableView::doubleClicked, this, &LocalUpstreamsDialog::editConnector);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *add = buttons->addButton(tr("&Add…"), QDialogButtonBox::ActionRole);
    m_edit = buttons->addButton(tr("&Edit…"), QDialogButtonBox::ActionRole);
    m_remove = buttons->addButton(tr("&Remove…"), QDialogButtonBox::ActionRole);
    m_accept = buttons->addButton(tr("Accept &Changed Bytes…"), QDialogButtonBox::ActionRole);
    m_edit->setObjectName(u"edit"_s);
    m_remove->setObjectName(u"remove"_s);
    m_accept->setObjectName(u"acceptChanges"_s);
    m_accept->setToolTip(tr("Serve the upstream's new bytes for the versions it changed. Do this only when you know why "
                            "they changed: a registry never changes a published version."));
    connect(add, &QPushButton::clicked, this, &LocalUpstreamsDialog::addConnector);
    connect(m_edit, &QPushButton::clicked, this, &LocalUpstreamsDialog::editConnector);
    connect(m_remove, &QPushButton::clicked, this, &LocalUpstreamsDialog::removeConnector);
    connect(m_accept, &QPushButton::clicked, this, &LocalUpstreamsDialog::acceptChanges);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);
    resize(820, 340);

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &LocalUpstreamsDialog::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &LocalUpstreamsDialog::updateButtons);
    connect(m_feed, &LocalFeedHost::connectorsChanged, this, &LocalUpstreamsDialog::reload);
    connect(m_feed, &LocalFeedHost::connectorChanged, this, &LocalUpstreamsDialog::heard);
    connect(m_feed, &LocalFeedHost::connectorAdded, this, &LocalUpstreamsDialog::heard);
    reload();
}

LocalUpstreamsDialog::~LocalUpstreamsDialog() = default;

void LocalUpstreamsDialog::reload()
{
    m_feed->listConnectors(this, [this, keep = selectedName()](const LocalFeedHost::Overviews &connectors) {
        m_model->setConnectors(connectors);
        m_view->resizeColumnsToContents();
        const qsizetype changed = m_model->changeCount();
        if (changed > 0) {
            m_message->showMessage(MessageBanner::Kind::Error,
                                   tr("%n version(s) changed upstream after they were published. The local feed refuses them; "
                                      "select the upstream to see which.", nullptr, int(changed)));
        } else if (m_message->kind() == MessageBanner::Kind::Error) {
            m_message->hide();
        }
        selectConnector(keep);
        Q_EMIT reloaded();
    });
}

void LocalUpstreamsDialog::selectConnector(const QString &name)
{
    int row = m_model->rowOf(name);
    // Without a choice, the upstream that needs attention.
    for (int candidate = 0; row < 0 && candidate < m_model->rowCount(); ++candidate) {
        if (m_model->index(candidate, 0).data(Roles::ConnectorChangeCount).toInt() > 0)
            row = candidate;
    }
    if (row < 0 && m_model->rowCount() > 0)
        row = 0;
    if (row >= 0)
        m_view->selectRow(row);
    updateButtons();
}

QString LocalUpstreamsDialog::selectedName() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(Roles::ConnectorName).toString();
}

void LocalUpstreamsDialog::updateButtons()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    m_edit->setEnabled(!rows.isEmpty());
    m_remove->setEnabled(!rows.isEmpty());
    m_accept->setEnabled(!rows.isEmpty() && rows.first().data(Roles::ConnectorChangeCount).toInt() > 0);
}

void LocalUpstreamsDialog::heard(const QString &name, const QString &error)
{
    if (error.isEmpty())
        return;
    m_message->showMessage(MessageBanner::Kind::Warning, tr("Upstream %1: %2").arg(name, error));
}

void LocalUpstreamsDialog::addConnector()
{
    auto *dialog = new LocalConnectorDialog(m_http, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { m_feed->addConnector(dialog->config(), dialog->secret()); });
    dialog->open();
}

void LocalUpstreamsDialog::editConnector()
{
    const int row = m_model->rowOf(selectedName());
    if (row < 0)
        return;
    auto *dialog = new LocalConnectorDialog(m_http, this);
    dialog->setObjectName(u"editUpstream"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setConfig(m_model->connectors().at(row).config);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { m_feed->updateConnector(dialog->config(), dialog->secret()); });
    dialog->open();
}

void LocalUpstreamsDialog::removeConnector()
{
    const QString name = selectedName();
    if (name.isEmpty())
        return;
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Remove Upstream"),
                                tr("Remove the upstream %1? The local feed stops serving its crates, forgets what it cached "
                                   "from it, and its secret leaves the keychain.").arg(name),
                                QMessageBox::Cancel, this);
    box->setObjectName(u"confirmRemove"_s);
    box->setTextFormat(Qt::PlainText);
    box->addButton(tr("Remove"), QMessageBox::DestructiveRole);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, box, name](QAbstractButton *button) {
        if (box->buttonRole(button) == QMessageBox::DestructiveRole)
            m_feed->removeConnector(name);
    });
    box->open();
}

void LocalUpstreamsDialog::acceptChanges()
{
    const int row = m_model->rowOf(selectedName());
    if (row < 0 || m_model->connectors().at(row).changes.isEmpty())
        return;
    const LocalFeedHost::ConnectorOverview overview = m_model->connectors().at(row);
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Accept Changed Bytes"),
                                tr("The upstream %1 serves other bytes for versions it had already published. A registry "
                                   "never does that by itself: it may have been compromised. Accept the new bytes only "
                                   "if you know why they changed.").arg(overview.config.name),
                                QMessageBox::Cancel, this);
    box->setObjectName(u"confirmAccept"_s);
    box->setTextFormat(Qt::PlainText);
    box->setDetailedText(ConnectorListModel::changesText(overview.changes));
    box->addButton(tr("Accept the New Bytes"), QMessageBox::DestructiveRole);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, box, overview](QAbstractButton *button) {
        if (box->buttonRole(button) == QMessageBox::DestructiveRole)
            m_feed->acceptChanges(overview.config.name, overview.changes);
    });
    box->open();
}
