// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <Qt>

// Role ids of PublishQueueModel, shared with the publish panel's delegates (style.md rule 5).
// Kept apart from roles.h, which the browsing models own; the range starts well above theirs.
namespace PublishRoles {

// Where a row stands, in one value the views can switch on.
enum class State : int {
    Checking,         // preflight is reading the file or asking the feed
    Ready,            // publishable, no remarks
    ReadyWithWarnings,
    Blocked,          // preflight found errors: shown, never sent
    Waiting,          // in the running batch, not started yet
    Uploading,
    WaitingForIndex,
    Visible,          // done: uploaded and listed by the index
    NotVisible,       // done: uploaded, the index did not list it in time
    Failed,
    Cancelled,
};

enum : int {
    Label = Qt::UserRole + 900, // QString: "serde@1.0.0", or the file name while unreadable
    Path,                       // QString: the file as the user gave it
    StateRole,                  // int (State)
    StatusText,                 // QString: what column Status shows
    Message,                    // QString: the one line that matters most now (error, warning, server)
    Errors,                     // QStringList: preflight errors, then the publish error
    Warnings,                   // QStringList: preflight warnings, then the server's warnings
    Sent,                       // qint64: bytes uploaded so far
    Total,                      // qint64: bytes to upload, 0 while unknown
    Percent,                    // int 0-100 while uploading or waiting for the index, else -1
    CanCancel,                  // bool
    CanRetry,                   // bool
    Candidate,                  // PublishCandidate
    PreviewEntry,               // IndexEntry built from the metadata, for DependencyModel/FeatureModel
};

} // namespace PublishRoles
