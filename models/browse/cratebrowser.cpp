// SPDX-License-Identifier: GPL-3.0-or-later
#include "cratebrowser.h"

#include "cargotypes/cratefilepath.h"
#include "cargotypes/cratesio.h"

#include "crate/cargomanifest.h"
#include "crate/publishmetadata.h"
#include "itemmodels/cratefiletreemodel.h"
#include "itemmodels/cratefilterproxymodel.h"
#include "itemmodels/cratelistmodel.h"
#include "itemmodels/dependencymodel.h"
#include "itemmodels/featuremodel.h"
#include "itemmodels/reversedependencymodel.h"
#include "itemmodels/versionlistmodel.h"
#include "registry/registryclient.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringDecoder>
#include <QtConcurrentRun>

using namespace Qt::Literals::StringLiterals;

namespace {

struct LoadedCrate
{
    CrateContents contents;
    std::optional<CrateArchive> archive;
};

QString utf8OrNothing(const std::optional<QByteArray> &bytes)
{
    if (!bytes)
        return {};
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = utf8.decode(*bytes);
    return utf8.hasError() ? QString() : text;
}

// Runs on a worker thread: a large crate takes a moment to decompress.
LoadedCrate readCrate(const QString &path, const QString &label, const QString &indexUrl)
{
    LoadedCrate loaded;
    loaded.contents.crate = label;
    auto result = CrateArchive::open(path);
    if (!result.isOk()) {
        loaded.contents.error = result.error.message;
        return loaded;
    }
    const CrateArchive &archive = *result.archive;
    loaded.contents.files = archive.files();
    // The readme and license file as cargo finds them (the same rules as for publishing).
    const auto metadata = PublishMetadata::fromArchive(archive, indexUrl);
    if (metadata.isOk()) {
        loaded.contents.readme = metadata.metadata->readme.value_or(QString());
        loaded.contents.readmeFile = metadata.metadata->readmeFile.value_or(QString());
        loaded.contents.licenseFile = metadata.metadata->licenseFile.value_or(QString());
        loaded.contents.metadata = metadata.metadata;
    }
    if (const auto manifest = CargoManifest::parse(archive.manifestBytes()); manifest.isOk())
        loaded.contents.edition = manifest.manifest->edition.value_or(QString());
    loaded.contents.crateSize = QFileInfo(path).size();
    if (loaded.contents.licenseFile.isEmpty()) {
        for (const CrateArchive::File &file : archive.files()) {
            if (!file.path.contains(u'/') && (file.path.startsWith(u"LICENSE"_s, Qt::CaseInsensitive)
                                               || file.path.startsWith(u"COPYING"_s, Qt::CaseInsensitive))) {
                loaded.contents.licenseFile = file.path;
                break;
            }
        }
    }
    if (!loaded.contents.licenseFile.isEmpty())
        loaded.contents.licenseText = utf8OrNothing(archive.fileData(QDir::cleanPath(loaded.contents.licenseFile), 1 << 20));
    loaded.archive = std::move(result.archive);
    return loaded;
}

} // namespace

CrateBrowser::CrateBrowser(const QString &cacheDir, QObject *parent)
    : QObject(parent)
    , m_cacheDir(cacheDir)
    , m_crates(new CrateListModel(this))
    , m_filtered(new CrateFilterProxyModel(this))
    , m_versions(new VersionListModel(this))
    , m_dependencies(new DependencyModel(this))
    , m_usedBy(new ReverseDependencyModel(this))
    , m_features(new FeatureModel(this))
    , m_files(new CrateFileTreeModel(this))
{
    m_filtered->setSourceModel(m_crates);
}

void CrateBrowser::listMoreCrates()
{
    if (m_client && !m_listing && !m_nextPage.isEmpty())
        listCrates(m_nextPage);
}

CrateBrowser::~CrateBrowser()
{
    cancelCrateWork();
    if (m_listing)
        m_listing->cancel();
}

