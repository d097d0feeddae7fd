// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "crate/cargolock.h"
#include "cargotypes/indexentry.h"
#include "curation/connectorconfig.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

#include <optional>

class RegistryClient;
class RegistryReply;
struct IndexEntry;
struct ProGetVulnerability;

// Checks every package a Cargo.lock pins against one feed: is that exact version there, not
// yanked, the build cargo locked (same checksum), and, with a license policy, allowed? What a
// CrateDesk feed's connectors keep out is reported as blocked, with its curation reason; what a
// ProGet server blocks (its package status, license compliance, vulnerabilities assessed as
// blocking) likewise, with the vulnerabilities ProGet knows as notes. One
// index fetch per crate name, all at once; each row is settled as its answers arrive. The
// window and `cratedesk audit` drive it and read the rows.
class LockfileAudit final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LockfileAudit)

public:
    enum class Status { Checking, Ok, Missing, Yanked, Blocked, Held, NotRegistry, Error };
    Q_ENUM(Status)

    struct Row
    {
        QString name;
        QString version;
        Status status = Status::Checking;
        QString reason;  // why it is not Ok, in words
        QString license; // the version's license expression, where it was looked up
        // What the feed's server says that does not keep the version out: ProGet's known
        // vulnerabilities, a compliance warning, a deprecation.
        QStringList notes;

        QString detail() const; // the reason, then the notes
    };

    explicit LockfileAudit(RegistryClient *client, QObject *parent = nullptr);
    ~LockfileAudit() override;

    // Judged against the license of each version; looked up only when the rules are active.
    void setLicensePolicy(const LicenseRules &rules) { m_policy = rules; }
    // Looks every present version's license up even without rules (for a bill of materials).
    void setLooksUpLicenses(bool lookUp) { m_looksUpLicenses = lookUp; }
    void start(const CargoLock &lock);
    // Reads and parses the file on a worker thread, then starts; failed() when it cannot.
    void startFile(const QString &path);

    const QList<Row> &rows() const { return m_rows; }
    bool isFinished() const { return m_started && m_pending == 0; }
    int count(Status status) const;
    // Everything from a registry is there and allowed (Git and path packages aside).
    bool passed() const;
    // What went wrong beside the rows (a server's audit API that failed), for the report.
    const QStringList &warnings() const { return m_warnings; }
    static QString statusName(Status status); // "ok", "missing", "yanked", "blocked", "not-registry", …
    // One line per package that needs attention ("missing\tNAME VERSION\tREASON"), then the
    // counts: what the command line prints and the window copies.
    QString textReport() const;
    // A CycloneDX 1.5 JSON bill of materials of the audited lockfile, with the licenses the
    // audit looked up (setLooksUpLicenses), for the project named `projectName`.
    QByteArray billOfMaterials(const QString &projectName) const;

Q_SIGNALS:
    void started(); // the rows are there, checking
    void failed(const QString &error); // the lockfile could not be read; no rows
    void rowSettled(qsizetype row); // or changed since: notes arrived
    void finished();

private:
    void indexFetched(const QString &lowerName, RegistryReply *reply);
    void judge(qsizetype row, const QList<IndexEntry> &entries);
    void checkLicense(qsizetype row, const IndexEntry &entry);
    // Missing, unless the feed's curation report says it keeps the crate or version out.
    // What the feed's curation report says of the row's version, else `fallback`.
    void askCuration(qsizetype row, Status fallback, const QString &fallbackReason);
    // ProGet's own word on the row's version (its metadata); `fallback` when it has none.
    // Not there or yanked: what the feed's server says of it (ProGet's metadata, a CrateDesk
    // feed's curation report), else `fallback`.
    void explainAbsence(qsizetype row, Status fallback, const QString &fallbackReason);
    // ProGet's word on the row's version (`entry`: the feed lists it); `fallback` when it has none.
    void askProGet(qsizetype row, Status fallback, const QString &fallbackReason, const std::optional<IndexEntry> &entry);
    void proGetAnswered(qsizetype row, Status fallback, const QString &fallbackReason, const std::optional<IndexEntry> &entry,
                        RegistryReply *reply);
    // ProGet's batch vulnerability audit of every package from a registry, once per audit.
    void auditVulnerabilities();
    void addVulnerabilityNotes(qsizetype row, const QList<ProGetVulnerability> &vulnerabilities);
    void settle(qsizetype row, Status status, const QString &reason = {});
    void done();

    QPointer<RegistryClient> m_client;
    LicenseRules m_policy;
    bool m_looksUpLicenses = false;
    QList<Row> m_rows;
    CargoLock m_lock;
    QList<QString> m_checksums; // Cargo.lock's, per row
    QMultiHash<QString, qsizetype> m_waiting; // lower-case name -> rows waiting for its index
    int m_pending = 0;
    bool m_started = false;
    bool m_vulnerabilitiesAsked = false;
    QStringList m_warnings;
};
