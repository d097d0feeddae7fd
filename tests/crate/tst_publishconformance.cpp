// SPDX-License-Identifier: GPL-3.0-or-later
// Conformance with cargo itself: for every real crate of the fixture, Debian's cargo publishes
// it to a capturing registry, and the metadata CrateDesk derives from the very .crate cargo
// uploaded must equal the JSON cargo sent with it, field by field (object key order aside).
#include "crate/cratearchive.h"
#include "crate/publishmetadata.h"
#include "faultserver.h"
#include "cargotypes/cratename.h"
#include "testsupport.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

QFileInfoList realCrateFiles()
{
    return QDir(TestSupport::realCratesDir()).entryInfoList({u"*.crate"_s}, QDir::Files, QDir::Name);
}

// "deps[3].version_req: \"^1\" vs \"^1.0\"" for every place two JSON values differ.
void differences(const QJsonValue &ours, const QJsonValue &cargos, const QString &where, QStringList &out)
{
    if (ours.type() != cargos.type()) {
        out << u"%1: ours %2, cargo's %3"_s.arg(where, QString::fromUtf8(QJsonDocument(QJsonArray{ours}).toJson(QJsonDocument::Compact)),
                                                 QString::fromUtf8(QJsonDocument(QJsonArray{cargos}).toJson(QJsonDocument::Compact)));
        return;
    }
    if (ours.isObject()) {
        const QJsonObject a = ours.toObject(), b = cargos.toObject();
        QStringList keys = a.keys() + b.keys();
        keys.removeDuplicates();
        for (const QString &key : std::as_const(keys)) {
            if (!a.contains(key) || !b.contains(key))
                out << u"%1.%2: only in %3"_s.arg(where, key, a.contains(key) ? u"ours"_s : u"cargo's"_s);
            else
                differences(a.value(key), b.value(key), where + u'.' + key, out);
        }
    } else if (ours.isArray()) {
        const QJsonArray a = ours.toArray(), b = cargos.toArray();
        if (a.size() != b.size())
            out << u"%1: %2 elements in ours, %3 in cargo's"_s.arg(where).arg(a.size()).arg(b.size());
        for (qsizetype i = 0; i < qMin(a.size(), b.size()); ++i)
            differences(a.at(i), b.at(i), u"%1[%2]"_s.arg(where).arg(i), out);
    } else if (ours != cargos) {
        differences(QJsonValue(QJsonValue::Null), QJsonValue(QJsonArray{cargos}), where, out); // types differ now: prints both
        out.last() = u"%1: ours %2, cargo's %3"_s.arg(where, ours.toVariant().toString(), cargos.toVariant().toString());
    }
}

} // namespace

