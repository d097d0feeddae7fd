// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cargotypes/featurevalue.h"
#include "cargotypes/indexentry.h"

#include <QAbstractItemModel>
#include <QSet>

// The features of one version (features and features2 merged, plus cargo's implicit feature
// per optional dependency) as a tree: each feature with the values it enables as children.
// "default" comes first, the rest by name; every feature the default set turns on is marked.
class FeatureModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FeatureModel)

public:
    enum Column { NameColumn, EnablesColumn, ColumnCount };

    explicit FeatureModel(QObject *parent = nullptr);
    ~FeatureModel() override;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setEntry(const IndexEntry &entry);
    void clear();

    // What a value does, in words ("optional dependency serde", "feature derive of serde").
    static QString describe(const FeatureValue &value);

private:
    struct Feature
    {
        QString name;
        QStringList enables;
        QList<FeatureValue> values;
        bool isDefault = false;
        bool implicit = false;
    };

    QVariant featureData(const Feature &feature, int column, int role) const;
    QVariant valueData(const Feature &feature, int row, int column, int role) const;

    QList<Feature> m_features;
};
