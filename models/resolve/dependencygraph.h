// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cargotypes/indexentry.h"
#include "cargotypes/semver.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

// The dependency closure of one crate as DependencyClosure found it: the versions cargo would
// pick without a lock file, the features they end up with, and what could not be resolved.
// A plain value, so that item models and tests can take it without knowing how it was made.
struct DependencyGraph
{
    struct Edge
    {
        QString name;    // as in Cargo.toml: the alias when renamed; what features refer to
        QString package; // the crate looked up in the index
        QString req;
        IndexDependency::Kind kind = IndexDependency::Kind::Normal;
        std::optional<QString> target; // set: only built on matching platforms
        bool optional = false;         // an optional dependency some feature turned on
        bool defaultFeatures = true;
        QStringList features; // asked of the dependency: its own list plus "name/feat" ones, sorted
        std::optional<QString> registry;
        QString node; // Node::key it resolved to; empty when it did not (see problems)

        friend bool operator==(const Edge &, const Edge &) = default;
    };

    struct Node
    {
        QString key; // name@compatibility, e.g. "serde@1", "rand@0.8", "foo@0.0.3"
        QString name;
        SemVer version;
        QString compatibility;
        QStringList features;     // enabled features, sorted
        QStringList requirements; // the requirements unified onto this version, sorted
        QList<Edge> dependencies; // enabled non-dev dependencies, in index order
        bool isRoot = false;
        // Reached only through target-specific edges: not needed on every platform.
        bool platformSpecific = false;

        friend bool operator==(const Node &, const Node &) = default;
    };

    struct Problem
    {
        enum class Kind {
            UnknownCrate,            // the feed has no such crate
            FetchFailed,             // its index file could not be fetched
            NoMatchingVersion,       // no usable version matches the requirement
            ConflictingRequirements, // requirements on one compatible range exclude each other
            MissingFeature,          // a feature asked for does not exist in the chosen version
            OtherRegistry,           // the dependency lives in another registry; not followed
            Unsettled,               // gave up after too many re-selections (cyclic constraints)
        };
        Kind kind = Kind::NoMatchingVersion;
        QString crate;
        QString requirement; // as written; for a conflict, all of them
        // Node::key of the dependent; empty for the root request and for what is wrong with a
        // node itself (conflicting requirements, missing features).
        QString requiredBy;
        QString message;    // a sentence for the user

        friend bool operator==(const Problem &, const Problem &) = default;
    };

    QString root; // Node::key of the root; empty when the root itself did not resolve
    QList<Node> nodes; // sorted by name, then version
    QList<Problem> problems;

    const Node *node(const QString &key) const;

    // cargo's semver-compatibility buckets: one version of a crate per major, per minor
    // below 1.0, per patch below 0.1. Two nodes of one crate always differ here.
    static QString compatibilityOf(const SemVer &version);

    // One line per node, "name version [features] -> dependency keys", for logs and tests.
    QStringList summary() const;

    friend bool operator==(const DependencyGraph &, const DependencyGraph &) = default;
};

Q_DECLARE_METATYPE(DependencyGraph)
