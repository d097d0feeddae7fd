// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class DependencyModel;
class FeatureModel;
class QLabel;
class QModelIndex;
class QTabWidget;
class QTreeView;

// What the publish panel shows about the selected crate before it goes out: name, version,
// license, description, every check's finding, and the dependencies (grouped by kind) and
// features as the index will list them. Reads the row through PublishRoles only.
class PublishPreview final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PublishPreview)

public:
    explicit PublishPreview(const QString &feedIndexUrl, QWidget *parent = nullptr);
    ~PublishPreview() override;

    void showRow(const QModelIndex &index);
    void clear();

    QString title() const;
    QString license() const;
    QStringList findings() const;
    DependencyModel *dependencyModel() const { return m_dependencies; }
    FeatureModel *featureModel() const { return m_features; }

private:
    void clearFindings();
    void addFinding(int state, const QString &text);

    QString m_feedIndexUrl;
    QLabel *m_title;
    QLabel *m_license;
    QLabel *m_description;
    QLabel *m_file;
    QWidget *m_findings;
    QStringList m_findingTexts;
    QTabWidget *m_tabs;
    QTreeView *m_dependencyView;
    QTreeView *m_featureView;
    DependencyModel *m_dependencies;
    FeatureModel *m_features;
};
