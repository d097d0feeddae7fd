// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "activityarea.h"
#include "badgeitemdelegate.h"
#include "browse/cratebrowser.h"
#include "cargo/cargosetupdialog.h"
#include "cargotypes/feedurl.h"
#include "connectors/localconnectordialog.h"
#include "cratedetailsview.h"
#include "cratedropfilter.h"
#include "emptystatelistview.h"
#include "feeddialog.h"
#include "itemmodels/cratefilterproxymodel.h"
#include "itemmodels/cratelistmodel.h"
#include "itemmodels/feedlistmodel.h"
#include "itemmodels/roles.h"
#include "itemmodels/versionlistmodel.h"
#include "localfeed/localfeedhost.h"
#include "messagebanner.h"
#include "plaintexttooltips.h"
#include "publish/publishsession.h"
#include "publishpanel.h"
#include "registry/feedremover.h"
#include "registry/feedsessions.h"
#include "registry/feedsettings.h"
#include "registry/registryclient.h"
#include "secrets/secretstore.h"
#include "settingsdialog.h"
#include "stateitemdelegate.h"

#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QScrollBar>
#include <QShortcut>
#include <QSplitter>
#include <QStatusBar>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

MainWindow::MainWindow(const MainWindowContext &context, QWidget *parent)
    : QMainWindow(parent)
    , m_context(context)
{
    PlainTextToolTips::install(); // tooltips carry what feeds send
    setWindowTitle(QApplication::applicationDisplayName());
    setObjectName(u"MainWindow"_s);
    createCentralArea();
    createMenus();

    m_activity = new ActivityArea(this);
    m_activity->setObjectName(u"activityArea"_s);
    statusBar()->addWidget(m_activity, 1);
    m_localFeedStatus = new QLabel(this);
    m_localFeedStatus->setObjectName(u"localFeedStatus"_s);
    m_localFeedStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addPermanentWidget(m_localFeedStatus);

    // Dropping .crate files anywhere in the window publishes them to the selected feed.
    m_drop = new CrateDropFilter(this);
    m_drop->watch(this);
    connect(m_drop, &CrateDropFilter::cratesDropped, this, &MainWindow::publishFiles);
    connect(m_drop, &CrateDropFilter::filesRejected, this, [this](const QStringList &messages) {
        m_banner->showMessage(MessageBanner::Kind::Warning, messages.join(u'\n'));
    });

    connect(m_feedView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MainWindow::feedChanged);
    connectBrowser();
    if (m_context.localFeed) {
        connect(m_context.localFeed, &LocalFeedHost::portChanged, this, &MainWindow::localFeedMoved);
        connect(m_context.localFeed, &LocalFeedHost::connectorsChanged, this, &MainWindow::checkUpstreamChanges);
        checkUpstreamChanges();
    }
    if (m_context.settingsSession) {
        connect(m_context.settingsSession, &SettingsSession::caCertificatesInstalled, this, &MainWindow::showCaProblem);
        showCaProblem(m_context.settingsSession->caCertificatesProblem());
    }
    resize(1280, 800);
    restoreWindowState();
    updateActions();
    // The first feed (the local one when there is one) is what a new user sees.
    if (m_context.feeds->rowCount() > 0)
        m_feedView->setCurrentIndex(m_context.feeds->index(0));
}

MainWindow::~MainWindow() = default;

// A CA file that cannot be used is said where the user looks: the feeds it vouches for fail
// their handshake, and "untrusted certificate" alone would not say why.
void MainWindow::showCaProblem(const QString &problem)
{
    if (!problem.isEmpty())
        m_banner->showMessage(MessageBanner::Kind::Warning,
                              tr("%1 Until it is fixed in Settings, only the system's certificate authorities are trusted.").arg(problem));
}

