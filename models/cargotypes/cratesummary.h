// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// One crate as a feed's listing shows it: only what the listing itself says, nothing asked
// for per crate.
struct CrateSummary
{
    QString name;
    QString latestVersion;
    QString description;
    QString license = {}; // SPDX expression of the listed version; empty when the listing does not say
    bool yanked = false; // the listed version is yanked (ProGet: unlisted)
    bool blocked = false; // the feed refuses to serve the listed version (ProGet: allowDownload false)
};
