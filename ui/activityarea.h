// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QWidget>

#include <functional>

class QLabel;
class QProgressBar;
class QToolButton;
class QVBoxLayout;
class RegistryReply;

// The compact list of running operations that sits in the main window's status bar: one row
// per operation with its label, a progress bar (busy while the total is unknown) and a cancel
// button. Operations report in through a plain id-based API, so any service can feed it
// without the widget knowing what the work is; it hides itself when nothing runs.
class ActivityArea final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActivityArea)

public:
    using CancelFunction = std::function<void()>;

    explicit ActivityArea(QWidget *parent = nullptr);
    ~ActivityArea() override;

    // Returns the id later calls use. Without `cancel` the row has no cancel button.
    int addActivity(const QString &label, CancelFunction cancel = {});
    void setLabel(int id, const QString &label);
    // total <= 0 shows a busy indicator until a total is known.
    void setProgress(int id, qint64 done, qint64 total);
    // Removes the row; a non-empty `error` is reported through activityFailed().
    void finish(int id, const QString &error = {});
    // Convenience for the common case: a RegistryReply's progress, cancel and end.
    int track(RegistryReply *reply, const QString &label);

    int count() const { return int(m_rows.size()); }
    QList<int> ids() const;
    QString label(int id) const;
    // Percent done, or -1 while busy; -2 for an unknown id.
    int percent(int id) const;
    // Rows beyond this are summarised as "and N more", keeping the status bar short.
    void setMaximumVisibleRows(int rows);

Q_SIGNALS:
    void countChanged(int count);
    void activityCancelled(int id);
    void activityFailed(const QString &label, const QString &error);

private:
    struct Row
    {
        QWidget *widget = nullptr;
        QLabel *label = nullptr;
        QProgressBar *bar = nullptr;
        QToolButton *cancel = nullptr;
        CancelFunction onCancel;
    };
    void cancel(int id);
    void relayout();

    QVBoxLayout *m_layout;
    QLabel *m_more;
    QHash<int, Row> m_rows;
    QList<int> m_order;
    int m_nextId = 1;
    int m_maxVisible = 3;
};
