// SPDX-License-Identifier: GPL-3.0-or-later
#include "compareversionsdialog.h"

#include "activityarea.h"
#include "browse/versioncomparison.h"
#include "diffhighlighter.h"
#include "itemmodels/roles.h"
#include "itemmodels/versiondifffilemodel.h"
#include "itemmodels/versiondiffmetadatamodel.h"
#include "messagebanner.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace {

QTableView *tableFor(QAbstractItemModel *model, const QString &name, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setObjectName(name);
    // Tab leaves the table, as everywhere else; arrow keys move between cells.
    view->setTabKeyNavigation(false);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->setWordWrap(false);
    view->setTextElideMode(Qt::ElideMiddle);
    // One line a row: the metadata and the file list both fit more rows than with the default.
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    return view;
}

} // namespace

CompareVersionsDialog::CompareVersionsDialog(RegistryClient *client, const QString &cacheDir, const QString &crate,
                                             const QStringList &versions, QWidget *parent)
    : QDialog(parent)
    , m_crate(crate)
    , m_comparison(new VersionComparison(cacheDir, this))
    , m_files(new VersionDiffFileModel(this))
    , m_metadata(new VersionDiffMetadataModel(this))
    , m_client(client)
{
    setWindowTitle(tr("Compare Versions of %1").arg(crate));
    m_error = new MessageBanner(this);
    m_error->setObjectName(u"compareError"_s);
    m_error->hide();
    m_from = new QComboBox(this);
    m_from->setObjectName(u"fromVersion"_s);
    m_from->setAccessibleName(tr("Older version"));
    m_to = new QComboBox(this);
    m_to->setObjectName(u"toVersion"_s);
    m_to->setAccessibleName(tr("Newer version"));
    m_from->addItems(versions);
    m_to->addItems(versions);
    auto *pickers = new QHBoxLayout;
    auto *fromLabel = new QLabel(tr("&Compare"), this);
    fromLabel->setBuddy(m_from);
    auto *toLabel = new QLabel(tr("&with"), this);
    toLabel->setBuddy(m_to);
    pickers->addWidget(fromLabel);
    pickers->addWidget(m_from);
    pickers->addWidget(toLabel);
    pickers->addWidget(m_to);
    pickers->addStretch(1);

    m_state = new QLabel(this);
    m_state->setObjectName(u"compareState"_s);
    m_state->setTextFormat(Qt::PlainText);
    m_state->setWordWrap(true);

    m_metadataView = tableFor(m_metadata, u"metadataChanges"_s, this);
    m_metadataView->setAccessibleName(tr("Changes a dependent sees"));
    m_fileView = tableFor(m_files, u"fileChanges"_s, this);
    m_fileView->setAccessibleName(tr("Files that changed"));
    m_diff = new QPlainTextEdit(this);
    m_diff->setObjectName(u"fileDiff"_s);
    m_diff->setReadOnly(true);
    // A caret, so that focus shows and lines can be selected from the keyboard.
    m_diff->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_diff->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_diff->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_diff->setPlaceholderText(tr("Pick a file to see what changed in it."));
    m_diff->setAccessibleName(tr("Differences in the file"));
    m_highlighter = new DiffHighlighter(m_diff->document(), m_diff);

    auto *lower = new QSplitter(Qt::Horizontal, this);
    lower->addWidget(m_fileView);
    lower->addWidget(m_diff);
    lower->setStretchFactor(0, 2);
    lower->setStretchFactor(1, 3);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(u"compareSplitter"_s);
    split->addWidget(m_metadataView);
    split->addWidget(lower);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    split->setSizes({240, 360});

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_error);
    layout->addLayout(pickers);
    layout->addWidget(m_state);
    layout->addWidget(split, 1);
    layout->addWidget(buttons);
    resize(980, 640);

    connect(m_comparison, &VersionComparison::finished, this, &CompareVersionsDialog::showResult);
    connect(m_comparison, &VersionComparison::failed, this, &CompareVersionsDialog::showFailure);
    connect(m_comparison, &VersionComparison::fileDiffRead, this, &CompareVersionsDialog::showFileDiff);
    connect(m_comparison, &VersionComparison::cancelled, this, &CompareVersionsDialog::showCancelled);
    connect(m_comparison, &VersionComparison::started, this, &CompareVersionsDialog::openActivityRow);
    for (const auto ended : {&VersionComparison::finished, &VersionComparison::cancelled})
        connect(m_comparison, ended, this, &CompareVersionsDialog::closeActivityRow);
    connect(m_comparison, &VersionComparison::failed, this, &CompareVersionsDialog::closeActivityRow);
    connect(m_comparison, &VersionComparison::progress, this, [this](qint64 done, qint64 total) {
        if (total > 0)
            m_state->setText(tr("Downloading %1 and %2: %3%").arg(m_from->currentText(), m_to->currentText()).arg(done * 100 / total));
        if (m_activity && m_activityRow)
            m_activity->setProgress(m_activityRow, done, total);
    });
    connect(m_fileView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &CompareVersionsDialog::fileSelected);
    // The older of the two newest against the newest, as "what changed in the last release".
    m_to->setCurrentIndex(0);
    m_from->setCurrentIndex(versions.size() > 1 ? 1 : 0);
    connect(m_from, &QComboBox::currentIndexChanged, this, &CompareVersionsDialog::compareChosen);
    connect(m_to, &QComboBox::currentIndexChanged, this, &CompareVersionsDialog::compareChosen);
    compareChosen();
}

