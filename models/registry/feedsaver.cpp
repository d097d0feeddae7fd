// SPDX-License-Identifier: GPL-3.0-or-later
#include "feedsaver.h"

#include "feedsettings.h"
#include "secrets/secretstore.h"

#include <memory>

using namespace Qt::Literals::StringLiterals;

FeedSaver::FeedSaver(FeedSettings *settings, SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_secrets(secrets)
{
}

FeedSaver::~FeedSaver() = default;

void FeedSaver::save(const Feed &feed, SecretChange change, const QByteArray &secret)
{
    if (m_busy)
        return;
    m_busy = true;
    if (const QString problem = FeedSettings::nameError(feed.name); !problem.isEmpty()) {
        QMetaObject::invokeMethod(this, [this, feed, problem] { finish(feed, problem); }, Qt::QueuedConnection);
        return;
    }
    const QString key = feed.secretKey();
    if (change == SecretChange::Replace && !key.isEmpty()) {
        m_secrets->writeSecret(key, secret, this, [this, feed, change](const SecretStore::Result &result) {
            if (!result.ok())
                return finish(feed, tr("the credential could not be stored in the keychain, so the feed was not saved: %1").arg(result.message));
            forgetObsolete(feed, change);
        });
        return;
    }
    forgetObsolete(feed, change);
}

void FeedSaver::forgetObsolete(const Feed &feed, SecretChange change)
{
    // Whatever the feed's auth kind no longer uses goes, and the current one too on Forget.
    QStringList keys = Feed::secretKeys(feed.name);
    if (change != SecretChange::Forget)
        keys.removeAll(feed.secretKey());
    auto pending = std::make_shared<qsizetype>(keys.size());
    auto problems = std::make_shared<QStringList>();
    auto saveSettings = [this, feed, problems] {
        if (!problems->isEmpty())
            return finish(feed, problems->join(u"; "_s));
        QString error;
        if (!m_settings->save(feed, &error))
            return finish(feed, error);
        finish(feed, {});
    };
    for (const QString &key : std::as_const(keys)) {
        m_secrets->deleteSecret(key, this, [pending, problems, saveSettings](const SecretStore::Result &result) {
            // "Not found" is the usual answer: most feeds never had the other kind of secret.
            if (!result.ok() && result.error != SecretStore::Error::NotFound)
                problems->append(tr("the old credential could not be removed from the keychain: %1").arg(result.message));
            if (--*pending == 0)
                saveSettings();
        });
    }
}

void FeedSaver::finish(const Feed &feed, const QString &error)
{
    m_busy = false;
    Q_EMIT finished(feed, error);
}
