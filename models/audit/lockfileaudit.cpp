// SPDX-License-Identifier: GPL-3.0-or-later
#include "lockfileaudit.h"

#include "cyclonedxsbom.h"

#include "cargotypes/indexentry.h"
#include "cargotypes/curationreport.h"
#include "cargotypes/progetpackagereport.h"
#include "curation/spdxexpression.h"
#include "registry/registryclient.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonObject>
#include <QUuid>
#include <QtConcurrentRun>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

LockfileAudit::LockfileAudit(RegistryClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
}

LockfileAudit::~LockfileAudit() = default;

void LockfileAudit::start(const CargoLock &lock)
{
    m_started = true;
    m_lock = lock;
    for (const CargoLock::Package &package : lock.packages) {
        const qsizetype row = m_rows.size();
        m_rows.append({package.name, package.version, Status::Checking, {}, {}, {}});
        m_checksums.append(package.checksum);
        if (package.origin != CargoLock::Package::Origin::Registry) {
            m_rows[row].status = Status::NotRegistry;
            m_rows[row].reason = package.origin == CargoLock::Package::Origin::Git ? tr("from git: %1").arg(package.source)
                                                                                  : tr("a path or workspace package");
            continue;
        }
        const QString lowerName = package.name.toLower();
        const bool asked = m_waiting.contains(lowerName);
        m_waiting.insert(lowerName, row);
        if (asked)
            continue;
        ++m_pending;
        if (!m_client) {
            QMetaObject::invokeMethod(this, [this, lowerName] { indexFetched(lowerName, nullptr); }, Qt::QueuedConnection);
            continue;
        }
        RegistryReply *reply = m_client->fetchIndex(package.name);
        connect(reply, &RegistryReply::finished, this, [this, lowerName, reply] { indexFetched(lowerName, reply); });
    }
    Q_EMIT started();
    if (m_pending == 0)
        QMetaObject::invokeMethod(this, &LockfileAudit::finished, Qt::QueuedConnection);
}

void LockfileAudit::startFile(const QString &path)
{
    auto *watcher = new QFutureWatcher<CargoLock::Result>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        const CargoLock::Result result = watcher->result();
        if (!result.lock)
            return Q_EMIT failed(result.error);
        start(*result.lock);
    });
    watcher->setFuture(QtConcurrent::run(&CargoLock::readFile, path));
}

void LockfileAudit::indexFetched(const QString &lowerName, RegistryReply *reply)
{
    const QList<qsizetype> rows = m_waiting.values(lowerName);
    m_waiting.remove(lowerName);
    if (m_client && m_client->isProGet() && !m_vulnerabilitiesAsked)
        auditVulnerabilities();
    for (const qsizetype row : rows) {
        if (!reply)
            settle(row, Status::Error, tr("the feed was removed while the audit ran"));
        else if (reply->error().kind == RegistryError::Kind::NotFound)
            explainAbsence(row, Status::Missing, tr("the feed has no crate %1").arg(m_rows.at(row).name));
        else if (reply->error())
            settle(row, Status::Error, reply->error().message);
        else
            judge(row, reply->entries);
    }
    done();
}

void LockfileAudit::judge(qsizetype row, const QList<IndexEntry> &entries)
{
    const Row &wanted = m_rows.at(row);
    const auto entry = std::find_if(entries.cbegin(), entries.cend(), [&](const IndexEntry &e) { return e.vers == wanted.version; });
    if (entry == entries.cend())
        return explainAbsence(row, Status::Missing, tr("the feed has %1, but not version %2").arg(wanted.name, wanted.version));
    const QString &locked = m_checksums.at(row);
    if (!locked.isEmpty() && entry->cksum != locked) {
        return settle(row, Status::Blocked, tr("the feed's %1 %2 is not the build Cargo.lock pins: its checksum is %3, the lockfile's %4")
                                                .arg(wanted.name, wanted.version, entry->cksum.left(12), locked.left(12)));
    }
    if (entry->yanked) // by its owner, or by a connector's policy (CrateDesk's feeds yank what they hold or block)
        return explainAbsence(row, Status::Yanked, tr("yanked in the feed: `cargo build --locked` still works, a new resolution avoids it"));
    if (m_client && m_client->isProGet())
        return askProGet(row, Status::Ok, {}, *entry);
    if (!m_policy.isActive() && !m_looksUpLicenses)
        return settle(row, Status::Ok);
    checkLicense(row, *entry);
}

void LockfileAudit::explainAbsence(qsizetype row, Status fallback, const QString &fallbackReason)
{
    if (m_client && m_client->isProGet())
        askProGet(row, fallback, fallbackReason, std::nullopt);
    else
        askCuration(row, fallback, fallbackReason);
}

void LockfileAudit::askProGet(qsizetype row, Status fallback, const QString &fallbackReason, const std::optional<IndexEntry> &entry)
{
    ++m_pending;
    RegistryReply *reply = m_client->proGetMetadata(m_rows.at(row).name, m_rows.at(row).version);
    connect(reply, &RegistryReply::finished, this, [this, row, reply, fallback, fallbackReason, entry] {
        proGetAnswered(row, fallback, fallbackReason, entry, reply);
        done();
    });
}

