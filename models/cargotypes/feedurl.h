// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUrl>

// The index URL of a sparse feed as users type it ("sparse+https://host/path/" or plain
// "https://host/path/") checked against cargo's rules, so that what we store and later write
// into cargo's config is what cargo accepts.
namespace FeedUrl {
// Returns the URL without "sparse+", or an invalid QUrl with *error saying what to change.
QUrl parse(const QString &text, QString *error);
}
