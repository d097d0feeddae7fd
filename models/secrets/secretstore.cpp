// SPDX-License-Identifier: GPL-3.0-or-later
#include "secretstore.h"

using namespace Qt::Literals::StringLiterals;

SecretStore::SecretStore(QObject *parent)
    : QObject(parent)
{
}

SecretStore::~SecretStore() = default;
