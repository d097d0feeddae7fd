// SPDX-License-Identifier: GPL-3.0-or-later
#include "feedurl.h"

#include <QCoreApplication>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace FeedUrl {

QUrl parse(const QString &text, QString *error)
{
    QString input = text.trimmed();
    if (input.startsWith(u"sparse+"_s))
        input = input.mid(7);
    else if (input.startsWith(u"git+"_s) || input.endsWith(u".git"_s))
        return *error = QCoreApplication::translate("FeedUrl", "\"%1\" is a git index; CrateDesk reads sparse feeds (sparse+https://…/)").arg(text), QUrl();
    const QUrl url(input, QUrl::StrictMode);
    if (input.isEmpty() || !url.isValid() || url.isRelative() || url.host().isEmpty())
        return *error = QCoreApplication::translate("FeedUrl", "\"%1\" is not a URL; a feed looks like sparse+https://host/path/").arg(text), QUrl();
    if (url.scheme() != u"https"_s && url.scheme() != u"http"_s)
        return *error = QCoreApplication::translate("FeedUrl", "\"%1\" uses %2:, but a sparse feed is served over https (or http)").arg(text, url.scheme()), QUrl();
    if (!url.password().isEmpty())
        return *error = QCoreApplication::translate("FeedUrl", "\"%1\" contains a password; cargo refuses that, so store it as the feed's credentials instead").arg(text), QUrl();
    if (url.hasQuery() || url.hasFragment())
        return *error = QCoreApplication::translate("FeedUrl", "\"%1\" has a query or fragment, which a feed's index URL cannot have").arg(text), QUrl();
    // Cargo appends index paths directly, so it insists on the slash; say so instead of guessing.
    if (!url.path().endsWith(u'/'))
        return *error = QCoreApplication::translate("FeedUrl", "the index URL must end in '/': use %1/").arg(url.toString()), QUrl();
    return url;
}

std::optional<ProGetFeed> proGetFeed(const QUrl &indexUrl)
{
    static const QRegularExpression feedPath(u"^(.*)/cargo/([^/]+)/$"_s);
    const auto match = feedPath.match(indexUrl.path());
    if (!indexUrl.isValid() || !match.hasMatch())
        return std::nullopt;
    QUrl server = indexUrl;
    server.setPath(match.captured(1));
    server.setQuery(QString());
    server.setFragment(QString());
    return ProGetFeed{server, match.captured(2)};
}

} // namespace FeedUrl
