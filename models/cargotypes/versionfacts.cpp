// SPDX-License-Identifier: GPL-3.0-or-later
#include "versionfacts.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qsizetype MaxText = 200; // a login or a verdict; anything longer is not one

QString boundedText(const QJsonValue &value)
{
    const QString text = value.toString().simplified();
    return text.size() > MaxText ? QString() : text;
}

qint64 count(const QJsonValue &value)
{
    if (!value.isDouble())
        return -1;
    const double number = value.toDouble();
    // Whole, non-negative, and exact in a double: anything else is not a count.
    if (number < 0 || number > 9007199254740992.0 || number != double(qint64(number)))
        return -1;
    return qint64(number);
}

QDateTime timestamp(const QJsonValue &value)
{
    QDateTime time = QDateTime::fromString(boundedText(value), Qt::ISODateWithMs);
    return time.isValid() ? time.toUTC() : QDateTime();
}

} // namespace

bool VersionFacts::isEmpty() const
{
    return !published.isValid() && publishedBy.isEmpty() && crateSize < 0 && versionDownloads < 0 && crateDownloads < 0
        && compliance.isEmpty();
}

VersionFacts VersionFacts::fromCratesIo(const QJsonObject &crateJson, const QString &version)
{
    VersionFacts facts;
    facts.crateDownloads = count(crateJson.value(u"crate"_s).toObject().value(u"downloads"_s));
    for (const QJsonValue &value : crateJson.value(u"versions"_s).toArray()) {
        const QJsonObject entry = value.toObject();
        if (entry.value(u"num"_s).toString() != version)
            continue;
        facts.published = timestamp(entry.value(u"created_at"_s));
        facts.publishedBy = boundedText(entry.value(u"published_by"_s).toObject().value(u"login"_s));
        facts.crateSize = count(entry.value(u"crate_size"_s));
        facts.versionDownloads = count(entry.value(u"downloads"_s));
        break;
    }
    return facts;
}

VersionFacts VersionFacts::fromProGetMetadata(const QJsonObject &metadata)
{
    VersionFacts facts;
    facts.published = timestamp(metadata.value(u"published"_s));
    facts.publishedBy = boundedText(metadata.value(u"publishedBy"_s));
    facts.crateSize = count(metadata.value(u"size"_s));
    facts.versionDownloads = count(metadata.value(u"downloads"_s));
    facts.compliance = boundedText(metadata.value(u"complianceReport"_s).toObject().value(u"analysisResult"_s));
    return facts;
}
