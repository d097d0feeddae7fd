// SPDX-License-Identifier: GPL-3.0-or-later
#include "compactstringlist.h"

#include <limits>

void CompactStringList::append(QStringView text)
{
    // Most names are ASCII: skip the intermediate QByteArray then.
    bool ascii = true;
    for (const QChar c : text) {
        if (c.unicode() >= 0x80) {
            ascii = false;
            break;
        }
    }
    if (ascii) {
        const qsizetype begin = m_data.size();
        m_data.resize(begin + text.size());
        char *out = m_data.data() + begin;
        for (const QChar c : text)
            *out++ = char(c.unicode());
        Q_ASSERT(m_data.size() <= std::numeric_limits<quint32>::max());
        m_ends.append(quint32(m_data.size()));
        return;
    }
    append(QByteArrayView(text.toUtf8()));
}

void CompactStringList::append(QByteArrayView utf8)
{
    m_data.append(utf8);
    Q_ASSERT(m_data.size() <= std::numeric_limits<quint32>::max());
    m_ends.append(quint32(m_data.size()));
}

void CompactStringList::reserve(qsizetype strings, qsizetype bytes)
{
    m_ends.reserve(strings);
    m_data.reserve(bytes);
}

void CompactStringList::clear()
{
    m_data.clear();
    m_ends.clear();
}

void CompactStringList::squeeze()
{
    m_data.squeeze();
    m_ends.squeeze();
}
