// SPDX-License-Identifier: GPL-3.0-or-later
#include "feedhttpclient.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

FeedHttpClient::Reply collect(QNetworkReply *reply)
{
    FeedHttpClient::Reply result;
    if (!reply->isFinished()) {
        QSignalSpy finished(reply, &QNetworkReply::finished);
        finished.wait(30000);
    }
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    for (const auto &pair : reply->rawHeaderPairs())
        result.headers.append(pair);
    reply->deleteLater();
    return result;
}

} // namespace

QByteArray FeedHttpClient::Reply::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

QString FeedHttpClient::Reply::detail() const
{
    return json().object().value(u"errors"_s).toArray().at(0).toObject().value(u"detail"_s).toString();
}

FeedHttpClient::Reply FeedHttpClient::get(const QString &path, const QList<QPair<QByteArray, QByteArray>> &headers)
{
    return send("GET", path, {}, headers);
}

FeedHttpClient::Reply FeedHttpClient::send(const QByteArray &verb, const QString &path, const QByteArray &body,
                                           const QList<QPair<QByteArray, QByteArray>> &headers)
{
    return sendConcurrently(verb, path, {body}, headers).value(0);
}

QList<FeedHttpClient::Reply> FeedHttpClient::sendConcurrently(const QByteArray &verb, const QString &path,
                                                              const QList<QByteArray> &bodies,
                                                              const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QList<QNetworkReply *> replies;
    for (const QByteArray &body : bodies) {
        QNetworkRequest request(m_base.resolved(QUrl(path)));
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        for (const auto &[name, value] : headers)
            request.setRawHeader(name, value);
        replies << m_nam.sendCustomRequest(request, verb, body);
    }
    QList<Reply> results;
    for (QNetworkReply *reply : replies)
        results << collect(reply);
    return results;
}

FeedHttpClient::Reply FeedHttpClient::raw(const QByteArray &requestTarget)
{
    QTcpSocket socket;
    socket.connectToHost(m_base.host(), quint16(m_base.port()));
    Reply result;
    if (!socket.waitForConnected(10000))
        return result;
    // The feed answers only requests that name it with its port (see FeedRouter).
    socket.write("GET " + requestTarget + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(m_base.port()) + "\r\nConnection: close\r\n\r\n");
    QByteArray response;
    while (socket.state() == QAbstractSocket::ConnectedState || socket.bytesAvailable()) {
        if (!socket.bytesAvailable() && !QTest::qWaitFor([&] { return socket.bytesAvailable() > 0 || socket.state() != QAbstractSocket::ConnectedState; }, 10000))
            break;
        response += socket.readAll();
        if (response.contains("\r\n\r\n") && socket.state() != QAbstractSocket::ConnectedState)
            break;
        const qsizetype headerEnd = response.indexOf("\r\n\r\n");
        const qsizetype lengthAt = response.toLower().indexOf("content-length:");
        if (headerEnd > 0 && lengthAt > 0 && lengthAt < headerEnd) {
            const qsizetype lineEnd = response.indexOf("\r\n", lengthAt);
            const int length = response.mid(lengthAt + 15, lineEnd - lengthAt - 15).trimmed().toInt();
            if (response.size() >= headerEnd + 4 + length)
                break;
        }
    }
    const qsizetype headerEnd = response.indexOf("\r\n\r\n");
    const QList<QByteArray> statusLine = response.left(response.indexOf("\r\n")).split(' ');
    result.status = statusLine.value(1).toInt();
    result.body = headerEnd >= 0 ? response.mid(headerEnd + 4) : QByteArray();
    return result;
}
