// SPDX-License-Identifier: GPL-3.0-or-later
#include "appicon.h"

#include <QFile>

using namespace Qt::Literals::StringLiterals;

// The resource is compiled into this static library; naming it here keeps the linker from
// dropping it. Q_INIT_RESOURCE must be called from the global namespace.
static void initResources()
{
    Q_INIT_RESOURCE(cratedesk);
}

namespace AppIcon {

QString applicationId()
{
    return u"org.cratedesk.CrateDesk"_s;
}

QIcon icon()
{
    initResources();
    QIcon fallback;
    for (int size : {16, 22, 24, 32, 48, 64, 128, 256})
        fallback.addFile(u":/icons/%1x%1/org.cratedesk.CrateDesk.png"_s.arg(size), QSize(size, size));
    // The SVG needs the Qt Svg icon engine plugin; the PNGs cover every usual size without it.
    if (QFile::exists(u":/icons/org.cratedesk.CrateDesk.svg"_s))
        fallback.addFile(u":/icons/org.cratedesk.CrateDesk.svg"_s);
    return QIcon::fromTheme(applicationId(), fallback);
}

} // namespace AppIcon
