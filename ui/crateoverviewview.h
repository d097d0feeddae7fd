// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "browse/crateoverview.h"

#include <QWidget>

class CrateBrowser;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;

// The top of the crate page: what the selected version is and whether it can be used, at a
// glance (description, license, MSRV and edition, links, keywords and categories, authors,
// publication, size, downloads, owners) and the line to paste into Cargo.toml with a copy
// button. Shows CrateBrowser::overview(); everything in it came from the feed, so text is
// plain and only http(s) links are clickable.
class CrateOverviewView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CrateOverviewView)

public:
    explicit CrateOverviewView(CrateBrowser *browser, QWidget *parent = nullptr);
    ~CrateOverviewView() override;

    // What each line shows, by its label's object name ("license", "links", …), for tests.
    QString fieldText(const QString &field) const;
    QLineEdit *dependencyLineView() const { return m_dependency; }
    QPushButton *copyButton() const { return m_copy; }

public Q_SLOTS:
    void copyDependencyLine();

protected:
    void changeEvent(QEvent *event) override;

private:
    void display(const CrateOverview &overview);
    QLabel *addField(const QString &name, const QString &label, QFormLayout *form);
    void setField(QLabel *value, const QString &text);
    void dimTitles();

    QLabel *m_description = nullptr;
    QFormLayout *m_left = nullptr;
    QFormLayout *m_right = nullptr;
    QList<QLabel *> m_titles;
    CrateOverview m_shown;
    QLabel *m_license = nullptr;
    QLabel *m_rust = nullptr;
    QLabel *m_links = nullptr;
    QLabel *m_published = nullptr;
    QLabel *m_keywords = nullptr;
    QLabel *m_size = nullptr;
    QLabel *m_authors = nullptr;
    QLabel *m_downloads = nullptr;
    QLabel *m_owners = nullptr;
    QLineEdit *m_dependency = nullptr;
    QPushButton *m_copy = nullptr;
};
