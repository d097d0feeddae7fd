// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>

class QPalette;

// The colours that say "bad", "doubtful" and "good" (a failed upload, a warning, a line a
// diff adds), for the palette they are drawn on. Qt's palette has no role for them; these
// are KDE's semantic colours, darker on a light background and lighter on a dark one, so
// that text in them keeps its contrast in either.
namespace StatusColours {

enum class Tone { Negative, Neutral, Positive, Information };

bool isDark(const QPalette &palette);
// Text in this tone on the palette's window or base.
QColor text(Tone tone, const QPalette &palette);
// A tint behind text of the palette, such as a line of a diff.
QColor tint(Tone tone, const QPalette &palette);

} // namespace StatusColours
