// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class ConnectorListModel;
class HttpClient;
class LocalFeedHost;
class MessageBanner;
class QPushButton;
class QTableView;

// The local feed's upstreams: where each points, its policy at a glance, and the versions
// whose bytes it changed after first serving them. Add, edit and remove here; an owner who
// trusts changed bytes accepts them after a confirmation that names every version.
class LocalUpstreamsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalUpstreamsDialog)

public:
    LocalUpstreamsDialog(LocalFeedHost *feed, HttpClient *http, QWidget *parent = nullptr);
    ~LocalUpstreamsDialog() override;

    ConnectorListModel *model() const { return m_model; }
    void reload();
    void selectConnector(const QString &name);

Q_SIGNALS:
    void reloaded();

private:
    QString selectedName() const;
    void updateButtons();
    void addConnector();
    void editConnector();
    void removeConnector();
    void acceptChanges();
    void heard(const QString &name, const QString &error);

    LocalFeedHost *m_feed;
    HttpClient *m_http;
    ConnectorListModel *m_model;
    QTableView *m_view;
    MessageBanner *m_message;
    QPushButton *m_edit;
    QPushButton *m_remove;
    QPushButton *m_accept;
};