void MainWindow::createCentralArea()
{
    auto *central = new QWidget(this);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    m_banner = new MessageBanner(central);
    m_banner->setObjectName(u"banner"_s);
    m_banner->hide();
    centralLayout->addWidget(m_banner);

    m_splitter = new QSplitter(Qt::Horizontal, central);
    m_splitter->setObjectName(u"mainSplitter"_s);
    m_splitter->setChildrenCollapsible(false);
    centralLayout->addWidget(m_splitter, 1);

    auto *feedPane = new QWidget(m_splitter);
    auto *feedLayout = new QVBoxLayout(feedPane);
    feedLayout->setContentsMargins(8, 8, 0, 8);
    auto *feedHeader = new QLabel(tr("Feeds"), feedPane);
    QFont headerFont = feedHeader->font();
    headerFont.setBold(true);
    feedHeader->setFont(headerFont);
    feedLayout->addWidget(feedHeader);
    m_feedView = new EmptyStateListView(feedPane);
    m_feedView->setObjectName(u"feedView"_s);
    m_feedView->setAccessibleName(tr("Feeds"));
    m_feedView->setModel(m_context.feeds);
    m_feedView->setEmptyText(tr("No feeds yet"), tr("Add a Cargo feed to browse its crates."));
    m_feedView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_feedView->setItemDelegate(new StateItemDelegate(0, Roles::FeedStateText, m_feedView));
    feedLayout->addWidget(m_feedView, 1);
    auto *addFeedButton = new QPushButton(QIcon::fromTheme(u"list-add"_s), tr("Add Feed…"), feedPane);
    addFeedButton->setObjectName(u"addFeedButton"_s);
    connect(addFeedButton, &QPushButton::clicked, this, &MainWindow::addFeed);
    addFeedButton->setEnabled(m_context.settings != nullptr);
    feedLayout->addWidget(addFeedButton);

    auto *cratePane = new QWidget(m_splitter);
    auto *crateLayout = new QVBoxLayout(cratePane);
    crateLayout->setContentsMargins(4, 8, 0, 8);
    m_search = new QLineEdit(cratePane);
    m_search->setObjectName(u"searchField"_s);
    m_search->setPlaceholderText(tr("Search crates (Ctrl+F or /)"));
    m_search->setAccessibleName(tr("Search crates"));
    m_search->setClearButtonEnabled(true);
    crateLayout->addWidget(m_search);
    m_crateView = new QTreeView(cratePane);
    m_crateView->setObjectName(u"crateView"_s);
    m_crateView->setAccessibleName(tr("Crates"));
    m_crateView->setRootIsDecorated(false);
    m_crateView->setUniformRowHeights(true);
    m_crateView->setAlternatingRowColors(true);
    m_crateView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_crateView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    if (m_context.browser) {
        m_crateView->setModel(m_context.browser->filteredCrates());
        m_crateView->header()->resizeSection(CrateListModel::NameColumn, 200);
        m_crateView->header()->resizeSection(CrateListModel::VersionColumn, 120);
        m_crateView->header()->resizeSection(CrateListModel::LicenseColumn, 130);
        m_crateView->setItemDelegateForColumn(CrateListModel::VersionColumn,
            new BadgeItemDelegate({{Roles::CrateYanked, tr("yanked"), BadgeItemDelegate::Tone::Muted},
                                      {Roles::CrateBlocked, tr("blocked"), BadgeItemDelegate::Tone::Alarm}},
                m_crateView));
        // The feed's own order until a header is clicked; a third click goes back to it.
        m_crateView->header()->setSortIndicatorClearable(true);
        m_crateView->header()->setSortIndicator(-1, Qt::AscendingOrder);
        m_crateView->setSortingEnabled(true);
    }
    crateLayout->addWidget(m_crateView, 1);
    m_crateCount = new QLabel(cratePane);
    m_crateCount->setObjectName(u"crateCount"_s);
    crateLayout->addWidget(m_crateCount);

    m_splitter->addWidget(feedPane);
    m_splitter->addWidget(cratePane);
    if (m_context.browser) {
        m_details = new CrateDetailsView(m_context.browser, m_splitter);
        connect(m_details, &CrateDetailsView::crateRequested, this, &MainWindow::showCrate);
        m_details->setObjectName(u"crateDetails"_s);
        m_details->setContentsMargins(4, 8, 8, 8);
        m_splitter->addWidget(m_details);
    }
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setStretchFactor(2, 2);
    m_splitter->setSizes({220, 420, 640});
    setCentralWidget(central);

    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (m_context.browser)
            m_context.browser->filteredCrates()->setFilterText(text);
    });
    // Enter in the search field opens the best match, as in a launcher. With no match the
    // name is looked up in the feed itself: a large feed is listed only as far as scrolled,
    // and a feed without a web API cannot be listed at all.
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        if (m_crateView->model() && m_crateView->model()->rowCount() > 0) {
            m_crateView->setCurrentIndex(m_crateView->model()->index(0, 0));
            m_crateView->setFocus();
        } else if (const QString name = m_search->text().trimmed(); !name.isEmpty() && m_context.browser) {
            m_context.browser->openCrate(name);
        }
    });
    auto focusSearch = [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    };
    // "/" as in a browser or less; a line edit that has focus keeps the character.
    connect(new QShortcut(QKeySequence(Qt::Key_Slash), this), &QShortcut::activated, this, focusSearch);
    connect(new QShortcut(QKeySequence::Find, this), &QShortcut::activated, this, focusSearch);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    m_addFeed = file->addAction(QIcon::fromTheme(u"list-add"_s), tr("&Add Feed…"), this, &MainWindow::addFeed);
    m_addFeed->setShortcut(QKeySequence::New);
    m_addFeed->setEnabled(m_context.settings != nullptr);
    m_publish = file->addAction(QIcon::fromTheme(u"document-send"_s), tr("&Publish Crates…"), this, &MainWindow::openPublishDialog);
    m_publish->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    m_audit = file->addAction(QIcon::fromTheme(u"document-preview"_s), tr("A&udit Cargo.lock…"), this, &MainWindow::openAuditDialog);
    m_audit->setObjectName(u"auditLockfile"_s);
    m_audit->setToolTip(tr("Check every package a project's Cargo.lock pins against the selected feed."));
    file->addSeparator();
    // The local feed's port and read rule, the cache's limit and the proxy: one place for all.
    m_settings = file->addAction(QIcon::fromTheme(u"configure"_s), tr("&Settings…"), this, &MainWindow::openSettings);
    m_settings->setObjectName(u"settings"_s);
    m_settings->setShortcut(QKeySequence::Preferences);
    m_settings->setMenuRole(QAction::PreferencesRole);
    m_settings->setEnabled(m_context.settingsSession != nullptr);
    file->addSeparator();
    QAction *quit = file->addAction(QIcon::fromTheme(u"application-exit"_s), tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *feed = menuBar()->addMenu(tr("F&eed"));
    m_editFeed = feed->addAction(QIcon::fromTheme(u"document-edit"_s), tr("&Edit Feed…"), this, &MainWindow::editFeed);
    m_removeFeed = feed->addAction(QIcon::fromTheme(u"list-remove"_s), tr("&Remove Feed"), this, &MainWindow::removeFeed);
    m_cargoSetup = feed->addAction(QIcon::fromTheme(u"configure"_s), tr("Use with &Cargo…"), this, &MainWindow::openCargoSetup);
    m_addConnector = feed->addAction(QIcon::fromTheme(u"network-connect"_s), tr("Add &Upstream to the Local Feed…"), this, &MainWindow::addConnector);
    m_localUpstreams = feed->addAction(QIcon::fromTheme(u"network-workgroup"_s), tr("Upstreams of the &Local Feed…"), this,
                                       &MainWindow::openLocalUpstreams);
    m_localUpstreams->setObjectName(u"localUpstreams"_s);
    m_localUpstreams->setToolTip(tr("The registries the local feed serves crates from: their policies, and versions they changed."));
    m_proGetConnectors = feed->addAction(QIcon::fromTheme(u"network-server"_s), tr("ProGet C&onnectors…"), this, &MainWindow::openProGetConnectors);
    m_proGetConnectors->setObjectName(u"proGetConnectors"_s);
    m_proGetConnectors->setToolTip(tr("The connectors of the selected ProGet feed's server, and which of them the feed uses."));
    feed->addSeparator();
    m_refresh = feed->addAction(QIcon::fromTheme(u"view-refresh"_s), tr("Re&fresh"), this, [this] {
        if (m_context.browser)
            m_context.browser->refresh();
    });
    m_refresh->setShortcut(QKeySequence::Refresh);

    QMenu *crate = menuBar()->addMenu(tr("&Crate"));
    m_yank = crate->addAction(tr("&Yank Version…"), this, [this] { confirmYank(true); });
    m_unyank = crate->addAction(tr("&Unyank Version…"), this, [this] { confirmYank(false); });
    crate->addSeparator();
    m_download = crate->addAction(QIcon::fromTheme(u"document-save"_s), tr("&Download .crate…"), this, &MainWindow::downloadCrate);
    m_copyDependency = crate->addAction(QIcon::fromTheme(u"edit-copy"_s), tr("&Copy Dependency Line"), this, &MainWindow::copyDependencyLine);
    m_copyDependency->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    crate->addSeparator();
    m_compareVersions = crate->addAction(QIcon::fromTheme(u"document-compare"_s), tr("Compare &Versions…"), this, &MainWindow::openCompareVersions);
    m_compareVersions->setToolTip(tr("What changed between two versions of this crate: files, dependencies, features, license"));
    m_acrossFeeds = crate->addAction(QIcon::fromTheme(u"edit-find"_s), tr("In &Every Feed…"), this, &MainWindow::openCrateAcrossFeeds);
    m_acrossFeeds->setToolTip(tr("Which versions of this crate each of your feeds holds, and whether they are the same bytes"));
    m_promotionHistory = crate->addAction(QIcon::fromTheme(u"view-history"_s), tr("Promotion &History…"), this, &MainWindow::openPromotionHistory);
    m_promotionHistory->setToolTip(tr("How the versions of this crate came into the ProGet feed: from which feed, when and by whom"));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About CrateDesk"), this, &MainWindow::showAbout);
}

