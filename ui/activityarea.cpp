// SPDX-License-Identifier: GPL-3.0-or-later
#include "activityarea.h"

#include "registry/registryclient.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPointer>
#include <QProgressBar>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

ActivityArea::ActivityArea(QWidget *parent)
    : QWidget(parent)
    , m_layout(new QVBoxLayout(this))
    , m_more(new QLabel(this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(2);
    m_more->setObjectName(u"more"_s);
    m_more->setForegroundRole(QPalette::PlaceholderText);
    m_layout->addWidget(m_more);
    m_more->hide();
    setAccessibleName(tr("Running operations"));
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    hide();
}

ActivityArea::~ActivityArea() = default;

int ActivityArea::addActivity(const QString &label, CancelFunction cancelFunction)
{
    const int id = m_nextId++;
    Row row;
    row.widget = new QWidget(this);
    auto *layout = new QHBoxLayout(row.widget);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    row.label = new QLabel(row.widget);
    row.label->setTextFormat(Qt::PlainText); // crate and feed names from outside
    row.label->setText(label);
    row.label->setMinimumWidth(120);
    row.label->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    row.label->setToolTip(label);
    row.bar = new QProgressBar(row.widget);
    row.bar->setRange(0, 0); // busy until the first total arrives
    row.bar->setFixedWidth(140);
    row.bar->setMaximumHeight(row.label->sizeHint().height());
    row.bar->setTextVisible(false);
    row.bar->setAccessibleName(label);
    layout->addWidget(row.label, 1);
    layout->addWidget(row.bar);
    // Rows without a cancel function keep the button's room, so that the bars line up.
    {
        row.cancel = new QToolButton(row.widget);
        row.cancel->setAutoRaise(true);
        row.cancel->setIcon(QIcon::fromTheme(u"process-stop"_s, style()->standardIcon(QStyle::SP_DialogCancelButton)));
        row.cancel->setToolTip(tr("Cancel %1").arg(label));
        row.cancel->setAccessibleName(tr("Cancel %1").arg(label));
        row.cancel->setIconSize(QSize(14, 14));
        connect(row.cancel, &QToolButton::clicked, this, [this, id] { cancel(id); });
        layout->addWidget(row.cancel);
        QSizePolicy policy = row.cancel->sizePolicy();
        policy.setRetainSizeWhenHidden(true);
        row.cancel->setSizePolicy(policy);
        row.cancel->setVisible(bool(cancelFunction));
    }
    row.onCancel = std::move(cancelFunction);
    m_layout->insertWidget(m_layout->count() - 1, row.widget);
    m_rows.insert(id, row);
    m_order.append(id);
    relayout();
    Q_EMIT countChanged(count());
    return id;
}

void ActivityArea::setLabel(int id, const QString &label)
{
    const auto it = m_rows.constFind(id);
    if (it == m_rows.cend())
        return;
    it->label->setText(label);
    it->label->setToolTip(label);
}

void ActivityArea::setProgress(int id, qint64 done, qint64 total)
{
    const auto it = m_rows.constFind(id);
    if (it == m_rows.cend())
        return;
    if (total <= 0) {
        it->bar->setRange(0, 0);
        return;
    }
    // QProgressBar counts in int; per mille keeps large byte counts in range.
    it->bar->setRange(0, 1000);
    it->bar->setValue(int(qBound(qint64(0), done * 1000 / total, qint64(1000))));
}

void ActivityArea::finish(int id, const QString &error)
{
    const auto it = m_rows.constFind(id);
    if (it == m_rows.cend())
        return;
    const Row row = *it;
    const QString text = row.label->text();
    m_rows.remove(id);
    m_order.removeAll(id);
    row.widget->deleteLater();
    relayout();
    Q_EMIT countChanged(count());
    if (!error.isEmpty())
        Q_EMIT activityFailed(text, error);
}

int ActivityArea::track(RegistryReply *reply, const QString &label)
{
    QPointer<RegistryReply> guard(reply);
    const int id = addActivity(label, [guard] {
        if (guard)
            guard->cancel();
    });
    connect(reply, &RegistryReply::progress, this, [this, id](qint64 done, qint64 total) { setProgress(id, done, total); });
    connect(reply, &RegistryReply::uploadProgress, this, [this, id](qint64 done, qint64 total) { setProgress(id, done, total); });
    connect(reply, &RegistryReply::finished, this, [this, id, reply] {
        const RegistryError &error = reply->error();
        // The user asked for the cancel; it is not a failure to report.
        finish(id, error && error.kind != RegistryError::Kind::Cancelled ? error.message : QString());
    });
    return id;
}

QList<int> ActivityArea::ids() const
{
    return m_order;
}

QString ActivityArea::label(int id) const
{
    const auto it = m_rows.constFind(id);
    return it == m_rows.cend() ? QString() : it->label->text();
}

int ActivityArea::percent(int id) const
{
    const auto it = m_rows.constFind(id);
    if (it == m_rows.cend())
        return -2;
    if (it->bar->maximum() == 0)
        return -1;
    return it->bar->value() / 10;
}

void ActivityArea::setMaximumVisibleRows(int rows)
{
    m_maxVisible = qMax(1, rows);
    relayout();
}

void ActivityArea::cancel(int id)
{
    const auto it = m_rows.find(id);
    if (it == m_rows.end())
        return;
    // The operation reports its own end (usually as cancelled) through finish(); until then
    // the row says that cancelling is under way and cannot be cancelled twice.
    if (it->cancel)
        it->cancel->setEnabled(false);
    it->label->setText(tr("%1 (cancelling…)").arg(it->label->toolTip()));
    Q_EMIT activityCancelled(id);
    if (const CancelFunction onCancel = it->onCancel)
        onCancel();
}

void ActivityArea::relayout()
{
    for (int i = 0; i < m_order.size(); ++i)
        m_rows.value(m_order.at(i)).widget->setVisible(i < m_maxVisible);
    const int hidden = int(m_order.size()) - m_maxVisible;
    m_more->setVisible(hidden > 0);
    if (hidden > 0)
        m_more->setText(hidden == 1 ? u"and 1 more operation"_s : u"and %1 more operations"_s.arg(hidden));
    setVisible(!m_order.isEmpty());
}
