// SPDX-License-Identifier: GPL-3.0-or-later
#include "promotionsession.h"

#include "publish/cratepublisher.h"
#include "publish/publishpreflight.h"
#include "cargotypes/feedurl.h"
#include "registry/registryclient.h"
#include "resolve/dependencyclosure.h"
#include "resolve/registryindexsource.h"

#include <QDir>

using namespace Qt::Literals::StringLiterals;
using State = PromotionItem::State;

namespace {

// "sparse+https://host/index/" and "https://host/index" name the same registry.
QString comparableIndex(QString url)
{
    if (url.startsWith(u"sparse+"_s))
        url = url.mid(7);
    if (!url.endsWith(u'/'))
        url += u'/';
    return url;
}

} // namespace

PromotionSession::PromotionSession(RegistryClient *source, RegistryClient *target, QObject *parent)
    : QObject(parent)
    , m_source(source)
    , m_target(target)
    , m_preflight(new PublishPreflight(target, this))
{
    connect(m_preflight, &PublishPreflight::checked, this, [this](int, const PublishCandidate &candidate) {
        if (m_current < 0 || m_items[m_current].state != State::Publishing)
            return;
        const int row = m_current;
        if (!candidate.canPublish())
            return finishItem(row, State::Failed, candidate.messages(PreflightFinding::Severity::Error).join(u' '));
        PublishCandidate promoted = candidate;
        // Dependencies the source served itself come from the target now: the closure goes too.
        const QString sourceIndex = comparableIndex(m_source->feed().indexUrl.toString());
        for (PublishMetadata::Dependency &dep : promoted.metadata->deps) {
            if (dep.registry && comparableIndex(*dep.registry) == sourceIndex)
                dep.registry.reset();
        }
        auto *publisher = new CratePublisher(m_target, promoted, this);
        m_publisher = publisher;
        connect(publisher, &CratePublisher::finished, this, [this, row, publisher] {
            publisher->deleteLater();
            published(row, publisher);
        });
        publisher->start();
    });
}

PromotionSession::~PromotionSession() = default;

int PromotionSession::count(State state) const
{
    return int(std::ranges::count_if(m_items, [state](const PromotionItem &item) { return item.state == state; }));
}

bool PromotionSession::succeeded() const
{
    return !m_items.isEmpty() && std::ranges::all_of(m_items, [](const PromotionItem &item) { return item.isServedByTarget(); });
}

bool PromotionSession::promotesOnServer() const
{
    const auto from = FeedUrl::proGetFeed(m_source->feed().indexUrl);
    const auto to = FeedUrl::proGetFeed(m_target->feed().indexUrl);
    return from && to && from->server == to->server && from->feed != to->feed;
}

void PromotionSession::plan(const QList<std::pair<QString, QString>> &versions)
{
    m_items.clear();
    m_answers = {};
    QSet<QString> keys;
    for (const auto &[name, vers] : versions) {
        PromotionItem item;
        item.name = name;
        item.vers = vers;
        if (!keys.contains(item.key())) {
            keys.insert(item.key());
            m_items.append(item);
        }
    }
    fetchAnswers();
}

void PromotionSession::planWithDependencies(const QList<std::pair<QString, QString>> &roots)
{
    m_roots = roots;
    m_closure = roots;
    if (!m_indexSource) {
        m_indexSource = new RegistryIndexSource(m_source, this);
        m_resolver = new DependencyClosure(m_indexSource, this);
        connect(m_resolver, &DependencyClosure::finished, this, [this] {
            for (const DependencyGraph::Node &node : m_resolver->graph().nodes)
                m_closure.append({node.name, node.version.toString()});
            resolveNextRoot();
        });
    }
    resolveNextRoot();
}

void PromotionSession::resolveNextRoot()
{
    if (m_roots.isEmpty())
        return plan(m_closure);
    const auto [name, vers] = m_roots.takeFirst();
    const auto exact = VersionReq::parse(QString(u"="_s + vers));
    if (!exact)
        return resolveNextRoot(); // not a version: plan() reports it as not in the source
    m_resolver->start(name, *exact);
}

void PromotionSession::fetchAnswers()
{
    QSet<QString> names;
    for (const PromotionItem &item : std::as_const(m_items))
        names.insert(item.name.toLower());
    m_pending = int(names.size()) * 2;
    if (m_pending == 0) {
        m_pending = 1;
        QMetaObject::invokeMethod(this, &PromotionSession::answered, Qt::QueuedConnection);
        return;
    }
    for (const QString &name : std::as_const(names)) {
        RegistryReply *fromSource = m_source->fetchIndex(name);
        connect(fromSource, &RegistryReply::finished, this, [this, name, fromSource] {
            if (fromSource->error())
                m_answers.sourceErrors.insert(name, fromSource->error().kind == RegistryError::Kind::NotFound
                                                        ? tr("the source feed has no crate %1").arg(name)
                                                        : tr("the source feed could not say: %1").arg(fromSource->error().message));
            else
                m_answers.source.insert(name, fromSource->entries);
            answered();
        });
        // A crate the target lacks is the usual case: its 404 is an empty answer, not a failure.
        RegistryReply *inTarget = m_target->fetchIndex(name);
        connect(inTarget, &RegistryReply::finished, this, [this, name, inTarget] {
            if (!inTarget->error())
                m_answers.target.insert(name, inTarget->entries);
            answered();
        });
    }
}

