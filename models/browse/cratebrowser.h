// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "crate/cratearchive.h"
#include "crate/publishmetadata.h"
#include "crateoverview.h"
#include "cargotypes/indexentry.h"
#include "registry/registryclient.h"
#include "cargotypes/registryerror.h"

#include <QHash>
#include <QObject>
#include <QPointer>

class CrateFileTreeModel;
class CrateFilterProxyModel;
class CrateListModel;
class DependencyModel;
class FeatureModel;
class RegistryClient;
class RegistryReply;
class ReverseDependencyModel;
class VersionListModel;

// What a .crate holds beyond the index: read on a worker thread from the downloaded file.
struct CrateContents
{
    QString crate;    // "serde@1.0.0"
    QList<CrateArchive::File> files;
    QString readme;   // Markdown (or plain text), empty when the crate has none
    QString readmeFile;
    QString licenseFile;
    QString licenseText;
    std::optional<PublishMetadata> metadata; // what cargo publish would send for it
    QString edition;
    qint64 crateSize = -1; // bytes of the .crate
    QString error;    // set when the file could not be read
};

// The browsing session of the window: one feed at a time, its crate list, one open crate and
// one selected version. It talks to the feed through RegistryClient and feeds the item models
// with what comes back; the models themselves never do I/O. Newer requests supersede older
// ones: an answer for a crate that is no longer open is dropped.
class CrateBrowser final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CrateBrowser)

public:
    // cacheDir keeps downloaded .crate files (verified against the index checksum).
    explicit CrateBrowser(const QString &cacheDir, QObject *parent = nullptr);
    ~CrateBrowser() override;

    CrateListModel *crates() const { return m_crates; }
    CrateFilterProxyModel *filteredCrates() const { return m_filtered; }
    VersionListModel *versions() const { return m_versions; }
    DependencyModel *dependencies() const { return m_dependencies; }
    ReverseDependencyModel *usedBy() const { return m_usedBy; }
    QString crateName() const { return m_crateName; } // the open crate
    // Asks the feed what depends on the open crate (once per crate): usedByLoaded() follows.
    void loadUsedBy();
    // usedBy() came from the index files cached from the feed, which has no reverse
    // dependency API: crates this app never read from the feed are missing from it.
    bool usedByIsPartial() const { return m_usedByPartial; }
    FeatureModel *features() const { return m_features; }
    CrateFileTreeModel *files() const { return m_files; }

    RegistryClient *client() const { return m_client; }
    // Where verified .crate files are kept, by checksum; other sessions reading them share it.
    QString cacheDir() const { return m_cacheDir; }
    // Switches to another feed (or none); clears everything and lists its crates.
    void setClient(RegistryClient *client);
    void refresh();

    void openCrate(const QString &name);
    QString openCrateName() const { return m_crateName; }
    void selectVersion(int versionRow);
    int selectedVersionRow() const { return m_versionRow; }
    std::optional<IndexEntry> selectedEntry() const;
    const CrateContents &contents() const { return m_contents; }
    // The selected version at a glance; overviewChanged() follows each thing learnt.
    const CrateOverview &overview() const { return m_overview; }
    // Fetches a picture the open crate's readme shows (at most MaxReadmeImageBytes, never with
    // the feed's credentials); readmeImageLoaded() follows, with empty bytes when it failed.
    static constexpr qint64 MaxReadmeImageBytes = 4 << 20;
    void loadReadmeImage(const QUrl &url);
    QString license() const { return m_license; }
    bool isStale() const { return m_stale; }
    // The feed has crates not listed yet: listMoreCrates() asks for the next pages, as the
    // window does when its crate list is scrolled to the end. A no-op while a listing runs.
    bool hasMoreCrates() const { return !m_nextPage.isEmpty(); }
    void listMoreCrates();
    bool isListing() const { return !m_listing.isNull(); }
    // Pages of 100 a listing loads by itself before it waits to be asked for more: a private
    // feed's few thousand crates at once, crates.io's 190,000 only as far as they are wanted.
    static constexpr int DefaultAutoListedPages = 20;
    void setAutoListedPages(int pages) { m_autoListedPages = qMax(1, pages); }

    // Yanks or unyanks the selected version, then reads the index again.
    void setSelectedYanked(bool yanked);
    // Copies the verified .crate of the selected version into `dir`.
    void downloadSelected(const QString &dir);
    // The line to paste under [dependencies] for the selected version.
    QString dependencyLine() const;
    static QString dependencyLine(const QString &crate, const QString &version, const QString &registryName);
    // Reads a file of the selected version's .crate (at most maxBytes), once contents are known.
    // Reads one file of the open crate on a worker thread (the archive is inflated up to the
    // file); fileRead() follows, unless another file or crate was asked for meanwhile.
    void readFile(const QString &path, qint64 maxBytes = 4 << 20);

    // Whether the running activity (the id of activity()) can be stopped: a listing, a crate
    // being read, a download. A yank cannot: once sent, it happened.
    bool isCancellable(const QString &activityId) const;
    void cancelActivity(const QString &activityId);

