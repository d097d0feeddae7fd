// SPDX-License-Identifier: GPL-3.0-or-later
#include "publishpanel.h"

#include "cratedropfilter.h"
#include "itemmodels/publishqueuemodel.h"
#include "messagebanner.h"
#include "publishitemdelegate.h"
#include "publishpreview.h"
#include "publish/publishqueue.h"
#include "publish/publishsession.h"
#include "registry/registryclient.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

PublishPanel::PublishPanel(RegistryClient *client, QWidget *parent)
    : QDialog(parent)
    , m_session(new PublishSession(client, this))
    , m_model(new PublishQueueModel(m_session, this))
    , m_drop(new CrateDropFilter(this))
    , m_delegate(new PublishItemDelegate(this))
    , m_banner(new MessageBanner(this))
    , m_routeLabel(new QLabel(tr("Upload through:"), this))
    , m_route(new QComboBox(this))
    , m_stack(new QStackedWidget(this))
    , m_view(new QTreeView(this))
    , m_preview(new PublishPreview(m_session->feedIndexUrl(), this))
    , m_summary(new QLabel(this))
    , m_addFiles(new QPushButton(QIcon::fromTheme(u"list-add"_s), tr("Add Files…"), this))
    , m_remove(new QPushButton(QIcon::fromTheme(u"list-remove"_s), tr("Remove"), this))
    , m_publish(new QPushButton(QIcon::fromTheme(u"cloud-upload"_s, QIcon::fromTheme(u"go-up"_s)), tr("Publish"), this))
    , m_cancel(new QPushButton(QIcon::fromTheme(u"process-stop"_s), tr("Cancel All"), this))
    , m_close(new QPushButton(QIcon::fromTheme(u"window-close"_s), tr("Close"), this))
{
    setWindowTitle(tr("Publish to %1").arg(m_session->feedName()));
    setModal(false);
    setSizeGripEnabled(true);
    m_banner->hide();

    m_route->addItem(tr("Cargo registry API, as cargo publish"), int(CratePublisher::Route::CargoApi));
    m_route->addItem(tr("ProGet package upload"), int(CratePublisher::Route::ProGetUpload));
    m_route->setToolTip(tr("ProGet accepts crates both ways; its own upload keeps ProGet's package metadata."));
    auto *routeRow = new QHBoxLayout;
    routeRow->addWidget(m_routeLabel);
    routeRow->addWidget(m_route);
    routeRow->addStretch(1);

    m_view->setModel(m_model);
    m_view->setAccessibleName(tr("Crates to publish"));
    m_view->setItemDelegate(m_delegate);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(PublishQueueModel::CrateColumn, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(PublishQueueModel::StatusColumn, QHeaderView::Interactive);
    m_view->header()->setSectionResizeMode(PublishQueueModel::ActionColumn, QHeaderView::Fixed);
    m_view->header()->resizeSection(PublishQueueModel::StatusColumn, fontMetrics().horizontalAdvance(u"Uploaded, not yet visible in the index"_s) + 24);
    m_view->header()->resizeSection(PublishQueueModel::ActionColumn, fontMetrics().horizontalAdvance(u"Cancel"_s) + 48);
    auto *removeAction = new QAction(tr("Remove"), m_view);
    removeAction->setShortcut(QKeySequence::Delete);
    removeAction->setShortcutContext(Qt::WidgetShortcut);
    connect(removeAction, &QAction::triggered, this, &PublishPanel::removeSelected);
    m_view->addAction(removeAction);

    auto *hint = new QLabel(tr("<p style='font-size:large'>Drop .crate files here</p><p>or use <b>Add Files…</b> to choose them.</p>"
                               "<p>Each file is checked before anything is sent: name, version, license, size, and whether "
                               "the feed already has that version.</p>"), m_stack);
    hint->setAlignment(Qt::AlignCenter);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    auto *splitter = new QSplitter(Qt::Horizontal, m_stack);
    splitter->addWidget(m_view);
    splitter->addWidget(m_preview);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);
    m_stack->addWidget(hint);
    m_stack->addWidget(splitter);

    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_publish->setDefault(true);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_addFiles);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    buttons->addWidget(m_publish);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_close);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(routeRow);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_summary);
    layout->addLayout(buttons);

    m_drop->watch(this);
    connect(m_drop, &CrateDropFilter::cratesDropped, this, &PublishPanel::addFiles);
    connect(m_drop, &CrateDropFilter::filesRejected, this, &PublishPanel::showRejected);
    connect(m_addFiles, &QPushButton::clicked, this, &PublishPanel::showAddFilesDialog);
    connect(m_remove, &QPushButton::clicked, this, &PublishPanel::removeSelected);
    connect(m_publish, &QPushButton::clicked, this, &PublishPanel::publish);
    connect(m_cancel, &QPushButton::clicked, this, &PublishPanel::cancelAll);
    connect(m_close, &QPushButton::clicked, this, &PublishPanel::close);
    connect(m_delegate, &PublishItemDelegate::actionClicked, this, &PublishPanel::runItemAction);
    connect(m_view, &QWidget::customContextMenuRequested, this, &PublishPanel::showContextMenu);
    connect(m_model, &PublishQueueModel::statesChanged, this, &PublishPanel::updateState);
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &from, const QModelIndex &to) {
        const int current = m_view->currentIndex().row();
        if (current >= from.row() && current <= to.row())
            updatePreview();
    });
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &PublishPanel::updatePreview);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &PublishPanel::updatePreview);
    connect(m_session, &PublishSession::feedLost, this, &PublishPanel::showFeedLost);
    connect(m_session->queue(), &PublishQueue::finished, this, [this] {
        if (m_banner->text() == busyNotice())
            m_banner->hide(); // no longer true
        updateState();
        Q_EMIT batchFinished();
    });

    resize(980, 580);
    updateState();
}

