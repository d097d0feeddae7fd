// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

// Everything the crate page shows about one version at a glance, gathered by CrateBrowser
// from the index line, the .crate's Cargo.toml and what the feed's web API says. Fields
// stay empty (or -1) until known, and stay so where the feed does not say. All text comes
// from the feed: a view shows it as plain text, and only the http(s) links kept here.
struct CrateOverview
{
    QString name;
    QString version;
    bool yanked = false;
    QString description;
    QString license; // SPDX expression
    QString compliance; // ProGet's verdict against the feed's rules; empty elsewhere
    QString rustVersion; // the MSRV
    QString edition;
    QUrl repository; // each only when an absolute http(s) address
    QUrl homepage;
    QUrl documentation;
    bool documentationGuessed = false; // docs.rs, for a crates.io crate that names none
    QStringList keywords;
    QStringList categories;
    QStringList authors;
    QDateTime published; // UTC
    QString publishedBy;
    qint64 crateSize = -1; // bytes of the .crate
    qint64 versionDownloads = -1;
    qint64 crateDownloads = -1;
    std::optional<QStringList> owners; // nullopt: the feed did not say
    QString dependencyLine; // what to paste under [dependencies]

    // `text` as a link the page may open: an absolute http or https URL with a host and no
    // user info; otherwise empty.
    static QUrl webLink(const QString &text);
    // crates.io builds every crate's documentation on docs.rs.
    static QUrl docsRs(const QString &crate, const QString &version);
    // Where a readme's image `source` is, given the crate's repository and where the readme
    // sits in the package: absolute http(s) as it is; a relative path on GitHub or GitLab as
    // their raw file address (of the default branch, as crates.io resolves it), elsewhere
    // resolved against the repository address. Empty when it cannot be fetched (no repository,
    // another scheme, a path leaving the package).
    static QUrl readmeImage(const QString &source, const QUrl &repository, const QString &readmeFile);
};

Q_DECLARE_METATYPE(CrateOverview)
