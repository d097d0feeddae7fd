// SPDX-License-Identifier: GPL-3.0-or-later
#include "feedserveroptions.h"

#include <QStandardPaths>

using namespace Qt::Literals::StringLiterals;

QString FeedServerOptions::defaultDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/feeds/local"_s;
}