PublishPanel::~PublishPanel() = default;

PublishQueue *PublishPanel::queue() const
{
    return m_session->queue();
}

bool PublishPanel::isPublishing() const
{
    return m_session->isRunning();
}

void PublishPanel::showFeedLost(const QString &reason)
{
    m_banner->showMessage(MessageBanner::Kind::Error, tr("Nothing more can be published from this window: %1.").arg(reason));
    // The owner opens a new panel for the feed as it is now; this one goes once closed.
    setAttribute(Qt::WA_DeleteOnClose);
    updateState();
}

QString PublishPanel::busyNotice()
{
    return tr("Crates can be added once the running batch has finished (or after Cancel All).");
}

QString PublishPanel::summaryText() const
{
    return m_summary->text();
}

CratePublisher::Route PublishPanel::route() const
{
    if (!m_session->isProGet())
        return CratePublisher::Route::CargoApi;
    return CratePublisher::Route(m_route->currentData().toInt());
}

void PublishPanel::addFiles(const QStringList &paths)
{
    if (!m_session->lostReason().isEmpty())
        return; // the banner says why
    if (isPublishing()) {
        m_banner->showMessage(MessageBanner::Kind::Warning, busyNotice());
        return;
    }
    const int firstNew = m_model->rowCount();
    QStringList duplicates = m_session->addFiles(paths);
    for (QString &path : duplicates)
        path = QFileInfo(path).fileName();
    if (!duplicates.isEmpty())
        m_banner->showMessage(MessageBanner::Kind::Information, tr("Already in the list: %1.").arg(duplicates.join(u", "_s)));
    if (!m_view->currentIndex().isValid() && m_model->rowCount() > firstNew)
        m_view->setCurrentIndex(m_model->index(firstNew, 0));
    updateState();
}

