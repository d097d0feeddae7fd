// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QList>
#include <QNetworkAccessManager>
#include <QPair>
#include <QUrl>

// A blocking-for-tests HTTP client for talking to a feed: it waits on the reply's signal
// (never sleeps), so the server in the same thread keeps running.
class FeedHttpClient
{
public:
    struct Reply
    {
        int status = 0;
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;

        QByteArray header(const QByteArray &name) const;
        QJsonDocument json() const { return QJsonDocument::fromJson(body); }
        QString detail() const; // errors[0].detail, when the body has that shape
    };

    explicit FeedHttpClient(const QUrl &base)
        : m_base(base)
    {
    }

    Reply get(const QString &path, const QList<QPair<QByteArray, QByteArray>> &headers = {});
    Reply send(const QByteArray &verb, const QString &path, const QByteArray &body = {},
               const QList<QPair<QByteArray, QByteArray>> &headers = {});
    // Several requests in flight at once; replies in the order given.
    QList<Reply> sendConcurrently(const QByteArray &verb, const QString &path, const QList<QByteArray> &bodies,
                                  const QList<QPair<QByteArray, QByteArray>> &headers);
    // The exact bytes of a request line and headers, for paths no URL class would keep.
    Reply raw(const QByteArray &requestTarget);

    QUrl base() const { return m_base; }

private:
    QUrl m_base;
    QNetworkAccessManager m_nam;
};
