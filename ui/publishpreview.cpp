// SPDX-License-Identifier: GPL-3.0-or-later
#include "publishpreview.h"

#include "crate/publishcandidate.h"
#include "itemmodels/dependencymodel.h"
#include "itemmodels/featuremodel.h"
#include "itemmodels/publishroles.h"
#include "publishitemdelegate.h"

#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QModelIndex>
#include <QStyle>
#include <QTabWidget>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

using State = PublishRoles::State;

namespace {

QTreeView *treeView(QAbstractItemModel *model, QWidget *parent)
{
    auto *view = new QTreeView(parent);
    view->setModel(model);
    view->setUniformRowHeights(true);
    view->setAlternatingRowColors(true);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->header()->setStretchLastSection(true);
    return view;
}

QLabel *valueLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText); // what a .crate file says of itself
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

PublishPreview::PublishPreview(const QString &feedIndexUrl, QWidget *parent)
    : QWidget(parent)
    , m_feedIndexUrl(feedIndexUrl)
    , m_title(new QLabel(this))
    , m_license(valueLabel(this))
    , m_description(valueLabel(this))
    , m_file(valueLabel(this))
    , m_findings(new QWidget(this))
    , m_tabs(new QTabWidget(this))
    , m_dependencies(new DependencyModel(this))
    , m_features(new FeatureModel(this))
{
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Single lines in the form: word-wrapped labels in a form inside a splitter get clipped.
    m_license->setWordWrap(false);
    m_file->setWordWrap(false);
    m_file->setForegroundRole(QPalette::PlaceholderText);

    auto *form = new QFormLayout;
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(tr("License:"), m_license);
    form->addRow(tr("File:"), m_file);

    auto *findingsLayout = new QVBoxLayout(m_findings);
    findingsLayout->setContentsMargins(0, 4, 0, 4);

    m_dependencyView = treeView(m_dependencies, m_tabs);
    m_featureView = treeView(m_features, m_tabs);
    m_tabs->addTab(m_dependencyView, tr("Dependencies"));
    m_tabs->addTab(m_featureView, tr("Features"));
    m_dependencyView->setAccessibleName(tr("Dependencies of the selected crate"));
    m_featureView->setAccessibleName(tr("Features of the selected crate"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_description);
    layout->addLayout(form);
    layout->addWidget(m_findings);
    layout->addWidget(m_tabs, 1);
    clear();
}

PublishPreview::~PublishPreview() = default;

void PublishPreview::clear()
{
    m_title->setText(tr("No crate selected"));
    m_license->clear();
    m_description->clear();
    m_file->clear();
    clearFindings();
    m_dependencies->clear();
    m_features->clear();
    setEnabled(false);
}

void PublishPreview::showRow(const QModelIndex &index)
{
    if (!index.isValid())
        return clear();
    setEnabled(true);
    const QModelIndex row = index.siblingAtColumn(0);
    const auto state = State(row.data(PublishRoles::StateRole).toInt());
    const auto candidate = row.data(PublishRoles::Candidate).value<PublishCandidate>();
    const QString name = candidate.name();
    m_title->setText(name.isEmpty() ? row.data(PublishRoles::Label).toString() : u"%1 %2"_s.arg(name, candidate.version()));
    const QString path = row.data(PublishRoles::Path).toString();
    m_file->setText(QFileInfo(path).fileName());
    m_file->setToolTip(path);

    const auto &meta = candidate.metadata;
    const QString license = meta ? meta->license.value_or(meta->licenseFile ? tr("see %1").arg(*meta->licenseFile) : QString()) : QString();
    m_license->setText(state == State::Checking ? tr("Checking…") : license.isEmpty() ? tr("none declared") : license);
    m_description->setText(meta ? meta->description.value_or(QString()) : QString());
    m_description->setVisible(!m_description->text().isEmpty());

    clearFindings();
    for (const QString &error : row.data(PublishRoles::Errors).toStringList())
        addFinding(int(State::Failed), error);
    for (const QString &warning : row.data(PublishRoles::Warnings).toStringList())
        addFinding(int(State::ReadyWithWarnings), warning);
    if (m_findingTexts.isEmpty() && state != State::Checking)
        addFinding(int(State::Visible), tr("Every check passed."));
    if (state == State::Checking)
        addFinding(int(State::Checking), tr("Reading the file and asking the feed…"));

    const QVariant entry = row.data(PublishRoles::PreviewEntry);
    if (entry.isValid()) {
        m_dependencies->setEntry(entry.value<IndexEntry>(), m_feedIndexUrl);
        m_features->setEntry(entry.value<IndexEntry>());
        m_dependencyView->expandAll();
        m_featureView->expandAll();
    } else {
        m_dependencies->clear();
        m_features->clear();
    }
    m_tabs->setTabText(0, tr("Dependencies (%1)").arg(meta ? meta->deps.size() : 0));
    m_tabs->setTabText(1, tr("Features (%1)").arg(meta ? meta->features.size() : 0));
}

QString PublishPreview::title() const
{
    return m_title->text();
}

QString PublishPreview::license() const
{
    return m_license->text();
}

QStringList PublishPreview::findings() const
{
    return m_findingTexts;
}

void PublishPreview::clearFindings()
{
    m_findingTexts.clear();
    const QList<QWidget *> rows = m_findings->findChildren<QWidget *>(Qt::FindDirectChildrenOnly);
    for (QWidget *row : rows)
        delete row;
}

// A row of icon and wrapped text: labels in a box layout get their height for the width.
void PublishPreview::addFinding(int state, const QString &text)
{
    auto *row = new QWidget(m_findings);
    auto *icon = new QLabel(row);
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    icon->setPixmap(PublishItemDelegate::stateIcon(state, this).pixmap(size, size));
    icon->setAlignment(Qt::AlignTop);
    auto *label = valueLabel(row);
    label->setText(text);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(icon);
    layout->addWidget(label, 1);
    m_findings->layout()->addWidget(row);
    m_findingTexts << text;
}