Q_SIGNALS:
    // `bytes` is empty when the file cannot be read or is larger than asked.
    void fileRead(const QString &path, const std::optional<QByteArray> &bytes);
    void cleared(); // another feed (or none): nothing is open any more
    void listingStarted();
    void listingFinished(int count);
    void crateOpened(const QString &name);   // versions are known
    void versionSelected(const IndexEntry &entry);
    void licenseKnown(const QString &license);
    void overviewChanged(const CrateOverview &overview);
    void readmeImageLoaded(const QUrl &url, const QByteArray &bytes);
    void contentsKnown(const CrateContents &contents);
    void staleChanged(bool stale);           // showing cached data because the feed is unreachable
    // `failure` is a whole translated sentence ("Could not read serde"): a translator cannot
    // build one from a verb fragment, so the window only appends the registry's reason.
    void failed(const RegistryError &error, const QString &failure);
    // The feed's index file of `crate` held lines that were left out; each says feed, line, why.
    void indexLinesDropped(const QString &crate, const QStringList &warnings);
    void yankChanged(const QString &crate, const QString &version, bool yanked);
    void downloaded(const QString &path);
    // usedBy() holds the answer; `error` is empty unless the feed could not say.
    void usedByLoaded(const QString &crate, const QString &error);
    // For the activity area: something started or finished.
    void activity(const QString &id, const QString &label, bool running);
    void progress(const QString &id, qint64 done, qint64 total);

private:
    void listCrates(const QString &from = {});
    void loadContents(const IndexEntry &entry);
    void cancelCrateWork();
    void startActivity(const QString &id, const QString &label, RegistryReply *reply = nullptr);
    void loadUsedByFromCache(const QString &name, const QString &feedError);
    void explainYanked(const QString &name, quint64 generation);
    QString cachedCratePath(const IndexEntry &entry) const;
    void setStale(bool stale);
    void takeFacts(const VersionFacts &facts);
    void loadOwners(const QString &crate);
    void takeManifestFacts(const CrateContents &contents);

    QString m_cacheDir;
    QPointer<RegistryClient> m_client;
    CrateListModel *m_crates;
    CrateFilterProxyModel *m_filtered;
    VersionListModel *m_versions;
    DependencyModel *m_dependencies;
    ReverseDependencyModel *m_usedBy;
    QString m_usedByCrate; // the crate usedBy() was asked for
    QPointer<RegistryReply> m_usedByReply;
    bool m_usedByPartial = false;
    FeatureModel *m_features;
    CrateFileTreeModel *m_files;

    QString m_crateName;
    int m_versionRow = -1;
    QString m_license;
    CrateContents m_contents;
    CrateOverview m_overview;
    QPointer<RegistryReply> m_ownersReply;
    QStringList m_owners; // of m_ownersCrate, once known
    QString m_ownersCrate;
    std::optional<CrateArchive> m_archive;
    quint64 m_fileGeneration = 0;
    bool m_stale = false;
    quint64 m_generation = 0; // bumped when the open crate or version changes
    QList<QPointer<RegistryReply>> m_replies;
    QPointer<RegistryReply> m_listing;
    QHash<QString, QPointer<RegistryReply>> m_activityReplies; // activity id -> what cancels it
    QString m_nextPage; // where the feed's listing goes on; empty once it is complete
    int m_autoListedPages = DefaultAutoListedPages;
};