void MainWindow::connectBrowser()
{
    CrateBrowser *browser = m_context.browser;
    if (!browser)
        return;
    connect(m_crateView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MainWindow::crateChanged);
    auto updateCount = [this, browser] {
        const int shown = browser->filteredCrates()->rowCount();
        const int all = browser->crates()->rowCount();
        QString text = shown == all ? tr("%n crate(s)", nullptr, all) : tr("%1 of %n crate(s)", nullptr, all).arg(shown);
        if (browser->hasMoreCrates())
            text = tr("%1, more as you scroll").arg(text);
        m_crateCount->setText(text);
    };
    connect(browser->filteredCrates(), &QAbstractItemModel::modelReset, this, updateCount);
    connect(browser->filteredCrates(), &QAbstractItemModel::layoutChanged, this, updateCount);
    connect(browser->filteredCrates(), &QAbstractItemModel::rowsInserted, this, updateCount);
    connect(browser->filteredCrates(), &QAbstractItemModel::rowsRemoved, this, updateCount);
    // A large feed is listed further when its list is scrolled to the end, or when what is
    // listed does not fill the list. Not while a filter is typed: a name not listed yet is
    // looked up with Enter instead of by listing all of crates.io.
    auto listMoreAtTheEnd = [this, browser](bool evenIfFiltered) {
        const QScrollBar *bar = m_crateView->verticalScrollBar();
        if (browser->hasMoreCrates() && bar->value() >= bar->maximum() && (evenIfFiltered || m_search->text().isEmpty()))
            browser->listMoreCrates();
    };
    connect(m_crateView->verticalScrollBar(), &QScrollBar::valueChanged, this, [listMoreAtTheEnd] { listMoreAtTheEnd(true); });
    connect(m_crateView->verticalScrollBar(), &QScrollBar::rangeChanged, this, [listMoreAtTheEnd] { listMoreAtTheEnd(false); });
    connect(browser, &CrateBrowser::listingFinished, this, [this, updateCount, listMoreAtTheEnd] {
        updateCount();
        m_crateView->doItemsLayout(); // the scroll range must count the rows that just came
        listMoreAtTheEnd(false);
        if (const auto feed = currentFeed())
            m_context.feeds->setState(feed->name, FeedListModel::State::Online);
    });
    connect(browser, &CrateBrowser::failed, this, &MainWindow::showFailure);
    connect(browser, &CrateBrowser::indexLinesDropped, this, [this](const QString &crate, const QStringList &warnings) {
        m_banner->showMessage(MessageBanner::Kind::Warning,
                              tr("Some versions of %1 are not shown: the feed's index file has lines that cannot be trusted.").arg(crate)
                                  + u'\n' + warnings.join(u'\n'));
    });
    connect(browser, &CrateBrowser::staleChanged, this, [this](bool stale) {
        const auto feed = currentFeed();
        if (!feed)
            return;
        m_context.feeds->setState(feed->name, stale ? FeedListModel::State::Offline : FeedListModel::State::Online);
        if (stale)
            m_banner->showMessage(MessageBanner::Kind::Warning,
                                  tr("%1 cannot be reached. You are looking at the cached index; it may be out of date.").arg(feed->name));
    });
    connect(browser, &CrateBrowser::versionSelected, this, &MainWindow::updateActions);
    connect(browser, &CrateBrowser::crateOpened, this, &MainWindow::updateActions);
    connect(browser, &CrateBrowser::yankChanged, this, [this](const QString &crate, const QString &version, bool yanked) {
        statusBar()->showMessage((yanked ? tr("Yanked %1 %2") : tr("Unyanked %1 %2")).arg(crate, version), 5000);
    });
    connect(browser, &CrateBrowser::downloaded, this, [this](const QString &path) {
        statusBar()->showMessage(tr("Saved %1 (checksum verified)").arg(path), 8000);
    });
    connect(browser, &CrateBrowser::activity, this, [this, browser](const QString &id, const QString &label, bool running) {
        if (running) {
            if (m_activities.contains(id))
                m_activity->finish(m_activities.take(id));
            ActivityArea::CancelFunction cancel;
            if (browser->isCancellable(id))
                cancel = [browser = QPointer(browser), id] {
                    if (browser)
                        browser->cancelActivity(id);
                };
            m_activities.insert(id, m_activity->addActivity(label, cancel));
        } else if (m_activities.contains(id)) {
            m_activity->finish(m_activities.take(id));
        }
    });
    connect(browser, &CrateBrowser::progress, this, [this](const QString &id, qint64 done, qint64 total) {
        if (m_activities.contains(id))
            m_activity->setProgress(m_activities.value(id), done, total);
    });
}

