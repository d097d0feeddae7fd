// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDebug>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QList>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <algorithm>
#include <functional>
#include <utility>

// Real cargo against the local feed, without the network: a throw-away CARGO_HOME whose
// config names the feed `local` (and the default registry), crate projects written into the
// same temporary folder, one shared target dir, and cargo run to completion with its stdout
// and stderr merged, so a failing check can show exactly what cargo said.
class CargoProject final
{
    Q_DISABLE_COPY_MOVE(CargoProject)

public:
    enum class Kind { Library, Binary };

    struct Dependency
    {
        QString name;
        QString requirement; // "0.1"; always from the `local` registry
    };

    struct Result
    {
        QStringList args;
        int exitCode = -1; // -1: did not start, crashed or timed out
        QByteArray output; // stdout and stderr, merged in cargo's order

        bool succeeded() const { return exitCode == 0; }
        QString text() const { return QString::fromUtf8(output); }
        // "cargo ARGS exited with N; its output:" and the output, for failure messages.
        QString report() const;
    };

    struct LockedPackage
    {
        QString name;
        QString version;
        QString source;
    };

    // `indexUrl` is what `cratedesk serve` printed: sparse+http://127.0.0.1:PORT/ (https with TLS).
    CargoProject(const QString &indexUrl, bool authRequired);
    ~CargoProject();

    bool isValid() const { return m_dir.isValid(); }
    // A PEM file of CAs cargo trusts for the feed (CARGO_HTTP_CAINFO), for an https feed.
    void setCaFile(const QString &file) { m_caFile = file; }
    QString indexUrl() const { return m_indexUrl; }
    QString home() const { return m_dir.filePath(QStringLiteral("cargo-home")); }
    QString filePath(const QString &relative) const { return m_dir.filePath(relative); }
    QString projectDir(const QString &name) const { return m_dir.filePath(QStringLiteral("projects/") + name); }

    // Writes projects/NAME/Cargo.toml and src/lib.rs or src/main.rs (replacing an earlier
    // project of that name) and returns the project folder. Publishing is allowed to
    // `local` only when `publishable`.
    QString writeCrate(const QString &name, const QString &version, Kind kind, const QString &source,
                       const QList<Dependency> &dependencies = {}, const QString &description = {},
                       bool publishable = true) const;

    // Runs `cargo ARGS` in `workDir` (the temp folder when empty), feeding `input` on stdin.
    Result run(const QStringList &args, const QString &workDir = {}, const QByteArray &input = {}) const;

    // The [[package]] entries of a Cargo.lock.
    static QList<LockedPackage> lockedPackages(const QString &projectDir);
    static QStringList lockedVersions(const QString &projectDir, const QString &name);

private:
    QProcessEnvironment environment() const;

    QTemporaryDir m_dir;
    QString m_indexUrl;
    QString m_caFile;
};

// `cratedesk serve` as a child process: started on port 0, its index URL read from the first
// stdout line, its stderr appended to a log file (a pipe nobody drains while a test blocks
// on cargo would fill up and stall the server), stopped with SIGTERM or killed.
// Header-only because tst_feedcrash, which compiles only its own source, uses it too.
class ServeProcess final
{
    Q_DISABLE_COPY_MOVE(ServeProcess)

public:
    ServeProcess(const QString &executable, const QString &dataDir, const QString &logFile)
        : m_executable(executable)
        , m_dataDir(dataDir)
        , m_logFile(logFile)
    {
    }

    ~ServeProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(10000);
        }
    }

    // For the next start() only: variables added to the server's environment (LD_PRELOAD, a
    // switch), and code run in the child before exec (setrlimit).
    void setNextStart(const QProcessEnvironment &extraEnvironment, const std::function<void()> &childSetup = {})
    {
        m_extraEnvironment = extraEnvironment;
        m_childSetup = childSetup;
    }

    // Starts the server and waits for its URL line; false with `error` set when it exits or
    // stays silent instead.
    bool start(const QStringList &extraArgs, QString *error, int timeoutMs = 30000)
    {
        m_indexUrl.clear();
        m_process.setProgram(m_executable);
        m_process.setArguments(QStringList{QStringLiteral("serve"), QStringLiteral("--data"), m_dataDir, QStringLiteral("--port"), QStringLiteral("0")} + extraArgs);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("cratedesk.*=true"));
        env.insert(std::exchange(m_extraEnvironment, {}));
        m_process.setProcessEnvironment(env);
#ifdef Q_OS_UNIX
        m_process.setChildProcessModifier(std::exchange(m_childSetup, {}));
