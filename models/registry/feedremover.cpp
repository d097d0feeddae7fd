// SPDX-License-Identifier: GPL-3.0-or-later
#include "feedremover.h"

#include "feedsettings.h"
#include "secrets/secretstore.h"

#include <QStringList>

#include <memory>

using namespace Qt::Literals::StringLiterals;

FeedRemover::FeedRemover(FeedSettings *settings, SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_secrets(secrets)
{
}

FeedRemover::~FeedRemover() = default;

bool FeedRemover::remove(const QString &name)
{
    if (!m_settings->remove(name))
        return false;
    auto pending = std::make_shared<int>(2);
    auto problems = std::make_shared<QStringList>();
    auto done = [this, name, pending, problems](const SecretStore::Result &result) {
        // Both keys are asked for; "not found" is the normal answer for one of them.
        if (!result.ok() && result.error != SecretStore::Error::NotFound)
            problems->append(result.message);
        if (--*pending == 0)
            Q_EMIT removed(name, problems->isEmpty() ? QString()
                                                     : tr("the feed's credential could not be removed from the keychain: %1").arg(problems->join(u"; "_s)));
    };
    for (const QString &key : Feed::secretKeys(name))
        m_secrets->deleteSecret(key, this, done);
    return true;
}
