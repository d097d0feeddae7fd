// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "emptystatelistview.h"
#include "itemmodels/feedlistmodel.h"

#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStatusBar>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

MainWindow::MainWindow(FeedListModel *feeds, QWidget *parent)
    : QMainWindow(parent)
    , m_feeds(feeds)
{
    setWindowTitle(QApplication::applicationDisplayName());
    setObjectName(u"MainWindow"_s);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);

    auto *feedPane = new QWidget(splitter);
    auto *feedLayout = new QVBoxLayout(feedPane);
    feedLayout->setContentsMargins(8, 8, 0, 8);
    auto *feedHeader = new QLabel(tr("Feeds"), feedPane);
    QFont headerFont = feedHeader->font();
    headerFont.setBold(true);
    feedHeader->setFont(headerFont);
    feedLayout->addWidget(feedHeader);

    m_feedView = new EmptyStateListView(feedPane);
    m_feedView->setObjectName(u"feedView"_s);
    m_feedView->setModel(m_feeds);
    m_feedView->setEmptyText(tr("No feeds yet"), tr("Add a Cargo feed to browse its crates."));
    m_feedView->setSelectionMode(QAbstractItemView::SingleSelection);
    feedLayout->addWidget(m_feedView);

    m_welcome = new QLabel(splitter);
    m_welcome->setObjectName(u"welcome"_s);
    m_welcome->setAlignment(Qt::AlignCenter);
    m_welcome->setWordWrap(true);
    m_welcome->setTextFormat(Qt::RichText);
    m_welcome->setText(u"<h1>%1</h1><p>%2</p>"_s.arg(QApplication::applicationDisplayName().toHtmlEscaped(),
                                                    tr("Browse, publish and curate crates on your Cargo feeds.").toHtmlEscaped()));
    m_welcome->setContentsMargins(24, 24, 24, 24);

    splitter->addWidget(feedPane);
    splitter->addWidget(m_welcome);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({280, 920});
    setCentralWidget(splitter);

    createMenus();
    m_localFeedStatus = new QLabel(this);
    m_localFeedStatus->setObjectName(u"localFeedStatus"_s);
    m_localFeedStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addPermanentWidget(m_localFeedStatus);
    statusBar()->showMessage(tr("Ready"));
    resize(1200, 760);
}

MainWindow::~MainWindow() = default;

void MainWindow::showLocalFeedStatus(const QString &text)
{
    m_localFeedStatus->setText(text);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::quit);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About CrateDesk"), this, &MainWindow::showAbout);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About CrateDesk"),
                       tr("<h3>CrateDesk %1</h3><p>A desktop client for Cargo package feeds.</p>")
                           .arg(QApplication::applicationVersion()));
}
