// SPDX-License-Identifier: GPL-3.0-or-later
#include "indexentrycodec.h"

#include <QHash>
#include <QTimeZone>

#include <limits>

namespace {

constexpr char Magic[4] = {'C', 'D', 'I', 'X'};
constexpr quint32 NoString = 0; // string references are 1-based; 0 is an absent optional

enum EntryFlag : quint32 {
    Yanked = 1 << 0,
    HasLinks = 1 << 1,
    HasRustVersion = 1 << 2,
    HasPubtime = 1 << 3,
    SameDepsAsPrevious = 1 << 4,
    SameFeaturesAsPrevious = 1 << 5,
};

enum DependencyFlag : quint32 {
    Optional = 1 << 0,
    DefaultFeatures = 1 << 1,
    KindDev = 1 << 2,
    KindBuild = 1 << 3,
};

class Writer
{
public:
    void number(quint64 value)
    {
        // LEB128: most references and counts fit in one byte.
        while (value >= 0x80) {
            m_body.append(char(value | 0x80));
            value >>= 7;
        }
        m_body.append(char(value));
    }

    void string(const QString &text) { number(id(text)); }

    void optionalString(const std::optional<QString> &text) { number(text ? id(*text) : NoString); }

    void strings(const QStringList &list)
    {
        number(quint64(list.size()));
        for (const QString &text : list)
            string(text);
    }

    QByteArray finish() const
    {
        QByteArray out;
        out.append(Magic, sizeof Magic);
        const quint16 format = IndexEntryCodec::FormatVersion;
        out.append(char(format & 0xff)).append(char(format >> 8));
        Writer table;
        table.number(quint64(m_table.size()));
        for (const QByteArray &utf8 : m_table) {
            table.number(quint64(utf8.size()));
            table.m_body.append(utf8);
        }
        return out + table.m_body + m_body;
    }

private:
    quint32 id(const QString &text)
    {
        auto it = m_ids.constFind(text);
        if (it == m_ids.cend()) {
            m_table.append(text.toUtf8());
            it = m_ids.insert(text, quint32(m_table.size()));
        }
        return *it;
    }

    QByteArray m_body;
    QHash<QString, quint32> m_ids;
    QList<QByteArray> m_table;
};

class Reader
{
public:
    explicit Reader(QByteArrayView data)
        : m_data(data)
    {
    }

    bool ok() const { return m_ok; }
    bool atEnd() const { return m_pos == m_data.size(); }

    bool header()
    {
        if (m_data.size() < qsizetype(sizeof Magic) + 2 || QByteArrayView(m_data.data(), sizeof Magic) != QByteArrayView(Magic, sizeof Magic))
            return fail();
        const quint16 format = quint8(m_data[4]) | quint16(quint8(m_data[5]) << 8);
        m_pos = sizeof Magic + 2;
        return format == IndexEntryCodec::FormatVersion || fail();
    }

    quint64 number()
    {
        quint64 value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (m_pos >= m_data.size())
                return fail(), 0;
            const quint8 byte = quint8(m_data[m_pos++]);
            value |= quint64(byte & 0x7f) << shift;
            if (!(byte & 0x80))
                return value;
        }
        return fail(), 0;
    }

    // A count of items that take at least one byte each: anything larger is damage, and
    // must not become a huge reserve().
    qsizetype count()
    {
        const quint64 value = number();
        if (value > quint64(m_data.size() - m_pos))
            return fail(), 0;
        return qsizetype(value);
    }

    bool table()
    {
        const qsizetype size = count();
        m_table.reserve(size);
        for (qsizetype i = 0; i < size && m_ok; ++i) {
            const qsizetype length = count();
            if (!m_ok)
                break;
            m_table.append(QString::fromUtf8(m_data.sliced(m_pos, length)));
            m_pos += length;
        }
        return m_ok;
    }

    QString string()
    {
        const quint64 id = number();
        if (id == NoString || id > quint64(m_table.size()))
            return fail(), QString();
        return m_table.at(qsizetype(id - 1));
    }

    std::optional<QString> optionalString()
    {
        const quint64 id = number();
        if (id == NoString)
            return std::nullopt;
        if (id > quint64(m_table.size()))
            return fail(), std::nullopt;
        return m_table.at(qsizetype(id - 1));
    }

    QStringList strings()
    {
        QStringList list;
        const qsizetype size = count();
        list.reserve(size);
        for (qsizetype i = 0; i < size && m_ok; ++i)
            list.append(string());
        return list;
    }

private:
    bool fail()
    {
        m_ok = false;
        m_pos = m_data.size();
        return false;
    }

    QByteArrayView m_data;
    qsizetype m_pos = 0;
    bool m_ok = true;
    QList<QString> m_table;
};

