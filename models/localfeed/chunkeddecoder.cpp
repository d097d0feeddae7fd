// SPDX-License-Identifier: GPL-3.0-or-later
#include "chunkeddecoder.h"

ChunkedDecoder::Status ChunkedDecoder::line(QByteArrayView input, qsizetype *at, QByteArray *into, bool *complete) const
{
    *complete = false;
    const qsizetype newline = input.indexOf('\n', *at);
    const qsizetype end = newline < 0 ? input.size() : newline;
    into->append(input.sliced(*at, end - *at));
    *at = newline < 0 ? input.size() : newline + 1;
    if (into->size() > MaxLineBytes)
        return Status::Malformed;
    if (newline >= 0) {
        if (into->endsWith('\r'))
            into->chop(1);
        *complete = true;
    }
    return Status::NeedMore;
}

ChunkedDecoder::Status ChunkedDecoder::feed(QByteArrayView input, qsizetype *consumed)
{
    qsizetype at = 0;
    auto finish = [&](Status status) {
        *consumed = at;
        return status;
    };
    while (at < input.size() && m_state != State::Done) {
        bool complete = false;
        switch (m_state) {
        case State::SizeLine: {
            if (line(input, &at, &m_line, &complete) != Status::NeedMore)
                return finish(Status::Malformed);
            if (!complete)
                break;
            QByteArrayView size(m_line);
            if (const qsizetype semicolon = size.indexOf(';'); semicolon >= 0)
                size = size.first(semicolon); // chunk extensions are ignored
            size = size.trimmed();
            bool ok = size.size() > 0 && size.size() <= 15;
            for (const char c : size)
                ok = ok && ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'));
            if (!ok)
                return finish(Status::Malformed);
            m_chunkLeft = size.toByteArray().toLongLong(nullptr, 16);
            m_line.clear();
            if (m_chunkLeft > m_maxBodyBytes - m_body.size())
                return finish(Status::TooLarge); // refused before its data arrives
            m_state = m_chunkLeft == 0 ? State::Trailer : State::Data;
            break;
        }
        case State::Data: {
            const qsizetype take = qMin<qint64>(m_chunkLeft, input.size() - at);
            m_body.append(input.sliced(at, take));
            at += take;
            m_chunkLeft -= take;
            if (m_chunkLeft == 0)
                m_state = State::DataEnd;
            break;
        }
        case State::DataEnd:
            if (line(input, &at, &m_line, &complete) != Status::NeedMore)
                return finish(Status::Malformed);
            if (!complete)
                break;
            if (!m_line.isEmpty())
                return finish(Status::Malformed);
            m_state = State::SizeLine;
            break;
        case State::Trailer: {
            const qsizetype before = at;
            if (line(input, &at, &m_line, &complete) != Status::NeedMore)
                return finish(Status::Malformed);
            m_trailerBytes += at - before;
            if (m_trailerBytes > m_maxTrailerBytes)
                return finish(Status::Malformed);
            if (!complete)
                break;
            if (m_line.isEmpty())
                m_state = State::Done; // trailer fields are dropped: the feed reads none
            m_line.clear();
            break;
        }
        case State::Done:
            break;
        }
    }
    return finish(m_state == State::Done ? Status::Done : Status::NeedMore);
}
