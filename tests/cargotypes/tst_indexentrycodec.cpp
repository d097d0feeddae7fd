// SPDX-License-Identifier: GPL-3.0-or-later
#include "cargotypes/indexentrycodec.h"
#include "cargotypes/indexfileparser.h"

#include <QCryptographicHash>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

// Real lines from the crates.io index (commit 08a6b299), byte for byte: features2, `v`, links,
// rust_version, a renamed and a target-specific dependency with features, a yanked version.
const QByteArray tracingCore =
    R"j({"name":"tracing-core","vers":"0.1.33","deps":[{"name":"once_cell","req":"^1.13.0","features":[],"optional":true,"default_features":true,"target":null,"kind":"normal"},{"name":"valuable","req":"^0.1.0","features":[],"optional":true,"default_features":false,"target":"cfg(tracing_unstable)","kind":"normal"}],"cksum":"e672c95779cf947c5311f83787af4fa8fffd12fb27e4993211a84bdfd9610f9c","features":{"std":["once_cell"]},"features2":{"default":["std","valuable?/std"]},"yanked":false,"rust_version":"1.63.0","v":2})j"_ba;
const QByteArray rayonCore =
    R"j({"name":"rayon-core","vers":"1.12.1","deps":[{"name":"crossbeam-deque","req":"^0.8.1","features":[],"optional":false,"default_features":true,"target":null,"kind":"normal"},{"name":"libc","req":"^0.2","features":[],"optional":false,"default_features":true,"target":"cfg(unix)","kind":"dev"},{"name":"wasm_sync","req":"^0.1.0","features":[],"optional":true,"default_features":true,"target":null,"kind":"normal"}],"cksum":"1465873a3dfdaa8ae7cb14b4383657caab0b3e8a0aa9ae8e04b044854c8dfce2","features":{},"features2":{"web_spin_lock":["dep:wasm_sync"]},"yanked":false,"links":"rayon-core","rust_version":"1.63","v":2})j"_ba;
const QByteArray printBytes =
    R"j({"name":"print_bytes","vers":"0.6.1","deps":[{"name":"os_str_bytes","req":"^6.0","features":[],"optional":false,"default_features":true,"target":null,"kind":"dev"},{"name":"print_bytes2","req":"^0.7","features":[],"optional":false,"default_features":true,"target":null,"kind":"normal","package":"print_bytes"},{"name":"windows-sys","req":"^0.36","features":["Win32_Foundation","Win32_System_Console"],"optional":false,"default_features":true,"target":"cfg(windows)","kind":"normal"}],"cksum":"14b9950fb6044c89ed995e3b999c99ce6279ce061474d9a5f953ed61b7df6f0b","features":{"specialization":["print_bytes2/specialization"]},"yanked":true,"rust_version":"1.57.0"})j"_ba;

// A line of crate `demo` at `vers` with `extra` spliced in before the end.
QByteArray demo(const QByteArray &vers, const QByteArray &extra = {}, const QByteArray &deps = "[]")
{
    QByteArray line = R"j({"name":"demo","vers":")j" + vers + R"j(","deps":)j" + deps + R"j(,"cksum":"00","features":{"std":[],"full":["std"]})j";
    if (!extra.isEmpty())
        line += ',' + extra;
    return line + '}';
}

const QByteArray buildDep = R"j([{"name":"cc","req":"^1","features":[],"optional":false,"default_features":true,"target":null,"kind":"build"}])j";
// Not a raw string: moc reads a "//" inside one as the start of a comment.
const QByteArray otherRegistryDep =
    "[{\"name\":\"serde\",\"req\":\"=1.0.0\",\"features\":[\"derive\"],\"optional\":false,\"default_features\":false,"
    "\"target\":\"x86_64-unknown-linux-gnu\",\"kind\":\"normal\",\"registry\":\"https:/" "/github.com/rust-lang/crates.io-index\"}]";

// SHA-256 of the stored form in storedFormIsPinned(), format 1.
const QByteArray PinnedDigest = "3c6bb01d2f40771eafae2488334c2bbc06a82665ccfd4c31f1883759b002249a";

