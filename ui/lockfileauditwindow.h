// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class LockfileAudit;
class LockfileAuditModel;
class MessageBanner;
class QComboBox;
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

private:
    void showSummary();

    LockfileAudit *m_audit;
    LockfileAuditModel *m_model;
    QSortFilterProxyModel *m_proxy;
    MessageBanner *m_banner;
    QLabel *m_summary;
    QComboBox *m_filter;
    QTreeView *m_view;
    QString m_feedName;
};
