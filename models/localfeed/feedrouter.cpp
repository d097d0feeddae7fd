// SPDX-License-Identifier: GPL-3.0-or-later
#include "feedrouter.h"

#include "connectorhub.h"
#include "feedownership.h"
#include "publishvalidator.h"
#include "cargotypes/cratename.h"
#include "cargotypes/indexfileparser.h"
#include "cargotypes/reversedependency.h"
#include "cargotypes/semver.h"
#include "tokenusagerecorder.h"

#include <QCryptographicHash>
#include <QFile>
#include <QPointer>
#include <QSet>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace {

// Splits and decodes the path; nullopt for anything that could address outside the feed
// (`..`, `.`, encoded slashes, NUL, empty segments), which then simply is not found.
std::optional<QStringList> pathSegments(const QByteArray &encodedPath)
{
    if (!encodedPath.startsWith('/'))
        return std::nullopt;
    QStringList segments;
    const QList<QByteArray> raw = encodedPath.mid(1).split('/');
    for (const QByteArray &part : raw) {
        const QByteArray decoded = QByteArray::fromPercentEncoding(part);
        if (decoded.isEmpty() || decoded == "." || decoded == ".." || decoded.contains('/') || decoded.contains('\\')
            || decoded.contains('\0'))
            return std::nullopt;
        segments << QString::fromUtf8(decoded);
    }
    return segments;
}

bool etagMatches(QByteArrayView ifNoneMatch, QByteArrayView etag)
{
    // Views, not split(): this runs for every revalidation cargo sends.
    while (!ifNoneMatch.isEmpty()) {
        const qsizetype comma = ifNoneMatch.indexOf(',');
        QByteArrayView candidate = (comma < 0 ? ifNoneMatch : ifNoneMatch.first(comma)).trimmed();
        ifNoneMatch = comma < 0 ? QByteArrayView() : ifNoneMatch.sliced(comma + 1);
        if (candidate.startsWith("W/"))
            candidate = candidate.sliced(2);
        if (candidate == "*" || candidate == etag)
            return true;
    }
    return false;
}

// Names and versions in a request path are checked before anything is looked up by them, in
// the store or upstream: only a valid crate name and a SemVer version name a crate file.
std::optional<FeedResponse> refuseCrateReference(const QString &name, const QString *vers = nullptr)
{
    if (const QString error = CrateName::validationError(name); !error.isEmpty())
        return FeedResponse::error(404, error);
    if (vers && !SemVer::parse(*vers))
        return FeedResponse::error(404, u"`%1` is not a version of crate `%2`"_s.arg(vers->left(80), name));
    return std::nullopt;
}

// The loopback names a client of this machine may use for the feed, with the feed's port (or
// without one when the port is the scheme's default, as a client then writes it).
bool isLoopbackAuthority(const QByteArray &authority, int port, int defaultPort)
{
    const QByteArray lower = authority.toLower();
    for (const QByteArrayView name : {QByteArrayView("127.0.0.1"), QByteArrayView("localhost"), QByteArrayView("[::1]")}) {
        if (!lower.startsWith(name))
            continue;
        const QByteArrayView rest = QByteArrayView(lower).sliced(name.size());
        if (rest.isEmpty())
            return port == defaultPort;
        if (rest == ':' + QByteArray::number(port))
            return true;
    }
    return false;
}

// A header value as an error detail may quote it: printable ASCII, cut short.
QString quoted(const QByteArray &value)
{
    QString text;
    for (const char c : value.left(100))
        text += (c >= 0x20 && c < 0x7f) ? QChar::fromLatin1(c) : u'?';
    return u'"' + text + (value.size() > 100 ? u"…\""_s : u"\""_s);
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray okJson(const QString &message = {})
{
    QJsonObject body{{u"ok"_s, true}};
    if (!message.isNull())
        body.insert(u"msg"_s, message);
    return compact(body);
}

// No search skips more crates than this; a larger page is refused rather than computed.
constexpr qlonglong MaxSearchOffset = std::numeric_limits<int>::max();

} // namespace

