// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

// The cratedesk executable run as a user runs it from a shell: no debug logging switched on
// by the test runner, `input` on stdin, stdout and stderr kept apart.
struct CliResult
{
    int exitCode = -1; // -1: did not start, crashed or timed out
    QByteArray out;
    QByteArray err;

    // "exit N / stdout: ... / stderr: ...", for failure messages.
    QString describe() const;
};

CliResult runCratedesk(const QStringList &args, const QByteArray &input = {},
                       const QHash<QString, QString> &extraEnvironment = {}, int timeoutMs = 120000);
