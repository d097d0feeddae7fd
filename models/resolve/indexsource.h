// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cargotypes/indexentry.h"

#include <QList>
#include <QObject>
#include <QString>

// Where index files come from, for code that walks many crates (DependencyClosure): a feed
// over HTTP, the embedded local feed, or a test double. Implementations may answer in any
// order, after any delay, or from inside requestIndex() itself.
class IndexSource : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IndexSource)

public:
    explicit IndexSource(QObject *parent = nullptr);
    ~IndexSource() override;

    // Fetches the index file of `crateName` (looked up case-insensitively, as cargo does) and
    // answers with exactly one indexLoaded or indexFailed carrying the same `crateName`.
    // Entries come as IndexFileParser read them: every line, in file order, whatever its case.
    virtual void requestIndex(const QString &crateName) = 0;

Q_SIGNALS:
    void indexLoaded(const QString &crateName, const QList<IndexEntry> &entries);
    // notFound: the feed says there is no such crate (HTTP 404), as opposed to a failure.
    void indexFailed(const QString &crateName, const QString &message, bool notFound);
};