std::optional<Feed> MainWindow::currentFeed() const
{
    const int row = m_feedView->currentIndex().row();
    if (row < 0 || row >= m_context.feeds->feeds().size())
        return std::nullopt;
    return m_context.feeds->feeds().at(row);
}

void MainWindow::selectFeed(const QString &name)
{
    const int row = m_context.feeds->rowOf(name);
    if (row >= 0)
        m_feedView->setCurrentIndex(m_context.feeds->index(row));
}

void MainWindow::feedChanged()
{
    m_banner->hide();
    m_search->clear();
    const auto feed = currentFeed();
    if (m_context.browser && m_context.sessions)
        m_context.browser->setClient(feed ? m_context.sessions->client(*feed) : nullptr);
    setWindowTitle(feed ? u"%1 — %2"_s.arg(feed->name, QApplication::applicationDisplayName()) : QApplication::applicationDisplayName());
    updateActions();
}

void MainWindow::showCrate(const QString &name)
{
    if (!m_context.browser)
        return;
    // Selected in the list when it is listed there, so that list and details agree.
    const int row = m_context.browser->crates()->rowOf(name);
    const QModelIndex listed = row < 0 ? QModelIndex() : m_context.browser->filteredCrates()->mapFromSource(m_context.browser->crates()->index(row, 0));
    if (listed.isValid())
        return m_crateView->setCurrentIndex(listed);
    m_crateView->setCurrentIndex({});
    m_context.browser->openCrate(name);
}