void CrateBrowser::setClient(RegistryClient *client)
{
    cancelCrateWork();
    if (m_listing)
        m_listing->cancel();
    m_client = client;
    m_nextPage.clear();
    m_crateName.clear();
    m_versionRow = -1;
    m_crates->clear();
    m_versions->clear();
    m_dependencies->clear();
    m_features->clear();
    m_files->clear();
    m_contents = {};
    m_archive.reset();
    ++m_fileGeneration; // a file of the crate before is no longer wanted
    m_license.clear();
    m_overview = {};
    m_owners.clear();
    m_ownersCrate.clear();
    if (m_ownersReply)
        m_ownersReply->cancel();
    setStale(false);
    Q_EMIT cleared();
    if (m_client)
        listCrates();
}

void CrateBrowser::refresh()
{
    if (!m_client)
        return;
    const QString open = m_crateName;
    listCrates();
    if (!open.isEmpty())
        openCrate(open);
}

void CrateBrowser::listCrates(const QString &from)
{
    if (m_listing)
        m_listing->cancel();
    const bool fresh = from.isEmpty();
    if (fresh)
        Q_EMIT listingStarted();
    m_listing = m_client->listCrates(from, m_autoListedPages);
    startActivity(u"listing"_s, tr("Listing the crates of %1").arg(m_client->feed().name), m_listing);
    // Each page shows as it comes: the first replaces what a fresh listing had before.
    connect(m_listing, &RegistryReply::cratesAdded, this, [this, reply = m_listing, fresh](qsizetype first) {
        const QList<CrateSummary> page = reply->crates.mid(first);
        if (fresh && first == 0)
            m_crates->setCrates(page);
        else
            m_crates->appendCrates(page);
    });
    connect(m_listing, &RegistryReply::finished, this, [this, reply = m_listing, fresh] {
        if (m_listing == reply)
            m_listing.clear();
        Q_EMIT activity(u"listing"_s, {}, false);
        if (reply->error()) {
            if (reply->error().kind != RegistryError::Kind::Cancelled)
                Q_EMIT failed(
                    reply->error(), tr("Could not list the crates of %1").arg(m_client ? m_client->feed().name : QString()));
            return;
        }
        if (fresh && reply->crates.isEmpty())
            m_crates->setCrates({});
        m_nextPage = reply->nextPage;
        Q_EMIT listingFinished(m_crates->rowCount());
    });
}

void CrateBrowser::startActivity(const QString &id, const QString &label, RegistryReply *reply)
{
    m_activityReplies.insert(id, reply);
    Q_EMIT activity(id, label, true);
}

bool CrateBrowser::isCancellable(const QString &activityId) const
{
    const QPointer<RegistryReply> reply = m_activityReplies.value(activityId);
    return reply && !reply->isFinished();
}

void CrateBrowser::cancelActivity(const QString &activityId)
{
    // The reply finishes as cancelled; its handler ends the activity without an error.
    if (const QPointer<RegistryReply> reply = m_activityReplies.take(activityId))
        reply->cancel();
}

void CrateBrowser::cancelCrateWork()
{
    ++m_generation;
    for (const QPointer<RegistryReply> &reply : std::as_const(m_replies)) {
        if (reply)
            reply->cancel();
    }
    m_replies.clear();
}

void CrateBrowser::setStale(bool stale)
{
    if (m_stale == stale)
        return;
    m_stale = stale;
    Q_EMIT staleChanged(stale);
}

void CrateBrowser::loadUsedBy()
{
    if (!m_client || m_crateName.isEmpty() || m_usedByCrate == m_crateName)
        return;
    m_usedByCrate = m_crateName;
    m_usedByPartial = false;
    const QString name = m_crateName;
    // Not with the crate's other work: choosing a version cancels that, and this is per crate.
    RegistryReply *reply = m_client->reverseDependencies(name);
    m_usedByReply = reply;
    connect(reply, &RegistryReply::finished, this, [this, reply, name] {
        if (m_crateName != name)
            return;
        if (reply->error().kind == RegistryError::Kind::Cancelled) {
            m_usedByCrate.clear(); // the crate was opened again, which asks anew
            return;
        }
        if (reply->error())
            return loadUsedByFromCache(name, reply->error().message);
        m_usedBy->setEntries(ReverseDependency::fromJson(reply->json.object()));
        Q_EMIT usedByLoaded(name, {});
    });
}

