// SPDX-License-Identifier: GPL-3.0-or-later
#include "indexfileparser.h"

#include "cratename.h"
#include "versionreq.h"

#include <QHash>
#include <QUrl>

#include <simdjson.h>

#include <algorithm>
#include <array>
#include <limits>
#include <string_view>
#include <vector>

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
            return IndexFileParser::tr("failed to parse `%1` as a cfg expression").arg(target);
        return {};
    }
    for (QChar c : target) {
        if (!(c.isLetterOrNumber() || c == u'_' || c == u'-' || c == u'.')) {
            if (target.contains(u'('))
                return IndexFileParser::tr("unexpected `(` character in `%1`, cfg expressions must start with `cfg(`").arg(target);
            return IndexFileParser::tr("unexpected character %1 in target name `%2`").arg(c).arg(target);
        }
    }
    return {};
}

namespace dom = simdjson::dom;

// A field of a JSON object as the rules below see it: absent, or present with a type. It
// speaks QJsonValue's vocabulary so that the rules read as serde's do.
class Field
{
public:
    Field() = default;
    explicit Field(dom::element element)
        : m_element(element)
        , m_present(true)
    {
    }

    static Field of(dom::object object, std::string_view key)
    {
        dom::element value;
        if (object.at_key(key).get(value) != simdjson::SUCCESS)
            return {};
        return Field(value);
    }

    bool isUndefined() const { return !m_present; }
    bool isNull() const { return m_present && m_element.is_null(); }
    bool isString() const { return m_present && m_element.is_string(); }
    bool isBool() const { return m_present && m_element.is_bool(); }
    bool isArray() const { return m_present && m_element.is_array(); }
    bool isObject() const { return m_present && m_element.is_object(); }

    // Empty unless a string, as QJsonValue::toString().
    std::string_view text() const
    {
        std::string_view value;
        return m_present && m_element.get_string().get(value) == simdjson::SUCCESS ? value : std::string_view();
    }
    bool toBool() const
    {
        bool value = false;
        return m_present && m_element.get_bool().get(value) == simdjson::SUCCESS && value;
    }
    dom::array array() const { return m_element.get_array().value_unsafe(); }   // only when isArray()
    dom::object object() const { return m_element.get_object().value_unsafe(); } // only when isObject()
    // serde's u32: a JSON integer from 0 to 2^32 - 1; a fraction or an exponent is not one.
    std::optional<quint32> unsigned32() const
    {
        uint64_t value = 0;
        if (!m_present || m_element.get_uint64().get(value) != simdjson::SUCCESS
            || value > std::numeric_limits<quint32>::max())
            return std::nullopt;
        return quint32(value);
    }

private:
    dom::element m_element;
    bool m_present = false;
};

// serde refuses an object that names a field of its struct twice; unknown fields may repeat.
// The first field of `fields` found twice in `object`, or an empty view.
template<size_t N>
std::string_view repeatedField(dom::object object, const std::array<std::string_view, N> &fields)
{
    std::array<bool, N> seen{};
    for (const dom::key_value_pair pair : object) {
        const auto it = std::find(fields.begin(), fields.end(), pair.key);
        if (it == fields.end())
            continue;
        if (seen[size_t(it - fields.begin())])
            return *it;
        seen[size_t(it - fields.begin())] = true;
    }
    return {};
}

constexpr std::array<std::string_view, 11> lineFields{
    "name", "vers", "deps", "cksum", "features", "features2", "yanked", "links", "v", "rust_version", "pubtime"};
constexpr std::array<std::string_view, 13> dependencyFields{"name",   "req",      "features", "optional",      "default_features",
                                                            "target", "kind",     "package",  "registry",      "public",
                                                            "artifact", "bindep_target", "lib"};

QUtf8StringView utf8(std::string_view text)
{
    return QUtf8StringView(text.data(), qsizetype(text.size()));
}