void LockfileAudit::proGetAnswered(qsizetype row, Status fallback, const QString &fallbackReason, const std::optional<IndexEntry> &entry,
                                   RegistryReply *reply)
{
    const Row &wanted = m_rows.at(row);
    if (reply->error() && reply->error().kind != RegistryError::Kind::NotFound && entry)
        m_rows[row].notes << tr("ProGet's metadata could not be read: %1").arg(reply->error().message);
    const ProGetPackageReport report = ProGetPackageReport::fromMetadata(reply->error() ? QJsonObject() : reply->json.object());
    QStringList blocking; // the labels of the vulnerabilities ProGet blocks it for
    for (const ProGetVulnerability &vulnerability : report.vulnerabilities) {
        // The batch audit may have named it already, without ProGet's assessment.
        m_rows[row].notes.removeIf([&](const QString &note) { return note.contains(vulnerability.id); });
        if (vulnerability.blocked)
            blocking << vulnerability.label();
        else
            m_rows[row].notes << tr("vulnerability %1").arg(vulnerability.label());
    }
    if (report.allowDownload == false)
        return settle(row, Status::Blocked, tr("ProGet blocks downloads of %1 %2").arg(wanted.name, wanted.version));
    if (blocking.size() == 1)
        return settle(row, Status::Blocked, tr("ProGet blocks %1 %2 for vulnerability %3").arg(wanted.name, wanted.version, blocking.first()));
    if (!blocking.isEmpty())
        return settle(row, Status::Blocked,
                      tr("ProGet blocks %1 %2 for these vulnerabilities: %3").arg(wanted.name, wanted.version, blocking.join(u"; "_s)));
    if (report.isNoncompliant()) {
        if (report.complianceIssues.isEmpty())
            return settle(row, Status::Blocked, tr("ProGet finds %1 %2 noncompliant: no reason given").arg(wanted.name, wanted.version));
        return settle(row, Status::Blocked,
                      tr("ProGet finds %1 %2 noncompliant: %3").arg(wanted.name, wanted.version, report.complianceIssues.join(u"; "_s)));
    }
    if (!report.compliance.isEmpty() && report.compliance.compare(u"Compliant"_s, Qt::CaseInsensitive) != 0)
        m_rows[row].notes << tr("ProGet's compliance analysis: %1 %2").arg(report.compliance, report.complianceIssues.join(u"; "_s)).trimmed();
    if (report.deprecated)
        m_rows[row].notes << tr("deprecated in ProGet: %1").arg(report.deprecationReason).trimmed();
    if (!entry)
        return settle(row, fallback, fallbackReason);
    if (report.licenses.isEmpty() && (m_policy.isActive() || m_looksUpLicenses))
        return checkLicense(row, *entry);
    m_rows[row].license = report.licenses.join(u" OR "_s);
    const LicenseVerdict verdict = m_policy.isActive() ? LicenseVerdict::judge(m_rows.at(row).license, m_policy) : LicenseVerdict{true, {}};
    settle(row, verdict.allowed ? fallback : Status::Blocked, verdict.allowed ? fallbackReason : verdict.reason);
}

void LockfileAudit::auditVulnerabilities()
{
    m_vulnerabilitiesAsked = true;
    QList<std::pair<QString, QString>> packages;
    QList<QList<qsizetype>> rowsOf; // per package asked, the rows that pin it
    QHash<QString, qsizetype> asked;
    for (qsizetype row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).status == Status::NotRegistry)
            continue;
        const QString key = m_rows.at(row).name.toLower() + u'@' + m_rows.at(row).version;
        if (!asked.contains(key)) {
            asked.insert(key, packages.size());
            packages.append({m_rows.at(row).name, m_rows.at(row).version});
            rowsOf.append(QList<qsizetype>());
        }
        rowsOf[asked.value(key)].append(row);
    }
    ++m_pending;
    RegistryReply *reply = m_client->proGetVulnerabilityAudit(packages);
    connect(reply, &RegistryReply::finished, this, [this, reply, rowsOf] {
        // An edition or version without the audit answers 404: nothing to say then.
        if (reply->error() && reply->error().kind != RegistryError::Kind::NotFound)
            m_warnings << tr("ProGet's vulnerability audit failed: %1").arg(reply->error().message);
        const auto found = ProGetPackageReport::fromVulnerabilityAudit(reply->error() ? QJsonArray() : reply->json.array(), rowsOf.size());
        for (qsizetype package = 0; package < rowsOf.size(); ++package) {
            for (const qsizetype row : rowsOf.at(package))
                addVulnerabilityNotes(row, found.at(package));
        }
        done();
    });
}

void LockfileAudit::addVulnerabilityNotes(qsizetype row, const QList<ProGetVulnerability> &vulnerabilities)
{
    bool added = false;
    for (const ProGetVulnerability &vulnerability : vulnerabilities) {
        const Row &current = m_rows.at(row);
        const auto mentions = [&](const QString &text) { return text.contains(vulnerability.id); };
        if (current.reason.contains(vulnerability.id) || std::ranges::any_of(current.notes, mentions))
            continue;
        m_rows[row].notes << tr("vulnerability %1").arg(vulnerability.label());
        added = true;
    }
    if (added && m_rows.at(row).status != Status::Checking)
        Q_EMIT rowSettled(row);
}

