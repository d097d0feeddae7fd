// SPDX-License-Identifier: GPL-3.0-or-later
#include "feedownership.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>

#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace FeedOwnership {

namespace {

constexpr qsizetype SecretBytes = 32;

QByteArray randomBytes(qsizetype count)
{
    QByteArray bytes(count, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(bytes.data()), reinterpret_cast<quint32 *>(bytes.data() + bytes.size()));
    return bytes;
}

// The secret as stored: hex digits only, of the expected length; anything else is not ours.
QByteArray parseSecret(const QByteArray &stored)
{
    const QByteArray hex = stored.trimmed();
    if (hex.size() != SecretBytes * 2)
        return {};
    for (const char c : hex)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return {};
    return QByteArray::fromHex(hex);
}

} // namespace

QString secretPath(const QString &dataDir)
{
    return QDir(dataDir).absoluteFilePath(u"ownership.key"_s);
}

FeedError ensureSecret(const QString &dataDir, QByteArray *secret)
{
    const QString path = secretPath(dataDir);
    QFile file(path);
    // NewOnly with owner-only permissions: the file never exists with a looser mode, not even
    // for a moment, and an existing one is never overwritten.
    if (file.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        const QByteArray created = randomBytes(SecretBytes);
        if (file.write(created.toHex() + '\n') != SecretBytes * 2 + 1 || !file.flush() || ::fsync(file.handle()) != 0) {
            file.close();
            file.remove();
            return FeedError::internal(
                QCoreApplication::translate("FeedOwnership", "cannot write the feed's ownership key %1: %2").arg(path, file.errorString()));
        }
        *secret = created;
        return {};
    }
    if (!file.exists())
        return FeedError::internal(
            QCoreApplication::translate("FeedOwnership", "cannot create the feed's ownership key %1: %2").arg(path, file.errorString()));
    // A key left readable by others (an older copy, a restore) proves nothing: make it private.
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QString error;
    *secret = readSecret(dataDir, &error);
    return secret->isEmpty() ? FeedError::internal(error) : FeedError();
}

QByteArray readSecret(const QString &dataDir, QString *error)
{
    const QString path = secretPath(dataDir);
    const QFileInfo info(path);
    if (!info.exists()) {
        *error = QCoreApplication::translate("FeedOwnership", "%1 does not exist: the local feed of %2 has not been started by this "
                                                               "version of CrateDesk")
                     .arg(path, dataDir);
        return {};
    }
    if (info.isSymLink() || !info.isFile() || info.ownerId() != ::getuid()) {
        *error = QCoreApplication::translate("FeedOwnership", "%1 is not a file of this user, so it cannot prove who serves the feed")
                     .arg(path);
        return {};
    }
    const auto others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther | QFileDevice::WriteOther;
    if (info.permissions() & others) {
        *error = QCoreApplication::translate("FeedOwnership", "%1 may be read or written by other users (chmod 600 it), so it cannot "
                                                               "prove who serves the feed")
                     .arg(path);
        return {};
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QCoreApplication::translate("FeedOwnership", "cannot read %1: %2").arg(path, file.errorString());
        return {};
    }
    const QByteArray secret = parseSecret(file.read(SecretBytes * 2 + 2));
    if (secret.isEmpty())
        *error = QCoreApplication::translate("FeedOwnership", "%1 is not a CrateDesk ownership key").arg(path);
    return secret;
}

QByteArray newNonce()
{
    return randomBytes(32).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

bool isValidNonce(QByteArrayView nonce)
{
    if (nonce.size() < 16 || nonce.size() > 128)
        return false;
    for (const char c : nonce)
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
            return false;
    return true;
}

QByteArray proof(const QByteArray &secret, QByteArrayView nonce, const QUrl &baseUrl)
{
    QMessageAuthenticationCode mac(QCryptographicHash::Sha256, secret);
    mac.addData(nonce);
    mac.addData("\n");
    mac.addData(baseUrl.toEncoded());
    return mac.result().toHex();
}

bool equalConstantTime(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a[i] ^ b[i]);
    return difference == 0;
}

} // namespace FeedOwnership