#endif
        m_process.setStandardErrorFile(m_logFile, QIODevice::Append);
        m_process.setReadChannel(QProcess::StandardOutput);
        m_process.start();
        if (!m_process.waitForStarted(timeoutMs)) {
            *error = QStringLiteral("cannot start %1: %2").arg(m_executable, m_process.errorString());
            return false;
        }
        const QDeadlineTimer deadline(timeoutMs);
        while (!m_process.canReadLine()) {
            if (m_process.state() == QProcess::NotRunning || !m_process.waitForReadyRead(int(deadline.remainingTime()))) {
                if (m_process.state() == QProcess::NotRunning)
                    *error = QStringLiteral("cratedesk serve exited with %1 before printing its URL; its log:\n%2").arg(m_process.exitCode()).arg(logTail());
                else
                    *error = QStringLiteral("cratedesk serve printed no URL within %1 ms; its log:\n%2").arg(timeoutMs).arg(logTail());
                return false;
            }
        }
        m_indexUrl = QString::fromUtf8(m_process.readLine()).trimmed();
        if (!(m_indexUrl.startsWith(QStringLiteral("sparse+http://127.0.0.1:")) || m_indexUrl.startsWith(QStringLiteral("sparse+https://127.0.0.1:")))
            || !m_indexUrl.endsWith(u'/')) {
            *error = QStringLiteral("cratedesk serve printed \"%1\" instead of sparse+http(s)://127.0.0.1:PORT/").arg(m_indexUrl);
            return false;
        }
        return true;
    }

    // SIGTERM, as a user's Ctrl+C would; the exit code, or -1 when it crashed or hung.
    int stop(int timeoutMs = 30000)
    {
        if (m_process.state() == QProcess::NotRunning)
            return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
        m_process.terminate(); // SIGTERM on Unix
        if (!m_process.waitForFinished(timeoutMs)) {
            m_process.kill();
            m_process.waitForFinished(timeoutMs);
            return -1;
        }
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }

    // SIGKILL: no destructor, no SQLite close, the lock file left behind.
    void kill()
    {
        m_process.kill();
        m_process.waitForFinished(30000);
    }

    bool isRunning() const { return m_process.state() == QProcess::Running; }
    // "runs", "exited with 3" or "was killed by signal 13", for failure messages.
    QString stateText() const
    {
        if (isRunning())
            return QStringLiteral("runs");
        return m_process.exitStatus() == QProcess::CrashExit ? QStringLiteral("was killed by signal %1").arg(m_process.exitCode())
                                                             : QStringLiteral("exited with %1").arg(m_process.exitCode());
    }
    qint64 processId() const { return m_process.processId(); }
    QString indexUrl() const { return m_indexUrl; }
    QUrl baseUrl() const { return QUrl(m_indexUrl.sliced(m_indexUrl.indexOf(u'+') + 1)); }
    QString dataDir() const { return m_dataDir; }

    QByteArray log() const
    {
        QFile file(m_logFile);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    QString logTail(int lines = 40) const
    {
        const QStringList all = QString::fromUtf8(log()).split(u'\n');
        return all.mid(std::max<qsizetype>(0, all.size() - lines)).join(u'\n');
    }

    // `cratedesk feed token create --data DIR --login LOGIN`; empty with `error` set on failure.
    // Its stderr goes to the same log, which must never show a token either.
    QString createToken(const QString &login, QString *error) const
    {
        QProcess process;
        process.setStandardErrorFile(m_logFile, QIODevice::Append);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("cratedesk.*=true"));
        process.setProcessEnvironment(env);
        process.start(m_executable, {QStringLiteral("feed"), QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("--data"), m_dataDir, QStringLiteral("--login"), login});
        if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
            *error = QStringLiteral("`cratedesk feed token create --login %1` failed (exit code %2, %3); log:\n%4")
                         .arg(login)
                         .arg(process.exitCode())
                         .arg(process.errorString(), logTail());
            return {};
        }
        const QStringList lines = QString::fromUtf8(process.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
        if (lines.size() != 1 || lines.first().trimmed().isEmpty()) {
            *error = QStringLiteral("`cratedesk feed token create` printed %1 lines instead of one token").arg(lines.size());
            return {};
        }
        return lines.first().trimmed();
    }

private:
    QString m_executable;
    QString m_dataDir;
    QString m_logFile;
    QString m_indexUrl;
    QProcessEnvironment m_extraEnvironment;
    std::function<void()> m_childSetup;
    QProcess m_process;
};

// QVERIFY2 truncates its message to about 1 KiB: cargo's whole output goes to the log first,
// and the failure message keeps its end, where cargo puts the error.
#define CARGO_VERIFY_THAT(condition, result, what)                                                                     \
    do {                                                                                                               \
        const bool holds_ = (condition);                                                                               \
        const CargoProject::Result &cargoResult_ = (result);                                                           \
        if (!holds_)                                                                                                   \
            qWarning().noquote() << (what) << '\n' << cargoResult_.report();                                           \
        QVERIFY2(holds_, qPrintable(QString(what) + u'\n' + cargoResult_.report().right(700)));                         \
    } while (false)

#define CARGO_VERIFY(result) CARGO_VERIFY_THAT((result).succeeded(), result, QStringLiteral("cargo failed"))
