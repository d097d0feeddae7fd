// SPDX-License-Identifier: GPL-3.0-or-later
#include "uploadbodydevice.h"

#include <cstring>

UploadBodyDevice::UploadBodyDevice(const QByteArray &body, QObject *parent)
    : QIODevice(parent)
    , m_body(body)
{
    open(QIODevice::ReadOnly | QIODevice::Unbuffered);
}

qint64 UploadBodyDevice::readData(char *data, qint64 maxSize)
{
    const qint64 at = pos();
    const qint64 count = qBound<qint64>(0, m_body.size() - at, maxSize);
    if (count > 0)
        std::memcpy(data, m_body.constData() + at, size_t(count));
    return count;
}
