// SPDX-License-Identifier: GPL-3.0-or-later
#include "crateoverview.h"

#include <QDir>
#include <QFileInfo>

using namespace Qt::Literals::StringLiterals;

QUrl CrateOverview::webLink(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.size() > 2000)
        return {};
    const QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid() || url.isRelative() || url.host().isEmpty() || !url.userInfo().isEmpty())
        return {};
    const QString scheme = url.scheme().toLower();
    return scheme == u"https"_s || scheme == u"http"_s ? url : QUrl();
}

QUrl CrateOverview::docsRs(const QString &crate, const QString &version)
{
    QUrl url(u"https://docs.rs/"_s);
    url.setPath(u"/%1/%2"_s.arg(crate, version));
    return url;
}

QUrl CrateOverview::readmeImage(const QString &source, const QUrl &repository, const QString &readmeFile)
{
    if (const QUrl absolute = webLink(source); absolute.isValid())
        return absolute;
    const QUrl relative(source.trimmed());
    if (!relative.isValid() || !relative.isRelative() || !relative.host().isEmpty() || repository.isEmpty())
        return {};
    // The path inside the repository: beside the readme, never above the package's root.
    const QString readmeDir = QFileInfo(readmeFile).path() == u"."_s ? QString() : QFileInfo(readmeFile).path() + u'/';
    QString path = relative.path();
    path = QDir::cleanPath(path.startsWith(u'/') ? path.mid(1) : readmeDir + path);
    if (path.isEmpty() || path == u"."_s || path.startsWith(u"../"_s) || path == u".."_s)
        return {};
    QStringList repo = repository.path().split(u'/', Qt::SkipEmptyParts);
    const QString host = repository.host().toLower();
    if (host == u"github.com"_s && repo.size() >= 2) {
        QString name = repo.at(1);
        if (name.endsWith(u".git"_s))
            name.chop(4);
        QUrl raw(u"https://raw.githubusercontent.com/"_s);
        raw.setPath(u"/%1/%2/HEAD/%3"_s.arg(repo.at(0), name, path));
        return raw;
    }
    QUrl base = repository;
    QString basePath = base.path();
    if (basePath.endsWith(u".git"_s))
        basePath.chop(4);
    if (!basePath.endsWith(u'/'))
        basePath += u'/';
    if (host == u"gitlab.com"_s || host.startsWith(u"gitlab."_s))
        basePath += u"-/raw/HEAD/"_s;
    base.setPath(basePath + path);
    base.setQuery(QString());
    base.setFragment(QString());
    return base;
}
