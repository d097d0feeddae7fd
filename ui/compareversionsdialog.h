// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cargotypes/registryerror.h"
#include "crate/cratecomparison.h"
#include "registry/registryclient.h"

#include <QDialog>
#include <QPointer>

class ActivityArea;
class DiffHighlighter;
class MessageBanner;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QTableView;
class VersionComparison;
class VersionDiffFileModel;
class VersionDiffMetadataModel;

// Crate > Compare Versions…: two versions of the open crate side by side. What a dependent
// sees change (dependencies, features, license, MSRV, links, edition) on top; below, the files
// added, removed and changed, and the text diff of the file picked. The comparison session
// downloads and reads the two .crate files; this only shows what it found.
class CompareVersionsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CompareVersionsDialog)

public:
    // `versions` newest first, as the version list shows them; the two newest are compared first.
    CompareVersionsDialog(RegistryClient *client, const QString &cacheDir, const QString &crate, const QStringList &versions,
                          QWidget *parent = nullptr);
    ~CompareVersionsDialog() override;

    void compare(const QString &from, const QString &to);
    // Shows the diff of one file of the comparison; fileShown() follows.
    void showFile(const QString &path);

    // Lists each comparison's downloads in `area` too, with progress and a cancel button, so
    // that they show beside every other long operation of the window.
    void reportActivityTo(ActivityArea *area);

    VersionDiffFileModel *files() const { return m_files; }
    VersionDiffMetadataModel *metadata() const { return m_metadata; }
    QString stateText() const;
    QString diffText() const;
    QString errorText() const;

Q_SIGNALS:
    void settled(); // a comparison finished, failed or was cancelled
    void fileShown(const QString &path);

protected:
    void changeEvent(QEvent *event) override;

private:
    void compareChosen();
    void showResult();
    void showFailure(const RegistryError &error);
    void showCancelled();
    void openActivityRow(const QString &from, const QString &to);
    void closeActivityRow();
    void showFileDiff(const CrateComparison::FileDiff &diff);
    void fileSelected();

    QString m_crate;
    VersionComparison *m_comparison;
    VersionDiffFileModel *m_files;
    VersionDiffMetadataModel *m_metadata;
    // Guarded: the feed may be edited or removed while the dialog is open, which retires its client.
    QPointer<RegistryClient> m_client;
    MessageBanner *m_error;
    QComboBox *m_from;
    QComboBox *m_to;
    QLabel *m_state;
    QTableView *m_metadataView;
    QTableView *m_fileView;
    QPlainTextEdit *m_diff;
    DiffHighlighter *m_highlighter;
    QPointer<ActivityArea> m_activity;
    int m_activityRow = 0;
};
