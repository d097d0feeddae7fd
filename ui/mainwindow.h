// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>

class FeedListModel;
class EmptyStateListView;
class QLabel;

// The CrateDesk main window: feeds on the left, the selected feed's content on the right.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(FeedListModel *feeds, QWidget *parent = nullptr);
    ~MainWindow() override;

    EmptyStateListView *feedView() const { return m_feedView; }
    void showLocalFeedStatus(const QString &text);

private:
    void createMenus();
    void showAbout();

    FeedListModel *m_feeds;
    EmptyStateListView *m_feedView = nullptr;
    QLabel *m_welcome = nullptr;
    QLabel *m_localFeedStatus = nullptr;
};