QByteArray lines(std::initializer_list<QByteArray> list)
{
    QByteArray body;
    for (const QByteArray &line : list)
        body += line + '\n';
    return body;
}

} // namespace

class TestIndexEntryCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // What comes back equals what the parser made, field for field (IndexEntry's operator==
    // covers every member), for every kind of line the parser keeps.
    void roundTripsWhatTheParserMade_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("entries");

        QTest::newRow("empty file") << QByteArray() << 0;
        QTest::newRow("real lines") << lines({tracingCore, rayonCore, printBytes}) << 3;
        QTest::newRow("build and other-registry deps")
            << lines({demo("1.0.0", {}, buildDep), demo("1.1.0", {}, otherRegistryDep)}) << 2;
        QTest::newRow("pre-release and build metadata") << lines({demo("1.0.0-rc.1+build.5"), demo("2.0.0-alpha.0.beta")}) << 2;
        QTest::newRow("pubtime, also before 1970")
            << lines({demo("1.0.0", R"j("pubtime":"2024-02-29T12:34:56Z")j"), demo("1.0.1", R"j("pubtime":"0001-01-01T00:00:00Z")j")}) << 2;
        QTest::newRow("schema versions") << lines({demo("1.0.0", R"j("v":1)j"), demo("1.0.1", R"j("v":3)j"), demo("1.0.2", R"j("v":4294967295)j")}) << 3;
        QTest::newRow("invalid entries keep their reason")
            << lines({demo("1.0.0", {}, R"j([{"name":"x","req":"^^1","features":[],"optional":false,"default_features":true,"target":null,"kind":"normal"}])j"),
                      demo("1.0.1", R"j("rust_version":">=1.70")j"), demo("1.0.2", R"j("features2":{"bad":["missing"]})j")})
            << 3;
        QTest::newRow("non-ASCII text") << lines({demo("1.0.0", R"j("links":"lïnks-ñame","features2":{"ünïcödé":["std"],"日本":[]})j")}) << 1;
        QTest::newRow("same deps and features from one version to the next, then not, then again")
            << lines({demo("1.0.0", {}, buildDep), demo("1.0.1", {}, buildDep), demo("1.0.2"), demo("1.0.3", {}, buildDep)}) << 4;
        QTest::newRow("skipped lines leave no trace") << lines({"not json", demo("1.0.0"), "", R"j({"name":"demo"})j", demo("1.0.1")}) << 2;
    }

    void roundTripsWhatTheParserMade()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, entries);
        const QList<IndexEntry> parsed = IndexFileParser::parse(body).entries;
        QCOMPARE(parsed.size(), entries);
        const QByteArray encoded = IndexEntryCodec::encode(parsed);
        const std::optional<QList<IndexEntry>> decoded = IndexEntryCodec::decode(encoded);
        QVERIFY(decoded);
        QCOMPARE(*decoded, parsed);
        for (qsizetype i = 0; i < parsed.size(); ++i) {
            // Members operator== calls equal although they differ (null and empty strings,
            // time specs) would still show here.
            QCOMPARE(decoded->at(i).version.toString(), parsed.at(i).vers);
            QCOMPARE(decoded->at(i).pubtime.has_value(), parsed.at(i).pubtime.has_value());
            if (parsed.at(i).pubtime)
                QCOMPARE(decoded->at(i).pubtime->toString(Qt::ISODate), parsed.at(i).pubtime->toString(Qt::ISODate));
            QCOMPARE(decoded->at(i).isValid(), parsed.at(i).isValid());
            QCOMPARE(decoded->at(i).needsNewerCargo(), parsed.at(i).needsNewerCargo());
        }
    }

    // The point of the stored form: unchanged lists from one version to the next come back as
    // one shared list, and the form is far smaller than the JSON it replaces.
    void sharesWhatRepeats()
    {
        const QList<IndexEntry> parsed = IndexFileParser::parse(lines({demo("1.0.0", {}, buildDep), demo("1.0.1", {}, buildDep)})).entries;
        const QByteArray encoded = IndexEntryCodec::encode(parsed);
        const auto decoded = IndexEntryCodec::decode(encoded);
        QVERIFY(decoded && decoded->size() == 2);
        QCOMPARE(decoded->at(1).deps.constData(), decoded->at(0).deps.constData());
        QVERIFY(decoded->at(1).features.isSharedWith(decoded->at(0).features));
        QCOMPARE(decoded->at(1).name.constData(), decoded->at(0).name.constData());

        const QByteArray body = lines({tracingCore, rayonCore, printBytes});
        QVERIFY2(IndexEntryCodec::encode(IndexFileParser::parse(body).entries).size() < body.size() / 2,
                 "the stored form should be well under half the JSON");
    }

    // A tripwire: the stored form of a fixed set of lines, pinned. It changes when IndexEntry
    // or the parser's reading of these lines changes; forms already in users' caches would
    // then be read wrongly, so bump IndexEntryCodec::FormatVersion and pin the new value.
    void storedFormIsPinned()
    {
        const QByteArray corpus = lines({tracingCore, rayonCore, printBytes, demo("1.0.0", {}, buildDep), demo("1.0.1", {}, buildDep),
                                   demo("1.1.0", {}, otherRegistryDep), demo("2.0.0-rc.1+b", R"j("pubtime":"2024-02-29T12:34:56Z","v":3)j"),
                                   demo("2.0.1", R"j("rust_version":">=1.70","yanked":true)j")});
        const QByteArray encoded = IndexEntryCodec::encode(IndexFileParser::parse(corpus).entries);
        const QByteArray digest = QCryptographicHash::hash(encoded, QCryptographicHash::Sha256).toHex();
        QVERIFY2(digest == PinnedDigest,
                 qPrintable(u"the stored form changed (now %1): bump IndexEntryCodec::FormatVersion and pin the new digest"_s
                                .arg(QString::fromLatin1(digest))));
    }

    // Anything the codec did not write itself is refused, never half-read: the caller then
    // parses the raw file. Every truncation and every single-byte change is tried.
    void refusesWhatItDidNotWrite_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::newRow("nothing") << QByteArray();
        QTest::newRow("JSON") << tracingCore;
        QTest::newRow("another magic") << QByteArray("XXXX" + QByteArray::fromHex("010000"));
        QTest::newRow("another format") << QByteArray("CDIX" + QByteArray::fromHex("020000"));
        QTest::newRow("string reference out of range") << QByteArray("CDIX" + QByteArray::fromHex("0100" "00" "01" "00" "07"));
        QTest::newRow("huge count") << QByteArray("CDIX" + QByteArray::fromHex("0100" "ffffffff0f"));
        QTest::newRow("trailing bytes") << QByteArray(IndexEntryCodec::encode({}) + "x");
        QTest::newRow("overlong number") << QByteArray("CDIX" + QByteArray::fromHex("0100" "ffffffffffffffffffff01"));
    }

    void refusesWhatItDidNotWrite()
    {
        QFETCH(QByteArray, data);
        QVERIFY(!IndexEntryCodec::decode(data));
    }

    void survivesEveryTruncationAndByteChange()
    {
        const QByteArray encoded = IndexEntryCodec::encode(
            IndexFileParser::parse(lines({tracingCore, rayonCore, printBytes, demo("1.0.0", R"j("pubtime":"2024-02-29T12:34:56Z")j", buildDep)})).entries);
        for (qsizetype length = 0; length < encoded.size(); ++length)
            QVERIFY2(!IndexEntryCodec::decode(encoded.first(length)), qPrintable(u"a prefix of %1 bytes was accepted"_s.arg(length)));
        for (qsizetype at = 0; at < encoded.size(); ++at) {
            for (const char flip : {char(0x01), char(0x80), char(0xff)}) {
                QByteArray damaged = encoded;
                damaged[at] = char(damaged[at] ^ flip);
                IndexEntryCodec::decode(damaged); // may still read as something; must not crash
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestIndexEntryCodec)
#include "tst_indexentrycodec.moc"
