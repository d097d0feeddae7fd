// SPDX-License-Identifier: GPL-3.0-or-later
#include "feed.h"

using namespace Qt::Literals::StringLiterals;

QString Feed::cargoIndexUrl() const
{
    return u"sparse+"_s + indexUrl.toString();
}
