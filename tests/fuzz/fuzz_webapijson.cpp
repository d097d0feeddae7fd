// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: the JSON answers of a feed's web API and of ProGet's APIs, as the client
// reads them: search and crate lists ({"crates": [...], "meta": {...}}), owners
// ({"users": [...]}), errors ({"errors": [{"detail"}]}, also inside 2xx answers), publish
// warnings, ProGet's packages list and metadata, ProGet's audit answers (metadata and the
// batch vulnerability audit, ProGetPackageReport, whose bounds are checked), and ProGet
// connectors (ProGetConnector::fromJson, with its toJson round trip).
//
// The web API answers are read inside lambdas of RegistryClient and HttpClient, which have
// no function of their own to call yet; this target walks the same fields the same way
// (QJsonDocument::fromJson, then value()/toArray()/toObject()/toString()), so that Qt's JSON
// reader and those walks get fuzzed. When they move into a parse function, call it here.
#include "cargotypes/progetpackagereport.h"
#include "proget/progetconnector.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cstdint>
#include <cstdlib>

using namespace Qt::Literals::StringLiterals;

namespace {

void check(bool condition)
{
    if (!condition)
        std::abort();
}

// What the client keeps of one answer; summed up so the walks cannot be optimized away.
qsizetype walkApiAnswer(const QJsonDocument &doc)
{
    const QJsonObject object = doc.object();
    qsizetype kept = 0;
    for (const QJsonValue &value : object.value(u"crates"_s).toArray()) { // search, list pages
        const QJsonObject crate = value.toObject();
        kept += crate.value(u"name"_s).toString().size() + crate.value(u"max_version"_s).toString().size()
            + crate.value(u"newest_version"_s).toString().size() + crate.value(u"description"_s).toString().size();
    }
    const QJsonObject meta = object.value(u"meta"_s).toObject();
    kept += meta.value(u"total"_s).toInteger() & 1;
    kept += meta.value(u"next_page"_s).toString().size();
    for (const QJsonValue &value : object.value(u"users"_s).toArray()) { // owners
        const QJsonObject user = value.toObject();
        kept += user.value(u"login"_s).toString().size() + user.value(u"name"_s).toString().size()
            + (user.value(u"id"_s).toInteger() & 1);
    }
    for (const QJsonValue &value : object.value(u"errors"_s).toArray()) // any answer
        kept += value.toObject().value(u"detail"_s).toString().size();
    const QJsonObject warnings = object.value(u"warnings"_s).toObject(); // publish
    for (const QString &key : {u"invalid_categories"_s, u"invalid_badges"_s, u"other"_s}) {
        for (const QJsonValue &value : warnings.value(key).toArray())
            kept += value.toString().size();
    }
    for (const QJsonValue &value : object.value(u"versions"_s).toArray()) { // a crate's page
        const QJsonObject version = value.toObject();
        kept += version.value(u"num"_s).toString().size() + version.value(u"license"_s).toString().size();
    }
    for (const QJsonValue &value : object.value(u"licenses"_s).toArray()) // ProGet metadata
        kept += value.toObject().value(u"code"_s).toString().size();
    for (const QJsonValue &value : doc.array()) { // ProGet's packages list
        const QJsonObject package = value.toObject();
        kept += package.value(u"name"_s).toString().size() + package.value(u"version"_s).toString().size();
    }
    return kept;
}

void checkConnector(const QJsonObject &json)
{
    const ProGetConnector connector = ProGetConnector::fromJson(json);
    // What we send back must read as the same connector (the password is write-only).
    ProGetConnector again = ProGetConnector::fromJson(connector.toJson());
    again.password = connector.password;
    check(again == connector);
}

void checkVulnerability(const ProGetVulnerability &vulnerability)
{
    check(!vulnerability.id.isEmpty() && vulnerability.id.size() <= 80 && vulnerability.summary.size() <= 600);
    check(!vulnerability.score || (*vulnerability.score >= 0 && *vulnerability.score <= 10));
    check(!vulnerability.label().isEmpty());
}

// What a hostile ProGet says is cut to size: lists a window can show, strings a person reads.
void checkProGetReports(const QJsonDocument &doc)
{
    const ProGetPackageReport report = ProGetPackageReport::fromMetadata(doc.object());
    check(report.complianceIssues.size() <= 50 && report.licenses.size() <= 50 && report.vulnerabilities.size() <= 50);
    for (const QString &issue : report.complianceIssues)
        check(issue.size() <= 600);
    for (const ProGetVulnerability &vulnerability : report.vulnerabilities)
        checkVulnerability(vulnerability);
    constexpr qsizetype Asked = 4;
    const auto byPackage = ProGetPackageReport::fromVulnerabilityAudit(doc.array(), Asked);
    check(byPackage.size() == Asked);
    for (const auto &list : byPackage) {
        check(list.size() <= 50);
        for (const ProGetVulnerability &vulnerability : list)
            checkVulnerability(vulnerability);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError) {
        check(doc.isNull());
        return 0;
    }
    check(walkApiAnswer(doc) >= 0);
    checkProGetReports(doc);
    if (doc.isArray()) {
        for (const QJsonValue &value : doc.array())
            checkConnector(value.toObject());
    } else {
        checkConnector(doc.object());
        for (const QJsonValue &value : doc.object().value(u"connectors"_s).toArray())
            checkConnector(value.toObject());
    }
    return 0;
}