FeedRouter::FeedRouter(FeedStore *store, const FeedServerOptions &options, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_options(options)
    , m_authRequired(options.authRequired)
{
}

FeedRouter::~FeedRouter() = default;

void FeedRouter::setBaseUrl(const QUrl &baseUrl)
{
    m_baseUrl = baseUrl;
}

FeedResponse FeedRouter::handle(const FeedRequest &request)
{
    if (auto refused = refuseForeignClient(request))
        return *refused;
    const auto segments = pathSegments(request.encodedPath);
    if (!segments)
        return FeedResponse::error(404, u"not found"_s);
    FeedResponse response = route(request, *segments);
    if (request.method == FeedRequest::Method::Head)
        response.body.clear();
    return response;
}

std::optional<FeedResponse> FeedRouter::refuseForeignClient(const FeedRequest &request) const
{
    // Loopback is no trust boundary: a web page can make the browser send requests here, and
    // with DNS rebinding (attacker.example resolving to 127.0.0.1) even read the answers. Such
    // a request names a foreign Host or carries the page's Origin; cargo and CrateDesk send
    // the feed's own address and no Origin.
    const QString scheme = m_baseUrl.scheme();
    const int port = m_baseUrl.port();
    const int defaultPort = scheme == u"https"_s ? 443 : 80;
    // Made only for a refusal: this runs for every request.
    const auto accepted = [port] { return u"127.0.0.1:%1, localhost:%1 or [::1]:%1"_s.arg(port); };
    if (request.host.isEmpty())
        return FeedResponse::error(421, u"the request names no Host; this local feed answers only requests for %1"_s.arg(accepted()));
    if (port <= 0 || !isLoopbackAuthority(request.host, port, defaultPort))
        return FeedResponse::error(421, u"this local feed answers only requests for %1, not for Host %2"_s.arg(accepted(), quoted(request.host)));
    if (request.origin.isEmpty())
        return std::nullopt;
    const QByteArray prefix = scheme.toLatin1() + "://";
    const QByteArray origin = request.origin.toLower();
    if (!origin.startsWith(prefix) || !isLoopbackAuthority(origin.mid(prefix.size()), port, defaultPort))
        return FeedResponse::error(403, u"requests from web pages of another origin (%1) are refused: this local feed is for cargo and CrateDesk"_s
                                            .arg(quoted(request.origin)));
    return std::nullopt;
}

FeedResponse FeedRouter::ownershipProof(const FeedRequest &request) const
{
    const QByteArray nonce = request.query.queryItemValue(u"nonce"_s, QUrl::FullyEncoded).toLatin1();
    if (!FeedOwnership::isValidNonce(nonce))
        return FeedResponse::error(400, u"the nonce must be 16 to 128 characters of base64url"_s);
    if (m_ownershipSecret.isEmpty())
        return FeedResponse::error(503, u"this feed has no ownership key"_s);
    FeedResponse response = FeedResponse::json(compact({{u"proof"_s, QString::fromLatin1(FeedOwnership::proof(m_ownershipSecret, nonce, m_baseUrl))}}));
    response.addHeader("Cache-Control", "no-store");
    return response;
}

FeedResponse FeedRouter::route(const FeedRequest &request, const QStringList &s)
{
    using M = FeedRequest::Method;
    const bool read = request.method == M::Get || request.method == M::Head;
    FeedStore::User user;

    if (s.size() >= 3 && s.at(0) == u"api"_s && s.at(1) == u"v1"_s && s.at(2) == u"crates"_s) {
        const qsizetype n = s.size();
        if (n == 3 && read) {
            if (auto denied = authenticate(request, Access::Read, &user))
                return *denied;
            return search(request);
        }
        if (n == 4 && read && s.at(3) != u"new"_s) {
            if (auto denied = authenticate(request, Access::Read, &user))
                return *denied;
            return crateJson(s.at(3));
        }
        if (n == 4 && s.at(3) == u"new"_s && request.method == M::Put) {
            if (auto denied = authenticate(request, Access::Write, &user))
                return *denied;
            return publish(request, user);
        }
        if (n == 6 && s.at(5) == u"download"_s && read) {
            if (auto denied = authenticate(request, Access::Read, &user))
                return *denied;
            return download(s.at(3), s.at(4));
        }
        if (n == 6 && ((s.at(5) == u"yank"_s && request.method == M::Delete) || (s.at(5) == u"unyank"_s && request.method == M::Put))) {
            if (auto denied = authenticate(request, Access::Write, &user))
                return *denied;
            return yank(s.at(3), s.at(4), s.at(5) == u"yank"_s, user);
        }
        if (n == 5 && s.at(4) == u"reverse_dependencies"_s && read) {
            if (auto denied = authenticate(request, Access::Read, &user))
                return *denied;
            return reverseDependencies(s.at(3));
        }
        if (n == 5 && s.at(4) == u"owners"_s && (read || request.method == M::Put || request.method == M::Delete)) {
            if (auto denied = authenticate(request, Access::Write, &user))
                return *denied;
            return owners(request, s.at(3), user);
        }
        return FeedResponse::error(n <= 6 ? 405 : 404, u"no such API endpoint: %1"_s.arg(QString::fromUtf8(request.encodedPath)));
    }

    if (!read)
        return FeedResponse::error(405, u"only GET is allowed here"_s);
    // Before authentication: `cratedesk credential` asks for the proof before it gives cargo a token.
    if (s.size() == 3 && s.at(0) == u"cratedesk"_s && s.at(1) == u"v1"_s && s.at(2) == u"proof"_s)
        return ownershipProof(request);
    if (s.size() == 1 && s.at(0) == u"me"_s)
        return loginPage();
    if (auto denied = authenticate(request, Access::Read, &user))
        return *denied;
    if (s.size() == 1 && s.at(0) == u"config.json"_s)
        return configJson();
    return indexFile(request, s);
}

std::optional<FeedResponse> FeedRouter::authenticate(const FeedRequest &request, Access access, FeedStore::User *user) const
{
    QByteArray token = request.authorization.trimmed();
    // Cargo sends the raw token; other clients may add a Bearer scheme, and a downstream
    // feed's connector may send Basic with a login and the token as its password.
    QByteArray basicLogin;
    if (token.startsWith("Bearer ")) {
        token = token.mid(7).trimmed();
    } else if (token.startsWith("Basic ")) {
        const QByteArray decoded = QByteArray::fromBase64(token.mid(6).trimmed());
        const qsizetype colon = decoded.indexOf(':');
        basicLogin = colon < 0 ? QByteArray() : decoded.left(colon);
        token = colon < 0 ? QByteArray() : decoded.mid(colon + 1);
    }
    const bool needed = access == Access::Write || authRequired();
    if (token.isEmpty()) {
        if (!needed)
            return std::nullopt;
        return unauthorized(access == Access::Write
                                ? u"this action needs a token of this feed; create one with `cratedesk feed token create` and run `cargo login`"_s
                                : u"this feed needs a token to be read; create one with `cratedesk feed token create` and run `cargo login`"_s);
    }
    auto found = m_store->userForToken(token);
    if (found && !basicLogin.isEmpty() && found->login != QString::fromUtf8(basicLogin))
        found.reset(); // a Basic login must be the token's own user
    if (!found) {
        if (!needed)
            return std::nullopt;
        return access == Access::Write ? FeedResponse::error(403, u"the token is not valid for this feed"_s)
                                       : unauthorized(u"the token is not valid for this feed"_s);
    }
    *user = *found;
    if (m_tokenUsage)
        m_tokenUsage->noteUse(token);
    return std::nullopt;
}

FeedResponse FeedRouter::unauthorized(const QString &detail) const
{
    FeedResponse response = FeedResponse::error(401, detail);
    // Cargo retries config.json with its token only after a 401 and takes login_url from here.
    response.addHeader("WWW-Authenticate", "Cargo login_url=\"" + m_baseUrl.resolved(QUrl(u"me"_s)).toEncoded() + '"');
    return response;
}

FeedResponse FeedRouter::configJson() const
{
    QString api = m_baseUrl.toString();
    if (api.endsWith(u'/'))
        api.chop(1); // cargo appends /api/v1 itself; a trailing slash would double it
    QJsonObject config{{u"dl"_s, QString(api + u"/api/v1/crates"_s)}, {u"api"_s, api}};
    if (authRequired())
        config.insert(u"auth-required"_s, true);
    FeedResponse response = FeedResponse::json(compact(config));
    response.addHeader("Cache-Control", "no-cache");
    return response;
}

FeedResponse FeedRouter::loginPage() const
{
    const QByteArray html =
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>CrateDesk local feed</title></head><body>"
        "<h1>CrateDesk local feed</h1>"
        "<p>Tokens for this feed are created on the machine that serves it:</p>"
        "<pre>cratedesk feed token create</pre>"
        "<p>or in CrateDesk under the local feed's settings. Paste the token into <code>cargo login</code>.</p>"
        "</body></html>";
    return {200, "text/html; charset=utf-8", html, {}};
}

FeedResponse FeedRouter::indexFile(const FeedRequest &request, const QStringList &segments)
{
    const QString name = segments.last();
    // Only the canonical path of a lower-case name is an index file; anything else is unknown.
    if (name != name.toLower() || !CrateName::validationError(name).isEmpty()
        || CrateName::indexPath(name) != segments.join(u'/'))
        return FeedResponse::error(404, u"not found"_s);
    const auto file = m_store->indexFile(name);
    if (!file)
        return FeedResponse::error(404, u"crate `%1` does not exist in this feed"_s.arg(name));
    return indexResponse(request, *file);
}

FeedResponse FeedRouter::indexResponse(const FeedRequest &request, const FeedStore::IndexFile &file) const
{
    FeedResponse response{200, "text/plain; charset=utf-8", file.body, {}};
    response.addHeader("ETag", file.etag);
    if (!file.lastModifiedHttp.isEmpty())
        response.addHeader("Last-Modified", file.lastModifiedHttp);
    // Revalidate every time: publish and yank must show up on cargo's next refresh.
    response.addHeader("Cache-Control", "no-cache");
    const auto unchangedSince = [&request, &file] {
        if (request.ifModifiedSince.isEmpty() || !file.lastModified.isValid())
            return false;
        const QDateTime since = FeedIndexFile::parseHttpDate(request.ifModifiedSince);
        return since.isValid() && since >= file.lastModified.addMSecs(-file.lastModified.time().msec());
    };
    const bool notModified = !request.ifNoneMatch.isEmpty() ? etagMatches(request.ifNoneMatch, file.etag) : unchangedSince();
    if (notModified) {
        response.status = 304;
        response.body.clear();
        response.contentType.clear();
    }
    return response;
}

FeedResponse FeedRouter::download(const QString &name, const QString &vers) const
{
    if (auto refused = refuseCrateReference(name, &vers))
        return *refused;
    QString path;
    if (const FeedError error = m_store->crateFile(name, vers, &path))
        return FeedResponse::error(error.status, error.detail);
    return fileResponse(path, name + u'@' + vers);
}

FeedResponse FeedRouter::fileResponse(const QString &path, const QString &label)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return FeedResponse::error(500, u"the stored file of `%1` cannot be read"_s.arg(label));
    FeedResponse response{200, "application/gzip", file.readAll(), {}};
    // Published crates never change, so any cache may keep them.
    response.addHeader("Cache-Control", "public, max-age=31536000, immutable");
    return response;
}

