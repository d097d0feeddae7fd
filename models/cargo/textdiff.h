// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// A unified diff of two small texts (config files), line by line with three lines of
// context, as `diff -u` prints it; what the setup preview shows before anything is written.
namespace TextDiff {
// Empty when the texts are equal. `before` empty and `beforeName` "/dev/null" for a new file.
QString unified(const QString &before, const QString &after, const QString &beforeName, const QString &afterName);
}
