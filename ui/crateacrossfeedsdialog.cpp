// SPDX-License-Identifier: GPL-3.0-or-later
#include "crateacrossfeedsdialog.h"

#include "browse/cratewhereabouts.h"
#include "itemmodels/crateacrossfeedsmodel.h"
#include "messagebanner.h"
#include "registry/feedsessions.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

CrateAcrossFeedsDialog::CrateAcrossFeedsDialog(FeedSessions *sessions, const FeedList &feeds, const QString &crate, QWidget *parent)
    : QDialog(parent)
    , m_whereabouts(new CrateWhereabouts(this))
    , m_model(new CrateAcrossFeedsModel(this))
{
    setWindowTitle(tr("%1 in Every Feed").arg(crate));
    m_alarm = new MessageBanner(this);
    m_alarm->setObjectName(u"checksumAlarm"_s);
    m_alarm->hide();
    m_state = new QLabel(tr("Asking %n feed(s) for %1…", nullptr, int(feeds.size())).arg(crate), this);
    m_state->setObjectName(u"whereState"_s);
    m_state->setTextFormat(Qt::PlainText);
    m_state->setWordWrap(true);
    m_view = new QTableView(this);
    // Tab leaves the table, as everywhere else; arrow keys move between cells.
    m_view->setTabKeyNavigation(false);
    m_view->setObjectName(u"whereTable"_s);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setAccessibleName(tr("Versions of %1 by feed").arg(crate));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_alarm);
    layout->addWidget(m_state);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);
    resize(720, 380);

    connect(m_whereabouts, &CrateWhereabouts::feedAnswered, this, &CrateAcrossFeedsDialog::showAnswers);
    connect(m_whereabouts, &CrateWhereabouts::finished, this, &CrateAcrossFeedsDialog::showSummary);
    QList<RegistryClient *> clients;
    for (const Feed &feed : feeds)
        clients.append(sessions->client(feed));
    m_whereabouts->start(crate, clients);
}

CrateAcrossFeedsDialog::~CrateAcrossFeedsDialog() = default;

QString CrateAcrossFeedsDialog::stateText() const
{
    return m_state->text();
}

QString CrateAcrossFeedsDialog::alarmText() const
{
    return m_alarm->isHidden() ? QString() : m_alarm->text();
}

void CrateAcrossFeedsDialog::showAnswers()
{
    m_model->setCrate(m_whereabouts->result());
    m_view->resizeColumnsToContents();
}

void CrateAcrossFeedsDialog::showSummary()
{
    showAnswers();
    const CrateAcrossFeeds &crate = m_whereabouts->result();
    const auto holding = std::ranges::count_if(crate.feeds, [](const auto &h) { return !h.entries.isEmpty(); });
    m_state->setText(tr("%1 is in %2 of %n feed(s).", nullptr, int(crate.feeds.size())).arg(crate.crate).arg(holding));
    const QList<CrateAcrossFeeds::Mismatch> mismatches = crate.mismatches();
    if (!mismatches.isEmpty()) {
        QStringList versions;
        for (const CrateAcrossFeeds::Mismatch &mismatch : mismatches)
            versions << mismatch.version;
        m_alarm->showMessage(MessageBanner::Kind::Error,
                             tr("Different bytes under the same version: %1 %2. A version never changes once published, so one "
                                "of these feeds serves a different build, perhaps a substitute. Find out which before you build "
                                "with it.")
                                 .arg(crate.crate, versions.join(u", "_s)));
    }
    Q_EMIT settled();
}