// Most registries have no reverse_dependencies API; what this app cached of the feed's index
// still tells part of the answer, and says it is a part.
void CrateBrowser::loadUsedByFromCache(const QString &name, const QString &feedError)
{
    RegistryReply *reply = m_client->cachedReverseDependencies(name);
    m_usedByReply = reply;
    connect(reply, &RegistryReply::finished, this, [this, reply, name, feedError] {
        if (m_crateName != name)
            return;
        if (reply->error()) {
            m_usedByCrate.clear(); // ask again next time
            if (reply->error().kind != RegistryError::Kind::Cancelled)
                Q_EMIT usedByLoaded(name, feedError);
            return;
        }
        m_usedByPartial = true;
        m_usedBy->setEntries(reply->dependents);
        Q_EMIT usedByLoaded(name, {});
    });
}

void CrateBrowser::openCrate(const QString &name)
{
    if (!m_client || name.isEmpty())
        return;
    cancelCrateWork();
    m_crateName = name;
    m_usedBy->clear();
    m_usedByCrate.clear();
    if (m_usedByReply)
        m_usedByReply->cancel();
    const quint64 generation = m_generation;
    RegistryReply *reply = m_client->fetchIndex(name);
    m_replies.append(reply);
    startActivity(u"crate"_s, tr("Reading %1").arg(name), reply);
    connect(reply, &RegistryReply::finished, this, [this, reply, name, generation] {
        if (generation != m_generation)
            return;
        Q_EMIT activity(u"crate"_s, {}, false);
        if (reply->error()) {
            if (reply->error().kind != RegistryError::Kind::Cancelled)
                Q_EMIT failed(reply->error(), tr("Could not read %1").arg(name));
            return;
        }
        setStale(reply->stale);
        if (!reply->warnings.isEmpty())
            Q_EMIT indexLinesDropped(name, reply->warnings);
        const QString selectedVersion = m_versionRow >= 0 && m_versions->crateName() == name ? m_versions->entryAt(m_versionRow).vers : QString();
        m_versions->setEntries(reply->entries);
        // The local feed reports advisories for what its connectors serve; other feeds are
        // asked only when there is a yanked version to explain.
        if (m_client->feed().origin == Feed::Origin::Local
            || std::ranges::any_of(reply->entries, [](const IndexEntry &entry) { return entry.yanked; }))
            explainYanked(name, generation);
        Q_EMIT crateOpened(name);
        loadOwners(name);
        const int keep = selectedVersion.isEmpty() ? -1 : m_versions->rowOf(selectedVersion);
        const int row = keep >= 0 ? keep : (m_versions->latestRow() >= 0 ? m_versions->latestRow() : (m_versions->rowCount() > 0 ? 0 : -1));
        selectVersion(row);
    });
}

void CrateBrowser::explainYanked(const QString &name, quint64 generation)
{
    // A CrateDesk feed yanks what its connectors hold or block, and says why; other servers
    // answer 404 and the versions stay plainly yanked.
    RegistryReply *reply = m_client->curation(name);
    m_replies.append(reply);
    connect(reply, &RegistryReply::finished, this, [this, reply, name, generation] {
        if (generation != m_generation || reply->error() || m_versions->crateName().compare(name, Qt::CaseInsensitive) != 0)
            return;
        const CurationReport report = CurationReport::fromJson(reply->json.object());
        m_versions->setRefusals(report.refused);
        m_versions->setAdvisories(report.advisories);
    });
}

std::optional<IndexEntry> CrateBrowser::selectedEntry() const
{
    if (m_versionRow < 0 || m_versionRow >= m_versions->rowCount())
        return std::nullopt;
    return m_versions->entryAt(m_versionRow);
}

