// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <Qt>

// The only thing models and delegates share (style.md rule 5): role ids, never model types.
namespace Roles {
enum : int {
    FeedName = Qt::UserRole + 1,
    FeedIndexUrl,
    FeedIsLocal,
    FeedAuthKind,
};
}