void MainWindow::crateChanged()
{
    const QModelIndex current = m_crateView->currentIndex();
    if (current.isValid() && m_context.browser)
        m_context.browser->openCrate(current.siblingAtColumn(0).data(Roles::CrateName).toString());
    updateActions();
}

void MainWindow::updateActions()
{
    const auto feed = currentFeed();
    const bool remote = feed && feed->origin == Feed::Origin::Remote;
    m_editFeed->setEnabled(remote && m_context.settings);
    m_removeFeed->setEnabled(remote && m_context.settings);
    m_publish->setEnabled(feed.has_value() && m_context.sessions);
    m_audit->setEnabled(feed.has_value() && m_context.sessions);
    m_cargoSetup->setEnabled(feed.has_value() && m_context.sessions);
    m_addConnector->setEnabled(m_context.localFeed && m_context.localFeed->isRunning() && m_context.sessions);
    m_localUpstreams->setEnabled(m_addConnector->isEnabled());
    m_proGetConnectors->setEnabled(feed && m_context.sessions && FeedUrl::proGetFeed(feed->indexUrl));
    m_refresh->setEnabled(feed.has_value() && m_context.browser);
    const auto entry = m_context.browser ? m_context.browser->selectedEntry() : std::nullopt;
    m_yank->setEnabled(entry && !entry->yanked);
    m_unyank->setEnabled(entry && entry->yanked);
    m_download->setEnabled(entry.has_value());
    m_copyDependency->setEnabled(entry.has_value());
    m_acrossFeeds->setEnabled(m_context.sessions && m_context.browser && !m_context.browser->crateName().isEmpty());
    m_compareVersions->setEnabled(m_context.browser && m_context.browser->client() && !m_context.browser->crateName().isEmpty()
                                  && m_context.browser->versions()->rowCount() >= 2);
    m_promotionHistory->setEnabled(m_proGetConnectors->isEnabled() && m_context.browser && !m_context.browser->crateName().isEmpty());
}