void PublishPanel::showAddFilesDialog()
{
    auto *dialog = new QFileDialog(this, tr("Add Crates to Publish"), QDir::homePath(), tr("Crate files (*.crate)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFiles);
    connect(dialog, &QFileDialog::filesSelected, this, &PublishPanel::addFiles);
    dialog->open();
}

void PublishPanel::publish()
{
    m_session->setRoute(route());
    if (!m_session->start())
        return;
    m_banner->hide();
    m_batchRan = true;
    updateState();
}

void PublishPanel::cancelAll()
{
    m_session->cancel();
}

void PublishPanel::cancelItem(int row)
{
    const int queueRow = m_model->queueRow(row);
    if (queueRow >= 0)
        m_session->cancelItem(queueRow);
}

void PublishPanel::retryItem(int row)
{
    const int queueRow = m_model->queueRow(row);
    if (queueRow >= 0 && m_model->index(row, 0).data(PublishRoles::CanRetry).toBool()) {
        m_session->retry(queueRow);
        updateState();
    }
}

void PublishPanel::removeSelected()
{
    const QModelIndex current = m_view->currentIndex();
    if (current.isValid() && !isPublishing())
        m_model->removeEntry(current.row());
}

void PublishPanel::showRejected(const QStringList &messages)
{
    m_banner->showMessage(MessageBanner::Kind::Warning, messages.join(u'\n'));
}

void PublishPanel::runItemAction(const QModelIndex &index)
{
    if (index.data(PublishRoles::CanCancel).toBool())
        cancelItem(index.row());
    else if (index.data(PublishRoles::CanRetry).toBool())
        retryItem(index.row());
}

void PublishPanel::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_view->indexAt(pos).siblingAtColumn(0);
    if (!index.isValid())
        return;
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    const int row = index.row();
    menu->addAction(QIcon::fromTheme(u"process-stop"_s), tr("Cancel"), this, [this, row] { cancelItem(row); })
        ->setEnabled(index.data(PublishRoles::CanCancel).toBool());
    menu->addAction(QIcon::fromTheme(u"view-refresh"_s), tr("Retry"), this, [this, row] { retryItem(row); })
        ->setEnabled(index.data(PublishRoles::CanRetry).toBool());
    menu->addAction(QIcon::fromTheme(u"list-remove"_s), tr("Remove from the List"), this, [this, row] {
        if (!isPublishing())
            m_model->removeEntry(row);
    })->setEnabled(!isPublishing());
    menu->popup(m_view->viewport()->mapToGlobal(pos));
}

void PublishPanel::updatePreview()
{
    m_preview->showRow(m_view->currentIndex());
    m_remove->setEnabled(!isPublishing() && m_view->currentIndex().isValid());
}

void PublishPanel::updateRouteChooser()
{
    // ProGet says who it is in its response headers, so the choice appears after the first answer.
    const bool proGet = m_session->isProGet();
    m_routeLabel->setVisible(proGet);
    m_route->setVisible(proGet);
    m_route->setEnabled(!isPublishing());
}

void PublishPanel::updateState()
{
    const bool running = isPublishing();
    const int checking = m_session->checkingCount();
    const int publishable = int(m_session->publishable().size());
    const bool lost = !m_session->lostReason().isEmpty();
    m_publish->setEnabled(!running && !lost && checking == 0 && publishable > 0);
    m_publish->setText(publishable > 1 ? tr("Publish %1 Crates").arg(publishable) : tr("Publish"));
    m_cancel->setEnabled(running);
    m_addFiles->setEnabled(m_session->canAddFiles());
    m_remove->setEnabled(!running && m_view->currentIndex().isValid());
    m_stack->setCurrentIndex(m_model->rowCount() > 0 ? 1 : 0);
    updateRouteChooser();

    const QString summary = m_model->summary();
    if (m_model->rowCount() == 0)
        m_summary->setText(tr("Nothing to publish yet."));
    else if (running)
        m_summary->setText(tr("Publishing: %1.").arg(summary));
    else if (m_batchRan && checking == 0 && publishable == 0)
        m_summary->setText(tr("Finished: %1.").arg(summary));
    else if (checking == 0 && publishable == 0)
        m_summary->setText(tr("%1. Nothing can be published; see the messages.").arg(summary));
    else
        m_summary->setText(summary + u'.');
}
