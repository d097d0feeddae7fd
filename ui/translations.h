// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QCoreApplication;

namespace Translations {

// English plural forms ("1 crate", "2 crates") always, then the user's language where a
// translation exists: a later translator is asked first, so English fills what it lacks.
void install(QCoreApplication *app);

} // namespace Translations