FeedResponse FeedRouter::crateJson(const QString &name) const
{
    // crates.io's shape, so that a downstream feed (or any client) learns every version's license.
    QString exactName;
    QList<FeedStore::VersionInfo> versions;
    if (const FeedError error = m_store->versions(name, &exactName, &versions))
        return FeedResponse::error(error.status, error.detail);
    QJsonArray list;
    QString description;
    for (const auto &version : std::as_const(versions)) {
        list.append(QJsonObject {{u"num"_s, version.vers},
            {u"license"_s, version.license.isEmpty() ? QJsonValue() : QJsonValue(version.license)}, {u"yanked"_s, version.yanked},
            {u"created_at"_s, version.pubtime}, {u"crate_size"_s, version.size},
            {u"published_by"_s, version.publisher.isEmpty() ? QJsonValue() : QJsonObject {{u"login"_s, version.publisher}}}});
        description = version.description;
    }
    const QJsonObject crate{{u"name"_s, exactName}, {u"id"_s, exactName}, {u"description"_s, description}};
    return FeedResponse::json(compact({{u"crate"_s, crate}, {u"versions"_s, list}}));
}

// crates.io's shape, where each dependency's version_id points into `versions`: the newest
// version of every crate of this feed that depends on NAME (normal, build or dev).
FeedResponse FeedRouter::reverseDependencies(const QString &name) const
{
    constexpr int MaxLines = 20000;
    if (const QString invalid = CrateName::validationError(name); !invalid.isEmpty())
        return FeedResponse::error(400, invalid);
    QJsonArray dependencies;
    QJsonArray versions;
    QString lastCrate;
    for (const FeedStore::LineOfCrate &candidate : m_store->linesMentioning(name, MaxLines)) {
        if (candidate.crate == lastCrate)
            continue; // an older version of a crate already listed
        const auto entry = IndexFileParser::parseLine(candidate.line);
        const auto dependent = entry ? ReverseDependency::of(*entry, name) : std::nullopt;
        if (!dependent)
            continue; // the name appeared elsewhere in the line, or only in an older version
        lastCrate = candidate.crate;
        const int id = int(versions.size()) + 1;
        dependencies.append(QJsonObject{{u"version_id"_s, id}, {u"crate_id"_s, name}, {u"req"_s, dependent->req}, {u"optional"_s, dependent->optional},
                                        {u"kind"_s, dependent->kind},
                                        {u"target"_s, dependent->target.isEmpty() ? QJsonValue() : QJsonValue(dependent->target)}});
        versions.append(QJsonObject{{u"id"_s, id}, {u"crate"_s, entry->name}, {u"num"_s, entry->vers}, {u"yanked"_s, entry->yanked}});
    }
    return FeedResponse::json(compact({{u"dependencies"_s, dependencies}, {u"versions"_s, versions},
                                       {u"meta"_s, QJsonObject{{u"total"_s, int(dependencies.size())}}}}));
}

