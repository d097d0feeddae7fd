// SPDX-License-Identifier: GPL-3.0-or-later
// Surgical edits of cargo's config.toml: what a registration adds to every shape of file a
// user may have written by hand, and that nothing else moves.
#include "cargo/cargoconfigeditor.h"
#include "crate/textdiff.h"
#include "cargo/tomllayout.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

using Sets = QList<QPair<QStringList, QString>>;

const QString Index = u"\"sparse+http://127.0.0.1:8080/\""_s;
const QString Provider = u"[\"/usr/bin/cratedesk\", \"credential\", \"--feed\", \"acme\"]"_s;

// What cargo-setup --default --proxy-crates-io sets for a feed called acme.
Sets registration()
{
    return {{{u"registries"_s, u"acme"_s, u"index"_s}, Index},
            {{u"registries"_s, u"acme"_s, u"credential-provider"_s}, Provider},
            {{u"registry"_s, u"default"_s}, u"\"acme\""_s},
            {{u"source"_s, u"crates-io"_s, u"replace-with"_s}, u"\"acme\""_s}};
}

QString apply(const QString &text, const Sets &sets, QString *error)
{
    CargoConfigEditor editor(text);
    for (const auto &[path, value] : sets) {
        if (!editor.setValue(path, value)) {
            *error = editor.errorString();
            return {};
        }
    }
    if (!editor.validate()) {
        *error = editor.errorString();
        return {};
    }
    return editor.text();
}

} // namespace

class TestCargoConfigEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void edits_data()
    {
        QTest::addColumn<QString>("before");
        QTest::addColumn<QString>("after");

        const QString fresh = u"[registries.acme]\nindex = "_s + Index + u"\ncredential-provider = "_s + Provider
            + u"\n\n[registry]\ndefault = \"acme\"\n\n[source.crates-io]\nreplace-with = \"acme\"\n"_s;
        QTest::newRow("empty file") << QString() << fresh;
        QTest::newRow("only a comment, no final newline")
            << u"# my cargo config"_s << u"# my cargo config\n\n"_s + fresh;

        QTest::newRow("no final newline after the last entry")
            << u"[registries.acme]\nindex = \"sparse+http://old/\""_s << fresh;
        QTest::newRow("a comment before the next table stays with it")
            << u"[registries.acme]\nindex = \"sparse+http://old/\"\n\n# about the network\n[net]\nretry = 1\n"_s
            << u"[registries.acme]\nindex = "_s + Index + u"\ncredential-provider = "_s + Provider
                   + u"\n\n# about the network\n[net]\nretry = 1\n\n[registry]\ndefault = \"acme\"\n\n[source.crates-io]\nreplace-with = \"acme\"\n"_s;
        QTest::newRow("existing tables are updated in place")
            << u"# top\n[registry]\ndefault = \"other\" # was other\nglobal-credential-providers = [\"cargo:token\"]\n\n"
               "[registries.acme]\nindex = \"sparse+http://old/\"   # old\n\n[net]\nretry = 3\n"_s
            << u"# top\n[registry]\ndefault = \"acme\" # was other\nglobal-credential-providers = [\"cargo:token\"]\n\n"
               "[registries.acme]\nindex = "_s + Index + u"   # old\ncredential-provider = "_s + Provider
                   + u"\n\n[net]\nretry = 3\n\n[source.crates-io]\nreplace-with = \"acme\"\n"_s;

        QTest::newRow("a sibling registry keeps its place; the new one follows it")
            << u"[registries.other]\nindex = \"sparse+https://o/\"\n\n[http]\ntimeout = 5\n"_s
            << u"[registries.other]\nindex = \"sparse+https://o/\"\n\n[registries.acme]\nindex = "_s + Index
                   + u"\ncredential-provider = "_s + Provider
                   + u"\n\n[http]\ntimeout = 5\n\n[registry]\ndefault = \"acme\"\n\n[source.crates-io]\nreplace-with = \"acme\"\n"_s;

        QTest::newRow("dotted keys at the top level")
            << u"registries.acme.index = \"sparse+http://old/\"\nregistry.default = \"acme\"\nsource.crates-io.replace-with = \"acme\"\n"_s
            << u"registries.acme.index = "_s + Index + u"\nregistries.acme.credential-provider = "_s + Provider
                   + u"\nregistry.default = \"acme\"\nsource.crates-io.replace-with = \"acme\"\n"_s;

        QTest::newRow("dotted keys inside [registries]")
            << u"[registries]\nacme.index = \"sparse+http://old/\"\nother.index = \"sparse+https://o/\"\n"_s
            << u"[registries]\nacme.index = "_s + Index + u"\nacme.credential-provider = "_s + Provider
                   + u"\nother.index = \"sparse+https://o/\"\n\n[registry]\ndefault = \"acme\"\n\n[source.crates-io]\nreplace-with = \"acme\"\n"_s;

        QTest::newRow("inline table")
            << u"[registries]\nacme = { index = \"sparse+http://old/\" }  # inline\n[registry]\ndefault = 'acme'\n[source]\ncrates-io = {}\n"_s
            << u"[registries]\nacme = { index = "_s + Index + u", credential-provider = "_s + Provider
                   + u" }  # inline\n[registry]\ndefault = 'acme'\n[source]\ncrates-io = { replace-with = \"acme\" }\n"_s;

        QTest::newRow("quoted keys and CRLF line endings")
            << u"[\"registries\".'acme']\r\n\"index\" = \"sparse+http://old/\"\r\n"_s
            << u"[\"registries\".'acme']\r\n\"index\" = "_s + Index + u"\r\ncredential-provider = "_s + Provider
                   + u"\r\n\r\n[registry]\r\ndefault = \"acme\"\r\n\r\n[source.crates-io]\r\nreplace-with = \"acme\"\r\n"_s;

        const QString tricky = u"# \"[registries.acme]\" in a comment is not a table\n"
                               "[alias]\nb = \"build\"\nx = \"\"\"\n[registries.acme]\nindex = 1\n\"\"\"\n"
                               "list = [\n  \"a\", # comment inside an array\n  \"b]\",\n]\n"
                               "[[bin]]\nname = \"registries\"\n"_s;
        QTest::newRow("multi-line strings, arrays and comments are not tables") << tricky << tricky + u"\n"_s + fresh;
        // Regression (fuzz_cargoconfig): NaN never equals itself, so validate() refused every
        // file holding one as "does not mean what was intended".
        const QString floats = u"[build]\njobs = 2\n[profile.x]\nweights = [nan, -nan, +nan, inf, -inf, 0.5]\n"_s;
        QTest::newRow("NaN and infinity values") << floats << floats + u"\n"_s + fresh;
    }

    void edits()
    {
        QFETCH(QString, before);
        QFETCH(QString, after);
        QString error;
        const QString edited = apply(before, registration(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        if (edited != after)
            qWarning().noquote() << TextDiff::unified(after, edited, u"expected"_s, u"edited"_s);
        QCOMPARE(edited, after);
        // Idempotence: registering again changes nothing.
        QCOMPARE(apply(edited, registration(), &error), edited);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    // Real TOML written by many hands (Debian's packaged crate manifests): every file toml++
    // reads must take an edit that keeps its meaning and changes nothing but the new lines.
    void realManifestsTakeAnEdit()
    {
        const QDir registry(u"/usr/share/cargo/registry"_s);
        const QStringList crates = registry.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        if (crates.isEmpty())
            QSKIP("no /usr/share/cargo/registry here");
        int edited = 0;
        for (const QString &crate : crates) {
            QFile file(registry.filePath(crate + u"/Cargo.toml"_s));
            if (!file.open(QIODevice::ReadOnly))
                continue;
            const QString text = QString::fromUtf8(file.readAll());
            CargoConfigEditor editor(text);
            if (!editor.isValid())
                continue;
            QString error;
            const QString after = apply(text, registration(), &error);
            QVERIFY2(error.isEmpty(), qPrintable(file.fileName() + u": "_s + error));
            QVERIFY2(after.size() > text.size(), qPrintable(file.fileName()));
            ++edited;
        }
        QVERIFY(edited > 100);
    }

    void sameValueSpelledOtherwiseStays()
    {
        const QString text = u"[registry]\ndefault = 'acme'\n"_s;
        CargoConfigEditor editor(text);
        QVERIFY(editor.setValue({u"registry"_s, u"default"_s}, u"\"acme\""_s));
        QVERIFY(editor.validate());
        QVERIFY(!editor.isChanged());
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("before");
        QTest::addColumn<QString>("message");
        QTest::newRow("not TOML") << u"[registries.acme\nindex = 1\n"_s << u"line 1"_s;
        QTest::newRow("registry is a value") << u"registries = \"no\"\n"_s << u"registries already has a value that is not a table"_s;
        QTest::newRow("the index is a table") << u"[registries.acme.index]\nx = 1\n"_s << u"registries.acme.index is a table"_s;
        // Regression (fuzz_cargoconfig): the edit added [source.crates-io] next to this.
        QTest::newRow("an array of tables where a table goes") << u"[[source.crates-io]]\n"_s
                                                               << u"source.crates-io is an array of tables"_s;
        QTest::newRow("the index is a table made by a dotted key") << u"registries.acme.index .index = \"\"\n"_s
                                                                   << u"registries.acme.index is a table"_s;
        QTest::newRow("the registries are an array of tables") << u"[[registries]]\nname = \"x\"\n"_s
                                                               << u"registries is an array of tables"_s;
        // Regression: 200,000 dotted keys in a cloned project's .cargo/config.toml crashed
        // `cargo-setup --project` with SIGSEGV (toml++ and toVariant() recursed per part).
        QTest::newRow("a dotted key of 200,000 parts") << QString(u"a."_s.repeated(200000) + u"b = 1\n"_s)
                                                       << u"line 1, column 256: a dotted key or table name with more than 128 parts"_s;
        QTest::newRow("a table name of 200,000 parts") << QString(u"[registries.acme]\nindex = 1\n["_s + u"'a'."_s.repeated(200000) + u"b]\n"_s)
                                                       << u"line 3, column 513: a dotted key or table name with more than 128 parts"_s;
        QTest::newRow("dotted keys 100 deep in inline tables 100 deep")
            << QString(u"x = "_s + QString(u"{ "_s + u"a."_s.repeated(99) + u"b = "_s).repeated(100) + u"1"_s + u" }"_s.repeated(100) + u'\n')
            << u"line 1, column 411: tables, arrays and dotted keys nested more than 128 deep"_s;
        QTest::newRow("arrays nested 100,000 deep") << QString(u"x = "_s + u"["_s.repeated(100000) + u"]"_s.repeated(100000))
                                                    << u"line 1, column 132: tables, arrays and dotted keys nested more than 128 deep"_s;
        // The toml++ undefined behaviour fuzz_cargomanifest found reaches this reader as well.
        QTest::newRow("backslash and U+FCFF in a multi-line string")
            << QString::fromUtf8(QByteArray::fromBase64("InBhY25hbWUgPSBrYWdlIiA9IHsgbmFtZSA9ICd0cmlcdTAwNjNreScsIHZlcnNpb24gPSAiIiIxLjAuMGFtMzJc77O/IiAxZTEwLCAxXzAwMF0K"))
            << u"line 1, column 67: a backslash followed by a non-ASCII character in a string"_s;
    }

    void refusals()
    {
        QFETCH(QString, before);
        QFETCH(QString, message);
        QString error;
        const QString edited = apply(before, registration(), &error);
        QVERIFY2(error.contains(message), qPrintable(error));
        QVERIFY(edited.isEmpty());
    }

    // A realistic deep file still reads, and the escape TomlGuard writes for toml++'s sake
    // after a line-ending backslash reads back as the character itself.
    void guardKeepsMeaning()
    {
        QString error;
        const auto parsed = CargoConfigEditor::parse(u"[target.'cfg(unix)'.a.b.c]\nrunner.x.y = \"\"\"run \\\n  \u00e9\"\"\"\n"_s, &error);
        QVERIFY2(parsed, qPrintable(error));
        const QVariantMap runner = parsed->value(u"target"_s).toMap().value(u"cfg(unix)"_s).toMap().value(u"a"_s).toMap()
                                       .value(u"b"_s).toMap().value(u"c"_s).toMap().value(u"runner"_s).toMap();
        QCOMPARE(runner.value(u"x"_s).toMap().value(u"y"_s).toString(), u"run \u00e9"_s);
    }

    // TomlLayout recurses into arrays and inline tables: it stops at a depth, whatever text
    // it is given, instead of at the end of the stack.
    void layoutDepthIsBounded()
    {
        QString error;
        QVERIFY(!TomlLayout::scan(u"x = "_s + u"["_s.repeated(200000), &error));
        QCOMPARE(error, u"line 1: arrays and inline tables nested more than 128 deep"_s);
        QVERIFY(!TomlLayout::scan(u"x = "_s + u"{ a = "_s.repeated(200000), &error));
        QCOMPARE(error, u"line 1: arrays and inline tables nested more than 128 deep"_s);
        QVERIFY2(TomlLayout::scan(u"x = "_s + u"["_s.repeated(128) + u"]"_s.repeated(128) + u'\n', &error), qPrintable(error));
    }

    void keysAndStrings()
    {
        QCOMPARE(CargoConfigEditor::keyText({u"registries"_s, u"my-reg_1"_s, u"a b"_s}), u"registries.my-reg_1.\"a b\""_s);
        QCOMPARE(CargoConfigEditor::basicString(u"C:\\x \"y\"\n"_s), u"\"C:\\\\x \\\"y\\\"\\n\""_s);
        QString error;
        const auto parsed = CargoConfigEditor::parse(u"a = "_s + CargoConfigEditor::basicString(u"C:\\x \"y\"\n\u00e9"_s), &error);
        QVERIFY(parsed);
        QCOMPARE(parsed->value(u"a"_s).toString(), u"C:\\x \"y\"\n\u00e9"_s);
    }

    void unifiedDiff()
    {
        const QString diff = TextDiff::unified(u"a\nb\nc\nd\ne\nf\ng\nh\n"_s, u"a\nb\nc\nd\nX\ne\nf\ng\nh\n"_s, u"old"_s, u"new"_s);
        QCOMPARE(diff, u"--- old\n+++ new\n@@ -2,6 +2,7 @@\n b\n c\n d\n+X\n e\n f\n g\n"_s);
        QCOMPARE(TextDiff::unified(QString(), u"x\n"_s, u"/dev/null"_s, u"f"_s), u"--- /dev/null\n+++ f\n@@ -0,0 +1 @@\n+x\n"_s);
    }
};

QTEST_GUILESS_MAIN(TestCargoConfigEditor)
#include "tst_cargoconfigeditor.moc"
