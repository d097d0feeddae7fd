// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectorconfig.h"

#include "cratefilter.h"
#include "cargotypes/cratename.h"
#include "cargotypes/versionreq.h"

#include <QCryptographicHash>
#include <QDir>
#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace {

QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QStringList toStringList(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &entry : value.toArray())
        if (entry.isString())
            list << entry.toString();
    return list;
}

QString authName(ConnectorConfig::Auth auth)
{
    switch (auth) {
    case ConnectorConfig::Auth::Token:
        return u"token"_s;
    case ConnectorConfig::Auth::Basic:
        return u"basic"_s;
    case ConnectorConfig::Auth::None:
        break;
    }
    return u"none"_s;
}

QJsonArray toJsonList(const QList<ApprovedCrate> &list)
{
    QJsonArray array;
    for (const ApprovedCrate &entry : list)
        array.append(QJsonObject{{u"name"_s, entry.name}, {u"req"_s, entry.requirement}});
    return array;
}

QList<ApprovedCrate> fromJsonList(const QJsonValue &value)
{
    QList<ApprovedCrate> list;
    for (const QJsonValue &item : value.toArray()) {
        const QJsonObject entry = item.toObject();
        list.append({entry.value(u"name"_s).toString(), entry.value(u"req"_s).toString()});
    }
    return list;
}

} // namespace

bool ConnectorConfig::isAgeException(const QString &crateName, const QString &version) const
{
    return !ageExceptions.isEmpty() && CrateFilter::checkApprovedVersion(ageExceptions, crateName, version).allowed;
}

QJsonObject ConnectorConfig::toJson() const
{
    const QJsonArray approvedList = toJsonList(approved);
    return QJsonObject{
        {u"name"_s, name},
        {u"url"_s, indexUrl.toString()},
        {u"auth"_s, authName(auth)},
        {u"user"_s, user},
        {u"timeout"_s, timeoutSeconds},
        {u"cacheSeconds"_s, cacheSeconds},
        {u"filters"_s, toArray(filters)},
        {u"approved"_s, approvedList},
        {u"allowedLicenses"_s, toArray(licenses.allowed)},
        {u"blockedLicenses"_s, toArray(licenses.blocked)},
        {u"allowUnknownLicenses"_s, licenses.allowUnknown},
        {u"minAgeDays"_s, minAgeDays},
        {u"advisoryDatabase"_s, advisoryDatabase},
        {u"blockSeverity"_s, blockSeverity},
        {u"ageExceptions"_s, toJsonList(ageExceptions)},
    };
}

ConnectorConfig ConnectorConfig::fromJson(const QJsonObject &json)
{
    ConnectorConfig config;
    config.name = json.value(u"name"_s).toString();
    config.indexUrl = QUrl(json.value(u"url"_s).toString());
    const QString auth = json.value(u"auth"_s).toString();
    config.auth = auth == u"token"_s ? Auth::Token : auth == u"basic"_s ? Auth::Basic : Auth::None;
    config.user = json.value(u"user"_s).toString();
    config.timeoutSeconds = json.value(u"timeout"_s).toInt(30);
    config.cacheSeconds = json.value(u"cacheSeconds"_s).toInt(60);
    config.filters = toStringList(json.value(u"filters"_s));
    config.approved = fromJsonList(json.value(u"approved"_s));
    config.minAgeDays = json.value(u"minAgeDays"_s).toInt(0);
    config.advisoryDatabase = json.value(u"advisoryDatabase"_s).toString();
    config.blockSeverity = json.value(u"blockSeverity"_s).toString();
    config.ageExceptions = fromJsonList(json.value(u"ageExceptions"_s));
    config.licenses.allowed = toStringList(json.value(u"allowedLicenses"_s));
    config.licenses.blocked = toStringList(json.value(u"blockedLicenses"_s));
    config.licenses.allowUnknown = json.value(u"allowUnknownLicenses"_s).toBool(true);
    return config;
}

std::optional<Severity> ConnectorConfig::blockedSeverity() const
{
    return blockSeverity.isEmpty() ? std::nullopt : CvssVector::severityFromName(blockSeverity);
}

QString ConnectorConfig::validateName(const QString &name)
{
    static const QRegularExpression valid(u"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"_s);
    if (!valid.match(name).hasMatch())
        return tr("invalid connector name \"%1\": use up to 64 letters, digits, '.', '-' and '_', starting with a letter or digit").arg(name);
    return {};
}