FeedResponse FeedRouter::search(const FeedRequest &request) const
{
    const QString q = request.query.queryItemValue(u"q"_s, QUrl::FullyDecoded);
    bool ok = false;
    int perPage = request.query.queryItemValue(u"per_page"_s).toInt(&ok);
    if (!ok)
        perPage = 10;
    perPage = std::clamp(perPage, 1, 100);
    // The page arrives as text from anyone who can reach the port: it must be a whole number
    // from 1 on, and its offset (page - 1) * per_page must stay within what the store can
    // skip, or it would overflow. crates.io answers 400 to such pages too.
    int page = 1;
    if (const QString pageText = request.query.queryItemValue(u"page"_s); !pageText.isEmpty()) {
        const qlonglong requested = pageText.toLongLong(&ok);
        if (!ok || requested < 1)
            return FeedResponse::error(400, u"the page must be a whole number from 1 on, not \"%1\""_s.arg(pageText.left(40)));
        if (requested > std::numeric_limits<int>::max() || requested - 1 > MaxSearchOffset / perPage) // no product: it could overflow too
            return FeedResponse::error(400, u"page %1 is beyond the last page any search can have"_s.arg(requested));
        page = int(requested);
    }
    const FeedStore::SearchResult result = m_store->search(q, perPage, page);
    QJsonArray crates;
    for (const auto &hit : result.hits) {
        // crates.io's fields, and the license and yanked state that crates.io leaves out, so
        // that a listing shows them without a request per crate.
        crates.append(QJsonObject {{u"name"_s, hit.name}, {u"max_version"_s, hit.maxVersion},
            {u"description"_s, hit.description.isEmpty() ? QJsonValue() : QJsonValue(hit.description)},
            {u"license"_s, hit.license.isEmpty() ? QJsonValue() : QJsonValue(hit.license)}, {u"yanked"_s, hit.yanked}});
    }
    return FeedResponse::json(compact({{u"crates"_s, crates}, {u"meta"_s, QJsonObject{{u"total"_s, result.total}}}}));
}

