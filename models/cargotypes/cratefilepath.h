// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

// Where files named after network data may go. Every part is validated before it becomes a
// path, and the result is checked, once cleaned, to stay inside its folder: an index line
// that says `"name": "../../x"` or `"vers": "1/../../x"` names no file at all.
namespace CrateFilePath {

// "serde-1.0.0.crate", or empty when `name` is not a valid crate name or `vers` not SemVer.
QString fileName(QStringView name, QStringView vers);

// `relative` under `folder`, cleaned and absolute; empty when it would leave the folder
// (`..`, an absolute path, a drive letter) or `folder` is empty.
QString within(const QString &folder, const QString &relative);

// fileName() within `folder`; empty when either refuses.
QString crateFile(const QString &folder, QStringView name, QStringView vers);

// A download cache keyed by what was verified: "ab/ab12…ef.crate" for a 64-hex sha256, so that
// no folder is ever made from a name the network chose. Empty for anything but a sha256.
QString byChecksum(const QString &folder, QStringView cksum);

} // namespace CrateFilePath
