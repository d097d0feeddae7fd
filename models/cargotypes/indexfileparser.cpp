// SPDX-License-Identifier: GPL-3.0-or-later
#include "indexfileparser.h"

#include "cratename.h"
#include "versionreq.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>
#include <QSet>
#include <QUrl>

#include <limits>

using namespace Qt::Literals::StringLiterals;

namespace {

bool isJsonSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

QByteArrayView trimmed(QByteArrayView line)
{
    qsizetype begin = 0;
    qsizetype end = line.size();
    while (begin < end && isJsonSpace(line.at(begin)))
        ++begin;
    while (end > begin && isJsonSpace(line.at(end - 1)))
        --end;
    return line.sliced(begin, end - begin);
}

// A lighter version of cargo-platform's parser: enough to refuse what is plainly not a target,
// lenient on cfg() grammar, because calling a good entry invalid would hide it from users,
// while a bad one slipping through only affects a target-specific edge.
QString platformError(const QString &target)
{
    if (target.startsWith(u"cfg(") && target.endsWith(u')')) {
        int depth = 0;
        bool inString = false;
        for (QChar c : QStringView(target).sliced(4, target.size() - 5)) {
            if (c == u'"')
                inString = !inString;
            else if (!inString && c == u'(')
                ++depth;
            else if (!inString && c == u')' && --depth < 0)
                break;
        }
        if (depth != 0 || inString)
            return u"failed to parse `%1` as a cfg expression"_s.arg(target);
        return {};
    }
    for (QChar c : target) {
        if (!(c.isLetterOrNumber() || c == u'_' || c == u'-' || c == u'.')) {
            if (target.contains(u'('))
                return u"unexpected `(` character in `%1`, cfg expressions must start with `cfg(`"_s.arg(target);
            return u"unexpected character %1 in target name `%2`"_s.arg(c).arg(target);
        }
    }
    return {};
}

// What lines of one file share: requirements and names repeat from one version to the next,
// so each requirement is checked once, and equal strings share one allocation. That keeps a
// 4 MB file with 30,000 dependencies from holding 100,000 copies of a few hundred strings.
struct FileCache
{
    QHash<QString, QString> reqErrors;
    QSet<QString> strings;
};

// Collects the first reason an entry is invalid; later checks still fill in what they can, so
// that a browser shows as much of the entry as the line holds. Messages are only put together
// on failure: a large index file has tens of thousands of dependencies to read.
class EntryReader
{
public:
    explicit EntryReader(FileCache *cache)
        : m_cache(cache)
    {
    }

    QString intern(const QJsonValue &value)
    {
        QString text = value.toString();
        if (!m_cache)
            return text;
        if (const auto it = m_cache->strings.constFind(text); it != m_cache->strings.cend())
            return *it;
        m_cache->strings.insert(text);
        return text;
    }

    QString error;

    void fail(const QString &reason)
    {
        if (error.isEmpty())
            error = reason;
    }

    // serde's rules: an absent Option is None, and so is null; any other type is an error.
    std::optional<QString> optionalString(const QJsonValue &value, QLatin1StringView key, const QString *dep = nullptr)
    {
        if (value.isUndefined() || value.isNull())
            return std::nullopt;
        if (!value.isString()) {
            fail(u"invalid type for `%1`%2: expected a string"_s.arg(key, where(dep)));
            return std::nullopt;
        }
        return intern(value);
    }

    // A plain bool with a serde default: absent takes the default, null is an error.
    bool boolean(const QJsonValue &value, QLatin1StringView key, bool fallback, bool nullAllowed,
                 const QString *dep = nullptr)
    {
        if (value.isUndefined() || (nullAllowed && value.isNull()))
            return fallback;
        if (!value.isBool()) {
            fail(u"invalid type for `%1`%2: expected a boolean"_s.arg(key, where(dep)));
            return fallback;
        }
        return value.toBool();
    }

    // `what` names the list for a message, and is only called when one is needed.
    template<typename What>
    QStringList strings(const QJsonValue &value, What what)
    {
        QStringList result;
        if (!value.isArray()) {
            fail(u"invalid type for %1: expected a list of strings"_s.arg(what()));
            return result;
        }
        const QJsonArray array = value.toArray();
        result.reserve(array.size());
        for (const QJsonValue &item : array) {
            if (!item.isString()) {
                fail(u"invalid type in %1: expected a string"_s.arg(what()));
                continue;
            }
            result.append(intern(item));
        }
        return result;
    }