QString toQString(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

// What lines of one file share: requirements and names repeat from one version to the next,
// so each requirement is checked once, and equal strings share one allocation. That keeps a
// 4 MB file with 30,000 dependencies from holding 100,000 copies of a few hundred strings,
// and from converting them from UTF-8 100,000 times.
struct FileCache
{
    QHash<QString, QString> reqErrors;
    QHash<QByteArray, QString> strings; // UTF-8 as sent -> the one QString for it
    QString trustedName;                // the last `name` found trustworthy for the file's crate
    // Most versions repeat the previous one's dependencies and features: an equal list is
    // shared with it, so a file's entries hold one copy per change instead of one per version.
    QList<IndexDependency> lastDeps;
    QMap<QString, QStringList> lastFeatures;
    // What IndexEntry::featureReferenceError() said of lastDeps and lastFeatures, if it was asked.
    std::optional<QString> lastReferenceError;

    // Shares the entry's deps and features with the previous line's where they are equal.
    void shareWithLastLine(IndexEntry *entry)
    {
        const bool sameDeps = share(&entry->deps, &lastDeps);
        const bool sameFeatures = share(&entry->features, &lastFeatures);
        if (!sameDeps || !sameFeatures)
            lastReferenceError.reset(); // it answered for other deps or features
    }

    // The entry's featureReferenceError(), asked once for a run of lines with the same deps and
    // features: it depends on nothing else.
    QString referenceError(const IndexEntry &entry)
    {
        if (!lastReferenceError)
            lastReferenceError = entry.featureReferenceError();
        return *lastReferenceError;
    }

private:
    // Whether *parsed equals the previous line's list, which it then shares.
    template<typename T>
    static bool share(T *parsed, T *last)
    {
        if (*parsed == *last) {
            *parsed = *last;
            return true;
        }
        *last = *parsed;
        return false;
    }
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

    QString intern(const Field &value)
    {
        const std::string_view utf8 = value.text();
        if (!m_cache)
            return toQString(utf8);
        const QByteArray key = QByteArray::fromRawData(utf8.data(), qsizetype(utf8.size()));
        if (const auto it = m_cache->strings.constFind(key); it != m_cache->strings.cend())
            return *it;
        QString text = toQString(utf8);
        m_cache->strings.insert(QByteArray(utf8.data(), qsizetype(utf8.size())), text);
        return text;
    }

    QString error;

    void fail(const QString &reason)
    {
        if (error.isEmpty())
            error = reason;
    }

    // serde's rules: an absent Option is None, and so is null; any other type is an error.
    // `dep` names the dependency the field belongs to, or is null for a field of the line.
    std::optional<QString> optionalString(const Field &value, QLatin1StringView key, const QString *dep = nullptr)
    {
        if (value.isUndefined() || value.isNull())
            return std::nullopt;
        if (!value.isString()) {
            fail(dep ? IndexFileParser::tr("invalid type for `%1` of dependency `%2`: expected a string").arg(key, *dep)
                     : IndexFileParser::tr("invalid type for `%1`: expected a string").arg(key));
            return std::nullopt;
        }
        return intern(value);
    }

    // A plain bool with a serde default: absent takes the default, null is an error.
    bool boolean(const Field &value, QLatin1StringView key, bool fallback, bool nullAllowed,
                 const QString *dep = nullptr)
    {
        if (value.isUndefined() || (nullAllowed && value.isNull()))
            return fallback;
        if (!value.isBool()) {
            fail(dep ? IndexFileParser::tr("invalid type for `%1` of dependency `%2`: expected a boolean").arg(key, *dep)
                     : IndexFileParser::tr("invalid type for `%1`: expected a boolean").arg(key));
            return fallback;
        }
        return value.toBool();
    }

    // The lists of strings a line holds, for their messages.
    enum class List {
        Feature,             // a feature of the line, named by `name`
        DependencyFeatures,  // `features` of the dependency `name`
        DependencyArtifact,  // `artifact` of the dependency `name`
    };

    QStringList strings(const Field &value, List list, const QString &name)
    {
        QStringList result;
        if (!value.isArray()) {
            fail(notAList(list, name));
            return result;
        }
        const dom::array array = value.array();
        result.reserve(qsizetype(array.size()));
        for (const dom::element element : array) {
            const Field item(element);
            if (!item.isString()) {
                fail(notAString(list, name));
                continue;
            }
            result.append(intern(item));
        }
        return result;
    }

    // Whether `value` holds exactly `last`: the same keys in the same order, each with the same
    // strings. The map it would build is then `last`, so the line shares it without building it.
    // Anything else (another order, a repeated key, a value that is not a string) is read as usual.
    static bool repeatsFeatures(const Field &value, const QMap<QString, QStringList> &last)
    {
        if (!value.isObject())
            return false;
        auto it = last.cbegin();
        for (const dom::key_value_pair pair : value.object()) {
            if (it == last.cend() || !QAnyStringView::equal(utf8(pair.key), it.key()))
                return false;
            const Field list(pair.value);
            if (!list.isArray() || qsizetype(list.array().size()) != it.value().size())
                return false;
            auto expected = it.value().cbegin();
            for (const dom::element element : list.array()) {
                const Field item(element);
                if (!item.isString() || !QAnyStringView::equal(utf8(item.text()), *expected++))
                    return false;
            }
            ++it;
        }
        return it == last.cend();
    }

    // features2 is appended to features key by key: a registry may split one feature's values
    // between the two maps, so replacing would lose half of them (pitfall 13).
    void mergeFeatures(dom::object object, QLatin1StringView key, QMap<QString, QStringList> *features)
    {
        const Field value = Field::of(object, std::string_view(key.data(), size_t(key.size())));
        if (value.isUndefined() || (key == "features2"_L1 && value.isNull()))
            return;
        if (!value.isObject()) {
            fail(IndexFileParser::tr("invalid type for `%1`: expected a map").arg(key));
            return;
        }
        for (const dom::key_value_pair pair : value.object()) {
            const QString feature = toQString(pair.key);
            (*features)[feature] += strings(Field(pair.value), List::Feature, feature);
        }
    }

    IndexDependency dependency(const Field &value, qsizetype index)
    {
        IndexDependency dep;
        if (!value.isObject()) {
            fail(IndexFileParser::tr("deps[%1] is not an object").arg(index));
            return dep;
        }
        const dom::object object = value.object();
        const Field name = Field::of(object, "name");
        const Field req = Field::of(object, "req");
        const Field features = Field::of(object, "features");
        const Field optional = Field::of(object, "optional");
        const Field defaultFeatures = Field::of(object, "default_features");
        const Field target = Field::of(object, "target");
        const Field kind = Field::of(object, "kind");

        if (!name.isString())
            fail(IndexFileParser::tr("deps[%1] has no name").arg(index));
        dep.name = intern(name);
        const QString *self = &dep.name;

        if (!req.isString())
            fail(IndexFileParser::tr("missing field `req` of dependency `%1`").arg(dep.name));
        dep.req = intern(req);
        if (req.isString()) {
            if (const QString reason = reqError(dep.req); !reason.isEmpty())
                fail(IndexFileParser::tr("failed to parse the version requirement `%1` for dependency `%2`: %3").arg(dep.req, dep.name, reason));
        }
        if (!features.isUndefined())
            dep.features = strings(features, List::DependencyFeatures, dep.name);
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
        for (const Field *field : {&name, &req, &features, &optional, &defaultFeatures, &target, &kind})
            known += field->isUndefined() ? 0 : 1;
        // Each field found accounts for at least one entry of the object: when the counts
        // agree, no field repeats and no other is there.
        const qsizetype size = qsizetype(object.size());
        if (size == known)
            return dep;
        if (const std::string_view repeated = repeatedField(object, dependencyFields); !repeated.empty())
            fail(IndexFileParser::tr("duplicate field `%1` of dependency `%2`").arg(toQString(repeated), dep.name));
        const Field package = Field::of(object, "package");
        dep.package = optionalString(package, "package"_L1, self);
        if (size == known + (package.isUndefined() ? 0 : 1))
            return dep;

        dep.registry = optionalString(Field::of(object, "registry"), "registry"_L1, self);
        if (dep.registry) {
            const QUrl url(*dep.registry, QUrl::StrictMode);
            if (!url.isValid() || url.isRelative())
                fail(IndexFileParser::tr("invalid registry URL `%1` of dependency `%2`").arg(*dep.registry, dep.name));
        }
        // Unstable fields nobody here uses, but cargo still checks their types.
        const Field isPublic = Field::of(object, "public");
        if (!isPublic.isUndefined() && !isPublic.isNull() && !isPublic.isBool())
            fail(IndexFileParser::tr("invalid type for `public` of dependency `%1`").arg(dep.name));
        const Field artifact = Field::of(object, "artifact");
        if (!artifact.isUndefined() && !artifact.isNull())
            strings(artifact, List::DependencyArtifact, dep.name);
        optionalString(Field::of(object, "bindep_target"), "bindep_target"_L1, self);
        boolean(Field::of(object, "lib"), "lib"_L1, false, false, self);
        return dep;
    }

private:
    static QString notAList(List list, const QString &name)
    {
        switch (list) {
        case List::Feature:
            break;
        case List::DependencyFeatures:
            return IndexFileParser::tr("invalid type for the features of dependency `%1`: expected a list of strings").arg(name);
        case List::DependencyArtifact:
            return IndexFileParser::tr("invalid type for `artifact` of dependency `%1`: expected a list of strings").arg(name);
        }
        return IndexFileParser::tr("invalid type for feature `%1`: expected a list of strings").arg(name);
    }

    static QString notAString(List list, const QString &name)
    {
        switch (list) {
        case List::Feature:
            break;
        case List::DependencyFeatures:
            return IndexFileParser::tr("invalid type in the features of dependency `%1`: expected a string").arg(name);
        case List::DependencyArtifact:
            return IndexFileParser::tr("invalid type in `artifact` of dependency `%1`: expected a string").arg(name);
        }
        return IndexFileParser::tr("invalid type in feature `%1`: expected a string").arg(name);
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
            reason = IndexFileParser::tr("invalid", "a version requirement");
        if (m_cache)
            m_cache->reqErrors.insert(req, reason);
        return reason;
    }

    FileCache *m_cache;
};

// simdjson reads up to SIMDJSON_PADDING bytes past the end of its input, so each line is
// copied into a buffer with that much room, reused for every line it reads.
class LineReader
{
public:
    simdjson::error_code parse(QByteArrayView text, dom::element *document)
    {
        const size_t size = size_t(text.size());
        if (m_buffer.size() < size + simdjson::SIMDJSON_PADDING)
            m_buffer.resize(size + simdjson::SIMDJSON_PADDING);
        std::copy(text.begin(), text.end(), m_buffer.begin());
        return m_parser.parse(m_buffer.data(), size, false).get(*document);
    }

    // A reader kept for a thread lets go of what an unusually long line made it take.
    void release(size_t keep)
    {
        if (m_buffer.size() <= keep)
            return;
        m_buffer = {};
        m_parser = dom::parser();
    }

private:
    std::vector<char> m_buffer;
    dom::parser m_parser;
};

// The line parser proper; `cache` is shared by the lines of one file, or nullptr.
std::optional<IndexEntry> readLine(QByteArrayView line, QString *problem, FileCache *cache, LineReader &json)
{
    auto skip = [&](const QString &reason) -> std::optional<IndexEntry> {
        if (problem)
            *problem = reason;
        return std::nullopt;
    };
    const QByteArrayView text = trimmed(line);
    if (text.isEmpty())
        return skip(QString());

    dom::element document;
    if (const simdjson::error_code error = json.parse(text, &document))
        return skip(IndexFileParser::tr("not JSON: %1").arg(QString::fromUtf8(simdjson::error_message(error))));
    if (!document.is_object())
        return skip(IndexFileParser::tr("not a JSON object"));
    const dom::object object = document.get_object().value_unsafe();

    // cargo's last resort (IndexPackageMinimum): without these two it cannot even name the
    // version it failed to read, so the line is gone.
    const Field name = Field::of(object, "name");
    const Field vers = Field::of(object, "vers");
    if (!name.isString())
        return skip(IndexFileParser::tr("no `name` string"));
    if (!vers.isString())
        return skip(IndexFileParser::tr("no `vers` string"));
    const std::string_view repeated = repeatedField(object, lineFields);
    if (repeated == "name" || repeated == "vers")
        return skip(IndexFileParser::tr("duplicate field `%1`").arg(toQString(repeated)));
    EntryReader reader(cache);
    if (!repeated.empty())
        reader.fail(IndexFileParser::tr("duplicate field `%1`").arg(toQString(repeated)));
    IndexEntry entry;
    entry.name = reader.intern(name);
    entry.vers = toQString(vers.text());
    QString versError;
    const auto version = SemVer::parse(entry.vers, &versError);
    if (!version)
        return skip(versError);
    entry.version = *version;

    const Field deps = Field::of(object, "deps");
    if (deps.isUndefined()) {
        reader.fail(IndexFileParser::tr("missing field `deps`"));
    } else if (!deps.isArray()) {
        reader.fail(IndexFileParser::tr("invalid type for `deps`: expected a list"));
    } else {
        const dom::array array = deps.array();
        entry.deps.reserve(qsizetype(array.size()));
        qsizetype i = 0;
        for (const dom::element dep : array)
            entry.deps.append(reader.dependency(Field(dep), i++));
    }

    const Field cksum = Field::of(object, "cksum");
    if (!cksum.isString())
        reader.fail(cksum.isUndefined() ? IndexFileParser::tr("missing field `cksum`")
                                        : IndexFileParser::tr("invalid type for `%1`: expected a string").arg("cksum"_L1));
    entry.cksum = toQString(cksum.text());

    const Field features2 = Field::of(object, "features2");
    if (cache && (features2.isUndefined() || features2.isNull())
        && EntryReader::repeatsFeatures(Field::of(object, "features"), cache->lastFeatures)) {
        entry.features = cache->lastFeatures;
    } else {
        reader.mergeFeatures(object, "features"_L1, &entry.features);
        reader.mergeFeatures(object, "features2"_L1, &entry.features);
    }
    if (cache)
        cache->shareWithLastLine(&entry);
    entry.yanked = reader.boolean(Field::of(object, "yanked"), "yanked"_L1, false, true);
    entry.links = reader.optionalString(Field::of(object, "links"), "links"_L1);

    const Field v = Field::of(object, "v");
    if (!v.isUndefined() && !v.isNull()) {
        if (const std::optional<quint32> number = v.unsigned32())
            entry.schemaVersion = int(std::min<quint32>(*number, std::numeric_limits<int>::max()));
        else
            reader.fail(IndexFileParser::tr("invalid value for `v`: expected an unsigned 32-bit integer"));
    }

    entry.rustVersion = reader.optionalString(Field::of(object, "rust_version"), "rust_version"_L1);
    if (entry.rustVersion) {
        if (const QString error = IndexEntry::rustVersionError(*entry.rustVersion); !error.isEmpty())
            reader.fail(IndexFileParser::tr("invalid `rust_version` \"%1\": %2").arg(*entry.rustVersion, error));
    }

    if (const std::optional<QString> pubtime = reader.optionalString(Field::of(object, "pubtime"), "pubtime"_L1)) {
        entry.pubtime = IndexEntry::parsePubtime(*pubtime);
        if (!entry.pubtime)
            reader.fail(IndexFileParser::tr("invalid `pubtime` \"%1\": expected YYYY-MM-DDTHH:MM:SSZ").arg(*pubtime));
    }

    // Only meaningful once deps and features were read as such.
    if (reader.error.isEmpty())
        reader.fail(cache ? cache->referenceError(entry) : entry.featureReferenceError());
    entry.invalidReason = reader.error;
    return entry;
}

} // namespace

