// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "curation/connectorconfig.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <functional>

class ConnectorStore;
class QObject;
class SecretStore;

// Adds and removes the local feed's connectors with their secrets: a connector is never
// stored without the secret it needs, and a removed one leaves nothing in the keychain. The
// window (on the feed's thread) and `cratedesk connector add|remove` both go through here.
class ConnectorSaver final
{
    Q_DECLARE_TR_FUNCTIONS(ConnectorSaver)

public:
    struct Outcome
    {
        QString error;   // empty: done
        QString warning; // done, with something the user should know
        bool ok() const { return error.isEmpty(); }
    };
    using Done = std::function<void(const Outcome &outcome)>;

    // Both must outlive the callbacks of add() and remove().
    ConnectorSaver(ConnectorStore *store, SecretStore *secrets);

    // Refuses a name the feed already has. `done` runs once, in `context`'s thread.
    void add(const ConnectorConfig &config, const QByteArray &secret, QObject *context, Done done) const;
    // Replaces the settings of an existing connector. An empty `secret` keeps the one in the
    // keychain, unless the kind of authentication changes; a new secret is stored before the
    // settings that need it, and a connector that needs none any more loses its old one.
    void update(const ConnectorConfig &config, const QByteArray &secret, QObject *context, Done done) const;
    // A secret that cannot be deleted is a warning: the connector is gone either way.
    void remove(const QString &name, QObject *context, Done done) const;

private:
    ConnectorStore *m_store;
    SecretStore *m_secrets;
};