void CrateBrowser::selectVersion(int versionRow)
{
    if (versionRow < 0 || versionRow >= m_versions->rowCount()) {
        m_versionRow = -1;
        m_dependencies->clear();
        m_features->clear();
        m_files->clear();
        return;
    }
    // A new version supersedes the license and contents still on their way for the old one.
    cancelCrateWork();
    m_versionRow = versionRow;
    const IndexEntry entry = m_versions->entryAt(versionRow);
    m_dependencies->setEntry(entry, m_client ? m_client->feed().indexUrl.toString() : QString());
    m_features->setEntry(entry);
    m_files->clear();
    m_contents = {};
    m_archive.reset();
    ++m_fileGeneration; // a file of the crate before is no longer wanted
    m_license.clear();
    m_overview = {};
    m_overview.name = entry.name;
    m_overview.version = entry.vers;
    m_overview.yanked = entry.yanked;
    m_overview.rustVersion = entry.rustVersion.value_or(QString());
    m_overview.published = entry.pubtime.value_or(QDateTime());
    if (m_ownersCrate == entry.name)
        m_overview.owners = m_owners;
    m_overview.dependencyLine = dependencyLine();
    Q_EMIT versionSelected(entry);
    Q_EMIT overviewChanged(m_overview);
    if (!m_client)
        return;

    const quint64 generation = m_generation;
    RegistryReply *license = m_client->license(entry.name, entry.vers, entry.cksum);
    m_replies.append(license);
    connect(license, &RegistryReply::finished, this, [this, license, generation] {
        if (generation != m_generation)
            return;
        // The same answer says when, by whom and how large; kept even when no license came.
        takeFacts(license->facts);
        if (!license->error()) {
            m_license = license->license;
            m_overview.license = m_license;
            Q_EMIT licenseKnown(m_license);
        }
        Q_EMIT overviewChanged(m_overview);
    });
    loadContents(entry);
}

QString CrateBrowser::cachedCratePath(const IndexEntry &entry) const
{
    // Named by the verified checksum alone: no folder or file takes a name the feed chose.
    return CrateFilePath::byChecksum(m_cacheDir, entry.cksum);
}

void CrateBrowser::loadContents(const IndexEntry &entry)
{
    const QString path = cachedCratePath(entry);
    const quint64 generation = m_generation;
    const QString label = entry.name + u'@' + entry.vers;
    if (path.isEmpty()) {
        return Q_EMIT failed(RegistryError::make(RegistryError::Kind::Parse,
                                 tr("%1 has no valid sha256 checksum in the index, so it is not opened").arg(label)),
            tr("Could not open %1").arg(label));
    }
    const QString indexUrl = m_client->feed().indexUrl.toString();
    auto read = [this, path, label, indexUrl, generation] {
        startActivity(u"contents"_s, tr("Opening %1").arg(label));
        auto *watcher = new QFutureWatcher<LoadedCrate>(this);
        connect(watcher, &QFutureWatcher<LoadedCrate>::finished, this, [this, watcher, generation] {
            watcher->deleteLater();
            if (generation != m_generation)
                return;
            Q_EMIT activity(u"contents"_s, {}, false);
            LoadedCrate loaded = watcher->result();
            m_archive = std::move(loaded.archive);
            ++m_fileGeneration;
            m_contents = loaded.contents;
            m_files->setFiles(m_contents.files);
            takeManifestFacts(m_contents);
            Q_EMIT contentsKnown(m_contents);
            Q_EMIT overviewChanged(m_overview);
        });
        watcher->setFuture(QtConcurrent::run(readCrate, path, label, indexUrl));
    };
    // Downloads were checked against cksum when they arrived; the name carries the checksum.
    if (QFileInfo::exists(path))
        return read();
    QDir().mkpath(QFileInfo(path).absolutePath());
    RegistryReply *download = m_client->download(entry.name, entry.vers, entry.cksum, path);
    m_replies.append(download);
    startActivity(u"contents"_s, tr("Downloading %1").arg(label), download);
    connect(download, &RegistryReply::progress, this, [this](qint64 done, qint64 total) { Q_EMIT progress(u"contents"_s, done, total); });
    connect(download, &RegistryReply::finished, this, [this, download, generation, read, label] {
        if (generation != m_generation)
            return;
        Q_EMIT activity(u"contents"_s, {}, false);
        if (download->error()) {
            if (download->error().kind != RegistryError::Kind::Cancelled)
                Q_EMIT failed(download->error(), tr("Could not download %1").arg(label));
            return;
        }
        read();
    });
}

