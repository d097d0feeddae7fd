// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// One crate as a feed's listing shows it.
struct CrateSummary
{
    QString name;
    QString latestVersion;
    QString description;
};
