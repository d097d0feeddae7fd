// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

// Edits a connector's filter list: one pattern per row, "!" in front to block. Shared by the
// local feed's connector dialog and ProGet's.
class FilterListEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FilterListEditor)

public:
    explicit FilterListEditor(QWidget *parent = nullptr);
    ~FilterListEditor() override;

    QStringList filters() const;
    void setFilters(const QStringList &filters);
    // A line under the list, e.g. that filters need a paid ProGet edition.
    void setNotice(const QString &text);

Q_SIGNALS:
    void filtersChanged();

private:
    void addPattern(bool block);
    void updateButtons();

    QListWidget *m_list;
    QLineEdit *m_pattern;
    QPushButton *m_allow;
    QPushButton *m_block;
    QPushButton *m_remove;
    QLabel *m_error;
    QLabel *m_notice;
};
