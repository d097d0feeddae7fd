// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QDir>
#include <QWidget>

// Saves a grab of `widget` as NAME.png where the test build keeps its screenshots.
inline bool saveScreenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("CRATEDESK_SCREENSHOT_DIR", QDir::currentPath());
    QDir().mkpath(dir);
    // Let pending layout requests and queued resizes land, as they would before a repaint.
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    QCoreApplication::sendPostedEvents();
    return widget->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}