void MainWindow::showFailure(const RegistryError &error, const QString &failure)
{
    if (error.kind == RegistryError::Kind::Cancelled)
        return;
    const auto feed = currentFeed();
    const bool credentials = error.kind == RegistryError::Kind::AuthRequired || error.kind == RegistryError::Kind::Forbidden;
    const bool unreachable = error.kind == RegistryError::Kind::Network || error.kind == RegistryError::Kind::Timeout;
    if (feed && credentials)
        m_context.feeds->setState(feed->name, FeedListModel::State::NeedsCredentials);
    else if (feed && unreachable)
        m_context.feeds->setState(feed->name, FeedListModel::State::Offline);

    // The registry's message says what went wrong; the banner adds what was being done and
    // what to try next. `failure` is a whole sentence from CrateBrowser, never a fragment.
    QString text = tr("%1: %2", "failure sentence: the registry's reason").arg(failure, error.message);
    if (unreachable)
        text += u"\n"_s + tr("Check that the feed is running and reachable from this computer, then retry. Cached crates stay browsable.");
    m_banner->showMessage(credentials ? MessageBanner::Kind::Warning : MessageBanner::Kind::Error, text);
    if (feed && credentials && m_context.settings && feed->origin == Feed::Origin::Remote) {
        QPushButton *button = m_banner->addButton(tr("Enter Credentials…"));
        connect(button, &QPushButton::clicked, this, [this, feed, error] { askForCredential(*feed, error.message); });
    }
    if (error.kind != RegistryError::Kind::Local) {
        QPushButton *retry = m_banner->addButton(tr("Retry"));
        connect(retry, &QPushButton::clicked, this, [this] {
            m_banner->hide();
            if (m_context.browser)
                m_context.browser->refresh();
        });
    }
}

