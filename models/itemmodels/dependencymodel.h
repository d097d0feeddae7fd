// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cargotypes/indexentry.h"

#include <QAbstractItemModel>

// The dependencies of one version as a two-level tree: a heading per kind that has any
// (normal, build, dev, in that order), each dependency under it sorted by name.
class DependencyModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DependencyModel)

public:
    enum Column {
        NameColumn,
        RequirementColumn,
        OptionalColumn,
        TargetColumn,
        FeaturesColumn,
        DefaultFeaturesColumn,
        RegistryColumn,
        ColumnCount
    };

    explicit DependencyModel(QObject *parent = nullptr);
    ~DependencyModel() override;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // feedIndexUrl is the index the entry came from: a dependency's registry is shown only
    // when it is another one. Either spelling, with or without "sparse+", is fine.
    void setEntry(const IndexEntry &entry, const QString &feedIndexUrl = {});
    void clear();

    // A group's heading with its number of dependencies: "Build dependencies (3)".
    static QString kindTitle(IndexDependency::Kind kind, qsizetype count);

private:
    struct Group
    {
        IndexDependency::Kind kind;
        QList<IndexDependency> deps;
    };

    QVariant groupData(const Group &group, int column, int role) const;
    QVariant dependencyData(const IndexDependency &dep, int column, int role) const;
    QString registryLabel(const IndexDependency &dep) const;

    QList<Group> m_groups;
    QString m_feedIndexUrl; // normalised
};
