// SPDX-License-Identifier: GPL-3.0-or-later
#include "gzipstream.h"

#include <zlib.h>

GzipStream::GzipStream()
    : m_z(std::make_unique<z_stream_s>())
{
    // 16 + MAX_WBITS: a gzip header and trailer, not raw deflate or zlib framing.
    m_ok = inflateInit2(m_z.get(), MAX_WBITS + 16) == Z_OK;
}

GzipStream::~GzipStream()
{
    if (m_ok)
        inflateEnd(m_z.get());
}

bool GzipStream::decode(QByteArrayView in, qint64 limit, QByteArray *out)
{
    if (!m_ok)
        return false;
    if (m_ended)
        return in.isEmpty(); // bytes after the end: not one gzip stream
    m_z->next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.data()));
    m_z->avail_in = uInt(in.size());
    char buffer[16384];
    do {
        m_z->next_out = reinterpret_cast<Bytef *>(buffer);
        m_z->avail_out = sizeof buffer;
        const int result = inflate(m_z.get(), Z_NO_FLUSH);
        if (result == Z_STREAM_END)
            m_ended = true;
        else if (result != Z_OK && result != Z_BUF_ERROR)
            return false;
        out->append(buffer, qsizetype(sizeof buffer - m_z->avail_out));
        if (out->size() > limit)
            return true; // the caller refuses the body as too large
        if (result == Z_BUF_ERROR)
            break; // no progress possible: everything given has been used
    } while (!m_ended && (m_z->avail_out == 0 || m_z->avail_in > 0));
    return !(m_ended && m_z->avail_in > 0);
}
