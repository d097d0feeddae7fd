// SPDX-License-Identifier: GPL-3.0-or-later
#include "cargosetupoptions.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

using namespace Qt::Literals::StringLiterals;

QString CargoSetupOptions::commandLineProgram(const QString &running)
{
    const QFileInfo program(running);
    if (program.fileName() != u"cratedesk-desktop"_s)
        return running;
    // Beside it in a build tree; installed, cratedesk-desktop is in libexec and cratedesk in bin.
    const QDir here(program.absolutePath());
    for (const QString &candidate : {here.filePath(u"cratedesk"_s), QDir::cleanPath(here.filePath(QStringLiteral(CRATEDESK_CLI_FROM_DESKTOP)))}) {
        if (QFileInfo(candidate).isExecutable())
            return candidate;
    }
    return running; // it answers the commands as well, only slower
}

QStringList CargoSetupOptions::providerCommandFor(const QString &feedCommandLineName)
{
    return {commandLineProgram(QCoreApplication::applicationFilePath()), u"credential"_s, u"--feed"_s, feedCommandLineName};
}
