// SPDX-License-Identifier: GPL-3.0-or-later
#include "cratesio.h"

using namespace Qt::Literals::StringLiterals;

namespace CratesIo {

QString gitIndexUrl()
{
    return u"https://github.com/rust-lang/crates.io-index"_s;
}

QUrl sparseIndexUrl()
{
    return QUrl(u"https://index.crates.io/"_s);
}

QString canonicalIndex(const QString &index)
{
    QString text = index.trimmed();
    for (const QString &prefix : {u"sparse+"_s, u"registry+"_s}) {
        if (text.startsWith(prefix))
            text = text.mid(prefix.size());
    }
    QUrl url(text);
    url = url.adjusted(QUrl::StripTrailingSlash | QUrl::NormalizePathSegments);
    if (url.host() == u"github.com"_s) {
        QString path = url.path().toLower();
        if (path.endsWith(u".git"_s))
            path.chop(4);
        url.setPath(path);
    }
    QString canonical = url.toString(QUrl::FullyEncoded);
    // StripTrailingSlash keeps the slash of a root path such as https://index.crates.io/.
    while (canonical.endsWith(u'/'))
        canonical.chop(1);
    if (canonical == u"https://index.crates.io"_s || canonical == gitIndexUrl())
        return u"crates-io"_s;
    return canonical;
}

bool isIndex(const QString &index)
{
    return canonicalIndex(index) == u"crates-io"_s;
}

bool isIndex(const QUrl &index)
{
    return isIndex(index.toString());
}

} // namespace CratesIo
