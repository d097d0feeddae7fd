// SPDX-License-Identifier: GPL-3.0-or-later
#include "cargoproject.h"

#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace {

// Long enough for a build plus cargo's wait for the index (60 s at most), short enough that
// a hang fails this call instead of the whole test executable.
constexpr int CargoTimeoutMs = 300000;

bool writeFile(const QString &path, const QByteArray &contents)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(contents) == contents.size();
}

// TOML basic strings: the test's own names and descriptions never need more than this.
QByteArray quoted(const QString &value)
{
    QString escaped = value;
    escaped.replace(u'\\', u"\\\\"_s).replace(u'"', u"\\\""_s);
    return '"' + escaped.toUtf8() + '"';
}

} // namespace

QString CargoProject::Result::report() const
{
    const QString status = exitCode == -1 ? u"did not finish (not started, crashed or timed out)"_s
                                          : u"exited with %1"_s.arg(exitCode);
    return u"`cargo %1` %2; its output:\n%3"_s.arg(args.join(u' '), status, QString::fromUtf8(output));
}

CargoProject::CargoProject(const QString &indexUrl, bool authRequired)
    : m_indexUrl(indexUrl)
{
    if (!m_dir.isValid() || !QDir().mkpath(home()) || !QDir().mkpath(m_dir.filePath(u"projects"_s)))
        return;
    QByteArray config = "[registries.local]\nindex = " + quoted(indexUrl) + '\n';
    // Without an explicit provider cargo refuses to send a token to an auth-required feed.
    if (authRequired)
        config += "credential-provider = \"cargo:token\"\n";
    config += "\n[registry]\ndefault = \"local\"\n"
              // One retry at most: a feed that fails should fail the check now, not after
              // cargo's back-off.
              "\n[net]\nretry = 1\n";
    if (!writeFile(home() + u"/config.toml"_s, config))
        m_dir.remove();
}

CargoProject::~CargoProject() = default;

QString CargoProject::writeCrate(const QString &name, const QString &version, Kind kind, const QString &source,
                                 const QList<Dependency> &dependencies, const QString &description, bool publishable) const
{
    const QString dir = projectDir(name);
    QDir(dir).removeRecursively();
    if (!QDir().mkpath(dir + u"/src"_s))
        return {};
    QByteArray manifest = "[package]\nname = " + quoted(name) + "\nversion = " + quoted(version)
        + "\nedition = \"2021\"\ndescription = " + quoted(description.isEmpty() ? u"%1, a crate of the CrateDesk interop test"_s.arg(name) : description)
        + "\nlicense = \"MIT\"\n" + (publishable ? "publish = [\"local\"]\n" : "publish = false\n");
    if (!dependencies.isEmpty()) {
        manifest += "\n[dependencies]\n";
        for (const Dependency &dependency : dependencies)
            manifest += dependency.name.toUtf8() + " = { version = " + quoted(dependency.requirement) + ", registry = \"local\" }\n";
    }
    const QString sourceFile = kind == Kind::Library ? u"/src/lib.rs"_s : u"/src/main.rs"_s;
    if (!writeFile(dir + u"/Cargo.toml"_s, manifest) || !writeFile(dir + sourceFile, source.toUtf8()))
        return {};
    return dir;
}

QProcessEnvironment CargoProject::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QStringList keys = env.keys();
    for (const QString &key : keys) {
        // Nothing from the caller's own cargo setup, and no proxy between cargo and 127.0.0.1.
        if (key.startsWith(u"CARGO_"_s) || key.endsWith(u"_proxy"_s, Qt::CaseInsensitive))
            env.remove(key);
    }
    env.insert(u"CARGO_HOME"_s, home());
    env.insert(u"CARGO_TARGET_DIR"_s, m_dir.filePath(u"target"_s));
    env.insert(u"CARGO_TERM_COLOR"_s, u"never"_s);
    env.insert(u"CARGO_TERM_PROGRESS_WHEN"_s, u"never"_s);
    env.insert(u"CARGO_INCREMENTAL"_s, u"0"_s);
    if (!m_caFile.isEmpty())
        env.insert(u"CARGO_HTTP_CAINFO"_s, m_caFile);
    env.insert(u"NO_PROXY"_s, u"127.0.0.1,localhost"_s);
    env.insert(u"no_proxy"_s, u"127.0.0.1,localhost"_s);
    return env;
}

CargoProject::Result CargoProject::run(const QStringList &args, const QString &workDir, const QByteArray &input) const
{
    Result result;
    result.args = args;
    QProcess cargo;
    cargo.setProcessEnvironment(environment());
    cargo.setWorkingDirectory(workDir.isEmpty() ? m_dir.path() : workDir);
    cargo.setProcessChannelMode(QProcess::MergedChannels);
    cargo.start(u"cargo"_s, args);
    if (!cargo.waitForStarted(30000)) {
        result.output = "cannot start cargo: " + cargo.errorString().toUtf8();
        return result;
    }
    if (!input.isEmpty())
        cargo.write(input);
    cargo.closeWriteChannel();
    if (!cargo.waitForFinished(CargoTimeoutMs)) {
        cargo.kill();
        cargo.waitForFinished(10000);
        result.output = cargo.readAll() + "\n[the test killed cargo after " + QByteArray::number(CargoTimeoutMs / 1000) + " s]";
        return result;
    }
    result.output = cargo.readAll();
    result.exitCode = cargo.exitStatus() == QProcess::NormalExit ? cargo.exitCode() : -1;
    return result;
}

QList<CargoProject::LockedPackage> CargoProject::lockedPackages(const QString &projectDir)
{
    QFile file(projectDir + u"/Cargo.lock"_s);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    static const QRegularExpression keyValue(u"^(\\w+) = \"([^\"]*)\"$"_s);
    QList<LockedPackage> packages;
    const QStringList blocks = QString::fromUtf8(file.readAll()).split(u"[[package]]"_s);
    for (const QString &block : blocks.mid(1)) {
        LockedPackage package;
        for (const QString &line : block.split(u'\n')) {
            const QRegularExpressionMatch match = keyValue.match(line.trimmed());
            if (!match.hasMatch())
                continue;
            if (match.captured(1) == u"name"_s)
                package.name = match.captured(2);
            else if (match.captured(1) == u"version"_s)
                package.version = match.captured(2);
            else if (match.captured(1) == u"source"_s)
                package.source = match.captured(2);
        }
        packages.append(package);
    }
    return packages;
}

QStringList CargoProject::lockedVersions(const QString &projectDir, const QString &name)
{
    QStringList versions;
    for (const LockedPackage &package : lockedPackages(projectDir)) {
        if (package.name == name)
            versions.append(package.version);
    }
    return versions;
}
