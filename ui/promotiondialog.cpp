// SPDX-License-Identifier: GPL-3.0-or-later
#include "promotiondialog.h"

#include "itemmodels/promotionmodel.h"
#include "messagebanner.h"
#include "promote/promotionsession.h"
#include "registry/feedsessions.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;
using State = PromotionItem::State;

PromotionDialog::PromotionDialog(FeedSessions *sessions, const FeedList &feeds, const QString &targetFeed,
                                 const QList<std::pair<QString, QString>> &versions, QWidget *parent)
    : QDialog(parent)
    , m_sessions(sessions)
    , m_feeds(feeds)
    , m_versions(versions)
    , m_model(new PromotionModel(this))
    , m_banner(new MessageBanner(this))
    , m_source(new QComboBox(this))
    , m_withDependencies(new QCheckBox(tr("Also promote what they &depend on"), this))
    , m_summary(new QLabel(this))
    , m_view(new QTreeView(this))
{
    m_target = feedNamed(targetFeed).value_or(Feed{});
    setWindowTitle(tr("Promote into %1").arg(m_target.name));
    resize(760, 480);
    m_banner->hide();
    m_source->setObjectName(u"source"_s);
    for (const Feed &feed : m_feeds) {
        if (feed.name != m_target.name)
            m_source->addItem(feed.name, feed.name);
    }
    m_withDependencies->setObjectName(u"withDependencies"_s);
    m_withDependencies->setToolTip(tr("Everything cargo would need from the source to build these versions, resolved as cargo does "
                                      "without a lockfile, so that the target serves the whole closure."));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_view->setObjectName(u"plan"_s);
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setAlternatingRowColors(true);
    m_view->header()->setStretchLastSection(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_promote = buttons->addButton(tr("&Promote"), QDialogButtonBox::AcceptRole);
    m_promote->setObjectName(u"promote"_s);
    m_promote->setEnabled(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_promote, &QPushButton::clicked, this, [this] {
        m_promote->setEnabled(false);
        m_source->setEnabled(false);
        m_withDependencies->setEnabled(false);
        m_summary->setText(tr("Promoting %n version(s), dependencies first…", nullptr, m_session->count(State::Ready)));
        m_session->start();
    });

    auto *form = new QFormLayout;
    form->addRow(tr("&From:"), m_source);
    form->addRow(QString(), m_withDependencies);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(form);
    layout->addWidget(m_summary);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);

    connect(m_source, &QComboBox::currentIndexChanged, this, &PromotionDialog::replan);
    connect(m_withDependencies, &QCheckBox::toggled, this, &PromotionDialog::replan);
    replan();
}

PromotionDialog::~PromotionDialog() = default;

std::optional<Feed> PromotionDialog::feedNamed(const QString &name) const
{
    for (const Feed &feed : m_feeds) {
        if (feed.name == name)
            return feed;
    }
    return std::nullopt;
}

QString PromotionDialog::summaryText() const
{
    return m_summary->text();
}

void PromotionDialog::replan()
{
    m_promote->setEnabled(false);
    const auto source = feedNamed(m_source->currentData().toString());
    if (!source || m_target.name.isEmpty()) {
        m_summary->setText(tr("Add another feed to promote from."));
        return;
    }
    if (m_session && m_session->isRunning())
        return;
    m_model->setSession(nullptr);
    delete m_session;
    m_session = new PromotionSession(m_sessions->client(*source), m_sessions->client(m_target), this);
    m_model->setSession(m_session);
    connect(m_session, &PromotionSession::planned, this, &PromotionDialog::showPlan);
    connect(m_session, &PromotionSession::finished, this, &PromotionDialog::showResult);
    m_summary->setText(tr("Asking %1 and %2 about %n version(s)…", nullptr, int(m_versions.size())).arg(source->name, m_target.name));
    if (m_withDependencies->isChecked())
        m_session->planWithDependencies(m_versions);
    else
        m_session->plan(m_versions);
}

void PromotionDialog::showPlan()
{
    m_view->resizeColumnToContents(PromotionModel::CrateColumn);
    m_view->resizeColumnToContents(PromotionModel::VersionColumn);
    m_view->resizeColumnToContents(PromotionModel::StateColumn);
    const int ready = m_session->count(State::Ready);
    m_summary->setText(tr("%1 to promote, %2 already in %3, %4 not in the source.")
                           .arg(ready)
                           .arg(m_session->count(State::InTarget))
                           .arg(m_target.name)
                           .arg(m_session->count(State::NotInSource)));
    m_promote->setEnabled(ready > 0);
    Q_EMIT planned();
}

void PromotionDialog::showResult()
{
    m_summary->setText(tr("%1 promoted, %2 failed, %3 skipped, %4 were already there.")
                           .arg(m_session->count(State::Promoted))
                           .arg(m_session->count(State::Failed))
                           .arg(m_session->count(State::Skipped))
                           .arg(m_session->count(State::InTarget)));
    if (m_session->succeeded())
        m_banner->showMessage(MessageBanner::Kind::Positive, tr("%1 now serves every version asked for.").arg(m_target.name));
    else
        m_banner->showMessage(MessageBanner::Kind::Warning, tr("Some versions were not promoted; each row says why."));
    m_source->setEnabled(true);
    m_withDependencies->setEnabled(true);
    Q_EMIT finished();
}
