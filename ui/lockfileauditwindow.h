// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class LockfileAudit;
class LockfileAuditModel;
class MessageBanner;
class QComboBox;
class QPushButton;
class QLabel;
class QSortFilterProxyModel;
class QTreeView;
class RegistryClient;

// A Cargo.lock audited against one feed, in a window of its own: every locked package with
// its status and why, filtered to what needs attention or not, and a summary once the feed
// has answered. It owns the audit; closing the window ends it.
class LockfileAuditWindow final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LockfileAuditWindow)

public:
    LockfileAuditWindow(RegistryClient *client, const QString &feedName, const QString &lockfile, QWidget *parent = nullptr);
    ~LockfileAuditWindow() override;

    LockfileAudit *audit() const { return m_audit; }
    QTreeView *view() const { return m_view; }
    QComboBox *filter() const { return m_filter; }
    QString summaryText() const;
    QPushButton *promoteButton() const { return m_promote; }
    QPushButton *copyReportButton() const { return m_copyReport; }
    QPushButton *exportButton() const { return m_export; }
    // Writes the bill of materials off the GUI thread; exported() follows.
    void exportBillOfMaterials(const QString &path);
    // (NAME, VERSION) of every package the feed is missing.
    QList<std::pair<QString, QString>> missing() const;

Q_SIGNALS:
    // The user asked to bring the missing packages into the feed from another one.
    void promoteRequested(const QString &feedName, const QList<std::pair<QString, QString>> &versions);
    void exported(const QString &path, const QString &error);

private:
    void showSummary();

    LockfileAudit *m_audit;
    LockfileAuditModel *m_model;
    QSortFilterProxyModel *m_proxy;
    MessageBanner *m_banner;
    QLabel *m_summary;
    QComboBox *m_filter;
    QPushButton *m_promote;
    QPushButton *m_copyReport;
    QPushButton *m_export;
    QString m_lockfile;
    QTreeView *m_view;
    QString m_feedName;
};
