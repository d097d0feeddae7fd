// SPDX-License-Identifier: GPL-3.0-or-later
#include "cratedetailsview.h"

#include "accessiblenames.h"
#include "browse/cratebrowser.h"
#include "crateoverviewview.h"
#include "itemmodels/cratefiletreemodel.h"
#include "itemmodels/dependencymodel.h"
#include "itemmodels/featuremodel.h"
#include "itemmodels/reversedependencymodel.h"
#include "itemmodels/roles.h"
#include "itemmodels/versionlistmodel.h"
#include "readmeview.h"
#include "stateitemdelegate.h"

#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QStringDecoder>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

QTreeView *makeTree(QAbstractItemModel *model, QWidget *parent, const QString &name, bool flat)
{
    auto *view = new QTreeView(parent);
    view->setObjectName(name);
    view->setModel(model);
    view->setRootIsDecorated(!flat);
    view->setUniformRowHeights(true);
    view->setAlternatingRowColors(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->header()->setStretchLastSection(true);
    view->header()->setSectionResizeMode(QHeaderView::Interactive);
    return view;
}

} // namespace

void CrateDetailsView::nameViewsAfterTheirTabs()
{
    // A tab's title says what its page shows; the view on it is what a screen reader lands on.
    const auto tabTitle = [this](QWidget *page) { return AccessibleNames::spoken(m_tabs->tabText(m_tabs->indexOf(page))); };
    m_versions->setAccessibleName(tabTitle(m_versions));
    m_dependencies->setAccessibleName(tabTitle(m_dependencies));
    m_features->setAccessibleName(tabTitle(m_features));
    m_readme->setAccessibleName(tabTitle(m_readme));
    m_licenseText->setAccessibleName(tr("License text"));
    m_files->setAccessibleName(tr("Files of the crate"));
    m_fileContent->setAccessibleName(tr("Content of the selected file"));
    m_usedBy->setAccessibleName(tr("Crates that depend on this one"));
}

