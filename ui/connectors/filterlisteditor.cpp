// SPDX-License-Identifier: GPL-3.0-or-later
#include "filterlisteditor.h"

#include "curation/cratefilter.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

FilterListEditor::FilterListEditor(QWidget *parent)
    : QWidget(parent)
    , m_list(new QListWidget(this))
    , m_pattern(new QLineEdit(this))
    , m_allow(new QPushButton(tr("Allow"), this))
    , m_block(new QPushButton(tr("Block"), this))
    , m_remove(new QPushButton(tr("Remove"), this))
    , m_error(new QLabel(this))
    , m_notice(new QLabel(this))
{
    auto *explanation = new QLabel(tr("Crate name patterns with <b>*</b> and <b>?</b>. Blocked patterns (shown with "
                                      "<b>!</b>) always win; once any allow pattern exists, only matching crates are served."),
                                   this);
    explanation->setWordWrap(true);
    m_pattern->setPlaceholderText(tr("serde*, tokio-?, left-pad"));
    m_pattern->setClearButtonEnabled(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: palette(highlight)"_s);
    m_error->hide();
    m_notice->setTextFormat(Qt::PlainText);
    m_notice->setWordWrap(true);
    m_notice->hide();
    m_remove->setEnabled(false);
    m_list->setAlternatingRowColors(true);

    auto *entry = new QHBoxLayout;
    entry->addWidget(m_pattern, 1);
    entry->addWidget(m_allow);
    entry->addWidget(m_block);
    auto *listRow = new QHBoxLayout;
    listRow->addWidget(m_list, 1);
    auto *side = new QVBoxLayout;
    side->addWidget(m_remove);
    side->addStretch();
    listRow->addLayout(side);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(explanation);
    layout->addLayout(entry);
    layout->addWidget(m_error);
    layout->addLayout(listRow, 1);
    layout->addWidget(m_notice);

    connect(m_allow, &QPushButton::clicked, this, [this] { addPattern(false); });
    connect(m_block, &QPushButton::clicked, this, [this] { addPattern(true); });
    connect(m_pattern, &QLineEdit::returnPressed, this, [this] { addPattern(false); });
    connect(m_pattern, &QLineEdit::textChanged, this, &FilterListEditor::updateButtons);
    connect(m_list, &QListWidget::itemSelectionChanged, this, &FilterListEditor::updateButtons);
    connect(m_remove, &QPushButton::clicked, this, [this] {
        qDeleteAll(m_list->selectedItems());
        updateButtons();
        Q_EMIT filtersChanged();
    });
    updateButtons();
}

FilterListEditor::~FilterListEditor() = default;

QStringList FilterListEditor::filters() const
{
    QStringList list;
    for (int row = 0; row < m_list->count(); ++row)
        list << m_list->item(row)->data(Qt::UserRole).toString();
    return list;
}

void FilterListEditor::setFilters(const QStringList &filters)
{
    m_list->clear();
    for (const QString &filter : filters) {
        const bool block = filter.startsWith(u'!');
        auto *item = new QListWidgetItem(block ? tr("Block  %1").arg(filter.mid(1)) : tr("Allow  %1").arg(filter), m_list);
        item->setData(Qt::UserRole, filter);
        item->setIcon(QIcon::fromTheme(block ? u"dialog-cancel"_s : u"dialog-ok-apply"_s));
    }
    updateButtons();
}

void FilterListEditor::setNotice(const QString &text)
{
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
}

void FilterListEditor::addPattern(bool block)
{
    QString pattern = m_pattern->text().trimmed();
    if (pattern.isEmpty())
        return;
    if (block && !pattern.startsWith(u'!'))
        pattern.prepend(u'!');
    const QString error = CrateFilter::patternError(pattern);
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
    if (!error.isEmpty() || filters().contains(pattern))
        return;
    setFilters(filters() << pattern);
    m_pattern->clear();
    Q_EMIT filtersChanged();
}

void FilterListEditor::updateButtons()
{
    const bool hasText = !m_pattern->text().trimmed().isEmpty();
    m_allow->setEnabled(hasText);
    m_block->setEnabled(hasText);
    m_remove->setEnabled(!m_list->selectedItems().isEmpty());
}
