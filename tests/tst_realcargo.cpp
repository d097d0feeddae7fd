// SPDX-License-Identifier: GPL-3.0-or-later
// Debian's cargo works here with an empty CARGO_HOME: the base of every interop test.
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestRealCargo : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QProcess::ExitStatus run(const QStringList &args, const QString &workDir, QByteArray &out)
    {
        QProcess cargo;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"CARGO_HOME"_s, m_dir.filePath(u"cargo-home"_s));
        env.insert(u"CARGO_NET_OFFLINE"_s, u"true"_s);
        cargo.setProcessEnvironment(env);
        cargo.setWorkingDirectory(workDir);
        cargo.setProcessChannelMode(QProcess::MergedChannels);
        cargo.start(u"cargo"_s, args);
        if (!cargo.waitForFinished(240000))
            return QProcess::CrashExit;
        out = cargo.readAll();
        return cargo.exitCode() == 0 ? cargo.exitStatus() : QProcess::CrashExit;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(!QStandardPaths::findExecutable(u"cargo"_s).isEmpty(), "cargo is not installed");
    }

    void buildsAndRunsAProjectWithAnEmptyCargoHome()
    {
        QByteArray out;
        QCOMPARE(run({u"new"_s, u"--vcs"_s, u"none"_s, u"--bin"_s, u"hello"_s}, m_dir.path(), out), QProcess::NormalExit);
        QCOMPARE(run({u"run"_s, u"--quiet"_s, u"--offline"_s}, m_dir.filePath(u"hello"_s), out), QProcess::NormalExit);
        QCOMPARE(out, QByteArray("Hello, world!\n"));
    }

    void reportsItsVersion()
    {
        QByteArray out;
        QCOMPARE(run({u"--version"_s}, m_dir.path(), out), QProcess::NormalExit);
        QVERIFY2(out.startsWith("cargo 1."), out.constData());
    }
};

QTEST_GUILESS_MAIN(TestRealCargo)
#include "tst_realcargo.moc"
