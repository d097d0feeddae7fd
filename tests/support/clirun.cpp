// SPDX-License-Identifier: GPL-3.0-or-later
#include "clirun.h"

#include "testsupport.h"

#include <QProcess>

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
    if (!process.waitForFinished(timeoutMs))
        return result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}