FeedDialog *MainWindow::newFeedDialog()
{
    auto *dialog = new FeedDialog(m_context.settings, m_context.sessions->secrets(), m_context.sessions->http(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    return dialog;
}

void MainWindow::feedSaved(const QString &oldName, const Feed &saved)
{
    // The old client holds the old URL and credentials; the next use makes a new one.
    const QString reason = tr("the settings of the feed %1 changed").arg(oldName);
    m_context.sessions->forget(oldName, reason);
    m_context.sessions->forget(saved.name, reason);
    reloadFeeds();
    selectFeed(saved.name);
    feedChanged();
}

void MainWindow::addFeed()
{
    if (!m_context.settings || !m_context.sessions)
        return;
    FeedDialog *dialog = newFeedDialog();
    connect(dialog, &FeedDialog::feedSaved, this, [this](const Feed &feed) {
        reloadFeeds();
        selectFeed(feed.name);
    });
    dialog->open();
}

void MainWindow::editFeed()
{
    const auto feed = currentFeed();
    if (!feed || !m_context.settings || !m_context.sessions)
        return;
    FeedDialog *dialog = newFeedDialog();
    dialog->setFeed(*feed);
    connect(dialog, &FeedDialog::feedSaved, this, [this, old = feed->name](const Feed &saved) { feedSaved(old, saved); });
    dialog->open();
}

void MainWindow::askForCredential(const Feed &feed, const QString &message)
{
    if (!m_context.settings || !m_context.sessions)
        return;
    FeedDialog *dialog = newFeedDialog();
    dialog->askForCredential(feed, message);
    connect(dialog, &FeedDialog::feedSaved, this, [this](const Feed &saved) { feedSaved(saved.name, saved); });
    dialog->open();
}

void MainWindow::removeFeed()
{
    const auto feed = currentFeed();
    if (!feed || feed->origin != Feed::Origin::Remote || !m_context.settings || !m_context.sessions)
        return;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Remove Feed"),
                                tr("Remove the feed %1 from CrateDesk?").arg(feed->name), QMessageBox::Cancel, this);
    box->setInformativeText(tr("Its stored token or password is deleted from the keychain. The feed itself and its crates are not touched."));
    QPushButton *remove = box->addButton(tr("Remove"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, remove, name = feed->name] {
        if (box->clickedButton() != remove)
            return;
        auto *remover = new FeedRemover(m_context.settings, m_context.sessions->secrets(), this);
        connect(remover, &FeedRemover::removed, this, [this, remover](const QString &removed, const QString &warning) {
            remover->deleteLater();
            m_context.sessions->forget(removed, tr("the feed %1 was removed").arg(removed));
            reloadFeeds();
            if (!warning.isEmpty())
                m_banner->showMessage(MessageBanner::Kind::Warning, warning);
        });
        remover->remove(name);
    });
    box->open();
}

void MainWindow::reloadFeeds()
{
    if (!m_context.settings)
        return;
    FeedList feeds;
    for (const Feed &feed : m_context.feeds->feeds()) {
        if (feed.origin == Feed::Origin::Local)
            feeds.append(feed);
    }
    feeds += m_context.settings->feeds();
    const auto current = currentFeed();
    m_context.feeds->setFeeds(feeds);
    if (current)
        selectFeed(current->name);
}

void MainWindow::openCargoSetup()
{
    const auto feed = currentFeed();
    if (!feed || !m_context.sessions)
        return;
    auto *dialog = new CargoSetupDialog(*feed, m_context.sessions->secrets(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::addConnector()
{
    LocalFeedHost *local = m_context.localFeed;
    if (!local || !local->isRunning() || !m_context.sessions)
        return;
    auto *dialog = new LocalConnectorDialog(m_context.sessions->http(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, local] {
        const ConnectorConfig config = dialog->config();
        // Stored on the feed's thread, with its secret or not at all.
        auto heard = std::make_shared<QMetaObject::Connection>();
        *heard = connect(local, &LocalFeedHost::connectorAdded, this, [this, heard, name = config.name](const QString &added, const QString &error) {
            if (added != name)
                return;
            disconnect(*heard);
            if (!error.isEmpty())
                return m_banner->showMessage(MessageBanner::Kind::Error, tr("Could not add the upstream %1: %2").arg(name, error));
            statusBar()->showMessage(tr("The local feed now serves crates of %1").arg(name), 8000);
            if (m_context.browser)
                m_context.browser->refresh();
        });
        local->addConnector(config, dialog->secret());
    });
    dialog->open();
}

void MainWindow::confirmYank(bool yank)
{
    const auto entry = m_context.browser ? m_context.browser->selectedEntry() : std::nullopt;
    const auto feed = currentFeed();
    if (!entry || !feed)
        return;
    const QString crate = u"%1 %2"_s.arg(entry->name, entry->vers);
    auto *box = new QMessageBox(QMessageBox::Question, yank ? tr("Yank %1").arg(crate) : tr("Unyank %1").arg(crate),
                                yank ? tr("Yank %1 on %2?").arg(crate, feed->name) : tr("Unyank %1 on %2?").arg(crate, feed->name),
                                QMessageBox::Cancel, this);
    box->setObjectName(u"yankConfirmation"_s);
    box->setInformativeText(yank ? tr("Cargo will no longer choose this version for new dependency resolutions. Projects whose "
                                      "Cargo.lock already names it keep building, and it stays downloadable. You can unyank it later.")
                                 : tr("Cargo will again choose this version when it matches a requirement."));
    QPushButton *confirm = box->addButton(yank ? tr("Yank") : tr("Unyank"), yank ? QMessageBox::DestructiveRole : QMessageBox::AcceptRole);
    confirm->setObjectName(u"confirmButton"_s);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, confirm, yank] {
        if (box->clickedButton() == confirm && m_context.browser)
            m_context.browser->setSelectedYanked(yank);
    });
    box->open();
}

void MainWindow::downloadCrate()
{
    if (!m_context.browser || !m_context.browser->selectedEntry())
        return;
    auto *dialog = new QFileDialog(this, tr("Save the .crate to"), QDir::homePath());
    dialog->setFileMode(QFileDialog::Directory);
    dialog->setOption(QFileDialog::ShowDirsOnly);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &dir) { m_context.browser->downloadSelected(dir); });
    dialog->open();
}

