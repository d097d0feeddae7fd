// SPDX-License-Identifier: GPL-3.0-or-later
#include "cargocredentialprovider.h"

#include "feedownershipcheck.h"
#include "localfeed/desktopfeedtoken.h"
#include "localfeed/localfeedlocations.h"
#include "secrets/secretstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QPointer>

using namespace Qt::Literals::StringLiterals;

// Info by default: cargo passes the provider's stderr through to the user's terminal.
Q_LOGGING_CATEGORY(lcCredential, "cratedesk.cargo.credential", QtInfoMsg)

namespace {

QByteArray line(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray ok(const QJsonObject &fields)
{
    return line({{u"Ok"_s, fields}});
}

QByteArray err(const QString &kind, const QString &message = {})
{
    QJsonObject error{{u"kind"_s, kind}};
    if (!message.isEmpty())
        error.insert(u"message"_s, message);
    return line({{u"Err"_s, error}});
}

QString feedArgument(const QJsonArray &args)
{
    for (qsizetype i = 0; i + 1 < args.size(); ++i)
        if (args.at(i).toString() == u"--feed"_s)
            return args.at(i + 1).toString();
    return {};
}

} // namespace

CargoCredentialProvider::CargoCredentialProvider(SecretStore *secrets, FeedLookup feedByName, const FeedList &feeds, QObject *parent)
    : QObject(parent)
    , m_secrets(secrets)
    , m_feedByName(std::move(feedByName))
    , m_feeds(feeds)
{
}

CargoCredentialProvider::~CargoCredentialProvider() = default;

void CargoCredentialProvider::setOwnershipCheck(FeedOwnershipCheck *check, LocalDataDir localDataDir)
{
    m_check = check;
    m_localDataDir = std::move(localDataDir);
}

QByteArray CargoCredentialProvider::hello()
{
    return line({{u"v"_s, QJsonArray{1}}});
}

void CargoCredentialProvider::handleRequest(const QByteArray &requestLine, const std::function<void(const QByteArray &)> &reply)
{
    QJsonParseError parseError;
    const QJsonObject request = QJsonDocument::fromJson(requestLine, &parseError).object();
    if (parseError.error != QJsonParseError::NoError || request.isEmpty())
        return reply(err(u"other"_s, u"cratedesk cannot read the request: %1"_s.arg(parseError.errorString())));
    if (request.value(u"v"_s).toInt() != 1)
        return reply(err(u"other"_s, u"cratedesk speaks version 1 of the credential protocol, not %1"_s.arg(request.value(u"v"_s).toInt())));

    const QJsonObject registry = request.value(u"registry"_s).toObject();
    const QString indexUrl = registry.value(u"index-url"_s).toString();
    const QString kind = request.value(u"kind"_s).toString();
    const QString pinned = feedArgument(request.value(u"args"_s).toArray());
    qCDebug(lcCredential) << "request" << kind << request.value(u"operation"_s).toString() << "for" << indexUrl;

    std::optional<Feed> feed;
    if (!pinned.isEmpty()) {
        feed = m_feedByName ? m_feedByName(pinned) : std::nullopt;
        if (!feed)
            return reply(err(u"other"_s, u"CrateDesk has no feed called \"%1\"; add it with `cratedesk feed add %1 URL`"_s.arg(pinned)));
        if (feed->cargoIndexUrl() != indexUrl && !adoptLocalFeedUrl(&*feed, indexUrl))
            return reply(err(u"url-not-supported"_s, u"CrateDesk's feed \"%1\" is %2, not %3"_s.arg(pinned, feed->cargoIndexUrl(), indexUrl)));
    } else {
        for (const Feed &candidate : std::as_const(m_feeds))
            if (candidate.cargoIndexUrl() == indexUrl)
                feed = candidate;
        if (!feed)
            return reply(err(u"url-not-supported"_s));
    }
    const bool basic = feed->auth == Feed::AuthKind::Basic;
    // `cargo login` gives a token to any feed that does not sign in with a password.
    Feed tokenHolder = *feed;
    if (!basic)
        tokenHolder.auth = Feed::AuthKind::Token;
    const QString key = tokenHolder.secretKey();

    const QString localDataDir = kind == u"get"_s && m_check && m_localDataDir ? m_localDataDir(*feed) : QString();
    if (!localDataDir.isEmpty()) {
        QPointer<CargoCredentialProvider> guard(this);
        // Without a token of its own (`cargo login --registry local`), cargo gets the one the
        // desktop app keeps for that feed: the same user's, for the same proven server.
        QStringList keys {key};
        if (!basic)
            keys << DesktopFeedToken::secretKey(localDataDir);
        m_check->verify(feed->indexUrl, localDataDir, [guard, reply, feed = *feed, keys](const QString &refusal) {
            if (!guard)
                return;
            if (!refusal.isEmpty())
                return reply(err(u"other"_s, refusal));
            guard->answerGet(feed, keys, reply);
        });
        return;
    }
    if (kind == u"get"_s)
        return answerGet(*feed, {key}, reply);
    if (kind == u"login"_s) {
        if (basic)
            return reply(err(u"operation-not-supported"_s, u"CrateDesk's feed \"%1\" signs in with a user name and password; change them in CrateDesk"_s.arg(feed->name)));
        const QString token = request.value(u"token"_s).toString().trimmed();
        if (token.isEmpty())
            return reply(err(u"other"_s, u"give the token to `cargo login --registry %1` as an argument or on stdin"_s.arg(feed->name)));
        m_secrets->writeSecret(key, token.toUtf8(), this, [reply](const SecretStore::Result &result) {
            reply(result.ok() ? ok({{u"kind"_s, u"login"_s}}) : err(u"other"_s, result.message));
        });
        return;
    }
    if (kind == u"logout"_s) {
        if (basic)
            return reply(err(u"operation-not-supported"_s, u"CrateDesk's feed \"%1\" signs in with a user name and password; remove them in CrateDesk"_s.arg(feed->name)));
        m_secrets->deleteSecret(key, this, [reply](const SecretStore::Result &result) {
            if (result.error == SecretStore::Error::NotFound)
                return reply(err(u"not-found"_s));
            reply(result.ok() ? ok({{u"kind"_s, u"logout"_s}}) : err(u"other"_s, result.message));
        });
        return;
    }
    reply(err(u"operation-not-supported"_s, u"cratedesk does not know the request kind \"%1\""_s.arg(kind)));
}

bool CargoCredentialProvider::adoptLocalFeedUrl(Feed *feed, const QString &indexUrl) const
{
    // The embedded feed may listen on another port than the default one (`--port`, or the
    // desktop app's choice): any loopback root URL will do, because its token goes only to a
    // server that proves it serves the feed's data folder.
    if (feed->origin != Feed::Origin::Local || !m_check || !m_localDataDir || !indexUrl.startsWith(u"sparse+"_s))
        return false;
    const QUrl url(indexUrl.sliced(7));
    if (LocalFeedLocations::canonicalBaseUrl(url).isEmpty() || !url.toString().endsWith(u'/'))
        return false;
    feed->indexUrl = url;
    return true;
}

void CargoCredentialProvider::answerGet(const Feed &feed, QStringList keys, const std::function<void(const QByteArray &)> &reply)
{
    const QString key = keys.takeFirst();
    m_secrets->readSecret(key, this, [this, reply, feed, keys](const SecretStore::Result &result) {
        if (result.error == SecretStore::Error::NotFound && !keys.isEmpty())
            return answerGet(feed, keys, reply);
        if (result.error == SecretStore::Error::NotFound)
            return reply(err(u"not-found"_s, u"the keychain holds no %1 for CrateDesk's feed \"%2\"; store one with `cargo login --registry %2` or in CrateDesk"_s
                                                .arg(feed.auth == Feed::AuthKind::Basic ? u"password"_s : u"token"_s, feed.name)));
        if (!result.ok())
            return reply(err(u"other"_s, result.message));
        const QByteArray token = feed.authorization(result.secret);
        reply(ok({{u"kind"_s, u"get"_s}, {u"token"_s, QString::fromUtf8(token)}, {u"cache"_s, u"session"_s}, {u"operation_independent"_s, true}}));
    });
}