class TestPublishConformance : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    FaultServer m_registry;
    QString m_indexUrl;

    QString cargoHome() const { return m_dir.filePath(u"cargo-home"_s); }

    bool extract(const QString &crate, const QString &into, QString *top)
    {
        QDir().mkpath(into);
        QProcess tar;
        tar.start(u"tar"_s, {u"-xzf"_s, crate, u"-C"_s, into});
        if (!tar.waitForFinished(60000) || tar.exitCode() != 0)
            return false;
        const QStringList entries = QDir(into).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        if (entries.size() != 1)
            return false;
        *top = QDir(into).filePath(entries.first());
        // Files cargo writes into a package and refuses to find in a source folder.
        QFile::remove(*top + u"/Cargo.toml.orig"_s);
        QFile::remove(*top + u"/.cargo_vcs_info.json"_s);
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_registry.isListening());
        m_indexUrl = u"sparse+"_s + m_registry.url(u"/index/"_s).toString();
        m_registry.setRoute(u"/index/config.json"_s,
                            {FaultServer::Response::ok("{\"dl\":\"" + m_registry.url(u"/dl"_s).toEncoded() + "\",\"api\":\""
                                                       + m_registry.baseUrl().toEncoded() + "\"}")});
        m_registry.setRoute("PUT", u"/api/v1/crates/new"_s, {FaultServer::Response::ok("{}")});
        // Dependencies come from the crate sources Debian installs, as when the fixture was made.
        QVERIFY(QDir().mkpath(cargoHome()));
        QFile config(cargoHome() + u"/config.toml"_s);
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("[registries.capture]\nindex = \"" + m_indexUrl.toUtf8() + "\"\n"
                     "[source.crates-io]\nreplace-with = \"debian\"\n"
                     "[source.debian]\ndirectory = \"/usr/share/cargo/registry\"\n");
    }

    void cargoSendsWhatWeDerive_data()
    {
        QTest::addColumn<QString>("path");
        const QFileInfoList crates = realCrateFiles();
        QVERIFY2(crates.size() >= 30, qPrintable(u"only %1 crates in %2"_s.arg(crates.size()).arg(TestSupport::realCratesDir())));
        for (const QFileInfo &info : crates)
            QTest::newRow(qPrintable(info.completeBaseName())) << info.absoluteFilePath();
    }

    void cargoSendsWhatWeDerive()
    {
        QFETCH(QString, path);
        const auto original = CrateArchive::open(path);
        QVERIFY2(original.isOk(), qPrintable(original.error.message));
        const QString name = original.archive->name();
        const QString version = original.archive->version();

        // Cargo first makes sure the version is new (a 404), then waits until the index lists it.
        const QByteArray line = "{\"name\":\"" + name.toUtf8() + "\",\"vers\":\"" + version.toUtf8()
            + "\",\"deps\":[],\"cksum\":\"" + QByteArray(64, '0') + "\",\"features\":{},\"yanked\":false}\n";
        m_registry.setRoute(u"/index/"_s + CrateName::indexPath(name),
                            {FaultServer::Response::make(404, "not found"), FaultServer::Response::ok(line, "text/plain")});

        QString source;
        QVERIFY(extract(path, m_dir.filePath(u"src/"_s + name), &source));
        QProcess cargo;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"CARGO_HOME"_s, cargoHome());
        env.insert(u"CARGO_TARGET_DIR"_s, m_dir.filePath(u"target"_s));
        env.insert(u"CARGO_REGISTRIES_CAPTURE_TOKEN"_s, u"conformance-token"_s);
        env.insert(u"CARGO_TERM_COLOR"_s, u"never"_s);
        cargo.setProcessEnvironment(env);
        cargo.setWorkingDirectory(source);
        cargo.setProcessChannelMode(QProcess::MergedChannels);
        // Not blocking: this process is also the registry cargo talks to.
        QSignalSpy done(&cargo, &QProcess::finished);
        const int before = m_registry.requestCount(u"/api/v1/crates/new"_s);
        cargo.start(u"cargo"_s, {u"publish"_s, u"--registry"_s, u"capture"_s, u"--no-verify"_s, u"--allow-dirty"_s});
        QVERIFY2(done.wait(300000), "cargo publish did not finish within 5 minutes");
        const QString output = QString::fromUtf8(cargo.readAll());
        QVERIFY2(cargo.exitCode() == 0, qPrintable(u"cargo publish failed:\n"_s + output));
        QCOMPARE(m_registry.requestCount(u"/api/v1/crates/new"_s), before + 1);

        const FaultServer::Request put = m_registry.requests(u"/api/v1/crates/new"_s).last();
        const auto body = PublishMetadata::unframe(put.body);
        QVERIFY2(body, "cargo's body is not framed as the protocol says");
        const auto uploaded = CrateArchive::fromBytes(body->crate, name + u".crate"_s);
        QVERIFY2(uploaded.isOk(), qPrintable(uploaded.error.message));
        const auto ours = PublishMetadata::fromArchive(*uploaded.archive, m_indexUrl);
        QVERIFY2(ours.isOk(), qPrintable(ours.error));

        QJsonParseError error;
        const QJsonDocument cargoJson = QJsonDocument::fromJson(body->json, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        const QJsonDocument ourJson = QJsonDocument::fromJson(ours.metadata->toJson());
        QStringList diff;
        differences(ourJson.object(), cargoJson.object(), name, diff);
        QVERIFY2(diff.isEmpty(), qPrintable(diff.join(u'\n')));
        // Beyond key order, even the bytes agree.
        QCOMPARE(ours.metadata->toJson(), body->json);
    }
};

QTEST_GUILESS_MAIN(TestPublishConformance)
#include "tst_publishconformance.moc"
