// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow's curation windows: the lockfile audit, promotion and its ProGet history, one
// crate across feeds, two versions compared, the local feed's upstreams and ProGet's connectors.
#include "browse/cratebrowser.h"
#include "cargotypes/feedurl.h"
#include "compareversionsdialog.h"
#include "connectors/localupstreamsdialog.h"
#include "connectors/progetconnectorsdialog.h"
#include "crateacrossfeedsdialog.h"
#include "itemmodels/feedlistmodel.h"
#include "itemmodels/versionlistmodel.h"
#include "localfeed/localfeedhost.h"
#include "lockfileauditwindow.h"
#include "mainwindow.h"
#include "messagebanner.h"
#include "proget/progetmanagementclient.h"
#include "promotiondialog.h"
#include "promotionhistorydialog.h"
#include "registry/feedsessions.h"
#include "secrets/secretstore.h"
#include <QFileDialog>
#include <QPushButton>

using namespace Qt::Literals::StringLiterals;

void MainWindow::openAuditDialog()
{
    auto *dialog = new QFileDialog(this, tr("Audit Cargo.lock"), QString(), tr("Cargo lockfiles (Cargo.lock *.lock)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) { auditLockfile(path); });
    dialog->open();
}

LockfileAuditWindow *MainWindow::auditLockfile(const QString &path)
{
    const auto feed = currentFeed();
    if (!feed || !m_context.sessions)
        return nullptr;
    auto *window = new LockfileAuditWindow(m_context.sessions->client(*feed), feed->name, path, this);
    window->setObjectName(u"lockfileAudit"_s);
    window->setAttribute(Qt::WA_DeleteOnClose);
    connect(window, &LockfileAuditWindow::promoteRequested, this,
        [this, window](const QString &target, const QList<std::pair<QString, QString>> &versions) {
            openPromotion(target, versions, window);
        });
    window->show();
    return window;
}

LocalUpstreamsDialog *MainWindow::openLocalUpstreams()
{
    LocalFeedHost *local = m_context.localFeed;
    if (!local || !local->isRunning() || !m_context.sessions)
        return nullptr;
    if (m_upstreamsDialog) {
        m_upstreamsDialog->raise();
        m_upstreamsDialog->activateWindow();
        return m_upstreamsDialog;
    }
    m_upstreamsDialog = new LocalUpstreamsDialog(local, m_context.sessions->http(), this);
    m_upstreamsDialog->setObjectName(u"localUpstreamsDialog"_s);
    m_upstreamsDialog->setAttribute(Qt::WA_DeleteOnClose);
    m_upstreamsDialog->show();
    return m_upstreamsDialog;
}

// A registry never changes a published version: when an upstream does, the feed refuses the
// version, and the window says so until an owner looks at it.
void MainWindow::checkUpstreamChanges()
{
    m_context.localFeed->listConnectors(this, [this](const LocalFeedHost::Overviews &connectors) {
        QStringList changed;
        for (const LocalFeedHost::ConnectorOverview &connector : connectors) {
            for (const ConnectorStore::ChangedVersion &change : connector.changes)
                changed << tr("%1 %2 from %3").arg(change.name, change.vers, connector.config.name);
        }
        const bool showing = m_banner->isVisible() && m_banner->property("upstreamChanges").toBool();
        if (changed.isEmpty()) {
            if (showing)
                m_banner->hide();
            return;
        }
        const qsizetype shown = 3;
        QString list = QStringList(changed.mid(0, shown)).join(u", "_s);
        if (changed.size() > shown) // one string, so a translator can reorder "and N more"
            list = tr("%1 and %n more", nullptr, int(changed.size() - shown)).arg(list);
        m_banner->showMessage(MessageBanner::Kind::Error,
            tr("An upstream changed %n published version(s) of its crates: %1. The local feed refuses them "
               "until you accept the new bytes.",
                nullptr, int(changed.size()))
                .arg(list));
        m_banner->setProperty("upstreamChanges", true);
        QPushButton *review = m_banner->addButton(tr("Review Upstreams…"));
        review->setObjectName(u"reviewUpstreams"_s);
        connect(review, &QPushButton::clicked, this, &MainWindow::openLocalUpstreams);
    });
}

PromotionDialog *MainWindow::openPromotion(
    const QString &targetFeed, const QList<std::pair<QString, QString>> &versions, QWidget *over)
{
    if (!m_context.sessions || versions.isEmpty())
        return nullptr;
    auto *dialog = new PromotionDialog(m_context.sessions, m_context.feeds->feeds(), targetFeed, versions, over ? over : this);
    dialog->setObjectName(u"promotionDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

PromotionHistoryDialog *MainWindow::openPromotionHistory()
{
    const auto feed = currentFeed();
    if (!feed || !m_context.sessions || !m_context.browser || m_context.browser->crateName().isEmpty()
        || !FeedUrl::proGetFeed(feed->indexUrl))
        return nullptr;
    auto *dialog = new PromotionHistoryDialog(m_context.sessions->client(*feed), m_context.browser->crateName(), this);
    dialog->setObjectName(u"promotionHistoryDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

CrateAcrossFeedsDialog *MainWindow::openCrateAcrossFeeds()
{
    if (!m_context.sessions || !m_context.browser || m_context.browser->crateName().isEmpty())
        return nullptr;
    auto *dialog = new CrateAcrossFeedsDialog(m_context.sessions, m_context.feeds->feeds(), m_context.browser->crateName(), this);
    dialog->setObjectName(u"crateAcrossFeedsDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

CompareVersionsDialog *MainWindow::openCompareVersions()
{
    CrateBrowser *browser = m_context.browser;
    if (!browser || !browser->client() || browser->crateName().isEmpty() || browser->versions()->rowCount() < 2)
        return nullptr;
    QStringList versions;
    for (int row = 0; row < browser->versions()->rowCount(); ++row)
        versions << browser->versions()->entryAt(row).vers;
    auto *dialog = new CompareVersionsDialog(browser->client(), browser->cacheDir(), browser->crateName(), versions, this);
    dialog->setObjectName(u"compareVersionsDialog"_s);
    dialog->reportActivityTo(m_activity);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

void MainWindow::openProGetConnectors()
{
    const auto feed = currentFeed();
    const auto proGet = feed ? FeedUrl::proGetFeed(feed->indexUrl) : std::nullopt;
    if (!proGet || !m_context.sessions)
        return;
    const auto open = [this, server = proGet->server, name = proGet->feed](const QByteArray &apiKey) {
        auto *client = new ProGetManagementClient(server, m_context.sessions->http());
        client->setApiKey(apiKey);
        auto *dialog = new ProGetConnectorsDialog(client, name, this);
        client->setParent(dialog);
        dialog->setObjectName(u"proGetConnectorsDialog"_s);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    };
    // ProGet's management API takes an API key; Basic credentials carry one as user "api".
    const bool hasKey
        = feed->auth == Feed::AuthKind::Token || (feed->auth == Feed::AuthKind::Basic && feed->basicUser == u"api"_s);
    if (!hasKey || !m_context.sessions->secrets())
        return open({});
    m_context.sessions->secrets()->readSecret(
        feed->secretKey(), this, [open](const SecretStore::Result &result) { open(result.ok() ? result.secret : QByteArray()); });
}