FeedResponse FeedRouter::publish(const FeedRequest &request, const FeedStore::User &user)
{
    FeedStore::NewVersion version;
    if (const FeedError error = PublishValidator::validate(request.body, m_options.maxCrateBytes, &version))
        return FeedResponse::error(error.status, error.detail);
    if (const auto pin = m_hub ? m_hub->pinOf(version.name.toLower()) : std::nullopt) {
        return FeedResponse::error(409, u"crate `%1` is served from connector %2 (since %3), so it cannot be published here; "
                                        u"an owner of this feed can release the name with `cratedesk connector unpin %1`"_s
                                            .arg(version.name, pin->connector, pin->pinned.toString(Qt::ISODate)));
    }
    if (const FeedError error = m_store->publish(version, user))
        return FeedResponse::error(error.status, error.detail);
    Q_EMIT crateChanged(version.name);
    const QJsonObject warnings{{u"invalid_categories"_s, QJsonArray()}, {u"invalid_badges"_s, QJsonArray()}, {u"other"_s, QJsonArray()}};
    return FeedResponse::json(compact({{u"warnings"_s, warnings}}));
}

FeedResponse FeedRouter::yank(const QString &name, const QString &vers, bool yanked, const FeedStore::User &user)
{
    if (const FeedError error = m_store->setYanked(name, vers, yanked, user))
        return FeedResponse::error(error.status, error.detail);
    Q_EMIT crateChanged(name);
    return FeedResponse::json(okJson());
}