void PromotionSession::answered()
{
    if (--m_pending > 0)
        return;
    m_items = PromotionPlan::settle(m_items, m_answers);
    Q_EMIT planned();
}

void PromotionSession::start()
{
    if (m_running)
        return;
    m_running = true;
    m_cancelled = false;
    m_downloads = std::make_unique<QTemporaryDir>(QDir::tempPath() + u"/cratedesk-promotion-XXXXXX"_s);
    QMetaObject::invokeMethod(this, &PromotionSession::next, Qt::QueuedConnection);
}

void PromotionSession::cancel()
{
    if (!m_running)
        return;
    m_cancelled = true;
    if (m_reply)
        m_reply->cancel();
    if (m_publisher)
        m_publisher->cancel();
    m_preflight->cancel();
    for (int row = 0; row < m_items.size(); ++row) {
        if (m_items[row].state == State::Ready)
            finishItem(row, State::Cancelled, tr("cancelled before it started"));
    }
}

QString PromotionSession::unmetNeed(const PromotionItem &item) const
{
    for (const QString &need : item.needs) {
        const auto it = std::ranges::find_if(m_items, [&need](const PromotionItem &other) { return other.key() == need; });
        if (it != m_items.cend() && !it->isServedByTarget())
            return need;
    }
    return {};
}

void PromotionSession::next()
{
    m_current = -1;
    for (int row = 0; row < m_items.size() && !m_cancelled; ++row) {
        if (m_items[row].state != State::Ready)
            continue;
        if (const QString need = unmetNeed(m_items[row]); !need.isEmpty()) {
            finishItem(row, State::Skipped, tr("it needs %1, which the target does not serve").arg(need));
            continue;
        }
        m_current = row;
        return promotesOnServer() ? promoteOnServer(row) : download(row);
    }
    m_running = false;
    m_downloads.reset();
    Q_EMIT finished();
}

void PromotionSession::download(int row)
{
    PromotionItem &item = m_items[row];
    item.state = State::Downloading;
    Q_EMIT itemChanged(row);
    const QString path = m_downloads->filePath(u"%1-%2.crate"_s.arg(item.name.toLower(), item.vers));
    RegistryReply *reply = m_source->download(item.name, item.vers, item.cksum, path);
    m_reply = reply;
    connect(reply, &RegistryReply::finished, this, [this, row, reply, path] {
        if (reply->error())
            return finishItem(row, m_cancelled ? State::Cancelled : State::Failed,
                              tr("downloading from the source failed: %1").arg(reply->error().message));
        publish(row, path);
    });
}

void PromotionSession::promoteOnServer(int row)
{
    PromotionItem &item = m_items[row];
    item.state = State::Publishing;
    Q_EMIT itemChanged(row);
    RegistryReply *reply = m_target->promoteOnProGet(FeedUrl::proGetFeed(m_source->feed().indexUrl)->feed, item.name, item.vers);
    m_reply = reply;
    connect(reply, &RegistryReply::finished, this, [this, row, reply] {
        if (reply->error())
            return finishItem(row, m_cancelled ? State::Cancelled : State::Failed, tr("ProGet did not promote it: %1").arg(reply->error().message));
        finishItem(row, State::Promoted, tr("promoted by ProGet"));
    });
}

void PromotionSession::publish(int row, const QString &path)
{
    m_items[row].state = State::Publishing;
    Q_EMIT itemChanged(row);
    m_preflight->inspect(path);
}

void PromotionSession::published(int row, const CratePublisher *publisher)
{
    using Stage = CratePublisher::Stage;
    if (publisher->stage() == Stage::Cancelled)
        return finishItem(row, State::Cancelled, tr("cancelled"));
    if (publisher->stage() != Stage::Visible && publisher->stage() != Stage::NotVisible)
        return finishItem(row, State::Failed, tr("publishing to the target failed: %1").arg(publisher->error().message));
    const QString remark = publisher->stage() == Stage::NotVisible ? tr("uploaded; the target's index did not show it in time") : QString();
    if (!m_items[row].yanked)
        return finishItem(row, State::Promoted, remark);
    RegistryReply *reply = m_target->setYanked(m_items[row].name, m_items[row].vers, true);
    m_reply = reply;
    connect(reply, &RegistryReply::finished, this, [this, row, reply] {
        finishItem(row, State::Promoted, reply->error() ? tr("promoted, but not yanked as in the source: %1").arg(reply->error().message)
                                                       : tr("yanked, as in the source"));
    });
}

void PromotionSession::finishItem(int row, State state, const QString &message)
{
    m_items[row].state = state;
    if (!message.isEmpty())
        m_items[row].message = message;
    Q_EMIT itemChanged(row);
    if (row == m_current)
        QMetaObject::invokeMethod(this, &PromotionSession::next, Qt::QueuedConnection);
}