void LockfileAudit::checkLicense(qsizetype row, const IndexEntry &entry)
{
    if (!m_client)
        return settle(row, Status::Error, tr("the feed was removed while the audit ran"));
    ++m_pending;
    RegistryReply *reply = m_client->license(entry.name, entry.vers, entry.cksum);
    connect(reply, &RegistryReply::finished, this, [this, row, reply] {
        const QString license = reply->error() ? QString() : reply->license;
        m_rows[row].license = license;
        const LicenseVerdict verdict = LicenseVerdict::judge(license, m_policy);
        if (verdict.allowed)
            settle(row, Status::Ok);
        else
            settle(row, Status::Blocked, reply->error() && license.isEmpty() ? tr("%1 (the license could not be read: %2)").arg(verdict.reason, reply->error().message)
                                                                             : verdict.reason);
        done();
    });
}

void LockfileAudit::askCuration(qsizetype row, Status fallback, const QString &fallbackReason)
{
    if (!m_client)
        return settle(row, fallback, fallbackReason);
    ++m_pending;
    RegistryReply *reply = m_client->curation(m_rows.at(row).name);
    connect(reply, &RegistryReply::finished, this, [this, row, reply, fallback, fallbackReason] {
        // Feeds other than CrateDesk's have no such report: the fallback stands.
        const CurationReport report = CurationReport::fromJson(reply->error() ? QJsonObject() : reply->json.object());
        const Row &wanted = m_rows.at(row);
        const auto refused = report.refused.constFind(wanted.version);
        if (refused != report.refused.constEnd() && refused->held)
            settle(row, Status::Held, tr("the feed holds %1 %2 until %3: %4").arg(wanted.name, wanted.version,
                                                                                 refused->until.toString(Qt::ISODate), refused->reason));
        else if (refused != report.refused.constEnd())
            settle(row, Status::Blocked, tr("the feed keeps %1 %2 out: %3").arg(wanted.name, wanted.version, refused->reason));
        else if (fallback == Status::Missing && report.blocked)
            settle(row, Status::Blocked, report.reason);
        else
            settle(row, fallback, fallbackReason);
        done();
    });
}

void LockfileAudit::settle(qsizetype row, Status status, const QString &reason)
{
    m_rows[row].status = status;
    m_rows[row].reason = reason;
    Q_EMIT rowSettled(row);
}

void LockfileAudit::done()
{
    if (--m_pending == 0)
        Q_EMIT finished();
}

int LockfileAudit::count(Status status) const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(), [status](const Row &row) { return row.status == status; }));
}

QString LockfileAudit::Row::detail() const
{
    QStringList parts = notes;
    if (!reason.isEmpty())
        parts.prepend(reason);
    return parts.join(u"; "_s);
}

bool LockfileAudit::passed() const
{
    return isFinished() && std::all_of(m_rows.cbegin(), m_rows.cend(), [](const Row &row) {
        return row.status == Status::Ok || row.status == Status::NotRegistry;
    });
}

QString LockfileAudit::statusName(Status status)
{
    switch (status) {
    case Status::Checking: return u"checking"_s;
    case Status::Ok: return u"ok"_s;
    case Status::Missing: return u"missing"_s;
    case Status::Yanked: return u"yanked"_s;
    case Status::Blocked: return u"blocked"_s;
    case Status::Held: return u"held"_s;
    case Status::NotRegistry: return u"not-registry"_s;
    case Status::Error: return u"error"_s;
    }
    return {};
}

QString LockfileAudit::textReport() const
{
    QStringList lines;
    for (const Row &row : m_rows) {
        if ((row.status != Status::Ok && row.status != Status::NotRegistry) || !row.notes.isEmpty())
            lines << u"%1\t%2 %3\t%4"_s.arg(statusName(row.status), row.name, row.version, row.detail());
    }
    QStringList counts;
    for (const Status status : {Status::Ok, Status::Missing, Status::Yanked, Status::Blocked, Status::Held, Status::NotRegistry, Status::Error}) {
        if (const int n = count(status))
            counts << u"%1 %2"_s.arg(n).arg(statusName(status));
    }
    lines << m_warnings;
    lines << u"%1 packages: %2"_s.arg(m_rows.size()).arg(counts.join(u", "_s));
    return lines.join(u'\n');
}

QByteArray LockfileAudit::billOfMaterials(const QString &projectName) const
{
    CycloneDxSbom::Input input{m_lock, projectName, {}, QDateTime::currentDateTimeUtc(), QUuid::createUuid(), QCoreApplication::applicationVersion()};
    for (const Row &row : m_rows) {
        if (!row.license.isEmpty())
            input.licenses.insert(row.name + u'@' + row.version, row.license);
    }
    return CycloneDxSbom::document(input);
}
