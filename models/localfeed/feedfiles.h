// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

// The local feed's files on disk. They are private to their owner whatever the umask
// (folders 0700, files 0600): other users of the machine must not read the crates or the
// database. A file the feed acknowledges is written durably: its bytes and its name reach
// the disk before the answer goes out, because a power cut must not take back a 200.
namespace FeedFiles {

// False only when CRATEDESK_FEED_SYNC=off, for benchmarks that measure the cost of syncing
// and for the test that shows lost writes are detected. Never for real use.
bool syncEnabled();

// Creates `dir` and any missing parent as 0700 (exactly, whatever the umask), syncing each
// new folder's parent so that the new name survives a power cut. An existing `dir` is left
// as it is (tightenTree() deals with its mode).
bool makePrivateDir(const QString &dir, QString *error);

// Sets every folder under `root`, `root` included, to 0700 and every other file to 0600;
// symbolic links are left alone and not followed. Returns "PATH (0755 -> 0700)" for each
// entry that was looser, so that the caller can say what it changed.
QStringList tightenTree(const QString &root);

// Makes `path` 0600 (a file another library created, such as a lock file).
bool makePrivate(const QString &path);

// Creates `path` as an empty 0600 file unless it exists; *created tells which. The parent
// folder is synced after a creation.
bool createPrivateFile(const QString &path, bool *created, QString *error);

// Replaces `path` with `bytes` atomically (a 0600 temporary file in the same folder, then a
// rename) and durably (the file synced before the rename, the folder after it).
bool writeDurably(const QString &path, const QByteArray &bytes, QString *error);

// Syncs a folder, which makes the names created, renamed or removed in it durable.
bool syncDirectory(const QString &dir, QString *error = nullptr);

} // namespace FeedFiles
