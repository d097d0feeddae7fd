// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectorhub.h"

#include "connectors/cratefilter.h"
#include "connectors/spdxexpression.h"
#include "registry/cratename.h"
#include "secrets/secretstore.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>

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
    m_registryUrls.clear();
    const QList<ConnectorConfig> configs = m_store->connectors();
    for (const ConnectorConfig &config : configs) {
        auto *connector = new UpstreamConnector(config, m_store, m_http, this);
        m_connectors.append(connector);
        m_registryUrls += connector->registryUrls();
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
    indexFrom(0, lowerName, {}, std::move(done));
}

void ConnectorHub::indexFrom(qsizetype position, const QString &lowerName, QStringList reasons, ResultCallback done)
{
    for (; position < m_connectors.size(); ++position) {
        UpstreamConnector *connector = m_connectors.at(position);
        const ConnectorConfig &config = connector->config();
        CurationVerdict verdict = CrateFilter::check(config.filters, lowerName);
        if (verdict.allowed)
            verdict = CrateFilter::checkApproved(config.approved, lowerName);
        if (!verdict.allowed) {
            // A blocked crate is not even asked for upstream.
            reasons << u"connector %1: `%2` is %3"_s.arg(config.name, lowerName, verdict.reason);
            continue;
        }
        QPointer<UpstreamConnector> guard(connector);
        connector->index(lowerName, [this, guard, position, lowerName, reasons, done](const UpstreamConnector::Index &index) mutable {
            if (!guard) {
                Result gone;
                gone.state = Result::State::Failed;
                gone.reason = u"the connectors changed while the upstream was asked; try again"_s;
                return done(gone);
            }
            if (index.state == UpstreamConnector::Index::State::Found) {
                Result result = process(guard, lowerName, index);
                if (!reasons.isEmpty())
                    result.reason = reasons.join(u"; "_s);
                return done(result);
            }
            if (index.state == UpstreamConnector::Index::State::Failed) {
                reasons << u"connector %1: %2"_s.arg(guard->config().name, index.error.isEmpty() ? u"the upstream cannot be reached and nothing is cached"_s : index.error);
                Result failed;
                failed.state = Result::State::Failed;
                // Later connectors may still have it; the failure only counts when none does.
                indexFrom(position + 1, lowerName, reasons, [failed, done](const Result &later) mutable {
                    if (later.state == Result::State::Found)
                        return done(later);
                    failed.reason = later.reason;
                    done(failed);
                });
                return;
            }
            reasons << u"connector %1: the upstream has no crate `%2`"_s.arg(guard->config().name, lowerName);
            indexFrom(position + 1, lowerName, reasons, done);
        });
        return;
    }
    Result none;
    none.reason = reasons.isEmpty() ? u"crate `%1` does not exist in this feed"_s.arg(lowerName)
                                    : u"crate `%1` does not exist in this feed; %2"_s.arg(lowerName, reasons.join(u"; "_s));
    done(none);
}

ConnectorHub::Result ConnectorHub::process(UpstreamConnector *connector, const QString &lowerName, const UpstreamConnector::Index &index)
{
    const ConnectorConfig &config = connector->config();
    const QString key = config.name + u'/' + lowerName;
    if (const auto it = m_processed.constFind(key); it != m_processed.constEnd() && it->generation == index.generation) {
        Result cached = it->result;
        cached.stale = index.stale;
        return cached;
    }

    Result result;
    result.state = Result::State::Found;
    result.connector = config.name;
    const QList<QByteArray> rawLines = index.body.split('\n');
    for (const QByteArray &raw : rawLines) {
        if (raw.trimmed().isEmpty())
            continue;
        QJsonObject line = QJsonDocument::fromJson(raw).object();
        const QString vers = line.value(u"vers"_s).toString();
        const QString name = line.value(u"name"_s).toString();
        if (vers.isEmpty() || name.toLower() != lowerName)
            continue; // cargo would not use such a line either
        CurationVerdict verdict = CrateFilter::checkApprovedVersion(config.approved, name, vers);
        QString license = index.licenses.value(vers);
        if (license.isEmpty()) {
            if (const auto cached = m_store->cachedCrate(config.name, name, vers))
                license = cached->license;
        }
        if (verdict.allowed && config.licenses.isActive()) {
            const LicenseVerdict judged = LicenseVerdict::judge(license, config.licenses);
            verdict = {judged.allowed, judged.reason};
        }
        if (!verdict.allowed) {
            result.hidden.append({vers, verdict.reason});
            continue;
        }
        // Dependencies on the upstream (or on another upstream of ours) resolve through this
        // feed: cargo must never talk to an upstream itself.
        QJsonArray deps = line.value(u"deps"_s).toArray();
        bool rewritten = false;
        for (qsizetype i = 0; i < deps.size(); ++i) {
            QJsonObject dep = deps.at(i).toObject();
            if (dep.contains(u"registry"_s) && m_registryUrls.contains(dep.value(u"registry"_s).toString())) {
                dep.remove(u"registry"_s);
                deps.replace(i, dep);
                rewritten = true;
            }
        }
        QByteArray served = raw;
        if (rewritten) {
            line.insert(u"deps"_s, deps);
            served = QJsonDocument(line).toJson(QJsonDocument::Compact);
        }
        result.lines.append(served);
        result.precedenceKeys.append(vers.section(u'+', 0, 0));
        result.cksums.insert(vers, line.value(u"cksum"_s).toString());
        if (!license.isEmpty())
            result.licenses.insert(vers, license);
        result.body += served;
        result.body += '\n';
    }
    result.etag = '"' + QCryptographicHash::hash(result.body, QCryptographicHash::Sha256).toHex().left(32) + '"';
    if (!result.hidden.isEmpty())
        qCInfo(lcHub).noquote() << "connector" << config.name << "hides" << result.hidden.size() << "version(s) of" << lowerName;
    m_processed.insert(key, {index.generation, result});
    result.stale = index.stale;
    return result;
}

void ConnectorHub::crate(const QString &name, const QString &vers, CrateCallback done)
{
    index(name.toLower(), [this, name, vers, done](const Result &result) {
        if (result.state != Result::State::Found)
            return done({result.state == Result::State::Failed ? 503 : 404, {}, result.reason});
        for (const Hidden &hidden : result.hidden)
            if (hidden.vers == vers)
                return done({404, {}, u"`%1@%2` is not served: %3"_s.arg(name, vers, hidden.reason)});
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
                    return done({404, {}, u"`%1@%2` is not served: %3"_s.arg(name, vers, verdict.reason)});
            }
            done({200, download.path, {}});
        });
    });
}

void ConnectorHub::curation(const QString &lowerName, std::function<void(const QJsonObject &)> done)
{
    index(lowerName, [done, lowerName](const Result &result) {
        QJsonArray hidden;
        for (const Hidden &entry : result.hidden)
            hidden.append(QJsonObject{{u"vers"_s, entry.vers}, {u"reason"_s, entry.reason}});
        QJsonArray served;
        for (auto it = result.cksums.cbegin(); it != result.cksums.cend(); ++it)
            served.append(QJsonObject{{u"vers"_s, it.key()}, {u"license"_s, result.licenses.value(it.key())}});
        const QString state = result.state == Result::State::Found ? u"found"_s : result.state == Result::State::Failed ? u"failed"_s : u"not-found"_s;
        done(QJsonObject{{u"name"_s, lowerName}, {u"state"_s, state}, {u"connector"_s, result.connector},
                         {u"reason"_s, result.reason}, {u"stale"_s, result.stale}, {u"served"_s, served}, {u"hidden"_s, hidden}});
    });
}
