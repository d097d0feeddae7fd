// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectorhub.h"

#include "curation/cratefilter.h"
#include "curation/releaseage.h"
#include "curation/spdxexpression.h"
#include "cargotypes/cratename.h"
#include "cargotypes/indexfileparser.h"
#include "secrets/secretstore.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QTimeZone>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

Q_LOGGING_CATEGORY(lcHub, "cratedesk.feed.connectors")

ConnectorHub::ConnectorHub(ConnectorStore *store, HttpClient *http, SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_http(http)
    , m_secrets(secrets)
{
}

ConnectorHub::~ConnectorHub()
{
    qDeleteAll(std::exchange(m_connectors, {}));
}

void ConnectorHub::reload()
{
    // Out of the list first: callbacks the old connectors complete as they go must not
    // reach them again.
    qDeleteAll(std::exchange(m_connectors, {}));
    m_processed.clear();
    m_advisories.clear();
    const QList<ConnectorConfig> configs = m_store->connectors();
    for (const ConnectorConfig &config : configs) {
        if (!config.advisoryDatabase.isEmpty() && !m_advisories.contains(config.advisoryDatabase)) {
            auto database = std::make_shared<const AdvisoryDatabase>(AdvisoryDatabase::load(config.advisoryDatabase));
            qCInfo(lcHub).noquote() << "connector" << config.name << "reads" << database->size() << "advisories from" << config.advisoryDatabase;
            for (const QString &problem : database->problems().mid(0, 5))
                qCWarning(lcHub).noquote() << "connector" << config.name << ": advisory left out:" << problem;
            m_advisories.insert(config.advisoryDatabase, database);
        }
        auto *connector = new UpstreamConnector(config, m_store, m_http, this);
        if (m_maxCrateBytes > 0)
            connector->setMaxCrateBytes(m_maxCrateBytes);
        m_connectors.append(connector);
        if (config.auth == ConnectorConfig::Auth::None)
            continue;
        if (!m_secrets) {
            connector->setSecretError(u"no keychain is available to read its secret from"_s);
            continue;
        }
        m_secrets->readSecret(ConnectorConfig::secretKey(m_store->dataDir(), config.name), connector,
                              [connector](const SecretStore::Result &result) {
                                  if (result.ok())
                                      connector->setSecret(result.secret);
                                  else
                                      connector->setSecretError(result.message);
                              });
    }
    qCInfo(lcHub) << "local feed connectors:" << m_connectors.size();
}

void ConnectorHub::index(const QString &lowerName, ResultCallback done)
{
    indexFrom(0, lowerName, {}, false, std::move(done));
}

std::optional<ConnectorStore::Pin> ConnectorHub::pinOf(const QString &lowerName) const
{
    return m_store->pin(lowerName);
}

void ConnectorHub::indexFrom(qsizetype position, const QString &lowerName, QStringList reasons, bool blocked, ResultCallback done)
{
    // A name served once from a connector stays with it: no later connector may answer for it.
    const std::optional<ConnectorStore::Pin> pin = m_store->pin(lowerName);
    if (pin && std::ranges::none_of(m_connectors, [&](UpstreamConnector *c) { return c->config().name == pin->connector; })) {
        Result none;
        none.reason = u"crate `%1` is pinned to connector %2, which this feed no longer has; an owner can release it with "
                      u"`cratedesk connector unpin %1`"_s.arg(lowerName, pin->connector);
        none.blocked = true;
        return done(none);
    }
    for (; position < m_connectors.size(); ++position) {
        UpstreamConnector *connector = m_connectors.at(position);
        const ConnectorConfig &config = connector->config();
        if (pin && config.name != pin->connector)
            continue;
        CurationVerdict verdict = CrateFilter::check(config.filters, lowerName);
        if (verdict.allowed)
            verdict = CrateFilter::checkApproved(config.approved, lowerName);
        if (!verdict.allowed) {
            // A blocked crate is not even asked for upstream.
            reasons << u"connector %1: `%2` is %3"_s.arg(config.name, lowerName, verdict.reason);
            blocked = true;
            continue;
        }
        QPointer<UpstreamConnector> guard(connector);
        // Pinned already (to this connector, see above): the pin need not be written again.
        const bool pinned = pin.has_value();
        connector->index(lowerName, [this, guard, position, lowerName, reasons, blocked, done, pinned](const UpstreamConnector::Index &index) mutable {
            if (!guard) {
                Result gone;
                gone.state = Result::State::Failed;
                gone.reason = u"the connectors changed while the upstream was asked; try again"_s;
                return done(gone);
            }
            if (index.state == UpstreamConnector::Index::State::Found) {
                Result result = process(guard, lowerName, index);
                if (!result.lines.isEmpty() && !pinned)
                    m_store->pinIfFree(lowerName, guard->config().name);
                if (!reasons.isEmpty())
                    result.reason = reasons.join(u"; "_s);
                return done(result);
            }
            if (index.state == UpstreamConnector::Index::State::Failed) {
                reasons << u"connector %1: %2"_s.arg(guard->config().name, index.error.isEmpty() ? u"the upstream cannot be reached and nothing is cached"_s : index.error);
                Result failed;
                failed.state = Result::State::Failed;
                // Later connectors may still have it; the failure only counts when none does.
                indexFrom(position + 1, lowerName, reasons, blocked, [failed, done](const Result &later) mutable {
                    if (later.state == Result::State::Found)
                        return done(later);
                    failed.reason = later.reason;
                    done(failed);
                });
                return;
            }
            reasons << u"connector %1: the upstream has no crate `%2`"_s.arg(guard->config().name, lowerName);
            indexFrom(position + 1, lowerName, reasons, blocked, done);
        });
        return;
    }
    Result none;
    none.reason = reasons.isEmpty() ? u"crate `%1` does not exist in this feed"_s.arg(lowerName)
                                    : u"crate `%1` does not exist in this feed; %2"_s.arg(lowerName, reasons.join(u"; "_s));
    none.blocked = blocked;
    done(none);
}

ConnectorHub::Result ConnectorHub::process(UpstreamConnector *connector, const QString &lowerName, const UpstreamConnector::Index &index)
{
    const ConnectorConfig &config = connector->config();
    const QString key = config.name + u'/' + lowerName;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (const auto it = m_processed.constFind(key); it != m_processed.constEnd() && it->generation == index.generation
        && (!it->result.recheckAt.isValid() || it->result.recheckAt > now)) {
        Result cached = it->result;
        cached.stale = index.stale;
        return cached;
    }

    struct Line
    {
        QByteArray raw;
        IndexEntry entry;
    };
    QList<Line> lines;
    const QList<QByteArray> rawLines = index.body.split('\n');
    for (qsizetype number = 0; number < rawLines.size(); ++number) {
        QString problem;
        std::optional<IndexEntry> entry = IndexFileParser::parseLine(rawLines.at(number), &problem);
        if (entry)
            problem = IndexFileParser::untrustedReason(*entry, lowerName);
        if (!problem.isEmpty()) {
            // cargo would not use such a line either; what it names never becomes a path here.
            qCWarning(lcHub).noquote() << "connector" << config.name << ": index file of" << lowerName << "line" << number + 1
                                       << "left out:" << problem;
            continue;
        }
        if (entry)
            lines.append({rawLines.at(number), std::move(*entry)});
    }
    QList<ConnectorStore::Listed> listed;
    for (const Line &line : std::as_const(lines))
        listed.append({line.entry.vers, line.entry.cksum});
    QStringList changedNow;
    const QHash<QString, ConnectorStore::SeenVersion> seen = m_store->noteListed(config.name, lowerName, listed, &changedNow);
    if (!changedNow.isEmpty())
        Q_EMIT upstreamChanged(config.name, lowerName, changedNow);

    Result result;
    result.state = Result::State::Found;
    result.connector = config.name;
    for (const Line &line : std::as_const(lines)) {
        const QString &vers = line.entry.vers;
        QString license = index.licenses.value(vers);
        if (license.isEmpty()) {
            if (const auto cached = m_store->cachedCrate(config.name, line.entry.name, vers))
                license = cached->license;
        }
        const QList<Advisory> advisories = advisoriesFor(config, line.entry);
        const std::optional<Hidden> refused = refusal(config, line.entry, license, seen.value(vers), advisories, now);
        const QByteArray served = servedLine(line.raw, line.entry, refused.has_value());
        result.lines.append(served);
        result.body += served;
        result.body += '\n';
        if (refused) {
            result.hidden.append(*refused);
            if (refused->until.isValid() && (!result.recheckAt.isValid() || refused->until < result.recheckAt))
                result.recheckAt = refused->until;
            continue;
        }
        result.cksums.insert(vers, line.entry.cksum);
        for (const Advisory &advisory : advisories)
            result.advisories[vers].append(advisory.id + u": "_s + advisory.title);
        if (!line.entry.yanked)
            result.available.append(vers);
        if (!license.isEmpty())
            result.licenses.insert(vers, license);
    }
    result.etag = '"' + QCryptographicHash::hash(result.body, QCryptographicHash::Sha256).toHex().left(32) + '"';
    if (!result.hidden.isEmpty())
        qCInfo(lcHub).noquote() << "connector" << config.name << "refuses" << result.hidden.size() << "version(s) of" << lowerName;
    m_processed.insert(key, {index.generation, result});
    result.stale = index.stale;
    return result;
}

QList<Advisory> ConnectorHub::advisoriesFor(const ConnectorConfig &config, const IndexEntry &entry) const
{
    const auto database = m_advisories.value(config.advisoryDatabase);
    return database ? database->affecting(entry.name, entry.vers) : QList<Advisory>();
}

std::optional<ConnectorHub::Hidden> ConnectorHub::refusal(const ConnectorConfig &config, const IndexEntry &entry, const QString &license,
                                                          const ConnectorStore::SeenVersion &seen, const QList<Advisory> &advisories,
                                                          const QDateTime &now) const
{
    const QString &vers = entry.vers;
    for (const Advisory &advisory : advisories) {
        if (advisory.isMalicious())
            return Hidden{vers, u"%1 says it is malicious code: %2"_s.arg(advisory.id, advisory.title.isEmpty() ? advisory.package : advisory.title),
                          451, advisory.date.isValid() ? advisory.date.startOfDay(QTimeZone::UTC) : seen.firstSeen, {}};
    }
    if (const std::optional<Hidden> severe = severityRefusal(config, vers, advisories, seen))
        return severe;
    if (!seen.cksum.isEmpty() && seen.cksum != entry.cksum) {
        return Hidden{vers, u"the upstream changed a published version: first listed on %1 with sha256 %2, now with %3; an owner "
                            u"who trusts the new bytes accepts them with `cratedesk connector accept-change %4 %5@%6`"_s
                                .arg(seen.firstSeen.toString(Qt::ISODate), seen.cksum.left(16), entry.cksum.left(16), config.name,
                                     entry.name, vers),
                      451, seen.changedSeen.isValid() ? seen.changedSeen : now, {}};
    }
    CurationVerdict verdict = CrateFilter::checkApprovedVersion(config.approved, entry.name, vers);
    if (verdict.allowed && config.licenses.isActive()) {
        const LicenseVerdict judged = LicenseVerdict::judge(license, config.licenses);
        verdict = {judged.allowed, judged.reason};
    }
    if (!verdict.allowed)
        return Hidden{vers, verdict.reason, 451, seen.firstSeen, {}};
    if (config.minAgeDays > 0 && !config.isAgeException(entry.name, vers)) {
        const QDateTime published = ReleaseAge::published(entry.pubtime, seen.firstSeen.isValid() ? seen.firstSeen : now, now);
        const QDateTime until = published.addDays(config.minAgeDays);
        if (until > now)
            return Hidden{vers, u"published %1, and connector %2 holds new versions for %3 days"_s.arg(
                                    published.toString(Qt::ISODate), config.name).arg(config.minAgeDays),
                          403, seen.firstSeen, until};
    }
    return std::nullopt;
}

std::optional<ConnectorHub::Hidden> ConnectorHub::severityRefusal(const ConnectorConfig &config, const QString &vers,
                                                                 const QList<Advisory> &advisories,
                                                                 const ConnectorStore::SeenVersion &seen) const
{
    const std::optional<Severity> threshold = config.blockedSeverity();
    if (!threshold)
        return std::nullopt;
    for (const Advisory &advisory : advisories) {
        const std::optional<CvssVector> score = advisory.score();
        if (!score || score->severity() < *threshold)
            continue;
        return Hidden{vers, u"%1 (CVSS %2, %3): %4; connector %5 blocks advisories of severity %6 and worse"_s
                                .arg(advisory.id, QString::number(score->baseScore(), 'f', 1), CvssVector::severityName(score->severity()),
                                     advisory.title.isEmpty() ? advisory.package : advisory.title, config.name, config.blockSeverity),
                      451, advisory.date.isValid() ? advisory.date.startOfDay(QTimeZone::UTC) : seen.firstSeen, {}};
    }
    return std::nullopt;
}

QByteArray ConnectorHub::servedLine(const QByteArray &raw, const IndexEntry &entry, bool refused) const
{
    // Every dependency resolves through this feed, and so through its filters, approved list
    // and license rules: one on the upstream, on another upstream of ours, or on any other
    // registry (crates.io for a mirror's crates) alike. cargo must never fetch past the feed.
    const bool foreignDeps = std::ranges::any_of(entry.deps, [](const IndexDependency &dep) { return dep.registry.has_value(); });
    if (!foreignDeps && (!refused || entry.yanked))
        return raw.trimmed();
    QJsonObject line = QJsonDocument::fromJson(raw).object();
    QJsonArray deps = line.value(u"deps"_s).toArray();
    for (qsizetype i = 0; i < deps.size(); ++i) {
        QJsonObject dep = deps.at(i).toObject();
        dep.remove(u"registry"_s);
        deps.replace(i, dep);
    }
    line.insert(u"deps"_s, deps);
    // A refused version is yanked, not gone: a lockfile that pins it still finds it, and its
    // download says why; a new resolution takes the newest allowed one.
    if (refused)
        line.insert(u"yanked"_s, true);
    return QJsonDocument(line).toJson(QJsonDocument::Compact);
}

QString ConnectorHub::refusalText(const QString &name, const QString &connector, const Hidden &hidden, const QStringList &available)
{
    QString text = hidden.status == 403
        ? u"%1@%2 is held by connector %3 until %4: %5."_s.arg(name, hidden.vers, connector, hidden.until.toString(Qt::ISODate), hidden.reason)
        : u"%1@%2 is blocked by connector %3 (since %4): %5."_s.arg(name, hidden.vers, connector, hidden.since.toString(Qt::ISODate), hidden.reason);
    const QString other = ReleaseAge::preciseTarget(hidden.vers, available);
    text += other.isEmpty() ? u"\nThis feed serves no other version of %1 now.\n"_s.arg(name)
                            : u"\nTo use the newest version this feed serves instead:\n    cargo update -p %1@%2 --precise %3\n"_s.arg(name, hidden.vers, other);
    return text;
}

void ConnectorHub::crate(const QString &name, const QString &vers, CrateCallback done)
{
    index(name.toLower(), [this, name, vers, done](const Result &result) {
        if (result.state != Result::State::Found)
            return done({result.state == Result::State::Failed ? 503 : 404, {}, result.reason});
        for (const Hidden &hidden : result.hidden) {
            if (hidden.vers == vers) {
                const qint64 wait = hidden.until.isValid() ? qMax<qint64>(1, QDateTime::currentDateTimeUtc().secsTo(hidden.until)) : 0;
                return done({hidden.status, {}, refusalText(name, result.connector, hidden, result.available), wait});
            }
        }
        if (!result.cksums.contains(vers))
            return done({404, {}, u"crate `%1` has no version %2"_s.arg(name, vers)});
        UpstreamConnector *connector = nullptr;
        for (UpstreamConnector *candidate : std::as_const(m_connectors))
            if (candidate->config().name == result.connector)
                connector = candidate;
        if (!connector)
            return done({503, {}, u"the connectors changed; try again"_s});
        const LicenseRules rules = connector->config().licenses;
        const bool licenseKnown = result.licenses.contains(vers);
        const QString key = connector->config().name + u'/' + name.toLower();
        connector->crate(name, vers, result.cksums.value(vers), [this, name, vers, rules, licenseKnown, key, done](const UpstreamConnector::Download &download) {
            if (download.error)
                return done({download.error.kind == RegistryError::Kind::NotFound ? 404 : 502, {},
                             u"cannot fetch `%1@%2` from the upstream: %3"_s.arg(name, vers, download.error.message)});
            if (!licenseKnown && rules.isActive()) {
                // Only the crate itself named its license: judge it now, and let the next
                // index request leave the version out when it fails.
                m_processed.remove(key);
                const LicenseVerdict verdict = LicenseVerdict::judge(download.license, rules);
                if (!verdict.allowed)
                    return done({451, {}, u"%1@%2 is blocked: %3.\n"_s.arg(name, vers, verdict.reason)});
            }
            done({200, download.path, {}});
        });
    });
}

void ConnectorHub::curation(const QString &lowerName, std::function<void(const QJsonObject &)> done)
{
    index(lowerName, [done, lowerName, store = m_store](const Result &result) {
        QJsonArray hidden;
        for (const Hidden &entry : result.hidden) {
            QJsonObject version{{u"vers"_s, entry.vers}, {u"reason"_s, entry.reason},
                                {u"status"_s, entry.status == 403 ? u"held"_s : u"blocked"_s}};
            if (entry.since.isValid())
                version.insert(u"since"_s, entry.since.toString(Qt::ISODate));
            if (entry.until.isValid())
                version.insert(u"until"_s, entry.until.toString(Qt::ISODate));
            hidden.append(version);
        }
        QJsonArray served;
        for (auto it = result.cksums.cbegin(); it != result.cksums.cend(); ++it) {
            QJsonObject version{{u"vers"_s, it.key()}, {u"license"_s, result.licenses.value(it.key())}};
            if (const QStringList advisories = result.advisories.value(it.key()); !advisories.isEmpty())
                version.insert(u"advisories"_s, QJsonArray::fromStringList(advisories));
            served.append(version);
        }
        const QString state = result.state == Result::State::Found ? u"found"_s : result.state == Result::State::Failed ? u"failed"_s : u"not-found"_s;
        QJsonObject report{{u"name"_s, lowerName}, {u"state"_s, state}, {u"connector"_s, result.connector},
                           {u"reason"_s, result.reason}, {u"blocked"_s, result.blocked}, {u"stale"_s, result.stale},
                           {u"served"_s, served}, {u"hidden"_s, hidden}};
        if (const auto pin = store->pin(lowerName))
            report.insert(u"pinned"_s, QJsonObject{{u"connector"_s, pin->connector}, {u"since"_s, pin->pinned.toString(Qt::ISODate)}});
        done(report);
    });
}
