// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace TestSupport {

// The built `cratedesk` executable, for tests that drive it as a user would.
QString cratedeskExecutable();
QString sourceDir();
// Folder of genuine .crate files made by tests/fixtures/make-real-crates.sh.
QString realCratesDir();
// Every regular file under `dirs` whose bytes contain `needle`.
QStringList filesContaining(const QStringList &dirs, const QByteArray &needle);

// The keychain entries of a feed called `feedName` with a token, or with Basic credentials
// (Feed::secretKey).
QString tokenSecretKey(const QString &feedName);
QString passwordSecretKey(const QString &feedName);

} // namespace TestSupport
