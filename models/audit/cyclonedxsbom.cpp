// SPDX-License-Identifier: GPL-3.0-or-later
#include "cyclonedxsbom.h"

#include "cargotypes/cratesio.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;

namespace CycloneDxSbom {

namespace {

QString percentEncoded(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

QJsonObject component(const CargoLock::Package &package, const QString &license)
{
    const bool fromPath = package.origin == CargoLock::Package::Origin::Path;
    const QString ref = fromPath ? u"path:%1@%2"_s.arg(package.name, package.version) : packageUrl(package);
    QJsonObject object{{u"type"_s, fromPath ? u"application"_s : u"library"_s},
                       {u"bom-ref"_s, ref},
                       {u"name"_s, package.name},
                       {u"version"_s, package.version}};
    if (!fromPath)
        object.insert(u"purl"_s, ref);
    if (package.checksum.size() == 64)
        object.insert(u"hashes"_s, QJsonArray{QJsonObject{{u"alg"_s, u"SHA-256"_s}, {u"content"_s, package.checksum}}});
    if (!license.isEmpty())
        object.insert(u"licenses"_s, QJsonArray{QJsonObject{{u"expression"_s, licenseExpression(license)}}});
    return object;
}

} // namespace

QString packageUrl(const CargoLock::Package &package)
{
    QString purl = u"pkg:cargo/%1@%2"_s.arg(percentEncoded(package.name), percentEncoded(package.version));
    if (package.origin == CargoLock::Package::Origin::Registry) {
        const QString index = package.registryIndex();
        if (!CratesIo::isIndex(index))
            purl += u"?repository_url="_s + percentEncoded(index);
    } else if (package.origin == CargoLock::Package::Origin::Git) {
        purl += u"?vcs_url="_s + percentEncoded(package.source.section(u'#', 0, 0));
    }
    return purl;
}

QString licenseExpression(const QString &cargoLicense)
{
    static const QRegularExpression slash(u"\\s*/\\s*"_s);
    return cargoLicense.trimmed().replace(slash, u" OR "_s);
}

QByteArray document(const Input &input)
{
    QJsonArray components;
    for (const CargoLock::Package &package : input.lock.packages)
        components.append(component(package, input.licenses.value(package.name + u'@' + package.version)));
    const QJsonObject metadata{
        {u"timestamp"_s, input.timestamp.toUTC().toString(Qt::ISODate)},
        {u"tools"_s, QJsonObject{{u"components"_s, QJsonArray{QJsonObject{
                         {u"type"_s, u"application"_s}, {u"name"_s, u"cratedesk"_s}, {u"version"_s, input.toolVersion}}}}}},
        {u"component"_s, QJsonObject{{u"type"_s, u"application"_s}, {u"bom-ref"_s, u"project"_s}, {u"name"_s, input.projectName}}},
    };
    const QJsonObject bom{
        {u"bomFormat"_s, u"CycloneDX"_s},
        {u"specVersion"_s, u"1.5"_s},
        {u"serialNumber"_s, QString(u"urn:uuid:"_s + input.serial.toString(QUuid::WithoutBraces))},
        {u"version"_s, 1},
        {u"metadata"_s, metadata},
        {u"components"_s, components},
    };
    return QJsonDocument(bom).toJson(QJsonDocument::Indented);
}

} // namespace CycloneDxSbom
