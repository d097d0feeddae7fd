// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cargotypes/feed.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

class QSettings;

// The user's feeds as QSettings keep them: name, index URL, auth kind and Basic user name.
// Never a secret; those live in the SecretStore under the feed's name.
class FeedSettings final
{
    Q_DECLARE_TR_FUNCTIONS(FeedSettings)

public:
    explicit FeedSettings(QSettings *settings);

    FeedList feeds() const;
    std::optional<Feed> feed(const QString &name) const;
    // Adds or replaces; `error` explains a name cargo would not accept as a registry name.
    bool save(const Feed &feed, QString *error);
    bool remove(const QString &name);

    // Registry names follow cargo's package-name characters; `crates-io` is cargo's own.
    static QString nameError(const QString &name);

private:
    QSettings *m_settings;
};
