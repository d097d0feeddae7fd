// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "indexsource.h"

#include <QPointer>

class RegistryClient;

// Index files for the dependency closure, fetched from a feed (through its cache).
class RegistryIndexSource final : public IndexSource
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RegistryIndexSource)

public:
    explicit RegistryIndexSource(RegistryClient *client, QObject *parent = nullptr);
    ~RegistryIndexSource() override;

    void requestIndex(const QString &crateName) override;

private:
    QPointer<RegistryClient> m_client;
};
