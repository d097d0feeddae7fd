// SPDX-License-Identifier: GPL-3.0-or-later
#include "clirun.h"

#include "testsupport.h"

#include <QProcess>
#include <QSignalSpy>

using namespace Qt::Literals::StringLiterals;

QString CliResult::describe() const
{
    return u"exit %1\nstdout: %2\nstderr: %3"_s.arg(exitCode).arg(QString::fromUtf8(out), QString::fromUtf8(err));
}

CliResult runCratedesk(const QStringList &args, const QByteArray &input, const QHash<QString, QString> &extraEnvironment, int timeoutMs)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"QT_LOGGING_RULES"_s);
    for (auto it = extraEnvironment.cbegin(); it != extraEnvironment.cend(); ++it)
        env.insert(it.key(), it.value());
    process.setProcessEnvironment(env);
    process.start(TestSupport::cratedeskExecutable(), args);
    process.write(input);
    process.closeWriteChannel();
    CliResult result;
    // Waits on the signal, not waitForFinished(): servers of the test in this thread (a
    // FaultServer playing a registry) keep answering the command meanwhile.
    QSignalSpy finished(&process, &QProcess::finished);
    if (process.state() != QProcess::NotRunning && !finished.wait(timeoutMs)) {
        process.kill();
        finished.wait(5000);
        return result;
    }
    if (process.error() == QProcess::FailedToStart)
        return result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}
