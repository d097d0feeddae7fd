// SPDX-License-Identifier: GPL-3.0-or-later
#include "registryindexsource.h"

#include "registry/registryclient.h"

RegistryIndexSource::RegistryIndexSource(RegistryClient *client, QObject *parent)
    : IndexSource(parent)
    , m_client(client)
{
}

RegistryIndexSource::~RegistryIndexSource() = default;

void RegistryIndexSource::requestIndex(const QString &crateName)
{
    RegistryReply *reply = m_client->fetchIndex(crateName);
    connect(reply, &RegistryReply::finished, this, [this, reply, crateName] {
        if (reply->error())
            Q_EMIT indexFailed(crateName, reply->error().message, reply->error().kind == RegistryError::Kind::NotFound);
        else
            Q_EMIT indexLoaded(crateName, reply->entries);
    });
}