QString ConnectorConfig::validationError() const
{
    if (const QString error = validateName(name); !error.isEmpty())
        return error;
    if (!indexUrl.isValid() || (indexUrl.scheme() != u"http"_s && indexUrl.scheme() != u"https"_s) || indexUrl.host().isEmpty())
        return tr("connector %1: the upstream index URL \"%2\" is not an http(s) URL").arg(name, indexUrl.toString());
    if (auth == Auth::Basic && user.isEmpty())
        return tr("connector %1: Basic authentication needs a user name").arg(name);
    if (timeoutSeconds < 1 || timeoutSeconds > 600)
        return tr("connector %1: the timeout must be 1 to 600 seconds, not %2").arg(name).arg(timeoutSeconds);
    if (cacheSeconds < 0)
        return tr("connector %1: the cache time cannot be negative").arg(name);
    for (const QString &filter : filters)
        if (const QString error = CrateFilter::patternError(filter); !error.isEmpty())
            return tr("connector %1: %2", "connector name: what is wrong with it").arg(name, error);
    for (const ApprovedCrate &entry : approved + ageExceptions) {
        QString error;
        if (!parseApproved(entry.toString(), &error))
            return tr("connector %1: %2", "connector name: what is wrong with it").arg(name, error);
    }
    if (!advisoryDatabase.isEmpty() && !QDir::isAbsolutePath(advisoryDatabase))
        return tr("connector %1: the advisory database must be an absolute folder path, not \"%2\"").arg(name, advisoryDatabase);
    if (!blockSeverity.isEmpty() && blockedSeverity().value_or(Severity::None) == Severity::None)
        return tr("connector %1: advisories are blocked from severity low, medium, high or critical, not \"%2\"").arg(name, blockSeverity);
    if (!blockSeverity.isEmpty() && advisoryDatabase.isEmpty())
        return tr("connector %1: blocking advisories by severity needs an advisory database").arg(name);
    if (minAgeDays < 0 || minAgeDays > MaxMinAgeDays)
        return tr("connector %1: the release-age delay must be 0 to %2 days, not %3").arg(name).arg(MaxMinAgeDays).arg(minAgeDays);
    return {};
}

QUrl ConnectorConfig::normalizeIndexUrl(const QString &text, QString *error)
{
    QString url = text.trimmed();
    if (url.startsWith(u"sparse+"_s))
        url = url.mid(7);
    QUrl parsed(url, QUrl::StrictMode);
    if (!parsed.isValid() || (parsed.scheme() != u"http"_s && parsed.scheme() != u"https"_s) || parsed.host().isEmpty()) {
        if (error)
            *error = tr("\"%1\" is not a sparse registry URL like https://index.crates.io/ or sparse+http://host:port/").arg(text);
        return {};
    }
    if (!parsed.userInfo().isEmpty()) {
        if (error)
            *error = tr("put no user or password in the URL \"%1\"; use --user and --password-stdin so that the secret goes to the keychain")
                         .arg(parsed.toDisplayString(QUrl::RemoveUserInfo));
        return {};
    }
    if (!parsed.path().endsWith(u'/'))
        parsed.setPath(parsed.path() + u'/');
    return parsed;
}

std::optional<ApprovedCrate> ConnectorConfig::parseApproved(const QString &text, QString *error)
{
    const QString trimmed = text.trimmed();
    const qsizetype space = trimmed.indexOf(u' ');
    ApprovedCrate entry;
    entry.name = space < 0 ? trimmed : trimmed.left(space);
    entry.requirement = space < 0 ? QString() : trimmed.mid(space + 1).trimmed();
    if (const QString nameError = CrateName::validationError(entry.name); !nameError.isEmpty()) {
        if (error)
            *error = tr("approved entry \"%1\": %2", "an approved crate as written: what is wrong with it").arg(text, nameError);
        return std::nullopt;
    }
    QString reqError;
    if (!entry.requirement.isEmpty() && !VersionReq::parse(entry.requirement, &reqError)) {
        if (error)
            *error = tr("approved entry \"%1\": %2", "an approved crate as written: what is wrong with it").arg(text, reqError);
        return std::nullopt;
    }
    return entry;
}

QString ConnectorConfig::secretKey(const QString &dataDir, const QString &connectorName)
{
    // The folder's hash keeps two local feeds' connectors of the same name apart.
    const QByteArray folder = QDir(dataDir).absolutePath().toUtf8();
    const QString id = QString::fromLatin1(QCryptographicHash::hash(folder, QCryptographicHash::Sha256).toHex().left(12));
    return u"local-feed-%1/connector/%2"_s.arg(id, connectorName);
}