void MainWindow::copyDependencyLine()
{
    if (!m_context.browser)
        return;
    const QString line = m_context.browser->dependencyLine();
    if (line.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(line);
    statusBar()->showMessage(tr("Copied: %1").arg(line), 5000);
}

void MainWindow::publishFiles(const QStringList &paths)
{
    const auto feed = currentFeed();
    if (!feed || !m_context.sessions) {
        m_banner->showMessage(MessageBanner::Kind::Warning, tr("Select the feed to publish to first."));
        return;
    }
    QPointer<PublishPanel> &panel = m_publishPanels[feed->name];
    if (!panel || !panel->session()->lostReason().isEmpty()) {
        // Hidden, not deleted, on close: a batch goes on, and reopening shows it.
        panel = new PublishPanel(m_context.sessions->client(*feed), this);
        connect(panel, &PublishPanel::batchFinished, this, [this] {
            if (m_context.browser)
                m_context.browser->refresh();
        });
    }
    panel->addFiles(paths);
    panel->show();
    panel->raise();
}

PublishPanel *MainWindow::publishPanel() const
{
    const auto feed = currentFeed();
    return feed ? m_publishPanels.value(feed->name) : nullptr;
}

void MainWindow::openPublishDialog()
{
    publishFiles({});
    if (PublishPanel *panel = publishPanel())
        panel->showAddFilesDialog();
}

void MainWindow::showLocalFeedStatus(const QString &text)
{
    m_localFeedStatus->setText(text);
}

SettingsDialog *MainWindow::openSettings()
{
    if (!m_context.settingsSession)
        return nullptr;
    if (!m_settingsDialog) {
        m_settingsDialog = new SettingsDialog(m_context.settingsSession, this);
        m_settingsDialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_settingsDialog->open();
    m_settingsDialog->raise();
    m_settingsDialog->activateWindow();
    return m_settingsDialog;
}

// The feed listens elsewhere now: its list entry and client follow, and cargo, whose
// configuration still names the old port, needs Use with Cargo again.
void MainWindow::localFeedMoved(const QUrl &oldIndexUrl, const QUrl &newIndexUrl, const FeedError &error)
{
    if (error || oldIndexUrl == newIndexUrl)
        return;
    FeedList feeds = m_context.feeds->feeds();
    QString localName;
    for (Feed &feed : feeds) {
        if (feed.origin == Feed::Origin::Local) {
            feed.indexUrl = newIndexUrl;
            localName = feed.name;
        }
    }
    const auto current = currentFeed();
    m_context.feeds->setFeeds(feeds);
    if (m_context.sessions)
        m_context.sessions->forget(localName, tr("the local feed moved to %1").arg(newIndexUrl.toDisplayString()));
    if (current)
        selectFeed(current->name);
    if (current && current->name == localName)
        feedChanged();
    if (m_context.localFeed)
        showLocalFeedStatus(tr("Local feed serving %1").arg(m_context.localFeed->cargoIndexUrl()));
    m_banner->showMessage(MessageBanner::Kind::Information,
                          tr("The local feed now serves on port %1. Cargo's configuration written for port %2 no longer reaches it: "
                             "use it with Cargo again.")
                              .arg(newIndexUrl.port())
                              .arg(oldIndexUrl.port()));
    QPushButton *setup = m_banner->addButton(tr("Use with &Cargo…"));
    setup->setObjectName(u"useWithCargoAgain"_s);
    connect(setup, &QPushButton::clicked, this, [this, localName] {
        selectFeed(localName);
        openCargoSetup();
        m_banner->hide();
    });
}

void MainWindow::showAbout()
{
    auto *box = new QMessageBox(QMessageBox::Information, tr("About CrateDesk"),
                                tr("<h3>CrateDesk %1</h3><p>A desktop client for Cargo package feeds.</p>").arg(QApplication::applicationVersion()),
                                QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::restoreWindowState()
{
    QSettings settings;
    settings.beginGroup(u"MainWindow"_s);
    if (settings.contains(u"geometry"_s))
        restoreGeometry(settings.value(u"geometry"_s).toByteArray());
    if (settings.contains(u"splitter"_s))
        m_splitter->restoreState(settings.value(u"splitter"_s).toByteArray());
    // "crateColumns" held three columns; a state for another column count would misplace them.
    if (settings.contains(u"crateColumns4"_s))
        m_crateView->header()->restoreState(settings.value(u"crateColumns4"_s).toByteArray());
}

void MainWindow::saveWindowState() const
{
    QSettings settings;
    settings.beginGroup(u"MainWindow"_s);
    settings.setValue(u"geometry"_s, saveGeometry());
    settings.setValue(u"splitter"_s, m_splitter->saveState());
    settings.setValue(u"crateColumns4"_s, m_crateView->header()->saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveWindowState();
    QMainWindow::closeEvent(event);
}
