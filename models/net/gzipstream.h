// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <memory>

struct z_stream_s;

// A `Content-Encoding: gzip` body undone as it arrives. CrateDesk decodes it itself rather than
// letting Qt do it: Qt takes a gzip stream that ends early for a whole one (only zlib's end of
// stream, after the CRC, says it is whole), and Qt's own bomb check fails as a network error
// that is retried. Here the output is bounded by the caller's cap as it is produced.
class GzipStream
{
public:
    GzipStream();
    ~GzipStream();
    Q_DISABLE_COPY_MOVE(GzipStream)

    // Appends what `in` decodes to, stopping once `out` holds more than `limit` bytes, so a
    // bomb is never inflated past the cap. False when the bytes are not one gzip stream.
    bool decode(QByteArrayView in, qint64 limit, QByteArray *out);
    // The stream reached its end and its checksum matched.
    bool isComplete() const { return m_ended; }

private:
    std::unique_ptr<z_stream_s> m_z;
    bool m_ok = false;
    bool m_ended = false;
};