std::optional<IndexEntry> IndexFileParser::parseLine(QByteArrayView line, QString *problem)
{
    LineReader json;
    return readLine(line, problem, nullptr, json);
}

QString IndexFileParser::untrustedReason(const IndexEntry &entry, QStringView crate)
{
    if (entry.name.compare(crate, Qt::CaseInsensitive) != 0 || !CrateName::isValid(entry.name))
        return tr("the line names `%1`, not the crate `%2` its file is for").arg(entry.name.left(80), crate);
    if (!IndexEntry::isChecksum(entry.cksum))
        return tr("version %1 has no valid sha256 `cksum`, so it cannot be downloaded safely").arg(entry.vers);
    return {};
}

// QByteArray::count(char) compares one byte at a time; indexOf() is memchr, which skips a
// line per call. In a closure's profile the count took more CPU than simdjson's parse.
static qsizetype lineCount(QByteArrayView text)
{
    qsizetype lines = 1;
    for (qsizetype at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1))
        ++lines;
    return lines;
}

IndexFileParser::Result IndexFileParser::parse(const QByteArray &body, QStringView crate)
{
    Result result;
    result.entries.reserve(lineCount(body));
    FileCache cache;
    // Kept per thread: its buffers grow to the longest line once, not again for every file.
    thread_local LineReader json;
    const QByteArrayView all(body);
    qsizetype start = 0;
    int lineNumber = 0;
    while (start < all.size()) {
        ++lineNumber;
        qsizetype end = all.indexOf('\n', start);
        if (end < 0)
            end = all.size();
        QString problem;
        auto entry = readLine(all.sliced(start, end - start), &problem, &cache, json);
        // Every line should name the same crate: a name is judged once per file, and later
        // lines are only compared with it; the checksum is judged on every line.
        if (entry && !crate.isEmpty()) {
            if (entry->name.isEmpty() || entry->name != cache.trustedName) {
                problem = untrustedReason(*entry, crate);
                if (problem.isEmpty())
                    cache.trustedName = entry->name;
            } else if (!IndexEntry::isChecksum(entry->cksum)) {
                problem = untrustedReason(*entry, crate);
            }
        }
        if (entry && problem.isEmpty())
            result.entries.append(std::move(*entry));
        else if (!problem.isEmpty())
            result.problems.append(tr("line %1: %2", "index file line number: why the line was left out").arg(lineNumber).arg(problem));
        start = end + 1;
    }
    json.release(1 << 20);
    return result;
}
