// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QStringList>

class QMimeData;
class QWidget;

// Turns drags of files onto any widget into a list of local .crate paths: a drag that carries
// at least one is accepted (the cursor says so), a drop emits the paths and, separately, one
// message per entry it ignored (folders, other files, remote URLs), so the user learns why.
// The main window installs one on itself and on its feed list; the publish panel on itself.
class CrateDropFilter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CrateDropFilter)

public:
    struct Result
    {
        QStringList paths;    // local .crate files, in the order of the drag
        QStringList rejected; // one sentence per ignored entry, naming it
    };

    explicit CrateDropFilter(QObject *parent = nullptr);
    ~CrateDropFilter() override;

    // Accepts drops on `widget` (for item views pass the viewport) and filters its events.
    void watch(QWidget *widget);

    static Result crateFiles(const QMimeData *mime);
    static bool hasCrateFiles(const QMimeData *mime);

    bool eventFilter(QObject *watched, QEvent *event) override;

Q_SIGNALS:
    void cratesDropped(const QStringList &paths);
    void filesRejected(const QStringList &messages);
};
