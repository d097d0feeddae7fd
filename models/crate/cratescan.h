// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cratearchive.h"
#include "gzipreader.h"
#include "tarformat.h"

#include <QCoreApplication>
#include <QHash>
#include <QStringDecoder>
#include <QStringList>

#include <optional>

// Text for messages about a .crate: sizes people read, entry names safe to print.
namespace CrateText {
QString sizeText(qint64 bytes);
// Entry names come from the archive: control characters stay out of messages and logs.
QString quoted(const QString &text);
} // namespace CrateText

// One pass over a .crate, as cargo would unpack it. Each step checks one thing and returns
// what is wrong and where, or nothing; the first problem ends the scan.
class CrateScan
{
    Q_DECLARE_TR_FUNCTIONS(CrateScan)

public:
    CrateScan(const QByteArray &crate, const CrateArchive::Limits &limits);

    CrateArchive::Result run(const QString &displayName);

private:
    using Problem = std::optional<CrateArchive::Error>;

    // Where in the tar stream reading stopped: carried as data, so that each message about
    // it is one whole sentence.
    struct Where
    {
        enum class Place { TarHeader, ExtensionHeader, Entry, AfterEnd };
        Place place = Place::TarHeader;
        qint64 offset = 0; // TarHeader, ExtensionHeader
        QString entry;     // Entry: its name as decoded
    };

    // An entry as its header, and the extension headers before it, describe it.
    struct Entry
    {
        qint64 headerOffset = 0;
        char type = 0;
        qint64 size = 0;
        qint64 mode = 0644;
        QByteArray rawName;
        QByteArray rawLink;
        QString name;       // rawName decoded
        QStringList parts;  // its components, a folder's trailing '/' dropped
        QString relative;   // below NAME-VERSION/
        bool isFolder() const { return type == '5'; }
    };

    Problem scan();
    Problem checkGzipHeader() const;
    void setBudget();
    Problem readEntries();
    Problem readHeader(char *header, qint64 offset, bool *end);
    Problem readExtension(char type, qint64 size, qint64 offset);
    Problem keepExtension(char type, QByteArray data, qint64 offset);
    Entry takeEntry(const char *header, char type, qint64 size, qint64 offset);
    Problem checkEntry(Entry &entry);
    Problem checkPath(Entry &entry);
    Problem placeInPackageFolder(const Entry &entry);
    Problem checkEntryType(const Entry &entry) const;
    Problem checkEntrySize(const Entry &entry) const;
    Problem claim(const QString &relative, bool isFolder);
    Problem readEntryData(const Entry &entry);
    Problem checkNothingAfterEnd();
    Problem checkGzipTrailer() const;
    Problem checkManifestPresent() const;
    Problem streamError(GzipReader::Status status, const Where &where) const;
    QString streamMessage(GzipReader::Status status, const Where &where) const;
    static QString corruptMessage(const Where &where);
    static QString truncatedMessage(const Where &where);
    static QString endedMessage(const Where &where);
    QString overBudgetMessage(const Where &where) const;
    QString overRatioMessage(const Where &where) const;
    CrateArchive finish();

    const QByteArray &m_crate;
    const CrateArchive::Limits &m_limits;
    qint64 m_budget = 0;
    bool m_ratioBound = false; // the budget comes from the compression ratio limit
    std::optional<GzipReader> m_reader;

    CrateArchive m_archive;
    QList<std::pair<CrateArchive::File, qint64>> m_files; // with where their data starts
    QHash<QString, QString> m_seenFiles; // case-folded relative path -> as written
    QHash<QString, QString> m_seenFolders;
    std::optional<QByteArray> m_longName; // from extension headers, for the next entry
    std::optional<QByteArray> m_longLink;
    std::optional<TarFormat::PaxRecords> m_pax;
    int m_entries = 0;
    QStringDecoder m_utf8{QStringDecoder::Utf8, QStringDecoder::Flag::Stateless};
};
