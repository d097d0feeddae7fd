// SPDX-License-Identifier: GPL-3.0-or-later
#include "screenshottaker.h"

#include <QApplication>
#include <QImage>
#include <QWidget>

#include <cstdio>

namespace {
// A feed that never answers must not keep a script waiting for ever: the picture is then
// taken as it stands, and the app says so.
constexpr int GiveUpMs = 120'000;
} // namespace

ScreenshotTaker::ScreenshotTaker(const QString &file, int settleMs, QObject *parent)
    : QObject(parent), m_file(file), m_settleMs(qMax(0, settleMs))
{
    m_settle.setSingleShot(true);
    connect(&m_settle, &QTimer::timeout, this, &ScreenshotTaker::take);
    m_giveUp.setSingleShot(true);
    m_giveUp.setInterval(GiveUpMs);
    connect(&m_giveUp, &QTimer::timeout, this, [this] {
        std::fprintf(stderr, "cratedesk: still waiting for %d things after %d s; taking the screenshot as it stands\n", m_pending,
            GiveUpMs / 1000);
        take();
    });
    m_giveUp.start();
    m_settle.start(m_settleMs); // nothing expected: the window as it first shows
}

void ScreenshotTaker::expect()
{
    ++m_pending;
    m_settle.stop();
}

void ScreenshotTaker::arrived()
{
    if (m_pending > 0 && --m_pending == 0)
        m_settle.start(m_settleMs);
}

void ScreenshotTaker::take()
{
    m_giveUp.stop();
    m_settle.stop();
    QWidget *target = m_target ? m_target() : nullptr;
    const QImage image = target ? target->grab().toImage() : QImage();
    if (image.isNull() || !image.save(m_file, "PNG")) {
        std::fprintf(stderr, "cratedesk: could not write the screenshot to %s\n", qPrintable(m_file));
        QApplication::exit(1);
        return;
    }
    QApplication::exit(0);
}
