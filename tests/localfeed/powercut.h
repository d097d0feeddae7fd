// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

// The second half of tests/support/lostwrites.c: after the process that ran under the shim
// was killed, replays its journal backwards and undoes every write and name operation that
// no later fsync covered, so the files are as a power cut at the kill could have left them.
class PowerCut final
{
public:
    struct Result
    {
        bool ok = false;
        QString error;       // why the journal could not be replayed
        int records = 0;     // in the journal
        int syncs = 0;       // fsync/fdatasync records
        int undoneWrites = 0;
        int undoneNames = 0; // creations, renames, removals and new folders
        QStringList log;     // what was undone, for a failure message

        QString summary() const;
    };

    // `root` is LOSTWRITES_ROOT, `trash` LOSTWRITES_TRASH; the journal is LOSTWRITES_JOURNAL.
    static Result apply(const QString &journal, const QString &root, const QString &trash);
};
