// SPDX-License-Identifier: GPL-3.0-or-later
#include "cratedropfilter.h"

#include <QDropEvent>
#include <QFileInfo>
#include <QMimeData>
#include <QUrl>
#include <QWidget>

using namespace Qt::Literals::StringLiterals;

namespace {

bool isCratePath(const QString &path)
{
    return path.endsWith(u".crate"_s, Qt::CaseInsensitive) && !QFileInfo(path).isDir();
}

} // namespace

CrateDropFilter::CrateDropFilter(QObject *parent)
    : QObject(parent)
{
}

CrateDropFilter::~CrateDropFilter() = default;

void CrateDropFilter::watch(QWidget *widget)
{
    widget->setAcceptDrops(true);
    widget->installEventFilter(this);
}

CrateDropFilter::Result CrateDropFilter::crateFiles(const QMimeData *mime)
{
    Result result;
    if (!mime)
        return result;
    if (!mime->hasUrls()) {
        if (mime->hasText() || !mime->formats().isEmpty())
            result.rejected << tr("Only .crate files can be published; what was dropped is not a file.");
        return result;
    }
    for (const QUrl &url : mime->urls()) {
        if (!url.isLocalFile()) {
            result.rejected << tr("%1 is not a local file; download it first, then drop the .crate file.")
                                   .arg(url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery));
            continue;
        }
        const QString path = url.toLocalFile();
        const QFileInfo info(path);
        if (info.isDir())
            result.rejected << tr("%1 is a folder; drop the .crate files inside it instead.").arg(info.fileName());
        else if (!isCratePath(path))
            result.rejected << tr("%1 is not a .crate file; only .crate files can be published.").arg(info.fileName());
        else if (!result.paths.contains(path))
            result.paths << path;
    }
    return result;
}

bool CrateDropFilter::hasCrateFiles(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls())
        return false;
    const QList<QUrl> urls = mime->urls();
    return std::any_of(urls.begin(), urls.end(), [](const QUrl &url) { return url.isLocalFile() && isCratePath(url.toLocalFile()); });
}

bool CrateDropFilter::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove: {
        auto *drag = static_cast<QDropEvent *>(event);
        // Anything with URLs is taken, so that a drop of the wrong files can still be explained.
        if (drag->mimeData()->hasUrls()) {
            drag->acceptProposedAction();
            return true;
        }
        break;
    }
    case QEvent::Drop: {
        auto *drop = static_cast<QDropEvent *>(event);
        if (!drop->mimeData()->hasUrls())
            break;
        drop->acceptProposedAction();
        const Result result = crateFiles(drop->mimeData());
        if (!result.rejected.isEmpty())
            Q_EMIT filesRejected(result.rejected);
        if (!result.paths.isEmpty())
            Q_EMIT cratesDropped(result.paths);
        return true;
    }
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}