FeedResponse FeedRouter::owners(const FeedRequest &request, const QString &name, const FeedStore::User &user)
{
    if (request.method == FeedRequest::Method::Get || request.method == FeedRequest::Method::Head) {
        QList<FeedStore::User> list;
        if (const FeedError error = m_store->owners(name, &list))
            return FeedResponse::error(error.status, error.detail);
        QJsonArray users;
        for (const auto &owner : list)
            users.append(QJsonObject{{u"id"_s, owner.id}, {u"login"_s, owner.login}});
        return FeedResponse::json(compact({{u"users"_s, users}}));
    }

    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    const QJsonValue usersValue = doc.object().value(u"users"_s);
    if (parseError.error != QJsonParseError::NoError || !usersValue.isArray())
        return FeedResponse::error(400, u"the request body must be JSON like {\"users\":[\"login\"]}"_s);
    QStringList logins;
    for (const QJsonValue &value : usersValue.toArray()) {
        if (!value.isString() || value.toString().isEmpty())
            return FeedResponse::error(400, u"every entry of \"users\" must be a login"_s);
        logins << value.toString();
    }
    QString message;
    const FeedError error = request.method == FeedRequest::Method::Put ? m_store->addOwners(name, logins, user, &message)
                                                                       : m_store->removeOwners(name, logins, user, &message);
    if (error)
        return FeedResponse::error(error.status, error.detail);
    return FeedResponse::json(okJson(message));
}

bool FeedRouter::isForWriter(const FeedRequest &request)
{
    using M = FeedRequest::Method;
    if (request.method != M::Get && request.method != M::Head)
        return true;
    if (!m_upstreamsActive.load(std::memory_order_acquire))
        return false;
    // What routeUpstream() would ask an upstream for: what the feed does not hold itself.
    const auto s = pathSegments(request.encodedPath);
    if (!s || s->isEmpty())
        return false;
    const bool isDownload
        = s->size() == 6 && s->at(0) == u"api"_s && s->at(1) == u"v1"_s && s->at(2) == u"crates"_s && s->at(5) == u"download"_s;
    if (isDownload)
        return !m_store->indexFile(s->at(3).toLower());
    if (s->size() == 4 && s->at(0) == u"cratedesk"_s && s->at(1) == u"v1"_s && s->at(2) == u"curation"_s)
        return true;
    if (s->at(0) == u"api"_s || s->at(0) == u"cratedesk"_s
        || (s->size() == 1 && (s->at(0) == u"me"_s || s->at(0) == u"config.json"_s)))
        return false;
    const QString &name = s->last();
    if (name != name.toLower() || !CrateName::validationError(name).isEmpty() || CrateName::indexPath(name) != s->join(u'/'))
        return false;
    return !m_store->indexFile(name);
}

bool FeedRouter::mayAnswerLater() const
{
    return m_hub && !m_hub->isEmpty();
}

void FeedRouter::handle(const FeedRequest &request, Responder done)
{
    if (auto refused = refuseForeignClient(request))
        return done(*refused);
    const auto segments = pathSegments(request.encodedPath);
    if (segments && mayAnswerLater() && routeUpstream(request, *segments, done))
        return;
    done(handle(request));
}