CrateDetailsView::CrateDetailsView(CrateBrowser *browser, QWidget *parent)
    : QWidget(parent)
    , m_browser(browser)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_title = new QLabel(this);
    m_title->setObjectName(u"crateTitle"_s);
    m_title->setTextFormat(Qt::PlainText); // names and facts come from the feed
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_subtitle = new QLabel(this);
    m_subtitle->setObjectName(u"crateSubtitle"_s);
    m_subtitle->setTextFormat(Qt::PlainText);
    m_subtitle->setWordWrap(true);
    m_subtitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_title);
    layout->addWidget(m_subtitle);
    m_overview = new CrateOverviewView(browser, this);
    m_overview->setObjectName(u"crateOverview"_s);
    layout->addWidget(m_overview);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"crateTabs"_s);
    m_tabs->setDocumentMode(true);
    layout->addWidget(m_tabs, 1);

    m_versions = makeTree(browser->versions(), m_tabs, u"versionView"_s, true);
    m_versions->header()->setSectionResizeMode(VersionListModel::ChecksumColumn, QHeaderView::Stretch);
    m_versions->setItemDelegate(new StateItemDelegate(Roles::VersionYanked, 0, m_versions));
    m_tabs->addTab(m_versions, tr("&Versions"));

    m_dependencies = makeTree(browser->dependencies(), m_tabs, u"dependencyView"_s, false);
    m_tabs->addTab(m_dependencies, tr("&Dependencies"));

    m_features = makeTree(browser->features(), m_tabs, u"featureView"_s, false);
    m_tabs->addTab(m_features, tr("F&eatures"));

    auto *licensePage = new QWidget(m_tabs);
    auto *licenseLayout = new QVBoxLayout(licensePage);
    m_licenseExpression = new QLabel(licensePage);
    m_licenseExpression->setObjectName(u"licenseExpression"_s);
    m_licenseExpression->setTextFormat(Qt::PlainText);
    m_licenseExpression->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_licenseText = new QTextBrowser(licensePage);
    m_licenseText->setObjectName(u"licenseText"_s);
    m_licenseText->setTextInteractionFlags(m_licenseText->textInteractionFlags() | Qt::TextSelectableByKeyboard);
    m_licenseText->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    licenseLayout->addWidget(m_licenseExpression);
    licenseLayout->addWidget(m_licenseText, 1);
    m_tabs->addTab(licensePage, tr("&License"));

    m_readme = new ReadmeView(m_tabs);
    m_readme->setObjectName(u"readmeView"_s);
    m_tabs->addTab(m_readme, tr("&Readme"));
    connect(m_readme, &ReadmeView::imageWanted, browser, &CrateBrowser::loadReadmeImage);
    connect(browser, &CrateBrowser::readmeImageLoaded, m_readme, &ReadmeView::addImage);

    auto *filesPage = new QSplitter(Qt::Horizontal, m_tabs);
    m_files = makeTree(browser->files(), filesPage, u"fileView"_s, false);
    m_fileContent = new QPlainTextEdit(filesPage);
    m_fileContent->setObjectName(u"fileContent"_s);
    m_fileContent->setReadOnly(true);
    // A caret, so that focus shows and lines can be selected from the keyboard.
    m_fileContent->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_fileContent->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_fileContent->setPlaceholderText(tr("Select a file to view it."));
    filesPage->addWidget(m_files);
    filesPage->addWidget(m_fileContent);
    filesPage->setSizes({300, 500});
    m_tabs->addTab(filesPage, tr("F&iles"));

    // Asked of the feed only when the tab is opened: one more request per crate otherwise.
    auto *usedByPage = new QWidget(m_tabs);
    m_usedByState = new QLabel(usedByPage);
    m_usedByState->setObjectName(u"usedByState"_s);
    m_usedByState->setTextFormat(Qt::PlainText);
    m_usedByState->setWordWrap(true);
    m_usedBy = makeTree(browser->usedBy(), usedByPage, u"usedByView"_s, true);
    auto *usedByLayout = new QVBoxLayout(usedByPage);
    usedByLayout->setContentsMargins(0, 4, 0, 0);
    usedByLayout->addWidget(m_usedByState);
    usedByLayout->addWidget(m_usedBy, 1);
    m_usedByTab = m_tabs->addTab(usedByPage, tr("&Used By"));
    nameViewsAfterTheirTabs();
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int tab) {
        if (tab != m_usedByTab)
            return;
        m_usedByState->setText(tr("Asking the feed what depends on %1…").arg(m_browser->crateName()));
        m_browser->loadUsedBy();
    });
    connect(m_browser, &CrateBrowser::crateOpened, this, [this] {
        if (m_tabs->currentIndex() == m_usedByTab)
            m_browser->loadUsedBy();
    });
    connect(m_browser, &CrateBrowser::usedByLoaded, this, [this](const QString &crate, const QString &error) {
        const int count = m_browser->usedBy()->rowCount();
        if (!error.isEmpty())
            m_usedByState->setText(tr("The feed does not say what depends on %1: %2").arg(crate, error));
        else if (m_browser->usedByIsPartial() && count == 0)
            m_usedByState->setText(tr("The feed cannot say what depends on %1, and none of its index files this app has read so far "
                                      "names it. Crates never opened or resolved here are not counted.").arg(crate));
        else if (m_browser->usedByIsPartial())
            m_usedByState->setText(tr("Partial: %n crate(s) among the index files this app has read from the feed depend on %1. "
                                      "The feed cannot say what depends on a crate, so crates never opened or resolved here are missing.",
                                      nullptr, count).arg(crate));
        else if (count == 0)
            m_usedByState->setText(tr("No crate of this feed depends on %1.").arg(crate));
        else
            m_usedByState->setText(tr("%n crate(s) of this feed depend on %1, each with its newest version that does.", nullptr, count).arg(crate));
        m_usedBy->resizeColumnToContents(ReverseDependencyModel::CrateColumn);
    });
    connect(m_usedBy, &QTreeView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT crateRequested(index.data(Roles::ReverseDependencyCrate).toString());
    });

    connect(m_versions->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        if (current.isValid() && current.row() != m_browser->selectedVersionRow())
            m_browser->selectVersion(current.row());
    });
    connect(m_files, &QTreeView::activated, this, &CrateDetailsView::openFile);
    connect(m_files->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &CrateDetailsView::openFile);
    connect(browser, &CrateBrowser::versionSelected, this, &CrateDetailsView::showEntry);
    connect(browser, &CrateBrowser::fileRead, this, &CrateDetailsView::showFile);
    connect(browser, &CrateBrowser::contentsKnown, this, &CrateDetailsView::showContents);
    connect(browser, &CrateBrowser::licenseKnown, this, &CrateDetailsView::showLicense);
    connect(browser, &CrateBrowser::staleChanged, this, &CrateDetailsView::updateHeader);
    connect(browser, &CrateBrowser::cleared, this, [this] {
        m_license.clear();
        m_licenseExpression->clear();
        m_licenseText->clear();
        m_readme->showMessage({});
        m_fileContent->clear();
        updateHeader();
    });
    connect(browser->dependencies(), &QAbstractItemModel::modelReset, m_dependencies, &QTreeView::expandAll);
    connect(browser->features(), &QAbstractItemModel::modelReset, m_features, &QTreeView::expandAll);
    connect(browser->versions(), &QAbstractItemModel::modelReset, this, [this] {
        for (int column = 0; column < VersionListModel::ChecksumColumn; ++column)
            m_versions->resizeColumnToContents(column);
    });
    updateHeader();
}

