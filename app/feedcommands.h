// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

// `cratedesk serve [--data DIR] [--port N] [--auth-required] [--max-crate-size BYTES]`
int runServeCommand(const QStringList &args);
// `cratedesk feed token create [--data DIR] [--login NAME] [--name NAME]`, `feed token list`,
// `feed token revoke ID|NAME`
int runFeedCommand(const QStringList &args);
