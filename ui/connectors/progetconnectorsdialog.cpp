// SPDX-License-Identifier: GPL-3.0-or-later
#include "progetconnectorsdialog.h"

#include "proget/progetmanagementclient.h"
#include "progetconnectordialog.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

ProGetConnectorsDialog::ProGetConnectorsDialog(ProGetManagementClient *client, const QString &feed, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_feed(feed)
    , m_edition(new QLabel(this))
    , m_tree(new QTreeWidget(this))
    , m_status(new QLabel(this))
    , m_add(new QPushButton(QIcon::fromTheme(u"list-add"_s), tr("&Add…"), this))
    , m_edit(new QPushButton(QIcon::fromTheme(u"document-edit"_s), tr("&Edit…"), this))
    , m_delete(new QPushButton(QIcon::fromTheme(u"edit-delete"_s), tr("&Delete"), this))
    , m_attach(new QPushButton(this))
    , m_refresh(new QPushButton(QIcon::fromTheme(u"view-refresh"_s), tr("&Refresh"), this))
{
    setWindowTitle(tr("ProGet Connectors — %1").arg(client->server().toDisplayString(QUrl::RemoveUserInfo)));
    m_edition->setTextFormat(Qt::PlainText);
    m_edition->setWordWrap(true);
    m_edition->hide();
    m_tree->setHeaderLabels({tr("Connector"), tr("Upstream"), tr("Filters"), tr("Used by %1").arg(feed)});
    m_tree->setRootIsDecorated(false);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);

    auto *side = new QVBoxLayout;
    for (QPushButton *button : {m_add, m_edit, m_delete, m_attach})
        side->addWidget(button);
    side->addStretch();
    side->addWidget(m_refresh);
    auto *middle = new QHBoxLayout;
    middle->addWidget(m_tree, 1);
    middle->addLayout(side);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_edition);
    layout->addLayout(middle, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    connect(m_tree, &QTreeWidget::itemSelectionChanged, this, &ProGetConnectorsDialog::updateButtons);
    connect(m_tree, &QTreeWidget::itemDoubleClicked, this, &ProGetConnectorsDialog::editSelected);
    connect(m_refresh, &QPushButton::clicked, this, &ProGetConnectorsDialog::refresh);
    connect(m_add, &QPushButton::clicked, this, [this] {
        auto *dialog = new ProGetConnectorDialog(m_client->edition(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::accepted, this, [this, dialog] { createConnector(dialog->connector()); });
        dialog->open();
    });
    connect(m_edit, &QPushButton::clicked, this, &ProGetConnectorsDialog::editSelected);
    connect(m_delete, &QPushButton::clicked, this, [this] {
        const QString name = selectedName();
        auto *box = new QMessageBox(QMessageBox::Question, tr("Delete Connector"),
                                    tr("Delete the ProGet connector %1? Feeds that use it stop reaching its upstream.").arg(name),
                                    QMessageBox::Cancel, this);
        box->setObjectName(u"deleteConnectorConfirmation"_s);
        box->setTextFormat(Qt::PlainText); // the name comes from the server
        QPushButton *confirm = box->addButton(tr("Delete"), QMessageBox::DestructiveRole);
        box->setDefaultButton(QMessageBox::Cancel);
        box->setAttribute(Qt::WA_DeleteOnClose);
        connect(box, &QMessageBox::finished, this, [this, box, confirm, name] {
            if (box->clickedButton() == confirm)
                deleteConnector(name);
        });
        box->open();
    });
    connect(m_attach, &QPushButton::clicked, this, [this] { setAttached(selectedName(), !m_attached.contains(selectedName())); });
    connect(client, &ProGetManagementClient::editionChanged, this, &ProGetConnectorsDialog::updateEdition);
    updateButtons();
    resize(720, 420);
    refresh();
}

ProGetConnectorsDialog::~ProGetConnectorsDialog() = default;

void ProGetConnectorsDialog::track(ProGetCall *call, const QString &doing, bool refreshAfter)
{
    ++m_pending;
    // What a user's action reported stays on screen through the refresh that follows it.
    if (refreshAfter)
        m_messages.clear();
    m_status->setText(doing);
    updateButtons();
    connect(call, &ProGetCall::finished, this, [this, call, refreshAfter] {
        --m_pending;
        const bool ok = !call->error();
        if (!ok)
            m_messages << call->error().message;
        m_messages << call->notices;
        m_messages.removeDuplicates();
        m_status->setText(m_messages.join(u'\n'));
        updateButtons();
        if (ok && refreshAfter)
            reload();
        Q_EMIT operationFinished(ok);
    });
}

void ProGetConnectorsDialog::refresh()
{
    m_messages.clear();
    reload();
}

void ProGetConnectorsDialog::reload()
{
    ProGetCall *list = m_client->listConnectors();
    track(list, tr("Loading connectors…"), false);
    connect(list, &ProGetCall::finished, this, [this, list] {
        if (list->error())
            return;
        m_connectors = list->connectors;
        ProGetCall *feed = m_client->getFeed(m_feed);
        track(feed, tr("Loading feed %1…").arg(m_feed), false);
        connect(feed, &ProGetCall::finished, this, [this, feed] {
            m_attached.clear();
            for (const QJsonValue &value : feed->feed.value(u"connectors"_s).toArray())
                m_attached << value.toString();
            showConnectors(m_connectors);
            if (!feed->error())
                Q_EMIT refreshed();
        });
    });
}

void ProGetConnectorsDialog::showConnectors(const QList<ProGetConnector> &connectors)
{
    const QString selected = selectedName();
    m_tree->clear();
    for (const ProGetConnector &connector : connectors) {
        auto *item = new QTreeWidgetItem(m_tree);
        item->setText(0, connector.name);
        item->setText(1, connector.url);
        item->setText(2, connector.filters.value_or(QStringList()).join(u"  "_s));
        item->setText(3, m_attached.contains(connector.name) ? tr("yes") : QString());
        item->setIcon(0, QIcon::fromTheme(u"network-server"_s));
        if (connector.name == selected)
            item->setSelected(true);
    }
    if (connectors.isEmpty())
        m_status->setText(tr("This ProGet server has no connectors yet. Add one for crates.io with the URL https://crates.io."));
    updateButtons();
}

void ProGetConnectorsDialog::updateEdition()
{
    const ProGetEdition &edition = m_client->edition();
    QString text = tr("ProGet %1, %2 edition.").arg(edition.version, edition.edition);
    if (!edition.filtersLimitation().isEmpty())
        text += u' ' + tr("Connector filters need a paid edition (Basic or Enterprise): this server keeps them but ignores them.");
    m_edition->setText(text);
    m_edition->setVisible(edition.isKnown());
}

QString ProGetConnectorsDialog::selectedName() const
{
    const auto items = m_tree->selectedItems();
    return items.isEmpty() ? QString() : items.first()->text(0);
}

void ProGetConnectorsDialog::updateButtons()
{
    const QString name = selectedName();
    const bool idle = m_pending == 0;
    m_add->setEnabled(idle);
    m_edit->setEnabled(idle && !name.isEmpty());
    m_delete->setEnabled(idle && !name.isEmpty());
    m_attach->setEnabled(idle && !name.isEmpty());
    m_attach->setText(m_attached.contains(name) ? tr("De&tach from %1").arg(m_feed) : tr("A&ttach to %1").arg(m_feed));
    m_refresh->setEnabled(idle);
}

void ProGetConnectorsDialog::editSelected()
{
    const QString name = selectedName();
    for (const ProGetConnector &connector : std::as_const(m_connectors)) {
        if (connector.name != name)
            continue;
        auto *dialog = new ProGetConnectorDialog(m_client->edition(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setConnector(connector);
        connect(dialog, &QDialog::accepted, this, [this, dialog] { updateConnector(dialog->connector()); });
        dialog->open();
        return;
    }
}

void ProGetConnectorsDialog::createConnector(const ProGetConnector &connector)
{
    track(m_client->createConnector(connector), tr("Creating %1…").arg(connector.name), true);
}

void ProGetConnectorsDialog::updateConnector(const ProGetConnector &connector)
{
    ProGetConnector changes = connector;
    changes.name.clear(); // the URL names it
    track(m_client->updateConnector(connector.name, changes), tr("Saving %1…").arg(connector.name), true);
}

void ProGetConnectorsDialog::deleteConnector(const QString &name)
{
    track(m_client->deleteConnector(name), tr("Deleting %1…").arg(name), true);
}

void ProGetConnectorsDialog::setAttached(const QString &name, bool attached)
{
    track(m_client->attachConnector(m_feed, name, attached),
          attached ? tr("Attaching %1 to %2…").arg(name, m_feed) : tr("Detaching %1 from %2…").arg(name, m_feed), true);
}

QStringList ProGetConnectorsDialog::connectorNames() const
{
    QStringList names;
    for (int row = 0; row < m_tree->topLevelItemCount(); ++row)
        names << m_tree->topLevelItem(row)->text(0);
    return names;
}

QString ProGetConnectorsDialog::statusText() const
{
    return m_status->text();
}
