// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUrl>

#include <optional>

// The index URL of a sparse feed as users type it ("sparse+https://host/path/" or plain
// "https://host/path/") checked against cargo's rules, so that what we store and later write
// into cargo's config is what cargo accepts.
namespace FeedUrl {
// Returns the URL without "sparse+", or an invalid QUrl with *error saying what to change.
QUrl parse(const QString &text, QString *error);

// A ProGet Cargo feed's index lives at {server}/cargo/{feed}/; its APIs hang off {server}.
struct ProGetFeed
{
    QUrl server; // ending without '/', e.g. https://proget.example or https://host/proget
    QString feed;
};
// The server and feed name of an index URL shaped like ProGet's, or nullopt.
std::optional<ProGetFeed> proGetFeed(const QUrl &indexUrl);
} // namespace FeedUrl
