// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

// A .crate file (a gzip'd tar), checked once when opened and read-only afterwards.
//
// A .crate may come from any registry or user, so opening one treats it as hostile: it is
// decompressed as a stream against limits, every tar header is checked, and anything cargo
// would never write (links, devices, paths leaving NAME-VERSION/, case-twins) is refused with
// a message that names the entry. Only the compressed bytes, the file list and Cargo.toml
// stay in memory; fileData() decompresses again up to the file it needs.
//
// The tar headers are parsed here, on top of KArchive's KCompressionDevice, rather than with
// KTar: KTar unpacks the whole stream to a temporary file first, and it normalizes paths
// (drops "..", merges duplicates, resolves long names) before a caller could refuse them.
class CrateArchive
{
    Q_DECLARE_TR_FUNCTIONS(CrateArchive)

public:
    enum class ErrorKind {
        None,
        Io, // the file cannot be read
        NotGzip,
        CorruptGzip, // bad deflate data or gzip checksum
        TruncatedGzip,
        CorruptTar, // a header that is not tar, a bad header checksum or number field
        TruncatedTar,
        LimitExceeded, // compressed size, unpacked size, entry count or one file's size
        UnsafePath, // absolute, "..", ".", empty component, backslash, NUL, not UTF-8
        OutsideTopDirectory, // not under the one NAME-VERSION/ folder
        BadTopDirectory, // the folder is not NAME-VERSION
        UnsupportedEntry, // symlink, hardlink, device, FIFO or an unknown entry type
        DuplicatePath, // the same path twice, paths differing only in case, file vs folder
        MissingManifest, // no NAME-VERSION/Cargo.toml
    };

    struct Error
    {
        ErrorKind kind = ErrorKind::None;
        QString message; // says what and where, prefixed with the file name when known
    };

    struct Limits
    {
        qint64 maxCrateSize = qint64(64) << 20; // the compressed .crate; crates.io takes 10 MiB
        qint64 maxUnpackedSize = qint64(512) << 20; // the whole tar stream, as crates.io counts it
        qint64 maxFileSize = qint64(256) << 20;
        int maxEntries = 100000;
        // Decompression bombs: past ratioFreeSize unpacked bytes, the tar stream may be at most
        // maxCompressionRatio times the .crate's size (0: no ratio limit). Real crates stay
        // under 20:1 (web-sys, the fixture's largest, is 16:1); deflate reaches 1032:1.
        int maxCompressionRatio = 100;
        qint64 ratioFreeSize = qint64(32) << 20;
    };

    struct File
    {
        QString path; // relative to the package folder, '/'-separated
        qint64 size = 0;
        bool executable = false;

        friend bool operator==(const File &, const File &) = default;
    };

    struct Result;

    // (Overloads rather than `= {}`: a nested struct with member initializers cannot be a
    // default argument inside its own class.)
    static Result open(const QString &path);
    static Result open(const QString &path, const Limits &limits);
    // displayName prefixes error messages, e.g. the name the file had when uploaded.
    static Result fromBytes(const QByteArray &crate, const QString &displayName = {});
    static Result fromBytes(const QByteArray &crate, const Limits &limits, const QString &displayName = {});

    // "NAME-VERSION", as cargo wrote it, build metadata included.
    QString topDirectory() const { return m_topDirectory; }
    QString name() const { return m_name; }
    QString version() const { return m_version; }

    // Regular files, sorted by path. Folders are implied by the paths.
    const QList<File> &files() const { return m_files; }
    std::optional<File> file(const QString &path) const;
    bool contains(const QString &path) const { return file(path).has_value(); }

    // At most maxBytes of the file's start; nullopt when there is no such file.
    std::optional<QByteArray> fileData(const QString &path, qint64 maxBytes) const;

    // What two versions need to tell whether they hold the same file: its sha256, and whether
    // it looks binary (a NUL in its first 8,000 bytes, git's rule, or not UTF-8 there).
    struct Fingerprint
    {
        QByteArray sha256;
        bool binary = false;
        friend bool operator==(const Fingerprint &, const Fingerprint &) = default;
    };
    // One per file, in files() order, from a single pass over the stream (fileData() per file
    // would inflate the archive once for every file).
    QList<Fingerprint> fingerprints() const;
    QByteArray manifestBytes() const { return m_manifest; }
    // The .crate exactly as read: what a publish uploads and what cksum hashes.
    QByteArray crateBytes() const { return m_crate; }

private:
    friend class CrateScan;

    CrateArchive() = default;
    static Result scan(const QByteArray &crate, const Limits &limits, const QString &displayName);
    qsizetype indexOf(const QString &path) const;

    QByteArray m_crate;
    QString m_topDirectory;
    QString m_name;
    QString m_version;
    QList<File> m_files;
    QList<qint64> m_dataOffsets; // where each file's bytes start in the tar stream
    QByteArray m_manifest;
};

struct CrateArchive::Result
{
    std::optional<CrateArchive> archive;
    Error error;

    bool isOk() const { return archive.has_value(); }
};
