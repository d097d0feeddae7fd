// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "proget/progetconnector.h"

#include <QDialog>
#include <QStringList>

class ProGetCall;
class ProGetManagementClient;
class QLabel;
class QPushButton;
class QTreeWidget;

// ProGet's connectors and which of them a feed uses: list, create, edit, delete, attach and
// detach, each through the management API; the server's edition shown, and what it limits.
class ProGetConnectorsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProGetConnectorsDialog)

public:
    ProGetConnectorsDialog(ProGetManagementClient *client, const QString &feed, QWidget *parent = nullptr);
    ~ProGetConnectorsDialog() override;

    void refresh();
    // What the buttons do after their dialogs; callable directly.
    void createConnector(const ProGetConnector &connector);
    void updateConnector(const ProGetConnector &connector);
    void deleteConnector(const QString &name);
    void setAttached(const QString &name, bool attached);

    QStringList connectorNames() const;
    QStringList attached() const { return m_attached; }
    QString statusText() const;

Q_SIGNALS:
    void refreshed();
    void operationFinished(bool ok);

private:
    void reload(); // refresh() keeping the last action's messages
    void track(ProGetCall *call, const QString &doing, bool refreshAfter);
    void showConnectors(const QList<ProGetConnector> &connectors);
    void updateButtons();
    void updateEdition();
    QString selectedName() const;
    void editSelected();

    ProGetManagementClient *m_client;
    QString m_feed;
    QList<ProGetConnector> m_connectors;
    QStringList m_attached;
    QLabel *m_edition;
    QTreeWidget *m_tree;
    QLabel *m_status;
    QPushButton *m_add;
    QPushButton *m_edit;
    QPushButton *m_delete;
    QPushButton *m_attach;
    QPushButton *m_refresh;
    int m_pending = 0;
    QStringList m_messages; // errors and notices of the last action
};