void writeDependency(Writer &out, const IndexDependency &dep)
{
    quint32 flags = 0;
    if (dep.optional)
        flags |= Optional;
    if (dep.defaultFeatures)
        flags |= DefaultFeatures;
    if (dep.kind == IndexDependency::Kind::Dev)
        flags |= KindDev;
    else if (dep.kind == IndexDependency::Kind::Build)
        flags |= KindBuild;
    out.number(flags);
    out.string(dep.name);
    out.optionalString(dep.package);
    out.string(dep.req);
    out.strings(dep.features);
    out.optionalString(dep.target);
    out.optionalString(dep.registry);
}

IndexDependency readDependency(Reader &in)
{
    IndexDependency dep;
    const quint64 flags = in.number();
    dep.optional = flags & Optional;
    dep.defaultFeatures = flags & DefaultFeatures;
    dep.kind = (flags & KindDev) ? IndexDependency::Kind::Dev
        : (flags & KindBuild)    ? IndexDependency::Kind::Build
                                 : IndexDependency::Kind::Normal;
    dep.name = in.string();
    dep.package = in.optionalString();
    dep.req = in.string();
    dep.features = in.strings();
    dep.target = in.optionalString();
    dep.registry = in.optionalString();
    return dep;
}

} // namespace

QByteArray IndexEntryCodec::encode(const QList<IndexEntry> &entries)
{
    Writer out;
    out.number(quint64(entries.size()));
    const IndexEntry *previous = nullptr;
    for (const IndexEntry &entry : entries) {
        const bool sameDeps = previous && previous->deps == entry.deps;
        const bool sameFeatures = previous && previous->features == entry.features;
        quint32 flags = 0;
        if (entry.yanked)
            flags |= Yanked;
        if (entry.links)
            flags |= HasLinks;
        if (entry.rustVersion)
            flags |= HasRustVersion;
        if (entry.pubtime)
            flags |= HasPubtime;
        if (sameDeps)
            flags |= SameDepsAsPrevious;
        if (sameFeatures)
            flags |= SameFeaturesAsPrevious;
        out.number(flags);
        out.string(entry.name);
        out.string(entry.vers);
        out.string(entry.cksum);
        if (!sameDeps) {
            out.number(quint64(entry.deps.size()));
            for (const IndexDependency &dep : entry.deps)
                writeDependency(out, dep);
        }
        if (!sameFeatures) {
            out.number(quint64(entry.features.size()));
            for (auto it = entry.features.cbegin(); it != entry.features.cend(); ++it) {
                out.string(it.key());
                out.strings(it.value());
            }
        }
        if (entry.links)
            out.string(*entry.links);
        if (entry.rustVersion)
            out.string(*entry.rustVersion);
        if (entry.pubtime)
            out.number(quint64(entry.pubtime->toMSecsSinceEpoch()));
        out.number(quint64(qMax(0, entry.schemaVersion)));
        out.string(entry.invalidReason);
        previous = &entry;
    }
    return out.finish();
}

std::optional<QList<IndexEntry>> IndexEntryCodec::decode(QByteArrayView data)
{
    Reader in(data);
    if (!in.header() || !in.table())
        return std::nullopt;
    const qsizetype total = in.count();
    QList<IndexEntry> entries;
    entries.reserve(total);
    for (qsizetype i = 0; i < total && in.ok(); ++i) {
        IndexEntry entry;
        const quint64 flags = in.number();
        if ((flags & (SameDepsAsPrevious | SameFeaturesAsPrevious)) && entries.isEmpty())
            return std::nullopt;
        entry.name = in.string();
        entry.vers = in.string();
        entry.cksum = in.string();
        // Only lines with a valid version are ever stored, so this cannot fail on our own data.
        const std::optional<SemVer> version = SemVer::parse(entry.vers);
        if (!version)
            return std::nullopt;
        entry.version = *version;
        if (flags & SameDepsAsPrevious) {
            entry.deps = entries.constLast().deps;
        } else {
            const qsizetype deps = in.count();
            entry.deps.reserve(deps);
            for (qsizetype d = 0; d < deps && in.ok(); ++d)
                entry.deps.append(readDependency(in));
        }
        if (flags & SameFeaturesAsPrevious) {
            entry.features = entries.constLast().features;
        } else {
            const qsizetype features = in.count();
            for (qsizetype f = 0; f < features && in.ok(); ++f) {
                QString key = in.string();
                // Written in the map's own order, so each insert lands at the end.
                entry.features.insert(entry.features.cend(), key, in.strings());
            }
        }
        entry.yanked = flags & Yanked;
        if (flags & HasLinks)
            entry.links = in.string();
        if (flags & HasRustVersion)
            entry.rustVersion = in.string();
        if (flags & HasPubtime)
            entry.pubtime = QDateTime::fromMSecsSinceEpoch(qint64(in.number()), QTimeZone::UTC);
        const quint64 schema = in.number();
        if (schema > quint64(std::numeric_limits<int>::max()))
            return std::nullopt;
        entry.schemaVersion = int(schema);
        entry.invalidReason = in.string();
        entries.append(std::move(entry));
    }
    if (!in.ok() || !in.atEnd() || entries.size() != total)
        return std::nullopt;
    return entries;
}
