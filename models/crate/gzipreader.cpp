// SPDX-License-Identifier: GPL-3.0-or-later
#include "gzipreader.h"

#include <algorithm>

namespace {
constexpr qint64 ChunkSize = 64 * 1024;
}

GzipReader::GzipReader(const QByteArray &crate, qint64 budget)
    : m_device(&m_buffer, false, KCompressionDevice::GZip)
    , m_budget(budget)
{
    m_buffer.setData(crate);
}

GzipReader::Status GzipReader::read(char *data, qint64 size, qint64 *got)
{
    *got = 0;
    while (*got < size) {
        if (m_position >= m_budget) {
            // One byte more decides whether the stream really goes on past the budget.
            char probe;
            const qint64 n = m_device.read(&probe, 1);
            if (n > 0)
                return Status::OverBudget;
            return n < 0 ? Status::Corrupt : endStatus();
        }
        const qint64 n = m_device.read(data + *got, std::min(size - *got, m_budget - m_position));
        if (n < 0)
            return Status::Corrupt;
        if (n == 0)
            return endStatus();
        *got += n;
        m_position += n;
    }
    return Status::Ok;
}

GzipReader::Status GzipReader::skip(qint64 size)
{
    QByteArray scratch(int(std::min(size, ChunkSize)), Qt::Uninitialized);
    while (size > 0) {
        qint64 got = 0;
        const Status status = read(scratch.data(), std::min(size, ChunkSize), &got);
        if (status != Status::Ok)
            return status;
        size -= got;
    }
    return Status::Ok;
}

// KCompressionDevice returns 0 at the real end, when the input runs out inside the deflate
// stream, and once for bad data (-1 comes on the next call). Another read and atEnd() tell
// them apart.
GzipReader::Status GzipReader::endStatus()
{
    char probe;
    const qint64 n = m_device.read(&probe, 1);
    if (n < 0)
        return Status::Corrupt;
    if (n > 0) // cannot happen after a 0, but never lose a byte silently
        return Status::Corrupt;
    return m_device.atEnd() ? Status::End : Status::Truncated;
}
