// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class CrateBrowser;
class CrateOverviewView;
class ReadmeView;
class QLabel;
class QPlainTextEdit;
class QTabWidget;
class QTextBrowser;
class QTreeView;
struct CrateContents;
struct IndexEntry;

// The open crate: a header (name, version, license, state) and an overview of the selected
// version (CrateOverviewView) over tabs for versions, dependencies, features, license,
// readme and files. It shows the CrateBrowser's models and
// texts; choosing a version or a file goes back to the browser.
class CrateDetailsView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CrateDetailsView)

public:
    enum Tab { VersionsTab, DependenciesTab, FeaturesTab, LicenseTab, ReadmeTab, FilesTab, UsedByTab };

    explicit CrateDetailsView(CrateBrowser *browser, QWidget *parent = nullptr);
    ~CrateDetailsView() override;

    QTabWidget *tabs() const { return m_tabs; }
    QTreeView *versionView() const { return m_versions; }
    QTreeView *dependencyView() const { return m_dependencies; }
    QTreeView *featureView() const { return m_features; }
    QTreeView *fileView() const { return m_files; }
    QTreeView *usedByView() const { return m_usedBy; }
    QLabel *usedByState() const { return m_usedByState; }
    QTextBrowser *readmeView() const;
    CrateOverviewView *overview() const { return m_overview; }
    QTextBrowser *licenseView() const { return m_licenseText; }
    QPlainTextEdit *fileContentView() const { return m_fileContent; }
    QString headerText() const;

Q_SIGNALS:
    // The user asked to open another crate from here (a dependent on "Used By").
    void crateRequested(const QString &name);

private:
    void nameViewsAfterTheirTabs();
    void showEntry(const IndexEntry &entry);
    void showContents(const CrateContents &contents);
    void showLicense(const QString &license);
    void openFile(const QModelIndex &index);
    void showFile(const QString &path, const std::optional<QByteArray> &bytes);
    void updateHeader();

    CrateBrowser *m_browser;
    QLabel *m_title;
    QLabel *m_subtitle;
    QTabWidget *m_tabs;
    QTreeView *m_versions;
    QTreeView *m_dependencies;
    QTreeView *m_features;
    QLabel *m_licenseExpression;
    QTextBrowser *m_licenseText;
    ReadmeView *m_readme;
    CrateOverviewView *m_overview;
    QTreeView *m_files;
    QTreeView *m_usedBy;
    QLabel *m_usedByState;
    int m_usedByTab = -1;
    QPlainTextEdit *m_fileContent;
    QString m_fileSize; // of the file being read, as the tree shows it
    QString m_license;
};