    // features2 is appended to features key by key: a registry may split one feature's values
    // between the two maps, so replacing would lose half of them (pitfall 13).
    void mergeFeatures(const QJsonObject &object, QLatin1StringView key, QMap<QString, QStringList> *features)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined() || (key == "features2"_L1 && value.isNull()))
            return;
        if (!value.isObject()) {
            fail(u"invalid type for `%1`: expected a map"_s.arg(key));
            return;
        }
        const QJsonObject map = value.toObject();
        for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
            const QString feature = it.key();
            (*features)[feature] += strings(it.value(), [&] { return u"feature `%1`"_s.arg(feature); });
        }
    }

    IndexDependency dependency(const QJsonValue &value, qsizetype index)
    {
        IndexDependency dep;
        if (!value.isObject()) {
            fail(u"deps[%1] is not an object"_s.arg(index));
            return dep;
        }
        const QJsonObject object = value.toObject();
        const QJsonValue name = object.value("name"_L1);
        const QJsonValue req = object.value("req"_L1);
        const QJsonValue features = object.value("features"_L1);
        const QJsonValue optional = object.value("optional"_L1);
        const QJsonValue defaultFeatures = object.value("default_features"_L1);
        const QJsonValue target = object.value("target"_L1);
        const QJsonValue kind = object.value("kind"_L1);

        if (!name.isString())
            fail(u"deps[%1] has no name"_s.arg(index));
        dep.name = intern(name);
        const QString *self = &dep.name;

        if (!req.isString())
            fail(u"missing field `req`"_s + where(self));
        dep.req = intern(req);
        if (req.isString()) {
            if (const QString reason = reqError(dep.req); !reason.isEmpty())
                fail(u"failed to parse the version requirement `%1` for dependency `%2`: %3"_s.arg(dep.req, dep.name, reason));
        }
        if (!features.isUndefined())
            dep.features = strings(features, [&] { return u"the features"_s + where(self); });
        dep.features.removeAll(QString()); // old registries wrote "", cargo filters it out
        dep.optional = boolean(optional, "optional"_L1, false, false, self);
        dep.defaultFeatures = boolean(defaultFeatures, "default_features"_L1, true, false, self);
        dep.target = optionalString(target, "target"_L1, self);
        if (dep.target) {
            if (const QString reason = platformError(*dep.target); !reason.isEmpty())
                fail(reason);
        }
        // cargo reads any kind it does not know as normal.
        const std::optional<QString> kindName = optionalString(kind, "kind"_L1, self);
        if (kindName == "dev"_L1)
            dep.kind = IndexDependency::Kind::Dev;
        else if (kindName == "build"_L1)
            dep.kind = IndexDependency::Kind::Build;

        // Looking up an absent key scans every key of the object, and crates.io writes exactly
        // the seven fields above (plus `package` for a rename): when they account for the whole
        // object, the rarer fields need no looking for.
        qsizetype known = 0;
        for (const QJsonValue *field : {&name, &req, &features, &optional, &defaultFeatures, &target, &kind})
            known += field->isUndefined() ? 0 : 1;
        if (object.size() == known)
            return dep;
        const QJsonValue package = object.value("package"_L1);
        dep.package = optionalString(package, "package"_L1, self);
        if (object.size() == known + (package.isUndefined() ? 0 : 1))
            return dep;

        dep.registry = optionalString(object.value("registry"_L1), "registry"_L1, self);
        if (dep.registry) {
            const QUrl url(*dep.registry, QUrl::StrictMode);
            if (!url.isValid() || url.isRelative())
                fail(u"invalid registry URL `%1`%2"_s.arg(*dep.registry, where(self)));
        }
        // Unstable fields nobody here uses, but cargo still checks their types.
        const QJsonValue isPublic = object.value("public"_L1);
        if (!isPublic.isUndefined() && !isPublic.isNull() && !isPublic.isBool())
            fail(u"invalid type for `public`"_s + where(self));
        const QJsonValue artifact = object.value("artifact"_L1);
        if (!artifact.isUndefined() && !artifact.isNull())
            strings(artifact, [&] { return u"`artifact`"_s + where(self); });
        optionalString(object.value("bindep_target"_L1), "bindep_target"_L1, self);
        boolean(object.value("lib"_L1), "lib"_L1, false, false, self);
        return dep;
    }

private:
    static QString where(const QString *dep)
    {
        return dep ? u" of dependency `%1`"_s.arg(*dep) : QString();
    }

    // Requirements repeat from one version to the next; within a file each is parsed once.
    QString reqError(const QString &req)
    {
        if (m_cache) {
            if (const auto it = m_cache->reqErrors.constFind(req); it != m_cache->reqErrors.cend())
                return *it;
        }
        QString reason;
        if (!VersionReq::parse(req, &reason) && reason.isEmpty())
            reason = u"invalid"_s;
        if (m_cache)
            m_cache->reqErrors.insert(req, reason);
        return reason;
    }

    FileCache *m_cache;
};