void CrateBrowser::takeFacts(const VersionFacts &facts)
{
    // The index's pubtime is the feed's own record; the web API's is the fallback.
    if (!m_overview.published.isValid())
        m_overview.published = facts.published;
    m_overview.publishedBy = facts.publishedBy;
    if (facts.crateSize >= 0)
        m_overview.crateSize = facts.crateSize;
    m_overview.versionDownloads = facts.versionDownloads;
    m_overview.crateDownloads = facts.crateDownloads;
    m_overview.compliance = facts.compliance;
}

void CrateBrowser::loadOwners(const QString &crate)
{
    if (m_ownersCrate == crate)
        return;
    if (m_ownersReply)
        m_ownersReply->cancel();
    m_owners.clear();
    m_ownersCrate.clear();
    // Per crate, not per version: choosing a version does not cancel it.
    RegistryReply *reply = m_client->owners(crate);
    m_ownersReply = reply;
    connect(reply, &RegistryReply::finished, this, [this, reply, crate] {
        if (reply->error() || m_crateName != crate)
            return; // not every feed lists owners, or lets this token see them
        QStringList logins;
        for (const QJsonValue &user : reply->json.object().value(u"users"_s).toArray()) {
            const QString login = user.toObject().value(u"login"_s).toString().simplified();
            if (!login.isEmpty() && login.size() <= 100)
                logins << login;
        }
        m_owners = logins;
        m_ownersCrate = crate;
        if (m_overview.name == crate) {
            m_overview.owners = logins;
            Q_EMIT overviewChanged(m_overview);
        }
    });
}

void CrateBrowser::takeManifestFacts(const CrateContents &contents)
{
    if (contents.crateSize >= 0 && m_overview.crateSize < 0)
        m_overview.crateSize = contents.crateSize;
    m_overview.edition = contents.edition;
    if (!contents.metadata)
        return;
    const PublishMetadata &m = *contents.metadata;
    m_overview.description = m.description.value_or(QString()).simplified();
    if (m_overview.license.isEmpty())
        m_overview.license = m.license.value_or(QString());
    m_overview.repository = CrateOverview::webLink(m.repository.value_or(QString()));
    m_overview.homepage = CrateOverview::webLink(m.homepage.value_or(QString()));
    m_overview.documentation = CrateOverview::webLink(m.documentation.value_or(QString()));
    if (m_overview.documentation.isEmpty() && m_client && m_client->feed().isCratesIo()) {
        m_overview.documentation = CrateOverview::docsRs(m_overview.name, m_overview.version);
        m_overview.documentationGuessed = true;
    }
    m_overview.keywords = m.keywords;
    m_overview.categories = m.categories;
    m_overview.authors = m.authors;
}

void CrateBrowser::loadReadmeImage(const QUrl &url)
{
    if (!m_client)
        return;
    RegistryReply *reply = m_client->fetchWebResource(url, MaxReadmeImageBytes);
    const quint64 generation = m_generation;
    m_replies.append(reply);
    connect(reply, &RegistryReply::finished, this, [this, reply, url, generation] {
        if (generation != m_generation)
            return;
        Q_EMIT readmeImageLoaded(url, reply->error() ? QByteArray() : reply->body);
    });
}

