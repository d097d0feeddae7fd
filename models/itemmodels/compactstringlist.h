// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringView>

// An append-only list of strings kept as one UTF-8 buffer and one offset per string.
//
// A feed like crates.io lists about 200,000 crates. As QStrings each name costs a heap block
// with its header and UTF-16 data (around 80 bytes for a 15-letter name); here it costs its
// UTF-8 bytes plus 4, and no allocation. Strings come back as a view or a fresh QString,
// which is what a view asks for a few dozen visible rows at a time.
class CompactStringList
{
public:
    qsizetype size() const { return m_ends.size(); }
    bool isEmpty() const { return m_ends.isEmpty(); }

    void append(QStringView text);
    void append(QByteArrayView utf8);
    void reserve(qsizetype strings, qsizetype bytes);
    void clear();
    void squeeze();

    QByteArrayView utf8At(qsizetype i) const
    {
        const quint32 begin = i == 0 ? 0 : m_ends.at(i - 1);
        return QByteArrayView(m_data.constData() + begin, qsizetype(m_ends.at(i) - begin));
    }
    QString at(qsizetype i) const { return QString::fromUtf8(utf8At(i)); }

    // The strings back to back, and where each ends: for searching all of them in one pass.
    QByteArrayView allUtf8() const { return m_data; }
    const quint32 *ends() const { return m_ends.constData(); }

    // Heap bytes held, for the memory benchmark and the log.
    qsizetype bytesUsed() const { return m_data.capacity() + m_ends.capacity() * qsizetype(sizeof(quint32)); }

private:
    QByteArray m_data;
    QList<quint32> m_ends; // end offset of string i in m_data
};
