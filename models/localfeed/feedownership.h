// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "feederror.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QUrl>

// How the local feed proves that it is the server of its data folder. The port of a local
// feed is fixed, so while the feed is down any local user may listen there and answer cargo
// with a 401; `cratedesk credential` would then hand that squatter the feed's token. Before it
// does, it sends a random nonce to GET /cratedesk/v1/proof and expects
// HMAC-SHA256(secret, nonce '\n' base URL), the secret being a file of the data folder that
// only its owner may read. The base URL in the message keeps a proof made by the real feed on
// another port from being replayed by a squatter.
namespace FeedOwnership {

// DATA/ownership.key: 32 random bytes, hex, mode 0600.
QString secretPath(const QString &dataDir);

// Reads the secret, creating it (0600, whatever the umask) at the first start of the feed.
FeedError ensureSecret(const QString &dataDir, QByteArray *secret);

// Reads an existing secret for checking a proof. Refuses a file that is not this user's or
// that others may read or write: then it would prove nothing. *error says what and where.
QByteArray readSecret(const QString &dataDir, QString *error);

// A fresh nonce: 32 random bytes, base64url (43 characters).
QByteArray newNonce();
// What the feed accepts as a nonce: 16 to 128 characters of base64url.
bool isValidNonce(QByteArrayView nonce);

// The proof for `nonce` by the feed at `baseUrl` (http://127.0.0.1:PORT/), as lower-case hex.
QByteArray proof(const QByteArray &secret, QByteArrayView nonce, const QUrl &baseUrl);

// Compares without leaking through timing where the first difference is.
bool equalConstantTime(QByteArrayView a, QByteArrayView b);

} // namespace FeedOwnership