void CrateBrowser::readFile(const QString &path, qint64 maxBytes)
{
    const quint64 generation = ++m_fileGeneration;
    if (!m_archive) {
        QMetaObject::invokeMethod(this, [this, path, generation] {
            if (generation == m_fileGeneration)
                Q_EMIT fileRead(path, std::nullopt);
        }, Qt::QueuedConnection);
        return;
    }
    auto *watcher = new QFutureWatcher<std::optional<QByteArray>>(this);
    connect(watcher, &QFutureWatcher<std::optional<QByteArray>>::finished, this, [this, watcher, path, generation] {
        watcher->deleteLater();
        if (generation == m_fileGeneration) // nothing newer was asked for
            Q_EMIT fileRead(path, watcher->result());
    });
    // A copy shares the archive's bytes; the worker reads them while the browser moves on.
    watcher->setFuture(QtConcurrent::run([archive = *m_archive, path, maxBytes] { return archive.fileData(path, maxBytes); }));
}

void CrateBrowser::setSelectedYanked(bool yanked)
{
    const auto entry = selectedEntry();
    if (!m_client || !entry)
        return;
    const QString name = entry->name, version = entry->vers;
    // Not cancellable: a yank that reached the server happened, whatever the window says.
    startActivity(u"yank"_s, (yanked ? tr("Yanking %1@%2") : tr("Unyanking %1@%2")).arg(name, version));
    RegistryReply *reply = m_client->setYanked(name, version, yanked);
    connect(reply, &RegistryReply::finished, this, [this, reply, name, version, yanked] {
        Q_EMIT activity(u"yank"_s, {}, false);
        if (reply->error())
            return Q_EMIT failed(
                reply->error(), (yanked ? tr("Could not yank %1@%2") : tr("Could not unyank %1@%2")).arg(name, version));
        Q_EMIT yankChanged(name, version, yanked);
        if (m_crateName == name)
            openCrate(name);
    });
}

void CrateBrowser::downloadSelected(const QString &dir)
{
    const auto entry = selectedEntry();
    if (!m_client || !entry)
        return;
    const QString target = CrateFilePath::crateFile(dir, entry->name, entry->vers);
    const QString label = entry->name + u'@' + entry->vers;
    if (target.isEmpty()) {
        return Q_EMIT failed(RegistryError::make(RegistryError::Kind::Parse, tr("%1 is no file name for a crate").arg(label)),
            tr("Could not download %1").arg(label));
    }
    const QString cached = cachedCratePath(*entry);
    if (!cached.isEmpty() && QFileInfo::exists(cached)) {
        // Already verified against cksum when it was downloaded.
        QFile::remove(target);
        if (QFile::copy(cached, target))
            return Q_EMIT downloaded(target);
    }
    RegistryReply *reply = m_client->download(entry->name, entry->vers, entry->cksum, target);
    startActivity(u"download"_s, tr("Downloading %1").arg(label), reply);
    connect(reply, &RegistryReply::progress, this, [this](qint64 done, qint64 total) { Q_EMIT progress(u"download"_s, done, total); });
    connect(reply, &RegistryReply::finished, this, [this, reply, target, label] {
        Q_EMIT activity(u"download"_s, {}, false);
        if (reply->error().kind == RegistryError::Kind::Cancelled)
            return;
        if (reply->error())
            return Q_EMIT failed(reply->error(), tr("Could not download %1").arg(label));
        Q_EMIT downloaded(target);
    });
}

QString CrateBrowser::dependencyLine() const
{
    const auto entry = selectedEntry();
    if (!entry || !m_client)
        return {};
    const Feed &feed = m_client->feed();
    return dependencyLine(entry->name, entry->vers, feed.isCratesIo() ? QString() : feed.registryName());
}

QString CrateBrowser::dependencyLine(const QString &crate, const QString &version, const QString &registryName)
{
    // A requirement that picks this version and compatible updates, as `cargo add` writes it;
    // build metadata has no place in a requirement.
    QString req = version;
    if (const qsizetype plus = req.indexOf(u'+'); plus >= 0)
        req.truncate(plus);
    if (registryName.isEmpty())
        return u"%1 = \"%2\""_s.arg(crate, req);
    return u"%1 = { version = \"%2\", registry = \"%3\" }"_s.arg(crate, req, registryName);
}
