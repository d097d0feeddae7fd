// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>

class QWidget;

// --screenshot: renders the window a user would be looking at to a PNG and ends the app, once
// everything that window waits for has arrived (the feed's listing, a seed, the open crate's
// contents, the checks of files to publish), so that a picture shows content and not a
// spinner. Each thing to wait for is one expect() and, when it comes, one arrived().
class ScreenshotTaker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScreenshotTaker)

public:
    // `settleMs` more after the last arrival, for layouts, pictures and repaints.
    ScreenshotTaker(const QString &file, int settleMs, QObject *parent = nullptr);

    // Which window to render; asked at the moment of the picture.
    void setTarget(std::function<QWidget *()> target) { m_target = std::move(target); }
    void expect();
    void arrived();

private:
    void take();

    QString m_file;
    int m_settleMs;
    int m_pending = 0;
    std::function<QWidget *()> m_target;
    QTimer m_settle;
    QTimer m_giveUp;
};
