// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "publish/cratepublisher.h"

#include <QDialog>

class CrateDropFilter;
class MessageBanner;
class PublishItemDelegate;
class PublishPreview;
class PublishQueue;
class PublishSession;
class PublishQueueModel;
class QComboBox;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTreeView;
class RegistryClient;

// The modeless "Publish to FEED" window: every dropped or added .crate with its preflight
// result and a preview, then one batch in dependency order with a progress bar, Cancel and
// Retry per crate, and a summary at the end. Crates with errors stay listed and are skipped.
// Everything runs through a PublishSession; nothing here waits. Closing the window hides it
// and leaves a running batch running; the owner shows the same panel again for that feed.
// When the feed is edited or removed the panel says so and accepts nothing more.
class PublishPanel final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PublishPanel)

public:
    explicit PublishPanel(RegistryClient *client, QWidget *parent = nullptr);
    ~PublishPanel() override;

    bool isPublishing() const;
    PublishQueueModel *model() const { return m_model; }
    PublishSession *session() const { return m_session; }
    PublishQueue *queue() const;
    QTreeView *view() const { return m_view; }
    PublishPreview *preview() const { return m_preview; }
    MessageBanner *banner() const { return m_banner; }
    QPushButton *publishButton() const { return m_publish; }
    QPushButton *cancelButton() const { return m_cancel; }
    QPushButton *addFilesButton() const { return m_addFiles; }
    QPushButton *removeButton() const { return m_remove; }
    QComboBox *routeChooser() const { return m_route; }
    QString summaryText() const;
    CratePublisher::Route route() const;
    CrateDropFilter *dropFilter() const { return m_drop; }

public Q_SLOTS:
    // Starts preflight for each file not listed yet. Refused, with a message, during a batch.
    void addFiles(const QStringList &paths);
    void showAddFilesDialog();
    void publish();
    void cancelAll();
    void cancelItem(int row);
    void retryItem(int row);
    void removeSelected();

Q_SIGNALS:
    // A batch ran out of work; the owner may refresh the feed's crate list.
    void batchFinished();

private:
    static QString busyNotice();
    void showRejected(const QStringList &messages);
    void runItemAction(const QModelIndex &index);
    void showContextMenu(const QPoint &pos);
    void updateState();
    void updateRouteChooser();
    void updatePreview();

    void showFeedLost(const QString &reason);

    PublishSession *m_session;
    PublishQueueModel *m_model;
    CrateDropFilter *m_drop;
    PublishItemDelegate *m_delegate;
    MessageBanner *m_banner;
    QLabel *m_routeLabel;
    QComboBox *m_route;
    QStackedWidget *m_stack;
    QTreeView *m_view;
    PublishPreview *m_preview;
    QLabel *m_summary;
    QPushButton *m_addFiles;
    QPushButton *m_remove;
    QPushButton *m_publish;
    QPushButton *m_cancel;
    QPushButton *m_close;
    bool m_batchRan = false;
};
