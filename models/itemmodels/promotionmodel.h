// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QPointer>

class PromotionSession;

// A promotion as the window shows it: one row per version, dependencies first, with where it
// stands and why. It follows the session it is given and owns nothing.
class PromotionModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PromotionModel)

public:
    enum Column { CrateColumn, VersionColumn, StateColumn, ReasonColumn, ColumnCount };

    explicit PromotionModel(QObject *parent = nullptr);

    void setSession(PromotionSession *session);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QPointer<PromotionSession> m_session;
    int m_rows = 0; // what the view was told: the session's items change only at planned()
};