CompareVersionsDialog::~CompareVersionsDialog()
{
    closeActivityRow();
    m_comparison->disconnect(this); // it outlives this part of the dialog by a moment
}

void CompareVersionsDialog::reportActivityTo(ActivityArea *area)
{
    m_activity = area;
    if (m_comparison->isRunning())
        openActivityRow(m_from->currentText(), m_to->currentText());
}

void CompareVersionsDialog::openActivityRow(const QString &from, const QString &to)
{
    closeActivityRow();
    if (m_activity)
        m_activityRow = m_activity->addActivity(tr("Comparing %1 %2 with %3").arg(m_crate, from, to), [this] { m_comparison->cancel(); });
}

void CompareVersionsDialog::closeActivityRow()
{
    // A failure is the dialog's to show, in its banner; the row only goes away.
    if (m_activity && m_activityRow)
        m_activity->finish(m_activityRow);
    m_activityRow = 0;
}

QString CompareVersionsDialog::stateText() const
{
    return m_state->text();
}

QString CompareVersionsDialog::diffText() const
{
    return m_diff->toPlainText().isEmpty() ? m_diff->placeholderText() : m_diff->toPlainText();
}

QString CompareVersionsDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void CompareVersionsDialog::compare(const QString &from, const QString &to)
{
    const QSignalBlocker blockFrom(m_from);
    const QSignalBlocker blockTo(m_to);
    m_from->setCurrentIndex(m_from->findText(from));
    m_to->setCurrentIndex(m_to->findText(to));
    m_error->hide();
    m_files->setFiles({});
    m_metadata->setDiff({});
    m_diff->clear();
    m_state->setText(tr("Comparing %1 with %2…").arg(from, to));
    m_comparison->start(m_client, m_crate, from, to);
}

void CompareVersionsDialog::compareChosen()
{
    compare(m_from->currentText(), m_to->currentText());
}

void CompareVersionsDialog::showResult()
{
    const CrateVersionDiff &diff = m_comparison->result();
    m_metadata->setDiff(diff);
    m_files->setFiles(diff.files);
    m_metadataView->resizeColumnsToContents();
    m_fileView->resizeColumnsToContents();
    if (diff.oldVersion == diff.newVersion)
        m_state->setText(tr("%1 and %2 are the same version.").arg(diff.oldVersion, diff.newVersion));
    else if (diff.isEmpty())
        m_state->setText(tr("%1 and %2 hold the same files and metadata.").arg(diff.oldVersion, diff.newVersion));
    else
        m_state->setText(tr("From %1 to %2: %n file(s) differ, %3 unchanged.", nullptr, int(diff.files.size()))
                             .arg(diff.oldVersion, diff.newVersion)
                             .arg(diff.unchangedFiles)
                         + u' ' + tr("%n change(s) a dependent sees.", nullptr, m_metadata->rowCount()));
    if (!diff.files.isEmpty())
        m_fileView->setCurrentIndex(m_files->index(0, 0));
    Q_EMIT settled();
}

void CompareVersionsDialog::showFailure(const RegistryError &error)
{
    m_state->setText(tr("Nothing to compare."));
    m_error->showMessage(MessageBanner::Kind::Error, tr("%1 and %2 could not be compared: %3")
                                                         .arg(m_from->currentText(), m_to->currentText(), error.message));
    Q_EMIT settled();
}

void CompareVersionsDialog::showCancelled()
{
    m_state->setText(tr("The comparison was cancelled. Pick two versions to compare again."));
    Q_EMIT settled();
}

void CompareVersionsDialog::fileSelected()
{
    const QModelIndex current = m_fileView->currentIndex();
    if (current.isValid())
        showFile(current.data(Roles::DiffFilePath).toString());
}

void CompareVersionsDialog::showFile(const QString &path)
{
    m_diff->clear();
    m_diff->setPlaceholderText(tr("Reading %1…").arg(path));
    m_comparison->readFileDiff(path);
}

void CompareVersionsDialog::showFileDiff(const CrateComparison::FileDiff &diff)
{
    using Outcome = CrateComparison::FileDiff::Outcome;
    m_diff->clear();
    switch (diff.outcome) {
    case Outcome::Text:
        // Plain text, never rich text: the bytes come from the crate.
        m_diff->setPlainText(diff.truncated ? diff.unified + tr("… the rest of the diff is left out.") : diff.unified);
        break;
    case Outcome::Binary:
    case Outcome::TooLarge:
        m_diff->setPlaceholderText(tr("%1 is binary or too large to compare.").arg(diff.path));
        break;
    case Outcome::Missing:
        m_diff->setPlaceholderText(tr("%1 is in neither version.").arg(diff.path));
        break;
    }
    Q_EMIT fileShown(diff.path);
}

void CompareVersionsDialog::changeEvent(QEvent *event)
{
    QDialog::changeEvent(event);
    // Queued: the text view below gets the new palette after this dialog does.
    if (event->type() == QEvent::PaletteChange)
        QMetaObject::invokeMethod(m_highlighter, &QSyntaxHighlighter::rehighlight, Qt::QueuedConnection);
}
