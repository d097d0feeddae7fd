// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <Qt>

// The only thing models and delegates share (style.md rule 5): role ids, never model types.
// Every model also answers Qt::DisplayRole and Qt::ToolTipRole; fonts, colours and icons are
// the view's business, decided from these roles.
namespace Roles {
enum : int {
    FeedName = Qt::UserRole + 1,
    FeedIndexUrl,
    FeedIsLocal,
    FeedAuthKind,
    FeedState,      // int (FeedListModel::State)
    FeedStateText,  // QString: "online", "offline: showing the cache", "needs credentials"

    // CrateListModel (any column of a row)
    CrateName = Qt::UserRole + 100, // QString, exact published case
    CrateLatestVersion,             // QString
    CrateDescription,               // QString, may be empty
    CrateLicense,                   // QString (SPDX expression), empty when not known
    CrateYanked,                    // bool: the listed version is yanked
    CrateBlocked,                   // bool: the feed blocks the listed version
    // CrateFilterProxyModel
    FilterMatchKind,   // int: 0 exact, 1 prefix, 2 substring, -1 no query
    FilterMatchStart,  // int: where the query matched in the name, -1 without a query
    FilterMatchLength, // int

    // VersionListModel
    VersionText = Qt::UserRole + 200, // QString, as published ("1.0.0-rc.1+abc")
    VersionYanked,                    // bool
    VersionRustVersion,               // QString, the MSRV (rust_version), empty when unknown
    VersionPublished,                 // QDateTime (UTC), invalid when the index has no pubtime
    VersionChecksum,                  // QString, full sha256 hex
    VersionIsPrerelease,              // bool
    VersionIsLatest,                  // bool: the version cargo picks without a requirement
    VersionProblem,                   // QString: why cargo will not use it (invalid, newer schema)
    VersionIndexEntry,                // IndexEntry, for the window's detail panes
    VersionRefusal,                   // QString: "held" or "blocked" by the feed's policy; empty otherwise
    VersionRefusalReason,             // QString: why, in the feed's words
    VersionHeldUntil,                 // QDateTime (UTC): when a held version comes free
    VersionAdvisories,                // QStringList: "RUSTSEC-…: title" the feed reports for a served version

    // DependencyModel
    DependencyIsGroup = Qt::UserRole + 300, // bool: a kind heading, not a dependency
    DependencyKind,                         // int (IndexDependency::Kind), on headings and rows
    DependencyName,                         // QString, as named in Cargo.toml (the alias when renamed)
    DependencyPackage,                      // QString, the crate to look up
    DependencyIsRenamed,                    // bool
    DependencyRequirement,                  // QString
    DependencyIsOptional,                   // bool
    DependencyTarget,                       // QString, cfg(...) or a triple; empty for every target
    DependencyFeatures,                     // QStringList
    DependencyDefaultFeatures,              // bool
    DependencyRegistry,                     // QString, empty when it is the feed's own

    // FeatureModel
    FeatureName = Qt::UserRole + 400, // QString: the feature (top level) or the value (child)
    FeatureEnables,                   // QStringList, top level only
    FeatureIsDefault,                 // bool: in the set "default" turns on
    FeatureIsImplicit,                // bool: cargo's implicit feature of an optional dependency
    FeatureValueType,                 // int (FeatureValue::Type), children only
    FeatureValueIsWeak,               // bool, children only: "x?/f"
    FeatureIsValue,                   // bool: a child row, one value of a feature

    // CrateFileTreeModel
    FilePath = Qt::UserRole + 500, // QString, relative to the package folder, '/'-separated
    FileSize,                      // qint64; for folders the sum of their files
    FileIsFolder,                  // bool
    FileIsExecutable,              // bool

    // LockfileAuditModel
    AuditStatus = Qt::UserRole + 600, // int (LockfileAudit::Status)
    AuditReason,                      // QString, empty for ok rows
    AuditNeedsAttention,              // bool: missing, yanked, blocked or error

    // ConnectorListModel
    ConnectorName = Qt::UserRole + 700, // QString
    ConnectorChangeCount,               // int: versions whose bytes the upstream changed

    // PromotionModel
    PromotionState = Qt::UserRole + 800, // int (PromotionItem::State)
    PromotionIsDone,                     // bool: nothing more will happen to it

    // ReverseDependencyModel
    ReverseDependencyCrate = Qt::UserRole + 900, // QString: the dependent crate, to open it

    // CrateAcrossFeedsModel
    ChecksumsDiffer = Qt::UserRole + 1000, // bool: two feeds serve this version with other bytes

    // VersionDiffFileModel, VersionDiffMetadataModel (any column of a row)
    DiffChange = Qt::UserRole + 1100, // int (CrateVersionDiff::Change)
    DiffFilePath,                     // QString, relative to the package folder
    DiffFileIsBinary,                 // bool: either side is not text
};
}
