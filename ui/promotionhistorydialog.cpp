// SPDX-License-Identifier: GPL-3.0-or-later
#include "promotionhistorydialog.h"

#include "itemmodels/promotionhistorymodel.h"
#include "messagebanner.h"
#include "promote/promotionhistory.h"
#include "registry/registryclient.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

PromotionHistoryDialog::PromotionHistoryDialog(RegistryClient *feed, const QString &crate, QWidget *parent)
    : QDialog(parent)
    , m_history(new PromotionHistory(feed, this))
    , m_model(new PromotionHistoryModel(this))
    , m_feedName(feed ? feed->feed().name : QString())
{
    setWindowTitle(tr("Promotion History of %1").arg(crate));
    m_message = new MessageBanner(this);
    m_message->setObjectName(u"historyMessage"_s);
    m_message->hide();
    m_state = new QLabel(tr("Asking %1 how %2 came into it…").arg(m_feedName, crate), this);
    m_state->setObjectName(u"historyState"_s);
    m_state->setTextFormat(Qt::PlainText);
    m_state->setWordWrap(true);
    m_view = new QTableView(this);
    // Tab leaves the table, as everywhere else; arrow keys move between cells.
    m_view->setTabKeyNavigation(false);
    m_view->setObjectName(u"history"_s);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);
    m_view->setAccessibleName(tr("Promotions of %1 into %2").arg(crate, m_feedName));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *reload = buttons->addButton(tr("&Reload"), QDialogButtonBox::ActionRole);
    reload->setObjectName(u"reload"_s);
    connect(reload, &QPushButton::clicked, this, [this] {
        m_message->hide();
        m_history->load(m_history->crate());
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addWidget(m_state);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);
    resize(760, 320);

    connect(m_history, &PromotionHistory::loaded, this, &PromotionHistoryDialog::showRecords);
    connect(m_history, &PromotionHistory::failed, this, &PromotionHistoryDialog::showFailure);
    m_history->load(crate);
}

PromotionHistoryDialog::~PromotionHistoryDialog() = default;

QString PromotionHistoryDialog::stateText() const
{
    return m_state->text();
}

void PromotionHistoryDialog::showRecords()
{
    m_model->setRecords(m_history->records());
    m_view->resizeColumnsToContents();
    m_state->setText(m_history->records().isEmpty()
                         ? tr("ProGet has no record of %1 being promoted into %2: its versions were published there, or came through a connector.")
                               .arg(m_history->crate(), m_feedName)
                         : tr("%n promotion(s) of %1 into %2, newest first.", nullptr, int(m_history->records().size()))
                               .arg(m_history->crate(), m_feedName));
    Q_EMIT settled();
}

void PromotionHistoryDialog::showFailure(const QString &error)
{
    m_model->setRecords({});
    m_state->setText(tr("No history to show."));
    m_message->showMessage(MessageBanner::Kind::Error, tr("The promotion history could not be read: %1").arg(error));
    Q_EMIT settled();
}
