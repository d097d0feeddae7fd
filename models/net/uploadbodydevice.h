// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QIODevice>

// A request body handed to QNetworkAccessManager without Qt copying it. Given a QByteArray
// (or a QBuffer), Qt 6 copies the whole body on the caller's thread before sending it: for a
// 10 MB crate that is tens of milliseconds of page faults on the thread that paints. From a
// plain random-access device Qt reads chunk by chunk, and this device serves each chunk from
// the caller's implicitly shared bytes. Random access, so Qt can rewind it to resend.
class UploadBodyDevice final : public QIODevice
{
public:
    explicit UploadBodyDevice(const QByteArray &body, QObject *parent = nullptr);

    bool isSequential() const override { return false; }
    qint64 size() const override { return m_body.size(); }

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    const QByteArray m_body;
};