// The line parser proper; `cache` is shared by the lines of one file, or nullptr.
std::optional<IndexEntry> readLine(QByteArrayView line, QString *problem, FileCache *cache)
{
    auto skip = [&](const QString &reason) -> std::optional<IndexEntry> {
        if (problem)
            *problem = reason;
        return std::nullopt;
    };
    const QByteArrayView text = trimmed(line);
    if (text.isEmpty())
        return skip(QString());

    QJsonParseError parseError;
    // fromRawData: the document copies what it keeps, so the line need not be copied first.
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromRawData(text.data(), text.size()), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return skip(u"not JSON: %1 at offset %2"_s.arg(parseError.errorString()).arg(parseError.offset));
    if (!document.isObject())
        return skip(u"not a JSON object"_s);
    const QJsonObject object = document.object();

    // cargo's last resort (IndexPackageMinimum): without these two it cannot even name the
    // version it failed to read, so the line is gone.
    const QJsonValue name = object.value("name"_L1);
    const QJsonValue vers = object.value("vers"_L1);
    if (!name.isString())
        return skip(u"no `name` string"_s);
    if (!vers.isString())
        return skip(u"no `vers` string"_s);
    IndexEntry entry;
    entry.name = name.toString();
    entry.vers = vers.toString();
    QString versError;
    const auto version = SemVer::parse(entry.vers, &versError);
    if (!version)
        return skip(versError);
    entry.version = *version;

    EntryReader reader(cache);
    const QJsonValue deps = object.value("deps"_L1);
    if (deps.isUndefined()) {
        reader.fail(u"missing field `deps`"_s);
    } else if (!deps.isArray()) {
        reader.fail(u"invalid type for `deps`: expected a list"_s);
    } else {
        const QJsonArray array = deps.toArray();
        entry.deps.reserve(array.size());
        for (qsizetype i = 0; i < array.size(); ++i)
            entry.deps.append(reader.dependency(array.at(i), i));
    }

    const QJsonValue cksum = object.value("cksum"_L1);
    if (!cksum.isString())
        reader.fail(cksum.isUndefined() ? u"missing field `cksum`"_s : u"invalid type for `cksum`: expected a string"_s);
    entry.cksum = cksum.toString();

    reader.mergeFeatures(object, "features"_L1, &entry.features);
    reader.mergeFeatures(object, "features2"_L1, &entry.features);
    entry.yanked = reader.boolean(object.value("yanked"_L1), "yanked"_L1, false, true);
    entry.links = reader.optionalString(object.value("links"_L1), "links"_L1);

    const QJsonValue v = object.value("v"_L1);
    if (!v.isUndefined() && !v.isNull()) {
        const double number = v.toDouble(-1);
        if (!v.isDouble() || number < 0 || number > std::numeric_limits<quint32>::max() || number != qint64(number))
            reader.fail(u"invalid value for `v`: expected an unsigned 32-bit integer"_s);
        else
            entry.schemaVersion = int(std::min<double>(number, std::numeric_limits<int>::max()));
    }

    entry.rustVersion = reader.optionalString(object.value("rust_version"_L1), "rust_version"_L1);
    if (entry.rustVersion) {
        if (const QString error = IndexEntry::rustVersionError(*entry.rustVersion); !error.isEmpty())
            reader.fail(u"invalid `rust_version` \"%1\": %2"_s.arg(*entry.rustVersion, error));
    }

    if (const std::optional<QString> pubtime = reader.optionalString(object.value("pubtime"_L1), "pubtime"_L1)) {
        entry.pubtime = IndexEntry::parsePubtime(*pubtime);
        if (!entry.pubtime)
            reader.fail(u"invalid `pubtime` \"%1\": expected YYYY-MM-DDTHH:MM:SSZ"_s.arg(*pubtime));
    }

    // Only meaningful once deps and features were read as such.
    if (reader.error.isEmpty())
        reader.fail(entry.featureReferenceError());
    entry.invalidReason = reader.error;
    return entry;
}

} // namespace

std::optional<IndexEntry> IndexFileParser::parseLine(QByteArrayView line, QString *problem)
{
    return readLine(line, problem, nullptr);
}

QString IndexFileParser::untrustedReason(const IndexEntry &entry, QStringView crate)
{
    if (entry.name.compare(crate, Qt::CaseInsensitive) != 0 || !CrateName::isValid(entry.name))
        return u"the line names `%1`, not the crate `%2` its file is for"_s.arg(entry.name.left(80), crate);
    if (!IndexEntry::isChecksum(entry.cksum))
        return u"version %1 has no valid sha256 `cksum`, so it cannot be downloaded safely"_s.arg(entry.vers);
    return {};
}

IndexFileParser::Result IndexFileParser::parse(const QByteArray &body, QStringView crate)
{
    Result result;
    result.entries.reserve(body.count('\n') + 1);
    FileCache cache;
    const QByteArrayView all(body);
    qsizetype start = 0;
    int lineNumber = 0;
    while (start < all.size()) {
        ++lineNumber;
        qsizetype end = all.indexOf('\n', start);
        if (end < 0)
            end = all.size();
        QString problem;
        auto entry = readLine(all.sliced(start, end - start), &problem, &cache);
        if (entry && !crate.isEmpty())
            problem = untrustedReason(*entry, crate);
        if (entry && problem.isEmpty())
            result.entries.append(std::move(*entry));
        else if (!problem.isEmpty())
            result.problems.append(u"line %1: %2"_s.arg(lineNumber).arg(problem));
        start = end + 1;
    }
    return result;
}