bool FeedRouter::routeUpstream(const FeedRequest &request, const QStringList &s, const Responder &done)
{
    using M = FeedRequest::Method;
    if (request.method != M::Get && request.method != M::Head)
        return false;
    const bool head = request.method == M::Head;
    auto answer = [done, head](FeedResponse response) {
        if (head)
            response.body.clear();
        done(response);
    };
    FeedStore::User user;

    const bool isDownload = s.size() == 6 && s.at(0) == u"api"_s && s.at(1) == u"v1"_s && s.at(2) == u"crates"_s && s.at(5) == u"download"_s;
    if (isDownload) {
        if (auto denied = authenticate(request, Access::Read, &user)) {
            answer(*denied);
            return true;
        }
        const QString name = s.at(3), vers = s.at(4);
        if (auto refused = refuseCrateReference(name, &vers)) {
            answer(*refused);
            return true;
        }
        // A name the feed holds is never fetched upstream, whatever version is asked for.
        if (m_store->indexFile(name.toLower())) {
            answer(download(name, vers));
            return true;
        }
        m_hub->crate(name, vers, [answer, name, vers](const ConnectorHub::Crate &crate) {
            if (crate.status == 200)
                return answer(fileResponse(crate.path, name + u'@' + vers));
            if (crate.status != 403 && crate.status != 451)
                return answer(FeedResponse::error(crate.status, crate.reason));
            // Held or blocked by policy: cargo prints a download's body as it is, so it gets
            // the words a person reads, with the command that moves on.
            FeedResponse refused = FeedResponse::text(crate.reason.toUtf8(), crate.status);
            if (crate.retryAfterSeconds > 0)
                refused.addHeader("Retry-After", QByteArray::number(crate.retryAfterSeconds));
            answer(refused);
        });
        return true;
    }

    if (s.size() == 4 && s.at(0) == u"cratedesk"_s && s.at(1) == u"v1"_s && s.at(2) == u"curation"_s) {
        if (auto denied = authenticate(request, Access::Read, &user)) {
            answer(*denied);
            return true;
        }
        const QString name = s.at(3).toLower();
        if (auto refused = refuseCrateReference(name)) {
            answer(*refused);
            return true;
        }
        const bool local = m_store->indexFile(name).has_value();
        m_hub->curation(name, [answer, local](QJsonObject report) {
            report.insert(u"local"_s, local);
            answer(FeedResponse::json(compact(report)));
        });
        return true;
    }

    if (s.isEmpty() || s.at(0) == u"api"_s || s.at(0) == u"cratedesk"_s || (s.size() == 1 && (s.at(0) == u"me"_s || s.at(0) == u"config.json"_s)))
        return false;
    const QString name = s.last();
    if (name != name.toLower() || !CrateName::validationError(name).isEmpty() || CrateName::indexPath(name) != s.join(u'/'))
        return false; // the synchronous route answers 404
    if (auto denied = authenticate(request, Access::Read, &user)) {
        answer(*denied);
        return true;
    }
    // No dependency confusion: a name the feed holds is served from the feed alone, never
    // merged with an upstream's versions of the same name.
    if (const auto local = m_store->indexFile(name)) {
        answer(indexResponse(request, *local));
        return true;
    }
    QPointer<FeedRouter> guard(this);
    m_hub->index(name, [guard, request, answer](const ConnectorHub::Result &upstream) {
        if (!guard)
            return;
        if (upstream.state != ConnectorHub::Result::State::Found)
            return answer(FeedResponse::error(upstream.state == ConnectorHub::Result::State::Failed ? 503 : 404, upstream.reason));
        FeedStore::IndexFile merged;
        merged.body = upstream.body;
        merged.etag = upstream.etag;
        FeedResponse response = guard->indexResponse(request, merged);
        if (upstream.stale)
            response.addHeader("Warning", "110 - \"served from the local feed's cache: the upstream cannot be reached\"");
        answer(response);
    });
    return true;
}

std::optional<FeedResponse> FeedRouter::precheck(const FeedRequest &headOnly) const
{
    // Every write of the web API is under /api/v1/crates/ and needs a token of the feed;
    // other requests are small and answered by the normal route.
    using M = FeedRequest::Method;
    if (headOnly.method == M::Get || headOnly.method == M::Head)
        return std::nullopt;
    const auto s = pathSegments(headOnly.encodedPath);
    if (!s || s->size() < 4 || s->at(0) != u"api"_s || s->at(1) != u"v1"_s || s->at(2) != u"crates"_s)
        return std::nullopt;
    FeedStore::User user;
    return authenticate(headOnly, Access::Write, &user);
}
