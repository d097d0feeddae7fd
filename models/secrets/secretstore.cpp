// SPDX-License-Identifier: GPL-3.0-or-later
#include "secretstore.h"

using namespace Qt::Literals::StringLiterals;

SecretStore::SecretStore(QObject *parent)
    : QObject(parent)
{
}

SecretStore::~SecretStore() = default;

QString SecretStore::feedTokenKey(const QString &feedName)
{
    return u"feed/"_s + feedName + u"/token"_s;
}

QString SecretStore::feedPasswordKey(const QString &feedName)
{
    return u"feed/"_s + feedName + u"/password"_s;
}
