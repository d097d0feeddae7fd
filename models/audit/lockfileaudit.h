// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "crate/cargolock.h"
#include "curation/connectorconfig.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

class RegistryClient;
class RegistryReply;
struct IndexEntry;

// Checks every package a Cargo.lock pins against one feed: is that exact version there, not
// yanked, the build cargo locked (same checksum), and, with a license policy, allowed? What a
// CrateDesk feed's connectors keep out is reported as blocked, with its curation reason. One
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
    void rowSettled(qsizetype row);
    void finished();

private:
    void indexFetched(const QString &lowerName, RegistryReply *reply);
    void judge(qsizetype row, const QList<IndexEntry> &entries);
    void checkLicense(qsizetype row, const IndexEntry &entry);
    // Missing, unless the feed's curation report says it keeps the crate or version out.
    // What the feed's curation report says of the row's version, else `fallback`.
    void askCuration(qsizetype row, Status fallback, const QString &fallbackReason);
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
};
