// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cargotypes/feed.h"
#include "publishpanel.h"
#include "cargotypes/registryerror.h"
#include "localfeed/feederror.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>

class ActivityArea;
class CrateBrowser;
class CrateDetailsView;
class CrateDropFilter;
class EmptyStateListView;
class FeedDialog;
class FeedListModel;
class LocalFeedHost;
class LocalUpstreamsDialog;
class PromotionDialog;
class PromotionHistoryDialog;
class CrateAcrossFeedsDialog;
class CompareVersionsDialog;
class LockfileAuditWindow;
class FeedSessions;
class FeedSettings;
class MessageBanner;
class SettingsDialog;
class SettingsSession;

class QLabel;
class QLineEdit;
class QSplitter;
class QTreeView;

// What the window works with, owned by the composition root (app/guiapp.cpp).
struct MainWindowContext
{
    FeedListModel *feeds = nullptr;
    FeedSettings *settings = nullptr;  // null: feeds cannot be added or edited (tests)
    FeedSessions *sessions = nullptr;  // null: nothing is fetched (tests of the frame alone)
    CrateBrowser *browser = nullptr;
    LocalFeedHost *localFeed = nullptr; // the embedded feed (on its own thread), for its connectors; may be null
    SettingsSession *settingsSession = nullptr; // what File > Settings changes; null: no Settings (tests)
};

// The CrateDesk main window: feeds on the left, the selected feed's crates with
// search-as-you-type in the middle, the open crate's details on the right. Dropping .crate
// files anywhere opens the publish panel for the selected feed.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(const MainWindowContext &context, QWidget *parent = nullptr);
    ~MainWindow() override;

    EmptyStateListView *feedView() const { return m_feedView; }
    QLineEdit *searchField() const { return m_search; }
    QTreeView *crateView() const { return m_crateView; }
    QLabel *crateCountLabel() const { return m_crateCount; }
    CrateDetailsView *details() const { return m_details; }
    MessageBanner *banner() const { return m_banner; }
    ActivityArea *activityArea() const { return m_activity; }
    // The publish panel of the selected feed, if one was opened.
    PublishPanel *publishPanel() const;
    QAction *yankAction() const { return m_yank; }
    QAction *unyankAction() const { return m_unyank; }
    QAction *settingsAction() const { return m_settings; }
    QAction *proGetConnectorsAction() const { return m_proGetConnectors; }
    QAction *auditAction() const { return m_audit; }
    QAction *refreshAction() const { return m_refresh; }
    QAction *localUpstreamsAction() const { return m_localUpstreams; }
    // The one dialog of the local feed's upstreams, opened or raised; null without the feed.
    LocalUpstreamsDialog *openLocalUpstreams();
    // Promotes `versions` into `targetFeed` from a feed the user picks; the dialog is modal to `over`.
    // ProGet's promotion history of the open crate in the selected ProGet feed.
    PromotionHistoryDialog *openPromotionHistory();
    // The open crate in every feed the user has, with the checksum alarm.
    CrateAcrossFeedsDialog *openCrateAcrossFeeds();
    // Two versions of the open crate side by side (the two newest first); null with fewer than two.
    CompareVersionsDialog *openCompareVersions();
    QAction *compareVersionsAction() const { return m_compareVersions; }
    PromotionDialog *openPromotion(const QString &targetFeed, const QList<std::pair<QString, QString>> &versions, QWidget *over = nullptr);

    // The one Settings dialog, opened or raised; null without a SettingsSession.
    SettingsDialog *openSettings();

    void showLocalFeedStatus(const QString &text);
    void selectFeed(const QString &name);
    std::optional<Feed> currentFeed() const;
    // Opens (or reuses) the publish panel for the selected feed with these files.
    void publishFiles(const QStringList &paths);
    // Audits a Cargo.lock against the selected feed, in a window of its own.
    LockfileAuditWindow *auditLockfile(const QString &path);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void createCentralArea();
    void connectBrowser();
    void feedChanged();
    void crateChanged();
    void showCrate(const QString &name);
    void updateActions();
    void showFailure(const RegistryError &error, const QString &failure);
    void showCaProblem(const QString &problem);
    FeedDialog *newFeedDialog();
    void feedSaved(const QString &oldName, const Feed &saved);
    void addFeed();
    void editFeed();
    void removeFeed();
    void askForCredential(const Feed &feed, const QString &message);
    void reloadFeeds();
    void confirmYank(bool yank);
    void openCargoSetup();
    void addConnector();
    void openProGetConnectors();
    void checkUpstreamChanges();
    void localFeedMoved(const QUrl &oldIndexUrl, const QUrl &newIndexUrl, const FeedError &error);
    void downloadCrate();
    void copyDependencyLine();
    void openPublishDialog();
    void openAuditDialog();
    void showAbout();
    void restoreWindowState();
    void saveWindowState() const;

    MainWindowContext m_context;
    EmptyStateListView *m_feedView = nullptr;
    QLineEdit *m_search = nullptr;
    QTreeView *m_crateView = nullptr;
    QLabel *m_crateCount = nullptr;
    CrateDetailsView *m_details = nullptr;
    MessageBanner *m_banner = nullptr;
    ActivityArea *m_activity = nullptr;
    QLabel *m_localFeedStatus = nullptr;
    QSplitter *m_splitter = nullptr;
    CrateDropFilter *m_drop = nullptr;
    QHash<QString, QPointer<PublishPanel>> m_publishPanels; // one per feed, by feed name
    QHash<QString, int> m_activities; // CrateBrowser activity id -> ActivityArea id

    QAction *m_addFeed = nullptr;
    QAction *m_editFeed = nullptr;
    QAction *m_removeFeed = nullptr;
    QAction *m_publish = nullptr;
    QAction *m_audit = nullptr;
    QAction *m_refresh = nullptr;
    QAction *m_cargoSetup = nullptr;
    QAction *m_addConnector = nullptr;
    QAction *m_localUpstreams = nullptr;
    QPointer<LocalUpstreamsDialog> m_upstreamsDialog;
    QAction *m_proGetConnectors = nullptr;
    QAction *m_settings = nullptr;
    QPointer<SettingsDialog> m_settingsDialog;
    QAction *m_yank = nullptr;
    QAction *m_unyank = nullptr;
    QAction *m_download = nullptr;
    QAction *m_copyDependency = nullptr;
    QAction *m_promotionHistory = nullptr;
    QAction *m_acrossFeeds = nullptr;
    QAction *m_compareVersions = nullptr;
};
