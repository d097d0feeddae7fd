// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chunkeddecoder.h"
#include "connectionslots.h"
#include "feedrequest.h"
#include "requesthead.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

class ConnectionGuard;
class GuardedSocket;
class QAbstractSocket;

// One HTTP/1.1 client connection of the local feed, seen before Qt HttpServer sees it. It reads
// the client's socket itself, 64 KiB at a time, and for each request in turn:
//   head    read until the empty line, at most ConnectionLimits::maxHeaderBytes, within
//           headerTimeoutMs; then parsed strictly (RequestHead), the token of a write
//           checked and Content-Length held against the route's cap: a refusal goes out at
//           once, before any body byte is read, and the connection closes;
//   body    passed on as it arrives (Content-Length), or decoded and capped (chunked);
//   answer  nothing more is read until Qt's answer to this request has been written out
//           and the client has taken most of it, so one connection holds at most one request.
// Qt gets the checked bytes through a GuardedSocket, so every request on a kept-alive
// connection passes the same checks, and memory per connection stays bounded by the caps.
class GuardedConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuardedConnection)

public:
    // `slot` counts the connection under the feed's connection cap (ConnectionSlots).
    GuardedConnection(ConnectionGuard *guard, QAbstractSocket *client, ConnectionSlots::SlotPtr slot);
    ~GuardedConnection() override;

    // What Qt HttpServer gets instead of the client's socket.
    GuardedSocket *socketForQt() const { return m_qt; }
    const ConnectionSlots::SlotPtr &slot() const { return m_slot; }
    // Closes at once, as when the connection cap needs the slot.
    void evict();

    // From the GuardedSocket.
    void writeFromQt(QByteArrayView bytes);
    qint64 bytesToWrite() const;
    void qtClosed();

private:
    enum class State { Idle, Head, Body, ChunkedBody, Answering, Closing, Closed };

    void pump();
    bool readHead();
    void startRequest();
    bool answerHere(FeedRequest request);
    void forwardBody();
    void forwardChunked();
    void requestForwarded();
    // Where the next request is read: by the pump that is running (an answer made here), or
    // by one queued for later (Qt's answer, written from inside Qt).
    enum class NextRead { InRunningPump, Queued };
    void responseFinished(NextRead next = NextRead::Queued);
    void sendAnswer(const QByteArray &bytes);
    void refuse(int status, const QByteArray &detail);
    void refuse(const FeedResponse &response);
    void lingerAndClose();
    void shutDownWriting();
    void teardown();
    void onTimeout();
    void arm(int ms);

    // Tells where Qt's answer ends, from what Qt writes: status line and headers, then
    // Content-Length bytes (none for 1xx, 204, 304 and answers to HEAD).
    bool trackResponse(QByteArrayView bytes);

    ConnectionGuard *m_guard;
    QAbstractSocket *m_client;
    ConnectionSlots::SlotPtr m_slot;
    QPointer<GuardedSocket> m_qt;
    State m_state = State::Idle;
    QByteArray m_pending; // read from the client, not yet looked at
    QByteArray m_head;
    RequestHead m_request;
    qint64 m_bodyLeft = 0;
    ChunkedDecoder m_chunked;
    QTimer m_timer;
    bool m_pumpQueued = false;

    QByteArray m_responseHead;
    qint64 m_responseBodyLeft = -1; // -1: reading the head of an answer
    bool m_responseUnframed = false;
    bool m_tls = false; // its bytes are encrypted by Qt: never written past it
};
