// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <KCompressionDevice>

#include <QBuffer>
#include <QByteArray>

// Streams the tar out of a .crate's gzip'd bytes and counts every byte against a budget, so a
// bomb is stopped after at most `budget` bytes of work and never needs memory or disk.
class GzipReader
{
public:
    enum class Status { Ok, End, Corrupt, Truncated, OverBudget };

    GzipReader(const QByteArray &crate, qint64 budget);

    bool open() { return m_device.open(QIODevice::ReadOnly); }
    qint64 position() const { return m_position; }

    // Reads exactly `size` bytes unless the stream stops; *got says how many arrived.
    Status read(char *data, qint64 size, qint64 *got);
    Status skip(qint64 size);

private:
    Status endStatus();

    QBuffer m_buffer;
    KCompressionDevice m_device;
    qint64 m_budget;
    qint64 m_position = 0;
};
