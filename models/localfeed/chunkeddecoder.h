// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>

// Decodes a chunked request body as it streams in, refusing it the moment its decoded size
// passes `maxBodyBytes` or a size line, extension or trailer grows past a few KiB, so an
// endless or oversize chunked upload costs at most the cap. ConnectionGuard hands Qt the
// decoded body with a Content-Length: Qt never parses chunks.
class ChunkedDecoder
{
public:
    enum class Status { NeedMore, Done, TooLarge, Malformed };

    explicit ChunkedDecoder(qint64 maxBodyBytes = 0, qint64 maxTrailerBytes = 64 * 1024)
        : m_maxBodyBytes(maxBodyBytes)
        , m_maxTrailerBytes(maxTrailerBytes)
    {
    }

    // Consumes from `input` at most up to the end of the body; *consumed says how much.
    Status feed(QByteArrayView input, qsizetype *consumed);
    const QByteArray &body() const { return m_body; }
    QByteArray takeBody() { return std::exchange(m_body, {}); }

private:
    enum class State { SizeLine, Data, DataEnd, Trailer, Done };
    static constexpr qsizetype MaxLineBytes = 4096;

    Status line(QByteArrayView input, qsizetype *at, QByteArray *into, bool *complete) const;

    qint64 m_maxBodyBytes;
    qint64 m_maxTrailerBytes;
    State m_state = State::SizeLine;
    QByteArray m_line;
    qint64 m_chunkLeft = 0;
    qint64 m_trailerBytes = 0;
    QByteArray m_body;
};