CrateDetailsView::~CrateDetailsView() = default;

QTextBrowser *CrateDetailsView::readmeView() const
{
    return m_readme;
}

QString CrateDetailsView::headerText() const
{
    return m_title->text() + u'\n' + m_subtitle->text();
}

void CrateDetailsView::showEntry(const IndexEntry &entry)
{
    const QModelIndex row = m_browser->versions()->index(m_browser->selectedVersionRow(), 0);
    if (row.isValid() && m_versions->currentIndex().row() != row.row())
        m_versions->setCurrentIndex(row);
    m_license.clear();
    m_licenseExpression->setText(tr("License: looking it up…"));
    m_licenseText->clear();
    m_readme->showMessage(tr("Reading the readme of %1 %2…").arg(entry.name, entry.vers));
    m_fileContent->clear();
    for (int column = 0; column < DependencyModel::ColumnCount; ++column)
        m_dependencies->resizeColumnToContents(column);
    updateHeader();
}

void CrateDetailsView::showLicense(const QString &license)
{
    m_license = license;
    m_licenseExpression->setText(license.isEmpty() ? tr("The crate declares no license.") : tr("License (SPDX): %1").arg(license));
    updateHeader();
}

void CrateDetailsView::showContents(const CrateContents &contents)
{
    if (!contents.error.isEmpty()) {
        m_readme->showMessage(tr("The .crate could not be read: %1").arg(contents.error), false);
        return;
    }
    if (contents.readme.isEmpty()) {
        m_readme->showMessage(tr("%1 has no readme.").arg(contents.crate));
    } else {
        const bool markdown = contents.readmeFile.endsWith(u".md"_s, Qt::CaseInsensitive)
            || contents.readmeFile.endsWith(u".markdown"_s, Qt::CaseInsensitive);
        // Pictures come from the web only while the feed answers: offline, their alt text.
        m_readme->setReadme(
            contents.readme, markdown, contents.readmeFile, m_browser->overview().repository, !m_browser->isStale());
    }
    if (!contents.licenseText.isEmpty())
        m_licenseText->setPlainText(contents.licenseFile + u"\n\n"_s + contents.licenseText);
    else
        m_licenseText->setPlainText(contents.licenseFile.isEmpty() ? tr("The package holds no license file.")
                                                                   : tr("%1 is not text.").arg(contents.licenseFile));
    m_files->expandToDepth(0);
    m_files->resizeColumnToContents(CrateFileTreeModel::NameColumn);
}

void CrateDetailsView::openFile(const QModelIndex &index)
{
    if (!index.isValid() || index.model()->hasChildren(index.siblingAtColumn(0)))
        return;
    const QString path = index.siblingAtColumn(0).data(Roles::FilePath).toString();
    m_fileSize = index.siblingAtColumn(CrateFileTreeModel::SizeColumn).data().toString();
    m_fileContent->setPlainText(tr("Reading %1…").arg(path));
    m_browser->readFile(path, 1 << 20); // on a worker thread: a file deep in a large crate takes a moment
}

void CrateDetailsView::showFile(const QString &path, const std::optional<QByteArray> &bytes)
{
    if (!bytes)
        return m_fileContent->setPlainText(tr("%1 cannot be read.").arg(path));
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = utf8.decode(*bytes);
    if (utf8.hasError() || bytes->contains('\0'))
        return m_fileContent->setPlainText(tr("%1 is a binary file (%2 bytes).").arg(path, m_fileSize));
    m_fileContent->setPlainText(text);
}

void CrateDetailsView::updateHeader()
{
    const auto entry = m_browser->selectedEntry();
    if (!entry) {
        m_title->setText(tr("No crate selected"));
        m_subtitle->setText(tr("Choose a crate from the list, or drop .crate files here to publish them."));
        return;
    }
    m_title->setText(u"%1 %2"_s.arg(entry->name, entry->vers));
    QStringList facts;
    if (entry->yanked)
        facts << tr("yanked");
    if (!m_license.isEmpty())
        facts << m_license;
    if (entry->rustVersion)
        facts << tr("Rust %1 or newer").arg(*entry->rustVersion);
    facts << tr("%n version(s)", nullptr, m_browser->versions()->rowCount());
    if (m_browser->isStale())
        facts << tr("offline: from the cache");
    m_subtitle->setText(facts.join(u" · "_s));
}
